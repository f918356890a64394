"""The recommended decision ("Geadviseerd besluit") of a note that asks for one (`kenmerk.extract.decision`)."""
from __future__ import annotations


from builders import note, pdf_note


BESLISNOTA = (
    "Nota\nTER BESLISSING\nAan\nMinister van Financiën\n\n"
    "1. Aanleiding\nDe Kamer heeft gevraagd om een overzicht van de herstelregeling.\n\n"
    "2. Geadviseerd besluit\nU wordt geadviseerd in te stemmen met de bijgevoegde Kamerbrief en deze te\n"
    "ondertekenen.\n\n"
    "Na ondertekening wordt de brief verzonden.\n\n"
    "3. Kernpunten\nDe brief beschrijft de stand van zaken.\n"
)


def test_text_under_the_heading_without_the_heading():
    d = note(BESLISNOTA).recommended_decision
    assert d.text == "U wordt geadviseerd in te stemmen met de bijgevoegde Kamerbrief en deze te ondertekenen."
    assert d.heading == "Geadviseerd besluit"
    assert "Geadviseerd besluit" not in d.text


def test_decision_stops_at_the_first_paragraph_break():
    d = note(BESLISNOTA).recommended_decision
    assert "verzonden" not in d.text
    assert "Kernpunten" not in d.text


def test_evidence_holds_heading_and_text():
    d = note(BESLISNOTA).recommended_decision
    assert d.evidence.page == 1
    assert d.evidence.text == d.text


def test_bullet_is_removed():
    d = note("Nota\nAanleiding\nDe gemeente vraagt om steun.\nBeslispunten\n• Akkoord gaan met de brief aan de Kamer\n"
             "\nKernpunten\nDe brief.\n").recommended_decision
    assert d.text == "Akkoord gaan met de brief aan de Kamer"
    assert d.heading == "Beslispunten"


def test_several_bullets_join_into_one_text():
    d = note("Memo\nAanleiding\nTekst.\n\nBeslispunten\n- Instemmen met de intentieovereenkomst;\n"
             "- De gedeputeerde machtigen tot ondertekening.\n").recommended_decision
    assert d.text == "Instemmen met de intentieovereenkomst; De gedeputeerde machtigen tot ondertekening."


def test_het_college_besluit_in_a_gs_nota():
    d = note("GS-nota\nDatum vergadering 6 juli 2021\n\nHet college besluit:\n"
             "In te stemmen met de intentieovereenkomst zonneweide Jaagweg.\n").recommended_decision
    assert d.text == "In te stemmen met de intentieovereenkomst zonneweide Jaagweg."


def test_markdown_numbered_heading():
    d = note("# nota\n\n## 1. Aanleiding\n\nDe Kamer wordt geïnformeerd.\n\n## 2. Geadviseerd besluit\n\n"
             "Na instemming van de MR op vrijdag 31 januari wordt de brief verzonden.\n\n## 3. Kernpunten\n\nTekst.\n",
             "x.md").recommended_decision
    assert d.text == "Na instemming van de MR op vrijdag 31 januari wordt de brief verzonden."


def test_advies_heading_counts_in_a_note_ter_beslissing():
    d = note("Nota\nTER BESLISSING\nAan\nMBZK\n\nAdvies\nTekenen van de brief aan de Kamer.\n").recommended_decision
    assert (d.heading, d.text) == ("Advies", "Tekenen van de brief aan de Kamer.")


def test_advies_heading_counts_after_an_aanleiding():
    d = note("Nota\nAanleiding\nDe Kamer vraagt.\n\nAdvies\nInstemmen met de brief.\n").recommended_decision
    assert d.text == "Instemmen met de brief."


def test_advies_heading_in_an_agenda_without_aanleiding_is_ignored():
    n = note("Agenda\nBestuurlijk overleg zonneweide Jaagweg\nDatum: 18 november 2021\n\n1. Opening\n"
             "2. Stand van zaken intentieovereenkomst\n\nAdvies\nWij adviseren de gedeputeerde in te stemmen.\n")
    assert n.recommended_decision is None
    assert n.document_type.value == "agenda"


def test_note_without_a_decision_heading_has_none():
    n = note("Nota\nTER INFORMATIE\nAan\nMinister van Financiën\n\nAanleiding\nU vroeg om een overzicht.\n\n"
             "Toelichting\nHet overzicht is bijgevoegd.\n")
    assert n.recommended_decision is None


def test_empty_decision_section_gives_none():
    n = note("Nota\nAanleiding\nDe Kamer vraagt.\n\nGeadviseerd besluit\n\nKernpunten\nTekst.\n")
    assert n.recommended_decision is None


def test_pdf_decision_stops_at_a_vertical_gap():
    n = pdf_note([
        ("Nota", 70, 770, 14, True),
        ("Datum", 466, 700, 7.5, True), ("29 november 2022", 466, 690, 7.5),
        ("Kenmerk", 466, 670, 7.5, True), ("IENW/BSK-2022/248639", 466, 660, 7.5),
        ("Aanleiding", 70, 640, 10, True),
        ("De Kamer heeft gevraagd om een impulsprogramma chemische stoffen.", 70, 626, 10),
        ("Geadviseerd besluit", 70, 600, 10, True),
        ("U wordt geadviseerd in te stemmen met het impulsprogramma en de", 70, 586, 10),
        ("bijgevoegde Kamerbrief te ondertekenen.", 70, 574, 10),
        ("De brief gaat daarna naar de Kamer.", 70, 540, 10),
        ("Kernpunten", 70, 510, 10, True),
        ("Het programma loopt vier jaar.", 70, 496, 10),
    ])
    d = n.recommended_decision
    assert d.text == ("U wordt geadviseerd in te stemmen met het impulsprogramma en de bijgevoegde Kamerbrief te "
                      "ondertekenen.")
    assert d.evidence.page == 1
    assert d.evidence.bbox is not None and d.evidence.bbox.y1 == 610.0  # from the heading down
