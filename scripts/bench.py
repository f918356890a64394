#!/usr/bin/env python3
"""Benchmarks of batch extraction: the ratios, each measured in the same run, with machine and versions.

    python scripts/bench.py                 # all five
    python scripts/bench.py --only readers --only overhead --profile
    python scripts/bench.py --quick         # smaller sets (memory: 50 vs 500 notes)

0. **readers**: the two PDF readers side by side on the corpus's born-digital PDFs, measured in
   turn (interleaved, best of `--repeat`): `pdftotext -layout` one process per file (poppler,
   when installed), `kenmerk extract FILES --format jsonl --jobs 1 --ocr never` with each reader
   (`--pdf-reader pdfium`, the default, and `pdfminer`; a new process, start-up included), each
   reader's layout alone in one process (`read_pages`: pages/s), and bare pdfminer.six
   `extract_pages`. Target: the default reader's `kenmerk extract` ≤ 3× `pdftotext -layout`.
1. **overhead**: end-to-end extraction with the pdfminer reader (read, hash, lay out with
   pdfminer.six, every field extractor, validate, JSON) of the same PDFs in one process, against
   bare pdfminer.six `extract_pages` with default `LAParams` over the same files in one process.
   Target ≤ 1.10×. Also shown: bare pdfminer with `LAParams(all_texts=True)`.
2. **jobs**: `--jobs 2` against `--jobs 1` on the same documents (worker start-up
   included): 160 generated notes, which take about the same time each; the median of 7 interleaved pairs. (On the corpus
   one 22-page PDF takes over two thirds of the time, so no schedule of two workers can
   halve it.) Target ≥ 1.7× on two cores (issue 14's bar).
3. **memory**: peak resident memory of the main process for 100 and for 1,000 generated
   notes (`kenmerk extract FOLDER -o FILE`, each in a fresh process). Target ≤ 1.2×.
4. **cache**: documents/s and pages/s without a cache, with an empty cache (filling it) and
   with a warm cache (every document unchanged).

The corpus is `../shared/corpus/raw` (born-digital PDFs as listed in PROVENANCE.md); without
it, generated fixture notes are used. `--profile` prints the top 20 functions (cProfile,
cumulative and own time) of the in-process extraction.
"""
from __future__ import annotations

import argparse
import cProfile
import importlib.metadata as md
import io
import json
import os
import platform
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kenmerk.extract.pdf_readers import PdfReader

from benchinfo import cpu_model  # scripts/benchinfo.py

REPO_ROOT = Path(__file__).resolve().parent.parent
CORPUS = (REPO_ROOT / ".." / "shared" / "corpus").resolve()
#: --jobs 2 against --jobs 1 on two cores: at least this speed-up (issue 14)
JOBS_TARGET = 1.7


# -- the machine ---------------------------------------------------------------------------------


def machine() -> str:
    cpu = cpu_model()
    try:
        found = re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())
        mem_text = f", {int(found.group(1)) // 1024 / 1024:.1f} GiB RAM" if found else ""
    except OSError:
        mem_text = ""
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    load = ""
    if hasattr(os, "getloadavg"):
        load = ", load average %.2f %.2f %.2f" % os.getloadavg()
    versions = ", ".join(f"{name} {_version(name)}" for name in ("kenmerk", "pdfminer.six", "pypdfium2", "pydantic",
                                                                  "tqdm"))
    return (f"machine: {cpu}, {cores} CPU(s) available{mem_text}{load}\n"
            f"python {platform.python_version()} ({platform.python_implementation()}), {platform.platform()}\n"
            f"{versions}")


def _version(name: str) -> str:
    try:
        return md.version(name)
    except md.PackageNotFoundError:
        return "-"


# -- the document sets ---------------------------------------------------------------------------


def corpus_pdfs() -> list[Path]:
    """The born-digital PDFs of the shared corpus (PROVENANCE.md: text layer `yes`)."""
    provenance = CORPUS / "PROVENANCE.md"
    if not provenance.exists():
        return []
    names = []
    for line in provenance.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.split("|")]
        if len(cells) > 6 and cells[1].startswith("`") and cells[5].lower().startswith("yes"):
            names.append(cells[1].strip("`"))
    return [CORPUS / "raw" / n for n in names if (CORPUS / "raw" / n).exists()]


