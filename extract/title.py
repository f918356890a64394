"""The title: the subject of the note as printed.

In order (`STRATEGIES`): an "Onderwerp"/"Betreft"/"Inzake" field; the question
paragraph of answers to Kamervragen; the line(s) after a designation line
("Nota" / "Voorval Zr.Ms. Tromp…"); the title block of a note's header (free
lines between the header fields and the first section, e.g. the line under
"Aan"/"Van" of a ministry beslisnota); on PDFs the largest print on top of
page 1; in text conversions a title-like line that landed inside the
"Bijlagen" field.
"""
from __future__ import annotations

import re
from typing import Callable

from kenmerk.extract.context import Document, join_lines
from kenmerk.extract.labels import DESIGNATION, STAGE, match_label
from kenmerk.extract.layout import Line
from kenmerk.extract.model import DocumentType
from kenmerk.extract.organisation import unit_blocks

#: lines that are never a title: addresses, units, web addresses, redaction codes
NOT_TITLE = re.compile(
    r"^(?:postbus|bezoekadres|www\.|http|[\w.-]+@|\d{4}\s?[A-Z]{2}\b|[A-Z][a-z]+straat|turfmarkt|"
    r"directoraat|directie\b|dir\.|afd\.|cluster\b|programmadirectie|portefeuille\b|ministerie\s+van|"
    r"pagina\b|aan\s+de\s|(?:provincie|gemeente|waterschap)\s+[\w-]+(?:[ -][\w-]+)?$|>?\s*retouradres\b|\(?\d+\.\d+\.\d+|(?:tweede|eerste)\s+kamer\s+der\s+staten|vergaderjaar\b)|^[\W\d]*$",
    re.IGNORECASE,
)
ADDRESS = re.compile(r"^[A-Z][\w.'-]+(?:\s[\w.'-]+){0,2}\s(?!(?:19|20)\d\d\b)\d{1,4}[a-z]?$")  # "Turfmarkt 147"
KAMERSTUK_NR = re.compile(r"^Nr\.\s*\d+$")
QUESTION_END = re.compile(r"\((?:ingezonden|ontvangen)\b[^)]*\)\.?\s*$|\)\.\s*$", re.IGNORECASE)
QUESTION = re.compile(r"^vragen\s+van\s+(?:het\s+lid|de\s+leden)\b", re.IGNORECASE)
CONNECTOR_END = re.compile(r"\b(?:en|van|de|het|voor|met|over|bij|in|op|aan|te|der)$", re.IGNORECASE)


def _title_like(line: Line) -> bool:
    text = line.text
    return (len(text) >= 8 and len(text.split()) >= 2 and not NOT_TITLE.match(text) and not ADDRESS.match(text)
            and not STAGE.match(text) and not DESIGNATION.match(text) and not match_label(text))


def _block(lines: list[Line], start: int, doc: Document, limit: int = 4, in_pair: bool = False) -> list[Line]:
    """Title lines from `lines[start]` on: consecutive, close, title-like."""
    out = [lines[start]]
    for ln in lines[start + 1:start + limit]:
        prev = out[-1]
        if ln.gap_before or ln.index in doc.claimed or (ln.index in doc.pair_lines and not in_pair) \
                or not _title_like_cont(ln, prev):
            break
        if doc.layout.has_positions and (abs(ln.x0 - prev.x0) > 6 or prev.y0 - ln.y1 > max(prev.height, 6) * 0.9
                                         or ln.page != prev.page):
            break
        if not doc.layout.has_positions and not (CONNECTOR_END.search(prev.text) or ln.text[:1].islower()
                                                 or len(prev.text) > 45):
            break
        out.append(ln)
    return out


def _title_like_cont(line: Line, prev: Line | None = None) -> bool:
    if prev is not None and re.fullmatch(r"(?:19|20)\d\d", line.text) and re.search(MONTH_END, prev.text, re.I):
        return True  # "… 26 november" / "2024"
    return bool(line.text) and not match_label(line.text) and not STAGE.match(line.text) \
        and not DESIGNATION.match(line.text) and not NOT_TITLE.match(line.text)


MONTH_END = r"\b(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)$"
SMALL_WORDS = {"en", "van", "de", "het", "voor", "der", "in", "op", "&"}


def unit_like(text: str) -> bool:
    """A short name in Title Case without digits ("Media en Creatieve Industrie"): a unit, not a subject."""
    words = text.split()
    return 2 <= len(words) <= 6 and not re.search(r"\d", text) and all(
        w[:1].isupper() or w.lower() in SMALL_WORDS for w in words)


def from_subject(doc: Document, values: dict) -> list[Line] | None:
    for pair in doc.pairs_of("subject"):
        if pair.label_line.page != 1 or not pair.text:
            continue
        if pair.label.lower().startswith("inzake") and len(pair.text) < 4:
            continue
        return pair.all_lines
    return None


