"""The document's own date and the other dates it names, each with its role.

Candidates for the own date, by convention:

- a "Datum" label (colofon, header block, header table; not "Uw brief" and not
  "Datum verzending"), a "Publicatiedatum";
- the sent date of the top message of an e-mail (as printed, also in UTC);
- the dated line of a letter ("Zwolle, 6 december 2022");
- the "ontvangen" date of answers to Kamervragen;
- a line that is only a date, top right on page 1 or in the header zone;
- the weekday line of a meeting record ("Woensdag 10 juli 2024 10.00 – 11.00 uur"),
  a status line ("Voorgesteld 6 juli 2021"), a date in the title ("Besluitenlijst
  raadsvergadering 29 juni 2015") or right under it ("15-09-2020 12:00 uur").

A date with a time of day under "Datum" in a note is a meeting's (`dates`), in a
meeting record or an e-mail it is the document's own. A date printed without a
year takes the year the document makes evident (the year most of its dated
lines print), or none. Other labelled dates ("Beslistermijn", "Datum
vergadering", "Uw brief van") go to `dates`.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import partial

from kenmerk.extract import geometry
from kenmerk.extract.candidates import Candidate, FieldExtractor, Inputs, highest
from kenmerk.extract.context import Document
from kenmerk.extract.dates import WEEKDAY_LINE, find_dates, has_time
from kenmerk.extract.decision import BULLET
from kenmerk.extract.labels import match_label
from kenmerk.extract.layout import Line
from kenmerk.extract.letter import WORD, letter
from kenmerk.extract.mail import top_header
from kenmerk.extract.model import DatedEvent, DateRole, DocumentType as T
from kenmerk.extract.running import BAND, PAGE_NUMBER

#: label role → role of the date in `dates`
OTHER_ROLES: dict[str, DateRole] = {
    "deadline": DateRole.deadline,
    "meeting_date": DateRole.meeting,
    "publication_date": DateRole.publication,
    "sent_date": DateRole.sent,
    "received_date": DateRole.received,
    "event_date": DateRole.other,
}
#: label roles whose date may be the document's own, with their score
OWN_LABELS: dict[str, float] = {"date": 0.95, "publication_date": 0.8, "sent_date": 0.6}
#: types whose "Datum" with a time of day is their own date (a meeting record, an e-mail)
TIMED_TYPES = (T.verslag, T.agenda, T.email)
#: a meeting's record (verslag, notulen, besluitenlijst): dated by the meeting it is of
MEETING_RECORDS = (T.verslag,)
MEETING_RECORD_SCORE = 0.9

RECEIVED = re.compile(r"\(ontvangen\s+([^)]+)\)", re.IGNORECASE)
#: a line that is a date and little else
ONLY_DATE = re.compile(r"^\W*(?:(?:\w+dag\s+)?\d{1,2}[\s./-]+\w+\.?[\s./-]+\d{2,4}|\d{4}-\d{2}-\d{2})\W*$",
                       re.IGNORECASE)
#: "De raad van de gemeente X, in vergadering bijeen op 3 juli 2025": the formula that opens a motion or an
#: amendment, dated by the meeting it is moved in (below a status line "Ingediend 22 april 2024": its own date)
ASSEMBLED = re.compile(r"\bin\s+(?:openbare\s+)?vergadering\s+bijeen\s+(?:op\s+|d\.?d\.?\s+)?(?=\S*\d)(.{6,40})",
                       re.IGNORECASE)
#: "Voorgesteld 6 juli 2021", "Vastgesteld in de vergadering van 3 maart 2022": a status line
STATUS = re.compile(r"^\W*(?:voorgesteld|vastgesteld|besloten|aangenomen|gewijzigd|ingediend|ontvangen|ondertekend|"
                    r"geaccordeerd|versie|concept)\b", re.IGNORECASE)
#: "Aldus vastgesteld in de vergadering van 17 september 2024": the formula that adopts a besluit, at its end
ADOPTED = re.compile(r"^\W*(?:(?:aldus|zo)\s+(?:vastgesteld|besloten|gedaan)\b|(?:vastgesteld|besloten)\s+in\s+de\s+"
                     r"(?:openbare\s+)?(?:vergadering|zitting)\b)", re.IGNORECASE)
#: "ZOETERWIJDE, 11 maart 2025 – De GGD …": a press release's dateline, opening its first paragraph
DATELINE = re.compile(r"^[A-Z][\w'’. -]{1,30},\s+(?:[a-z]{2,9}\s+)?\d{1,2}\s+\w+\.?\s+\d{4}\s*[–—-]\s")
#: the top of page 1 where a title, status or weekday line stands
TOP_LINES = 15


def _dated(text: str, reference: dt.date | None) -> tuple[dt.date, bool] | None:
    """The first date in `text` and whether it printed its year."""
    for found in find_dates(text, reference):
        if found.date is not None:
            return found.date, found.has_year
    return None


#: a year printed on its own ("Najaarsnota 2022", "2022/FIN/0114", "Eerste kwartaal 2024")
YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)")
#: the header lines where a printed year tells the document's year
HEADER_LINES = 20


def evident_year(doc: Document) -> dt.date | None:
    """A reference date for year-less dates: 1 January of the year the document makes evident.

    The year most full dates of pages 1–2 print; without any, the year most printed in the
    header of page 1 (its title, kenmerk, subject); else none.
    """
    years = Counter(f.date.year for ln in doc.content if ln.page <= 2
                    for f in find_dates(ln.text) if f.date is not None and f.has_year)
    if not years:
        header = [ln for ln in doc.first_page if ln.index < doc.header_end][:HEADER_LINES]
        years = Counter(int(y) for ln in header for y in YEAR.findall(ln.text))
    if not years:
        return None
    return dt.date(years.most_common(1)[0][0], 1, 1)


def _list_item(doc: Document, line) -> bool:
    """A label that is an item of a bulleted list in the body ("• Datum: …"), not a header field."""
    if BULLET.match(line.text):
        return True
    return line.has_box and any(BULLET.fullmatch(other.text.strip() + " ") and other.x1 <= line.x0 and geometry.same_row(other, line)
               for other in doc.content if other.page == line.page)


def _after_salutation(doc: Document, line: Line) -> bool:
    """A line of a letter's body: after its salutation ("Datum: donderdag 20 maart" of a meeting it invites to)."""
    salutation = letter(doc).salutation
    return salutation is not None and line.index > salutation.index


