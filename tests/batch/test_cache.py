"""--cache: unchanged documents are skipped, changed ones redone; a killed run resumes to the same output."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest
from batch_helpers import held_input, jsonl, kenmerk, opened_by, workers_of, write

from kenmerk.output.cache import ResultCache
from kenmerk.output.cache_folders import extractor_fingerprint


def _entries(cache) -> list:
    return [p for p in cache.rglob("*.json")]


def test_rerun_skips_unchanged_documents_and_redoes_changed_ones(tmp_path, good_documents, hostile):
    folder = write(tmp_path / "in", {**good_documents, "not-a-pdf.pdf": hostile["not-a-pdf.pdf"]})
    cache = tmp_path / "cache"
    first = kenmerk("extract", folder, "--cache", cache, "--ordered", "--jobs", "2")
    assert first.returncode == 1
    assert f"done {len(good_documents)}, failed 1, skipped 0;" in first.stderr
    assert len(_entries(cache)) == len(good_documents) + 1  # the failure is cached too

    again = kenmerk("extract", folder, "--cache", cache, "--ordered", "--jobs", "2")
    assert again.returncode == 1
    assert again.stdout == first.stdout
    n = len(good_documents)
    assert f"done 0, failed 1, skipped {n} ({n} unchanged, from the cache);" in again.stderr
    assert f"{folder / 'not-a-pdf.pdf'}: not a PDF (no %PDF header)" in again.stderr

    # a changed document is redone; a copy under another name is served from the cache with its own name
    (folder / "windows-1252.txt").write_bytes(good_documents["windows-1252.txt"].replace(b"250.000", b"260.000"))
    (folder / "copy.pdf").write_bytes(good_documents["brief-adresblok.pdf"])
    third = kenmerk("extract", folder, "--cache", cache, "--ordered", "--jobs", "2")
    assert f"done 1, failed 1, skipped {n}" in third.stderr
    notes = {x["source"]["file_name"]: x for x in jsonl(third.stdout)}
    assert notes["copy.pdf"]["source"]["sha256"] == notes["brief-adresblok.pdf"]["source"]["sha256"]
    assert {k: v for k, v in notes["copy.pdf"].items() if k != "source"} == \
           {k: v for k, v in notes["brief-adresblok.pdf"].items() if k != "source"}


def test_cache_key_holds_the_extractor_fingerprint(tmp_path):
    fingerprint = extractor_fingerprint()
    cache = ResultCache(tmp_path, fingerprint)
    assert cache.folder == tmp_path / fingerprint
    other = ResultCache(tmp_path, "0.0.0-changed")
    assert other.folder != cache.folder


def _reference(tmp_path, *inputs):
    out = tmp_path / "reference.jsonl"
    proc = kenmerk("extract", *inputs, "--ordered", "-o", out, "--jobs", "2")
    assert proc.returncode == 0, proc.stderr
    return out.read_bytes()


def test_sigkill_halfway_then_resume_gives_the_output_of_one_uninterrupted_run(tmp_path, many_notes):
    names = sorted(many_notes)
    first = write(tmp_path / "a", {n: many_notes[n] for n in names[:8]})
    second = write(tmp_path / "b", {n: many_notes[n] for n in names[8:]})
    reference = _reference(tmp_path, first, second)
    cache = tmp_path / "cache"
    outdir = tmp_path / "out"
    outdir.mkdir()
    target = outdir / "notes.jsonl"
    # half-way: after the first folder the batch waits on a pipe (the smallest input: started
    # last) until it is killed; the second folder comes with the run that resumes
    held = held_input(tmp_path / "hold")
    args = [sys.executable, "-m", "kenmerk.output.cli", "extract", str(first), str(held), "--ordered",
            "--cache", str(cache), "-o", str(target), "--jobs", "1", "-q"]
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    writer = opened_by(held, proc)
    workers = workers_of(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    # the orphaned worker notices and exits (still waiting on the pipe); nothing half-written is visible
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    os.close(writer)
    assert workers and not any(_running(pid) for pid in workers)
    assert len(_entries(cache)) == 8
    assert not target.exists()
    for entry in _entries(cache):
        head, _, body = entry.read_text(encoding="utf-8").partition("\n")
        assert head.startswith("{") and body.endswith("}\n")

    resumed = kenmerk("extract", first, second, "--ordered", "--cache", cache, "-o", target, "--jobs", "1")
    assert resumed.returncode == 0, resumed.stderr
    assert target.read_bytes() == reference
    assert "done 8, failed 0, skipped 8 (8 unchanged, from the cache)" in resumed.stderr
    # no temporaries left: neither next to the output nor in the cache
    assert sorted(p.name for p in outdir.iterdir()) == ["notes.jsonl"]
    assert [p for tmp in cache.glob("*/tmp") for p in tmp.iterdir()] == []


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] not in ("Z", "X")
    except OSError:
        return False


@pytest.mark.parametrize("signum, code, said", [(signal.SIGINT, 130, "kenmerk: interrupted"),
                                                (signal.SIGTERM, 143, "kenmerk: terminated (SIGTERM)")])
def test_ctrl_c_and_sigterm_leave_no_output_file_no_temporaries_and_no_worker(tmp_path, many_notes, signum, code,
                                                                             said):
    folder = write(tmp_path / "in", dict(list(many_notes.items())[:2]))
    held = held_input(tmp_path / "hold")  # after the two notes the batch waits here, until it is stopped
    cache = tmp_path / "cache"
    target = tmp_path / "notes.jsonl"
    errors = tmp_path / "errors.jsonl"
    proc = subprocess.Popen([sys.executable, "-m", "kenmerk.output.cli", "extract", str(folder), str(held),
                             "--ordered", "--cache", str(cache), "-o", str(target), "--errors", str(errors),
                             "--jobs", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    writer = opened_by(held, proc)
    workers = workers_of(proc.pid)
    assert len(workers) == 2
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=60)
    os.close(writer)
    assert proc.returncode == code, err
    assert said in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "hold", "in"]  # no output, no error file
    assert not any(_running(pid) for pid in workers)  # the workers were stopped with the run
    assert [p for tmp in cache.glob("*/tmp") for p in tmp.iterdir()] == []


def test_results_of_other_reading_settings_are_cached_apart(tmp_path):
    from kenmerk.extract import ReadLimits
    from kenmerk.output.batch import BatchOptions

    def key(**kw):
        return BatchOptions(cache_dir=str(tmp_path), **kw).work_options().fingerprint

    assert key().startswith(extractor_fingerprint())  # (+ the Tesseract found, when OCR is on)
    assert key(limits=ReadLimits(max_bytes=10)) == key()  # a cap on input changes no result
    assert len({key(), key(limits=ReadLimits(ocr="never")), key(limits=ReadLimits(max_pages=5)),
                key(keep_personal_data=True)}) == 4


def test_results_of_other_versions_are_reported_and_pruned_on_request(tmp_path, good_documents):
    import shutil

    folder = write(tmp_path / "in", {"brief.pdf": good_documents["brief-adresblok.pdf"]})
    cache = tmp_path / "cache"
    first = kenmerk("extract", folder, "--cache", cache, "--jobs", "1")
    assert first.returncode == 0, first.stderr
    assert "other kenmerk version" not in first.stderr
    [current] = [p for p in cache.iterdir() if p.is_dir() and p.name != "ocr"]
    # what an older kenmerk left: the same layout under its own fingerprint, and OCR results
    older = cache / "0.0.9-0123456789abcdef"
    shutil.copytree(current, older)
    (cache / "ocr").mkdir(exist_ok=True)
    (cache / "ocr" / "page.json").write_text("{}", encoding="utf-8")

    told = kenmerk("extract", folder, "--cache", cache, "--jobs", "1")
    assert f"{cache} also holds results of 1 other kenmerk version(s)" in told.stderr
    assert "--prune-cache removes them" in told.stderr
    assert older.is_dir()

    pruned = kenmerk("extract", folder, "--cache", cache, "--jobs", "1", "--prune-cache")
    assert pruned.returncode == 0, pruned.stderr
    assert f"removed the results of 1 other kenmerk version(s) from {cache}" in pruned.stderr
    assert not older.exists()
    assert current.is_dir() and (cache / "ocr" / "page.json").is_file()  # this version's results and OCR stay
    assert "skipped 1 (1 unchanged, from the cache)" in pruned.stderr
    assert pruned.stdout == first.stdout

    alone = kenmerk("extract", folder, "--prune-cache")
    assert alone.returncode == 2 and "--prune-cache needs --cache DIR" in alone.stderr
