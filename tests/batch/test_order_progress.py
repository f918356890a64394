"""--ordered keeps input order; progress is a bar on a terminal and log lines otherwise; the Python API."""
from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
import threading

import pytest
from batch_helpers import held_input, jsonl, kenmerk, opened_by, write

from kenmerk.output.batch import BatchOptions, PageTally, run_batch
from kenmerk.output.inputs import gather


def _slow_first(tmp_path, good_documents):
    """A folder whose first document (8 pages) takes much longer than the small text notes after it."""
    files = {"a-big.pdf": _concatenate(4)}
    for i in range(4):
        files[f"b-{i}.txt"] = good_documents["windows-1252.txt"].replace(b"2024-0001234", f"2024-000{i}".encode())
    return write(tmp_path / "in", files)


def _concatenate(copies: int) -> bytes:
    """One PDF with the pages of several beslisnota's, drawn by the fixture generator."""
    import kenmerk_make_fixtures as mf  # loaded by the session fixture make_fixtures_module

    pages = []
    for _ in range(copies):
        pages.extend(mf.beslisnota_pages())
    return mf._render(pages, title="groot")


def test_ordered_keeps_input_order_unordered_streams_as_they_finish(tmp_path, make_fixtures_module, good_documents):
    folder = _slow_first(tmp_path, good_documents)
    names = sorted(p.name for p in folder.iterdir())
    ordered = kenmerk("extract", folder, "--ordered", "--jobs", "2", "-q")
    assert ordered.returncode == 0, ordered.stderr
    assert [n["source"]["file_name"] for n in jsonl(ordered.stdout)] == names
    # unordered: the first input holds its worker until the four notes after it are out
    held = held_input(tmp_path / "hold", "a-held.txt")
    notes = [folder / n for n in names if n.endswith(".txt")]
    proc = subprocess.Popen([sys.executable, "-m", "kenmerk.output.cli", "extract", str(held), *map(str, notes),
                             "--jobs", "2", "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    writer = opened_by(held, proc)
    first = [json.loads(proc.stdout.readline())["source"]["file_name"] for _ in notes]
    assert sorted(first) == [n.name for n in notes]  # the notes overtook the held one
    os.write(writer, good_documents["windows-1252.txt"])
    os.close(writer)
    rest, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert [n["source"]["file_name"] for n in jsonl(rest)] == ["a-held.txt"]
    # several plain files keep the old behaviour: input order, no summary
    plain = kenmerk("extract", *(folder / n for n in reversed(names[:3])))
    assert [n["source"]["file_name"] for n in jsonl(plain.stdout)] == list(reversed(names[:3]))
    assert plain.stderr == ""


def test_progress_is_log_lines_when_stderr_is_not_a_terminal(tmp_path, many_notes):
    folder = write(tmp_path / "in", dict(list(many_notes.items())[:3]))
    proc = kenmerk("extract", folder, "--jobs", "2", "--log-interval", "0", "-o", tmp_path / "out.jsonl")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert lines[0] == "kenmerk: extracting 3 documents (2 worker processes)"
    progress = [line for line in lines if "/3 documents" in line]
    assert progress and all("\r" not in line and "pages/s" in line for line in progress)
    assert "kenmerk: 3/3 documents, 6 pages" in proc.stderr
    assert lines[-1].startswith("kenmerk: done 3, failed 0, skipped 0; 6 pages in ")
    quiet = kenmerk("extract", folder, "--jobs", "1", "-q", "-o", tmp_path / "out2.jsonl")
    assert quiet.stderr == ""


def test_progress_is_a_bar_on_a_terminal(tmp_path, many_notes):
    folder = write(tmp_path / "in", dict(list(many_notes.items())[:4]))
    master, slave = pty.openpty()
    import fcntl
    import struct
    import termios

    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 120, 0, 0))  # a terminal 120 columns wide
    proc = subprocess.Popen([sys.executable, "-m", "kenmerk.output.cli", "extract", str(folder), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=slave)
    os.close(slave)
    chunks: list[bytes] = []

    def read():
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                return
            if not data:
                return
            chunks.append(data)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    out, _ = proc.communicate(timeout=120)
    reader.join(timeout=5)
    os.close(master)
    assert proc.returncode == 0
    assert len(jsonl(out.decode())) == 4
    screen = b"".join(chunks).decode("utf-8", "replace")
    assert "kenmerk:" in screen and "4/4 documents, 0 failed" in screen and "page/s" in screen
    assert "\r" in screen  # the bar is redrawn in place
    assert "kenmerk: done 4, failed 0, skipped 0" in screen


def test_run_batch_api_streams_results(tmp_path, good_documents, hostile):
    folder = write(tmp_path / "in", {**good_documents, "not-a-pdf.pdf": hostile["not-a-pdf.pdf"]})
    results = list(run_batch(gather([folder]), BatchOptions(jobs=0, ordered=True)))
    names = sorted(os.listdir(folder))
    assert [os.path.basename(r.label) for r in results] == names
    assert [r.status for r in results] == ["failed" if n == "not-a-pdf.pdf" else "ok" for n in names]
    failed = results[names.index("not-a-pdf.pdf")]
    assert (failed.stage, failed.error) == ("read", "UnreadableInput")
    assert failed.line == f"{folder / 'not-a-pdf.pdf'}: not a PDF (no %PDF header)"
    pooled = list(run_batch(gather([folder]), BatchOptions(jobs=2, ordered=True)))
    assert [(r.label, r.status, r.note_json) for r in pooled] == [(r.label, r.status, r.note_json) for r in results]


@pytest.mark.parametrize("jobs", [1, 0])
def test_pages_are_told_as_they_are_read_before_the_document_is_done(tmp_path, make_fixtures_module, jobs):
    folder = write(tmp_path / "in", {"big.pdf": _concatenate(4)})
    told: list[tuple[int, int, int]] = []
    done = [(result, list(told)) for result in run_batch(gather([folder]), BatchOptions(jobs=jobs),
                                                         on_page=lambda *event: told.append(event))]
    [(result, before)] = done
    assert result.ok and result.pages == 8
    assert before[0] == (0, 1, 8) and before[-1] == (0, 8, 8)  # the first and the last page, before the result
    assert [d for _, d, _ in before] == sorted({d for _, d, _ in before})  # growing, each page once
    if jobs == 0:
        assert len(before) == 8  # in process every page is told; a worker tells at most five a second


def test_progress_lines_move_inside_a_long_document(tmp_path, make_fixtures_module):
    folder = write(tmp_path / "in", {"big.pdf": _concatenate(4)})
    proc = kenmerk("extract", folder, "--jobs", "1", "--log-interval", "0", "-o", tmp_path / "out.jsonl")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.splitlines()
    assert any(line.startswith("kenmerk: 0/1 documents, 1 of about 8 pages, ") and "ETA" in line for line in lines)
    assert any(line.startswith("kenmerk: 1/1 documents, 8 pages, ") for line in lines)


def test_page_tally_estimates_the_batch_from_the_documents_seen():
    tally = PageTally(documents=10)
    assert tally.estimate() is None
    assert tally.page(0, 1, 20) == 1
    assert tally.estimate() == 200  # one document of 20 pages seen, ten in the batch
    assert tally.page(0, 1, 20) == 0  # told twice: counted once
    assert tally.finish(0, 20) == 19
    assert tally.finish(1, 0) == 0  # a failure
    assert tally.estimate() == 100  # 20 pages in the two seen
    assert tally.read == 20


def test_the_largest_documents_at_hand_start_first(tmp_path, good_documents):
    # one worker: the order the documents start in is the order they finish in
    folder = _slow_first(tmp_path, good_documents)
    (folder / "a-big.pdf").rename(folder / "z-big.pdf")  # last in input order
    started = [os.path.basename(r.label) for r in run_batch(gather([folder]), BatchOptions(jobs=1))]
    assert started == ["z-big.pdf", "b-0.txt", "b-1.txt", "b-2.txt", "b-3.txt"]
    ordered = [os.path.basename(r.label) for r in run_batch(gather([folder]), BatchOptions(jobs=1, ordered=True))]
    assert ordered == ["b-0.txt", "b-1.txt", "b-2.txt", "b-3.txt", "z-big.pdf"]
