"""The document's own date and the other dates it names, each with its role.

The own date is, in order: the "Datum" of the colofon or header (not one with a
time of day: that is a meeting), a "Publicatiedatum", the sent date of an
e-mail, the "ontvangen" date of answers to Kamervragen, the dated line of a
letter ("Den Haag, 3 februari 2024"), a line of page 1 that is only a date.
Other labelled dates ("Beslistermijn", "Datum vergadering") go to `dates`.
"""
from __future__ import annotations

import datetime as dt
import re

from kenmerk.extract.colofon import LabelledValue
from kenmerk.extract.context import Document
from kenmerk.extract.dates import find_dates, has_time, parse_date
from kenmerk.extract.model import DatedEvent, DateRole, DocumentType

#: label role → role of the date in `dates`
OTHER_ROLES: dict[str, DateRole] = {
    "deadline": DateRole.deadline,
    "meeting_date": DateRole.meeting,
    "publication_date": DateRole.publication,
    "sent_date": DateRole.sent,
    "received_date": DateRole.received,
}
#: label roles whose date is the document's own, in priority order
OWN_ROLES = ("date", "publication_date", "sent_date")

PLACE_DATE = re.compile(r"^[A-Z][\w'’ -]{1,30},\s+(?:de\s+)?\d{1,2}\s+\w+\s+\d{4}$")
RECEIVED = re.compile(r"\(ontvangen\s+([^)]+)\)", re.IGNORECASE)
#: a line that is a date and little else
ONLY_DATE = re.compile(r"^\W*(?:\w+dag\s+)?\d{1,2}[\s./-]+\w+\.?[\s./-]+\d{2,4}\W*$", re.IGNORECASE)


def _own_from_pairs(doc: Document) -> tuple[dt.date, LabelledValue] | None:
    for role in OWN_ROLES:
        candidates = doc.pairs_of(role)
        # the colofon or header of page 1 first
        candidates.sort(key=lambda p: (p.label_line.page, not p.in_colofon))
        for pair in candidates:
            text = pair.text
            if not text or (has_time(text) and role != "sent_date"):
                continue  # a date with a time of day is a meeting, except an e-mail's sent date
            value = parse_date(text)
            if value is not None:
                return value, pair
    return None


def _own_from_lines(doc: Document, doc_type) -> tuple[dt.date, list] | None:
    if doc_type == DocumentType.kamervragen:
        for ln in doc.first_page:
            m = RECEIVED.search(ln.text)
            if m and (value := parse_date(m.group(1))):
                return value, [ln]
    paired = doc.pair_lines
    page1 = [ln for ln in doc.first_page if ln.index not in paired]
    for ln in page1:
        if PLACE_DATE.match(ln.text) and (value := parse_date(ln.text)):
            return value, [ln]
    colofon_first = sorted(page1, key=lambda ln: not doc.in_colofon(ln))
    first = doc.layout.pages[0]
    for ln in colofon_first:
        if doc.layout.has_positions and (ln.y1 < first.height * 0.45 or ln.x0 < first.width * 0.5):
            continue  # a lone date in the right-hand top of page 1 only
        if not doc.layout.has_positions and ln.index >= doc.header_end:
            continue
        if ONLY_DATE.match(ln.text) and not has_time(ln.text) and (value := parse_date(ln.text)):
            return value, [ln]
    return None


def extract_dates(doc: Document, values: dict) -> None:
    """Set `date` and `dates`."""
    own = _own_from_pairs(doc)
    own_pair = None
    if own:
        date, own_pair = own
        values["date"] = date
        values["evidence"]["date"] = doc.evidence(own_pair.all_lines)
    elif found := _own_from_lines(doc, values.get("document_type")):
        date, lines = found
        values["date"] = date
        values["evidence"]["date"] = doc.evidence(lines)
    reference = values.get("date")
    events: list[DatedEvent] = []
    seen = set()
    for pair in doc.pairs:
        if pair is own_pair:
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
    values["dates"] = events
