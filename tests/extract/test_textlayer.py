"""The text-layer detector (`kenmerk.extract.textlayer`, `pdf.assess_pdf`) and what the reader
does with its verdict when Tesseract is absent. None of these tests runs Tesseract.
"""
from __future__ import annotations

import io
import logging
import random

import pytest

from kenmerk.extract import NoTextLayer, ReadLimits, pdf_ocr as pdf_module, read_note
from kenmerk.extract.pdf import assess_pdf, read_pdf
from kenmerk.extract.textlayer import DIGITAL, GARBAGE, MISSING, OCR_LAYER, assess_text, measure, page_ranges

DUTCH = (
    "Met deze nota legt de directie u de Kamerbrief over het programma schone lucht voor. "
    "U wordt geadviseerd in te stemmen met de brief en deze aan de Tweede Kamer te sturen. "
    "Het programma richt zich op het terugdringen van de uitstoot van fijnstof in steden en op "
    "het ondersteunen van gemeenten bij het invoeren van milieuzones."
)


@pytest.fixture(scope="module")
def scan_dir(tmp_path_factory, make_fixtures_module):
    outdir = tmp_path_factory.mktemp("scan-fixtures")
    make_fixtures_module.make_image_fixtures(outdir)
    return outdir


def _pdf(pages: list[dict]) -> bytes:
    """A small PDF: each page draws `lines` of text, optionally over a full-page `image`."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    for page in pages:
        if page.get("image"):
            c.drawImage(ImageReader(Image.new("L", (60, 85), 235)), 0, 0, width=A4[0], height=A4[1])
        c.setFont("Helvetica", 10)
        y = 780
        for line in page.get("lines", ()):
            c.drawString(72, y, line)
            y -= 14
        c.showPage()
    c.save()
    return buf.getvalue()


def _wrap(text: str, width: int = 80) -> list[str]:
    out, cur = [], ""
    for word in text.split():
        if len(cur) + len(word) + 1 > width:
            out.append(cur)
            cur = word
        else:
            cur = f"{cur} {word}".strip()
    return out + [cur]


def _caesar(text: str, k: int = 3) -> str:
    return "".join(chr((ord(c) - 97 + k) % 26 + 97) if "a" <= c <= "z" else c for c in text)


# --- the verdict on text ----------------------------------------------------------


def test_clean_dutch_text_is_digital():
    q = assess_text(DUTCH)
    assert q.status == DIGITAL and q.usable
    assert q.letter_ratio > 0.8 and q.known_ratio > 0.2


def test_noisy_ocr_text_stays_usable():
    noisy = ("Ministerie van Volksgezondheid, Welzijn en Sport 5.1.2e 512e1 Dalum 15 september 2O20 "
             "In het kader van Corona is besloten om persoonlijke beschermingsmiddelen (PBM) beschikbaar "
             "te stellen azn mantelzorgers, o e * eo Paging 1 van 1")
    assert assess_text(noisy).usable


@pytest.mark.parametrize("text, why", [
    (" ".join("(cid:%d)" % n for n in range(3, 80)), "unmapped glyphs"),
    (_caesar(DUTCH), "unlike Dutch"),
    (" ".join(random.Random(3).choice(["|", "/", "~", "ll", "i!", "—", "'.", ",;", "1l", "rn"]) for _ in range(200)),
     "word-like"),
    ("".join(chr(0xF000 + ord(c) % 200) if c.isalpha() else c for c in DUTCH), "letters"),
])
def test_garbage_is_not_usable(text, why):
    q = assess_text(text)
    assert q.status == GARBAGE and not q.usable, q
    assert why in q.reason


def test_empty_or_tiny_text_is_missing():
    assert assess_text("").status == MISSING
    assert assess_text(["5.1.2e", "3"]).status == MISSING
    assert "scanned page" in assess_text("", image_coverage=1.0).reason


def test_scanned_page_with_text_is_an_ocr_layer():
    q = assess_text(DUTCH, image_coverage=0.97)
    assert q.status == OCR_LAYER and q.usable


def test_short_text_is_not_judged_by_ratios():
    assert assess_text("Kenmerk 2024-0001234 Datum 12-03-2024 Bijlage(n) 2").usable


def test_measure_counts_cid_glyphs_as_tokens():
    m = measure("Nota (cid:3)(cid:4) aan")
    assert m["tokens"] == 4 and m["cid_ratio"] == 0.5


def test_page_ranges():
    assert page_ranges([5, 1, 2, 3]) == "1-3, 5"
    assert page_ranges([]) == ""


# --- the verdict on PDF pages -----------------------------------------------------


@pytest.mark.parametrize("stem", ["beslisnota-twee-paginas", "brief-adresblok"])
def test_born_digital_fixture_pages_are_usable(fixtures_dir, stem):
    verdicts = assess_pdf((fixtures_dir / f"{stem}.pdf").read_bytes())
    assert verdicts and all(q.status == DIGITAL for q in verdicts), verdicts


def test_image_only_fixture_page_has_no_text_layer(scan_dir):
    (q,) = assess_pdf((scan_dir / "beslisnota-scan.pdf").read_bytes())
    assert q.status == MISSING and q.image_coverage > 0.95


def test_garbage_text_layer_page(tmp_path):
    data = _pdf([{"lines": _wrap(DUTCH * 2)}, {"lines": _wrap(_caesar(DUTCH) * 2)}])
    good, bad = assess_pdf(data)
    assert good.status == DIGITAL
    assert bad.status == GARBAGE and "unlike Dutch" in bad.reason


def test_text_over_a_page_image_is_an_ocr_layer():
    (q,) = assess_pdf(_pdf([{"lines": _wrap(DUTCH * 2), "image": True}]))
    assert q.status == OCR_LAYER and q.image_coverage > 0.95


def test_ocr_layer_pages_are_marked_and_noted():
    layout = read_pdf(_pdf([{"lines": _wrap(DUTCH * 2), "image": True}]), ocr="never")
    assert layout.pages[0].ocr
    assert any("OCR layer" in n for n in layout.notes)


def test_garbage_page_with_ocr_off_is_kept_and_noted():
    layout = read_pdf(_pdf([{"lines": _wrap(DUTCH * 2)}, {"lines": _wrap(_caesar(DUTCH) * 2)}]), ocr="never")
    assert layout.pages[1].lines and not layout.pages[1].ocr
    assert any(n.startswith("page 2: unusable text layer") for n in layout.notes)


def test_ocr_never_on_an_image_only_pdf_raises_no_text_layer(scan_dir):
    with pytest.raises(NoTextLayer, match="OCR is off"):
        read_note(scan_dir / "beslisnota-scan.pdf", ReadLimits(ocr="never"))


def test_unknown_ocr_mode_is_an_invalid_setting():
    from kenmerk.extract.errors import InvalidSetting

    with pytest.raises(InvalidSetting, match="unknown OCR mode"):
        ReadLimits(ocr="sometimes")


# --- without Tesseract ------------------------------------------------------------


@pytest.fixture
def no_tesseract(monkeypatch):
    monkeypatch.setattr(pdf_module, "find_tesseract", lambda: None)


def test_without_tesseract_an_image_only_pdf_says_how_to_install_it(no_tesseract, scan_dir):
    with pytest.raises(NoTextLayer) as err:
        read_note(scan_dir / "beslisnota-scan.pdf")
    message = str(err.value)
    assert "beslisnota-scan.pdf" in message and "\n" not in message
    assert "tesseract is not installed" in message
    assert "apt-get install tesseract-ocr tesseract-ocr-nld" in message


def test_without_tesseract_a_mixed_pdf_warns_once_and_extracts_the_rest(no_tesseract, scan_dir, caplog):
    from PIL import Image

    scan = Image.new("L", (60, 85), 255)
    buf = io.BytesIO()
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    c.setFont("Helvetica", 10)
    for i, line in enumerate(["Nota", "Datum 12 maart 2024", "Ons kenmerk 2024-0001234"] + _wrap(DUTCH)):
        c.drawString(72, 780 - 14 * i, line)
    c.showPage()
    c.drawImage(ImageReader(scan), 0, 0, width=A4[0], height=A4[1])
    c.showPage()
    c.save()
    path = scan_dir / "mixed.pdf"
    path.write_bytes(buf.getvalue())
    with caplog.at_level(logging.WARNING, logger="kenmerk.extract.ocr"):
        note = read_note(path)
    assert note.kenmerk == "2024-0001234"
    warned = [w for w in note.warnings if "tesseract is not installed" in w]
    assert len(warned) == 1 and "page(s) 2 " in warned[0]
    records = [r for r in caplog.records if r.name == "kenmerk.extract.ocr"]
    assert len(records) == 1 and "mixed.pdf" in records[0].getMessage()


def test_without_tesseract_ocr_always_is_an_ocr_error(no_tesseract, fixtures_dir):
    from kenmerk.extract.errors import OcrError

    with pytest.raises(OcrError, match="tesseract is not installed"):
        read_note(fixtures_dir / "brief-adresblok.pdf", ReadLimits(ocr="always"))


# --- the shared corpus: born-digital pages are never flagged -----------------------


def _provenance_layers(provenance) -> dict[str, str]:
    """File name → the "text layer" cell of PROVENANCE.md's document table."""
    layers, header = {}, None
    for line in provenance.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.lstrip().startswith("|"):
            header = None
        elif header is None:
            header = [c.lower() for c in cells] if "text layer" in (c.lower() for c in cells) else None
        elif len(cells) == len(header) and not all(set(c) <= set("-: ") for c in cells):
            row = dict(zip(header, cells, strict=False))
            layers[row["file"].strip("`")] = row["text layer"].lower()
    return layers


