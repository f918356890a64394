#!/usr/bin/env python3
"""Benchmark: writing the review report of N notes vs extracting them (target: < 2x).

    .venv/bin/python scripts/bench_review.py                 # 100 copies of the fixture PDFs and the Markdown sample
    .venv/bin/python scripts/bench_review.py --corpus        # the corpus beslisnota's, repeated up to N
    .venv/bin/python scripts/bench_review.py -n 200 --scale 1.5

Both phases run in this process, one after the other, on the same inputs: first every
input is read and extracted (`read_bytes` and `extract_layout`, OCR off: the note with
every field's candidates, as `kenmerk review` does), then the report is written from
those extractions and the same bytes (`explain_for_review`: the candidates with their
boxes, scrubbed; `ReviewWriter.add`: page images rendered with one pypdfium2 document
per file, HTML with the runners-up, atomic writes) — the report never re-extracts.
Prints both times and their ratio; a benchmark, not a test.
"""
from __future__ import annotations

import argparse
import importlib.util
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_RAW = REPO_ROOT.parent / "shared" / "corpus" / "raw"


def fixture_inputs(folder: Path) -> list[Path]:
    """The generated fixture notes (two born-digital PDFs) and the Markdown sample."""
    spec = importlib.util.spec_from_file_location("kenmerk_make_fixtures", REPO_ROOT / "scripts" / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    made = folder / "made"
    made.mkdir()
    module.make_fixtures(made)
    inputs = [made / "beslisnota-twee-paginas.pdf", made / "brief-adresblok.pdf",
              REPO_ROOT / "tests" / "samples" / "beslisnota-opvang-oekraine-2025.md"]
    return [p for p in inputs if p.exists()]


def corpus_inputs() -> list[Path]:
    found = sorted(p for p in CORPUS_RAW.glob("*beslisnota*") if p.suffix in (".pdf", ".txt", ".md")
                   and "_scan" not in p.name)
    if not found:
        sys.exit(f"bench_review: no corpus beslisnota's in {CORPUS_RAW}")
    return found


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=100, help="number of notes (default 100)")
    ap.add_argument("--corpus", action="store_true", help="use the corpus beslisnota's instead of the fixtures")
    ap.add_argument("--scale", type=float, default=None, help="page image scale (default: the report's)")
    ap.add_argument("--keep", action="store_true", help="keep the report folder and print its path")
    args = ap.parse_args(argv)

    from kenmerk.extract import ReadLimits, read_bytes
    from kenmerk.extract.note import extract_layout
    from kenmerk.output.review_explain import explain_for_review
    from kenmerk.output.review_html import DEFAULT_SCALE, ReviewWriter

    scale = args.scale or DEFAULT_SCALE
    work = Path(tempfile.mkdtemp(prefix="kenmerk-bench-review-"))
    try:
        originals = corpus_inputs() if args.corpus else fixture_inputs(work)
        copies = work / "inputs"
        copies.mkdir()
        inputs = []
        for i in range(args.n):
            src = originals[i % len(originals)]
            dst = copies / f"{i:04d}-{src.name}"
            shutil.copyfile(src, dst)
            inputs.append(dst)
        limits = ReadLimits(ocr="never")

        t0 = time.perf_counter()
        extracted = []
        for path in inputs:
            data = path.read_bytes()
            extracted.append((extract_layout(*read_bytes(data, str(path), limits)), str(path), data))
        t_extract = time.perf_counter() - t0

        out = work / "report"
        t0 = time.perf_counter()
        with ReviewWriter(out, scale=scale) as writer:
            for extraction, label, data in extracted:
                writer.add(extraction.note, label, data, explain_for_review(extraction))
        t_report = time.perf_counter() - t0

        pages = sum(e.note.source.page_count or 0 for e, _, _ in extracted)
        size = sum(f.stat().st_size for f in out.rglob("*.html"))
        kinds = ", ".join(sorted({p.suffix for p in inputs}))
        print(f"inputs           {len(inputs)} notes ({kinds}; {pages} PDF pages) from "
              f"{'the corpus' if args.corpus else 'the fixtures'}")
        print(f"extract          {t_extract:8.2f} s   {t_extract / len(inputs) * 1000:7.1f} ms/note")
        print(f"write report     {t_report:8.2f} s   {t_report / len(inputs) * 1000:7.1f} ms/note"
              f"   (scale {scale}, {size / 1e6:.1f} MB of HTML)")
        ratio = t_report / t_extract
        print(f"ratio report/extract {ratio:.2f}  (target < 2.0: {'met' if ratio < 2 else 'NOT met'})")
        if args.keep:
            print(f"report: {out / 'index.html'}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