def _make_fixtures():
    sys.path.insert(0, str(REPO_ROOT / "tests"))
    from conftest import load_make_fixtures  # type: ignore[import-not-found]  # tests/, put on sys.path above

    return load_make_fixtures()


def generated_notes(folder: Path, n: int) -> list[Path]:
    """n distinct two-page beslisnota PDFs (kenmerk, date and title vary)."""
    import dataclasses
    import datetime as dt

    mf = _make_fixtures()
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        spec = dataclasses.replace(
            mf.BESLISNOTA, name=f"nota-{i:05d}", kenmerk=f"IENW/BSK-2025/{10000 + i}",
            date=mf.BESLISNOTA.date + dt.timedelta(days=i % 300),
            deadline=mf.BESLISNOTA.deadline + dt.timedelta(days=i % 300), title=f"{mf.BESLISNOTA.title} {i}")
        path = folder / f"nota-{i:05d}.pdf"
        if not path.exists():
            path.write_bytes(mf.beslisnota_pdf(spec))
        paths.append(path)
    return paths


def document_set(workdir: Path) -> tuple[str, list[Path]]:
    pdfs = corpus_pdfs()
    if pdfs:
        return f"{len(pdfs)} born-digital PDFs of the shared corpus", pdfs
    return "20 generated fixture notes (no shared corpus)", generated_notes(workdir / "fixtures", 20)


def page_count(paths: list[Path]) -> int:
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser

    total = 0
    for path in paths:
        with open(path, "rb") as fh:
            total += sum(1 for _ in PDFPage.create_pages(PDFDocument(PDFParser(fh))))
    return total


# -- 1. overhead ---------------------------------------------------------------------------------


def bare_pdfminer(paths: list[Path], laparams) -> None:
    from pdfminer.high_level import extract_pages

    for path in paths:
        for _ in extract_pages(path, laparams=laparams):
            pass


def kenmerk_in_process(paths: list[Path], reader: PdfReader = "pdfminer") -> int:
    from kenmerk.extract import ReadLimits
    from kenmerk.output.batch import BatchOptions, run_batch
    from kenmerk.output.inputs import gather

    ok = 0
    options = BatchOptions(jobs=0, ordered=True, limits=ReadLimits(pdf_reader=reader))
    for result in run_batch(gather(paths), options):
        ok += result.ok
        _ = result.note_json  # the JSON line `kenmerk extract` prints
    return ok


def best_of(fn, repeat: int, clock=time.perf_counter) -> float:
    times = []
    for _ in range(repeat):
        start = clock()
        fn()
        times.append(clock() - start)
    return min(times)


