"""E-mail headers (`kenmerk.extract.mail`): the From/Sent/To/Cc/Subject block of each message of a printed
e-mail, Dutch or English, with or without colons, and what is not a mail header.

People, addresses and subjects are made up.
"""
from __future__ import annotations

import datetime as dt

from builders import layout, note, pdf_note

from kenmerk.extract.context import Document
from kenmerk.extract.mail import headers, top_header
from kenmerk.extract.text import read_text

THREAD = ("Van: Proefmans, K.\nVerzonden: dinsdag 3 oktober 2023 16:45\nAan: Voorbeeld, F. van\n"
          "CC: Stuurgroep Waterbussen\nOnderwerp: RE: dienstregeling waterbussen\n\nDag Fleur,\n\nZie hieronder.\n\n"
          "Van: Voorbeeld, F. van\nVerzonden: maandag 2 oktober 2023 09:12\nAan: Proefmans, K.\n"
          "Onderwerp: dienstregeling waterbussen\n\nDag Karin,\n")


def doc_of(text: str) -> Document:
    return Document(read_text(text))


def values(header) -> dict[str, str]:
    return {name: f.text for name, f in header.fields.items()}


def test_dutch_outlook_header():
    top = top_header(doc_of(THREAD))
    assert values(top) == {"from": "Proefmans, K.", "sent": "dinsdag 3 oktober 2023 16:45", "to": "Voorbeeld, F. van",
                           "cc": "Stuurgroep Waterbussen", "subject": "RE: dienstregeling waterbussen"}
    assert top.sent.text == "dinsdag 3 oktober 2023 16:45"
    assert top.is_mail


def test_english_header_with_attachments():
    top = top_header(doc_of("From: Proefmans, K.\nSent: Tuesday, October 3, 2023 4:45 PM\nTo: Voorbeeld, F. van\n"
                            "Subject: RE: Ferries\nAttachments: vaarschema.pdf; kaart.png\n\nHi Fleur,\n"))
    assert values(top) == {"from": "Proefmans, K.", "sent": "Tuesday, October 3, 2023 4:45 PM", "to": "Voorbeeld, F. van",
                           "subject": "RE: Ferries", "attachments": "vaarschema.pdf; kaart.png"}


def test_every_message_of_a_thread_has_its_header_and_the_top_one_is_the_mails_own():
    doc = doc_of(THREAD)
    blocks = headers(doc)
    assert [values(h)["from"] for h in blocks] == ["Proefmans, K.", "Voorbeeld, F. van"]
    assert top_header(doc) is blocks[0]
    assert [ln.text for ln in blocks[0].lines][:2] == ["Van: Proefmans, K.", "Verzonden: dinsdag 3 oktober 2023 16:45"]


def test_a_field_printed_twice_starts_the_next_header():
    blocks = headers(doc_of("Van: Proefmans, K.\nVerzonden: 3 oktober 2023\nVan: Voorbeeld, F. van\n"
                            "Verzonden: 2 oktober 2023\n"))
    assert [list(h.fields) for h in blocks] == [["from", "sent"], ["from", "sent"]]


def test_labels_without_colons_beside_their_values_in_a_pdf():
    top = top_header(Document(layout([
        ("From", 70, 760, 9), ("Proefmans, K.", 140, 760, 9),
        ("Sent", 70, 748, 9), ("Tuesday, October 3, 2023 4:45 PM", 140, 748, 9),
        ("To", 70, 736, 9), ("Voorbeeld, F. van", 140, 736, 9),
        ("Subject", 70, 724, 9), ("RE: Ferries", 140, 724, 9),
        ("Hi Fleur,", 70, 700, 10),
    ])))
    assert values(top) == {"from": "Proefmans, K.", "sent": "Tuesday, October 3, 2023 4:45 PM",
                           "to": "Voorbeeld, F. van", "subject": "RE: Ferries"}
    assert [ln.text for ln in top.fields["to"].lines] == ["Voorbeeld, F. van"]


def test_dutch_labels_without_colons_beside_their_values_in_a_pdf():
    top = top_header(Document(layout([
        ("Van", 70, 760, 9), ("Proefmans, K.", 140, 760, 9),
        ("Verzonden", 70, 748, 9), ("dinsdag 3 oktober 2023 16:45", 140, 748, 9),
        ("Aan", 70, 736, 9), ("Voorbeeld, F. van", 140, 736, 9),
        ("Onderwerp", 70, 724, 9), ("RE: dienstregeling", 140, 724, 9),
    ])))
    assert values(top)["sent"] == "dinsdag 3 oktober 2023 16:45"
    assert values(top)["to"] == "Voorbeeld, F. van"


def test_ocr_slips_in_a_field_name_and_a_lost_colon():
    top = top_header(doc_of("From Proefmans, K.\nVerzondemn: 3 oktober 2023 16:45\nAan: Voorbeeld, F. van\n"
                            "Subject RE: vaarschema\n"))
    assert values(top) == {"from": "Proefmans, K.", "sent": "3 oktober 2023 16:45", "to": "Voorbeeld, F. van",
                           "subject": "RE: vaarschema"}


