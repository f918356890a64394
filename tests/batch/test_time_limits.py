"""The time limit per document is CPU time; a wall-clock backstop five times as long stops a
document stuck waiting. A named pipe as input is a document that waits as long as the test wants.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest
from batch_helpers import held_input, jsonl, opened_by, write


def _extract(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kenmerk.output.cli", "extract", *map(str, args)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


@pytest.mark.parametrize("jobs", ["1", "0"])
def test_a_document_that_waits_longer_than_its_cpu_time_limit_is_not_stopped(tmp_path, good_documents, jobs):
    # what a loaded machine does to a document: time passes, its CPU time does not grow
    held = held_input(tmp_path, "note.txt")
    proc = _extract(held, "--jobs", jobs, "--timeout", "0.5")
    writer = opened_by(held, proc)
    time.sleep(1)  # twice the limit by the clock, below the backstop (2.5 s)
    os.write(writer, good_documents["windows-1252.txt"])
    os.close(writer)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert [n["source"]["file_name"] for n in jsonl(out)] == ["note.txt"]


@pytest.mark.parametrize("jobs, how", [("1", ": the worker was killed"), ("0", "")])
def test_a_document_stuck_waiting_is_stopped_by_the_backstop_and_the_batch_goes_on(tmp_path, good_documents, jobs,
                                                                                  how):
    held = held_input(tmp_path, "stuck.txt")  # never opened for writing: the reader waits for ever
    folder = write(tmp_path / "in", {"brief.pdf": good_documents["brief-adresblok.pdf"]})
    proc = _extract(held, folder, "--jobs", jobs, "--timeout", "0.4", "--ordered")
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    assert f"{held}: stopped after 2 s without finishing, 5 times the time limit per document " \
           f"(0.4 s of CPU time, --timeout): stuck waiting{how}" in err.splitlines()
    assert [n["source"]["file_name"] for n in jsonl(out)] == ["brief.pdf"]


def test_in_process_the_endless_parse_is_stopped_at_its_cpu_time(tmp_path, hostile, good_documents):
    folder = write(tmp_path / "in", {"a-endless.pdf": hostile["endless.pdf"],
                                     "b-brief.pdf": good_documents["brief-adresblok.pdf"]})
    proc = _extract(folder, "--jobs", "0", "--timeout", "1", "--ordered", "--pdf-reader", "pdfminer")  # pdfium refuses it
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 1, err
    assert f"{folder / 'a-endless.pdf'}: stopped after 1 s of CPU time (the time limit per document; " \
           f"raise it with --timeout)" in err.splitlines()
    assert [n["source"]["file_name"] for n in jsonl(out)] == ["b-brief.pdf"]


@pytest.mark.parametrize("command, option", [("extract", "--timeout"), ("extract", "--doc-timeout"),
                                             ("publish", "--doc-timeout")])
def test_the_message_names_the_option_of_the_command(command, option):
    from kenmerk.output.cli import build_parser
    from kenmerk.output.commands.options import batch_options_from_args
    from kenmerk.output.worker import timeout_failure

    options = batch_options_from_args(build_parser().parse_args([command, "in", option, "1.5"]))
    assert options.timeout == 1.5
    told = timeout_failure(0, "in/x.pdf", options.work_options()).line
    named = "--doc-timeout" if command == "publish" else "--timeout"  # extract takes both; its help shows --timeout
    assert told == f"in/x.pdf: stopped after 1.5 s of CPU time (the time limit per document; raise it with {named})" \
        ": the worker was killed"
