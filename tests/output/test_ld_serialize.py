"""serialize_notes: every RDF format parses back to the same graph; TriG has one graph per note."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from note_factory import all_notes, beslisnota
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kenmerk.extract.errors import InvalidSetting
from kenmerk.output.formats import EXTRACT_FORMATS
from kenmerk.output.graph import note_graph, note_iri, note_parts, shared_graph_iri
from kenmerk.output.serialize import WRITERS, notes_graph, serialize_notes

PARSERS = {"turtle": "turtle", "jsonld": "json-ld", "nt": "nt", "xml": "xml"}


def test_formats_offered():
    assert set(EXTRACT_FORMATS) == {"json", "jsonl", "turtle", "jsonld", "nt", "trig", "xml", "diwoo"}


def test_every_format_offered_has_a_writer_and_no_other():
    assert list(WRITERS) == [f for f in EXTRACT_FORMATS if f not in ("json", "jsonl")]


def test_the_command_line_lists_the_formats_without_loading_rdf_libraries():
    """`kenmerk extract`'s parser is built from the light table: no rdflib, pyoxigraph or RDF writer loaded."""
    code = ("import sys; from kenmerk.output.cli import build_parser; build_parser('extract');"
            "print(sorted(m for m in ('rdflib', 'pyoxigraph', 'kenmerk.output.serialize') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


@pytest.mark.parametrize("evidence", [False, True])
@pytest.mark.parametrize("fmt", sorted(PARSERS))
def test_round_trip_is_isomorphic(fmt, evidence):
    notes = all_notes()
    expected = notes_graph(notes, evidence=evidence)
    data = serialize_notes(notes, fmt, base=None, evidence=evidence)
    parsed = Graph().parse(data=data, format=PARSERS[fmt])
    assert isomorphic(parsed, expected)


def test_single_note_formats_agree():
    note = beslisnota()
    graphs = [Graph().parse(data=serialize_notes([note], f, base=None, evidence=False), format=p)
              for f, p in PARSERS.items()]
    assert all(isomorphic(graphs[0], g) for g in graphs[1:])
    assert isomorphic(graphs[0], note_graph(note))


def test_trig_puts_each_note_in_its_own_named_graph():
    notes = all_notes()
    ds = Dataset()
    ds.parse(data=serialize_notes(notes, "trig", base=None, evidence=False), format="trig")
    named = {g.identifier: g for g in ds.graphs() if len(g)}
    shared = shared_graph_iri(None)
    assert set(named) == {note_iri(n) for n in notes} | {shared}
    for note in notes:  # the note's own graph, and its shared resources once in the shared graph
        parts = note_parts(note)
        assert isomorphic(named[note_iri(note)], graph_of(parts.triples))
        assert set(parts.shared) <= set(named[shared])


def test_output_is_deterministic():
    for fmt in WRITERS:
        notes = [n for n in all_notes() if n.date or fmt != "diwoo"]  # DiWoo needs a date
        docs = "https://open.example.nl/documenten/"  # DiWoo's <loc>: where the documents are
        assert serialize_notes(notes, fmt, base=None, evidence=True, download_base=docs) == \
            serialize_notes(notes, fmt, base=None, evidence=True, download_base=docs)


def test_rdf_output_does_not_depend_on_the_hash_seed():
    """pyoxigraph writes what `ox_triples` sorted: the same notes give the same bytes in every process."""
    code = ("import sys, hashlib; sys.path.insert(0, sys.argv[1]); from note_factory import all_notes; "
            "from kenmerk.output.serialize import serialize_notes; "
            "print([hashlib.sha256(serialize_notes(all_notes(), f, evidence=True)).hexdigest() "
            "for f in ('turtle', 'nt', 'trig', 'xml')])")
    here = str(Path(__file__).resolve().parent)
    runs = {subprocess.run([sys.executable, "-c", code, here], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout
            for seed in ("1", "2")}
    assert len(runs) == 1


def test_turtle_writes_each_note_first_with_its_types():
    note = beslisnota()
    text = serialize_notes([note], "turtle", base=None, evidence=False).decode()
    body = text[text.index("\n<"):].lstrip()
    assert body.startswith(f"<{note_iri(note)}> a ")


def test_base_is_used():
    data = serialize_notes([beslisnota()], "nt", base="https://data.example.nl/id/", evidence=False).decode()
    assert "<https://data.example.nl/id/note/mnre1162/" in data
    assert "kenmerk.example.org" not in data


def test_jsonld_reads_like_plain_json():
    doc = json.loads(serialize_notes([beslisnota()], "jsonld", base=None, evidence=False))
    note = doc["notes"][0]
    assert note["title"] == "Beslisnota bij Kamerbrief opvang Oekraïne"
    assert note["kenmerk"] == "6048852"
    assert note["date"] == "2025-01-09"
    assert note["documentType"]["id"] == "https://identifier.overheid.nl/tooi/def/thes/kern/c_2977c34f"
    assert note["publisher"]["id"] == "https://identifier.overheid.nl/tooi/id/ministerie/mnre1162"
    assert note["recommendedDecision"]["description"].startswith("Na instemming")
    assert [a.get("title") for a in note["attachments"]] == ["AEF rapport", None]
    assert note["groundCitations"][0]["count"] == 3
    assert note["derivedFrom"]["fileName"] == "beslisnota-opvang-oekraine-2025.md"


def test_jsonld_uses_the_shipped_context():
    from kenmerk.vocab import CONTEXT, vocab_file

    shipped = json.loads(vocab_file(CONTEXT).read_text(encoding="utf-8"))
    doc = json.loads(serialize_notes([beslisnota()], "jsonld", base=None, evidence=False))
    assert doc["@context"] == shipped["@context"]


def test_unknown_format_is_an_invalid_setting():
    with pytest.raises(InvalidSetting, match="unknown format 'yaml'"):
        serialize_notes([beslisnota()], "yaml", base=None, evidence=False)
    assert serialize_notes([beslisnota()], "ttl") == serialize_notes([beslisnota()], "turtle")  # rdflib's alias


def test_turtle_escapes_awkward_text():
    note = beslisnota(title='Titel met "aanhalingstekens", \\ en\neen nieuwe regel')
    g = Graph().parse(data=serialize_notes([note], "turtle", base=None, evidence=False), format="turtle")
    assert isomorphic(g, note_graph(note))
    assert str(g.value(URIRef(note_iri(note)), URIRef("http://purl.org/dc/terms/title"))) == note.title


def test_cli_extract_rdf_formats(capsysbinary, tmp_path):
    from kenmerk.output.cli import main

    sample = Path(__file__).resolve().parents[1] / "samples" / "beslisnota-opvang-oekraine-2025.md"
    for fmt, parser in PARSERS.items():
        assert main(["extract", str(sample), "--format", fmt]) == 0
        out = capsysbinary.readouterr().out
        assert len(Graph().parse(data=out, format=parser)) > 20
    assert main(["extract", str(sample), "--format", "diwoo"]) == 1  # DiWoo's <loc> needs the document's URL
    assert main(["extract", str(sample), "--format", "diwoo", "--download-base", "https://open.example.nl/d/"]) == 0
    out = capsysbinary.readouterr().out
    assert b"<diwoo:officieleTitel>" in out and b"<loc>https://open.example.nl/d/beslisnota-opvang" in out
    out_file = tmp_path / "n.ttl"
    assert main(["extract", str(sample), "--format", "turtle", "-o", str(out_file), "--base", "https://x.example/"]) == 0
    assert "<https://x.example/note/" in out_file.read_text(encoding="utf-8")


def graph_of(triples) -> Graph:
    graph = Graph()
    for triple in triples:
        graph.add(triple)
    return graph
