"""`kenmerk publish` into the embedded store (a real pyoxigraph store on disk)."""
from __future__ import annotations

import json

import pyoxigraph as ox
import pytest
from publish_helpers import BASE, INJECTION_TITLE, OxigraphServer, make_note, write_notes

from kenmerk.output.catalog import catalog_graph_iri
from kenmerk.output.cli import main
from kenmerk.output.graph import note_iri, note_parts, shared_graph_iri
from kenmerk.output.publish import Publisher, iter_inputs
from kenmerk.output.store import EmbeddedStore, StoreBusy, TermConverter


def store_quads(path) -> set[str]:
    store = ox.Store.read_only(str(path))
    return {str(q) for q in store}


def store_graphs(path) -> set[str]:
    store = ox.Store.read_only(str(path))
    return {g.value for g in store.named_graphs()}


def graph_quads(path, iri: str) -> set[str]:
    store = ox.Store.read_only(str(path))
    return {f"{q.subject} {q.predicate} {q.object}" for q in store.quads_for_pattern(None, None, None, ox.NamedNode(iri))}


def expected_triples(note) -> set[str]:
    """The note's triples as Oxigraph keeps them (it stores derived integer types as xsd:integer)."""
    memory = ox.Store()
    memory.extend(TermConverter().quads(note_parts(note, base=BASE).triples, "urn:x:g"))  # its own graph
    return {f"{q.subject} {q.predicate} {q.object}" for q in memory}


def test_publish_twice_leaves_the_same_triples(workdir, notes, capsys):
    write_notes(workdir / "in", notes)
    assert main(["publish", "in"]) == 0
    first = store_quads(workdir / "kenmerk-store")
    assert main(["publish", "in"]) == 0
    assert store_quads(workdir / "kenmerk-store") == first
    out = capsys.readouterr().out
    assert f"published {len(notes)} notes to store kenmerk-store" in out
    assert len(store_graphs(workdir / "kenmerk-store")) == len(notes) + 2  # a graph per note, shared, catalog


def test_each_note_in_its_own_named_graph(workdir, notes):
    write_notes(workdir / "in", notes)
    assert main(["publish", "in", "--store", "s"]) == 0
    for note in notes:
        assert graph_quads(workdir / "s", str(note_iri(note, BASE))) == expected_triples(note)


def test_changed_note_is_updated_not_duplicated(workdir, notes):
    write_notes(workdir / "in", notes)
    assert main(["publish", "in", "--store", "s"]) == 0
    changed = notes[0].model_copy(update={"title": "Een nieuwe titel"})
    write_notes(workdir / "in", [changed])  # overwrites note-01.json
    assert main(["publish", "in", "--store", "s"]) == 0
    got = graph_quads(workdir / "s", str(note_iri(changed, BASE)))
    assert got == expected_triples(changed)
    assert not any("Nota nummer 1" in t for t in got)