def _assess_path(path) -> list:
    return assess_pdf(path.read_bytes(), name=path.name, max_pages=1)


def test_corpus_text_layers_match_provenance(corpus_dir):
    """Every born-digital first page is `digital`, OCR layers `ocr-layer`, scans `missing`."""
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    layers = _provenance_layers(corpus_dir / "PROVENANCE.md")
    paths = sorted((corpus_dir / "raw").glob("*.pdf"))
    if "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1:
        with ProcessPoolExecutor(max_workers=min(4, os.cpu_count() or 1),
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            all_verdicts = list(pool.map(_assess_path, paths, chunksize=4))
    else:
        all_verdicts = [_assess_path(p) for p in paths]
    wrong, counts = [], {"yes": 0, "ocr": 0, "no": 0}
    for path, verdicts in zip(paths, all_verdicts, strict=False):
        layer = layers.get(path.name, "")
        statuses = {q.status for q in verdicts}
        seen = [(q.status, q.reason) for q in verdicts]
        if layer.startswith("yes"):
            counts["yes"] += 1
            if statuses != {DIGITAL}:
                wrong.append(f"{path.name}: born-digital but {seen}")
        elif layer.startswith("ocr"):
            counts["ocr"] += 1
            if OCR_LAYER not in statuses or not statuses <= {OCR_LAYER, MISSING}:
                wrong.append(f"{path.name}: OCR layer but {seen}")
        elif layer.startswith("no"):
            counts["no"] += 1
            if statuses != {MISSING}:
                wrong.append(f"{path.name}: image-only but {seen}")
    assert not wrong, "\n".join(wrong)
    assert counts["yes"] >= 20 and counts["ocr"] >= 20 and counts["no"] >= 1, counts


def test_cli_ocr_never_reports_the_scan_on_one_line(scan_dir):
    import subprocess
    import sys

    proc = subprocess.run([sys.executable, "-m", "kenmerk.output.cli", "extract", "--ocr", "never",
                           str(scan_dir / "beslisnota-scan.pdf")], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and not proc.stdout
    lines = [ln for ln in proc.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "beslisnota-scan.pdf" in lines[0] and "OCR is off" in lines[0]
