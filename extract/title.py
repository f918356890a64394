"""The title: the subject of the note as printed.

Candidates, by convention: an "Onderwerp"/"Betreft"/"Inzake"/"Subject" field
(a note's header, a letter, the top message of an e-mail); the question
paragraph of answers to Kamervragen; the line that names a motion ("MOTIE VAN
HET LID …"); the title beside a Kamerstuk's "Nr. 4"; the line(s) after a
designation line ("Nota", "Memo"); the largest print on top of page 1 (a
report's or press release's headline); a free line of the header block.

A title is a block: lines in the same type, aligned, without a gap, and it
stops at a label, a status line, a designation, a date line, the colofon and a
subtitle printed in other type.
"""
from __future__ import annotations

import re

from kenmerk.extract import geometry
from kenmerk.extract.candidates import Candidate, FieldExtractor, Inputs
from kenmerk.extract.context import Document, join_lines
from kenmerk.extract.dates import MONTHS, WEEKDAY_LINE, find_dates
from kenmerk.extract.doctype import designation_of
from kenmerk.extract.labels import DESIGNATION, STAGE, match_label
from kenmerk.extract.layout import Line
from kenmerk.extract.letter import PLACE_DATE, letter
from kenmerk.extract.mail import headers, top_header
from kenmerk.extract.model import DocumentType as T
from kenmerk.extract.noise import mostly_noise
from kenmerk.extract.organisation import unit_blocks

#: lines that are never a title: addresses, units, web addresses, page numbers, redaction codes
NOT_TITLE = re.compile(
    r"^(?:postbus|bezoekadres|postadres|www\.|http|[\w.-]+@|(?-i:\d{4}\s?[A-Z]{2})\b|[A-Z][a-z]+(?:straat|weg|laan|plein)\b|"
    r"directoraat|directie\b|dir\.|afd\.|cluster\b|programmadirectie|portefeuille\b|ministerie\s+van|"
    r"pagina\b|aan\s+de\s|t\.\s?a\.\s?v\.|(?:provincie|gemeente|waterschap)\s+[\w-]+(?:[ -][\w-]+)?$|>?\s*retouradres\b|\(?\d+\.\d+\.\d+|"
    r"(?:tweede|eerste)\s+kamer\s+der\s+staten|vergaderjaar\b)|^[\W\d]*$",
    re.IGNORECASE,
)
#: a street address: "Bezuidenhoutseweg 73", "Rijnstraat 8" (a street name and its number)
ADDRESS = re.compile(r"^[A-Z][\w.'-]+(?:\s[\w.'-]+){0,2}\s(?!(?:19|20)\d\d\b)\d{1,4}[a-z]?$")
KAMERSTUK_NR = re.compile(r"^Nr\.\s*\d+$")
QUESTION_END = re.compile(r"\((?:ingezonden|ontvangen)\b[^)]*\)\.?\s*$|\)\.\s*$", re.IGNORECASE)
QUESTION = re.compile(r"^vragen\s+van\s+(?:het\s+lid|de\s+leden)\b", re.IGNORECASE)
#: the line that names a motion or an amendment ("MOTIE VAN DE LEDEN …")
MOTION = re.compile(r"^(?:gewijzigde\s+)?(?:motie|amendement)\s+van\s+(?:het|de)\s+\w+", re.IGNORECASE)
CONNECTOR_END = re.compile(r"\b(?:en|van|de|het|voor|met|over|bij|in|op|aan|te|der)$", re.IGNORECASE)
#: a line ending in a month's name, its year on the next line ("… 3 februari" / "2024")
MONTH_END = rf"\b(?:{'|'.join(MONTHS)})\.?$"
SMALL_WORDS = {"en", "van", "de", "het", "voor", "der", "in", "op", "&"}
#: a title line of a block may differ this much in font size from the first (same type)
SIZE_SLACK = 0.6
#: the widest gap between two lines of a title, in line heights (OCR boxes hug the ink: wider)
LEADING = 0.9
OCR_LEADING = 1.3
#: larger print than the body's by this factor makes a headline
HEADLINE = 1.15
#: OCR guesses sizes from the ink: only much larger print counts there
OCR_HEADLINE = 1.4


def _stops(line: Line) -> bool:
    """A line that ends a title block: a label, a status, a designation, a date line, an address."""
    text = line.text
    return (not text or bool(match_label(text)) or bool(STAGE.match(text)) or bool(DESIGNATION.match(text))
            or bool(NOT_TITLE.match(text)) or bool(ADDRESS.match(text)) or _date_line(text)
            or bool(PLACE_DATE.match(text)))


