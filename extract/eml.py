"""E-mail files (`.eml`, RFC 5322 with MIME) → `Layout`: the message as an e-mail print shows it.

The standard library's `email` package (policy `default`: RFC 2047 names and subjects decoded,
the Date parsed) reads the message. The layout is the text a printed e-mail has, so the
field extractors read it as they read a print (`kenmerk.extract.mail`): the header lines

    From: Team Kust en Water <kustenwater@provincie.example>
    Date: Fri, 18 Nov 2022 16:47:12 +0100
    To: Projectbureau Kustversterking <pb@example.nl>
    Cc: …
    Subject: RE: concept bestuursrapportage
    Attachments: Rapportage_Q3.docx; Reactie_RWS.pdf

then a blank line and the body: the plain-text part, or the HTML part converted to text
(block elements end a line, table cells are set apart like columns). The Date is printed in
the sender's own zone, as the message carries it; the attachments are the file names of the
message's own MIME parts (inline images and the parts of attached messages are not counted).
Names in the header lines are person fields: the pipeline scrubs them as in any print.
"""
from __future__ import annotations

import email
import email.policy
from email.errors import MessageError
from email.message import EmailMessage, Message, MIMEPart
from email.utils import format_datetime
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from kenmerk.extract.errors import UnreadableInput
from kenmerk.extract.layout import Layout
from kenmerk.extract.progress import PageCallback
from kenmerk.extract.text import decode_text, read_text

if TYPE_CHECKING:
    from kenmerk.extract.reader import ReadLimits

MEDIA_TYPE = "message/rfc822"
#: the header fields printed, in the order an e-mail client prints them
PRINTED_FIELDS = ("From", "Date", "To", "Cc", "Subject")
#: HTML elements that end a line of text
BLOCK_TAGS = frozenset({"address", "blockquote", "br", "dd", "div", "dl", "dt", "h1", "h2", "h3", "h4", "h5", "h6",
                        "hr", "li", "ol", "p", "pre", "section", "table", "tr", "ul"})
TOO_DEEP = "e-mail with MIME parts nested too deeply to read"
#: HTML elements whose text is not shown
HIDDEN_TAGS = frozenset({"head", "script", "style", "template", "title"})


class _HtmlText(HTMLParser):
    """The visible text of an HTML body, a line per block element, table cells apart by a tab."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(" ".join(data.split()) if data.strip() else " " if data else "")

    def text(self) -> str:
        lines = ("".join(self.parts)).split("\n")
        return "\n".join(line.strip(" ") for line in lines)


def html_to_text(html: str) -> str:
    """The text of an HTML mail body: a line per block, cells of a table row set apart by a tab."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    return parser.text()


def _header(msg: EmailMessage, name: str) -> str:
    """A header field as printed: decoded, unfolded; the Date in the sender's zone."""
    try:
        value = msg[name]
    except (TypeError, ValueError, IndexError, MessageError):  # a field the policy cannot parse: as written
        value = next((raw for key, raw in msg.raw_items() if key.lower() == name.lower()), None)
    if value is None:
        return ""
    when = getattr(value, "datetime", None)
    if when is not None:
        return format_datetime(when)
    addresses = getattr(value, "addresses", None)
    if addresses and not value.defects:  # apart by ";" as a mail client prints them (a name may hold a comma);
        # a header that is no address list ("From: Jansen, Pieter") is printed as written
        return "; ".join(" ".join(str(address).split()) for address in addresses)
    return " ".join(str(value).split())


def attachment_names(msg: Message) -> list[str]:
    """The file names of the message's own attachments, in order (not those of attached messages)."""
    names: list[str] = []
    for part in msg.iter_parts() if isinstance(msg, EmailMessage) else ():
        if part.get_content_type() == "message/rfc822":
            name = part.get_filename() or _attached_subject(part)
            if name:
                names.append(name)
        elif part.is_multipart():
            names += attachment_names(part)
        elif (filename := part.get_filename()) and _attached(part):
            names.append(" ".join(filename.split()))
    return names


def _attached(part: MIMEPart) -> bool:
    """A part sent as an attachment, not shown in the body (an inline image, a part with a Content-ID)."""
    disposition = part.get_content_disposition()
    return disposition == "attachment" or (disposition is None and "Content-ID" not in part)


def _attached_subject(part: MIMEPart) -> str | None:
    """'Subject.eml' for a message attached without a file name."""
    inner = part.get_payload()
    inner = inner[0] if isinstance(inner, list) and inner else inner
    subject = " ".join(str(inner.get("Subject", "")).split()) if isinstance(inner, Message) else ""
    return f"{subject}.eml" if subject else None


def _payload_bytes(part: MIMEPart) -> bytes:
    """A leaf part's payload with its transfer encoding undone (nothing for a part that holds parts)."""
    raw = part.get_payload(decode=True)
    return raw if isinstance(raw, bytes) else b""


def _body(msg: EmailMessage) -> str:
    """The message's text: its plain-text body, else its HTML body as text."""
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    try:
        if part.get_param("charset") is None:  # none declared: 8-bit text read as a text file is (UTF-8, else cp1252)
            raw = _payload_bytes(part)
            return _as_shown(part, decode_text(raw) if raw.strip() else "")
        content = part.get_content()
    except (LookupError, UnicodeError, ValueError, AssertionError, UnreadableInput):  # a broken encoding
        raw = _payload_bytes(part)
        content = raw.decode("utf-8", "replace")
    return _as_shown(part, content) if isinstance(content, str) else ""


def _as_shown(part: MIMEPart, content: str) -> str:
    """A body part's text as a mail client shows it (HTML as text)."""
    return html_to_text(content) if part.get_content_subtype() == "html" else content


def message_text(data: bytes, name: str = "<eml>") -> str:
    """The e-mail as printed text: the header lines, a blank line, the body."""
    try:
        msg = email.message_from_bytes(data, policy=email.policy.default)
    except RecursionError:
        raise UnreadableInput(TOO_DEEP, path=name) from None
    return printed_message(msg, name)


def printed_message(msg: EmailMessage, name: str) -> str:
    """A parsed message (policy `default`) as printed text: the header lines, a blank line, the body."""
    try:
        header = [(field, _header(msg, field)) for field in PRINTED_FIELDS]
        if not any(value for field, value in header if field != "Cc"):
            raise UnreadableInput("not an e-mail (no From, Date, To or Subject header)", path=name)
        lines = [f"{field}: {value}" for field, value in header if value]
        files = attachment_names(msg)
        if files:
            lines.append("Attachments: " + "; ".join(files))
        return "\n".join(lines) + "\n\n" + _body(msg).replace("\f", "\n")
    except RecursionError:
        raise UnreadableInput(TOO_DEEP, path=name) from None


def read_eml(data: bytes, name: str, limits: ReadLimits, on_page: PageCallback | None = None) -> Layout:
    """Lay out an `.eml` file: its header lines, then its body (one page, lines without positions)."""
    return printed_layout(message_text(data, name), name, MEDIA_TYPE, limits, on_page)


def printed_layout(text: str, name: str, media_type: str, limits: ReadLimits,
                   on_page: PageCallback | None = None) -> Layout:
    """The layout of a message printed by `printed_message`: one page, lines without positions."""
    layout = read_text(text, name=name, max_bytes=limits.max_text_bytes)
    if on_page is not None:
        on_page(1, 1)
    return Layout(pages=layout.pages, media_type=media_type, has_positions=False, notes=layout.notes)
