"""The organisation a note comes from and its units (`kenmerk.extract.organisation`)."""
from __future__ import annotations



from builders import note, pdf_note


def org(n) -> tuple[str | None, list[str]] | None:
    return (n.organisation.name, n.organisation.units) if n.organisation else None


def test_rijksoverheid_web_address_names_the_ministry():
    n = note("Directoraat-Generaal Migratie\nTurfmarkt 147\n2511 DP Den Haag\nwww.rijksoverheid.nl/jenv\n\n"
             "Datum\n9 januari 2025\n\nNota\nOpvang ontheemden uit Oekraïne\n\n1. Aanleiding\nTekst.\n")
    assert org(n) == ("Ministerie van Justitie en Veiligheid", ["Directoraat-Generaal Migratie"])


def test_internal_note_to_a_minister_comes_from_that_ministry():
    n = note("Minister van Asiel en Migratie\n\nDirectoraat-Generaal Migratie\n\nProgrammadirectie Oekraïense "
             "ontheemden\n\nDatum\n9 januari 2025\n\nnota\n\nBeslisnota bij Kamerbrief opvang Oekraïne\n\n"
             "1. Aanleiding\nTekst.\n\n2. Geadviseerd besluit\nInstemmen.\n")
    assert n.organisation.name == "Ministerie van Asiel en Migratie"
    assert n.organisation.units == ["Directoraat-Generaal Migratie", "Programmadirectie Oekraïense ontheemden"]


def test_internal_note_with_the_ministry_printed_keeps_the_printed_name():
    n = note("Ministerie van Financiën\n\nNota\nAan\nMinister van Financiën\nDatum\n3 mei 2024\n")
    assert n.organisation.name == "Ministerie van Financiën"


def test_printed_ministry_and_directie():
    n = note("Ministerie van Volksgezondheid, Welzijn en Sport\nDirectie Publieke Gezondheid\n\nMemo\n"
             "Datum: 15 september 2020\n")
    assert org(n) == ("Ministerie van Volksgezondheid, Welzijn en Sport", ["Directie Publieke Gezondheid"])


def test_province():
    n = note("Provincie Noord-Holland\n\nMemo\nAan: Gedeputeerde Staten\nDatum: 6 juli 2021\n")
    assert org(n) == ("Provincie Noord-Holland", [])


def test_ministry_from_the_kenmerk_prefix():
    n = note("Nota\nOnze referentie\nIENW/BSK-2022/248639\nDatum\n29 november 2022\n")
    assert n.organisation.name == "Ministerie van Infrastructuur en Waterstaat"


def test_ministry_from_an_addressee_code():
    n = note("Nota\nTER BESLISSING\nAan\nMOCW\nDatum\n23 september 2024\n")
    assert n.organisation.name == "Ministerie van Onderwijs, Cultuur en Wetenschap"


def test_ministry_from_an_email_domain():
    n = note("Van: Jansen, P. <p.jansen@minvws.nl>\nVerzonden: 24 september 2020\nAan: Vries, A. de\nOnderwerp: PBM\n")
    assert n.organisation.name == "Ministerie van Volksgezondheid, Welzijn en Sport"


def test_a_body_printed_in_the_letterhead_is_the_sender():
    n = note("Rijksinstituut voor Bodem en Grondwater\nPostbus 12, 3700 AA Zeist\n\nMemo\nAan: team Advies\n"
             "Datum: 3 mei 2024\n")
    assert n.organisation.name == "Rijksinstituut voor Bodem en Grondwater"


def test_units_in_the_pdf_colofon():
    n = pdf_note([
        ("Nota", 70, 770, 14, True),
        ("Directoraat-generaal Mobiliteit", 466, 790, 7.5, True),
        ("Directie Wegen en", 466, 781, 7.5),
        ("Verkeersveiligheid", 466, 772, 7.5),
        ("Datum", 466, 700, 7.5, True), ("9 december 2025", 466, 690, 7.5),
        ("Onze referentie", 466, 670, 7.5, True), ("IENW/BSK-2025/293508", 466, 660, 7.5),
        ("Aanleiding", 70, 640, 10, True), ("Tekst.", 70, 626, 10),
    ])
    assert org(n) == ("Ministerie van Infrastructuur en Waterstaat",
                      ["Directoraat-generaal Mobiliteit", "Directie Wegen en Verkeersveiligheid"])


def test_unit_stops_before_a_label():
    n = note("Memo\nVan\nDirectie Beleid\nDatum\n6 juli 2021\n")
    assert n.organisation.units == ["Directie Beleid"]


def test_no_organisation():
    n = note("Notitie\nBevindingen uit de inventarisatie\n\n• Dashboards verschillen per regio.\n")
    assert n.organisation is None


def test_mindef_addressee_names_defensie():
    # regression: 'MINDEF' was read as prefix 'm' + code 'indef', giving no organisation
    n = note("Aan\nVan\nMINDEF\nTER BESLISSING\nDGB\nDatum\n7 juni 2024\n")
    assert n.organisation is not None and n.organisation.name == "Ministerie van Defensie"


def test_ministry_name_over_two_letterhead_lines():
    # regression: the name was read per line and gave "Ministerie van Volksgezondheid"
    n = pdf_note([
        ("Ministerie van Volksgezondheid,", 466, 790, 7.5, True), ("Welzijn en Sport", 466, 781, 7.5, True),
        ("> Retouradres Postbus 20350 2500 EJ Den Haag", 70, 720, 6.5),
        ("Voorzitter veiligheidsregio Utrecht", 70, 700, 9.5),
        ("Datum", 466, 700, 7.5, True), ("11 september 2020", 466, 690, 7.5),
        ("Kenmerk", 466, 670, 7.5, True), ("1742228-209922-PG", 466, 660, 7.5),
        ("Betreft", 70, 600, 9.5), ("Aanvullende aanwijzing", 130, 600, 9.5),
    ])
    assert n.organisation.name == "Ministerie van Volksgezondheid, Welzijn en Sport"