def _date_line(text: str) -> bool:
    found = find_dates(text)
    return bool(found) and (len(text) - sum(len(f.text) for f in found) < 12 or bool(WEEKDAY_LINE.match(text)))


def _title_like(line: Line) -> bool:
    text = line.text
    return len(text) >= 8 and len(text.split()) >= 2 and not _stops(line) and not mostly_noise(text)


def _block(lines: list[Line], start: int, doc: Document, avoid: frozenset[int], limit: int = 4,
           same_type: bool = True) -> list[Line]:
    """Title lines from `lines[start]` on: consecutive, close, aligned, in the same type; a colofon's lines
    between them (read in between, on the rows of the title) are passed over."""
    first = lines[start]
    side = doc.in_colofon(first)
    lines = [ln for ln in lines[start:] if ln is first or doc.in_colofon(ln) == side]
    out = [first]
    for ln in lines[1:limit]:
        prev = out[-1]
        if ln.gap_before or ln.index in avoid or _stops(ln) and not (
                _year_after_month(prev, ln) or doc.layout.has_positions and YEAR_LINE.fullmatch(ln.text.strip())):
            break  # (a year alone in the title's type ends it: "… regeling duurzame inzetbaarheid" / "2025")
        if doc.layout.has_positions:
            leading = OCR_LEADING if _scanned(doc, ln) else LEADING
            if ln.page != prev.page or not geometry.aligned(prev, ln, geometry.Tolerances(aligned=6.0)) \
                    or geometry.vertical_gap(prev, ln) > max(prev.height, 6.0) * leading:
                break
            if same_type and not _scanned(doc, ln) and (
                    abs((ln.size or 0) - (out[0].size or 0)) > SIZE_SLACK or ln.bold != out[0].bold):
                break  # a subtitle in other type (OCR guesses the size, so only on born-digital pages)
        elif not (CONNECTOR_END.search(prev.text) or ln.text[:1].islower() or len(prev.text) > 45):
            break
        out.append(ln)
    return out


def _scanned(doc: Document, line: Line) -> bool:
    return any(p.ocr for p in doc.layout.pages if p.number == line.page)


#: a line that is a year
YEAR_LINE = re.compile(r"(?:19|20)\d\d")


def _year_after_month(prev: Line, line: Line) -> bool:
    """ "… 26 november" / "2024": a date broken over two title lines."""
    return bool(re.fullmatch(r"(?:19|20)\d\d", line.text)) and bool(re.search(MONTH_END, prev.text, re.I))


def _avoid(doc: Document, inputs: Inputs) -> frozenset[int]:
    """Lines a title never takes: the addressee's, the sender's name, the labels and their values, header tables."""
    return inputs.consumed("addressee", "organisation") | doc.pair_lines | doc.table_lines


def _text(lines: list[Line]) -> str:
    text = join_lines(lines)
    return re.sub(r"(?<=[A-Za-z]{4})\d$", "", text).strip()  # a footnote mark glued to the last word


def _candidate(lines: list[Line], rule: str, score: float, why: str, text: str | None = None) -> Candidate | None:
    text = text if text is not None else _text(lines)
    if len(text) < 3:
        return None
    return Candidate(value=text, rule=rule, score=score, lines=tuple(lines), text=text, why=why)


def from_subject(doc: Document, inputs: Inputs) -> list[Candidate]:
    doc_type = inputs.value("document_type")
    if doc_type == T.email and (header := top_header(doc)) is not None and "subject" in header.fields:
        f = header.fields["subject"]
        return [c for c in [_candidate([f.label_line, *f.lines], "mail-subject", 0.95,
                                       "the subject of the top message", text=f.text.strip())] if c]
    quoted = _older_messages(doc) if doc_type == T.email else set()
    for pair in doc.pairs_of("subject"):
        if pair.label_line.page != 1 or not pair.text or pair.label_line.index in quoted:
            continue
        if pair.label.lower().startswith("inzake") and len(pair.text) < 4:
            continue
        in_body = doc.header and pair.label_line.index >= doc.header_end and not pair.in_colofon
        c = _candidate(pair.all_lines, "label", 0.5 if in_body else 0.95,
                       f"label {pair.label!r}" + (" in the body (a table's column?)" if in_body else ""),
                       text=_text_of_pair(pair))
        return [c] if c else []
    return []


