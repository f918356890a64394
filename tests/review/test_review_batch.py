"""`kenmerk review` at batch scale: the bars of issue 17 (no folder of the machine in the report; a second run
with the same cache extracts nothing again), one page per note plus the index, a stopped run that leaves
nothing half-written, and personal data covered on the page images."""
from __future__ import annotations

import base64
import io
import os
import re
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from review_cases import PERSONAL_MAIL, held_input, opened_by  # noqa: E402 (same folder)

from kenmerk.output.cli import main
from kenmerk.output.inputs import DocumentSpec
from kenmerk.output.worker import WorkOptions, process_document

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLES = REPO_ROOT / "tests" / "samples"
CORPUS_PDFS = ("ienw_beslisnota_2022-11-29_impulsprogramma-chemische-stoffen.pdf",
               "ezk_beslisnota_2024-01-11_vierde-ronde-nationaal-groeifonds.pdf")
SUMMARY = re.compile(r"kenmerk: done (\d+), failed (\d+), skipped (\d+)")


def kenmerk(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kenmerk.output.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=300, **kw)


def _report_text(out: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in sorted(out.rglob("*")) if p.is_file())


def test_the_report_of_two_corpus_pdfs_names_no_folder_of_the_machine(corpus_dir, tmp_path):
    docs = tmp_path / "docs" / "2024"
    docs.mkdir(parents=True)
    for name in CORPUS_PDFS:
        shutil.copy(corpus_dir / "raw" / name, docs / name)
    (docs / "broken.pdf").write_bytes(b"%PDF-1.7\n garbage")
    out, cache = tmp_path / "out", tmp_path / "cache"
    proc = kenmerk("review", tmp_path / "docs", "-o", out, "--cache", cache, "--jobs", "2")
    assert proc.returncode == 1, proc.stderr                                    # the broken one
    text = _report_text(out)
    for folder in (tmp_path / "docs", docs, out, cache, tmp_path, Path.home(), Path.cwd()):
        assert str(folder) not in text and str(folder.resolve()) not in text, folder
    # inputs are named by their path inside the folder named on the command line
    assert f'data-file="2024/{CORPUS_PDFS[0]}"' in text and "2024/broken.pdf" in text
    assert sorted(p.name for p in (out / "notes").iterdir()) == \
        sorted(["2024-broken.html"] + [f"2024-{n[:-4].replace('_', '-')}.html" for n in CORPUS_PDFS])


def test_a_second_run_with_the_same_cache_extracts_nothing_again(tmp_path, fixtures_dir):
    docs = tmp_path / "docs"
    docs.mkdir()
    for name in ("beslisnota-twee-paginas.pdf", "brief-adresblok.pdf"):
        shutil.copy(fixtures_dir / name, docs / name)
    shutil.copy(SAMPLES / "beslisnota-opvang-oekraine-2025.md", docs)
    (docs / "empty.pdf").write_bytes(b"")
    out, cache, errors = tmp_path / "out", tmp_path / "cache", tmp_path / "errors.jsonl"
    first = kenmerk("review", docs, "-o", out, "--jobs", "2", "--cache", cache, "--errors", errors)
    assert first.returncode == 1 and "empty.pdf: " in first.stderr
    assert SUMMARY.search(first.stderr).groups() == ("3", "1", "0"), first.stderr
    pages = sorted(p.name for p in (out / "notes").iterdir())
    # one page per note (and one for the input that failed) plus the index, nothing else
    assert pages == ["beslisnota-opvang-oekraine-2025.html", "beslisnota-twee-paginas.html", "brief-adresblok.html",
                     "empty.html"]
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "notes"]
    assert '"path": "' in errors.read_text() and "empty.pdf" in errors.read_text()
    entries = {p: p.stat().st_mtime_ns for p in cache.rglob("*.json")}
    lines = sorted(len(p.read_text().splitlines()) for p in entries)   # a failure: 2 lines; a note: header, note, candidates
    assert lines == [2, 3, 3, 3]

    second = kenmerk("review", docs, "-o", out, "--jobs", "2", "--cache", cache)
    assert SUMMARY.search(second.stderr).groups() == ("0", "1", "3"), second.stderr
    assert "(3 unchanged, from the cache)" in second.stderr
    assert {p: p.stat().st_mtime_ns for p in cache.rglob("*.json")} == entries       # nothing written again
    assert sorted(p.name for p in (out / "notes").iterdir()) == pages
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('<a href="notes/') == 3 and "empty.pdf" in index


def test_a_cache_made_by_extract_is_completed_with_the_candidates(tmp_path, fixtures_dir):
    """`extract --cache` keeps notes without their candidates: review extracts those again, once."""
    cache = tmp_path / "cache"
    pdf = fixtures_dir / "brief-adresblok.pdf"
    assert kenmerk("extract", pdf, "--cache", cache, "--jobs", "0", "-o", tmp_path / "n.jsonl").returncode == 0
    for run, done in ((1, "1"), (2, "0")):
        proc = kenmerk("review", pdf, "-o", tmp_path / f"r{run}", "--cache", cache, "--lang", "nl")
        assert SUMMARY.search(proc.stderr).group(1) == done, proc.stderr
    # and the cached candidates are the ones shown: the page has the runners-up
    assert "ook overwogen" in (tmp_path / "r2" / "notes" / "brief-adresblok.html").read_text(encoding="utf-8")


