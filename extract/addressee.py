"""The addressee: to whom the note or letter is written.

Candidates, by convention: the "Aan"/"Voor"/"To" field of a note's header or
of the top message of an e-mail; a header line "Aan de Minister van …"; the
first line of a letter's address block (`kenmerk.extract.letter`), without
"T.a.v.", the postal address and a leading "Aan"; a note that opens with its
addressee's function ("Minister van Asiel en Migratie"). A redacted value, a
redaction code or OCR noise read from a redaction box is no addressee.
"""
from __future__ import annotations

import re

from kenmerk.extract import geometry
from kenmerk.extract.candidates import Candidate, FieldExtractor, Inputs
from kenmerk.extract.context import Document
from kenmerk.extract.labels import match_label
from kenmerk.extract.layout import Line
from kenmerk.extract.letter import letter
from kenmerk.extract.mail import top_header
from kenmerk.extract.model import DocumentType as T
from kenmerk.extract.noise import mostly_noise
from kenmerk.extract.references import REDACTED

INTERNAL = (T.beslisnota, T.nota, T.memo, T.notitie)

#: "Aan de Minister van …", "Aan Provinciale Staten": a header line naming the addressee
#: a verb that makes an "Aan …" line a sentence
SENTENCE_VERB = re.compile(r"\b(?:wordt|worden|werd|is|zijn|was|heeft|hebben|kan|kunnen|zal|zullen|moet|moeten)\b")
AAN_LINE = re.compile(r"^Aan\s+(?P<who>(?:de|het)\s+\w\S*(?:\s+\S+){0,12}|[A-Z][\w'’-]+(?:\s+\S+){0,10})$")
FUNCTION = re.compile(
    r"^(?:de\s+)?(?:minister(?:-president)?|staatssecretaris|secretaris-generaal|directeur-generaal|"
    r"gedeputeerde\s+staten|gedeputeerde|college\s+van\s+burgemeester|burgemeester|voorzitter|"
    r"provinciale\s+staten|commissaris\s+van\s+de\s+koning)\b.*",
    re.IGNORECASE,
)
NOT_ADDRESSEE = re.compile(r"^(?:t\.?\s*a\.?\s*v\.?|postbus|(?-i:\d{4}\s?[A-Z]{2})\b)|^persoonsgegeven|^\W*$", re.IGNORECASE)
#: addressees printed as codes: "MBZK", "MINDEF", "MBZK en SBZK", "Stas IenW"
CODES = re.compile(r"^(?:[A-Z][A-Za-z0-9&-]{1,9})(?:\s*(?:,|en|&)\s*[A-Z][A-Za-z0-9&-]{1,9})*$|^stas\s+\w+$",
                   re.IGNORECASE)
LEADING_AAN = re.compile(r"^aan\s+(?=\S)", re.IGNORECASE)
AAN_ARTICLE = re.compile(r"^(?:de|het)\s+(?=\S)", re.IGNORECASE)
#: a continuation of the addressee on the next line: "Aan de Voorzitter van de Tweede Kamer" / "der Staten-Generaal"
CONTINUES = re.compile(r"^(?:der|van|en|voor|de|het)\b")
#: a line that cannot end a name: a joining word, a comma, or an adjective before its noun
#: ("Directie Arbeidsmarkt en Sociaal-Economische" / "Aangelegenheden", "Nationale" / "Ombudsman")
GOES_ON = re.compile(r"(?:\b(?:en|van|voor|der|de|het)|,|[a-zà-ÿ](?:ische|lijke|ale|ele|ieve))$")


#: a Lotus Notes name: the person or group, then its organisational units apart by slashes
LOTUS_NAME = re.compile(r"^[^/,;@]+(?:/[^/,;@]+){2,}(?:,|$)")


def clean_addressee(text: str) -> str | None:
    """The addressee in `text`: the first recipient that is not redacted, without e-mail address."""
    # recipients apart by ";", by "," after an address ("A <a@x.nl>, B <b@y.nl>"), or by "," between Lotus Notes
    # names ("Team X/Afdeling/GGD Y, Wim Boelens/Jgz/GGD Y")
    apart = r";|(?<=>)\s*,\s*" + (r"|,\s+(?=[^,;/]+/)" if LOTUS_NAME.match(text.strip()) else "")
    parts = [p for p in re.split(apart, text) if p.strip()]
    for part in parts[:-1]:
        if REDACTED.match(part.strip()) or not part.strip():
            continue
        text = part
        break
    else:
        text = parts[-1] if parts else text
    text = re.sub(r"\s*[<\[(]?[\w.+-]*@\s?[\w-]+(?:\.[\w-]+)+[>\])]?", "", text)
    text = re.sub(r"\s*\S+\.(?:nl|com|org|eu)\b\S*", "", text)  # a domain left over from a redacted address
    text = LEADING_AAN.sub("", re.sub(r"\s+", " ", text).strip(" :;,"))
    if AAN_ARTICLE.match(text) and FUNCTION.match(text):
        text = AAN_ARTICLE.sub("", text)  # "(Aan) de Minister van …": the function, as a name
    if "@" in text or re.search(r"\d\s?\.\s?\d", text):
        return None  # the rest of a redacted e-mail address, or a redaction code
    if not re.search(r"[a-zà-ÿ]{3}", text) and not CODES.match(text) and not re.search(r"[A-Z]{3,}\s+[A-Z]{3,}", text):
        return None  # no word in lower case, no code like "MBZK", no name in capitals: redaction marks
    if not text or REDACTED.match(text) or NOT_ADDRESSEE.match(text) or len(text) > 120 or mostly_noise(text):
        return None
    return text