def test_injection_like_title_round_trips(workdir, notes, capsys):
    write_notes(workdir / "in", notes)
    assert main(["publish", "in", "--store", "s"]) == 0
    capsys.readouterr()
    assert main(["query", "--store", "s", "--example", "notes-by-kenmerk",
                 "--param", 'kenmerk=X"} ; DROP ALL ; #', "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert [r["title"]["value"] for r in rows] == [INJECTION_TITLE]
    # nothing was dropped
    assert len(store_graphs(workdir / "s")) == len(notes) + 2


def test_failing_files_are_reported_and_the_rest_goes_in(workdir, notes, capsys):
    folder = write_notes(workdir / "in", notes[:2])
    (folder / "broken.json").write_text("{not json", encoding="utf-8")
    (folder / "invalid.json").write_text(json.dumps({"document_type": "nota"}), encoding="utf-8")
    (folder / "lines.jsonl").write_text(
        notes[2].model_dump_json() + "\n\n" + '{"x": 1}\n' + notes[3].model_dump_json() + "\n", encoding="utf-8")
    assert main(["publish", "in", "--store", "s"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert sorted(line.split(": ", 1)[0] for line in err) == [
        "in/broken.json", "in/invalid.json", "in/lines.jsonl:3"]
    assert all(len(line.split(": ", 1)) == 2 for line in err)
    assert len(store_graphs(workdir / "s")) == 4 + 2


def test_store_served_by_another_process_is_a_clear_error(workdir, notes, capsys):
    write_notes(workdir / "in", notes[:1])
    server = OxigraphServer(workdir / "s")
    server.start()
    try:
        assert main(["publish", "in", "--store", "s"]) == 1
        err = capsys.readouterr().err
        assert f"the store is open in `oxigraph serve`, process {server.process.pid}" in err
        assert "--endpoint" in err and len(err.splitlines()) == 1
        # reading next to the server works
        assert main(["query", "--store", "s", "ASK { ?s ?p ?o }"]) == 0
        # and publishing through the server works
        assert main(["publish", "in", "--endpoint", server.query_url, "-q"]) == 0
    finally:
        server.stop()


def test_store_opened_elsewhere_raises_store_busy(tmp_path):
    holder = ox.Store(str((tmp_path / "s").resolve()))
    with pytest.raises(StoreBusy) as info:
        EmbeddedStore(tmp_path / "s")
    assert str(info.value) == f"{tmp_path / 's'}: the store is already open in this process"
    del holder


def test_store_busy_names_another_publish_instead_of_guessing_serve(workdir, notes, capsys):
    """The holder is a `kenmerk publish` waiting for a download we hold back; the message says so."""
    import subprocess
    import sys
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    asked, release = threading.Event(), threading.Event()

    class Slow(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def do_GET(self) -> None:
            asked.set()
            release.wait(30)
            body = notes[0].model_dump_json().encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/note.txt"
    publish = subprocess.Popen([sys.executable, "-m", "kenmerk.output.cli", "publish", url, "--store", "s", "-q",
                                "--jobs", "0"], cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        assert asked.wait(60), "the publish never asked for its input"
        write_notes(workdir / "in", notes[:1])
        assert main(["publish", "in", "--store", "s"]) == 1
        err = capsys.readouterr().err
        assert err == (f"kenmerk: s: the store is open in another `kenmerk publish`, process {publish.pid}; "
                       "wait for it to finish\n")
    finally:
        release.set()
        publish.wait(60)
        server.shutdown()
        server.server_close()


def test_default_store_from_environment(workdir, notes, monkeypatch):
    monkeypatch.setenv("KENMERK_STORE", str(workdir / "env-store"))
    write_notes(workdir / "in", notes[:1])
    assert main(["publish", "in", "-q"]) == 0
    assert (workdir / "env-store" / "CURRENT").exists()
    assert not (workdir / "kenmerk-store").exists()


def test_batches_replace_graphs_across_batch_boundaries(tmp_path, config, notes):
    """Small batches: a note repeated in a later batch still ends up once."""
    path = tmp_path / "s"
    with Publisher(config, store=path, batch_size=2) as pub:
        for i, note in enumerate(notes + notes[:3]):
            pub.add(f"n{i}", note)
    assert len(pub.report.published) == len(notes) + 3
    for note in notes:
        assert graph_quads(path, str(note_iri(note, BASE))) == expected_triples(note)


def test_catalog_graph_counts_the_store(tmp_path, config, notes):
    path = tmp_path / "s"
    with Publisher(config, store=path) as pub:
        for i, note in enumerate(notes):
            pub.add(f"n{i}", note)
    stats = pub.report.stats
    total = sum(len(expected_triples(n)) for n in notes)
    assert (stats.notes, stats.triples, stats.organisations) == (len(notes), total, 2)
    catalog = graph_quads(path, catalog_graph_iri(BASE))
    assert any("<http://rdfs.org/ns/void#triples>" in t and f'"{total}"' in t for t in catalog)


def test_iter_inputs_reads_documents_json_and_jsonl(tmp_path, notes):
    (tmp_path / "a.json").write_text(notes[0].model_dump_json(indent=2), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("\n".join(n.model_dump_json() for n in notes[1:3]), encoding="utf-8")
    (tmp_path / "c.json").write_text(json.dumps([json.loads(notes[3].model_dump_json())]), encoding="utf-8")
    (tmp_path / "d.txt").write_text("Ons kenmerk 2024-123\n\nNota aan de minister\n", encoding="utf-8")
    (tmp_path / "ignored.csv").write_text("a,b\n", encoding="utf-8")
    labels = [label for label, _ in iter_inputs([tmp_path])]
    assert [lbl.replace(str(tmp_path) + "/", "") for lbl in labels] == [
        "a.json", "b.jsonl:1", "b.jsonl:2", "c.json[1]", "d.txt"]


def test_same_note_twice_in_one_run_warns_and_keeps_one(workdir, notes, capsys):
    folder = write_notes(workdir / "in", notes[:1])
    (folder / "copy.json").write_text(notes[0].model_dump_json(), encoding="utf-8")
    assert main(["publish", "in", "--store", "s"]) == 0
    assert "same note IRI" in capsys.readouterr().err
    assert graph_quads(workdir / "s", str(note_iri(notes[0], BASE))) == expected_triples(notes[0])


def test_make_note_helper_is_valid():
    note = make_note(42, title="x")
    assert note.title == "x" and note.source.sha256


def test_note_graphs_read_back_from_the_store_conform_to_the_shapes(workdir, notes):
    # regression: counts and pages were xsd:positiveInteger, which Oxigraph keeps as
    # xsd:integer, so graphs read back from the store failed the shapes
    from rdflib import Graph

    from kenmerk.output.shacl import validate_graph
    from kenmerk.output.store import to_rdflib

    write_notes(workdir / "in", notes)
    assert main(["publish", str(workdir / "in"), "--store", str(workdir / "store"), "-q"]) == 0
    store = ox.Store.read_only(str(workdir / "store"))
    for note in notes:  # the note's graph with the shared resources it points to
        graph = Graph()
        for name in (str(note_iri(note, BASE)), str(shared_graph_iri(BASE))):
            for q in store.quads_for_pattern(None, None, None, ox.NamedNode(name)):
                graph.add((to_rdflib(q.subject), to_rdflib(q.predicate), to_rdflib(q.object)))
        assert len(graph) > 20
        report = validate_graph(graph)
        assert report.conforms, [str(r) for r in report.results][:3]