def _under_other_labels(doc: Document) -> set[int]:
    """Lines right under a label of another date ("Datum ontvangst Commissiedocument" / "25 november 2021")."""
    out = set()
    content = doc.content
    for prev, ln in zip(content, content[1:], strict=False):
        m = match_label(prev.text)
        if m is not None and m.kind.role in OTHER_ROLES | {"their_reference": None}:
            out.add(ln.index)
    return out


def _label_candidates(doc: Document, doc_type: T | None, reference: dt.date | None) -> list[Candidate]:
    out = []
    # the record of a meeting is dated by the meeting ("Vergaderdatum"), below its own "Datum" (an agenda is dated
    # when it is sent, before the meeting)
    roles = {**OWN_LABELS, "meeting_date": MEETING_RECORD_SCORE} if doc_type in MEETING_RECORDS else OWN_LABELS
    for role, score in roles.items():
        for pair in doc.pairs_of(role):
            text = pair.text
            found = _dated(text, reference) if text else None
            if found is None:
                continue
            date, printed_year = found
            why = [f"label {pair.label!r}" + (" in a header table" if pair.in_table else
                                              " in the colofon" if pair.in_colofon else "")]
            s = score
            if role == "sent_date" and doc_type == T.email:
                s = 0.9
            if has_time(text) and role == "date" and doc_type not in TIMED_TYPES:
                s, why = 0.45, why + ["a time of day: a meeting's date"]
            if pair.in_colofon:
                s, why = s + 0.02, why + ["the colofon is the note's own metadata"]
            if pair.label_line.page > 1:
                s, why = s - 0.1, why + [f"on page {pair.label_line.page}"]
            elif not pair.in_colofon and not pair.in_table and (
                    doc.header and pair.label_line.index >= doc.header_end or _list_item(doc, pair.label_line)
                    or _after_salutation(doc, pair.label_line)):
                s, why = s - 0.3, why + ["in the body, not the header"]
            if not printed_year:
                s, why = s - 0.1, why + ["year taken from the document"]
            out.append(Candidate(value=date, rule=f"label:{role}", score=round(max(s, 0.05), 3),
                                 lines=tuple(pair.all_lines), why="; ".join(why)))
    return out