def bench_overhead(paths: list[Path], repeat: int) -> None:
    import logging

    from pdfminer.layout import LAParams

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages = page_count(paths)
    kenmerk_in_process(paths[:2])  # imports, warm caches
    bare_pdfminer(paths[:2], LAParams())
    variants = {
        "bare": lambda p: bare_pdfminer([p], LAParams()),
        "all_texts": lambda p: bare_pdfminer([p], LAParams(all_texts=True)),
        "kenmerk": lambda p: kenmerk_in_process([p]),
    }
    # per document, the three one after the other, so that a change in machine load hits them alike
    best = {name: [float("inf")] * len(paths) for name in variants}
    for _ in range(repeat):
        for i, path in enumerate(paths):
            for name, fn in variants.items():
                # CPU time of this process: all three run here, and other jobs on the machine count less
                best[name][i] = min(best[name][i], best_of(lambda fn=fn, path=path: fn(path), 1, time.process_time))
    bare, all_texts, ours = (sum(best[name]) for name in variants)
    print(f"\n1. overhead: {len(paths)} PDFs, {pages} pages, in one process; CPU seconds, best of {repeat} "
          f"per document")
    print(f"   bare pdfminer.six extract_pages, default LAParams         {bare:7.2f} s  {pages / bare:6.1f} pages/s")
    print(f"   bare pdfminer.six extract_pages, LAParams(all_texts=True) {all_texts:7.2f} s  "
          f"{pages / all_texts:6.1f} pages/s  ({all_texts / bare:.2f}x default)")
    print(f"   kenmerk end to end, pdfminer reader (read, layout, fields, validate, JSON) {ours:7.2f} s  "
          f"{pages / ours:6.1f} pages/s")
    ratio = ours / bare
    verdict = "OK" if ratio <= 1.10 else "ABOVE TARGET"
    print(f"   ratio kenmerk / bare pdfminer = {ratio:.2f}x (target <= 1.10x: {verdict}); "
          f"kenmerk / pdfminer with all_texts = {ours / all_texts:.2f}x")
    ratios = sorted(o / b for b, o in zip(best["bare"], best["kenmerk"], strict=False))
    slowest = max(range(len(paths)), key=lambda i: best["bare"][i])
    rest_bare = bare - best["bare"][slowest]
    rest_ours = ours - best["kenmerk"][slowest]
    print(f"   per document: median {statistics.median(ratios):.2f}x (range {ratios[0]:.2f}-{ratios[-1]:.2f}); "
          f"the slowest document ({paths[slowest].name}, {best['bare'][slowest]:.1f} s bare) "
          f"{best['kenmerk'][slowest] / best['bare'][slowest]:.2f}x, all others together "
          f"{rest_ours / rest_bare:.2f}x")


def _timed(argv: list[str]) -> tuple[float, float]:
    """Seconds the command takes by the clock and in CPU (user and system, its own processes); a command that
    fails stops the benchmark (its time would mean nothing)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def pdftotext_layout(paths: list[Path]) -> tuple[float, float]:
    """Seconds (clock, CPU) for `pdftotext -layout` over the files, one process per file."""
    times = [_timed(["pdftotext", "-layout", str(path), "-"]) for path in paths]
    return sum(t[0] for t in times), sum(t[1] for t in times)


def kenmerk_command(paths: list[Path], reader: str, workdir: Path) -> tuple[float, float]:
    """Seconds (clock, CPU) for `kenmerk extract FILES --format jsonl --jobs 1 --ocr never` in a new process."""
    out = workdir / f"readers-{reader}.jsonl"
    argv = [sys.executable, "-m", "kenmerk.output.cli", "extract", *map(str, paths), "--format", "jsonl",
            "--jobs", "1", "--ocr", "never", "--pdf-reader", reader, "-q", "-o", str(out)]
    seconds = _timed(argv)
    written = sum(1 for _ in out.open(encoding="utf-8")) if out.exists() else 0
    if written != len(paths):
        print(f"   (kenmerk --pdf-reader {reader} wrote {written} of {len(paths)} notes)")
    return seconds


def layout_only(paths: list[Path], reader: PdfReader) -> float:
    """CPU seconds of one reader's `read_pages` over the files in this process (no OCR, no fields)."""
    import importlib

    from kenmerk.extract.pdf_readers import READERS

    read_pages = importlib.import_module(READERS[reader]).read_pages
    data = [(path.name, path.read_bytes()) for path in paths]
    start = time.process_time()
    for name, content in data:
        read_pages(content, name, None, lambda scan, total: None)
    return time.process_time() - start


