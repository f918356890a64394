"""Inputs say what they are (issue 15, item 5): `--name` for standard input, HTML refused as what it is, the
batch summary counts the files it passed over by kind."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kenmerk.output.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def _note(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


def test_the_same_bytes_under_the_same_name_give_the_same_note(corpus_dir, tmp_path, monkeypatch, capsys):
    """The corpus text conversions whose first line starts with '#' were read as Markdown from stdin."""
    texts = sorted((corpus_dir / "raw").glob("*.txt"))
    assert texts
    differs_without_name = 0
    for text in texts:
        copy = tmp_path / "x.txt"
        copy.write_bytes(text.read_bytes())
        assert main(["extract", str(copy)]) == 0
        from_file = _note(capsys)
        _stdin(monkeypatch, copy.read_bytes())
        assert main(["extract", "-", "--name", "x.txt"]) == 0
        assert _note(capsys) == from_file, text.name
        _stdin(monkeypatch, copy.read_bytes())
        assert main(["extract", "-"]) == 0
        differs_without_name += _note(capsys) != from_file
    assert differs_without_name  # what --name is for


def test_name_without_standard_input_is_a_usage_error(capsys):
    assert main(["extract", str(SAMPLES / "brief-adresblok.pdf"), "--name", "x.txt"]) == 2
    assert capsys.readouterr().err.splitlines() == ["kenmerk: --name names standard input: give - as INPUT",
                                                    "see 'kenmerk extract --help'"]


@pytest.mark.parametrize("name", ["page.html", "page.txt"])
def test_an_html_page_is_refused_as_what_it_is(tmp_path, capsys, name):
    page = tmp_path / name
    page.write_text("<!DOCTYPE html>\n<html><head><title>Directory listing for /</title></head></html>",
                    encoding="utf-8")
    assert main(["extract", str(page)]) == 1
    assert capsys.readouterr().err.startswith(f"{page}: an HTML page, not a document")


def test_the_summary_counts_the_files_passed_over_by_kind(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "nota.md").write_bytes((SAMPLES / "beslisnota-opvang-oekraine-2025.md").read_bytes())
    for name in ("a.csv", "b.csv", "index.html", "README"):
        (folder / name).write_text("x\n", encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "kenmerk.output.cli", "extract", str(folder), "--jobs", "0"],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    summary = proc.stderr.splitlines()[-1]
    assert summary.startswith("kenmerk: done 1, failed 0, skipped 4 (4 not documents: 2 .csv, 1 .html, "
                              "1 no extension); "), summary


def test_publish_names_standard_input_too(tmp_path, monkeypatch, capsys):
    import pyoxigraph as ox

    note = SAMPLES / "beslisnota-opvang-oekraine-2025.md"
    assert main(["publish", str(note), "--store", str(tmp_path / "file"), "-q"]) == 0
    _stdin(monkeypatch, note.read_bytes())
    assert main(["publish", "-", "--name", note.name, "--store", str(tmp_path / "stdin"), "-q"]) == 0
    graphs = [sorted(g.value for g in ox.Store.read_only(str(tmp_path / s)).named_graphs()) for s in ("file", "stdin")]
    assert graphs[0] == graphs[1] and any("/note/" in g for g in graphs[0])
