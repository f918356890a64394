"""`kenmerk query`: shipped examples on published fixture notes, safe parameter binding, output formats."""
from __future__ import annotations

import csv
import io
import json

import pytest
from publish_helpers import BASE, INJECTION_TITLE, write_notes
from rdflib import Literal, URIRef

from kenmerk.output.cli import main
from kenmerk.output.graph import note_iri
from kenmerk.output.query import (
    QueryError,
    QueryResult,
    bind_params,
    examples,
    format_result,
    inject_values,
    parse_header,
)

EXAMPLES = {"attachments-of-note", "beslisnotas-by-ministry", "notes-by-kenmerk", "notes-citing-woo-ground"}


@pytest.fixture
def published(workdir, notes):
    """The fixture notes in the embedded store `s`."""
    write_notes(workdir / "in", notes)
    assert main(["publish", "in", "--store", "s", "-q"]) == 0
    return notes


def rows(capsys, *args: str, target: list[str]) -> list[dict[str, str]]:
    capsys.readouterr()
    assert main(["query", *target, "--format", "json", *args]) == 0
    data = json.loads(capsys.readouterr().out)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def iri(note) -> str:
    return str(note_iri(note, BASE))


def expected_rows(notes):
    """Expected rows of every example on the fixture notes (see conftest `notes`)."""
    n = notes
    return {
        ("beslisnotas-by-ministry", ("organisation=Ministerie van Financiën", "from=2024-01-01", "to=2024-03-31")): [
            {"note": iri(n[0]), "date": "2024-01-15", "kenmerk": "2024-0000000001", "title": "Nota nummer 1",
             "decision": "Instemmen met de begroting."},
            {"note": iri(n[1]), "date": "2024-02-10", "kenmerk": "2024-0000000002", "title": "Nota nummer 2",
             "decision": "Akkoord gaan met het voorstel."},
            {"note": iri(n[5]), "date": "2024-03-01", "kenmerk": 'X"} ; DROP ALL ; #', "title": INJECTION_TITLE,
             "decision": INJECTION_TITLE},
        ],
        ("beslisnotas-by-ministry", ("organisation=mnre1025", "from=2024-01-01", "to=2024-12-31")): [
            {"note": iri(n[2]), "date": "2024-05-20", "kenmerk": "2024-0000000003", "title": "Nota nummer 3",
             "decision": "Kennisnemen van de voortgang."},
        ],
        ("notes-citing-woo-ground", ("ground=5.1.2e",)): [
            {"note": iri(n[1]), "kenmerk": "2024-0000000002", "date": "2024-02-10", "title": "Nota nummer 2",
             "count": "1"},
            {"note": iri(n[3]), "kenmerk": "2024-0000000004", "date": "2024-03-01", "title": "Nota nummer 4",
             "count": "1"},
        ],
        ("notes-citing-woo-ground", ("ground=5.2",)): [
            {"note": iri(n[1]), "kenmerk": "2024-0000000002", "date": "2024-02-10", "title": "Nota nummer 2",
             "count": "1"},
        ],
        ("attachments-of-note", ("kenmerk=2024-0000000001",)): [
            {"note": iri(n[0]), "position": "1", "number": "1", "title": "Begroting 2024"},
            {"note": iri(n[0]), "position": "2", "number": "2", "title": "Toelichting"},
        ],
        ("notes-by-kenmerk", ("kenmerk=2024-0000000004",)): [
            {"note": iri(n[3]), "type": "Kamerbrief", "date": "2024-03-01",
             "publisher": "ministerie van Financiën", "title": "Nota nummer 4"},
        ],
        ("notes-by-kenmerk", ('kenmerk=X"} ; DROP ALL ; #',)): [
            {"note": iri(n[5]), "type": "beslisnota", "date": "2024-03-01",
             "publisher": "ministerie van Financiën", "title": INJECTION_TITLE},
        ],
    }


def _strip(found: list[dict[str, str]], expected: list[dict[str, str]]) -> list[dict[str, str]]:
    keys = set().union(*expected) if expected else set()
    return [{k: v for k, v in row.items() if k in keys} for row in found]


def test_examples_are_shipped_and_documented():
    found = examples()
    assert EXAMPLES <= set(found)
    for ex in found.values():  # the counting queries take no parameters
        assert ex.description and (ex.params or "COUNT(" in ex.text), ex.name


def test_examples_on_the_store(published, capsys):
    for (name, params), expected in expected_rows(published).items():
        args = ["--example", name] + [a for p in params for a in ("--param", p)]
        found = rows(capsys, *args, target=["--store", "s"])
        assert _strip(found, expected) == expected, (name, params)


def test_examples_on_an_endpoint(workdir, notes, oxigraph_server, capsys):
    write_notes(workdir / "in", notes)
    assert main(["publish", "in", "--endpoint", oxigraph_server.query_url, "-q"]) == 0
    for (name, params), expected in expected_rows(notes).items():
        args = ["--example", name] + [a for p in params for a in ("--param", p)]
        found = rows(capsys, *args, target=["--endpoint", oxigraph_server.query_url])
        assert _strip(found, expected) == expected, (name, params)


