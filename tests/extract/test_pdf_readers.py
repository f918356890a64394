"""The two PDF readers (`ReadLimits.pdf_reader`: pdfium and pdfminer) give the same lines.

Fixture PDFs (scripts/make_fixtures.py, and small PDFs drawn here for one quirk each: a rotated
page, text in a form XObject, non-breaking and soft hyphens, words set in pieces) are laid out by
both and compared line by line: the same text in the same order, boxes within a point, the same
size and weight; so are the born-digital PDFs of the shared corpus. Blank pages cost no
Tesseract call.
"""
from __future__ import annotations

import io

import hostile  # tests/safety: the tiny PDF writer
import pytest

from kenmerk.extract import NoTextLayer, ReadLimits, read_bytes
from kenmerk.extract.errors import InvalidSetting
from kenmerk.extract.geometry import DEFAULT
from kenmerk.extract.ocr import OcrSettings
from kenmerk.extract.pdf import read_pdf
from kenmerk.extract.pdf_readers import PDF_READERS

#: how far two readers' boxes of the same line may lie apart (points)
BOX_TOLERANCE = 1.0
#: how far (in ems) the two readers' right edge of a line may differ
RIGHT_EDGE_EM = 0.15
#: the first pages of each born-digital corpus PDF compared
CORPUS_PAGES = 3


def _lines(data: bytes, reader: str, name: str = "doc.pdf") -> list[list]:
    layout, _ = read_bytes(data, name, ReadLimits(ocr="never", pdf_reader=reader))
    return [[(ln.text, ln.x0, ln.y0, ln.x1, ln.y1, ln.size, ln.bold) for ln in page.lines] for page in layout.pages]


def _same_text(pdfium: str, pdfminer: str) -> bool:
    return pdfium == pdfminer


def _pair_up(a: list, b: list) -> list[tuple]:
    """The lines of one page of each reader in pairs: in the same order, but lines whose tops lie within
    a reading band of each other may come in another order (`geometry.reading_key` bands by the top,
    and a tenth of a point may move a line over a band's edge)."""
    b = list(b)
    for i, line in enumerate(a):
        if i < len(b) and b[i][0] != line[0]:
            for j in range(i + 1, min(len(b), i + 4)):
                if b[j][0] == line[0] and abs(b[j][4] - line[4]) <= 2 * DEFAULT.reading_row:
                    b.insert(i, b.pop(j))
                    break
    return list(zip(a, b, strict=False))


def _assert_same_lines(data: bytes, name: str = "doc.pdf", boxes: bool = True) -> int:
    """Both readers' lines match; return how many pages were compared.

    Boxes are not compared for lines with a euro sign (pdfminer.six knows no width for it in the
    standard fonts and sets the rest of the line too far left), nor pages at all where pdfminer knows
    no character for a code ("(cid:127)", reportlab's bullet): it gives that glyph no width either,
    and drops a line of it alone; pdfium reads "•".
    """
    pdfium, pdfminer = (_lines(data, reader, name) for reader in ("pdfium", "pdfminer"))
    assert len(pdfium) == len(pdfminer), name
    compared = 0
    for page, (a, b) in enumerate(zip(pdfium, pdfminer, strict=False), 1):
        if any("(cid:" in ln[0] for ln in b) or any(ln[0] == "•" for ln in a):
            continue  # the bullet pdfminer has no character for: "(cid:127)" in a line, dropped when alone
        compared += 1
        assert len(a) == len(b), f"{name} page {page}: {[ln[0] for ln in a]} != {[ln[0] for ln in b]}"
        for la, lb in _pair_up(a, b):
            assert _same_text(la[0], lb[0]), (name, page, la, lb)
            if boxes and "€" not in lb[0]:
                # a line's right edge is its last glyph's box in pdfium and its advance in pdfminer: they may differ
                # by a little more than a point (1.2 pt on a 10 pt line ending in "r"), at most RIGHT_EDGE_EM of an em
                x0, y0, x1, y1 = (abs(x - y) for x, y in zip(la[1:5], lb[1:5], strict=False))
                assert max(x0, y0, y1) <= BOX_TOLERANCE and x1 <= max(BOX_TOLERANCE, RIGHT_EDGE_EM * lb[5]), (name, la, lb)
            assert la[5:] == lb[5:], (name, la, lb)
    return compared