def from_question(doc: Document, values: dict) -> list[Line] | None:
    if values.get("document_type") != DocumentType.kamervragen:
        return None
    lines = doc.first_page if not doc.layout.has_positions else doc.body
    for i, ln in enumerate(lines):
        if QUESTION.match(ln.text):
            block = [ln]
            for nxt in ([] if QUESTION_END.search(ln.text) else lines[i + 1:i + 5]):
                block.append(nxt)
                if QUESTION_END.search(nxt.text):
                    break
            return block
    return None


def from_kamerstuk_number(doc: Document, values: dict) -> list[Line] | None:
    """Parliamentary papers print the title beside "Nr. 4"."""
    if not doc.layout.has_positions:
        return None
    for ln in doc.first_page:
        if KAMERSTUK_NR.match(ln.text):
            beside = [x for x in doc.first_page if x is not ln and abs(x.y1 - ln.y1) <= 3.5 and x.x0 > ln.x1]
            if beside:
                start = min(beside, key=lambda x: x.x0)
                return _block(doc.first_page, doc.first_page.index(start), doc, limit=4)
    return None


def from_designation(doc: Document, values: dict) -> list[Line] | None:
    header = doc.header or doc.first_page
    for i, ln in enumerate(header[:-1]):
        if DESIGNATION.match(ln.text):
            rest = [x for x in header[i + 1:] if x.index not in doc.pair_lines]
            if doc.layout.has_positions:
                rest = [x for x in rest if not doc.in_colofon(x)]
            for j, cand in enumerate(rest[:3]):
                if _title_like(cand):
                    return _block(rest, j, doc)
            return None
    return None


def _with_designation_word(line: Line) -> bool:
    return bool(re.match(r"^(?:openbare\s+)?(?:beslis)?nota\b|^kamerbrief\b", line.text, re.IGNORECASE))


def _header_candidates(doc: Document) -> tuple[list[Line], list[int]]:
    units = {ln.index for _, block in unit_blocks(doc) for ln in block}
    header = [ln for ln in (doc.header or []) if ln.index not in doc.pair_lines and ln.index not in doc.claimed
              and ln.index not in units]
    if doc.layout.has_positions:
        header = [ln for ln in header if not doc.in_colofon(ln)]
    return header, [i for i, ln in enumerate(header) if _title_like(ln)]


def from_header_block(doc: Document, values: dict) -> list[Line] | None:
    header, candidates = _header_candidates(doc)
    # prefer a line naming the kind of note ("Beslisnota verzamelbrief …"), then the first long one
    best = next((i for i in candidates if _with_designation_word(header[i])), None)
    if best is None:
        long = [i for i in candidates if len(header[i].text) >= 25 and not unit_like(header[i].text)]
        if not long:
            return None
        best = long[0]
    return _block(header, best, doc)


def from_header_unit_like(doc: Document, values: dict) -> list[Line] | None:
    """Last resort: a Title Case line of the header (titles can be in Title Case too)."""
    header, candidates = _header_candidates(doc)
    long = [i for i in candidates if len(header[i].text) >= 20]
    return _block(header, long[0], doc) if long else None


def from_large_print(doc: Document, values: dict) -> list[Line] | None:
    if not doc.layout.has_positions:
        return None
    page = doc.layout.pages[0]
    top = [ln for ln in doc.first_page if ln.size and ln.y1 > page.height * 0.45 and _title_like(ln)
           and not doc.in_colofon(ln)]
    if not top:
        return None
    body_size = sorted(ln.size for ln in doc.body if ln.size)[len([ln for ln in doc.body if ln.size]) // 2]
    biggest = max(top, key=lambda ln: (ln.size, ln.y1))
    if biggest.size < body_size * 1.15 and not biggest.bold:
        return None
    i = doc.first_page.index(biggest)
    return _block(doc.first_page, i, doc, limit=3)


def from_attachments_field(doc: Document, values: dict) -> list[Line] | None:
    if doc.layout.has_positions:
        return None
    for pair in doc.pairs_of("attachments"):
        if pair.lines and _title_like(pair.lines[0]) and len(pair.lines[0].text.split()) >= 3 \
                and not re.match(r"^\d", pair.lines[0].text) and (len(pair.lines) >= 2 or len(pair.lines[0].text) > 40):
            return _block(pair.lines, 0, doc, in_pair=True)
    return None


STRATEGIES: tuple[Callable[[Document, dict], list[Line] | None], ...] = (
    from_subject,
    from_question,
    from_kamerstuk_number,
    from_designation,
    from_header_block,
    from_large_print,
    from_attachments_field,
    from_header_unit_like,
)


def extract_title(doc: Document, values: dict) -> None:
    """Set `title`."""
    for strategy in STRATEGIES:
        lines = strategy(doc, values)
        if not lines:
            continue
        if strategy is from_subject:
            pair = doc.pairs_of("subject")[0]
            text = join_lines(pair.texts)
        else:
            text = join_lines(lines)
        text = re.sub(r"(?<=[A-Za-z]{4})\d$", "", text).strip()  # a footnote mark glued to the last word
        if len(text) < 3:
            continue
        doc.claimed.update(ln.index for ln in lines)
        values["title"] = text
        values["evidence"]["title"] = doc.evidence(lines, text)
        return
