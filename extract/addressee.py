"""The addressee: to whom the note or letter is written.

In order: the "Aan"/"Voor" field of a note; a header line "Aan de Minister van
…"; a note that opens with its addressee's function ("Minister van Asiel en
Migratie"); the first line of a letter's address block under the "Retouradres"
line (without "T.a.v." and the street address). Redacted values give none.
"""
from __future__ import annotations

import re

from kenmerk.extract.context import Document
from kenmerk.extract.labels import match_label
from kenmerk.extract.model import DocumentType
from kenmerk.extract.references import REDACTED

LETTERS = (DocumentType.brief, DocumentType.kamerbrief, DocumentType.woo_besluit, DocumentType.besluit)
INTERNAL = (DocumentType.beslisnota, DocumentType.nota, DocumentType.memo, DocumentType.notitie)

AAN_LINE = re.compile(r"^Aan\s+(?P<who>(?:de|het)\s+[A-Z]\S*(?:\s+\S+){0,12})$")
FUNCTION = re.compile(
    r"^(?:de\s+)?(?:minister(?:-president)?|staatssecretaris|secretaris-generaal|directeur-generaal|"
    r"gedeputeerde\s+staten|gedeputeerde|college\s+van\s+burgemeester|burgemeester|voorzitter|"
    r"provinciale\s+staten|commissaris\s+van\s+de\s+koning)\b.*",
    re.IGNORECASE,
)
RETURN_ADDRESS = re.compile(r"^>?\s*retouradres\b", re.IGNORECASE)
NOT_ADDRESSEE = re.compile(r"^(?:t\.?\s*a\.?\s*v\.?|postbus|\d{4}\s?[A-Z]{2}\b)|^persoonsgegeven|^\W*$", re.IGNORECASE)
#: addressees printed as codes: "MBZK", "MINDEF", "MBZK en SBZK", "Stas IenW"
CODES = re.compile(r"^(?:[A-Z][A-Za-z0-9&-]{1,9})(?:\s*(?:,|en|&)\s*[A-Z][A-Za-z0-9&-]{1,9})*$|^stas\s+\w+$",
                   re.IGNORECASE)
POSTCODE = re.compile(r"^\d{4}\s?[A-Z]{2}\s+\S")
ARTICLE = re.compile(r"^(?:de|het)\s+", re.IGNORECASE)


def clean_addressee(text: str) -> str | None:
    """The addressee in `text`: the first recipient that is not redacted, without e-mail address."""
    parts = [p for p in re.split(r";", text) if p.strip()]
    for part in parts[:-1]:
        if REDACTED.match(part.strip()) or not part.strip():
            continue
        text = part
        break
    else:
        text = parts[-1] if parts else text
    text = re.sub(r"\s*[<\[(]?[\w.+-]*@\s?[\w-]+(?:\.[\w-]+)+[>\])]?", "", text)
    text = re.sub(r"\s*\S+\.(?:nl|com|org|eu)\b\S*", "", text)  # a domain left over from a redacted address
    text = re.sub(r"\s+", " ", text).strip(" :;,")
    if "@" in text or re.search(r"\d\s?\.\s?\d", text):
        return None  # the rest of a redacted e-mail address, or a redaction code
    if not re.search(r"[a-zà-ÿ]{3}", text) and not CODES.match(text):
        return None  # no word in lower case and no code like "MBZK": redaction marks or OCR noise
    text = ARTICLE.sub("", text) if FUNCTION.match(ARTICLE.sub("", text)) else text
    if not text or REDACTED.match(text) or NOT_ADDRESSEE.match(text) or len(text) > 120:
        return None
    return text


def extract_addressee(doc: Document, values: dict) -> None:
    """Set `addressee`."""
    for pair in doc.pairs_of("addressee"):
        if pair.label_line.page != 1:
            continue
        first = pair.texts[0] if pair.texts else ""
        who = clean_addressee(first)
        if who:
            values["addressee"] = who
            values["evidence"]["addressee"] = doc.evidence(pair.all_lines[:2])
            return
    header = doc.header or doc.first_page
    for i, ln in enumerate(header[:40]):
        m = AAN_LINE.match(ln.text)
        if m and not ln.text.rstrip().endswith((".", "?")) and (who := clean_addressee(m.group("who"))):
            used = [ln]
            nxt = header[i + 1] if i + 1 < len(header) else None
            if nxt is not None and nxt.text[:1].islower() and not NOT_ADDRESSEE.match(nxt.text) \
                    and (not nxt.has_box or abs(nxt.x0 - ln.x0) < 3):
                who, used = f"{who} {nxt.text}", [ln, nxt]
            values["addressee"] = who
            values["evidence"]["addressee"] = doc.evidence(used)
            doc.claimed.update(x.index for x in used)
            return
    # a note that opens with its addressee's function, before any label
    opening = [ln for ln in doc.first_page if not doc.in_colofon(ln)]
    if doc.layout.has_positions:
        opening.sort(key=lambda x: -x.y1)
    for ln in opening[:3] if values.get("document_type") in INTERNAL else []:
        if match_label(ln.text):
            break
        if FUNCTION.match(ln.text) and len(ln.text) < 80 and (who := clean_addressee(ln.text)):
            values["addressee"] = who
            values["evidence"]["addressee"] = doc.evidence([ln])
            doc.claimed.add(ln.index)
            return
    # a letter: the address block, under the return address or ending in a postcode line
    lines = doc.body if doc.layout.has_positions else doc.content
    letter = values.get("document_type") in LETTERS
    block = _address_block(doc, lines[:60], letter)
    if block:
        values["addressee"] = block[1]
        values["evidence"]["addressee"] = doc.evidence([block[0]])
        doc.claimed.add(block[0].index)


def _address_block(doc: Document, lines: list, letter: bool) -> tuple | None:
    """(line, addressee) of the first line of a letter's address block."""
    for i, ln in enumerate(lines):
        if RETURN_ADDRESS.match(ln.text):
            for nxt in lines[i + 1:i + 4]:
                if nxt.has_box and ln.has_box and (abs(nxt.x0 - ln.x0) > 30 or ln.y0 - nxt.y1 > 80):
                    continue
                if match_label(nxt.text) or re.search(r"postbus|\d{4}\s?[A-Z]{2}", nxt.text, re.I) and nxt is lines[i + 1]:
                    continue
                who = clean_addressee(nxt.text)
                if who:
                    return nxt, who
            return None
    # no return address: a letter's block at the top ending in "1234 AB Plaats"
    for i, ln in enumerate(lines[:12] if letter else []):
        if POSTCODE.match(ln.text):
            start = i
            while start > 0 and i - start < 4 and not match_label(lines[start - 1].text) \
                    and (not ln.has_box or abs(lines[start - 1].x0 - ln.x0) < 3):
                start -= 1
            if start < i and (who := clean_addressee(lines[start].text)):
                return lines[start], who
            return None
    return None
