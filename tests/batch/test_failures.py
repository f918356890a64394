"""A batch goes on past documents that loop forever, are no PDF, are encrypted or need too much memory."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from batch_helpers import cpu_seconds_of, held_input, jsonl, kenmerk, opened_by, workers_of, write


def test_endless_not_a_pdf_and_encrypted_are_reported_and_the_rest_is_extracted(tmp_path, good_documents, hostile):
    folder = write(tmp_path / "in", {**good_documents, **{f"sub/{k}": v for k, v in hostile.items()}})
    errors = tmp_path / "errors.jsonl"
    # the pdfminer reader: the time limit stops its endless parse (pdfium refuses the file as a form bomb)
    proc = kenmerk("extract", folder, "--timeout", "3", "--jobs", "2", "--errors", errors, "--pdf-reader", "pdfminer")
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    notes = jsonl(proc.stdout)
    assert sorted(n["source"]["file_name"] for n in notes) == sorted(good_documents)
    records = {os.path.basename(r["path"]): r for r in jsonl(errors.read_text(encoding="utf-8"))}
    assert set(records) == set(hostile)
    assert records["endless.pdf"]["stage"] == "timeout" and records["endless.pdf"]["error"] == "Timeout"
    assert records["endless.pdf"]["message"] == ("stopped after 3 s of CPU time (the time limit per document; "
                                                 "raise it with --timeout): the worker was killed")
    assert records["not-a-pdf.pdf"] == {"path": str(folder / "sub" / "not-a-pdf.pdf"), "stage": "read",
                                        "error": "UnreadableInput", "message": "not a PDF (no %PDF header)"}
    assert records["encrypted.pdf"]["stage"] == "read" and "encrypted" in records["encrypted.pdf"]["message"]
    # one `path: reason` line per failure, and the summary
    for name in hostile:
        assert any(line.startswith(f"{folder / 'sub' / name}: ") for line in proc.stderr.splitlines()), name
    summary = proc.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"kenmerk: done {len(good_documents)}, failed 3, skipped 0;"), summary
    assert "pages/s" in summary


def test_timeout_kills_the_stuck_worker_and_the_batch_goes_on_with_one_job(tmp_path, good_documents, hostile):
    # one worker: the documents after the endless one are extracted only if that worker is replaced
    folder = write(tmp_path / "in", {"a-endless.pdf": hostile["endless.pdf"], **good_documents})
    held = held_input(tmp_path, "z-held.txt")  # the smallest input, so the last one read: by the replacement
    proc = subprocess.Popen([sys.executable, "-m", "kenmerk.output.cli", "extract", str(folder), str(held),
                             "--jobs", "1", "--timeout", "2", "--ordered", "--pdf-reader", "pdfminer"],  # pdfium refuses it at once
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first = _first_workers(proc)
    writer = opened_by(held, proc)  # the endless PDF was stopped before: this is its worker's replacement
    replacement = workers_of(proc.pid)
    os.write(writer, good_documents["windows-1252.txt"])
    os.close(writer)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    assert f"{folder / 'a-endless.pdf'}: stopped after 2 s" in err
    assert sorted(n["source"]["file_name"] for n in jsonl(out)) == sorted([*good_documents, "z-held.txt"])
    assert first and replacement and not set(first) & set(replacement)  # the stuck worker was replaced
    for pid in first + replacement:  # and none is left running
        assert not os.path.exists(f"/proc/{pid}") or _zombie_or_gone(pid)


def _first_workers(proc: subprocess.Popen, timeout: float = 60) -> list[int]:
    """The worker processes of batch `proc` as soon as it has started any."""
    deadline = time.monotonic() + timeout
    while not (found := workers_of(proc.pid)):
        assert proc.poll() is None, f"the batch ended (exit {proc.returncode}) before it started a worker"
        assert time.monotonic() < deadline, f"the batch started no worker within {timeout:.0f} s"
        time.sleep(0.02)
    return found


def _zombie_or_gone(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().split(")")[-1].split()[0] in ("Z", "X")
    except OSError:
        return True


def test_memory_limit_stops_a_deflate_bomb_and_the_batch_goes_on(tmp_path, good_documents, bomb):
    folder = write(tmp_path / "in", {"bomb.pdf": bomb, "brief.pdf": good_documents["brief-adresblok.pdf"]})
    errors = tmp_path / "errors.jsonl"
    proc = kenmerk("extract", folder, "--jobs", "1", "--max-memory", "300", "--timeout", "60", "--errors", errors,
                   "--pdf-reader", "pdfminer")  # pdfium's reader refuses the bomb before it inflates it
    assert proc.returncode == 1, proc.stderr
    [record] = jsonl(errors.read_text(encoding="utf-8"))
    assert record["path"].endswith("bomb.pdf")
    assert record["stage"] in ("memory", "worker"), record  # MemoryError, or killed in C code under the limit
    assert "300 MB" in record["message"]
    assert [n["source"]["file_name"] for n in jsonl(proc.stdout)] == ["brief.pdf"]


def test_a_killed_run_leaves_no_worker_behind(tmp_path, hostile):
    # the endless PDF comes through a pipe: the worker's CPU time before it is known, so the test
    # can see the worker inside the endless parse
    held = held_input(tmp_path, "endless.pdf")
    proc = subprocess.Popen([sys.executable, "-m", "kenmerk.output.cli", "extract", str(held), "--jobs", "1",
                             "--timeout", "600", "--pdf-reader", "pdfminer"],  # pdfium refuses it at once
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    writer = opened_by(held, proc)
    [worker] = workers_of(proc.pid)
    before = cpu_seconds_of(worker)
    os.write(writer, hostile["endless.pdf"])
    os.close(writer)
    deadline = time.monotonic() + 60
    while cpu_seconds_of(worker) < before + 0.5:  # parsing
        assert time.monotonic() < deadline, "the worker did not start parsing"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not _zombie_or_gone(worker):
        time.sleep(0.1)
    assert _zombie_or_gone(worker), "a worker outlived its killed run"


def test_error_file_is_valid_json_lines_even_without_failures(tmp_path, good_documents):
    folder = write(tmp_path / "in", {"brief.pdf": good_documents["brief-adresblok.pdf"]})
    errors = tmp_path / "errors.jsonl"
    proc = kenmerk("extract", folder, "--errors", errors, "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    assert errors.read_text(encoding="utf-8") == ""
    assert json.loads(proc.stdout)["source"]["file_name"] == "brief.pdf"


def test_the_document_a_killed_worker_held_next_goes_to_its_replacement(tmp_path, good_documents, hostile):
    from kenmerk.extract import ReadLimits
    from kenmerk.output.batch import BatchOptions, run_batch
    from kenmerk.output.inputs import gather

    # one worker holds two documents: the endless PDF (the largest, so started first) and the next
    note = good_documents["windows-1252.txt"]
    assert len(hostile["endless.pdf"]) > len(note)
    folder = write(tmp_path / "in", {"endless.pdf": hostile["endless.pdf"],
                                     **{f"note-{i}.txt": note for i in range(3)}})
    options = BatchOptions(jobs=1, timeout=1, limits=ReadLimits(pdf_reader="pdfminer"))  # pdfium refuses it at once
    results = {os.path.basename(r.label): r for r in run_batch(gather([folder]), options)}
    assert results["endless.pdf"].stage == "timeout"
    assert [n for n, r in sorted(results.items()) if r.ok] == ["note-0.txt", "note-1.txt", "note-2.txt"]
