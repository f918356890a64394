"""Stores beyond Oxigraph: a real Virtuoso 7 (Debian's virtuoso-opensource), with Digest authentication.

Its Graph Store endpoint `/sparql-graph-crud-auth` demands Digest; its query endpoint hangs on a raw
`application/sparql-query` body, so kenmerk sends queries URL-encoded. Publishing twice leaves the
same quads; the example queries give the same answers as on the embedded store.
"""
from __future__ import annotations

import pytest
from linked_helpers import DOCS, letter_with_attachment, six_notes
from publish_helpers import BASE, write_notes

from kenmerk.output.cli import main

#: every shipped example, with parameters that find something in the notes of `six_notes()`
EXAMPLES = [
    ("notes-per-organisation-per-year", []),
    ("notes-per-type-per-month", []),
    ("beslisnotas-by-ministry", ["organisation=mnre1090", "from=2024-01-01", "to=2024-12-31"]),
    ("notes-citing-woo-ground", ["ground=5.1.2e"]),
    ("notes-by-kenmerk", ["kenmerk= 2024-0000000001"]),
    ("notes-by-kenmerk", ['kenmerk=x"} ; drop all ; #']),
    ("attachments-of-note", ["kenmerk=2024-0000000001"]),
    ("attachments-of-note", ["kenmerk=2024-0000000101"]),
]


@pytest.fixture
def digest(monkeypatch):
    """Virtuoso's own administrator, which its Digest-protected Graph Store accepts."""
    monkeypatch.setenv("KENMERK_USER", "dba")
    monkeypatch.setenv("KENMERK_PASSWORD", "dba")


@pytest.fixture
def inputs(workdir):
    write_notes(workdir / "in", six_notes() + list(letter_with_attachment()))
    return workdir / "in"


def test_publishing_with_digest_twice_gives_the_same_quads(virtuoso, workdir, inputs, digest, capsys):
    """The bar: publish to Virtuoso with Digest credentials, twice, the same quad count; query answers."""
    args = ["publish", "in", "--endpoint", virtuoso.query_url, "--download-base", DOCS]
    assert main(args) == 0
    assert "to endpoint " + virtuoso.url + "/sparql-graph-crud-auth" in capsys.readouterr().out
    first = virtuoso.count(BASE)
    assert main(args + ["-q"]) == 0
    assert virtuoso.count(BASE) == first
    # the notes and shared resources are the quads the embedded store holds (the catalogs differ: the
    # endpoint's describes its SPARQL service)
    assert main(["publish", "in", "--store", "s", "--download-base", DOCS, "-q"]) == 0
    capsys.readouterr()
    assert main(["query", "--store", "s", "--format", "csv", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
                 f'FILTER(STRSTARTS(STR(?g), "{BASE}note/") || ?g = <{BASE}shared>) }}']) == 0
    assert int(capsys.readouterr().out.splitlines()[1]) == virtuoso.count(BASE + "note/") + virtuoso.count(BASE + "shared")
    assert main(["query", "--endpoint", virtuoso.query_url, "ASK { ?n a <https://w3id.org/kenmerk/def#Note> }"]) == 0
    assert capsys.readouterr().out == "true\n"


def test_wrong_credentials_are_refused_in_one_line(virtuoso, workdir, inputs, monkeypatch, capsys):
    monkeypatch.setenv("KENMERK_USER", "dba")
    monkeypatch.setenv("KENMERK_PASSWORD", "not-the-password")
    assert main(["publish", "in", "--endpoint", virtuoso.query_url, "-q"]) == 1
    err = capsys.readouterr().err
    assert "HTTP 401" in err and "refused the credentials" in err and "not-the-password" not in err


@pytest.mark.parametrize("name,params", EXAMPLES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(EXAMPLES)])
def test_example_queries_answer_the_same_as_on_the_embedded_store(virtuoso, workdir, inputs, digest, capsys,
                                                                   name, params):
    assert main(["publish", "in", "--endpoint", virtuoso.query_url, "-q"]) == 0
    assert main(["publish", "in", "--store", "s", "-q"]) == 0
    answers = []
    for target in (["--store", "s"], ["--endpoint", virtuoso.query_url]):
        capsys.readouterr()
        assert main(["query", "--example", name, *[a for p in params for a in ("--param", p)], "--format", "csv",
                     *target]) == 0
        answers.append(sorted(capsys.readouterr().out.splitlines()))
    assert len(answers[0]) > 1, "the query found nothing on the store"
    assert answers[0] == answers[1]
