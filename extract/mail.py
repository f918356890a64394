"""E-mail headers: the From/Sent/To/Cc/Subject/Attachments block of each message of an e-mail print.

A printed e-mail (Outlook's "Van:/Verzonden:/Aan:/Onderwerp:", or the English
"From:/Sent:/To:/Subject:", in any order) carries one header block per message
of the thread; the first block on page 1 is the e-mail's own. Its sent date is
the document's date, its subject the title, its attachment line (or the file
names printed in the block) the attachments, its first recipient the
addressee. OCR layers of Woo releases drop colons and garble field names
("Verzondemn:", "From" without a colon); each field name is matched with that
slack, and a value stands on the label's line or beside it on its row.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kenmerk.extract import geometry
from kenmerk.extract.context import Document
from kenmerk.extract.layout import Line

#: field → the printed forms of its name (Dutch and English clients, OCR slips)
FIELDS: dict[str, str] = {
    "from": r"van|from|afzender",
    "sent": r"verzon\w{0,4}|verstuurd|sent",
    "date": r"datum|date",
    "to": r"aan|to",
    "cc": r"b?cc",
    "subject": r"onderwerp|subject",
    "attachments": r"bijlagen?|attachments?",
    "received": r"received|ontvangen",
}
#: fields only an e-mail header has (a note can have "Aan", "Van", "cc", "Datum", "Onderwerp", "Bijlagen" too)
EMAIL_ONLY = frozenset({"sent", "received"})
#: a message's header names its sender or recipient, or when it was sent
PARTY_FIELDS = frozenset({"from", "to", "sent"})
#: a time of day in a date value ("donderdag 3 september 2020 14:25:00"): a message's, not a note's
TIME_OF_DAY = re.compile(r"\b\d{1,2}:\d{2}\b")
#: a header field at the start of a line; the colon may be lost to OCR, except after "aan"/"van"/"to"
_FIELD = re.compile(
    r"^\W{0,2}(?:(?P<colon>" + "|".join(f"(?P<{n}>{p})" for n, p in FIELDS.items()) + r")\s*:"
    r"|(?P<bare>(?P<b_sent>verzon\w{0,4}|sent)|(?P<b_from>from)|(?P<b_cc>b?cc)|(?P<b_subject>subject|onderwerp)"
    r"|(?P<b_received>received)|(?P<b_attachments>attachments))(?=\s|$)"
    r"|(?P<alone>(?P<a_from>van|afzender)|(?P<a_to>aan|to)|(?P<a_date>datum|date)|(?P<a_attachments>bijlagen?))\s*$)\s*",
    re.IGNORECASE,
)
#: "Buurtvereniging De Brink <brinkbuurt@example.nl>": a webmail print (Gmail, Thunderbird) opens a message
#: with its sender's name and address, unlabelled, and the sent date at the right of that row
#: (or run on into it on one line: "De Brink <brink@example.nl>dinsdag 4 mrt. 2025 om 10:12")
SENDER_LINE = re.compile(r"^(?P<sender>[^<>:@]{2,80}<[^<>\s@]+@[^<>\s@]+>)\s*(?P<rest>.*)$")
#: a sent date: a day, a month or a year, and a time of day
DATED = re.compile(r"\d.*\b(?:19|20)\d{2}\b.*\b\d{1,2}[:.]\d{2}\b|\b\d{1,2}[:.]\d{2}\b.*\b(?:19|20)\d{2}\b")
#: lines of one header block stand within this many lines of each other
MAX_FIELD_GAP = 4
#: a file name in an attachment line or printed alone in a header block
FILE_NAME = re.compile(r"\S.*?\.(?:docx?|pdf|pptx?|xlsx?|eml|msg|zip|odt|ods|txt|png|jpe?g|gif|csv|html?)\b",
                       re.IGNORECASE)


@dataclass(frozen=True)
class MailField:
    """One header field: its name, label line, value text and the lines the value was read from."""

    name: str
    label_line: Line
    text: str
    lines: tuple[Line, ...]


@dataclass
class MailHeader:
    """One message's header block, in the order its fields were printed."""

    fields: dict[str, MailField] = field(default_factory=dict)
    files: list[Line] = field(default_factory=list)
    """Lines inside the block that are only a file name (an attachment line without its label)."""

    @property
    def lines(self) -> list[Line]:
        return [ln for f in self.fields.values() for ln in (f.label_line, *f.lines)]

    @property
    def sent(self) -> MailField | None:
        """The sent date's field: "Verzonden"/"Sent", else the "Datum"/"Date" of the block."""
        return self.fields.get("sent") or self.fields.get("date")

    @property
    def is_mail(self) -> bool:
        """Three fields, a sender, recipient or sent time among them, and a sign only messages have: a "Verzonden"/"Sent"/"CC" field, a sent time,
        an e-mail address, or a file name as attachment (a note's "Aan/Van/Datum/Onderwerp" is not a mail)."""
        if len(self.fields) < 3 or not PARTY_FIELDS & set(self.fields):
            return False  # (a letter's "Datum: / Ontvangen: / Bijlagen: / Onderwerp:" names no sender nor recipient)
        date = self.fields.get("date")
        attachments = self.fields.get("attachments")
        return bool(EMAIL_ONLY & set(self.fields)) or bool(self.files) \
            or (date is not None and TIME_OF_DAY.search(date.text) is not None) \
            or (attachments is not None and FILE_NAME.search(attachments.text) is not None) \
            or any("@" in f.text for f in self.fields.values() if f.name in ("from", "to"))


