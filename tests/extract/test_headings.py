"""Section headings of notes (`kenmerk.extract.headings`) and the sections `Document` builds from them.

The section texts are made up; the headings are the conventions' ("Aanleiding", "Geadviseerd besluit", …).
"""
from __future__ import annotations

import pytest

from kenmerk.extract.context import Document
from kenmerk.extract.headings import match_heading
from kenmerk.extract.note import extract_note
from kenmerk.extract.text import read_text


@pytest.mark.parametrize(
    "line, role, number, text",
    [
        ("1. Aanleiding", "occasion", "1", "Aanleiding"),
        ("2. Geadviseerd besluit", "decision", "2", "Geadviseerd besluit"),
        ("3 Kernpunten", "core", "3", "Kernpunten"),
        ("4. Toelichting", "explanation", "4", "Toelichting"),
        ("4.1. Politieke context", "explanation", "4.1", "Politieke context"),
        ("4.1 Politieke context", "explanation", "4.1", "Politieke context"),
        ("5. Informatie die niet openbaar gemaakt kan worden", "not_public", "5",
         "Informatie die niet openbaar gemaakt kan worden"),
        ("Beslispunten", "decision", None, "Beslispunten"),
        ("Het college besluit:", "decision", None, "Het college besluit"),
        ("Advies", "decision", None, "Advies"),
        ("Kern", "core", None, "Kern"),
        ("Toelichting:", "explanation", None, "Toelichting"),
        ("Bijlagen", "attachments", None, "Bijlagen"),
        ("• Aanleiding", "occasion", None, "Aanleiding"),
    ],
)
def test_known_headings(line, role, number, text):
    h = match_heading(line)
    assert h is not None, line
    assert (h.role, h.number, h.text) == (role, number, text)


def test_other_numbered_bold_line_is_an_untyped_heading():
    h = match_heading("4.2. Financiële gevolgen", bold=True)
    assert (h.role, h.number, h.text) == (None, "4.2", "Financiële gevolgen")


def test_other_numbered_line_in_plain_print_is_not_a_heading():
    assert match_heading("4.2. Financiële gevolgen", bold=False) is None


@pytest.mark.parametrize(
    "line",
    [
        "De Kamer heeft in een motie van het lid Voorbeeld gevraagd om een toelichting op de aanleiding.",
        "Aanleiding van deze nota is een motie over de waterbussen.",
        "Advies van een jurist is gevraagd over de uitspraak.",
        "1. Het waterschap vraagt om een bijdrage van de provincie voor de dijk.",
        "12.5 miljoen euro extra",
        "",
    ],
)
def test_sentences_are_not_headings(line):
    assert match_heading(line, bold=True) is None


def test_long_line_is_not_a_heading_even_if_it_names_one():
    assert match_heading("Toelichting " + "op de regeling " * 10) is None


def test_sections_of_a_beslisnota():
    doc = Document(read_text(
        "Nota\nDatum\n16 januari 2025\n\n"
        "1. Aanleiding\nDe stuurgroep krijgt elk kwartaal een stand van zaken.\n\n"
        "2. Geadviseerd besluit\nInstemmen met de kwartaalbrief over de waterbussen.\n\n"
        "3. Kernpunten\nDe brief schetst de dienstregeling voor de zomer.\n\n"
        "4. Toelichting\nDe stuurgroep bereidt het overleg voor.\n"
        "4.1. Politieke context\nDe raad heeft eerder om een reactie gevraagd.\n"
    ))
    assert [(s.heading.role, s.heading.number, s.heading.text) for s in doc.sections] == [
        ("occasion", "1", "Aanleiding"),
        ("decision", "2", "Geadviseerd besluit"),
        ("core", "3", "Kernpunten"),
        ("explanation", "4", "Toelichting"),
        ("explanation", "4.1", "Politieke context"),
    ]
    assert doc.section("decision").text == "Instemmen met de kwartaalbrief over de waterbussen."
    assert doc.section("explanation").text == "De stuurgroep bereidt het overleg voor."
    # the header zone ends at the first typed section
    assert [ln.text for ln in doc.header] == ["Nota", "Datum", "16 januari 2025"]


def test_note_sections_keep_number_heading_text_and_page():
    n = extract_note("Nota\n\n1. Aanleiding\nDe Kamer stelt vragen.\n\f2. Geadviseerd besluit\nInstemmen.\n".encode(),
                     "x.txt")
    assert [(s.number, s.heading, s.text, s.page) for s in n.sections] == [
        ("1", "Aanleiding", "De Kamer stelt vragen.", 1),
        ("2", "Geadviseerd besluit", "Instemmen.", 2),
    ]


def test_hyphenation_at_line_end_is_undone_in_section_text():
    doc = Document(read_text("Kernpunten\nDe dienstregeling van de water-\nbussen blijft in de zomer gelijk.\n"))
    assert doc.section("core").text == "De dienstregeling van de waterbussen blijft in de zomer gelijk."

