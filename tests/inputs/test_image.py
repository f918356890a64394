"""Image scans (PNG, JPEG, TIFF): the OCR path, cache and limits of scanned PDF pages."""
from __future__ import annotations

import io
import struct
import zlib

import pytest
from PIL import Image

from kenmerk.extract import NoTextLayer, ReadLimits, UnreadableInput, extract_note, read_bytes
from kenmerk.extract.image import image_dpi
from kenmerk.extract.ocr import INSTALL_HINT, TESSERACT_ENV, open_pdf, render_page

LNV_SCAN = "lnv_beslisnota_2021-11-12_moties-zienswijzen-7e-actieprogramma-nitraat_scan.pdf"


def _png(pgm: bytes) -> bytes:
    """A rendered page (PGM) as PNG, recording no resolution (as a screenshot or a render does)."""
    buf = io.BytesIO()
    Image.open(io.BytesIO(pgm)).save(buf, format="PNG")
    return buf.getvalue()


def _ocr_files(cache) -> set[str]:
    return {p.name for p in (cache / "ocr").glob("*.tsv")}


def test_bar_a_png_of_a_corpus_scan_page_gives_the_kenmerk_of_the_scanned_pdf(corpus_dir, tesseract, tmp_path):
    """Issue 18, bar 3: page 1 of the LNV scan, rendered with pypdfium2 to a PNG, gives the kenmerk the same
    page gives as a scanned PDF."""
    data = (corpus_dir / "raw" / LNV_SCAN).read_bytes()
    limits = ReadLimits(ocr="auto", cache_dir=str(tmp_path), max_pages=1)
    from_pdf = extract_note(data, LNV_SCAN, limits)
    pdf = open_pdf(data)
    try:
        pgm, _, _ = render_page(pdf, 0, 300)  # as the OCR path renders a scanned page
    finally:
        pdf.close()
    png = _png(pgm)
    from_png = extract_note(png, "page-1.png", limits)
    assert from_pdf.kenmerk == from_png.kenmerk == "DGA-PAV / 21286882"
    assert from_png.source.media_type == "image/png" and from_png.source.page_count == 1
    assert from_png.evidence["kenmerk"].ocr and from_png.evidence["kenmerk"].bbox is not None
    # no resolution recorded: taken for an A4 page (this one is a little off A4: 2496 × 3520 px) at the common
    # resolution nearest to that, 300 dpi, so the boxes are the scanned PDF's and its page's OCR is reused
    a, b = from_pdf.evidence["kenmerk"].bbox, from_png.evidence["kenmerk"].bbox
    assert (a.x0, a.y0, a.x1, a.y1) == (b.x0, b.y0, b.x1, b.y1)
    assert len(_ocr_files(tmp_path)) == 1


def test_a_png_of_the_scan_fixture_reads_like_the_scanned_pdf(input_dir, fixtures_dir, make_fixtures_module,
                                                              tesseract, ocr_cache):
    make_fixtures_module.make_image_fixtures(fixtures_dir)
    limits = ReadLimits(cache_dir=str(ocr_cache))
    pdf_note = extract_note((fixtures_dir / "beslisnota-scan.pdf").read_bytes(), "beslisnota-scan.pdf", limits)
    png_note = extract_note((input_dir / "beslisnota-scan-png.png").read_bytes(), "beslisnota-scan.png", limits)
    spec = make_fixtures_module.SCAN_NOTA
    for note in (pdf_note, png_note):
        assert (note.kenmerk, note.date, note.title, note.document_type.value) == (
            spec.kenmerk, spec.date, spec.title, "beslisnota")
        assert [g.code for g in note.woo_grounds] == [spec.redaction_code]  # the white stamp, made legible
    assert any("read by OCR (tesseract, nld, 200 dpi; an image)" in w for w in png_note.warnings)


