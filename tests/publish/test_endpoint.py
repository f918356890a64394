"""Publishing over the Graph Store Protocol to a real `oxigraph serve`."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
import requests
from publish_helpers import BASE, INJECTION_TITLE, write_notes

from kenmerk.extract.errors import InvalidSetting
from kenmerk.output.catalog import catalog_graph_iri
from kenmerk.output.cli import main
from kenmerk.output.graph import note_iri, note_parts, shared_graph_iri
from kenmerk.output.gsp import endpoint_urls
from kenmerk.output.publish import Publisher
from kenmerk.output.store import TermConverter


def expected_count(note) -> int:
    """Triples of the note's own named graph (its shared resources are in the shared graph)."""
    memory = ox.Store()
    memory.extend(TermConverter().quads(note_parts(note, base=BASE).triples, "urn:x:g"))
    return len(memory)


def graph_ntriples(server, iri: str) -> set[str]:
    r = requests.get(server.gsp_url, params={"graph": iri}, headers={"Accept": "application/n-triples"}, timeout=10)
    r.raise_for_status()
    return {line for line in r.text.splitlines() if line.strip()}


def test_publish_twice_gives_the_same_triples(workdir, notes, oxigraph_server, capsys):
    write_notes(workdir / "in", notes)
    assert main(["publish", "in", "--endpoint", oxigraph_server.query_url]) == 0
    first = oxigraph_server.count()
    assert main(["publish", "in", "--endpoint", oxigraph_server.query_url]) == 0
    assert oxigraph_server.count() == first
    shared = oxigraph_server.count(str(shared_graph_iri(BASE)))
    assert shared > 0
    assert first == sum(expected_count(n) for n in notes) + shared + oxigraph_server.count(catalog_graph_iri(BASE))
    assert f"published {len(notes)} notes to endpoint {oxigraph_server.gsp_url}" in capsys.readouterr().out


def test_changed_note_is_updated(workdir, notes, oxigraph_server):
    write_notes(workdir / "in", notes)
    assert main(["publish", "in", "--endpoint", oxigraph_server.query_url, "-q"]) == 0
    before = oxigraph_server.count()
    changed = notes[1].model_copy(update={"title": "Gewijzigde titel"})
    write_notes(workdir / "in", [notes[0], changed])
    assert main(["publish", "in", "--endpoint", oxigraph_server.query_url, "-q"]) == 0
    triples = graph_ntriples(oxigraph_server, str(note_iri(changed, BASE)))
    assert any('"Gewijzigde titel"@nl' in t for t in triples)
    assert not any("Nota nummer 2" in t for t in triples)
    assert oxigraph_server.count() == before


def test_gsp_override_and_turtle_bodies(workdir, notes, oxigraph_server):
    write_notes(workdir / "in", notes[:2])
    assert main(["publish", "in", "--gsp", oxigraph_server.gsp_url, "--gsp-format", "turtle", "-q"]) == 0
    assert oxigraph_server.count(str(note_iri(notes[0], BASE))) == expected_count(notes[0])


def test_server_killed_mid_batch(tmp_path, config, notes, oxigraph_server):
    """The notes before the crash are there and complete; running again finishes the rest."""
    failures: list[str] = []

    def crash_after_three(label, iri):
        if len(pub.report.published) == 3:
            oxigraph_server.kill()

    with oxigraph_server.client() as client:
        pub = Publisher(config, client=client, on_published=crash_after_three, on_failed=failures.append)
        with pub:
            for i, note in enumerate(notes):
                pub.add(f"note-{i}", note)
    report = pub.report
    assert len(report.published) == 3
    assert pub.halted and "unreachable" in pub.halted
    assert failures[0].startswith("note-3: not published: ") and "unreachable" in failures[0]
    assert "Connection refused" in failures[0]
    assert [f.split(":")[0] for f in failures] == ["note-3"]  # said once; the rest recorded
    assert [f.split(":")[0] for f in report.failed] == [f"note-{i}" for i in range(3, len(notes))]

    oxigraph_server.start()  # same store folder: what was written survived the crash
    for note in notes[:3]:
        assert oxigraph_server.count(str(note_iri(note, BASE))) == expected_count(note)
    for note in notes[3:]:
        assert oxigraph_server.count(str(note_iri(note, BASE))) == 0

    with oxigraph_server.client() as client, Publisher(config, client=client) as again:
        for i, note in enumerate(notes):
            again.add(f"note-{i}", note)
    assert again.report.ok and len(again.report.published) == len(notes)
    for note in notes:
        assert oxigraph_server.count(str(note_iri(note, BASE))) == expected_count(note)


