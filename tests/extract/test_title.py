"""The title: the subject of a note as printed (`kenmerk.extract.title`)."""
from __future__ import annotations



from builders import note, pdf_note


def test_onderwerp_over_two_lines():
    n = note("Nota\nAan\nMinister van Financiën\nOnderwerp\nStand van zaken herstel\nkinderopvangtoeslag\n"
             "Datum\n3 mei 2024\n")
    assert n.title == "Stand van zaken herstel kinderopvangtoeslag"
    assert n.evidence["title"].text == n.title


def test_betreft_inline_with_lower_case_continuation():
    n = note("> Retouradres Postbus 20301 2500 EH Den Haag\nDe Voorzitter van de Tweede Kamer\n\n"
             "Betreft: Opvang ontheemden uit Oekraïne en verlenging van\nde tijdelijke regeling\n\nGeachte voorzitter,\n")
    assert n.title == "Opvang ontheemden uit Oekraïne en verlenging van de tijdelijke regeling"


def test_betreft_stops_at_the_next_label():
    n = note("Memo\nBetreft: Intentieovereenkomst zonneweide Jaagweg\nDatum: 6 juli 2021\n")
    assert n.title == "Intentieovereenkomst zonneweide Jaagweg"


def test_onderwerp_stops_at_a_blank_line():
    n = note("Memo\nOnderwerp\nIntentieovereenkomst zonneweide Jaagweg\n\nHierbij informeren wij u over de stand.\n")
    assert n.title == "Intentieovereenkomst zonneweide Jaagweg"


def test_email_subject_keeps_re():
    n = note("Van: Jansen, P.\nVerzonden: 24 september 2020\nAan: Vries, A. de\nOnderwerp: RE: Notitie COVID-19\n\n"
             "Hoi Anne,\n")
    assert n.title == "RE: Notitie COVID-19"


def test_line_after_the_designation_nota():
    n = note("Aan\nVan\nMINDEF\nTER BESLISSING\nDGB\nDatum\n7 juni 2024\nOnze referentie\nBS2024021319\n"
             "Nota\nVoorval Zr.Ms. Tromp in Oost-Chinese Zee\nAantal bijlagen\n1\nAanleiding\nZr.Ms. Tromp is actief.\n")
    assert n.title == "Voorval Zr.Ms. Tromp in Oost-Chinese Zee"


def test_line_after_a_markdown_designation():
    n = note("Minister van Asiel en Migratie\n\n**Datum**\n\n9 januari 2025\n\n# nota\n\n"
             "Beslisnota bij Kamerbrief opvang Oekraïne\n\n## 1. Aanleiding\n\nDe Kamer wordt geïnformeerd.\n", "x.md")
    assert n.title == "Beslisnota bij Kamerbrief opvang Oekraïne"


def test_titel_label_of_a_notitie():
    # regression: without 'Titel' as a subject label the title kept the label
    n = note("Notitie\nAan: ACC-19\nDatum: 10 september 2020\nOpsteller: Psc-19\n"
             "Titel: Gereedschapskist escalatieladder\n")
    assert n.title == "Gereedschapskist escalatieladder"


KAMERSTUK = [
    ("Tweede Kamer der Staten-Generaal", 55, 759, 18, True),
    ("Vergaderjaar 2019–2020", 55, 704, 9.6),
    ("35 538", 55, 651, 12.3, True),
    ("Tijdelijke bepalingen in verband met de inzet", 221, 651, 12.3, True),
    ("van een notificatieapplicatie (Tijdelijke wet", 221, 638, 12.3, True),
    ("notificatieapplicatie covid-19)", 221, 625, 12.3, True),
    ("Nr. 4", 55, 545, 9.1, True),
    ("ADVIES AFDELING ADVISERING RAAD VAN STATE EN NADER", 221, 545, 9.1, True),
    ("RAPPORT", 221, 534.5, 9.1, True),
    ("Hieronder zijn opgenomen het advies van de Afdeling advisering van de", 221, 513, 9.1),
    ("Raad van State d.d. 19 augustus 2020 en het nader rapport d.d.", 221, 502, 9.1),
]


def test_title_beside_kamerstuk_number():
    n = pdf_note(KAMERSTUK)
    assert n.title == "ADVIES AFDELING ADVISERING RAAD VAN STATE EN NADER RAPPORT"
    assert n.document_type.value == "advies"


