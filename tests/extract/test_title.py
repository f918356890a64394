"""The title: the subject of a note as printed (`kenmerk.extract.title`).

Subjects, places, people and numbers are made up; the places a title is printed
("Onderwerp", "Betreft", the line after "Nota", beside a Kamerstuk's "Nr.", the largest
print on top, the question of Kamervragen) are the conventions.
"""
from __future__ import annotations

from builders import note, pdf_note


def test_onderwerp_over_two_lines():
    n = note("Nota\nAan\nMinister van Financiën\nOnderwerp\nStand van zaken onderhoud van de\nbrug bij Zilverdam\n"
             "Datum\n14 maart 2024\n")
    assert n.title == "Stand van zaken onderhoud van de brug bij Zilverdam"
    assert n.evidence["title"].text == n.title


def test_betreft_inline_with_lower_case_continuation():
    n = note("> Retouradres Postbus 40123 9999 ZZ Zilverdam\nDe Voorzitter van de Tweede Kamer\n\n"
             "Betreft: Dienstregeling waterbussen en verlenging van\nde proef op het Kwartelmeer\n\nGeachte voorzitter,\n")
    assert n.title == "Dienstregeling waterbussen en verlenging van de proef op het Kwartelmeer"


def test_betreft_stops_at_the_next_label():
    n = note("Memo\nBetreft: Samenwerkingsovereenkomst windpark Kwartelmeer\nDatum: 8 mei 2023\n")
    assert n.title == "Samenwerkingsovereenkomst windpark Kwartelmeer"


def test_onderwerp_stops_at_a_blank_line():
    n = note("Memo\nOnderwerp\nSamenwerkingsovereenkomst windpark Kwartelmeer\n\nDeze memo schetst de voortgang.\n")
    assert n.title == "Samenwerkingsovereenkomst windpark Kwartelmeer"


def test_email_subject_keeps_re():
    n = note("Van: Proefmans, K.\nVerzonden: 3 oktober 2023\nAan: Voorbeeld, F. van\n"
             "Onderwerp: RE: Notitie dienstregeling\n\nDag Fleur,\n")
    assert n.title == "RE: Notitie dienstregeling"


def test_line_after_the_designation_nota():
    n = note("Aan\nVan\nMSZW\nTER BESLISSING\nDGKV\nDatum\n12 februari 2024\nOnze referentie\nKV2024031501\n"
             "Nota\nAanvaring waterbus WB-7 op het Kwartelmeer\nAantal bijlagen\n1\nAanleiding\n"
             "De waterbus WB-7 voer tegen de steiger.\n")
    assert n.title == "Aanvaring waterbus WB-7 op het Kwartelmeer"


def test_line_after_a_markdown_designation():
    n = note("Minister van Infrastructuur en Waterstaat\n\n**Datum**\n\n16 januari 2025\n\n# nota\n\n"
             "Beslisnota bij Kamerbrief over de waterbussen\n\n## 1. Aanleiding\n\nDe stuurgroep vraagt om een "
             "planning.\n", "x.md")
    assert n.title == "Beslisnota bij Kamerbrief over de waterbussen"


def test_titel_label_of_a_notitie():
    # regression: without 'Titel' as a subject label the title kept the label
    n = note("Notitie\nAan: Stuurgroep Waterbussen\nDatum: 2 oktober 2023\nOpsteller: Projectbureau WB-7\n"
             "Titel: Draaiboek voor hoogwater\n")
    assert n.title == "Draaiboek voor hoogwater"


#: the first page of a Kamerstuk: the Kamer, the year, the number beside the bill's name, "Nr." beside the
#: paper's own title (here the fixed title of an advice of the Raad van State with the nader rapport)
KAMERSTUK = [
    ("Tweede Kamer der Staten-Generaal", 55, 759, 18, True),
    ("Vergaderjaar 2022–2023", 55, 704, 9.6),
    ("36 999", 55, 651, 12.3, True),
    ("Regels over de inzet van waterbussen op", 221, 651, 12.3, True),
    ("binnenwateren (Wet waterbussen", 221, 638, 12.3, True),
    ("Kwartelmeer)", 221, 625, 12.3, True),
    ("Nr. 4", 55, 545, 9.1, True),
    ("ADVIES AFDELING ADVISERING RAAD VAN STATE EN NADER", 221, 545, 9.1, True),
    ("RAPPORT", 221, 534.5, 9.1, True),
    ("Hieronder zijn opgenomen het advies van de Afdeling advisering van de", 221, 513, 9.1),
    ("Raad van State d.d. 14 april 2023 en het nader rapport d.d.", 221, 502, 9.1),
]


def test_title_beside_kamerstuk_number():
    n = pdf_note(KAMERSTUK)
    assert n.title == "ADVIES AFDELING ADVISERING RAAD VAN STATE EN NADER RAPPORT"
    assert n.document_type.value == "advies"


def test_footnote_mark_after_a_lower_case_title_is_dropped():
    n = note("Memo\nOnderwerp: Toets van het advies over de waterbusapp1\nDatum: 22 mei 2023\n")
    assert n.title == "Toets van het advies over de waterbusapp"


def test_footnote_mark_after_a_capitalised_title_is_dropped():
    # regression: a footnote mark after a capital ('RAPPORT1') stayed in the title
    lines = [ln if ln[0] != "RAPPORT" else ("RAPPORT1", *ln[1:]) for ln in KAMERSTUK]
    assert pdf_note(lines).title == "ADVIES AFDELING ADVISERING RAAD VAN STATE EN NADER RAPPORT"