def bench_readers(paths: list[Path], repeat: int, workdir: Path) -> None:
    """The readers beside poppler and bare pdfminer.six, measured in turn (best of `repeat` each)."""
    import logging

    from pdfminer.layout import LAParams

    from kenmerk.extract.pdf_readers import DEFAULT_READER, PDF_READERS

    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    pages = page_count(paths)
    poppler = shutil.which("pdftotext") is not None
    layout_only(paths[:2], "pdfium")
    layout_only(paths[:2], "pdfminer")
    best: dict[str, float] = {}
    cpu: dict[str, float] = {}

    def keep(name: str, seconds: float) -> None:
        best[name] = min(best.get(name, float("inf")), seconds)

    def keep_both(name: str, times: tuple[float, float]) -> None:
        keep(name, times[0])
        cpu[name] = min(cpu.get(name, float("inf")), times[1])

    for turn in range(repeat):
        if poppler:
            keep_both("pdftotext", pdftotext_layout(paths))
        keep_both(f"command {DEFAULT_READER}", kenmerk_command(paths, DEFAULT_READER, workdir))
        for reader in PDF_READERS:
            keep(f"layout {reader}", layout_only(paths, reader))
        if turn == 0:  # slow: once
            other = [r for r in PDF_READERS if r != DEFAULT_READER]
            for reader in other:
                keep_both(f"command {reader}", kenmerk_command(paths, reader, workdir))
            start = time.process_time()
            bare_pdfminer(paths, LAParams())
            keep("bare pdfminer", time.process_time() - start)
    base = best.get("pdftotext")
    bare = best["bare pdfminer"]
    print(f"\n0. readers: {len(paths)} PDFs, {pages} pages; measured in turn, best of {repeat} "
          f"(the pdfminer command and bare pdfminer once)")
    print(f"   {'what':62s} {'seconds':>8s} {'pages/s':>8s} {'/ pdftotext':>12s} {'/ bare pdfminer':>16s}")
    rows = [("pdftotext", "pdftotext -layout, one process per file (poppler)")]
    rows += [(f"command {r}", f"kenmerk extract --jobs 1 --ocr never --pdf-reader {r}") for r in PDF_READERS]
    rows += [(f"layout {r}", f"{r} reader, layout only, in one process (CPU)") for r in PDF_READERS]
    rows += [("bare pdfminer", "bare pdfminer.six extract_pages, default LAParams (CPU)")]
    for key, label in rows:
        if key not in best:
            continue
        seconds = best[key]
        to_poppler = f"{seconds / base:11.2f}x" if base else f"{'-':>12s}"
        print(f"   {label:62s} {seconds:8.2f} {pages / seconds:8.1f} {to_poppler} {seconds / bare:15.2f}x")
    if base:
        ratio = best[f"command {DEFAULT_READER}"] / base
        verdict = "OK" if ratio <= 3.0 else "ABOVE TARGET"
        print(f"   kenmerk extract ({DEFAULT_READER}, the default) / pdftotext -layout = {ratio:.2f}x "
              f"(target <= 3x: {verdict}; load average now {os.getloadavg()[0]:.2f})")
        command = f"command {DEFAULT_READER}"
        print(f"   in CPU seconds (user + system of the processes, which load on the machine does not inflate): "
              f"kenmerk {cpu[command]:.2f} s / pdftotext {cpu['pdftotext']:.2f} s = "
              f"{cpu[command] / cpu['pdftotext']:.2f}x")
    else:
        print("   (pdftotext not installed: no poppler baseline)")


def profile(paths: list[Path]) -> None:
    kenmerk_in_process(paths[:2])
    profiler = cProfile.Profile()
    profiler.enable()
    kenmerk_in_process(paths)
    profiler.disable()
    for key in ("cumulative", "tottime"):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs().sort_stats(key)
        stats.print_stats(20)
        print(f"\nprofile: top 20 by {key}")
        print("\n".join(line for line in out.getvalue().splitlines()[4:] if line.strip()))


# -- 2. jobs -------------------------------------------------------------------------------------


def run_pool(paths: list[Path], jobs: int, cache: str | None = None) -> tuple[float, int, int]:
    """(seconds, documents, pages) of one batch through the worker pool, start-up included."""
    from kenmerk.output.batch import BatchOptions, run_batch
    from kenmerk.output.inputs import gather

    start = time.perf_counter()
    docs = pages = 0
    for result in run_batch(gather(paths), BatchOptions(jobs=jobs, cache_dir=cache, timeout=0)):
        if not result.ok:
            print(f"   (failed: {result.line})")
        docs += 1
        pages += result.pages
    return time.perf_counter() - start, docs, pages