def _older_messages(doc: Document) -> set[int]:
    """The header lines of an e-mail's older messages, below its top one: each opens with its own sender ("Van:",
    "From:") and carries its own subject (a top header broken in two by a scan is no older message)."""
    senders = [h for h in headers(doc) if "from" in h.fields]
    return {ln.index for h in senders[1:] for ln in h.lines}


def _text_of_pair(pair) -> str:
    return re.sub(r"(?<=[A-Za-z]{4})\d$", "", join_lines(pair.texts)).strip()


def from_question(doc: Document, inputs: Inputs) -> list[Candidate]:
    if inputs.value("document_type") != T.kamervragen:
        return []
    lines = doc.first_page if not doc.layout.has_positions else doc.body
    for i, ln in enumerate(lines):
        if QUESTION.match(ln.text):
            block = [ln]
            for nxt in ([] if QUESTION_END.search(ln.text) else lines[i + 1:i + 5]):
                block.append(nxt)
                if QUESTION_END.search(nxt.text):
                    break
            return [c for c in [_candidate(block, "question", 0.9, "the question of Kamervragen")] if c]
    return []


def from_motion(doc: Document, inputs: Inputs) -> list[Candidate]:
    page = doc.first_page
    for i, ln in enumerate(page[:40]):
        if MOTION.match(ln.text):
            block = _block(page, i, doc, frozenset(), limit=3)
            # a motion's title is the line that names it, over the subject of the agenda item it is filed under
            return [c for c in [_candidate(block, "motion", 0.96, "the line that names the motion")] if c]
    return []


def from_kamerstuk_number(doc: Document, inputs: Inputs) -> list[Candidate]:
    """Parliamentary papers print the title beside "Nr. 4"."""
    if not doc.layout.has_positions:
        return []
    avoid = _avoid(doc, inputs)
    for ln in doc.first_page:
        if KAMERSTUK_NR.match(ln.text):
            beside = [x for x in doc.first_page if x is not ln and geometry.beside(ln, x)]
            if beside:
                start = min(beside, key=lambda x: x.x0)
                block = _block(doc.first_page, doc.first_page.index(start), doc, avoid, same_type=False)
                return [c for c in [_candidate(block, "kamerstuk", 0.85, "beside the Kamerstuk's number")] if c]
    return []


#: a designation line opens the document: it stands among its first lines
DESIGNATION_TOP = 8


def _in_a_row(doc: Document, line: Line) -> bool:
    """A word with other text on its row ("Verslag | bureau …", a table's "Nr. | Onderwerp | Besluit") is a label
    or a column header, not the designation a document opens with (unless it stands out in large print)."""
    large = doc.body_size is not None and line.size is not None and line.size >= doc.body_size * HEADLINE
    return not large and any(geometry.same_row(line, o) for o in doc.first_page if o is not line)


#: the dictum alone on its line, perhaps letter-spaced
DICTUM = re.compile(r"b\s?e\s?s\s?l\s?u\s?i\s?t(?:\s?e\s?n)?\s*:", re.IGNORECASE)


def _formula(text: str) -> bool:
    """"besluit:" before the articles (in lower case, or "Besluit:" / "BESLUITEN:" alone): the dictum of a besluit,
    not a heading over its title."""
    text = text.strip()
    return (text[:1].islower() and text.endswith(":")) or DICTUM.fullmatch(text) is not None


def from_designation(doc: Document, inputs: Inputs) -> list[Candidate]:
    header = doc.header or doc.first_page
    avoid = _avoid(doc, inputs)
    opening = [ln for ln in header if not doc.in_colofon(ln) and ln.index not in avoid][:DESIGNATION_TOP]
    for i, ln in enumerate(header[:-1]):
        if DESIGNATION.match(ln.text) and ln in opening and not _in_a_row(doc, ln) and not _formula(ln.text):
            rest = [x for x in header[i + 1:] if x.index not in avoid and not doc.in_colofon(x)]
            for j, cand in enumerate(rest[:3]):
                if _title_like(cand):
                    block = _block(rest, j, doc, avoid)
                    return [c for c in [_candidate(block, "after-designation", 0.8,
                                                   f"the line after the designation {ln.text!r}")] if c]
            return []
    return []


#: the top lines of page 1 where a title that names the document's kind stands
NAMED_TOP = 5


#: what follows a kind that only points back at the subject printed elsewhere: "Advies over het wetsvoorstel"
BACK_REFERENCE = re.compile(r"(?:(?:over|inzake|betreffende|bij|op|van|voor)\s+)?(?:het|de|dit|deze|dat|uw)\s+[^\W\d]+",
                            re.IGNORECASE)


