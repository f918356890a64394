"""The addressee: to whom a note or letter is written (`kenmerk.extract.addressee`).

All names, places, subjects and kenmerken below are made up; only the shape of each
convention (an "Aan" field, an "Aan de …" line, an address block, an e-mail's "Aan:") is real.
"""
from __future__ import annotations

import pytest
from builders import note, pdf_note

from kenmerk.extract.note import extract_note


def test_aan_field_of_a_note():
    n = note("Nota\nAan\nMinister van Financiën\nVan\nDGRB\nDatum\n14 maart 2024\n")
    assert n.addressee == "Minister van Financiën"
    assert n.evidence["addressee"].text == "Aan Minister van Financiën"


def test_aan_van_table_flattened():
    # a two-column header table flattened to labels first, then the values in order, a stage line between
    n = note("Aan\nVan\nMSZW\nTER BESLISSING\nDGKV\nDatum\n12 februari 2024\n")
    assert n.addressee == "MSZW"


def test_aan_with_colon():
    assert note("Notitie\nAan: Stuurgroep Waterbussen\nDatum: 2 oktober 2023\n").addressee == "Stuurgroep Waterbussen"


def test_article_before_a_function_is_dropped():
    assert note("Nota\nAan\nde Minister van Sociale Zaken en Werkgelegenheid\n").addressee == \
        "Minister van Sociale Zaken en Werkgelegenheid"


def test_aan_de_minister_line():
    n = note("Beslisnota\nAan de Minister voor Klimaat en Energie\nDatum 5 april 2024\n\n"
             "Beantwoording Kamervragen over dakgroen in Zilverdam\n\nAanleiding\nDe Kamer stelt vragen.\n")
    assert n.addressee == "Minister voor Klimaat en Energie"


def test_aan_line_in_a_pdf_header():
    n = pdf_note([
        ("Nota", 70, 770, 14, True),
        ("Aan de Minister van Sociale Zaken en Werkgelegenheid", 70, 740),
        ("Datum", 466, 700, 7.5, True), ("18 januari 2024", 466, 690, 7.5),
        ("Kenmerk", 466, 670, 7.5, True), ("DGKV / 90817263", 466, 660, 7.5),
        ("Aanleiding", 70, 640, 10, True), ("De proef met deeltijdbanen in Zilverdam is afgerond.", 70, 626, 10),
    ])
    assert n.addressee == "Minister van Sociale Zaken en Werkgelegenheid"


@pytest.mark.parametrize("value", ["Persoonsgegeven", "5.1.2e", "(10)(2e)", "10.2e"])
def test_redacted_aan_gives_none(value):
    n = note(f"Nota\nAan\n{value}\nVan\nDGKV\nDatum\n14 maart 2024\n")
    assert n.addressee is None


def test_internal_note_opening_with_the_addressee_function():
    n = note("Minister van Onderwijs, Cultuur en Wetenschap\n\nDirectoraat-Generaal Hoger Onderwijs\n\nDatum\n"
             "3 februari 2025\n\nnota\n\nBeslisnota bij Kamerbrief over schoolzwemmen\n\n1. Aanleiding\nTekst.\n\n"
             "2. Geadviseerd besluit\nInstemmen.\n")
    assert n.addressee == "Minister van Onderwijs, Cultuur en Wetenschap"


LETTER = ("> Retouradres Postbus 40123 9999 ZZ Zilverdam\n{block}\n"
          "Datum 4 mei 2023\nBetreft: Subsidie voor de proef met waterbussen\n\nGeachte heer Proefmans,\n\nHierbij.\n")


def test_letter_address_block_first_line():
    n = note(LETTER.format(block="Minister van Infrastructuur en Waterstaat\nT.a.v. de heer K.L. Proefmans\n"
                                 "Postbus 40999\n9999 ZX Zilverdam"))
    assert n.document_type.value == "brief"
    assert n.addressee == "Minister van Infrastructuur en Waterstaat"


def test_letter_address_block_skips_tav():
    n = note(LETTER.format(block="T.a.v. de heer K.L. Proefmans\nMinister van Infrastructuur en Waterstaat\n"
                                 "Postbus 40999\n9999 ZX Zilverdam"))
    assert n.addressee == "Minister van Infrastructuur en Waterstaat"


def test_letter_address_block_in_a_pdf():
    n = pdf_note([
        ("Ministerie van Infrastructuur", 466, 790, 7.5, True), ("en Waterstaat", 466, 781, 7.5, True),
        ("> Retouradres Postbus 40123 9999 ZZ Zilverdam", 70, 720, 6.5),
        ("Voorzitter veiligheidsregio Kwartelmeer", 70, 700, 9.5),
        ("T.a.v. de heer P. Voorbeeld", 70, 688, 9.5),
        ("Postbus 777", 70, 676, 9.5),
        ("9999 AB Kwartelmeer", 70, 664, 9.5),
        ("Datum", 466, 700, 7.5, True), ("6 maart 2023", 466, 690, 7.5),
        ("Kenmerk", 466, 670, 7.5, True), ("4711001-300222-XY", 466, 660, 7.5),
        ("Betreft", 70, 600, 9.5), ("Verlenging van de proef met nachtbussen", 130, 600, 9.5),
        ("Geachte voorzitter,", 70, 570, 9.5),
    ])
    assert n.addressee == "Voorzitter veiligheidsregio Kwartelmeer"
    assert n.evidence["addressee"].bbox.y0 == 700.0


