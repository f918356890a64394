"""Bounded work on odd inputs: text read in time linear in its size, a size limit for text, one
stderr line per failed input."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest
from batch_helpers import jsonl, kenmerk, write

FAKE_TESSERACT = """#!/bin/sh
case "$1" in
  --version) echo "tesseract 5.3.0"; exit 0;;
  --list-langs) echo "List of available languages (2):"; echo eng; echo nld; exit 0;;
esac
echo "Error: out of memory" >&2
exit 1
"""


@pytest.mark.parametrize("jobs", [["--jobs", "1"], []])  # a worker process; this process (one file)
def test_a_failed_input_gives_one_line_on_stderr(tmp_path, make_fixtures_module, jobs):
    # Tesseract that fails on every page: the reader logs "OCR failed", and the scan then has
    # no text at all; its error line says both, and nothing else is printed for it
    fake = tmp_path / "tesseract"
    fake.write_text(FAKE_TESSERACT)
    fake.chmod(0o755)
    scan = write(tmp_path / "in", {"scan.pdf": make_fixtures_module.scan_pdf(make_fixtures_module.SCAN_NOTA)})
    env = {**os.environ, "KENMERK_TESSERACT": str(fake)}
    proc = subprocess.run([sys.executable, "-m", "kenmerk.output.cli", "extract", str(scan / "scan.pdf"), *jobs, "-q"],
                          capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"{scan / 'scan.pdf'}: no text layer on any of its 1 page(s) and OCR failed: page 1: tesseract failed "
        "(exit 1): Error: out of memory"]


def test_a_text_over_the_text_size_limit_is_refused_naming_the_option(tmp_path, good_documents):
    note = good_documents["windows-1252.txt"]
    folder = write(tmp_path / "in", {"note.txt": note, "brief.pdf": good_documents["brief-adresblok.pdf"]})
    proc = kenmerk("extract", folder, "--max-text-size", "0.0001", "--ordered", "-q")
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"{folder / 'note.txt'}: text too large ({len(note):,} bytes > limit 104 for a text input; "
        "raise it with --max-text-size MB, ReadLimits.max_text_bytes)"]
    assert [n["source"]["file_name"] for n in jsonl(proc.stdout)] == ["brief.pdf"]  # PDFs are not text
    single = kenmerk("extract", folder / "note.txt", "--max-text-size", "0.0001")  # one file, in this process
    assert single.returncode == 1 and "text too large" in single.stderr


def test_markdown_with_fifty_thousand_unclosed_markers_a_line_is_read_in_one_pass(tmp_path):
    # each `**`, `_` and `[` opens a span that never closes: a pattern that looks for the
    # closing marker up to the line's end reads such a line once per marker (some ten minutes
    # for the first line alone); read once, it takes a second, far inside the time limit of
    # 20 CPU seconds
    text = "# Nota\n\n" + "**a " * 50_000 + "\n\n" + "_b " * 50_000 + "\n\n" + "[c" * 50_000 + "\n"
    folder = write(tmp_path / "in", {"odd.md": text.encode()})
    proc = kenmerk("extract", folder, "--jobs", "0", "--timeout", "20", "-q")
    assert proc.returncode == 0, proc.stderr
    [note] = jsonl(proc.stdout)
    assert note["source"]["file_name"] == "odd.md"
