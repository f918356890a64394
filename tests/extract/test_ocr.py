"""OCR with Tesseract (`kenmerk.extract.ocr`): the image-only fixture read through OCR.

The fixture `beslisnota-scan.pdf` (scripts/make_fixtures.py, `make_image_fixtures`) is a
one-page beslisnota drawn as text, rasterised and put back as a picture, with a black
redaction box stamped "5.1.2e" in white: it has no text layer at all. Tests that run
Tesseract skip when it (or its Dutch model) is not installed; `./scripts/test` installs
both with apt-get where it can. The parsing and geometry tests run without it.
"""
from __future__ import annotations

import io
import json

import pytest

from kenmerk.extract import NoTextLayer, ReadLimits, ocr as ocr_module, read_note
from kenmerk.extract.ocr import OcrSettings, Word, find_boxes, find_tesseract, parse_tsv, words_to_lines

SCAN = "beslisnota-scan"


def _tesseract_reason() -> str | None:
    tess = find_tesseract()
    if tess is None:
        return "tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-nld)"
    if "nld" not in tess.languages:
        return "tesseract has no Dutch model (apt-get install tesseract-ocr-nld)"
    return None


needs_tesseract = pytest.mark.skipif(_tesseract_reason() is not None, reason=_tesseract_reason() or "")


@pytest.fixture(scope="module")
def scan_dir(tmp_path_factory, make_fixtures_module):
    outdir = tmp_path_factory.mktemp("scan-fixtures")
    make_fixtures_module.make_image_fixtures(outdir)
    return outdir


@pytest.fixture(scope="module")
def scan_spec(make_fixtures_module):
    return make_fixtures_module.SCAN_NOTA


@pytest.fixture(scope="module")
def scan_note(scan_dir):
    if _tesseract_reason():
        pytest.skip(_tesseract_reason())
    return read_note(scan_dir / f"{SCAN}.pdf")


# --- the fixture ------------------------------------------------------------------


def test_image_fixture_and_gold_are_written(scan_dir, scan_spec):
    assert (scan_dir / f"{SCAN}.pdf").read_bytes().startswith(b"%PDF")
    gold = json.loads((scan_dir / f"{SCAN}.gold.json").read_text(encoding="utf-8"))
    assert gold["kenmerk"] == scan_spec.kenmerk and gold["woo_grounds"] == ["5.1.2e"]


def test_image_fixture_is_byte_identical_run_to_run(scan_dir, make_fixtures_module, tmp_path):
    again = make_fixtures_module.make_image_fixtures(tmp_path)
    for path in again:
        assert path.read_bytes() == (scan_dir / path.name).read_bytes(), path.name


def test_the_redaction_box_is_found_in_the_page_image(scan_dir, make_fixtures_module):
    (image,) = make_fixtures_module.rasterise((scan_dir / f"{SCAN}.pdf").read_bytes(), dpi=300)
    boxes = find_boxes(image, 300)
    assert len(boxes) == 1
    x0, y0, x1, y1 = (v * 72 / 300 for v in boxes[0])
    assert 240 < x0 < 320 and 80 < x1 - x0 < 100  # 92 pt wide, after "besproken met"
    assert 8 < y1 - y0 < 16


# --- through OCR ------------------------------------------------------------------


def test_scan_is_read_through_ocr(scan_note, scan_spec):
    assert scan_note.kenmerk == scan_spec.kenmerk
    assert scan_note.date == scan_spec.date
    assert scan_note.document_type.value == "beslisnota"
    assert scan_note.title == scan_spec.title
    assert scan_note.addressee == scan_spec.addressee


def test_scan_redaction_stamp_is_read(scan_note):
    grounds = {g.code: g for g in scan_note.woo_grounds}
    assert "5.1.2e" in grounds
    assert grounds["5.1.2e"].pages == [1] and grounds["5.1.2e"].evidence.ocr


def test_scan_recommended_decision_is_read(scan_note, scan_spec):
    assert scan_note.recommended_decision is not None
    assert scan_note.recommended_decision.text == scan_spec.decision


