"""Conventions the extractor once missed, one regression test each, in made-up text.

Ministry names with commas, Markdown labels over their values, a quoted title in an enclosure
sentence, a headline that is no letterhead, the sender's strip or block that is no address
block, and English month-first dates.
"""
from __future__ import annotations

from builders import note, pdf_note

from kenmerk.extract.organisation import ministry_of


def test_ministry_name_with_a_comma_is_kept_whole():
    # "Minister van X, Y en Z": the ministry's name holds a comma
    assert ministry_of("Minister van Onderwijs, Cultuur en Wetenschap") == "Ministerie van Onderwijs, Cultuur en Wetenschap"


def test_internal_note_to_a_minister_whose_ministry_name_has_a_comma():
    n = note("Minister van Volksgezondheid, Welzijn en Sport\n\nDirectie Zwemwater\n\nDatum\n3 februari 2025\n\nnota\n\n"
             "Beslisnota bij Kamerbrief over schoolzwemmen\n\n1. Aanleiding\nTekst.\n\n2. Geadviseerd besluit\nInstemmen.\n")
    assert n.organisation.name == "Ministerie van Volksgezondheid, Welzijn en Sport"


def test_markdown_bold_label_with_its_value_after_a_blank_line():
    # a Markdown conversion prints each colofon label and value as its own paragraph
    n = note("# nota\n\n**Datum**\n\n3 februari 2025\n\n**Ons kenmerk**\n\nIENW/WB-2025/70123\n\n**Bijlage(n)**\n\n2\n\n"
             "Beslisnota over schoolzwemmen\n\n## 1. Aanleiding\n\nTekst.\n", "x.md")
    assert n.kenmerk == "IENW/WB-2025/70123"
    assert [a.title for a in n.attachments] == [None, None]


def test_quoted_title_inside_the_enclosure_sentence():
    n = note("Nota\nKernpunten\nHet rapport “Zwemvaardigheid van leerlingen in Zilverdam” wordt als bijlage meegestuurd.\n")
    assert [a.title for a in n.attachments] == ["Zwemvaardigheid van leerlingen in Zilverdam"]


def test_largest_print_on_top_of_a_pdf():
    n = pdf_note([
        ("Lessen uit een jaar waterbussen op het Kwartelmeer", 70, 760, 16, True),
        ("Het gebruik verschilt sterk per seizoen en per steiger.", 70, 700, 10),
        ("De drukste lijn vaart tussen Zilverdam en de oostoever.", 70, 686, 10),
        ("Reizigers vragen om een vaste dienstregeling.", 70, 672, 10),
    ])
    assert n.title == "Lessen uit een jaar waterbussen op het Kwartelmeer"


# --- letter: a sender's strip or block taken for the address block ------------------------------

from builders import layout  # noqa: E402

from kenmerk.extract.context import Document  # noqa: E402
from kenmerk.extract.letter import letter  # noqa: E402

ADDRESSEE = [("Gemeente Wilgenoord", 70, 660, 10), ("T.a.v. de afdeling Verkeer", 70, 648, 10),
             ("Postbus 5", 70, 636, 10), ("9999 BB Wilgenoord", 70, 624, 10)]
CLOSE = [("Betreft: Vaarschema van de waterbussen", 70, 580, 10), ("Geacht college,", 70, 550, 10),
         ("Hierbij ontvangt u het vaarschema.", 70, 536, 10), ("Met vriendelijke groet,", 70, 500, 10)]


def _first(*lines):
    block = letter(Document(layout(list(lines)))).address
    return block.first.text if block else None


def test_strip_with_a_phone_number_written_t_is_the_senders():
    # letter.py's own example of a strip: "Postbus 301 · 8260 AH Kampenveen · T 088 …"
    strip = ("Postbus 12 · 9999 AA Zilverdam · T 0123 456 789", 70, 733, 8)
    assert _first(("Waterschap Kwartelmeer", 70, 745, 10, True), strip, *ADDRESSEE, *CLOSE) == "Gemeente Wilgenoord"


def test_strip_printed_as_separate_segments_is_the_senders():
    segments = [("Postbus 12", 70, 733, 8), ("9999 AA Zilverdam", 125, 733, 8), ("Telefoon 0123 456 789", 210, 733, 8)]
    assert _first(("Waterschap Kwartelmeer", 70, 745, 10, True), *segments, *ADDRESSEE, *CLOSE) == "Gemeente Wilgenoord"


def test_sender_block_ending_in_a_telefoon_line_is_the_senders():
    sender = [("Waterschap Kwartelmeer", 70, 740, 10, True), ("Postbus 12", 70, 728, 10),
              ("9999 AA Zilverdam", 70, 716, 10), ("Telefoon 0123 456 789", 70, 704, 10)]
    assert _first(*sender, *ADDRESSEE, *CLOSE) == "Gemeente Wilgenoord"


# --- dates: Outlook's English sent date, month first -------------------------------------------

import datetime as dt  # noqa: E402

from kenmerk.extract.dates import parse_date  # noqa: E402


def test_english_month_first_date():
    assert parse_date("Tuesday, October 3, 2023 4:45 PM") == dt.date(2023, 10, 3)


def test_english_outlook_sent_date_is_the_mails_date():
    n = note("From: Proefmans, K.\nSent: Tuesday, October 3, 2023 4:45 PM\nTo: Stuurgroep Waterbussen\n"
             "Subject: RE: Ferries\n\nHi all,\n")
    assert n.date == dt.date(2023, 10, 3)
