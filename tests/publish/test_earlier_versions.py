"""A corrected note replaces its earlier version (issue 20 follow-up): a correction of the kenmerk, date
or organisation mints a new note IRI, and publishing it removes the other note graphs of the same source
document (the same `spdx:checksumValue`) — in the embedded store and over the Graph Store Protocol."""
from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
import requests
from publish_helpers import BASE, make_note, write_notes

from kenmerk.output.cli import main
from kenmerk.output.corrections import Correction, Corrections
from kenmerk.output.graph import note_iri, reviewer_iri, shared_graph_iri
from kenmerk.output.publish import Publisher, note_to_triples
from kenmerk.output.store import EmbeddedStore, TermConverter

AT = "2025-01-07T10:12:00+01:00"
NEW_DATE = "2024-04-02"
SHARED = str(shared_graph_iri(BASE))
CHECKSUMS = ("SELECT ?g ?created WHERE { GRAPH ?g { ?c <http://spdx.org/rdf/terms#checksumValue> ?sha . "
             "?n <http://purl.org/dc/terms/created> ?created } }")


def fix(sha: str, field: str = "date", value: str = NEW_DATE) -> dict:
    return {"document": sha, "field": field, "value": value, "by": "A. Reviewer", "at": AT}


def corrections_file(path: Path, *lines: dict) -> Path:
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


def corrected(note, **values):
    fixes = {f: Correction.model_validate(fix(note.source.sha256, f, v)) for f, v in values.items()}
    return Corrections(by_document={note.source.sha256: fixes}).apply(note)


def graphs(path: Path) -> dict[str, frozenset[str]]:
    """Triples per named graph of the store at `path`, the catalog left out (its times change every run)."""
    with EmbeddedStore(path) as store:
        out: dict[str, set[str]] = {}
        for q in store.quads():
            out.setdefault(q.graph_name.value, set()).add(f"{q.subject} {q.predicate} {q.object}")
    return {g: frozenset(t) for g, t in out.items() if not g.endswith("/catalog")}


def note_graphs(found: dict) -> dict:
    return {g: t for g, t in found.items() if g != SHARED}


# -- the embedded store -------------------------------------------------------------------------------------


def test_a_date_correction_replaces_the_earlier_graph_in_the_store_and_leaves_the_shared_graph_right(
        workdir, capsys):
    notes = [make_note(i) for i in (1, 2, 3)]
    write_notes(workdir / "in", notes)
    fixes = corrections_file(workdir / "fixes.jsonl", fix(notes[1].source.sha256))
    assert main(["publish", "in", "--store", "S", "-q"]) == 0
    before = graphs(workdir / "S")
    assert main(["publish", "in", "--store", "S", "--corrections", str(fixes), "-q"]) == 0
    after = graphs(workdir / "S")

    fixed = corrected(notes[1], date=NEW_DATE)
    old, new = str(note_iri(notes[1], BASE)), str(note_iri(fixed, BASE))
    assert old != new and old in before
    assert set(note_graphs(after)) == set(note_graphs(before)) - {old} | {new}   # one graph of the document
    assert f'"{NEW_DATE}"^^<http://www.w3.org/2001/XMLSchema#date>' in " ".join(after[new])
    with EmbeddedStore(workdir / "S") as store:
        rows = list(store.store.query(CHECKSUMS.replace("?sha", f'"{notes[1].source.sha256}"'
                                                        "^^<http://www.w3.org/2001/XMLSchema#hexBinary>")))
    assert [(r["g"].value, r["created"].value) for r in rows] == [(new, NEW_DATE)]
    # the shared graph: as before, plus the reviewer the correction names; the same as a fresh store's
    added = after[SHARED] - before[SHARED]
    assert before[SHARED] <= after[SHARED] and added
    assert all(t.startswith(f"<{reviewer_iri('A. Reviewer', BASE)}>") for t in added), added
    assert main(["publish", "in", "--store", "fresh", "--corrections", str(fixes), "-q"]) == 0
    assert graphs(workdir / "fresh") == after
    # publishing the corrected notes again gives the same quads
    assert main(["publish", "in", "--store", "S", "--corrections", str(fixes), "-q"]) == 0
    assert graphs(workdir / "S") == after
    assert "warning" not in capsys.readouterr().err


def test_the_corpus_note_published_again_with_a_corrected_date_keeps_one_note_graph(corpus_dir, workdir, capsys):
    import hashlib

    source = corpus_dir / "raw" / "az_beslisnota_2024-01-15_nl-mnre1010-2e-b-2024-1-doc-1_p1.txt"
    if not source.is_file():
        pytest.skip(f"{source.name} is not in this corpus")
    doc = workdir / source.name
    shutil.copyfile(source, doc)
    sha = hashlib.sha256(doc.read_bytes()).hexdigest()
    fixes = corrections_file(workdir / "fixes.jsonl", fix(sha, value="2024-01-16"))
    assert main(["publish", str(doc), "--store", "S", "-q"]) == 0
    assert main(["publish", str(doc), "--store", "S", "--corrections", str(fixes), "-q"]) == 0
    with EmbeddedStore(workdir / "S") as store:
        rows = list(store.store.query(CHECKSUMS))
    assert [r["created"].value for r in rows] == ["2024-01-16"], [r["g"].value for r in rows]
    assert "/2024-01-16/" in rows[0]["g"].value