def test_readers_are_listed_and_an_unknown_one_is_an_invalid_setting():
    assert set(PDF_READERS) == {"pdfium", "pdfminer"}
    with pytest.raises(InvalidSetting, match="unknown PDF reader 'poppler'"):
        ReadLimits(pdf_reader="poppler")


@pytest.mark.parametrize("stem", ["beslisnota-twee-paginas", "brief-adresblok"])
def test_fixture_pdfs_give_the_same_lines(fixtures_dir, stem):
    _assert_same_lines((fixtures_dir / f"{stem}.pdf").read_bytes(), stem)


def test_convention_fixture_pdfs_give_the_same_lines(tmp_path, make_fixtures_module):
    paths = [p for p in make_fixtures_module.make_convention_fixtures(tmp_path) if p.suffix == ".pdf"]
    assert len(paths) >= 20
    pages = sum(_assert_same_lines(path.read_bytes(), path.name) for path in paths)
    assert pages >= len(paths)


def _quirks_pdf(nbsp: bool = False) -> bytes:
    """Four pages: a /Rotate 90 page, a page drawn through a form XObject, a hyphen at the end of a line
    (with `nbsp`, non-breaking spaces and a euro sign before it), and words set from several text
    objects (a label and its value a tab apart, a word in pieces, letter-spacing). (A soft hyphen,
    WinAnsi 0xAD, is left out: pdfminer.six has no character for it and reads a space, pdfium a hyphen.)"""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setPageRotation(90)
    c.setFont("Helvetica", 10)
    c.drawString(72, 700, "Onderwerp Rapport over de draagmoederschap")
    c.drawString(72, 686, "Datum 12 maart 2024")
    c.showPage()
    c.setPageRotation(0)
    c.beginForm("body")
    c.setFont("Helvetica-Bold", 12)
    c.drawString(72, 760, "Nota aan de minister")
    c.setFont("Helvetica", 9)
    c.drawString(72, 740, "Ons kenmerk 2024-0001234")
    c.endForm()
    c.doForm("body")
    c.setFont("Times-Roman", 11)
    c.drawString(72, 700, "Tekst buiten het formulier")
    c.showPage()
    c.setFont("Helvetica", 10)
    c.drawString(72, 760, "bedrag\u00a0€\u00a0250.000 voor de renovatie" if nbsp else "bedrag van 250.000 euro")
    c.drawString(72, 746, "Rijksmuseum en verder-")
    c.drawString(72, 732, "op volgende regel")
    c.showPage()
    c.setFont("Helvetica", 10)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    for x, piece in ((72, "Onder"), (72 + stringWidth("Onder", "Helvetica", 10), "werp"), (200, "Draagmoederschap")):
        c.drawString(x, 760, piece)
    text = c.beginText(72, 740)
    text.textOut("Bijlage")
    text.setCharSpace(3)
    text.textOut("n")
    c.drawText(text)
    c.showPage()
    c.save()
    return buf.getvalue()


def test_quirks_give_the_same_lines():
    data = _quirks_pdf()
    _assert_same_lines(data, "quirks.pdf")
    hyphens = _quirks_pdf(nbsp=True)
    _assert_same_lines(hyphens, "nbsp.pdf", boxes=False)  # pdfminer.six knows no width for NBSP and €
    rotated, form, _, pieces = _lines(data, "pdfium")
    hyphens = _lines(hyphens, "pdfium")[2]
    assert len(rotated) > 30 and all(len(ln[0]) == 1 for ln in rotated)  # turned text: a line per character
    assert all(ln[3] - ln[1] > ln[4] - ln[2] for ln in rotated if ln[0] in "DOWM")  # boxes turned as well
    assert {"Nota aan de minister", "Ons kenmerk 2024-0001234", "Tekst buiten het formulier"} <= {ln[0] for ln in form}
    assert [ln[6] for ln in form if ln[0] == "Nota aan de minister"] == [True]
    assert any(ln[0].startswith("bedrag") and "250.000" in ln[0] for ln in hyphens)
    assert [ln[0] for ln in pieces][:2] == ["Onderwerp", "Draagmoederschap"]


