"""Attachments ("bijlagen") the document says it has.

Sources, merged: the "Bijlage(n)" field of the colofon (a count, or a short
list), a "Bijlagen" section or table in the body (numbered titles, the fuller
list wins), and a sentence naming an enclosed document ("Het AEF rapport wordt
als bijlage meegestuurd"). A count without titles gives that many entries with
title null.
"""
from __future__ import annotations

import re

from kenmerk.extract.context import Document, join_lines
from kenmerk.extract.labels import STAGE, match_label
from kenmerk.extract.layout import Line
from kenmerk.extract.model import Attachment, DocumentType

COUNT = re.compile(r"^(\d{1,2})\s*(?:bijlagen?|stuks?)?\.?$", re.IGNORECASE)
#: attachments named by letters or a range: "A, B, C en D", "1 t/m 4"
LETTERS = re.compile(r"^\(?[A-H]\)?(?:\s*[(,]*\s*(?:,|en|evt\.|en\s+evt\.)\s*\(?[A-H]\)?\)?)+\.?$")
RANGE = re.compile(r"^(\d{1,2})\s*(?:t/m|tot\s+en\s+met|-)\s*(\d{1,2})$", re.IGNORECASE)
#: a file named in an e-mail's header ("Tijdelijke regeling … 15 september 2020.docx")
ATTACHED_FILE = re.compile(r"\S.*\.(?:docx?|pdf|pptx?|xlsx?|eml|msg|zip|odt|ods|txt|png|jpe?g)$", re.IGNORECASE)
NONE = re.compile(r"^(?:-+|geen|nvt|n\.v\.t\.?|0)$", re.IGNORECASE)
NUMBERED = re.compile(r"^(?:bijlage\s+)?(\d{1,2}|[IVX]{1,4}|[a-h])[.)]?(?:\s+|(?=[A-Z])|$)(.*)$")
TABLE_HEADER = re.compile(r"^(?:volgnummer|nr\.?|nummer|naam|titel|omschrijving|informatie|toelichting)(?:\s+|$)", re.I)
STOP = re.compile(r"^(?:informatie|toelichting|pagina\b)", re.IGNORECASE)
ENCLOSED = re.compile(
    r"(?P<np>(?:het|de|dit|deze)\s+[^.;:]{2,80}?)\s+(?:wordt|worden|is|zijn|gaat|gaan)\s+"
    r"(?:hierbij\s+)?(?:als\s+bijlage|bijgevoegd|meegezonden|meegestuurd)(?:\s+(?:mee)?(?:gestuurd|gezonden|bijgevoegd|gevoegd))?",
    re.IGNORECASE,
)
SEND_ENCLOSED = re.compile(r"\bals\s+bijlage\s+(?:stuur|zend|doe)\s+ik\s+u\s+(?P<np>[^.;]{3,120})", re.IGNORECASE)
QUOTED = r"[“\"‘'«](?P<title>[^”\"’'»]{6,200})[”\"’'»]"


def _group_rows(lines: list[Line]) -> list[list[Line]]:
    """Group value lines into rows (number and title printed side by side)."""
    rows: list[list[Line]] = []
    for ln in lines:
        if rows and ln.has_box and rows[-1][0].has_box and abs(rows[-1][0].y1 - ln.y1) <= 3.5 \
                and ln.page == rows[-1][0].page:
            rows[-1].append(ln)
        else:
            rows.append([ln])
    return rows


def _items(lines: list[Line]) -> list[tuple[str | None, list[Line]]]:
    """Numbered or listed titles in value lines; continuation lines join the item above."""
    items: list[tuple[str | None, list[Line]]] = []
    for row in _group_rows(lines):
        text = " ".join(ln.text for ln in sorted(row, key=lambda x: x.x0 or 0)).strip()
        m = NUMBERED.match(text)
        if m and (m.group(2) or len(row) == 1):
            title = m.group(2).strip() or None
            items.append((title, list(row)))
        elif items and (items[-1][0] is None or text[:1].islower() or not text.endswith(".")):
            title, rows = items[-1]
            items[-1] = ((f"{title} {text}" if title else text), rows + list(row))
        else:
            items.append((text, list(row)))
    return items


def _from_field(doc: Document) -> tuple[int | None, list[Attachment], list[Line]]:
    """The count or titles of the colofon/header "Bijlage(n)" field (page 1), and its lines."""
    for pair in doc.pairs_of("attachments"):
        if pair.label_line.page != 1:
            continue
        lines = [ln for ln in pair.lines if ln.index not in doc.claimed and not TABLE_HEADER.match(ln.text)]
        texts = ([pair.inline] if pair.inline else []) + [ln.text for ln in lines]
        if pair.inline:
            first = pair.inline
        elif lines:
            first = lines[0].text
        else:
            return 0, [], pair.all_lines
        if NONE.match(first):
            return 0, [], pair.all_lines
        m = COUNT.match(first)
        if m and len(texts) == 1:
            return int(m.group(1)), [], pair.all_lines
        if LETTERS.match(first):
            return len(re.findall(r"\b[A-H]\b", first)), [], pair.all_lines
        if r := RANGE.match(first):
            return int(r.group(2)) - int(r.group(1)) + 1, [], pair.all_lines
        if m and len(lines) > 1 and not pair.inline:
            lines = lines[1:]
            count = int(m.group(1))
        else:
            count = None
        if pair.inline:
            items = [(join_lines([pair.inline] + [ln.text for ln in lines]), [pair.label_line, *lines])]
        else:
            items = _items(lines)
        out = [Attachment(title=t, number=i + 1, evidence=doc.evidence(ls, t)) for i, (t, ls) in enumerate(items) if t]
        return (count if count is not None else len(out)), out, pair.all_lines
    return None, [], []


