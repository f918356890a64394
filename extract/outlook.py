"""Outlook `.msg` files → `Layout`: the message as an e-mail print shows it, as an `.eml` is read.

aspose-email-foss (MIT, pure Python) reads the compound file and its MAPI properties and turns
the message into an `email.message.EmailMessage` (`MapiMessage.to_email_message`); from there
the message is printed and laid out exactly as an `.eml` (`kenmerk.extract.eml`): the header
lines `From:`, `Date:`, `To:`, `Cc:`, `Subject:`, `Attachments:`, then the body.

Two things an `.msg` stores differently from a sent e-mail:

- the Date: a received message keeps its transport headers, whose Date is in the sender's zone
  as sent; a message without a Date there (written or saved in Outlook) has only its delivery
  time in UTC, printed in Dutch time (Europe/Amsterdam), so a message sent just after midnight
  is dated on the day it was sent;
- inline images: Outlook keeps the images of an HTML body as attachments; one that the body
  shows (`cid:` in the HTML) is not counted among the attachments.
"""
from __future__ import annotations

from email.message import EmailMessage
from email.parser import HeaderParser
from email.utils import format_datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from kenmerk.extract.eml import printed_layout, printed_message
from kenmerk.extract.errors import UnreadableInput
from kenmerk.extract.layout import Layout
from kenmerk.extract.progress import PageCallback

if TYPE_CHECKING:
    from kenmerk.extract.reader import ReadLimits

MEDIA_TYPE = "application/vnd.ms-outlook"
#: the zone a date without one (an Outlook delivery time, in UTC) is printed in
LOCAL_ZONE = "Europe/Amsterdam"


def outlook_message(data: bytes, name: str) -> EmailMessage:
    """The `.msg` file as an e-mail message (policy `default`); a broken one raises `UnreadableInput`."""
    from aspose.email_foss.cfb import CFBError, CFBReader
    from aspose.email_foss.msg import MapiMessage, MsgDocument, MsgError, MsgReader, PropertyId

    try:
        with MsgReader(CFBReader(data)) as reader:
            mapi = MapiMessage.from_msg_document(MsgDocument.from_reader(reader))
        message = mapi.to_email_message()
        html = mapi.body_html or ""
        transport = mapi.get_property_value(PropertyId.TRANSPORT_MESSAGE_HEADERS)
    except RecursionError:
        raise UnreadableInput("Outlook message with attached messages nested too deeply to read", path=name) from None
    except (CFBError, MsgError, ValueError, KeyError, IndexError, TypeError, UnicodeError, LookupError) as exc:
        reason = str(exc).splitlines()[0][:120] if str(exc) else exc.__class__.__name__
        raise UnreadableInput(f"broken Outlook .msg file ({reason})", path=name) from None
    if not isinstance(transport, str) or HeaderParser().parsestr(transport).get("Date") is None:
        _date_in_local_time(message)  # the Date is Outlook's delivery time, in UTC
    _inline_images(message, html)
    return message


def _date_in_local_time(message: EmailMessage) -> None:
    """Print a Date kept in UTC (an Outlook delivery time) in Dutch time."""
    date = message.get("Date")
    when = getattr(date, "datetime", None)
    if when is not None and when.tzinfo is not None:
        message.replace_header("Date", format_datetime(when.astimezone(ZoneInfo(LOCAL_ZONE))))


def _inline_images(message: EmailMessage, html: str) -> None:
    """Mark as inline the attachments the HTML body shows (`cid:`), so they are not counted as attachments."""
    for part in message.iter_attachments():
        content_id = str(part.get("Content-ID", "")).strip().strip("<>")
        if content_id and f"cid:{content_id}" in html:
            part.replace_header("Content-Disposition", "inline")


def read_msg(data: bytes, name: str, limits: ReadLimits, on_page: PageCallback | None = None) -> Layout:
    """Lay out an Outlook `.msg` file as its e-mail print: the header lines, then the body."""
    return printed_layout(printed_message(outlook_message(data, name), name), name, MEDIA_TYPE, limits, on_page)
