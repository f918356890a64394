"""The addressee: to whom a note or letter is written (`kenmerk.extract.addressee`)."""
from __future__ import annotations

import pytest

from kenmerk.extract.note import extract_note

from builders import note, pdf_note


def test_aan_field_of_a_note():
    n = note("Nota\nAan\nMinister van Financiën\nVan\nDGFZ\nDatum\n3 mei 2024\n")
    assert n.addressee == "Minister van Financiën"
    assert n.evidence["addressee"].text == "Aan Minister van Financiën"


def test_aan_van_table_flattened():
    n = note("Aan\nVan\nMINDEF\nTER BESLISSING\nDGB\nDatum\n7 juni 2024\n")
    assert n.addressee == "MINDEF"


def test_aan_with_colon():
    assert note("Notitie\nAan: ACC-19\nDatum: 10 september 2020\n").addressee == "ACC-19"


def test_article_before_a_function_is_dropped():
    assert note("Nota\nAan\nde Minister van Economische Zaken en Klimaat\n").addressee == \
        "Minister van Economische Zaken en Klimaat"


def test_aan_de_minister_line():
    n = note("Beslisnota\nAan de Minister voor Natuur en Stikstof\nDatum 3 mei 2024\n\n"
             "Beantwoording Kamervragen over stikstof\n\nAanleiding\nDe Kamer vraagt.\n")
    assert n.addressee == "Minister voor Natuur en Stikstof"


def test_aan_line_in_a_pdf_header():
    n = pdf_note([
        ("Nota", 70, 770, 14, True),
        ("Aan de Minister van Economische Zaken en Klimaat", 70, 740),
        ("Datum", 466, 700, 7.5, True), ("11 januari 2024", 466, 690, 7.5),
        ("Kenmerk", 466, 670, 7.5, True), ("DGED / 44314491", 466, 660, 7.5),
        ("Aanleiding", 70, 640, 10, True), ("De vierde ronde van het Nationaal Groeifonds.", 70, 626, 10),
    ])
    assert n.addressee == "Minister van Economische Zaken en Klimaat"


@pytest.mark.parametrize("value", ["Persoonsgegeven", "5.1.2e", "(10)(2e)", "10.2e"])
def test_redacted_aan_gives_none(value):
    n = note(f"Nota\nAan\n{value}\nVan\nDGB\nDatum\n3 mei 2024\n")
    assert n.addressee is None


def test_internal_note_opening_with_the_addressee_function():
    n = note("Minister van Asiel en Migratie\n\nDirectoraat-Generaal Migratie\n\nDatum\n9 januari 2025\n\nnota\n\n"
             "Beslisnota bij Kamerbrief opvang Oekraïne\n\n1. Aanleiding\nTekst.\n\n2. Geadviseerd besluit\nInstemmen.\n")
    assert n.addressee == "Minister van Asiel en Migratie"


LETTER = ("> Retouradres Postbus 20350 2500 EJ Den Haag\n{block}\n"
          "Datum 6 augustus 2020\nBetreft: Subsidie voor de pilot deelfietsen\n\nGeachte heer De Jonge,\n\nHierbij.\n")


def test_letter_address_block_first_line():
    n = note(LETTER.format(block="Minister van Volksgezondheid, Welzijn en Sport\nT.a.v. de heer H.M. de Jonge\n"
                                 "Postbus 20350\n2500 EJ Den Haag"))
    assert n.document_type.value == "brief"
    assert n.addressee == "Minister van Volksgezondheid, Welzijn en Sport"


def test_letter_address_block_skips_tav():
    n = note(LETTER.format(block="T.a.v. de heer H.M. de Jonge\nMinister van Volksgezondheid, Welzijn en Sport\n"
                                 "Postbus 20350\n2500 EJ Den Haag"))
    assert n.addressee == "Minister van Volksgezondheid, Welzijn en Sport"


def test_letter_address_block_in_a_pdf():
    n = pdf_note([
        ("Ministerie van Volksgezondheid,", 466, 790, 7.5, True), ("Welzijn en Sport", 466, 781, 7.5, True),
        ("> Retouradres Postbus 20350 2500 EJ Den Haag", 70, 720, 6.5),
        ("Voorzitter veiligheidsregio Utrecht", 70, 700, 9.5),
        ("T.a.v. de heer J. Jansen", 70, 688, 9.5),
        ("Postbus 3154", 70, 676, 9.5),
        ("3502 GD Utrecht", 70, 664, 9.5),
        ("Datum", 466, 700, 7.5, True), ("11 september 2020", 466, 690, 7.5),
        ("Kenmerk", 466, 670, 7.5, True), ("1742228-209922-PG", 466, 660, 7.5),
        ("Betreft", 70, 600, 9.5), ("Aanvullende aanwijzing leerlingenvervoer", 130, 600, 9.5),
        ("Geachte voorzitter,", 70, 570, 9.5),
    ])
    assert n.addressee == "Voorzitter veiligheidsregio Utrecht"
    assert n.evidence["addressee"].bbox.y0 == 700.0


def test_redacted_first_address_line_gives_none():
    n = note(LETTER.format(block="Persoonsgegeven\nPostbus 20350\n2500 EJ Den Haag"))
    assert n.addressee is None


def kept(text: str):
    """The extractor's reading with personal data kept (left out by default: tests/safety/test_personal.py)."""
    return extract_note(text.encode("utf-8"), "x.txt", keep_personal_data=True)


def test_email_recipient():
    text = "Van: Jansen, P.\nVerzonden: 29 september 2020\nAan: Ark, T. van (Tamara)\nOnderwerp: Ter akkoord\n"
    assert kept(text).addressee == "Ark, T. van (Tamara)"
    assert note(text).addressee is None  # a person: left out by default


def test_no_addressee():
    n = note("Notitie\nBevindingen uit de inventarisatie bij de GGD'en\n\n• Dashboards verschillen per regio.\n")
    assert n.addressee is None


def test_sentence_starting_with_aan_is_no_addressee():
    n = note("Nota\nDatum\n3 mei 2024\nAan Juridische Zaken is voorgelegd of de regeling houdbaar is.\n")
    assert n.addressee is None


def test_sentence_aan_de_minister_is_no_addressee():
    # regression: any header line 'Aan de …' was the addressee, a sentence too
    n = note("Nota\nDatum\n3 mei 2024\nAan de minister is eerder voorgelegd of de regeling houdbaar is.\n\n"
             "1. Aanleiding\nDe Kamer vraagt.\n")
    assert n.addressee is None


def test_email_recipient_without_address():
    # regression: the recipient's e-mail address was kept in the addressee
    n = kept("Van: Jansen, P.\nVerzonden: 29 september 2020\nAan: Ark, T. van (Tamara) <t.vanark@minvws.nl>\n"
             "Onderwerp: Ter akkoord antwoorden PBM\n")
    assert n.addressee == "Ark, T. van (Tamara)"


def test_email_first_unredacted_recipient():
    # regression: with a redacted first recipient the whole 'Aan:' field was kept
    n = kept("Van: Jansen, P.\nVerzonden: 29 september 2020\nAan: 5.1.2e; Ark, T. van (Tamara)\n"
             "Onderwerp: Ter akkoord antwoorden PBM\n")
    assert n.addressee == "Ark, T. van (Tamara)"