def _blank_pages(n: int, drawn: int = 0) -> bytes:
    """`n` pages with nothing on them, the first `drawn` of them with a drawn square (no text)."""
    kids = b" ".join(b"%d 0 R" % (5 + i) for i in range(n))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d /MediaBox [0 0 595 842] >>" % n,
        hostile.stream(b""),
        hostile.stream(b"0 0 0 rg 100 100 300 300 re f"),
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /Contents %d 0 R >>" % (4 if i < drawn else 3) for i in range(n)]
    return hostile.pdf(objects)


class Calls(list):
    """A document's deadline (`kenmerk.extract.ocr.Deadline`) that keeps the Tesseract calls it is told of."""

    def extend(self, call_seconds: float) -> None:
        self.append(call_seconds)


@pytest.mark.parametrize("reader", PDF_READERS)
@pytest.mark.parametrize("mode", ["auto", "always"])
def test_blank_pages_cost_no_tesseract_call(reader, mode):
    calls = Calls()
    with pytest.raises(NoTextLayer, match="no text on any of its 100 page.s.: they are blank"):
        read_pdf(_blank_pages(100), name="blank.pdf", ocr=mode, reader=reader, ocr_settings=OcrSettings(deadline=calls))
    assert calls == []


def test_a_page_with_drawing_but_no_text_is_not_blank():
    from kenmerk.extract.ocr import find_tesseract

    if find_tesseract() is None:
        pytest.skip("tesseract is not installed")
    calls = Calls()
    with pytest.raises(NoTextLayer):
        read_pdf(_blank_pages(5, drawn=1), name="square.pdf", ocr="auto", ocr_settings=OcrSettings(deadline=calls))
    assert len(calls) == 1  # the page with the square; the four blank pages none


def test_corpus_readers_agree_line_by_line(corpus_dir, corpus_extraction):
    """Born-digital corpus PDFs: the same lines from both readers on their first pages (the lines of
    the run's one extraction per reader, `corpus_extraction`, which test_corpus.py scores)."""
    from collections import defaultdict

    from test_corpus import born_digital, text_layers

    layers = text_layers(corpus_dir / "PROVENANCE.md")
    names = [p.name for p in sorted((corpus_dir / "raw").glob("*.pdf")) if born_digital(p, layers)]
    assert len(names) >= 20
    read = {reader: corpus_extraction.lines(reader) for reader in PDF_READERS}
    unread = [(reader, name) for reader in PDF_READERS for name in names if not read[reader][name]]
    assert not unread, f"born-digital PDFs without text-layer lines: {unread}"
    lines: dict[str, dict] = {reader: defaultdict(list) for reader in PDF_READERS}
    for reader in PDF_READERS:
        for name in names:
            for ln in read[reader][name]:
                if ln[0] <= CORPUS_PAGES:
                    lines[reader][(name, *ln[:2])].append(ln[2:])
    a, b = lines["pdfium"], lines["pdfminer"]
    total = sum(map(len, b.values()))
    same = sum(min(len(a[key]), len(boxes)) for key, boxes in b.items())
    assert same >= 0.995 * total, f"{same} of {total} lines with the same text"
    far = [(key, x, y) for key, boxes in b.items() for x, y in zip(a[key], boxes, strict=False)
           if max(abs(p - q) for p, q in zip(x, y, strict=False)) > BOX_TOLERANCE]
    assert len(far) <= 0.005 * total, far[:5]
