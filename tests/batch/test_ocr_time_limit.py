"""The time limit per document bounds parsing, not OCR: each Tesseract call moves the deadline.

A three-page scan takes Tesseract several seconds; with `--timeout 2` it is still read,
in a worker process (`--jobs 1`), in the main process (`--jobs 0`) and on a Dask cluster,
while a parse that never ends is still stopped at 2 s (`test_failures.py`, `test_dask.py`).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from batch_helpers import jsonl, write

from kenmerk.extract.ocr import find_tesseract

needs_tesseract = pytest.mark.skipif(
    find_tesseract() is None or "nld" not in find_tesseract().languages,
    reason="tesseract with its Dutch model is not installed (apt-get install tesseract-ocr tesseract-ocr-nld)")

PAGES = 3
LIMIT = 2


def test_ocr_moves_the_limit_at_most_thirty_times_its_first_value():
    from kenmerk.output.worker import OCR_GRACE, OCR_STRETCH, extended_limit

    limit, used = 60.0, 5.0
    # a call of 120 s starting now: its own limit beyond what the document has used
    assert extended_limit(limit, limit, used, 120) == used + 120 + OCR_GRACE
    # never below the limit as it is
    assert extended_limit(limit, 500, used, 120) == 500
    # never past thirty times the first limit: a scan of a thousand pages still ends
    assert extended_limit(limit, limit, OCR_STRETCH * limit - 30, 120) == OCR_STRETCH * limit
    # no limit: nothing to move
    assert extended_limit(0, float("inf"), used, 120) == float("inf")


@pytest.fixture(scope="module")
def long_scan(make_fixtures_module) -> bytes:
    """The one-page image-only fixture note, its page three times over: a scan of three pages."""
    import io

    import pypdfium2 as pdfium

    one = pdfium.PdfDocument(make_fixtures_module.scan_pdf(make_fixtures_module.SCAN_NOTA))
    doc = pdfium.PdfDocument.new()
    for _ in range(PAGES):
        doc.import_pages(one, [0])
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


@needs_tesseract
@pytest.mark.parametrize("executor", ["--jobs 1", "--jobs 0", "--dask"])
def test_a_scan_longer_than_the_time_limit_is_read_by_ocr(request, tmp_path, long_scan, make_fixtures_module,
                                                          executor):
    folder = write(tmp_path / "in", {"scan.pdf": long_scan})
    if executor == "--dask":
        pytest.importorskip("distributed")
        where = [executor, request.getfixturevalue("cluster").scheduler_address]
    else:
        where = executor.split()
    env = {k: v for k, v in os.environ.items() if k != "KENMERK_CACHE"}  # no OCR cache: Tesseract runs
    proc = subprocess.run([sys.executable, "-m", "kenmerk.output.cli", "extract", str(folder), *where,
                           "--timeout", str(LIMIT), "--ocr", "always", "--errors", str(tmp_path / "errors.jsonl")],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 0, proc.stderr
    [note] = jsonl(proc.stdout)
    assert note["kenmerk"] == make_fixtures_module.SCAN_NOTA.kenmerk
    assert note["source"]["page_count"] == PAGES
    assert not (tmp_path / "errors.jsonl").read_text()
    # the time limit was really passed: reading the three pages took longer than it
    summary = re.search(r"done 1, failed 0, skipped 0; (\d+) pages in ([\d.]+) s", proc.stderr)
    assert summary, proc.stderr
    assert int(summary[1]) == PAGES and float(summary[2]) > LIMIT, summary[0]