def _from_sections(doc: Document) -> list[Attachment]:
    """The fullest list of the "Bijlagen" sections or tables in the body."""
    found = [_from_section(doc, block) for block in doc.sections_of("attachments")]
    return max(found, key=lambda items: (len([a for a in items if a.title]), len(items)), default=[])


def _from_section(doc: Document, block) -> list[Attachment]:
    """Titles of one "Bijlagen" section or table."""
    lines = []
    for ln in block.lines:
        if match_label(ln.text) or STAGE.match(ln.text):
            break
        if ln.index not in doc.claimed:
            lines.append(ln)
    # drop table header lines and anything after a trailing column header
    start = 0
    while start < len(lines) and TABLE_HEADER.match(lines[start].text):
        start += 1
    lines = lines[start:]
    if doc.layout.has_positions and lines:
        numbers = [ln for ln in lines if re.fullmatch(r"\d{1,2}\.?", ln.text)]
        if numbers:
            # a table: number column, title column, maybe an information column to the right
            info_x = min((ln.x0 for ln in block.lines if STOP.match(ln.text) and ln.x0 > numbers[0].x1 + 20),
                         default=None)
            out = []
            tops = sorted(numbers, key=lambda ln: -ln.y1)
            for k, num in enumerate(tops):
                lower = tops[k + 1].y1 if k + 1 < len(tops) else -1
                cells = [ln for ln in lines if ln.page == num.page and ln is not num and lower + 1 < ln.y1 <= num.y1 + 1
                         and ln.x0 > num.x1 and (info_x is None or ln.x0 < info_x - 2)]
                title = join_lines(sorted(cells, key=lambda ln: -ln.y1)) or None
                out.append(Attachment(title=title, number=int(num.text.rstrip(".")),
                                      evidence=doc.evidence([num, *cells], title or num.text)))
            return out
    kept = []
    for ln in lines:
        if STOP.match(ln.text) and kept:
            break
        kept.append(ln)
    if not kept or not any(NUMBERED.match(ln.text) for ln in kept):
        return []
    return [Attachment(title=t, number=i + 1, evidence=doc.evidence(ls, t))
            for i, (t, ls) in enumerate(_items(kept)) if t and len(t) < 200]


def _from_sentences(doc: Document) -> list[Attachment]:
    """Enclosed documents named in running text."""
    out = []
    paragraphs = doc.sections or []
    texts = [(s.text, s.lines) for s in paragraphs] or [(join_lines(doc.body), doc.body)]
    for text, lines in texts:
        for rx in (ENCLOSED, SEND_ENCLOSED):
            for m in rx.finditer(text):
                np = re.sub(r"^(?:het|de|dit|deze)\s+", "", m.group("np").strip(), flags=re.I)
                if re.search(r"\b(?:brief|kamerbrief|nota|beslisnota|concept)\b", np, re.I) and rx is ENCLOSED:
                    continue  # the letter the note is about, not an enclosure
                title = np.strip(" ,.")
                head = title.split()[-1] if title.split() else title
                # a quoted or italic title printed after the same noun earlier in the paragraph
                q = re.search(re.escape(head) + r"\s*(?:,\s*)?" + QUOTED, text[: m.start()] + text[m.start():], re.I)
                if q:
                    title = q.group("title").strip()
                out.append(Attachment(title=title, number=len(out) + 1, evidence=doc.evidence(lines[:1], m.group(0))))
    return out


def _from_mail_header(doc: Document) -> list[Attachment]:
    """Files listed in an e-mail's header block."""
    header = doc.first_page[:40]
    return [Attachment(title=ln.text, number=i + 1, evidence=doc.evidence([ln]))
            for i, ln in enumerate(ln for ln in header if ATTACHED_FILE.match(ln.text) and len(ln.text) < 200)]


def extract_attachments(doc: Document, values: dict) -> None:
    """Set `attachments`."""
    if values.get("document_type") == DocumentType.email and (files := _from_mail_header(doc)):
        values["attachments"] = files
        return
    count, listed, field_lines = _from_field(doc)
    section = _from_sections(doc)
    sentences = _from_sentences(doc)
    best = max((section, listed), key=lambda items: (len([a for a in items if a.title]), len(items)))
    if count is None and not best:
        values["attachments"] = sentences
        return
    if best and (count is None or len(best) >= count):
        values["attachments"] = best
    elif count:
        titled = [a for a in best if a.title]
        if not titled and sentences and len(sentences) == count:
            values["attachments"] = sentences
        else:
            counted = doc.evidence(field_lines) if field_lines else None
            values["attachments"] = titled + [Attachment(title=None, number=i + 1, evidence=counted)
                                              for i in range(len(titled), count)]
    else:
        values["attachments"] = []