def _field_of(line: Line) -> tuple[str, str] | None:
    m = _FIELD.match(line.text)
    if m is None:
        return None
    groups = m.groupdict()
    name = next(n for n in FIELDS if groups.get(n) or groups.get(f"b_{n}") or groups.get(f"a_{n}"))
    return name, line.text[m.end():].strip()


def _value(doc: Document, label: Line, rest: str, lines: list[Line]) -> tuple[str, tuple[Line, ...]]:
    if rest or not label.has_box:
        return rest, ()
    beside = sorted((ln for ln in lines if ln is not label and geometry.beside(label, ln) and _field_of(ln) is None),
                    key=lambda ln: ln.x0)
    if not beside:
        return "", ()
    return " ".join(ln.text for ln in beside), tuple(beside)


def headers(doc: Document) -> list[MailHeader]:
    """Every header block of the document, in reading order (computed once per document)."""
    return doc.once(_headers)


def _sender(ln: Line, near: list[Line]) -> tuple[str, MailField] | None:
    """A webmail print's unlabelled sender line: the sender, and the sent date on its row at the right (or run on
    into the line), or on the line under it."""
    if not (m := SENDER_LINE.match(ln.text.strip())):
        return None
    if m["rest"]:
        return (m["sender"], MailField(name="sent", label_line=ln, text=m["rest"], lines=())) \
            if DATED.search(m["rest"]) else None
    dated = [x for x in near if x is not ln and DATED.search(x.text) and _field_of(x) is None
             and (x.index == ln.index + 1 or ln.has_box and geometry.beside(ln, x, geometry.Tolerances(beside=400.0)))]
    return (m["sender"], MailField(name="sent", label_line=dated[0], text=dated[0].text, lines=())) if dated else None


def _headers(doc: Document) -> list[MailHeader]:
    lines = doc.content
    out: list[MailHeader] = []
    current: MailHeader | None = None
    last = -10
    used: set[int] = set()
    for i, ln in enumerate(lines):
        if ln.index in used:
            continue
        found = _field_of(ln)
        if found is None and (opened := _sender(ln, lines[i:i + 3])) is not None:
            sender, sent = opened
            current = MailHeader()  # a webmail print: the sender line opens the message's header
            out.append(current)
            current.fields["from"] = MailField(name="from", label_line=ln, text=sender, lines=())
            current.fields["sent"] = sent
            used.add(sent.label_line.index)
            last = i + 1
            continue
        if found is None:
            if current is not None and i - last <= 2 and FILE_NAME.fullmatch(ln.text.strip()):
                current.files.append(ln)
            continue
        name, rest = found
        if current is None or i - last > MAX_FIELD_GAP or name in current.fields:
            current = MailHeader()
            out.append(current)
        text, value_lines = _value(doc, ln, rest, lines[max(0, i - 3):i + 4])
        used.update(v.index for v in value_lines)
        current.fields[name] = MailField(name=name, label_line=ln, text=text, lines=value_lines)
        last = i + len(value_lines)
    return out


def top_header(doc: Document) -> MailHeader | None:
    """The e-mail's own header: the first block on page 1 that is a mail header."""
    for header in headers(doc):
        if header.lines and header.lines[0].page > 1:
            return None
        if header.is_mail:
            return header
    return None
