"""The review report over the new inputs: an e-mail's and a Word document's lines with the evidence marked,
an image's pages drawn with their boxes."""
from __future__ import annotations

import re

from batch_helpers import kenmerk

from kenmerk.extract.reader import pages_pdf, shown_text


def test_an_email_and_a_word_document_show_their_lines_with_the_evidence_marked(tmp_path, input_dir):
    out = tmp_path / "report"
    proc = kenmerk("review", input_dir / "email-twee-bijlagen.eml", input_dir / "beslisnota-word.docx",
                   "-o", out, "--ocr", "never", "--lang", "en")
    assert proc.returncode == 0, proc.stderr
    word = (out / "notes" / "beslisnota-word-docx.html").read_text()
    mail = (out / "notes" / "email-twee-bijlagen-eml.html").read_text()
    for page, fields in ((word, ("kenmerk", "date", "attachments", "recommended_decision")),
                         (mail, ("title", "date", "attachments"))):
        marked = set(re.findall(r'<mark class="f-([a-z_]+)', page))
        assert set(fields) <= marked, marked
        assert "data:image/png" not in page  # no pages to draw
    assert "IENW/BSK-2025/54321" in word and "Sat, 19 Nov 2022 00:35:12 +0100" in mail


def test_an_image_shows_its_page_with_the_boxes(tmp_path, input_dir, tesseract, ocr_cache):
    out = tmp_path / "report"
    proc = kenmerk("review", input_dir / "beslisnota-scan-png.png", "-o", out, "--cache", ocr_cache)
    assert proc.returncode == 0, proc.stderr
    page = (out / "notes" / "beslisnota-scan-png-png.html").read_text()
    assert page.count("data:image/png") == 1
    box = re.search(r'<a id="box-kenmerk"[^>]*class="box f-kenmerk[^>]*data-x0="([\d.]+)"', page)
    assert box is not None and 460 < float(box.group(1)) < 475  # on the colofon, in the page's points


def test_what_the_review_draws_or_shows_of_each_input(input_dir):
    png = (input_dir / "beslisnota-scan-png.png").read_bytes()
    pdf = pages_pdf(png, "scan.png")
    assert pdf.startswith(b"%PDF") and shown_text(png, "scan.png") is None
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:  # no resolution recorded: an A4 page, the size the lines' points are measured on
        width, height = doc[0].get_size()
        assert (round(width), round(height)) == (595, 842)
    finally:
        doc.close()
    docx = (input_dir / "beslisnota-word.docx").read_bytes()
    assert pages_pdf(docx, "nota.docx") is None
    assert "Ons kenmerk\nIENW/BSK-2025/54321" in shown_text(docx, "nota.docx")
    msg = (input_dir / "email-twee-bijlagen-outlook.msg").read_bytes()  # an Outlook message: its e-mail print
    assert pages_pdf(msg, "bericht.msg") is None
    assert "Subject: RE: concept bestuursrapportage kustversterking Q3" in shown_text(msg, "bericht.msg").splitlines()