def test_a_store_that_holds_both_versions_already_loses_the_earlier_when_the_later_is_published_unchanged(
        tmp_path, config):
    note = make_note(5)
    fixed = corrected(note, date=NEW_DATE)
    with EmbeddedStore(tmp_path / "S") as store:      # as a publish before this fix left it: both versions
        converter = TermConverter()
        for n in (note, fixed):
            iri, triples = note_to_triples(n, BASE)
            store.replace_graphs({iri: converter.quads(triples, iri)})
    with Publisher(config, store=tmp_path / "S") as pub:
        pub.add("fixed.json", fixed)
    assert set(note_graphs(graphs(tmp_path / "S"))) == {str(note_iri(fixed, BASE))}


def test_two_versions_of_one_document_in_one_run_leave_the_later(tmp_path, config, capsys):
    note = make_note(7)
    fixed = corrected(note, date=NEW_DATE, kenmerk="2024-KORT")
    for batch_size in (1, 10):  # the earlier one already written, or still waiting in the batch
        path = tmp_path / f"store-{batch_size}"
        with Publisher(config, store=path, batch_size=batch_size) as pub:
            pub.add("a.json", note)
            pub.add("b.json", make_note(8))
            pub.add("a-fixed.json", fixed)
        names = set(note_graphs(graphs(path)))
        assert names == {str(note_iri(fixed, BASE)), str(note_iri(make_note(8), BASE))}, batch_size
        assert pub.report.stats.notes == 2
        err = capsys.readouterr().err
        assert err.count("a-fixed.json: the same document as a.json under another IRI") == 1, err


# -- over the Graph Store Protocol: a real `oxigraph serve` ------------------------------------------------------


def server_graphs(server) -> dict[str, str]:
    """Note graph → its dct:created, of every note graph on the server (by the checksum each records)."""
    answer = requests.post(server.query_url, data={"query": CHECKSUMS},
                           headers={"Accept": "application/sparql-results+json"}, timeout=10)
    answer.raise_for_status()
    return {b["g"]["value"]: b["created"]["value"] for b in answer.json()["results"]["bindings"]}


def shared_triples(server) -> set[str]:
    answer = requests.get(server.gsp_url, params={"graph": SHARED}, headers={"Accept": "application/n-triples"},
                          timeout=10)
    answer.raise_for_status()
    return {line for line in answer.text.splitlines() if line.strip()}


def test_over_the_endpoint_the_earlier_version_is_deleted_after_the_put(workdir, oxigraph_server, capsys):
    notes = [make_note(i, date=dt.date(2024, 3, i)) for i in (1, 2, 3)]
    write_notes(workdir / "in", notes)
    fixes = corrections_file(workdir / "fixes.jsonl", fix(notes[0].source.sha256), fix(notes[2].source.sha256))
    endpoint = ["--endpoint", oxigraph_server.query_url, "-q"]
    assert main(["publish", "in", *endpoint]) == 0
    shared_before = shared_triples(oxigraph_server)
    assert main(["publish", "in", "--corrections", str(fixes), "--batch-size", "2", *endpoint]) == 0
    expected = {str(note_iri(corrected(notes[0], date=NEW_DATE), BASE)): NEW_DATE,
                str(note_iri(notes[1], BASE)): "2024-03-02",
                str(note_iri(corrected(notes[2], date=NEW_DATE), BASE)): NEW_DATE}
    assert server_graphs(oxigraph_server) == expected
    # the shared graph: as before, plus the reviewer the corrections name
    shared_after = shared_triples(oxigraph_server)
    added = shared_after - shared_before
    assert shared_before <= shared_after and added
    assert all(t.startswith(f"<{reviewer_iri('A. Reviewer', BASE)}>") for t in added), added
    second = oxigraph_server.count()
    assert main(["publish", "in", "--corrections", str(fixes), *endpoint]) == 0
    assert oxigraph_server.count() == second and shared_triples(oxigraph_server) == shared_after  # the same again
    assert "earlier versions" not in capsys.readouterr().err


def test_without_a_query_url_the_earlier_version_stays_and_one_warning_says_so(workdir, oxigraph_server, capsys):
    notes = [make_note(i) for i in (1, 2, 3)]
    write_notes(workdir / "in", notes)
    fixes = corrections_file(workdir / "fixes.jsonl", *(fix(n.source.sha256) for n in notes))
    gsp_only = ["--gsp", oxigraph_server.gsp_url, "-q"]
    assert main(["publish", "in", *gsp_only]) == 0
    capsys.readouterr()
    assert main(["publish", "in", "--corrections", str(fixes), "--batch-size", "1", *gsp_only]) == 0
    assert len(server_graphs(oxigraph_server)) == 6       # both versions of each: the gap the warning names
    lines = [line for line in capsys.readouterr().err.splitlines() if "earlier versions" in line]
    assert lines == [f"kenmerk: warning: {oxigraph_server.gsp_url}: no SPARQL query URL (--endpoint), so earlier "
                     "versions of a note (its document under another IRI, as after a correction of its kenmerk, "
                     "date or organisation) are not found and stay there"]