def test_woo_ground_label_is_returned(published, capsys):
    found = rows(capsys, "--example", "notes-citing-woo-ground", "--param", "ground=5.2",
                 target=["--store", "s"])
    assert found[0]["groundLabel"].startswith("Woo art. 5.2")


def test_bound_parameter_columns_are_left_out(published, capsys):
    found = rows(capsys, "--example", "notes-by-kenmerk", "--param", "kenmerk=2024-0000000001",
                 target=["--store", "s"])
    assert "kenmerk" not in found[0]


def test_ad_hoc_query_file_and_formats(published, workdir, capsys):
    q = workdir / "titles.rq"
    q.write_text("# Titles of one note.\n# param note iri: the note\n"
                 "SELECT ?note ?title WHERE { GRAPH ?note { ?note <http://purl.org/dc/terms/title> ?title } }\n",
                 encoding="utf-8")
    capsys.readouterr()
    assert main(["query", "--store", "s", "--file", str(q), "--param", f"note={iri(published[5])}",
                 "--format", "csv"]) == 0
    table = list(csv.reader(io.StringIO(capsys.readouterr().out)))
    assert table == [["title"], [INJECTION_TITLE]]
    assert main(["query", "--store", "s", "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].strip() == "n" and out[2].strip() == str(len(published) + 2) and out[-1] == "(1 row)"
    assert main(["query", "--store", "s", "ASK { GRAPH ?g { ?s ?p ?o } }"]) == 0
    assert capsys.readouterr().out == "true\n"


def test_query_errors_are_usage_errors(published, capsys):
    assert main(["query", "--store", "s", "SELECT WHERE {"]) == 2
    assert "SPARQL syntax error" in capsys.readouterr().err
    assert main(["query", "--store", "s", "--example", "notes-by-kenmerk"]) == 2
    assert "missing parameter kenmerk" in capsys.readouterr().err
    assert main(["query", "--store", "s", "--example", "beslisnotas-by-ministry", "--param", "organisation=mnre1090",
                 "--param", "from=gisteren", "--param", "to=2024-01-01"]) == 2
    assert "not a date" in capsys.readouterr().err
    assert main(["query", "--store", "s", "--example", "no-such"]) == 2
    assert main(["query", "--store", "s", "--example", "notes-by-kenmerk", "--param", "kenmerk=x",
                 "--param", "evil=1"]) == 2
    assert "unknown parameter 'evil'" in capsys.readouterr().err


def test_query_list(capsys):
    assert main(["query", "--list"]) == 0
    out = capsys.readouterr().out
    assert all(name in out for name in EXAMPLES)


def test_bind_params_makes_terms():
    _, declared = parse_header("# x\n# param k literal: a\n# param d date: b\n# param o organisation: c\n"
                               "# param u iri?: d\nSELECT * {}")
    terms = bind_params({"k": '"} DROP', "d": "2024-02-29", "o": "mnre1090"}, declared)
    assert terms["k"] == Literal('"} DROP')
    assert terms["d"].datatype.endswith("#date")
    assert terms["o"] == URIRef("https://identifier.overheid.nl/tooi/id/ministerie/mnre1090")
    with pytest.raises(QueryError, match="not a valid IRI"):
        bind_params({"k": "a", "d": "2024-01-01", "o": "mnre1090", "u": "http://x> } DROP ALL {"}, declared)
    assert bind_params({"x": "<https://a.nl/b>"}) == {"x": URIRef("https://a.nl/b")}


def test_inject_values_places_the_block_in_the_where_group():
    terms = {"k": Literal('"} ; DROP ALL ; #\n>')}
    q = 'PREFIX a: <http://a/> # { not here\nSELECT ?x WHERE { ?x a:p "{" ; a:k ?k } LIMIT 5'
    out = inject_values(q, terms)
    assert out.startswith('PREFIX a: <http://a/> # { not here\nSELECT ?x WHERE { VALUES (?k) { (')
    assert out.endswith('?x a:p "{" ; a:k ?k } LIMIT 5')
    c = inject_values("CONSTRUCT { ?s ?p ?k } WHERE { ?s ?p ?k }", terms)
    assert c.startswith("CONSTRUCT { ?s ?p ?k } WHERE { VALUES (?k)")
    import pyoxigraph as ox

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("http://a/s"), ox.NamedNode("http://a/k"), ox.Literal('"} ; DROP ALL ; #\n>')))
    assert list(store.query(out)) == []  # parses; no ?x has a:p "{"
    found = store.query(inject_values("SELECT ?s WHERE { ?s <http://a/k> ?k }", terms))
    assert [r["s"].value for r in found] == ["http://a/s"]


def test_table_keeps_iris_whole_and_shortens_long_text():
    r = QueryResult("select", ["a", "b"], [{"a": URIRef("https://x.nl/" + "y" * 100), "b": Literal("z" * 100)}])
    line = format_result(r, "table").splitlines()[2]
    assert "y" * 100 in line and "z" * 100 not in line and "…" in line