def _with_continuation(first: Line, following: list[Line]) -> tuple[str, list[Line]]:
    """The addressee's line joined with a continuation line under it ("der Staten-Generaal")."""
    used = [first]
    text = first.text
    for nxt in following[:1]:
        if (CONTINUES.match(nxt.text) or GOES_ON.search(text.rstrip())) \
                and not NOT_ADDRESSEE.match(nxt.text) and (not nxt.has_box or geometry.aligned(first, nxt)):
            text, used = f"{text} {nxt.text}", [first, nxt]
    return text, used


def _labelled(doc: Document, doc_type: T | None) -> list[Candidate]:
    out = []
    if doc_type == T.email:
        header = top_header(doc)
        to = header.fields.get("to") if header is not None else None
        if to is not None and (who := clean_addressee(to.text)):
            out.append(Candidate(value=who, rule="mail-to", score=0.9, lines=(to.label_line, *to.lines),
                                 text=to.text, why="the 'To' of the top message"))
        return out
    for pair in doc.pairs_of("addressee"):
        if pair.label_line.page != 1:
            continue
        first = pair.texts[0] if pair.texts else ""
        for more in pair.texts[1:]:  # "Minister voor Buitenlandse Handel en" / "Ontwikkelingshulp"
            if not GOES_ON.search(first.rstrip()):
                break
            first = f"{first} {more}"
        if who := clean_addressee(first):
            out.append(Candidate(value=who, rule="label", score=0.9, lines=tuple(pair.all_lines[:2]),
                                 why=f"label {pair.label!r}"))
            break
        if first and REDACTED.match(first.strip()):
            out.append(Candidate(value=None, rule="label-redacted", score=0.9, lines=tuple(pair.all_lines[:2]),
                                 why=f"label {pair.label!r} over a redacted value: the addressee is not public"))
            break
    return out


def _aan_line(doc: Document) -> list[Candidate]:
    header = doc.header or doc.first_page
    for i, ln in enumerate(header[:40]):
        m = AAN_LINE.match(ln.text)
        if m is None or ln.text.rstrip().endswith((".", "?")) or match_label(ln.text) or SENTENCE_VERB.search(ln.text):
            continue  # ("Aan de teamleider wordt mandaat verleend …": a sentence, not an addressee line)
        text, used = _with_continuation(ln, header[i + 1:i + 2])
        if who := clean_addressee(text):
            return [Candidate(value=who, rule="aan-line", score=0.85, lines=tuple(used),
                              why="a header line 'Aan …'")]
    return []


def _address_block(doc: Document) -> list[Candidate]:
    block = letter(doc).address
    if block is None:
        return []
    lines = list(block.lines)
    while lines and NOT_ADDRESSEE.match(lines[0].text):
        lines.pop(0)
    if not lines:
        return []
    text, used = _with_continuation(lines[0], lines[1:])
    who = clean_addressee(text)
    if who is None:
        return []
    score = {"under the return address": 0.88, "a block ending in a postal address": 0.85}.get(block.how, 0.6)
    return [Candidate(value=who, rule="address-block", score=score, lines=tuple(used),
                      why=f"first line of the address block ({block.how})")]


def _opening_function(doc: Document, doc_type: T | None) -> list[Candidate]:
    if doc_type not in INTERNAL:
        return []
    opening = [ln for ln in doc.first_page if not doc.in_colofon(ln)]
    if doc.layout.has_positions:
        opening.sort(key=lambda x: -x.y1)
    for ln in opening[:3]:
        if match_label(ln.text):
            break
        if FUNCTION.match(ln.text) and len(ln.text) < 80 and (who := clean_addressee(ln.text)):
            return [Candidate(value=who, rule="opening-function", score=0.6, lines=(ln,),
                              why="a note that opens with its addressee's function")]
    return []


def propose_addressee(doc: Document, inputs: Inputs) -> list[Candidate]:
    """Candidates from the header fields, an "Aan" line, the address block and an opening function."""
    doc_type = inputs.value("document_type")
    out = _labelled(doc, doc_type)
    if doc_type == T.email:
        return out
    return out + _aan_line(doc) + _address_block(doc) + _opening_function(doc, doc_type)


ADDRESSEE = FieldExtractor("addressee", propose_addressee, reads=("document_type",))