def test_betreft_beside_its_label_in_a_pdf_letter():
    n = pdf_note([
        ("> Retouradres Postbus 40123 9999 ZZ Zilverdam", 70, 720, 6.5),
        ("Voorzitter veiligheidsregio Kwartelmeer", 70, 700, 9.5),
        ("Postbus 777", 70, 688, 9.5),
        ("9999 AB Kwartelmeer", 70, 676, 9.5),
        ("Datum", 466, 700, 7.5, True), ("6 maart 2023", 466, 690, 7.5),
        ("Kenmerk", 466, 670, 7.5, True), ("4711001-300222-XY", 466, 660, 7.5),
        ("Betreft", 70, 600, 9.5), ("Verlenging van de proef met nacht- en", 130, 600, 9.5),
        ("weekendbussen", 130, 589, 9.5),
        ("Geachte voorzitter,", 70, 560, 9.5),
    ])
    assert n.title == "Verlenging van de proef met nacht- en weekendbussen"
    assert n.evidence["title"].bbox.x0 == 70.0


QUESTION = ("Vragen van het lid Voorbeeld (XYZ) aan de minister van Infrastructuur en Waterstaat over de "
            "waterbussen op het Kwartelmeer (ingezonden 3 maart 2023).")


def test_kamervragen_title_is_the_question_paragraph():
    n = note("Aanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer\n4711\n"
             "Vragen van het lid Voorbeeld (XYZ) aan de minister van Infrastructuur en\n"
             "Waterstaat over de waterbussen op het Kwartelmeer (ingezonden 3 maart 2023).\n"
             "Antwoord van minister Proefmans (ontvangen 24 maart 2023)\n")
    assert n.title == QUESTION


def test_kamervragen_question_on_one_line():
    # regression: a question on one line took the answer line into the title
    n = note("Aanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer\n4711\n" + QUESTION + "\n"
             "Antwoord van minister Proefmans (Infrastructuur en Waterstaat) (ontvangen 24 maart 2023)\n")
    assert n.title == QUESTION


def test_return_address_is_never_the_title():
    # regression: a letter without Betreft got the return-address line as its title
    n = note("> Retouradres Postbus 40123 9999 ZZ Zilverdam\nVoorzitter veiligheidsregio Kwartelmeer\nPostbus 777\n"
             "9999 AB Kwartelmeer\n\nGeachte voorzitter,\n\nHierbij ontvangt u de planning van de proef.\n")
    assert n.title is None or "Retouradres" not in n.title


def test_no_title_at_all():
    n = note("Nota\nDatum\n14 maart 2024\n")
    assert n.title is None


def test_two_bold_column_heads_over_an_agendas_rows_are_no_subject_label():
    # "Tijd | Onderwerp" heads the agenda's table: its rows are items, not the subject of the paper
    n = pdf_note([
        ("Agenda vergadering dagelijks bestuur", 70, 761, 16, True),
        ("Datum:", 70, 722, 10, True), ("10 juni 2025", 150, 722, 10),
        ("Tijd", 70, 647, 10, True), ("Onderwerp", 130, 647, 10, True),
        ("16.00", 70, 634, 10), ("1. Opening en mededelingen", 130, 634, 10),
        ("16.05", 70, 621, 10), ("2. Besluitenlijst van de vorige vergadering", 130, 621, 10),
        ("16.15", 70, 608, 10), ("3. Jaarstukken 2024", 130, 608, 10),
    ])
    assert n.title == "Agenda vergadering dagelijks bestuur"


def test_a_kind_line_naming_whom_the_paper_is_for_is_no_title():
    # "Voorstel aan de Raad van Bestuur" names the kind and its reader; the subject is the bold line under the header
    n = pdf_note([
        ("Rijksdienst Kaartbeheer", 65, 801, 18, True),
        ("Voorstel aan de Raad van Bestuur", 360, 802, 12),
        ("AAN", 65, 763, 7, True), ("VAN", 180, 763, 7, True), ("DATUM", 330, 763, 7, True),
        ("Raad van Bestuur", 65, 751, 9), ("directeur Kaarten", 180, 751, 9), ("12 aug. 2025", 330, 751, 9),
        ("Vervanging van de meetpunten in het kustgebied", 65, 712, 12, True),
        ("Gevraagd besluit", 65, 668, 9, True),
        ("De Raad van Bestuur besluit de meetpunten te vervangen.", 65, 647, 9),
    ])
    assert n.title == "Vervanging van de meetpunten in het kustgebied"


def test_a_large_kind_and_stage_line_is_no_title():
    # "NOTA TER INFORMATIE" in the largest print names the kind and its stage; the subject is the bold line under
    # the header table
    n = pdf_note([
        ("Ministerie van Werk en Inkomen", 72, 797, 11, True),
        ("NOTA TER INFORMATIE", 72, 767, 12, True),
        ("Aan", 72, 743, 9, True), ("de staatssecretaris", 120, 743, 9),
        ("Datum", 320, 743, 9, True), ("7 november 2025", 375, 743, 9),
        ("Van", 72, 730.5, 9, True), ("directeur Participatie", 120, 730.5, 9),
        ("Kenmerk", 320, 730.5, 9, True), ("2025-0000214873", 375, 730.5, 9),
        ("Uitkomsten van de proef met loonkostensubsidie bij kleine werkgevers", 72, 680, 10.5, True),
        ("Aanleiding", 72, 648, 9, True), ("In 2024 liep een proef.", 72, 635, 9),
    ])
    assert n.title == "Uitkomsten van de proef met loonkostensubsidie bij kleine werkgevers"