#: a kind and whom the paper is for, no subject: "Voorstel aan de Raad van Bestuur", "Nota aan de minister" (a
#: subject would follow: "… over …", "… inzake …")
KIND_FOR_WHOM = re.compile(r"[^\W\d]+\s+aan\s+(?!.*\b(?:over|inzake|betreffende|m\.b\.t\.|ter|tot|voor)\b).+",
                           re.IGNORECASE)


def _kind_only(text: str) -> bool:
    """A line that names the document's kind, perhaps with its stage or whom it is for, and no subject
    ("NOTA TER INFORMATIE", "Voorstel aan de Raad van Bestuur")."""
    found = designation_of(text)
    if found is None:
        return False
    rest = text.strip()[found[1].end():].strip()
    return not rest or bool(STAGE.match(rest) or STAGE.match(text.strip()) or KIND_FOR_WHOM.fullmatch(text.strip()))


def from_named_title(doc: Document, inputs: Inputs) -> list[Candidate]:
    """A line at the top that opens with the document's kind and goes on to its subject."""
    avoid = _avoid(doc, inputs)
    top = [ln for ln in doc.first_page if not doc.in_colofon(ln) and ln.index not in avoid][:NAMED_TOP]
    for ln in top:
        found = designation_of(ln.text)
        if found and len(ln.text.strip()) > found[1].end() + 2 and not match_label(ln.text) \
                and not mostly_noise(ln.text) and ln.index not in doc.table_cells \
                and not BACK_REFERENCE.fullmatch(rest := ln.text.strip()[found[1].end():].strip()) \
                and not STAGE.match(rest) and not KIND_FOR_WHOM.fullmatch(ln.text.strip()):
            # ("NOTA TER INFORMATIE", "Voorstel aan de Raad van Bestuur": the kind and its stage or reader, no subject)
            page = doc.first_page
            block = _block(page, page.index(ln), doc, avoid, limit=3)
            return [c for c in [_candidate(block, "named-title", 0.72, "a line at the top naming the kind and subject")]
                    if c]
    return []


#: a line that only names the kind ("Verslag hoorzitting", "Memo griffie") has at most this many words
KIND_WORDS = 3


def from_kind_line(doc: Document, inputs: Inputs) -> list[Candidate]:
    """A top line that only names the kind ("Verslag hoorzitting") over a bold subject line: that subject."""
    if not doc.layout.has_positions:
        return []
    avoid = _avoid(doc, inputs)
    top = [ln for ln in doc.first_page if not doc.in_colofon(ln) and ln.index not in avoid][:NAMED_TOP]
    for i, ln in enumerate(top[:-1]):
        found = designation_of(ln.text)
        nxt = top[i + 1]
        if found is None or len(ln.text.split()) > KIND_WORDS or not nxt.bold or len(nxt.text.split()) < 4:
            continue
        if (nxt.size or 0) > (ln.size or 0) or not geometry.below(ln, nxt, 1.5 * max(ln.height, 6.0)) \
                or not _title_like(nxt):
            continue
        page = doc.first_page
        block = _block(page, page.index(nxt), doc, avoid, limit=3)
        return [c for c in [_candidate(block, "under-kind-line", 0.78,
                                       f"the bold subject under {ln.text.strip()!r}")] if c]
    return []


def _header_lines(doc: Document, inputs: Inputs) -> list[Line]:
    units = {ln.index for _, block in unit_blocks(doc) for ln in block}
    avoid = _avoid(doc, inputs)
    return [ln for ln in (doc.header or []) if ln.index not in avoid and ln.index not in units
            and not doc.in_colofon(ln)]


def _with_designation_word(line: Line) -> bool:
    return bool(re.match(r"^(?:openbare\s+)?(?:beslis)?nota\b|^kamerbrief\b", line.text, re.IGNORECASE))


def unit_like(text: str) -> bool:
    """A short name in Title Case without digits ("Media en Creatieve Industrie"): a unit, not a subject."""
    words = text.split()
    return 2 <= len(words) <= 6 and not re.search(r"\d", text) and all(
        w[:1].isupper() or w.lower() in SMALL_WORDS for w in words)