def _children_cpu() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


_BUSY_LOOP = "x = 0\nfor i in range(12_000_000):\n    x += i * i % 7\n"


def machine_ceiling() -> float:
    """How much faster two independent busy loops finish than one after the other: what two
    cores of this machine give right now (a shared host gives less than 2)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", _BUSY_LOOP], check=True)
    one = time.perf_counter() - start
    start = time.perf_counter()
    procs = [subprocess.Popen([sys.executable, "-c", _BUSY_LOOP]) for _ in range(2)]
    for proc in procs:
        proc.wait()
    return 2 * one / (time.perf_counter() - start)


def bench_jobs(work: list[Path], repeat: int) -> None:
    """Interleaved pairs of --jobs 1 and --jobs 2, each next to a measure of the machine's own
    ceiling: the CPU speed of a shared host drifts by ten per cent over minutes, so the verdict
    is on the median of the pairs' ratios."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    pairs: list[tuple[float, float, float, float]] = []
    ceilings: list[float] = []
    for _ in range(repeat):
        ceilings.append(machine_ceiling())
        row: list[float] = []
        for jobs in (1, 2):
            cpu = _children_cpu()
            seconds = run_pool(work, jobs)[0]
            row += [seconds, (_children_cpu() - cpu) / seconds]  # cores the workers kept busy on average
        pairs.append((row[0], row[1], row[2], row[3]))
    ratios = sorted(t1 / t2 for t1, _, t2, _ in pairs)
    ratio = statistics.median(ratios)
    ceiling = statistics.median(ceilings)
    t1, u1, t2, u2 = min(pairs, key=lambda row: abs(row[0] / row[2] - ratio))
    verdict = "OK" if ratio >= JOBS_TARGET else "BELOW TARGET"
    print(f"\n2. jobs: {len(work)} generated notes, worker start-up included ({repeat} interleaved pairs)")
    print(f"   --jobs 1 {t1:6.2f} s (workers kept {u1:.2f} cores busy)   "
          f"--jobs 2 {t2:6.2f} s (workers kept {u2:.2f} cores busy)   (the median pair)")
    print(f"   pairs: {', '.join(f'{r:.2f}x' for r in ratios)}")
    print(f"   machine ceiling, two busy loops at once vs one after the other: median {ceiling:.2f}x "
          f"({', '.join(f'{c:.2f}x' for c in sorted(ceilings))})")
    print(f"   speed-up --jobs 2 / --jobs 1 = {ratio:.2f}x, median (target >= {JOBS_TARGET}x on two cores: {verdict}; "
          f"{ratio / ceiling:.0%} of what this machine gave two busy loops; {cores} CPU(s) here; "
          f"load average now {os.getloadavg()[0]:.2f})")


# -- 3. memory -----------------------------------------------------------------------------------

_MEMORY_PROBE = r"""
import json, resource, sys
from kenmerk.output.cli import main
code = main(["extract", sys.argv[1], "-o", sys.argv[2], "-q", "--jobs", sys.argv[3]])
print(json.dumps({"code": code, "main_kib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "worker_kib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}))
"""


def peak_memory(folder: Path, jobs: int, workdir: Path) -> dict:
    out = workdir / f"{folder.name}.jsonl"
    proc = subprocess.run([sys.executable, "-c", _MEMORY_PROBE, str(folder), str(out), str(jobs)],
                          capture_output=True, text=True, check=True)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["notes"] = sum(1 for _ in out.open(encoding="utf-8"))
    return result