def test_the_worker_keeps_the_candidates_in_the_cache_and_runs_the_hook(tmp_path, fixtures_dir):
    pdf = fixtures_dir / "beslisnota-twee-paginas.pdf"
    spec = DocumentSpec(str(pdf), "path", str(pdf))
    seen = []
    options = WorkOptions(cache_dir=str(tmp_path), explain=True, finish=lambda data, result: seen.append(
        (len(data), result.cached)) or "row")
    first = process_document(spec, options)
    again = process_document(spec, options)
    assert first.ok and not first.cached and again.cached
    assert first.explanation_json and again.explanation_json == first.explanation_json
    assert (first.extra, again.extra) == ("row", "row")
    assert seen == [(pdf.stat().st_size, False), (pdf.stat().st_size, True)]
    plain = process_document(spec, WorkOptions(cache_dir=str(tmp_path)))
    assert plain.cached and plain.extra is None
    # a hook that fails fails the document (stage finish), not the batch
    broken = process_document(spec, WorkOptions(cache_dir=str(tmp_path), explain=True, finish=lambda d, r: 1 / 0))
    assert broken.status == "failed" and broken.stage == "finish" and "ZeroDivisionError" in broken.message


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGKILL, -9)])
def test_a_stopped_run_leaves_the_earlier_report_and_nothing_half_written(tmp_path, fixtures_dir, signum, code):
    docs = tmp_path / "docs"
    docs.mkdir()
    shutil.copy(fixtures_dir / "brief-adresblok.pdf", docs / "a.pdf")
    out = tmp_path / "out"
    assert main(["review", str(docs), "-o", str(out), "-q", "--jobs", "0"]) == 0
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    shutil.copy(fixtures_dir / "beslisnota-twee-paginas.pdf", docs / "b.pdf")
    held = held_input(tmp_path / "hold")  # read last (the smallest): holds its worker until the run is stopped
    proc = subprocess.Popen([sys.executable, "-m", "kenmerk.output.cli", "review", str(docs), str(held), "-o",
                             str(out), "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    writer = opened_by(held, proc)
    staged = list(out.glob(".kenmerk-review-*/notes/*.html"))
    assert sorted(p.name for p in staged) == ["a.html", "b.html"]   # written by the worker, not yet in place
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    os.close(writer)
    assert proc.returncode == code and "Traceback" not in err
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file() and ".kenmerk-review-" not in str(p)}
    assert after == before                                          # the earlier report, untouched
    left = list(out.glob(".kenmerk-review-*"))
    assert left == [] if signum == signal.SIGTERM else len(left) == 1
    # the next run removes what a killed one left, and puts its own report in place
    assert main(["review", str(docs), "-o", str(out), "-q", "--jobs", "0"]) == 0
    assert list(out.glob(".kenmerk-review-*")) == []
    assert sorted(p.name for p in (out / "notes").iterdir()) == ["a.html", "b.html"]


def _mail_pdf(path: Path) -> tuple[float, float, float, float]:
    """A made-up e-mail as a born-digital PDF; returns the box (PDF points, y up) of the name in its 'To:' line."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("Helvetica", 11)
    y = 780.0
    name_box = None
    for line in PERSONAL_MAIL.splitlines():
        c.drawString(72, y, line)
        if line.startswith("To: "):
            x0 = 72 + stringWidth("To: ", "Helvetica", 11)
            name_box = (x0, y - 2, x0 + stringWidth("Pieter Jansen", "Helvetica", 11), y + 8)
        y -= 16
    c.showPage()
    c.save()
    return name_box


def _page_image(html: str):
    from PIL import Image

    data = re.search(r'src="data:image/png;base64,([^"]+)"', html).group(1)
    return Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB")


@pytest.mark.parametrize("keep", [False, True])
def test_personal_data_is_covered_on_the_page_images_unless_kept(tmp_path, keep):
    pdf = tmp_path / "mail.pdf"
    x0, y0, x1, y1 = _mail_pdf(pdf)
    out = tmp_path / "out"
    assert main(["review", str(pdf), "-o", str(out), "-q", "--lang", "nl",
                 *(["--keep-personal-data"] if keep else [])]) == 0
    html = (out / "notes" / "mail.html").read_text(encoding="utf-8")
    image = _page_image(html)
    scale = image.width / 595.2756
    height = image.height / scale
    region = image.crop((round(x0 * scale), round((height - y1) * scale), round(x1 * scale), round((height - y0) * scale)))
    colours = region.getcolors(maxcolors=100000)
    grey = sum(n for n, c in colours if c == (150, 150, 150)) / (region.width * region.height)
    dark = sum(n for n, c in colours if sum(c) < 200) / (region.width * region.height)
    if keep:
        assert grey < 0.02 and dark > 0.05 and "Pieter Jansen" in html       # antialiasing: a few greys
    else:
        assert grey > 0.95 and "grijs afgedekt" in html
        assert not [w for w in ("Annemiek", "Pieter", "Jansen", "Tamara") if w in html]