def test_scan_evidence_is_ocr_with_boxes_in_pdf_points(scan_note, make_fixtures_module):
    ev = scan_note.evidence["kenmerk"]
    assert ev.ocr and ev.page == 1
    # the colofon value is drawn at x = 466.2 pt, 7 pt type, in the upper part of the page
    assert abs(ev.bbox.x0 - make_fixtures_module.COLOFON_X) < 3
    assert 650 < ev.bbox.y0 < ev.bbox.y1 < 760
    assert any("read by OCR" in w and "no text layer" in w for w in scan_note.warnings)


@needs_tesseract
def test_ocr_always_reads_a_born_digital_page_too(fixtures_dir, make_fixtures_module):
    note = read_note(fixtures_dir / "brief-adresblok.pdf", ReadLimits(ocr="always"))
    assert note.kenmerk == make_fixtures_module.BRIEF.kenmerk
    assert note.evidence["kenmerk"].ocr
    assert any("--ocr always" in w for w in note.warnings)


@needs_tesseract
def test_ocr_results_are_cached_by_page_image(scan_dir, tmp_path, monkeypatch, scan_spec):
    limits = ReadLimits(cache_dir=str(tmp_path))
    first = read_note(scan_dir / f"{SCAN}.pdf", limits)
    cached = list((tmp_path / "ocr").glob("*.tsv"))
    assert len(cached) == 1

    def no_tesseract_calls(args, **kwargs):
        if "stdin" in args:
            raise AssertionError("tesseract ran although the page is cached")
        return real_run(args, **kwargs)

    real_run = ocr_module._run
    monkeypatch.setattr(ocr_module, "_run", no_tesseract_calls)
    again = read_note(scan_dir / f"{SCAN}.pdf", limits)
    assert again.kenmerk == first.kenmerk == scan_spec.kenmerk


@needs_tesseract
def test_cache_folder_from_the_environment(scan_dir, tmp_path, monkeypatch):
    monkeypatch.setenv("KENMERK_CACHE", str(tmp_path))
    read_note(scan_dir / f"{SCAN}.pdf")
    assert list((tmp_path / "ocr").glob("*.tsv"))


@needs_tesseract
def test_a_tesseract_time_out_is_a_one_line_error(scan_dir):
    with pytest.raises(NoTextLayer) as err:
        read_note(scan_dir / f"{SCAN}.pdf", ReadLimits(ocr_timeout=0.001))
    message = str(err.value)
    assert "timed out" in message and "\n" not in message and SCAN in message


@needs_tesseract
def test_missing_language_model_falls_back_with_a_remark():
    tess = find_tesseract()
    lang, remark = ocr_module.choose_language(tess, "nld+xyz")
    assert lang == "nld" and "xyz" in remark


# --- parsing and geometry (no Tesseract needed) ------------------------------------

TSV = "\n".join([
    "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext",
    "1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t",
    "4\t1\t1\t1\t1\t0\t300\t600\t1500\t40\t-1\t",
    "5\t1\t1\t1\t1\t1\t300\t600\t200\t40\t95.1\tKamerbrief",
    "5\t1\t1\t1\t1\t2\t520\t600\t100\t40\t94.0\tover",
    "5\t1\t1\t1\t1\t3\t1500\t605\t300\t35\t91.5\tDGA-PAV/21286882",
    "5\t1\t1\t1\t1\t4\t1820\t600\t10\t40\t12.0\t|",
    "5\t1\t2\t1\t1\t1\t300\t700\t150\t40\t90.0\tDatum",
    "5\t1\t2\t1\t1\t2\t470\t700\t0\t0\t-1\t ",
])


def test_parse_tsv_keeps_words_with_text():
    words = parse_tsv(TSV)
    assert [w.text for w in words] == ["Kamerbrief", "over", "DGA-PAV/21286882", "|", "Datum"]
    assert words[0] == Word("Kamerbrief", 300, 600, 200, 40, 95.1, 1, 1, 1)
    assert parse_tsv("") == [] and parse_tsv("garbage\tline") == []


