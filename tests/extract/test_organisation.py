"""The organisation a note comes from and its units (`kenmerk.extract.organisation`).

Units, addresses, subjects and people are made up; ministry names, codes and domains are the
tables the conventions read.
"""
from __future__ import annotations

from builders import note, pdf_note


def org(n) -> tuple[str | None, list[str]] | None:
    return (n.organisation.name, n.organisation.units) if n.organisation else None


def test_rijksoverheid_web_address_names_the_ministry():
    n = note("Directoraat-Generaal Proefprojecten\nProefstraat 12\n9999 ZZ Zilverdam\nwww.rijksoverheid.nl/jenv\n\n"
             "Datum\n16 januari 2025\n\nNota\nToezicht op de waterbussen\n\n1. Aanleiding\nTekst.\n")
    assert org(n) == ("Ministerie van Justitie en Veiligheid", ["Directoraat-Generaal Proefprojecten"])


def test_internal_note_to_a_minister_comes_from_that_ministry():
    n = note("Minister van Infrastructuur en Waterstaat\n\nDirectoraat-Generaal Water en Bodem\n\nProgrammadirectie "
             "Waterbussen\n\nDatum\n16 januari 2025\n\nnota\n\nBeslisnota bij Kamerbrief over de waterbussen\n\n"
             "1. Aanleiding\nTekst.\n\n2. Geadviseerd besluit\nInstemmen.\n")
    assert n.organisation.name == "Ministerie van Infrastructuur en Waterstaat"
    assert n.organisation.units == ["Directoraat-Generaal Water en Bodem", "Programmadirectie Waterbussen"]


def test_internal_note_with_the_ministry_printed_keeps_the_printed_name():
    n = note("Ministerie van Financiën\n\nNota\nAan\nMinister van Financiën\nDatum\n14 maart 2024\n")
    assert n.organisation.name == "Ministerie van Financiën"


def test_printed_ministry_and_directie():
    n = note("Ministerie van Volksgezondheid, Welzijn en Sport\nDirectie Zwemwater\n\nMemo\n"
             "Datum: 22 mei 2023\n")
    assert org(n) == ("Ministerie van Volksgezondheid, Welzijn en Sport", ["Directie Zwemwater"])


def test_province():
    n = note("Provincie Zeeland\n\nMemo\nAan: Gedeputeerde Staten\nDatum: 8 mei 2023\n")
    assert org(n) == ("Provincie Zeeland", [])


def test_ministry_from_the_kenmerk_prefix():
    n = note("Nota\nOnze referentie\nIENW/BSK-2022/400789\nDatum\n2 december 2022\n")
    assert n.organisation.name == "Ministerie van Infrastructuur en Waterstaat"


def test_ministry_from_an_addressee_code():
    n = note("Nota\nTER BESLISSING\nAan\nMOCW\nDatum\n4 december 2023\n")
    assert n.organisation.name == "Ministerie van Onderwijs, Cultuur en Wetenschap"


def test_ministry_from_an_email_domain():
    n = note("Van: Proefmans, K. <k.proefmans@minvws.nl>\nVerzonden: 3 oktober 2023\nAan: Voorbeeld, F. van\n"
             "Onderwerp: Zwemwater\n")
    assert n.organisation.name == "Ministerie van Volksgezondheid, Welzijn en Sport"


def test_a_body_printed_in_the_letterhead_is_the_sender():
    n = note("Rijksinstituut voor Proefvelden en Grondwater\nPostbus 12, 9999 AA Zilverdam\n\nMemo\nAan: team Advies\n"
             "Datum: 14 maart 2024\n")
    assert n.organisation.name == "Rijksinstituut voor Proefvelden en Grondwater"


def test_units_in_the_pdf_colofon():
    n = pdf_note([
        ("Nota", 70, 770, 14, True),
        ("Directoraat-generaal Water en Bodem", 466, 790, 7.5, True),
        ("Directie Vaarwegen en", 466, 781, 7.5),
        ("Veerdiensten", 466, 772, 7.5),
        ("Datum", 466, 700, 7.5, True), ("6 november 2023", 466, 690, 7.5),
        ("Onze referentie", 466, 670, 7.5, True), ("IENW/BSK-2023/400123", 466, 660, 7.5),
        ("Aanleiding", 70, 640, 10, True), ("Tekst.", 70, 626, 10),
    ])
    assert org(n) == ("Ministerie van Infrastructuur en Waterstaat",
                      ["Directoraat-generaal Water en Bodem", "Directie Vaarwegen en Veerdiensten"])


def test_unit_stops_before_a_label():
    n = note("Memo\nVan\nDirectie Beleid\nDatum\n8 mei 2023\n")
    assert n.organisation.units == ["Directie Beleid"]


def test_no_organisation():
    n = note("Notitie\nLessen uit de proef met deelbakfietsen\n\n• Het gebruik verschilt per wijk.\n")
    assert n.organisation is None


def test_mindef_addressee_names_defensie():
    # regression: 'MINDEF' was read as prefix 'm' + code 'indef', giving no organisation
    n = note("Nota\nTER BESLISSING\nAan\nMINDEF\nVan\nDGKV\nDatum\n12 februari 2024\n")
    assert n.organisation is not None and n.organisation.name == "Ministerie van Defensie"


def test_ministry_name_over_two_letterhead_lines():
    # regression: the name was read per line and gave "Ministerie van Volksgezondheid"
    n = pdf_note([
        ("Ministerie van Volksgezondheid,", 466, 790, 7.5, True), ("Welzijn en Sport", 466, 781, 7.5, True),
        ("> Retouradres Postbus 40123 9999 ZZ Zilverdam", 70, 720, 6.5),
        ("Voorzitter veiligheidsregio Kwartelmeer", 70, 700, 9.5),
        ("Datum", 466, 700, 7.5, True), ("6 maart 2023", 466, 690, 7.5),
        ("Kenmerk", 466, 670, 7.5, True), ("4711001-300222-XY", 466, 660, 7.5),
        ("Betreft", 70, 600, 9.5), ("Zwemwater in de zomer", 130, 600, 9.5),
    ])
    assert n.organisation.name == "Ministerie van Volksgezondheid, Welzijn en Sport"
