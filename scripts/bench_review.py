#!/usr/bin/env python3
"""Benchmark: `kenmerk review` of a batch, seconds per page and the `--jobs 2` speed-up.

    .venv/bin/python scripts/bench_review.py                 # 24 copies of the fixture PDFs and the Markdown sample
    .venv/bin/python scripts/bench_review.py --corpus -n 12  # the corpus's born-digital beslisnota's, repeated up to N
    .venv/bin/python scripts/bench_review.py --keep          # keep the reports and print where they are

Runs the command as a user does (`kenmerk review DIR -o OUT --cache C --no-progress`), one run after
the other on the same inputs: `--jobs 1` and `--jobs 2` with an empty cache each (extraction, page
images and pages in the workers), then `--jobs 2` again with the second run's cache (nothing extracted
again: pages only). Prints per run the wall-clock seconds, seconds per note page and per page image,
and the documents the run extracted (from its summary line); then the `--jobs 2` speed-up beside the
machine's ceiling: two cores at most, and what two processes of plain Python arithmetic gain over one
on this machine before and after the runs (other work on the machine lowers both). Each copy of an
input gets its own content hash (a comment after a PDF's end, spaces after a text), so every copy is
extracted. A benchmark, not a test.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS_RAW = REPO_ROOT.parent / "shared" / "corpus" / "raw"
SUMMARY = re.compile(r"kenmerk: done (\d+), failed (\d+), skipped (\d+)")
sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchinfo import cpu_model  # noqa: E402  scripts/benchinfo.py

#: the arithmetic that measures the ceiling: about 0.3 s of one core
SPIN = 3_000_000


def fixture_inputs(folder: Path) -> list[Path]:
    """The generated fixture notes (two born-digital PDFs) and the Markdown sample."""
    spec = importlib.util.spec_from_file_location("kenmerk_make_fixtures", REPO_ROOT / "scripts" / "make_fixtures.py")
    if spec is None or spec.loader is None:
        raise SystemExit("scripts/make_fixtures.py not found")
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
    """The corpus's born-digital beslisnota PDFs (no OCR: the run measures the report, not Tesseract)."""
    found = sorted(p for p in CORPUS_RAW.glob("*beslisnota*.pdf") if "_scan" not in p.name)
    if not found:
        sys.exit(f"bench_review: no corpus beslisnota's in {CORPUS_RAW}")
    return found


def spin(n: int) -> int:
    """Plain arithmetic for one core."""
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def ceiling() -> float:
    """What two processes gain over one on this machine now, for work that shares nothing."""
    t0 = time.perf_counter()
    for _ in range(4):
        spin(SPIN)
    one = time.perf_counter() - t0
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(spin, [10], chunksize=1))               # the processes started before the clock
        t0 = time.perf_counter()
        list(pool.map(spin, [SPIN] * 4, chunksize=1))
        two = time.perf_counter() - t0
    return one / two


def review(docs: Path, out: Path, cache: Path, jobs: int) -> tuple[float, int]:
    """One `kenmerk review` run; returns its seconds and the documents it extracted."""
    cmd = [sys.executable, "-m", "kenmerk.output.cli", "review", str(docs), "-o", str(out), "--cache", str(cache),
           "--jobs", str(jobs), "--no-progress", "--ocr", "never"]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    found = SUMMARY.search(proc.stderr)
    if proc.returncode != 0 or not found:
        sys.exit(f"bench_review: {' '.join(cmd[2:])} failed (exit {proc.returncode}):\n{proc.stderr}")
    return seconds, int(found.group(1))


def pages_of(out: Path) -> tuple[int, int]:
    """The report's note pages and the page images on them."""
    notes = sorted((out / "notes").glob("*.html"))
    images = sum(p.read_text(encoding="utf-8").count('src="data:image/png;base64,') for p in notes)
    return len(notes), images


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=24, help="number of documents (default 24)")
    ap.add_argument("--corpus", action="store_true", help="the corpus beslisnota's instead of the fixtures")
    ap.add_argument("--keep", action="store_true", help="keep the reports and print where they are")
    args = ap.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="kenmerk-bench-review-"))
    try:
        originals = corpus_inputs() if args.corpus else fixture_inputs(work)
        docs = work / "docs"
        docs.mkdir()
        for i in range(args.n):  # each copy its own content hash: the cache and the batch see n documents
            src = originals[i % len(originals)]
            tail = f"\n%kenmerk-bench {i}\n" if src.suffix == ".pdf" else "\n" + " " * (i + 1)
            (docs / f"{i:04d}-{src.name}").write_bytes(src.read_bytes() + tail.encode())
        print(f"machine          {cpu_model()}, {os.cpu_count()} cores")
        print(f"inputs           {args.n} documents from {'the corpus' if args.corpus else 'the fixtures'} "
              f"({', '.join(sorted({p.suffix for p in originals}))})")
        before = ceiling()
        runs = [("--jobs 1", 1, "c1"), ("--jobs 2", 2, "c2"), ("--jobs 2, cached", 2, "c2")]
        seconds: dict[str, float] = {}
        for name, jobs, cache in runs:
            out = work / f"report-{len(seconds)}"
            seconds[name], extracted = review(docs, out, work / cache, jobs)
            notes, images = pages_of(out)
            print(f"{name:17s}{seconds[name]:7.2f} s   {seconds[name] / notes:6.3f} s/note page   "
                  f"{seconds[name] / max(images, 1):6.3f} s/page image   "
                  f"({notes} note pages, {images} page images; extracted {extracted})")
            if args.keep:
                print(f"                 report: {out / 'index.html'}")
        speedup = seconds["--jobs 1"] / seconds["--jobs 2"]
        after = ceiling()
        print(f"speed-up --jobs 2 over --jobs 1: {speedup:.2f}x   ceiling: 2.00x on two cores; plain arithmetic in "
              f"two processes gained {before:.2f}x before the runs and {after:.2f}x after them")
        print(f"cached re-run / first --jobs 2 run: {seconds['--jobs 2, cached'] / seconds['--jobs 2']:.2f} "
              "(pages only, no extraction)")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