def test_redacted_first_address_line_gives_none():
    n = note(LETTER.format(block="Persoonsgegeven\nPostbus 40999\n9999 ZX Zilverdam"))
    assert n.addressee is None


def kept(text: str):
    """The extractor's reading with personal data kept (left out by default: tests/safety/test_personal.py)."""
    return extract_note(text.encode("utf-8"), "x.txt", keep_personal_data=True)


MAIL = "Van: Proefmans, K.\nVerzonden: 3 oktober 2023\nAan: {to}\nOnderwerp: Ter akkoord: planning waterbussen\n"


def test_email_recipient():
    text = MAIL.format(to="Voorbeeld, F. van (Fleur)")
    assert kept(text).addressee == "Voorbeeld, F. van (Fleur)"
    assert note(text).addressee is None  # a person: left out by default


def test_no_addressee():
    n = note("Notitie\nLessen uit de proef met deelbakfietsen\n\n• Het gebruik verschilt per wijk.\n")
    assert n.addressee is None


def test_sentence_starting_with_aan_is_no_addressee():
    n = note("Nota\nDatum\n14 maart 2024\nAan Bureau Wetgeving is gevraagd of de verordening standhoudt.\n")
    assert n.addressee is None


def test_sentence_aan_de_minister_is_no_addressee():
    # regression: any header line 'Aan de …' was the addressee, a sentence too
    n = note("Nota\nDatum\n14 maart 2024\nAan de minister is eerder gevraagd of de verordening standhoudt.\n\n"
             "1. Aanleiding\nDe Kamer stelt vragen.\n")
    assert n.addressee is None


def test_email_recipient_without_address():
    # regression: the recipient's e-mail address was kept in the addressee
    n = kept(MAIL.format(to="Voorbeeld, F. van (Fleur) <f.vanvoorbeeld@voorbeeld.nl>"))
    assert n.addressee == "Voorbeeld, F. van (Fleur)"


def test_email_first_unredacted_recipient():
    # regression: with a redacted first recipient the whole 'Aan:' field was kept
    n = kept(MAIL.format(to="5.1.2e; Voorbeeld, F. van (Fleur)"))
    assert n.addressee == "Voorbeeld, F. van (Fleur)"


def _left_colofon_letter(top: float) -> list[tuple]:
    """A letter with its colofon on the left (each label's value beside it, inside the column) and the address
    block beside the colofon, its first line `top` points from the page's top edge."""
    y = 842 - top - 9.5
    return [
        ("Gemeente Velderveen", 45, 802, 12, True),
        ("Stichting Speeltuin De Wielewaal", 190, y, 9.5),
        ("Datum:", 45, y + 0.4, 7.5, True), ("3 maart 2025", 110, y + 0.4, 7.5),
        ("T.a.v. het bestuur", 190, y - 13, 9.5),
        ("Ons kenmerk:", 45, y - 9.6, 7.5, True), ("VV/Z-25-0117", 110, y - 9.6, 7.5),
        ("Kerkpad 4", 190, y - 26, 9.5),
        ("Contact:", 45, y - 29.6, 7.5, True), ("team Vergunningen", 110, y - 29.6, 7.5),
        ("8261 AB  VELDERVEEN", 190, y - 39, 9.5),
        ("Onderwerp", 190, y - 70, 9.5, True), ("Uw aanvraag om subsidie", 255, y - 70, 9.5),
        ("Geachte bestuursleden,", 190, y - 100, 9.5),
    ] + [(f"Regel {i} van de brief over de subsidie voor de speeltuin.", 190, y - 125 - 13 * i, 9.5) for i in range(8)]


@pytest.mark.parametrize("top", [74.0, 142.0])  # near the letterhead band, and where a window envelope shows it
def test_an_address_block_beside_a_left_colofon_whose_values_stand_beside_their_labels(top):
    n = pdf_note(_left_colofon_letter(top))
    assert n.addressee == "Stichting Speeltuin De Wielewaal"
    assert n.date.isoformat() == "2025-03-03"
    assert n.kenmerk == "VV/Z-25-0117"


def test_a_letter_to_a_german_body_with_a_german_salutation():
    n = note("Gemeente Velderveen\n\nLandkreis Emsheide\nFachbereich Planung\nAm Markt 4\n49828  NEUENHAUS\n"
             "DUITSLAND\n\nDatum: 14 juli 2025\nOnderwerp: Grensoverschrijdend overleg\n\n"
             "Sehr geehrte Damen und Herren,\n\nDe gemeente legt het ontwerpplan voor.\n\nMet vriendelijke groet,\n")
    assert (n.document_type, n.addressee) == ("brief", "Landkreis Emsheide")


def test_an_address_block_sent_per_e_mail_with_the_addressees_e_mail_address():
    n = pdf_note([
        ("Ministerie van Dijkbeheer", 170, 803, 10, True),
        ("Per e-mail", 75, 738, 9.5),
        ("Stichting Open Archief Velderland", 75, 713, 9.5),
        ("woo@openarchief.example", 75, 701, 9.5),
        ("Ons kenmerk", 440, 705, 7, True), ("DB-WOO/2025/0917", 440, 696, 7),
        ("Datum", 440, 669, 7, True), ("21 oktober 2025", 440, 660, 7),
        ("Betreft", 75, 648, 9.5, True), ("Besluit op uw Woo-verzoek", 130, 648, 9.5),
        ("Geachte heer, mevrouw,", 75, 610, 9.5),
        ("U vroeg om documenten over de dijken.", 75, 590, 9.5),
    ])
    assert n.addressee == "Stichting Open Archief Velderland"