def _mail_candidates(doc: Document) -> list[Candidate]:
    header = top_header(doc)
    sent = header.sent if header is not None else None
    if sent is None or (found := _dated(sent.text, None)) is None:
        return []
    return [Candidate(value=found[0], rule="mail-sent", score=0.96, lines=(sent.label_line, *sent.lines),
                      text=sent.text, why=f"the sent date of the top message ({sent.label_line.text.split(':')[0]!r})")]


def _line_candidates(doc: Document, doc_type: T | None, reference: dt.date | None) -> list[Candidate]:
    out = []
    paired = doc.pair_lines
    page1 = [ln for ln in doc.opening if ln.index not in paired and ln.index not in doc.table_lines]
    place = letter(doc).place_date
    if place is not None and (found := _dated(place.text, reference)):
        out.append(Candidate(value=found[0], rule="place-date", score=0.9, lines=(place,),
                             why="the place and date line of a letter"))
    if doc_type == T.kamervragen:
        for ln in doc.first_page:
            if (m := RECEIVED.search(ln.text)) and (found := _dated(m.group(1), reference)):
                out.append(Candidate(value=found[0], rule="received", score=0.9, lines=(ln,),
                                     why="the date Kamervragen were received"))
                break
    first = doc.layout.pages[0]
    under_label = _under_other_labels(doc)
    for ln in page1:
        if not ONLY_DATE.match(ln.text) or (found := _dated(ln.text, reference)) is None or ln.index in under_label \
                or (ln.index in doc.table_cells and not doc.in_colofon(ln)):
            continue  # a date under another date's label, or a cell of a table
        top_right = ln.has_box and ln.y1 >= first.height * 0.45 and ln.x0 >= first.width * 0.5
        in_header = ln.index < doc.header_end if not ln.has_box else ln.y1 >= first.height * 0.45
        if has_time(ln.text) and doc_type not in TIMED_TYPES:
            continue
        if top_right or doc.in_colofon(ln):
            out.append(Candidate(value=found[0], rule="lone-date", score=0.8, lines=(ln,),
                                 why="a line that is only a date, top right of page 1"))
        elif in_header:
            out.append(Candidate(value=found[0], rule="lone-date", score=0.6, lines=(ln,),
                                 why="a line that is only a date, in the header"))
    for ln in page1:  # "Verslag overleg | 14-11-2024 | pagina 1 van 1": a date in the footer beside the page number
        if ln.has_box and ln.y0 < first.height * BAND and ONLY_DATE.match(ln.text) \
                and (found := _dated(ln.text, reference)) is not None \
                and any(PAGE_NUMBER.match(o.text) and geometry.same_row(ln, o) for o in first.lines):
            out.append(Candidate(value=found[0], rule="footer-date", score=0.55, lines=(ln,),
                                 why="a date in the footer, beside the page number"))
            break
    top = [ln for ln in page1 if not doc.in_colofon(ln) and WORD.search(ln.text)][:TOP_LINES]
    meeting = doc_type in (T.verslag, T.agenda)
    for rank, ln in enumerate(top):
        found = _dated(ln.text, reference)
        if found is None or ONLY_DATE.match(ln.text):
            continue
        if WEEKDAY_LINE.match(ln.text):
            out.append(Candidate(value=found[0], rule="weekday-line", score=0.75 if meeting else 0.5, lines=(ln,),
                                 why="the weekday line of a meeting"))
        elif STATUS.match(ln.text):
            out.append(Candidate(value=found[0], rule="status-line", score=0.65, lines=(ln,),
                                 why=f"a status line ({ln.text.split()[0]!r})"))
        elif rank < 4 and len(ln.text) < 120:
            # minutes and agendas are dated by the meeting their (bold) title names
            score = 0.65 if meeting and ln.bold else 0.55
            out.append(Candidate(value=found[0], rule="title-line", score=score, lines=(ln,),
                                 why="a date in a line at the top (the title)"))
    for ln in doc.opening:
        if (dateline := DATELINE.match(ln.text)) and (found := _dated(dateline.group(0), reference)) is not None:
            out.append(Candidate(value=found[0], rule="dateline", score=0.8, lines=(ln,),
                                 why="the place and date that open the first paragraph (a dateline)"))
            break
    for ln in doc.opening:
        if (m := ASSEMBLED.search(ln.text)) and (found := _dated(m.group(1), reference)) is not None:
            out.append(Candidate(value=found[0], rule="assembled", score=0.6, lines=(ln,),
                                 why="the meeting a motion or amendment is moved in ('in vergadering bijeen op …')"))
            break
    for ln in doc.content:
        if ADOPTED.match(ln.text) and (found := _dated(ln.text, reference)) is not None:
            adopts = doc_type == T.besluit  # a besluit is dated by its adoption; minutes by their meeting
            out.append(Candidate(value=found[0], rule="adopted", score=0.7 if adopts else 0.4, lines=(ln,),
                                 why="the formula that adopts a besluit" if adopts else
                                 "an adoption formula (the date a text was approved, not its own)"))
            break
    return out


