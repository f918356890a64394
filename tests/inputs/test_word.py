"""Word documents (.docx): paragraphs, tables, text boxes, headers and footers into the lines the extractors read."""
from __future__ import annotations

import io
import json

import docx
import pytest
from batch_helpers import kenmerk
from docx.oxml import parse_xml

from kenmerk.extract import ReadLimits, UnreadableInput, extract_note, read_bytes

NEVER = ReadLimits(ocr="never")
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'


def _bytes(document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _note_document() -> docx.Document:
    """A short nota: title, a decision section, and room for what a test adds."""
    document = docx.Document()
    document.add_paragraph().add_run("Nota").bold = True
    return document


def _decision(document) -> None:
    document.add_heading("1. Geadviseerd besluit", level=1)
    document.add_paragraph("U wordt geadviseerd in te stemmen met de nieuwe werkwijze.")


def test_bar_a_beslisnota_with_a_colofon_table_and_sections(input_dir, make_fixtures_module):
    """Issue 18, bar 2: kenmerk, date, attachments and recommended decision from a Word beslisnota."""
    spec = make_fixtures_module.WORD_NOTA
    proc = kenmerk("extract", input_dir / f"{spec.name}.docx")
    assert proc.returncode == 0, proc.stderr
    note = json.loads(proc.stdout)
    assert note["kenmerk"] == spec.kenmerk
    assert note["date"] == spec.date.isoformat()
    assert [a["title"] for a in note["attachments"]] == list(spec.attachments)
    assert note["recommended_decision"]["text"] == spec.decision
    assert note["recommended_decision"]["heading"] == "Geadviseerd besluit"
    assert note["document_type"] == "beslisnota"
    assert note["title"] == spec.title and note["addressee"] == spec.addressee
    assert note["source"]["media_type"] == "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    assert note["evidence"]["kenmerk"] == {"page": 1, "bbox": None, "text": f"Ons kenmerk {spec.kenmerk}",
                                           "ocr": False}
    gold = json.loads((input_dir / f"{spec.name}.gold.json").read_text())
    assert gold["kenmerk"] == note["kenmerk"] and gold["date"] == note["date"]


def test_the_lines_keep_bold_size_and_the_label_value_order_of_a_colofon_table(input_dir):
    layout, _ = read_bytes((input_dir / "beslisnota-word.docx").read_bytes(), "nota.docx", NEVER)
    lines = list(layout.lines())
    texts = [ln.text for ln in lines]
    assert texts[:2] == ["Directoraat-generaal Water en Bodem", "Directie Waterkeringen"]  # the page header first
    at = texts.index("Ons kenmerk")
    assert texts[at + 1] == "IENW/BSK-2025/54321" and not lines[at + 1].gap_before and lines[at].gap_before
    bijlagen = texts.index("Bijlagen")
    assert texts[bijlagen + 1:bijlagen + 3] == ["1. Kamerbrief over de Afsluitdijk", "2. Voorkeursalternatief tweede fase"]
    heading = lines[texts.index("2. Geadviseerd besluit")]
    assert heading.bold and heading.gap_before
    beslisnota = lines[texts.index("Beslisnota")]
    assert beslisnota.bold and beslisnota.size == 16.0
    assert texts.count("Pagina 1 van 1") == 1 and texts[-1] == "Pagina 1 van 1"  # the footer last, once
    assert not layout.has_positions and all(not ln.has_box for ln in lines)


def test_a_header_table_of_labels_over_values_is_read_label_by_value():
    document = _note_document()
    table = document.add_table(rows=2, cols=3)
    for cell, text in zip(table.rows[0].cells, ("Datum", "Ons kenmerk", "Bijlagen"), strict=False):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("12 maart 2024", "2024-0001234", "1"), strict=False):
        cell.text = text
    _decision(document)
    note = extract_note(_bytes(document), "nota.docx", NEVER)
    assert (note.kenmerk, note.date.isoformat()) == ("2024-0001234", "2024-03-12")


def test_headers_shared_by_sections_are_read_once_and_page_breaks_give_the_page():
    document = _note_document()
    document.sections[0].header.paragraphs[0].text = "Ministerie van Financiën"
    document.add_paragraph("Ons kenmerk\t2024-0001234")
    document.add_page_break()
    document.add_section()  # its header is linked to the first one: the same letterhead
    _decision(document)
    layout, _ = read_bytes(_bytes(document), "nota.docx", NEVER)
    texts = [ln.text for ln in layout.lines()]
    assert texts.count("Ministerie van Financiën") == 1
    assert texts[texts.index("Ons kenmerk") + 1] == "2024-0001234"  # a tab sets label and value apart
    note = extract_note(_bytes(document), "nota.docx", NEVER)
    assert note.recommended_decision.evidence.page == 2
    assert note.evidence["kenmerk"].page == 1


def test_a_colofon_in_a_text_box_is_read_once_not_again_from_its_legacy_copy():
    document = _note_document()
    box = ('<w:p>{pPr}<w:r><w:t>{text}</w:t></w:r></w:p>')
    content = "".join(box.format(pPr="", text=t) for t in ("Datum", "12 maart 2024", "Ons kenmerk", "2024-0001234"))
    run = parse_xml(f'<w:r {W} {MC}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
                    f'<w:txbxContent>{content}</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>'
                    f'<w:txbxContent>{content}</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>')
    anchor = document.add_paragraph("Onderwerp: nieuwe werkwijze")
    anchor._p.append(run)
    _decision(document)
    data = _bytes(document)
    layout, _ = read_bytes(data, "nota.docx", NEVER)
    texts = [ln.text for ln in layout.lines()]
    assert texts.count("2024-0001234") == 1
    note = extract_note(data, "nota.docx", NEVER)
    assert (note.kenmerk, note.date.isoformat()) == ("2024-0001234", "2024-03-12")


def test_a_word_document_that_inflates_past_the_size_limit_is_refused_before_it_is_parsed():
    document = _note_document()
    for _ in range(400):
        document.add_paragraph("Dezelfde zin, keer op keer herhaald, pakt heel klein in. " * 10)
    data = _bytes(document)
    limits = ReadLimits(ocr="never", max_bytes=len(data) * 2)
    with pytest.raises(UnreadableInput, match=r"^nota\.docx: Word document inflates to more than the size limit"):
        read_bytes(data, "nota.docx", limits)


def test_a_word_document_without_text_is_one_line():
    with pytest.raises(UnreadableInput, match=r"^leeg\.docx: no text in the Word document$"):
        read_bytes(_bytes(docx.Document()), "leeg.docx", NEVER)
