"""`kenmerk validate` reads RDF as RDF (issue 15, item 2): any registered format, gzip, folders, stdin."""
from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

import pytest

from kenmerk.output.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NOTE_MD = SAMPLES / "beslisnota-opvang-oekraine-2025.md"
CATALOG = ["--base", "https://data.example.nl/id/", "--publisher", "mnre1090", "--licence", "cc0",
           "--contact-email", "open-data@example.nl", "--download-url", "https://data.example.nl/dl/"]


@pytest.fixture
def turtle(tmp_path) -> Path:
    """kenmerk's own `--format turtle` output, saved under the name of its format."""
    path = tmp_path / "out.turtle"
    assert main(["extract", str(NOTE_MD), "--format", "turtle", "-o", str(path)]) == 0
    return path


def _stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_own_turtle_output_is_checked_and_a_broken_copy_fails(turtle, capsys):
    assert main(["validate", str(turtle)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"{turtle}: conforms"
    broken = turtle.with_name("broken.turtle")
    broken.write_text(turtle.read_text(encoding="utf-8").replace("dct:title", "dct:titel"), encoding="utf-8")
    assert main(["validate", str(broken)]) == 1
    assert "title [dct:title]: a note needs exactly one title" in capsys.readouterr().out
    cut = turtle.with_name("cut.turtle")
    cut.write_bytes(turtle.read_bytes()[:len(turtle.read_bytes()) // 2])
    assert main(["validate", str(cut)]) == 1
    assert capsys.readouterr().err.startswith(f"{cut}: not valid Turtle: ")


def test_a_gzipped_dump_and_its_folder(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["publish", str(NOTE_MD), "--out", "site", "--gzip", "--per-note", "-q", *CATALOG]) == 0
    assert main(["validate", "site/notes.nq.gz"]) == 0
    assert capsys.readouterr().out.splitlines() == ["site/notes.nq.gz: conforms"]
    assert main(["validate", "site"]) == 0  # the dump, the per-note files; the catalog has no notes
    out = capsys.readouterr().out
    assert "site/notes.nq.gz: conforms" in out and "site/catalog.ttl: no notes in it" in out
    assert out.count(": conforms") >= 3  # the dump and the note's own files
    broken = tmp_path / "broken.nq.gz"
    broken.write_bytes(gzip.compress(gzip.decompress((tmp_path / "site/notes.nq.gz").read_bytes())[:-40]))
    assert main(["validate", str(broken)]) == 1
    assert "not valid N-Quads" in capsys.readouterr().err


def test_rdf_on_standard_input_with_format(turtle, capsys, monkeypatch):
    _stdin(monkeypatch, turtle.read_bytes())
    assert main(["validate", "-", "--format", "ttl"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "-: conforms"
    _stdin(monkeypatch, b"<a> <b> <c> ; junk")
    assert main(["validate", "-", "--format", "turtle"]) == 1
    assert capsys.readouterr().err.startswith("-: not valid Turtle")
    _stdin(monkeypatch, turtle.read_bytes())
    assert main(["validate", "-"]) == 2  # which format: it says so
    assert "standard input (-) needs --format" in capsys.readouterr().err


@pytest.mark.parametrize("name, data", [
    ("junk.nq", b"this is not N-Quads\n"),
    ("o.xml", b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><url><loc>https://x.nl/a</loc></url>"
              b"</urlset>"),  # DiWoo's sitemap parses as RDF/XML, but holds no note
    ("empty.jsonld", b"{}"),
    ("notes.data", b"anything"),
])
def test_a_file_that_is_not_kenmerk_rdf_is_exit_1_never_conforms(tmp_path, capsys, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["validate", str(path)]) == 1
    captured = capsys.readouterr()
    assert "conforms" not in captured.out
    assert captured.err.startswith(f"{path}: ") and len(captured.err.splitlines()) == 1


@pytest.mark.parametrize("extension", [".ttl", ".nt", ".rdf", ".jsonld", ".trig", ".nq"])
def test_every_registered_rdf_format_is_read(tmp_path, capsys, monkeypatch, extension):
    """What kenmerk writes in each RDF format (extract -o by extension; N-Quads: publish's dump) conforms."""
    path = tmp_path / f"notes{extension}"
    if extension == ".nq":
        monkeypatch.chdir(tmp_path)
        assert main(["publish", str(NOTE_MD), "--out", "site", "-q", *CATALOG]) == 0
        path = tmp_path / "site" / "notes.nq"
    else:
        assert main(["extract", str(NOTE_MD), "-o", str(path)]) == 0
    capsys.readouterr()
    assert main(["validate", str(path)]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"{path}: conforms"
