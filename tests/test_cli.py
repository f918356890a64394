"""The `kenmerk` command line, run as a subprocess (`python -m kenmerk.output.cli`)."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
MD_SAMPLE = REPO_ROOT / "tests" / "samples" / "beslisnota-opvang-oekraine-2025.md"

GOOD = ["beslisnota-twee-paginas.pdf", "brief-adresblok.pdf", "windows-1252.txt"]
BAD = ["empty.pdf", "random-bytes.pdf", "truncated.pdf", "encrypted.pdf", "not-a-pdf.pdf", "unknown-encoding.txt"]


def kenmerk(*args, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kenmerk.output.cli", *map(str, args)],
        input=stdin, capture_output=True, timeout=120, cwd=cwd,
    )


def _out(proc) -> str:
    return proc.stdout.decode("utf-8")


def _err(proc) -> str:
    return proc.stderr.decode("utf-8")


def test_one_file_json_prints_one_object(fixtures_dir):
    proc = kenmerk("extract", fixtures_dir / "beslisnota-twee-paginas.pdf", "--format", "json")
    assert proc.returncode == 0, _err(proc)
    note = json.loads(_out(proc))  # the whole output is one JSON document
    assert isinstance(note, dict)
    assert note["source"]["file_name"] == "beslisnota-twee-paginas.pdf"
    assert note["source"]["page_count"] == 2
    assert _err(proc) == ""


def test_several_files_print_json_lines(fixtures_dir):
    proc = kenmerk("extract", *(fixtures_dir / name for name in GOOD))
    assert proc.returncode == 0, _err(proc)
    lines = _out(proc).splitlines()
    assert len(lines) == len(GOOD)
    names = [json.loads(line)["source"]["file_name"] for line in lines]
    assert names == GOOD


def test_batch_with_bad_inputs_reports_each_on_one_line_and_goes_on(fixtures_dir):
    paths = [fixtures_dir / name for name in GOOD[:1] + BAD + GOOD[1:]]
    proc = kenmerk("extract", *paths, "--format", "jsonl")
    assert proc.returncode == 1
    err = _err(proc)
    assert "Traceback" not in err
    err_lines = err.splitlines()
    assert len(err_lines) == len(BAD), err
    for name, line in zip(BAD, err_lines, strict=False):
        prefix = f"{fixtures_dir / name}: "
        assert line.startswith(prefix), f"{line!r} does not start with {prefix!r}"
        assert line[len(prefix):].strip(), f"no reason in {line!r}"
    notes = [json.loads(line) for line in _out(proc).splitlines()]
    assert [n["source"]["file_name"] for n in notes] == GOOD


def test_unknown_option_exits_2(fixtures_dir):
    proc = kenmerk("extract", "--no-such-option", fixtures_dir / "brief-adresblok.pdf")
    assert proc.returncode == 2
    assert "Traceback" not in _err(proc)
    assert _out(proc) == ""


def test_schema_prints_the_note_json_schema():
    proc = kenmerk("schema")
    assert proc.returncode == 0, _err(proc)
    schema = json.loads(_out(proc))
    assert {"document_type", "kenmerk", "evidence"} <= set(schema["properties"])
    assert "$defs" in schema


def test_output_file_is_written_without_leftover_temporaries(fixtures_dir, tmp_path):
    outdir = tmp_path / "out"
    outdir.mkdir()
    target = outdir / "notes.jsonl"
    proc = kenmerk("extract", fixtures_dir / GOOD[0], fixtures_dir / GOOD[1], "-o", target)
    assert proc.returncode == 0, _err(proc)
    assert _out(proc) == ""
    assert sorted(p.name for p in outdir.iterdir()) == ["notes.jsonl"]
    lines = target.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["source"]["file_name"] for line in lines] == GOOD[:2]


def test_output_file_is_not_created_when_every_input_fails(fixtures_dir, tmp_path):
    target = tmp_path / "notes.jsonl"
    proc = kenmerk("extract", fixtures_dir / "empty.pdf", "-o", target)
    assert proc.returncode == 1
    assert list(tmp_path.iterdir()) == []


def test_dash_reads_standard_input():
    data = MD_SAMPLE.read_bytes()
    proc = kenmerk("extract", "-", "--format", "json", stdin=data)
    assert proc.returncode == 0, _err(proc)
    note = json.loads(_out(proc))
    assert note["source"]["file_name"] == "<stdin>"
    assert note["source"]["sha256"] == hashlib.sha256(data).hexdigest()
    assert note["source"]["size"] == len(data)


def test_eval_prints_a_per_field_table(fixtures_dir):
    proc = kenmerk("eval", "--gold", fixtures_dir, fixtures_dir)
    assert proc.returncode == 0, _err(proc)
    out = _out(proc)
    scored = len(list(fixtures_dir.glob("*.gold.json")))
    assert scored >= 2 and f"{scored} document(s) scored" in out
    for field in ("document_type", "title", "kenmerk", "date", "addressee", "recommended_decision",
                  "attachments", "woo_grounds"):
        rows = [line for line in out.splitlines() if line.split() and line.split()[0] == field]
        assert len(rows) == 1, f"no row for {field} in:\n{out}"
        assert f"/{scored}" in rows[0], rows[0]
    assert "overall accuracy" in out


@pytest.mark.parametrize("args", [["eval", "--gold"], ["extract"], ["no-such-command"]])
def test_usage_errors_exit_2(args):
    proc = kenmerk(*args)
    assert proc.returncode == 2
    assert "Traceback" not in _err(proc)
