"""E-mail files (.eml): the header fields and MIME parts as the field extractors read a printed e-mail."""
from __future__ import annotations

import json
from email.message import EmailMessage
from email.policy import SMTP

import pytest
from batch_helpers import kenmerk

from kenmerk.extract import ReadLimits, UnreadableInput, extract_note, read_bytes
from kenmerk.extract.eml import html_to_text, message_text

NEVER = ReadLimits(ocr="never")


def _message(body: str = "Beste collega's,\n\nHierbij de stukken.\n", **headers: str) -> EmailMessage:
    msg = EmailMessage()
    for name, value in {"From": "Team Water <water@noord-holland.nl>", "To": "Projectbureau <pb@example.nl>",
                        "Subject": "Planning dijkversterking", "Date": "Mon, 4 Mar 2024 16:02:00 +0100",
                        **headers}.items():
        msg[name] = value
    msg.set_content(body)
    return msg


def test_bar_an_eml_with_subject_date_to_and_two_attachments(input_dir, make_fixtures_module):
    """Issue 18, bar 1: type email with the Subject as title, the Date (the sender's day) and both file names."""
    spec = make_fixtures_module.MAIL
    path = input_dir / f"{spec.name}.eml"
    proc = kenmerk("extract", path)
    assert proc.returncode == 0, proc.stderr
    note = json.loads(proc.stdout)
    assert note["document_type"] == "email"
    assert note["title"] == spec.subject == "RE: concept bestuursrapportage kustversterking Q3"
    # sent 00:35 on 19 November in +01:00, still 18 November in UTC: the sender's day counts
    assert note["date"] == "2022-11-19"
    assert [a["title"] for a in note["attachments"]] == list(spec.attachments)
    assert note["addressee"] == "Projectbureau Kustversterking"
    assert note["source"]["media_type"] == "message/rfc822"
    assert note["evidence"]["title"]["text"] == spec.subject
    assert note["evidence"]["date"]["text"] == "Sat, 19 Nov 2022 00:35:12 +0100"
    assert note["warnings"] == []
    gold = json.loads((input_dir / f"{spec.name}.gold.json").read_text())
    assert (note["title"], note["date"], note["addressee"]) == (gold["title"], gold["date"], gold["addressee"])


def test_the_header_lines_are_printed_as_a_mail_client_prints_them(input_dir):
    text = message_text((input_dir / "email-twee-bijlagen.eml").read_bytes())
    assert text.splitlines()[:6] == [
        "From: Team Kust en Water <kustenwater@noord-holland.nl>",
        "Date: Sat, 19 Nov 2022 00:35:12 +0100",
        "To: Projectbureau Kustversterking <projectbureau@kustversterking.example>; "
        "Secretariaat Water <secretariaat.water@noord-holland.nl>",
        "Cc: Directie Water en Bodem <water@noord-holland.nl>",
        "Subject: RE: concept bestuursrapportage kustversterking Q3",
        "Attachments: Bestuursrapportage_Q3_concept_v2.docx; Reactie_RWS_bestuursrapportage.pdf",
    ]


def test_an_encoded_personal_name_is_decoded_and_scrubbed_from_the_note():
    msg = _message(body="Beste Pieter,\n\nDank voor je bericht.\n\nGroet,\nAnnemiek\n",
                   From="=?utf-8?q?Vries=2C_Annemiek_de?= <a.devries@minienw.nl>",
                   To="=?utf-8?q?Jansen=2C_Pieter?= <p.jansen@example.nl>")
    data = msg.as_bytes(policy=SMTP)
    note = extract_note(data, "bericht.eml", NEVER)
    dumped = note.model_dump_json()
    assert "Jansen" not in dumped and "Annemiek" not in dumped and "a.devries" not in dumped
    assert note.addressee is None  # a person is no addressee in the default JSON
    kept = extract_note(data, "bericht.eml", NEVER, keep_personal_data=True)
    assert kept.addressee == "Jansen, Pieter"


def test_an_html_body_is_read_as_text_with_its_table_as_label_and_value():
    msg = _message(Subject="Besluit subsidie walstroom")
    msg.set_content("<html><head><style>p {color: red}</style><script>var x = 'Ons kenmerk 999';</script></head>"
                    "<body><p>Beste collega&#39;s,</p><table><tr><td>Ons kenmerk</td><td>IENW/BSK-2024/31415</td></tr>"
                    "<tr><td>Datum</td><td>14 maart 2024</td></tr></table><p>Groet,<br>Team Water</p></body></html>",
                    subtype="html")
    note = extract_note(msg.as_bytes(policy=SMTP), "bericht.eml", NEVER)
    assert note.kenmerk == "IENW/BSK-2024/31415"
    assert note.title == "Besluit subsidie walstroom"
    text = message_text(msg.as_bytes(policy=SMTP))
    assert "999" not in text and "color" not in text and "Beste collega's," in text


def test_html_to_text_ends_a_line_per_block_and_sets_cells_apart():
    assert html_to_text("<p>a &amp; b</p><div>c<br>d</div><table><tr><td>x</td><td>y</td></tr></table>").split() \
        == ["a", "&", "b", "c", "d", "x", "y"]
    assert "x\ty" in html_to_text("<table><tr><td>x</td><td>y</td></tr></table>")


def test_only_the_messages_own_attachments_count():
    inner = _message(Subject="Oud bericht")
    inner.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="niet-van-dit-bericht.pdf")
    msg = _message()
    msg.add_related(b"\x89PNG", maintype="image", subtype="png", cid="<logo@example.nl>", filename="image001.png",
                    disposition="inline")
    msg.add_attachment(b"%PDF-1.4", maintype="application", subtype="pdf", filename="Planning 2024.pdf")
    msg.add_attachment(inner)
    layout, source = read_bytes(msg.as_bytes(policy=SMTP), "bericht.eml", NEVER)
    assert "Attachments: Planning 2024.pdf; Oud bericht.eml" in [ln.text for ln in layout.lines()]
    assert source.page_count is None


def test_a_date_that_cannot_be_parsed_is_printed_as_written():
    data = (b"From: Team Water <water@example.nl>\nTo: Projectbureau <pb@example.nl>\nSubject: Planning\n"
            b"Date: maandag 4 maart 2024 16:02\n\nHierbij de planning.\n")
    assert "Date: maandag 4 maart 2024 16:02" in message_text(data)
    assert extract_note(data, "bericht.eml", NEVER).date.isoformat() == "2024-03-04"


@pytest.mark.parametrize("data", [b"Dit is geen e-mail maar tekst.\n", b"X-Onbekend: iets\n\nTekst\n"])
def test_an_eml_without_mail_headers_is_refused_in_one_line(data):
    with pytest.raises(UnreadableInput, match=r"^bericht\.eml: not an e-mail \(no From, Date, To or Subject header\)$"):
        read_bytes(data, "bericht.eml", NEVER)