def test_the_pdf_and_a_png_of_its_page_share_one_ocr_cache_entry(tmp_path, input_dir, fixtures_dir,
                                                               make_fixtures_module, tesseract):
    make_fixtures_module.make_image_fixtures(fixtures_dir)
    data = (fixtures_dir / "beslisnota-scan.pdf").read_bytes()
    limits = ReadLimits(cache_dir=str(tmp_path))
    first = extract_note(data, "scan.pdf", limits)
    cached = _ocr_files(tmp_path)
    assert len(cached) == 1
    pdf = open_pdf(data)
    try:
        pgm, _, _ = render_page(pdf, 0, 300)
    finally:
        pdf.close()
    second = extract_note(_png(pgm), "scan.png", limits)
    assert _ocr_files(tmp_path) == cached  # the same page image: read from the cache, no new Tesseract call
    assert second.kenmerk == first.kenmerk


def test_every_page_of_a_multi_page_tiff_is_read(input_dir, make_fixtures_module, tesseract, ocr_cache):
    data = (input_dir / "beslisnota-twee-paginas-scan.tif").read_bytes()
    pages = []
    note = extract_note(data, "scan.tif", ReadLimits(cache_dir=str(ocr_cache)), on_page=lambda d, t: pages.append((d, t)))
    spec = make_fixtures_module.BESLISNOTA
    assert note.source.page_count == 2 and pages == [(1, 2), (2, 2)]
    assert note.kenmerk == spec.kenmerk and note.date == spec.date
    assert [a.title for a in note.attachments] == list(spec.attachments)
    assert {a.evidence.page for a in note.attachments} == {2}
    one = extract_note(data, "scan.tif", ReadLimits(cache_dir=str(ocr_cache), max_pages=1))
    assert one.source.page_count == 1 and "only the first 1 pages were read (the page limit)" in one.warnings


def test_an_image_with_ocr_off_is_one_line(input_dir):
    with pytest.raises(NoTextLayer, match=r"^scan\.png: an image: its text can only be read by OCR \(OCR is off\)$"):
        read_bytes((input_dir / "beslisnota-scan-png.png").read_bytes(), "scan.png", ReadLimits(ocr="never"))


def test_without_tesseract_an_image_fails_with_the_install_hint(input_dir, monkeypatch):
    monkeypatch.setenv(TESSERACT_ENV, "/nonexistent/tesseract")  # no Tesseract there: as on a machine without it
    with pytest.raises(NoTextLayer) as info:
        read_bytes((input_dir / "beslisnota-scan-png.png").read_bytes(), "scan.png")
    assert str(info.value) == f"scan.png: an image, and tesseract is not installed to OCR it; {INSTALL_HINT}"


def _chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def _png_header(width: int, height: int) -> bytes:
    """A PNG that claims `width` × `height` pixels and holds none."""
    return (b"\x89PNG\r\n\x1a\n" + _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + _chunk(b"IDAT", zlib.compress(b"")) + _chunk(b"IEND", b""))


def test_a_decompression_bomb_is_refused_before_its_pixels_are_decoded():
    with pytest.raises(UnreadableInput, match=r"^bomb\.png: image too large to read \("):
        read_bytes(_png_header(40_000, 40_000), "bomb.png")


def test_a_broken_image_is_one_line():
    with pytest.raises(UnreadableInput, match=r"^kapot\.jpg: broken image \("):
        read_bytes(b"\xff\xd8\xff\xe0" + bytes(40), "kapot.jpg")


@pytest.mark.parametrize("info, size, dpi", [
    ({"dpi": (300, 300)}, (2480, 3508), 300.0),
    ({"dpi": (1, 1)}, (1654, 2339), 200.0),        # a JFIF aspect ratio, not a resolution: taken for A4
    ({}, (3508, 2480), 300.0),                      # landscape A4 without a resolution
    ({}, (2496, 3520), 300.0),                      # a little off A4: the common resolution nearest
    ({}, (900, 1300), 1300 / 11.69),                # far from any common one: the A4 guess as it is
])
def test_the_resolution_is_the_recorded_one_or_that_of_an_a4_page(info, size, dpi):
    assert image_dpi(info, size) == pytest.approx(dpi, rel=0.01)