def bench_memory(workdir: Path, small: int, large: int, jobs: int) -> None:
    start = time.perf_counter()
    all_notes = generated_notes(workdir / "notes-pool", large)
    for n in (small, large):
        folder = workdir / f"notes-{n}"
        if not folder.exists():
            folder.mkdir()
            for path in all_notes[:n]:
                os.link(path, folder / path.name)
    made = time.perf_counter() - start
    a = peak_memory(workdir / f"notes-{small}", jobs, workdir)
    b = peak_memory(workdir / f"notes-{large}", jobs, workdir)
    ratio = b["main_kib"] / a["main_kib"]
    verdict = "OK" if ratio <= 1.2 else "ABOVE TARGET"
    print(f"\n3. memory: peak resident memory of the main process, {jobs} workers "
          f"(notes generated in {made:.0f} s)")
    print(f"   {small:5d} notes: main {a['main_kib'] / 1024:6.1f} MiB, largest worker {a['worker_kib'] / 1024:6.1f} MiB"
          f" ({a['notes']} notes written)")
    print(f"   {large:5d} notes: main {b['main_kib'] / 1024:6.1f} MiB, largest worker {b['worker_kib'] / 1024:6.1f} MiB"
          f" ({b['notes']} notes written)")
    print(f"   ratio {large} / {small} = {ratio:.2f}x (target <= 1.2x: {verdict}); workers "
          f"{b['worker_kib'] / a['worker_kib']:.2f}x")


# -- 4. cache ------------------------------------------------------------------------------------


def bench_cache(paths: list[Path], workdir: Path, jobs: int) -> None:
    cache = workdir / "cache"
    shutil.rmtree(cache, ignore_errors=True)
    rows = []
    run_pool(paths[:4], jobs)  # warm the file system cache, so that the first row pays no extra
    for label, cache_dir in (("no cache", None), ("empty cache (filling it)", str(cache)),
                             ("warm cache (all unchanged)", str(cache))):
        seconds, docs, pages = run_pool(paths, jobs, cache_dir)
        rows.append((label, seconds, docs, pages))
    print(f"\n4. cache: {len(paths)} documents, --jobs {jobs} (worker start-up included)")
    for label, seconds, docs, pages in rows:
        print(f"   {label:28s} {seconds:6.2f} s  {docs / seconds:7.1f} documents/s  {pages / seconds:8.1f} pages/s")
    print(f"   warm cache / no cache = {rows[0][1] / rows[2][1]:.1f}x faster; "
          f"filling the cache costs {rows[1][1] / rows[0][1]:.2f}x")


def compile_kenmerk() -> str:
    """Byte-compile kenmerk's modules, as `pip install` does: the commands timed here then start as an
    installed kenmerk does (an editable install compiles them on first use, but not where
    PYTHONDONTWRITEBYTECODE is set, and then every process compiles them again)."""
    import compileall
    import importlib

    folders = [Path(importlib.import_module(f"kenmerk.{name}").__path__[0]) for name in ("extract", "vocab", "output")]
    ok = all(compileall.compile_dir(folder, quiet=1) for folder in folders)
    return f"bytecode: kenmerk's modules compiled first, as pip install does ({'ok' if ok else 'FAILED'})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", choices=("readers", "overhead", "jobs", "memory", "cache"), action="append")
    parser.add_argument("--profile", action="store_true", help="cProfile top 20 of the in-process extraction")
    parser.add_argument("--quick", action="store_true", help="smaller sets and fewer repeats")
    parser.add_argument("--repeat", type=int, default=None, help="repeats per timing (best is kept)")
    parser.add_argument("--workdir", type=Path, help="keep generated notes here between runs")
    args = parser.parse_args(argv)
    parts = args.only or ["readers", "overhead", "jobs", "memory", "cache"]
    repeat = args.repeat or (1 if args.quick else 2)
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="kenmerk-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(machine())
    print(compile_kenmerk())
    what, paths = document_set(workdir)
    print(f"documents: {what}")
    try:
        if "readers" in parts:
            bench_readers(paths, max(repeat, 1 if args.quick else 3), workdir)
        if "overhead" in parts:
            bench_overhead(paths, repeat)
        if args.profile:
            profile(paths)
        if "jobs" in parts:
            bench_jobs(generated_notes(workdir / "notes-pool", 40 if args.quick else 160), 1 if args.quick else 7)
        if "memory" in parts:
            small, large = (50, 500) if args.quick else (100, 1000)
            bench_memory(workdir, small, large, 2)
        if "cache" in parts:
            bench_cache(paths, workdir, 2)
    finally:
        if args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
