"""The recommended decision ("Geadviseerd besluit") of a note that asks for one (`kenmerk.extract.decision`).

Subjects and kenmerken are made up; the headings ("Geadviseerd besluit", "Beslispunten",
"Het college besluit:", "Advies") and their layout are the conventions.
"""
from __future__ import annotations

from builders import note, pdf_note

BESLISNOTA = (
    "Nota\nTER BESLISSING\nAan\nMinister van Financiën\n\n"
    "1. Aanleiding\nDe Kamer vraagt om een stand van zaken van de proef met waterbussen.\n\n"
    "2. Geadviseerd besluit\nGeadviseerd wordt akkoord te gaan met de bijgaande Kamerbrief over de waterbussen en\n"
    "deze te tekenen.\n\n"
    "Na tekening gaat de brief naar de Kamer.\n\n"
    "3. Kernpunten\nDe brief schetst de stand van de proef.\n"
)


def test_text_under_the_heading_without_the_heading():
    d = note(BESLISNOTA).recommended_decision
    assert d.text == "Geadviseerd wordt akkoord te gaan met de bijgaande Kamerbrief over de waterbussen en deze te tekenen."
    assert d.heading == "Geadviseerd besluit"
    assert "Geadviseerd besluit" not in d.text


def test_decision_stops_at_the_first_paragraph_break():
    d = note(BESLISNOTA).recommended_decision
    assert "naar de Kamer" not in d.text
    assert "Kernpunten" not in d.text


def test_evidence_holds_heading_and_text():
    d = note(BESLISNOTA).recommended_decision
    assert d.evidence.page == 1
    assert d.evidence.text == d.text


def test_bullet_is_removed():
    d = note("Nota\nAanleiding\nHet waterschap vraagt om een bijdrage.\nBeslispunten\n• Instemmen met de brief aan "
             "het waterschap\n\nKernpunten\nDe brief.\n").recommended_decision
    assert d.text == "Instemmen met de brief aan het waterschap"
    assert d.heading == "Beslispunten"


def test_several_bullets_join_into_one_text():
    d = note("Memo\nAanleiding\nTekst.\n\nBeslispunten\n- Instemmen met de samenwerkingsovereenkomst;\n"
             "- De gedeputeerde machtigen deze te tekenen.\n").recommended_decision
    assert d.text == "Instemmen met de samenwerkingsovereenkomst; De gedeputeerde machtigen deze te tekenen."


def test_het_college_besluit_in_a_gs_nota():
    d = note("GS-nota\nDatum vergadering 11 april 2023\n\nHet college besluit:\n"
             "In te stemmen met de samenwerkingsovereenkomst windpark Kwartelmeer.\n").recommended_decision
    assert d.text == "In te stemmen met de samenwerkingsovereenkomst windpark Kwartelmeer."


def test_markdown_numbered_heading():
    d = note("# nota\n\n## 1. Aanleiding\n\nDe stuurgroep wordt op de hoogte gebracht.\n\n## 2. Geadviseerd besluit\n\n"
             "Na het overleg op vrijdag 24 januari gaat de planning naar de stuurgroep.\n\n## 3. Kernpunten\n\nTekst.\n",
             "x.md").recommended_decision
    assert d.text == "Na het overleg op vrijdag 24 januari gaat de planning naar de stuurgroep."


def test_advies_heading_counts_in_a_note_ter_beslissing():
    d = note("Nota\nTER BESLISSING\nAan\nMOCW\n\nAdvies\nTekenen van de brief over schoolzwemmen.\n").recommended_decision
    assert (d.heading, d.text) == ("Advies", "Tekenen van de brief over schoolzwemmen.")


def test_advies_heading_counts_after_an_aanleiding():
    d = note("Nota\nAanleiding\nDe Kamer stelt vragen.\n\nAdvies\nInstemmen met de brief.\n").recommended_decision
    assert d.text == "Instemmen met de brief."


def test_advies_heading_in_an_agenda_without_aanleiding_is_ignored():
    n = note("Agenda\nOverleg windpark Kwartelmeer\nDatum: 9 november 2023\n\n1. Opening\n"
             "2. Stand van zaken samenwerkingsovereenkomst\n\nAdvies\nWij adviseren de gedeputeerde akkoord te gaan.\n")
    assert n.recommended_decision is None
    assert n.document_type.value == "agenda"


def test_note_without_a_decision_heading_has_none():
    n = note("Nota\nTER INFORMATIE\nAan\nMinister van Financiën\n\nAanleiding\nU vroeg om een stand van zaken.\n\n"
             "Toelichting\nDe stand van zaken is bijgevoegd.\n")
    assert n.recommended_decision is None


def test_empty_decision_section_gives_none():
    n = note("Nota\nAanleiding\nDe Kamer stelt vragen.\n\nGeadviseerd besluit\n\nKernpunten\nTekst.\n")
    assert n.recommended_decision is None


def test_pdf_decision_stops_at_a_vertical_gap():
    n = pdf_note([
        ("Nota", 70, 770, 14, True),
        ("Datum", 466, 700, 7.5, True), ("6 november 2023", 466, 690, 7.5),
        ("Kenmerk", 466, 670, 7.5, True), ("IENW/BSK-2023/400123", 466, 660, 7.5),
        ("Aanleiding", 70, 640, 10, True),
        ("De Kamer vraagt om een plan voor het onderhoud van de Kwartelbrug.", 70, 626, 10),
        ("Geadviseerd besluit", 70, 600, 10, True),
        ("Geadviseerd wordt akkoord te gaan met het onderhoudsplan en de", 70, 586, 10),
        ("bijgaande Kamerbrief te tekenen.", 70, 574, 10),
        ("De brief gaat daarna naar de Kamer.", 70, 540, 10),
        ("Kernpunten", 70, 510, 10, True),
        ("Het onderhoud duurt twee jaar.", 70, 496, 10),
    ])
    d = n.recommended_decision
    assert d.text == ("Geadviseerd wordt akkoord te gaan met het onderhoudsplan en de bijgaande Kamerbrief te "
                      "tekenen.")
    assert d.evidence.page == 1
    assert d.evidence.bbox is not None and d.evidence.bbox.y1 == 610.0  # from the heading down
