"""Text and Markdown conversions of notes → `Layout` (`kenmerk.extract.text`), and through `extract_note`."""
from __future__ import annotations

import pytest

from kenmerk.extract import UnreadableInput
from kenmerk.extract.context import Document
from kenmerk.extract.note import extract_note
from kenmerk.extract.text import decode_text, read_text


def texts(layout) -> list[str]:
    return [ln.text for ln in layout.lines()]


def test_lines_without_positions_in_reading_order():
    lay = read_text("Aan\nVan\nMINDEF\nTER BESLISSING\nDGB\n")
    assert texts(lay) == ["Aan", "Van", "MINDEF", "TER BESLISSING", "DGB"]
    assert [ln.index for ln in lay.lines()] == [0, 1, 2, 3, 4]
    assert not lay.has_positions
    assert lay.media_type == "text/plain"
    assert all(not ln.has_box and ln.page == 1 for ln in lay.lines())
    assert lay.pages[0].width == 0


def test_blank_lines_mark_a_paragraph_break_on_the_next_line():
    lay = read_text("Onderwerp\nOpvang Oekraïne\n\n\nDe Kamer wordt geïnformeerd.\n")
    assert [(ln.text, ln.gap_before) for ln in lay.lines()] == [
        ("Onderwerp", False), ("Opvang Oekraïne", False), ("De Kamer wordt geïnformeerd.", True)]


def test_white_space_inside_a_line_is_collapsed():
    assert texts(read_text("Voorval  Zr.Ms.   Tromp\tin Oost-Chinese Zee\n")) == ["Voorval Zr.Ms. Tromp in Oost-Chinese Zee"]


def test_form_feed_starts_a_new_page():
    lay = read_text("Nota\nDe Kamer heeft gevraagd.\n\fVervolg van de toelichting.\n")
    assert [(ln.text, ln.page) for ln in lay.lines()] == [
        ("Nota", 1), ("De Kamer heeft gevraagd.", 1), ("Vervolg van de toelichting.", 2)]
    assert len(lay.pages) == 2


def test_comment_block_heading_a_text_conversion_is_skipped():
    lay = read_text("# Text of page 1 of beslisnota nl.mnre1018.2e-b.2024.60.doc.1\n# (one PDF text line per line)\n\n"
                    "Aan\nVan\n")
    assert texts(lay) == ["Aan", "Van"]
    assert next(lay.lines()).index == 0


def test_hash_line_later_in_a_text_file_is_kept():
    assert texts(read_text("Nota\n# 3 punten\n")) == ["Nota", "# 3 punten"]


def test_markdown_markup_is_removed_and_headings_are_bold():
    lay = read_text("# nota\n\n## 2. Geadviseerd besluit\n\n**Datum**\n\n9 januari 2025\n", markdown=True)
    assert [(ln.text, ln.bold) for ln in lay.lines()] == [
        ("nota", True), ("2. Geadviseerd besluit", True), ("Datum", True), ("9 januari 2025", False)]
    assert lay.media_type == "text/markdown"


def test_markdown_links_bullets_and_italic_titles():
    lay = read_text("[www.rijksoverheid.nl/jenv](http://www.rijksoverheid.nl/jenv)\n\n"
                    "- Ontheemden uit Oekraïne\n* Gemeenten\n\n"
                    "Een appreciatie van het AEF rapport *Onderzoek naar de kwaliteit van opvang*.\n", markdown=True)
    assert texts(lay) == [
        "www.rijksoverheid.nl/jenv",
        "• Ontheemden uit Oekraïne",
        "• Gemeenten",
        "Een appreciatie van het AEF rapport “Onderzoek naar de kwaliteit van opvang”.",
    ]


def test_markdown_bold_inside_a_line_is_unwrapped():
    lay = read_text("Het besluit is **niet** genomen.\n", markdown=True)
    assert [(ln.text, ln.bold) for ln in lay.lines()] == [("Het besluit is niet genomen.", False)]


@pytest.mark.parametrize(
    "data",
    [
        "Financiën € 250.000".encode("utf-8"),
        "\ufeffFinanciën € 250.000".encode("utf-8"),
        "Financiën € 250.000".encode("utf-16"),
        "Financiën € 250.000".encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "windows-1252"],
)
def test_decode_text_encodings(data):
    assert decode_text(data) == "Financiën € 250.000"


@pytest.mark.parametrize("data, words", [(b"", "empty"), (b"  \n\t\n", "empty"), (b"Nota\x00\x01\x02", "binary")])
def test_unreadable_text_names_the_file(data, words):
    with pytest.raises(UnreadableInput) as info:
        decode_text(data, name="nota.txt")
    assert str(info.value).startswith("nota.txt: ")
    assert words in str(info.value)


def test_only_blank_lines_after_decoding_is_empty():
    with pytest.raises(UnreadableInput, match="empty"):
        read_text("\n\n  \n", name="leeg.txt")


def test_extract_note_reads_text_and_markdown_by_name():
    txt = extract_note("Nota\nDatum\n9 januari 2025\n".encode(), "nota.txt")
    md = extract_note("# nota\n\n**Datum**\n\n9 januari 2025\n".encode(), "nota.md")
    assert txt.source.media_type == "text/plain"
    assert md.source.media_type == "text/markdown"
    assert txt.source.page_count is None
    assert txt.date == md.date


def test_document_over_a_text_layout_has_no_colofon_or_running_lines():
    doc = Document(read_text("Nota\nDatum\n9 januari 2025\n1\nPagina 1 van 1\n"))
    assert doc.colofon_lefts == {1: None}
    assert [ln.text for ln in doc.body] == ["Nota", "Datum", "9 januari 2025", "1"]