def propose_date(doc: Document, inputs: Inputs) -> list[Candidate]:
    """Candidates for the document's own date."""
    doc_type = inputs.value("document_type")
    reference = evident_year(doc)
    out = _label_candidates(doc, doc_type, reference) + _line_candidates(doc, doc_type, reference)
    if doc_type == T.email:
        out = _mail_candidates(doc) + out
    return out


def propose_dates(doc: Document, inputs: Inputs) -> list[Candidate]:
    """One candidate: the other labelled dates, each with its role."""
    own = inputs["date"].chosen
    own_lines = {ln.index for ln in own.lines} if own is not None else set()
    reference = inputs.value("date") or evident_year(doc)
    events: list[DatedEvent] = []
    seen = set()
    for pair in doc.pairs:
        if pair.label_line.index in own_lines:
            continue
        role = OTHER_ROLES.get(pair.role)
        if pair.role == "date" and has_time(pair.text):
            role = DateRole.meeting
        if role is None or not pair.text:
            continue
        hits = find_dates(pair.text, reference)
        if not hits:
            continue
        key = (role, hits[0].date, hits[0].text)
        if key in seen:
            continue
        seen.add(key)
        events.append(DatedEvent(role=role, label=pair.label, date=hits[0].date, text=pair.text,
                                 evidence=doc.evidence(pair.all_lines)))
    return [Candidate(value=events, rule="labels", score=1.0, why=f"{len(events)} labelled date(s)")]


#: a date candidate below this score is shown by --explain but never wins (a meeting's time-stamped date)
DATE_FLOOR = 0.5

DATE = FieldExtractor("date", propose_date, reads=("document_type",), choose=partial(highest, floor=DATE_FLOOR))
DATES = FieldExtractor("dates", propose_dates, reads=("date",), default=[], scalar=False)