def test_footnote_mark_after_a_lower_case_title_is_dropped():
    n = note("Memo\nOnderwerp: Juridische analyse van het AP-advies over de CoronaMelder1\nDatum: 12 augustus 2020\n")
    assert n.title == "Juridische analyse van het AP-advies over de CoronaMelder"


def test_footnote_mark_after_a_capitalised_title_is_dropped():
    # regression: a footnote mark after a capital ('RAPPORT1') stayed in the title
    lines = [ln if ln[0] != "RAPPORT" else ("RAPPORT1", *ln[1:]) for ln in KAMERSTUK]
    assert pdf_note(lines).title == "ADVIES AFDELING ADVISERING RAAD VAN STATE EN NADER RAPPORT"


def test_betreft_beside_its_label_in_a_pdf_letter():
    n = pdf_note([
        ("> Retouradres Postbus 20350 2500 EJ Den Haag", 70, 720, 6.5),
        ("Voorzitter veiligheidsregio Utrecht", 70, 700, 9.5),
        ("Postbus 3154", 70, 688, 9.5),
        ("3502 GD Utrecht", 70, 676, 9.5),
        ("Datum", 466, 700, 7.5, True), ("11 september 2020", 466, 690, 7.5),
        ("Kenmerk", 466, 670, 7.5, True), ("1742228-209922-PG", 466, 660, 7.5),
        ("Betreft", 70, 600, 9.5), ("Aanvullende aanwijzing leerling- en", 130, 600, 9.5),
        ("doelgroepenvervoer", 130, 589, 9.5),
        ("Geachte voorzitter,", 70, 560, 9.5),
    ])
    assert n.title == "Aanvullende aanwijzing leerling- en doelgroepenvervoer"
    assert n.evidence["title"].bbox.x0 == 70.0


def test_largest_print_on_top_of_a_pdf():
    n = pdf_note([
        ("Bevindingen en rode draden uit de inventarisatie", 70, 760, 16, True),
        ("Dashboards verschillen per GGD-regio in opzet en inhoud.", 70, 700, 10),
        ("De G4 gebruiken elk een eigen bron voor de testdata.", 70, 686, 10),
        ("Er is behoefte aan een landelijk format.", 70, 672, 10),
    ])
    assert n.title == "Bevindingen en rode draden uit de inventarisatie"


def test_kamervragen_title_is_the_question_paragraph():
    n = note("Aanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer\n3235\n"
             "Vragen van het lid Van Weyenberg (D66) aan de minister van Sociale\n"
             "Zaken en Werkgelegenheid over de Tozo (ingezonden 2 juli 2021).\n"
             "Antwoord van minister Koolmees (ontvangen 23 juli 2021)\n")
    assert n.title == ("Vragen van het lid Van Weyenberg (D66) aan de minister van Sociale Zaken en Werkgelegenheid "
                       "over de Tozo (ingezonden 2 juli 2021).")


def test_kamervragen_question_on_one_line():
    # regression: a question on one line took the answer line into the title
    n = note("Aanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer\n3235\n"
             "Vragen van het lid Van Weyenberg (D66) aan de minister van Sociale Zaken en Werkgelegenheid over de Tozo "
             "(ingezonden 2 juli 2021).\n"
             "Antwoord van minister Koolmees (Sociale Zaken en Werkgelegenheid) (ontvangen 23 juli 2021)\n")
    assert n.title == ("Vragen van het lid Van Weyenberg (D66) aan de minister van Sociale Zaken en Werkgelegenheid "
                       "over de Tozo (ingezonden 2 juli 2021).")


def test_return_address_is_never_the_title():
    # regression: a letter without Betreft got the return-address line as its title
    n = note("> Retouradres Postbus 20350 2500 EJ Den Haag\nVoorzitter veiligheidsregio Utrecht\nPostbus 3154\n"
             "3502 GD Utrecht\n\nGeachte voorzitter,\n\nHierbij ontvangt u de aanwijzing.\n")
    assert n.title is None or "Retouradres" not in n.title


def test_no_title_at_all():
    n = note("Nota\nDatum\n3 mei 2024\n")
    assert n.title is None
