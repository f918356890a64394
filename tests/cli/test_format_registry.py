"""One format registry (issue 15, item 1): rdflib's names, pyoxigraph's formats, `-o FILE` by its extension."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph, plugin
from rdflib.parser import Parser
from rdflib.serializer import Serializer

from kenmerk.extract.errors import InvalidSetting
from kenmerk.output.cli import main
from kenmerk.output.formats import (
    CATALOG_FORMATS,
    EXTRACT_FORMATS,
    FORMATS,
    RDF_FORMATS,
    by_name,
    formats_for_path,
    get_format,
    output_format,
)

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NOTE_MD = SAMPLES / "beslisnota-opvang-oekraine-2025.md"
NOTE_PDF = SAMPLES / "brief-adresblok.pdf"


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_every_name_rdflib_gives_a_format_means_the_same_format_here(name):
    """rdflib registers `turtle`, `ttl` and `text/turtle` for one plugin: each finds the same entry here."""
    fmt = by_name(name)
    for kind in (Parser, Serializer):
        target = plugin.get(fmt.rdflib, kind)
        rdflib_names = {p.name for p in plugin.plugins(kind=kind) if plugin.get(p.name, kind) is target}
        assert rdflib_names, fmt.rdflib
        for alias in rdflib_names:
            assert get_format(alias) is fmt, alias


@pytest.mark.parametrize("name", RDF_FORMATS)
def test_media_type_extension_and_named_graphs_agree_with_pyoxigraph(name):
    fmt = by_name(name)
    ox_format = fmt.ox()
    assert ox.RdfFormat.from_media_type(fmt.media_type) == ox_format
    assert ox.RdfFormat.from_extension(ox_format.file_extension) == ox_format
    assert "." + ox_format.file_extension in fmt.extensions
    assert fmt.datasets == ox_format.supports_datasets


def test_names_are_unique_and_the_table_imports_no_rdf_library():
    names = [n for f in FORMATS for n in f.names]
    assert len(names) == len(set(names))
    code = ("import sys, kenmerk.output.formats;"
            "print(sorted(m for m in ('rdflib', 'pyoxigraph') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_gzipped_dump_is_known_by_its_inner_extension():
    assert formats_for_path("site/notes.nq.gz") == (by_name("nquads"),)
    assert formats_for_path("out.turtle") == (by_name("turtle"),)
    assert {f.name for f in formats_for_path("o.xml")} == {"xml", "diwoo"}


def test_output_format_from_the_extension_or_refused():
    assert output_format("x.ttl", None, EXTRACT_FORMATS, "json") == "turtle"
    assert output_format("x.ttl", "ttl", EXTRACT_FORMATS, "json") == "turtle"
    assert output_format("notes.out", None, EXTRACT_FORMATS, "jsonl") == "jsonl"  # an extension no format has
    assert output_format("o.xml", "diwoo", EXTRACT_FORMATS, "json") == "diwoo"
    with pytest.raises(InvalidSetting, match=r"x.ttl: its extension .ttl says turtle, not --format json"):
        output_format("x.ttl", "json", EXTRACT_FORMATS, "json")
    with pytest.raises(InvalidSetting, match="give --format xml or --format diwoo"):
        output_format("o.xml", None, EXTRACT_FORMATS, "json")
    with pytest.raises(InvalidSetting, match="N-Quads is not written here"):
        output_format("x.nq", None, EXTRACT_FORMATS, "json")


def test_dash_o_x_ttl_writes_turtle(tmp_path):
    out = tmp_path / "x.ttl"
    assert main(["extract", str(NOTE_MD), "-o", str(out)]) == 0
    graph = Graph().parse(out, format="turtle")  # Turtle, not JSON
    assert len(graph) > 20


def test_ttl_is_a_format_name_for_extract_and_catalog(tmp_path, capsys, monkeypatch):
    assert main(["extract", str(NOTE_MD), "--format", "ttl"]) == 0
    assert len(Graph().parse(data=capsys.readouterr().out, format="turtle")) > 20
    monkeypatch.chdir(tmp_path)
    assert main(["publish", str(NOTE_MD), "-q"]) == 0
    capsys.readouterr()
    config = ["--base", "https://data.example.nl/id/", "--publisher", "mnre1090", "--licence", "cc0",
              "--contact-email", "open-data@example.nl"]
    assert "ttl" in [a for f in CATALOG_FORMATS for a in by_name(f).names]
    assert main(["catalog", "--format", "ttl", *config]) == 0
    assert len(Graph().parse(data=capsys.readouterr().out, format="turtle")) > 20
    assert main(["catalog", "-f", "ntriples", *config]) == 0  # the name the catalog used before
    assert len(Graph().parse(data=capsys.readouterr().out, format="nt")) > 20


def test_a_format_mismatch_is_one_line_and_exit_2(tmp_path, capsys):
    assert main(["extract", str(NOTE_MD), "-o", str(tmp_path / "x.ttl"), "--format", "json"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "its extension .ttl says turtle" in err[0]
    assert not (tmp_path / "x.ttl").exists()


def test_json_for_several_documents_is_one_array(tmp_path):
    out = tmp_path / "notes.json"
    assert main(["extract", str(NOTE_MD), str(NOTE_PDF), "-o", str(out), "-q"]) == 0
    notes = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(notes, list) and [n["source"]["file_name"] for n in notes] == [NOTE_MD.name, NOTE_PDF.name]
    assert main(["publish", str(out), "--store", str(tmp_path / "s"), "-q"]) == 0  # publish reads it back


def test_query_prints_a_graph_in_any_rdf_format_and_refuses_one_for_a_table(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert main(["publish", str(NOTE_MD), "-q"]) == 0
    capsys.readouterr()
    construct = "CONSTRUCT { ?s a ?t } WHERE { ?s a ?t }"
    assert main(["query", construct, "--format", "ttl"]) == 0
    turtle = capsys.readouterr().out
    assert main(["query", construct]) == 0  # N-Triples as before
    assert Graph().parse(data=turtle, format="turtle").isomorphic(Graph().parse(data=capsys.readouterr().out,
                                                                                format="nt"))
    assert main(["query", "SELECT * WHERE { ?s a ?t }", "--format", "turtle"]) == 2
    assert "is for a CONSTRUCT or DESCRIBE query" in capsys.readouterr().err