def from_header_block(doc: Document, inputs: Inputs) -> list[Candidate]:
    if letter(doc).is_letter:
        return []  # a letter's header holds address blocks; its subject has a label
    header = _header_lines(doc, inputs)
    avoid = _avoid(doc, inputs)
    candidates = [i for i, ln in enumerate(header) if _title_like(ln)]
    out = []
    named = next((i for i in candidates if _with_designation_word(header[i])), None)
    if named is not None:
        out.append(_candidate(_block(header, named, doc, avoid), "header-designation", 0.6,
                              "a header line naming the kind of note"))
    long = [i for i in candidates if len(header[i].text) >= 25 and not unit_like(header[i].text)]
    if long:
        out.append(_candidate(_block(header, long[0], doc, avoid), "header-line", 0.5, "the first long header line"))
    title_case = [i for i in candidates if len(header[i].text) >= 20]
    if title_case:
        out.append(_candidate(_block(header, title_case[0], doc, avoid), "header-line", 0.25,
                              "a Title Case header line"))
    return [c for c in out if c]


def from_large_print(doc: Document, inputs: Inputs) -> list[Candidate]:
    if not doc.layout.has_positions:
        return []
    page = doc.layout.pages[0]
    avoid = _avoid(doc, inputs)
    top = [ln for ln in doc.first_page if ln.size and ln.y1 > page.height * 0.45 and ln.index not in avoid
           and not doc.in_colofon(ln) and _title_like(ln) and not _kind_only(ln.text)]
    body_size = doc.body_size
    if not top or body_size is None:
        return []
    size, biggest = max(((ln.size or 0.0, ln) for ln in top), key=lambda sl: (sl[0], sl[1].y1))
    needed = OCR_HEADLINE if _scanned(doc, biggest) else HEADLINE
    if size < body_size * needed and (not biggest.bold or _scanned(doc, biggest)):
        return []
    block = _block(doc.first_page, doc.first_page.index(biggest), doc, avoid, limit=3)
    if _text(block).endswith(","):
        return []  # a clause that goes on ("vertegenwoordiging X,"), not a headline
    much = size >= body_size * 1.5
    return [c for c in [_candidate(block, "large-print", 0.75 if much else 0.65,
                                   f"the largest print on top ({size:g} pt, body {body_size:g} pt)")] if c]


def from_attachments_field(doc: Document, inputs: Inputs) -> list[Candidate]:
    """A text conversion that flattened the header: a title-like line landed in the "Bijlagen" field."""
    if doc.layout.has_positions:
        return []
    for pair in doc.pairs_of("attachments"):
        if pair.lines and _title_like(pair.lines[0]) and len(pair.lines[0].text.split()) >= 3 \
                and not re.match(r"^\d", pair.lines[0].text) and (len(pair.lines) >= 2 or len(pair.lines[0].text) > 40):
            block = _block(pair.lines, 0, doc, frozenset(), limit=4)
            return [c for c in [_candidate(block, "attachments-field", 0.3, "a title-like line in the Bijlagen field")]
                    if c]
    return []


#: the rules, in priority order for ties
def from_letter_subject(doc: Document, inputs: Inputs) -> list[Candidate]:
    """A letter's subject printed in bold without a label: the bold lines closest above its salutation."""
    parts = letter(doc)
    if not parts.is_letter or parts.salutation is None or not doc.layout.has_positions \
            or inputs.value("document_type") == T.email:
        return []  # (an e-mail print sets its sender in bold)
    avoid = _avoid(doc, inputs)
    before = [ln for ln in doc.first_page if ln.index < parts.salutation.index and not doc.in_colofon(ln)]
    for i in range(len(before) - 1, -1, -1):
        ln = before[i]
        if not ln.bold:
            continue
        if ln.index in avoid or not _title_like(ln):
            return []
        start = i
        while start > 0 and before[start - 1].bold and before[start - 1].index not in avoid \
                and geometry.below(before[start - 1], before[start], 1.5 * max(ln.height, 6.0)):
            start -= 1
        block = _block(before, start, doc, avoid, limit=3)
        return [c for c in [_candidate(block, "letter-subject", 0.7,
                                       "a bold line above the salutation (a subject without its label)")] if c]
    return []


RULES = (from_subject, from_question, from_motion, from_kamerstuk_number, from_designation, from_kind_line,
         from_named_title, from_large_print, from_header_block, from_attachments_field, from_letter_subject)


def propose_title(doc: Document, inputs: Inputs) -> list[Candidate]:
    """Every rule's candidate."""
    return [c for rule in RULES for c in rule(doc, inputs)]


TITLE = FieldExtractor("title", propose_title, reads=("document_type", "addressee", "organisation"))
