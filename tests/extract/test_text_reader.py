"""Text and Markdown conversions of notes → `Layout` (`kenmerk.extract.text`), and through `extract_note`.

The texts are made up; what is tested is how a conversion is read (lines, pages, markup, encodings).
"""
from __future__ import annotations

import pytest

from kenmerk.extract import UnreadableInput
from kenmerk.extract.context import Document
from kenmerk.extract.note import extract_note
from kenmerk.extract.text import decode_text, read_text


def texts(layout) -> list[str]:
    return [ln.text for ln in layout.lines()]


def test_lines_without_positions_in_reading_order():
    lay = read_text("Aan\nVan\nMSZW\nTER BESLISSING\nDGKV\n")
    assert texts(lay) == ["Aan", "Van", "MSZW", "TER BESLISSING", "DGKV"]
    assert [ln.index for ln in lay.lines()] == [0, 1, 2, 3, 4]
    assert not lay.has_positions
    assert lay.media_type == "text/plain"
    assert all(not ln.has_box and ln.page == 1 for ln in lay.lines())
    assert lay.pages[0].width == 0


def test_blank_lines_mark_a_paragraph_break_on_the_next_line():
    lay = read_text("Onderwerp\nDienstregeling waterbussen\n\n\nDe stuurgroep is op de hoogte.\n")
    assert [(ln.text, ln.gap_before) for ln in lay.lines()] == [
        ("Onderwerp", False), ("Dienstregeling waterbussen", False), ("De stuurgroep is op de hoogte.", True)]


def test_two_spaces_inside_a_line_are_collapsed():
    assert texts(read_text("Aanvaring  waterbus WB-7 op het Kwartelmeer.  Geen gewonden.\n")) == [
        "Aanvaring waterbus WB-7 op het Kwartelmeer. Geen gewonden."]


def test_a_tab_or_three_spaces_separate_columns():
    assert texts(read_text("Onderwerp      Aanvaring waterbus\nDatum\t3 mei 2024\n")) == [
        "Onderwerp", "Aanvaring waterbus", "Datum", "3 mei 2024"]


def test_a_label_with_its_colon_keeps_its_value_across_a_wide_gap():
    assert texts(read_text("Van:        Havendienst\n")) == ["Van: Havendienst"]


def test_form_feed_starts_a_new_page():
    lay = read_text("Nota\nDe Kamer stelt vragen.\n\fVervolg van de toelichting.\n")
    assert [(ln.text, ln.page) for ln in lay.lines()] == [
        ("Nota", 1), ("De Kamer stelt vragen.", 1), ("Vervolg van de toelichting.", 2)]
    assert len(lay.pages) == 2


def test_comment_block_heading_a_text_conversion_is_skipped():
    lay = read_text("# Text of page 1 of a made-up beslisnota, example-0001\n# (one PDF text line per line)\n\n"
                    "Aan\nVan\n")
    assert texts(lay) == ["Aan", "Van"]
    assert next(lay.lines()).index == 0


def test_hash_line_later_in_a_text_file_is_kept():
    assert texts(read_text("Nota\n# 3 punten\n")) == ["Nota", "# 3 punten"]


def test_markdown_markup_is_removed_and_headings_are_bold():
    lay = read_text("# nota\n\n## 2. Geadviseerd besluit\n\n**Datum**\n\n16 januari 2025\n", markdown=True)
    assert [(ln.text, ln.bold) for ln in lay.lines()] == [
        ("nota", True), ("2. Geadviseerd besluit", True), ("Datum", True), ("16 januari 2025", False)]
    assert lay.media_type == "text/markdown"


def test_markdown_links_bullets_and_italic_titles():
    lay = read_text("[www.zilverdam.example](https://www.zilverdam.example/waterbussen)\n\n"
                    "- Waterbussen op het Kwartelmeer\n* Veerdiensten\n\n"
                    "Een reactie op het rapport *Stand van de waterbussen*.\n", markdown=True)
    assert texts(lay) == [
        "www.zilverdam.example",
        "• Waterbussen op het Kwartelmeer",
        "• Veerdiensten",
        "Een reactie op het rapport “Stand van de waterbussen”.",
    ]


def test_markdown_bold_inside_a_line_is_unwrapped():
    lay = read_text("Het besluit is **niet** genomen.\n", markdown=True)
    assert [(ln.text, ln.bold) for ln in lay.lines()] == [("Het besluit is niet genomen.", False)]


@pytest.mark.parametrize(
    "data",
    [
        "Financiën € 317.500".encode("utf-8"),
        "\ufeffFinanciën € 317.500".encode("utf-8"),
        "Financiën € 317.500".encode("utf-16"),
        "Financiën € 317.500".encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "windows-1252"],
)
def test_decode_text_encodings(data):
    assert decode_text(data) == "Financiën € 317.500"


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
    txt = extract_note("Nota\nDatum\n16 januari 2025\n".encode(), "nota.txt")
    md = extract_note("# nota\n\n**Datum**\n\n16 januari 2025\n".encode(), "nota.md")
    assert txt.source.media_type == "text/plain"
    assert md.source.media_type == "text/markdown"
    assert txt.source.page_count is None
    assert txt.date == md.date


def test_document_over_a_text_layout_has_no_colofon_or_running_lines():
    doc = Document(read_text("Nota\nDatum\n16 januari 2025\n1\nPagina 1 van 1\n"))
    assert doc.colofons == {1: None}
    assert [ln.text for ln in doc.body] == ["Nota", "Datum", "16 januari 2025", "1"]