def test_a_sentence_opening_with_aan_or_van_is_no_field():
    (block,) = headers(doc_of("Van: Proefmans, K.\nVerzonden: 3 oktober 2023\nAan: Voorbeeld, F. van\n"
                              "Onderwerp: vaarschema\n\nAan de stuurgroep is het vaarschema gestuurd.\n"
                              "Van het waterschap kwam geen reactie.\n"))
    assert values(block)["to"] == "Voorbeeld, F. van"
    assert list(block.fields) == ["from", "sent", "to", "subject"]


# --- what is and is not a mail header -----------------------------------------------------------

NOTE = "Memo\nAan: Stuurgroep Waterbussen\nVan: Projectbureau WB-7\nDatum: 2 oktober 2023\nOnderwerp: Draaiboek\n"


def test_a_notes_aan_van_datum_onderwerp_is_not_a_mail_header():
    doc = doc_of(NOTE + "\nDe memo beschrijft de stappen.\n")
    (block,) = headers(doc)
    assert list(block.fields) == ["to", "from", "date", "subject"]
    assert not block.is_mail
    assert top_header(doc) is None


def test_a_sign_only_messages_have_makes_it_a_mail_header():
    signs = {
        "a sent field": NOTE.replace("Datum:", "Verzonden:"),
        "a time of day": NOTE.replace("2 oktober 2023", "2 oktober 2023 14:05"),
        "an e-mail address": NOTE.replace("Projectbureau WB-7", "k.proefmans@zilverdam.example"),
        "a file as attachment": NOTE + "Bijlagen: draaiboek-hoogwater.docx\n",
        "a file name printed in the block": NOTE + "draaiboek-hoogwater.pdf\n",
    }
    for sign, text in signs.items():
        assert top_header(doc_of(text)) is not None, sign


def test_two_fields_are_no_header():
    assert top_header(doc_of("Van: Proefmans, K.\nVerzonden: 3 oktober 2023 16:45\n\nDag Fleur,\n")) is None


def test_a_header_only_on_a_later_page_is_not_the_mails_own():
    doc = doc_of("Notitie over de waterbussen\n\fVan: Proefmans, K.\nVerzonden: 3 oktober 2023\nAan: Voorbeeld, F. van\n"
                 "Onderwerp: vaarschema\n")
    assert headers(doc) and headers(doc)[0].is_mail
    assert top_header(doc) is None


def test_file_names_in_the_block_are_kept_as_files():
    top = top_header(doc_of("Van: Proefmans, K.\nAan: Voorbeeld, F. van\nOnderwerp: vaarschema\nvaarschema-2024.xlsx\n\n"
                            "Dag Fleur,\n"))
    assert [ln.text for ln in top.files] == ["vaarschema-2024.xlsx"]
    assert top.sent is None


def test_the_top_messages_fields_are_the_notes():
    n = note("From: Proefmans, K.\nSent: Tue 10/3/2023 4:45 PM\nTo: Stuurgroep Waterbussen\n"
             "Subject: RE: Ferries\nAttachments: vaarschema.pdf; kaart.png\n\nHi all,\n\n"
             "From: Voorbeeld, F. van\nSent: Monday, October 2, 2023 9:12 AM\nTo: Projectbureau WB-7\n"
             "Subject: Ferries\n\nHello,\n")
    assert n.document_type.value == "email"
    assert n.date == dt.date(2023, 10, 3)
    assert (n.title, n.addressee) == ("RE: Ferries", "Stuurgroep Waterbussen")
    assert [a.title for a in n.attachments] == ["vaarschema.pdf", "kaart.png"]


def test_a_webmail_sender_line_with_the_date_run_on_into_it():
    # "Name <address>dinsdag 4 mrt. 2025 om 10:12": the sent date printed right after the address on one line
    n = note("Gmail\n\nZorgen over de kap van de bomen\n\n1 bericht\n\n"
             "Bewonersgroep Het Veld <hetveld@mail.example>dinsdag 4 mrt. 2025 om 10:12\n"
             "Aan: Gemeente Velderveen <info@velderveen.example>\n\nGeachte heer, mevrouw,\n\nWij maken ons zorgen.\n")
    assert (n.document_type, n.date) == ("email", dt.date(2025, 3, 4))


def test_an_older_messages_subject_is_not_the_top_messages_title():
    # Outlook on the web prints the top message's subject as a heading; "Onderwerp:" belongs to the quoted message
    n = pdf_note([
        ("RE: Lozingsvergunning koelwater fabriek Dommeldal", 55, 797, 15),
        ("Vergunningen Waterschap <vergunningen@waterschap.example>", 55, 758, 9.5, True),
        ("Thu 10/9/2025 2:41 PM", 55, 745, 9),
        ("To: Zuivel Dommeldal B.V. <milieu@dommeldal.example>", 55, 733, 9),
        ("Beste heer, dank voor de meetgegevens.", 55, 698, 9.5),
        ("Van: Verhagen, Bas <b.verhagen@dommeldal.example>", 55, 563, 9),
        ("Verzonden: maandag 6 oktober 2025 16:05", 55, 551, 9),
        ("Aan: Vergunningen Waterschap <vergunningen@waterschap.example>", 55, 540, 9),
        ("Onderwerp: RE: Lozingsvergunning koelwater fabriek Dommeldal - meetgegevens september", 55, 528, 9),
        ("Goedemiddag, hierbij de meetgegevens. Met vriendelijke groet, Bas Verhagen, Zuivel Dommeldal B.V.", 55, 510, 9.5),
    ])
    assert n.title == "RE: Lozingsvergunning koelwater fabriek Dommeldal"