def test_unreachable_endpoint_is_one_summary_line_after_the_retries(workdir, notes, capsys):
    write_notes(workdir / "in", notes[:3])
    from publish_helpers import free_port

    url = f"http://127.0.0.1:{free_port()}/query"
    assert main(["publish", "in", "--endpoint", url, "--retries", "1", "--timeout", "2"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith("in/note-01.json: not published: http://127.0.0.1:")
    assert "unreachable after 2 tries" in err[0]
    assert err[1:] == ["kenmerk: stopped: endpoint unreachable; run the same command again to publish the rest "
                       "(2 notes not attempted)"]  # not a line per note


def test_injection_like_title_round_trips_through_the_endpoint(workdir, notes, oxigraph_server, capsys):
    write_notes(workdir / "in", notes)
    assert main(["publish", "in", "--endpoint", oxigraph_server.query_url, "-q"]) == 0
    capsys.readouterr()
    assert main(["query", "--endpoint", oxigraph_server.query_url, "--example", "notes-by-kenmerk",
                 "--param", 'kenmerk=X"} ; DROP ALL ; #', "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert [r["title"]["value"] for r in rows] == [INJECTION_TITLE]
    assert main(["query", "--endpoint", oxigraph_server.query_url, "--format", "csv",
                 "SELECT ?title WHERE { GRAPH ?g { ?n <http://purl.org/dc/terms/title> ?title ; "
                 "<https://w3id.org/kenmerk/def#kenmerk> ?k } }", "--param", 'k=X"} ; DROP ALL ; #']) == 0
    out = capsys.readouterr().out
    assert out.startswith("title\r\n")
    import csv
    import io

    assert list(csv.reader(io.StringIO(out)))[1] == [INJECTION_TITLE]
    assert len(notes) + 2 == len(requests.post(  # the notes, the shared graph and the catalog
        oxigraph_server.query_url, data=b"SELECT DISTINCT ?g WHERE { GRAPH ?g {} }",
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
        timeout=10).json()["results"]["bindings"])


@pytest.mark.parametrize("endpoint, gsp", [
    ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/store"),
    ("http://localhost:3030/ds/query", "http://localhost:3030/ds/data"),
    ("http://localhost:3030/ds/sparql", "http://localhost:3030/ds/data"),
    ("http://localhost:7200/repositories/notes", "http://localhost:7200/repositories/notes/rdf-graphs/service"),
    ("http://localhost:8890/sparql", "http://localhost:8890/sparql-graph-crud"),
])
def test_endpoint_conventions(endpoint, gsp, monkeypatch):
    monkeypatch.delenv("KENMERK_USER", raising=False)
    monkeypatch.delenv("KENMERK_TOKEN", raising=False)
    assert endpoint_urls(endpoint) == (endpoint, gsp)


def test_credentials_in_the_url_are_refused(workdir, notes, capsys):
    write_notes(workdir / "in", notes[:1])
    assert main(["publish", "in", "--endpoint", "https://user:secret@example.org/query"]) == 2
    err = capsys.readouterr().err
    assert "secret" not in err and "KENMERK_USER" in err
    with pytest.raises(InvalidSetting):
        endpoint_urls("http://example.org/unknown/path/x")
