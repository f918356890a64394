"""Outlook .msg files (aspose-email-foss): read as the e-mail they hold, as an .eml is."""
from __future__ import annotations

import json
from email.message import EmailMessage

import pytest
from aspose.email_foss.msg import MapiMessage, PropertyId
from batch_helpers import kenmerk

from kenmerk.extract import ReadLimits, UnreadableInput, extract_note, read_bytes
from kenmerk.extract.eml import printed_message
from kenmerk.extract.outlook import outlook_message

NEVER = ReadLimits(ocr="never")


def _received(date: str, **headers: str) -> bytes:
    """A received message as Outlook stores it: its MAPI properties, and the message's header as received in
    its transport headers."""
    msg = EmailMessage()
    for name, value in {"From": "Team Water <water@noord-holland.nl>", "To": "Projectbureau <pb@example.nl>",
                        "Subject": "FW: planning dijkversterking", "Date": date, **headers}.items():
        msg[name] = value
    msg.set_content("Beste collega's,\n\nHierbij de planning.\n")
    msg.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="Planning 2024.pdf")
    mapi = MapiMessage.from_email_message(msg)  # the Date as a delivery time in UTC
    mapi.set_property(PropertyId.TRANSPORT_MESSAGE_HEADERS, "".join(f"{k}: {v}\r\n" for k, v in msg.items()))
    return mapi.to_bytes()


def test_an_outlook_message_gives_the_note_its_eml_gives(input_dir, make_fixtures_module):
    """The .msg fixture (saved in Outlook: no transport headers, the time in UTC, an inline logo) reads as the
    .eml of the same message: type email, the Subject, the sender's day and the two attachment names."""
    spec = make_fixtures_module.MAIL
    proc = kenmerk("extract", input_dir / f"{spec.name}-outlook.msg")
    assert proc.returncode == 0, proc.stderr
    note = json.loads(proc.stdout)
    assert note["document_type"] == "email"
    assert note["title"] == spec.subject
    # 23:35 UTC on 18 November is 00:35 on 19 November in Dutch time
    assert note["date"] == "2022-11-19"
    assert note["evidence"]["date"]["text"] == "Sat, 19 Nov 2022 00:35:12 +0100"
    assert [a["title"] for a in note["attachments"]] == list(spec.attachments)  # the inline logo.png is no attachment
    assert note["addressee"] == "Projectbureau Kustversterking"
    assert note["organisation"]["name"] == "Provincie Noord-Holland"
    assert note["source"]["media_type"] == "application/vnd.ms-outlook"
    eml = json.loads(kenmerk("extract", input_dir / f"{spec.name}.eml").stdout)
    for field in ("document_type", "title", "date", "addressee", "attachments", "organisation"):
        assert note[field] == eml[field], field


def test_a_received_message_keeps_the_date_in_the_senders_zone():
    """Its transport headers hold the Date as sent: 23:30 in New York is the 4th there (the 5th in Dutch time)."""
    data = _received("Mon, 4 Mar 2024 23:30:00 -0500")
    text = printed_message(outlook_message(data, "bericht.msg"), "bericht.msg")
    assert "Date: Mon, 04 Mar 2024 23:30:00 -0500" in text.splitlines()
    assert "Attachments: Planning 2024.pdf" in text.splitlines()
    note = extract_note(data, "bericht.msg", NEVER)
    assert (note.document_type.value, note.title, note.date.isoformat()) == (
        "email", "FW: planning dijkversterking", "2024-03-04")
    assert [a.title for a in note.attachments] == ["Planning 2024.pdf"]


def test_a_personal_name_in_an_outlook_message_is_scrubbed_from_the_note():
    data = _received("Mon, 4 Mar 2024 16:02:00 +0100", From="Annemiek de Vries <a.devries@minienw.nl>",
                     To="Pieter Jansen <p.jansen@example.nl>")
    dumped = extract_note(data, "bericht.msg", NEVER).model_dump_json()
    assert "Jansen" not in dumped and "Annemiek" not in dumped and "a.devries" not in dumped


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_cut_off_outlook_message_is_one_line(input_dir, cut):
    data = (input_dir / "email-twee-bijlagen-outlook.msg").read_bytes()
    with pytest.raises(UnreadableInput) as info:
        read_bytes(data[: int(len(data) * cut)], "bericht.msg", NEVER)
    text = str(info.value)
    assert "\n" not in text and text.startswith("bericht.msg: broken Outlook .msg file (")
