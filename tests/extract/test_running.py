"""Running headers and footers (`kenmerk.extract.running`): page numbers and lines repeated
at the same place on several pages are dropped from the body."""
from __future__ import annotations

import pytest
from builders import layout

from kenmerk.extract import Layout
from kenmerk.extract.context import Document
from kenmerk.extract.running import PAGE_NUMBER, running_lines
from kenmerk.extract.text import read_text


def dropped(lay: Layout) -> list[str]:
    drop = running_lines(lay)
    return [ln.text for ln in lay.lines() if ln.index in drop]


@pytest.mark.parametrize("text", ["Pagina 1 van 3", "pagina 2", "Page 1 of 5", "Blad 2 van 4", "1|5", "2/10", "- 3 -", "7"])
def test_page_number_forms(text):
    assert PAGE_NUMBER.match(text)


@pytest.mark.parametrize("text", ["1. Aanleiding", "2025", "Pagina's van het rapport", "1/2 van de gemeenten doet mee"])
def test_not_page_numbers(text):
    assert not PAGE_NUMBER.match(text)


def test_pagina_footer_is_dropped_on_every_page():
    lay = layout(
        [("Nota", 70, 760, 14, True), ("De Kamer heeft gevraagd om een brief.", 70, 600, 10),
         ("Pagina 1 van 2", 466, 40, 7.5)],
        [("Vervolg van de toelichting.", 70, 700, 10), ("Pagina 2 van 2", 466, 40, 7.5)],
    )
    assert dropped(lay) == ["Pagina 1 van 2", "Pagina 2 van 2"]
    doc = Document(lay)
    assert [ln.text for ln in doc.content] == ["Nota", "De Kamer heeft gevraagd om een brief.",
                                               "Vervolg van de toelichting."]


def test_bare_page_number_in_the_footer_band_is_dropped():
    lay = layout([("Nota", 70, 760, 14, True), ("1", 290, 30)], [("Vervolg.", 70, 700, 10), ("2", 290, 30)])
    assert dropped(lay) == ["1", "2"]


def test_bare_number_in_the_middle_of_a_pdf_page_is_kept():
    lay = layout([("Aantal bijlagen", 466, 420, 7.5, True), ("1", 466, 410, 7.5), ("Nota", 70, 760, 14, True)])
    assert dropped(lay) == []


def test_pagina_line_in_a_text_file_is_dropped():
    lay = read_text("Nota\nDe Kamer heeft gevraagd.\nPagina 1 van 3\n")
    assert dropped(lay) == ["Pagina 1 van 3"]


def test_bare_number_in_a_text_file_is_not_dropped():
    # in a text conversion "1" is as likely a value ("Aantal bijlagen" / "1") as a page number
    lay = read_text("Aantal bijlagen\n1\nAanleiding\nDe Kamer heeft gevraagd.\n")
    assert dropped(lay) == []
    n_lines = [ln.text for ln in Document(lay).content]
    assert "1" in n_lines


def test_header_repeated_on_every_page_is_dropped_after_page_1():
    """On page 1 the repeated header is the document's own (its letterhead, its title, its kenmerk)."""
    lay = layout(
        [("Rijksoverheid – Ministerie van Financiën", 70, 810, 8), ("BNC-fiche 5", 70, 700, 14, True)],
        [("Rijksoverheid – Ministerie van Financiën", 70, 810, 8), ("Tekst twee.", 70, 600, 10)],
        [("Rijksoverheid – Ministerie van Financiën", 70, 810, 8), ("Tekst drie.", 70, 600, 10)],
    )
    assert dropped(lay) == ["Rijksoverheid – Ministerie van Financiën"] * 2
    assert lay.pages[0].lines[0].index not in running_lines(lay)


def test_a_number_stamped_alone_on_every_page_is_dropped_on_page_1_too():
    lay = layout(
        [("171080", 470, 810, 9), ("Agenda", 70, 700, 14, True)],
        [("171080", 470, 810, 9), ("Tekst twee.", 70, 600, 10)],
    )
    assert dropped(lay) == ["171080", "171080"]


def test_a_number_beside_its_label_in_page_1_header_stays():
    lay = layout(
        [("Kenmerk", 380, 800, 8), ("25.04312", 455, 800, 8), ("Besluit", 70, 700, 14, True)],
        [("Kenmerk", 380, 800, 8), ("25.04312", 455, 800, 8), ("Tekst twee.", 70, 600, 10)],
    )
    assert dropped(lay) == ["Kenmerk", "25.04312"]


def test_repeated_footer_differing_only_in_numbers_is_dropped():
    lay = layout(
        [("Tekst een.", 70, 600, 10), ("Kamerstuk 35 538, nr. 4, blz. 1", 70, 30, 7)],
        [("Tekst twee.", 70, 600, 10), ("Kamerstuk 35 538, nr. 4, blz. 2", 70, 30, 7)],
    )
    assert dropped(lay) == ["Kamerstuk 35 538, nr. 4, blz. 1", "Kamerstuk 35 538, nr. 4, blz. 2"]


def test_top_line_of_a_single_page_is_kept():
    lay = layout([("Ministerie van Infrastructuur en Waterstaat", 70, 810, 8), ("Nota", 70, 760, 14, True)])
    assert dropped(lay) == []


def test_line_repeated_in_the_body_is_not_running():
    lay = layout(
        [("De Kamer wordt geïnformeerd.", 70, 600, 10)],
        [("De Kamer wordt geïnformeerd.", 70, 600, 10)],
    )
    assert dropped(lay) == []
