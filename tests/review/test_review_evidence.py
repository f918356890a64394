"""Evidence that points at the right line: a value the page prints in its box is shown as read there; one
that is not printed there (an organisation inferred from a kenmerk's prefix, a box on the wrong line) is
tagged as inferred and says so under its value, so a reviewer is never told a line says what it does not."""
from __future__ import annotations

import pytest

from kenmerk.extract import ReadLimits, read_bytes
from kenmerk.extract.note import extract_layout
from kenmerk.output.review_explain import explain_for_review
from kenmerk.output.review_html import RenderSettings, note_report, render_note_page

#: the corpus note where the organisation's box stood on the addressee line "Aan Stas IenW" (issue 17)
IENW = "ienw_beslisnota_2022-11-29_impulsprogramma-chemische-stoffen.pdf"


def _report(note, name, data, explained=None):
    report, pages, omitted = note_report(note, name, "n", data, explained, RenderSettings())
    return report, render_note_page(report, pages, omitted=omitted)


def test_a_box_on_a_line_that_does_not_print_its_value_is_marked_inferred(fixtures_dir):
    pdf = fixtures_dir / "brief-adresblok.pdf"
    data = pdf.read_bytes()
    note = extract_layout(*read_bytes(data, pdf.name, ReadLimits(ocr="never"))).note
    report, html = _report(note, pdf.name, data)
    derived = {it.key for it in report.items if it.derived}
    # read where they are: the greeting and closing that make it a letter count as read in their box
    assert not derived & {"document_type", "title", "kenmerk", "date", "addressee", "identifiers-1"}
    # the fixture prints no ministry's name: the organisation is inferred from the kenmerk's line
    assert "organisation" in derived and "Organisatie (afgeleid)" in html
    # the kenmerk's evidence moved onto the title's line: the page does not print it there
    title, kenmerk = note.evidence["title"], note.evidence["kenmerk"]
    moved = note.model_copy(update={"evidence": {**note.evidence, "kenmerk": kenmerk.model_copy(
        update={"bbox": title.bbox, "page": title.page})}})
    report, html = _report(moved, pdf.name, data)
    assert {it.key for it in report.items if it.derived} - derived == {"kenmerk"}
    assert "Kenmerk (afgeleid)" in html and "Niet letterlijk zo gedrukt" in html
    # a box on a part of the value (as a long title's last line is) is the value's, not inferred
    half = title.model_copy(update={"bbox": title.bbox.model_copy(
        update={"x0": (title.bbox.x0 + title.bbox.x1) / 2})})
    part = note.model_copy(update={"evidence": {**note.evidence, "title": half}})
    assert "title" not in {it.key for it in _report(part, pdf.name, data)[0].items if it.derived}


def test_the_ienw_organisation_is_not_on_the_addressee_line_and_says_it_is_inferred(corpus_dir):
    pdf = corpus_dir / "raw" / IENW
    if not pdf.exists():
        pytest.skip(f"{IENW} not in the corpus")
    data = pdf.read_bytes()
    extraction = extract_layout(*read_bytes(data, pdf.name, ReadLimits(ocr="never")))
    note = extraction.note
    report, html = _report(note, pdf.name, data, explain_for_review(extraction))
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(data)[note.organisation.evidence.page - 1]
    box = note.organisation.evidence.bbox
    printed = page.get_textpage().get_text_bounded(left=box.x0 - 1, bottom=box.y0 - 1, right=box.x1 + 1,
                                                   top=box.y1 + 1)
    assert "Stas" not in printed and "Aan" not in printed.split()          # not the addressee's line
    organisation = next(it for it in report.items if it.field == "organisation")
    # the letterhead is a picture: the name is inferred from the line marked, and the page says so
    assert organisation.derived and "Organisatie (afgeleid)" in html
    assert not [it.key for it in report.items if it.derived and it.field in ("kenmerk", "date", "title")]
    # and the field lists what else was considered
    assert "ook overwogen" in html