def test_words_become_lines_in_pdf_points_split_at_wide_gaps():
    scale = 72 / 300
    lines = words_to_lines(parse_tsv(TSV), page=1, scale=scale, page_height=842.0)
    texts = [ln.text for ln in lines]
    assert texts == ["Kamerbrief over", "DGA-PAV/21286882", "Datum"]  # the speck "|" is dropped
    first = lines[0]
    assert first.x0 == round(300 * scale, 1) and first.x1 == round(620 * scale, 1)
    assert first.y1 == round(842.0 - 600 * scale, 1) and first.y0 == round(842.0 - 640 * scale, 1)
    assert lines[1].x0 == round(1500 * scale, 1)
    assert lines[2].y1 < lines[0].y0  # "Datum" is lower on the page: smaller y
    assert all(ln.page == 1 and not ln.bold and ln.size for ln in lines)


def test_cache_folder_setting(tmp_path, monkeypatch):
    monkeypatch.delenv("KENMERK_CACHE", raising=False)
    assert OcrSettings().cache_folder() is None
    assert OcrSettings(cache_dir=str(tmp_path)).cache_folder() == tmp_path / "ocr"
    monkeypatch.setenv("KENMERK_CACHE", str(tmp_path / "env"))
    assert OcrSettings().cache_folder() == tmp_path / "env" / "ocr"


def test_white_stamp_on_a_black_box_becomes_black_on_white():
    from PIL import Image, ImageDraw

    from kenmerk.extract.ocr import reveal_stamps

    im = Image.new("L", (600, 200), 250)
    draw = ImageDraw.Draw(im)
    draw.rectangle((100, 80, 400, 130), fill=0)
    draw.rectangle((200, 95, 260, 115), fill=255)  # the "stamp"
    buf = io.BytesIO()
    im.save(buf, format="PPM")
    out, changed = reveal_stamps(buf.getvalue(), 300)
    assert changed == 1
    result = Image.open(io.BytesIO(out))
    assert result.getpixel((150, 105)) == 250  # the box is paper now
    assert result.getpixel((230, 105)) == 0  # the stamp is black
    assert result.getpixel((20, 20)) == 250  # the page is untouched


@needs_tesseract
def test_stamps_missing_from_an_ocr_layer_are_read_from_the_image(scan_dir, make_fixtures_module, tmp_path):
    """A scanned page whose own OCR layer lacks the redaction stamp: the stamp is OCR'd from its box."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    (image,) = make_fixtures_module.rasterise((scan_dir / f"{SCAN}.pdf").read_bytes())
    spec = make_fixtures_module.SCAN_NOTA
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.drawImage(ImageReader(image), 0, 0, width=A4[0], height=A4[1])
    text = c.beginText(79, 560)
    text.setTextRenderMode(3)  # invisible, like an OCR layer
    text.setFont("Helvetica", 9.5)
    for line in (spec.aanleiding, spec.decision, spec.toelichting, spec.redaction_before + " " + spec.redaction_after):
        text.textLine(line)
    c.drawText(text)
    c.showPage()
    c.save()
    path = tmp_path / "layer-without-stamps.pdf"
    path.write_bytes(buf.getvalue())

    note = read_note(path)
    assert [g.code for g in note.woo_grounds] == ["5.1.2e"]
    assert note.woo_grounds[0].evidence.ocr
    assert any("redaction box" in w for w in note.warnings)
    assert not read_note(path, ReadLimits(ocr="never")).woo_grounds  # the layer alone has no ground


@needs_tesseract
@pytest.mark.parametrize("reader", ["pdfium", "pdfminer"])
def test_a_page_that_needs_ocr_is_told_final_after_its_tesseract_call(scan_dir, tmp_path, reader):
    """`on_page` for a scanned page comes after the page's Tesseract call, not when it is laid out."""
    events: list = []

    class Deadline:  # the document's time limit, told of each Tesseract call (kenmerk.extract.ocr.Deadline)
        def extend(self, call_seconds: float) -> None:
            events.append("tesseract")

    read_note(scan_dir / f"{SCAN}.pdf", ReadLimits(cache_dir=str(tmp_path), pdf_reader=reader, deadline=Deadline()),
              on_page=lambda done, total: events.append((done, total)))
    assert events[-1] == (1, 1) and events.count((1, 1)) == 1
    assert "tesseract" in events and events.index("tesseract") < events.index((1, 1))
