"""Corrections in the triples (issue 20 item 4): a corrected field is a `prov:Activity` of its reviewer, a
`prov:Agent`; the extracted value is published only with --keep-extracted; the shapes accept it; the shipped
query `corrected-fields` lists the corrected fields of a store."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from note_factory import beslisnota
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, RDFS, SH, XSD

from kenmerk.extract import Note
from kenmerk.output.cli import main
from kenmerk.output.corrections import CORRECTABLE, Correction, Corrections
from kenmerk.output.graph import note_graph, note_iri, reviewer_iri
from kenmerk.output.serialize import serialize_notes
from kenmerk.output.shacl import shapes_graph, validate_graph
from kenmerk.vocab import KMK

AT = "2025-01-07T10:12:00+01:00"
BASE = "https://data.example.nl/id/"
OLD_TITLE = "Beslisnota bij Kamerbrief opvang Oekraïne"

#: two small notes as text: the first gets its title and date corrected, the second nothing
NOTE_A = """Ministerie van Financiën

Nota

Aan: Minister van Financiën
Datum: 5 februari 2024
Kenmerk: 2024-0000012345
Onderwerp: Voortgang van de begroting

Geadviseerd besluit
Instemmen met de voortgangsrapportage.
"""
NOTE_B = NOTE_A.replace("5 februari", "12 maart").replace("12345", "67890").replace(
    "Voortgang van de begroting", "Planning van de voorjaarsnota")


def corrected(note: Note, **values) -> Note:
    fixes = {field: Correction(document=note.source.sha256, field=field, value=value, by="A. Reviewer", at=AT,
                               note=f"the {field} as printed")
             for field, value in values.items()}
    return Corrections(by_document={note.source.sha256: fixes}).apply(note)


def terms(graph: Graph) -> str:
    """Every term of the graph, as one text to look for a value in."""
    return "\n".join(str(t) for triple in graph for t in triple)


def test_a_corrected_field_is_a_prov_activity_of_its_reviewer_and_the_old_value_is_not_published():
    note = corrected(beslisnota(), title="Verzamelbrief opvang Oekraïne", kenmerk="6048853")
    graph = note_graph(note, BASE, evidence=True)
    n = note_iri(note, BASE)
    reviewer = reviewer_iri("A. Reviewer", BASE)
    activities = {str(graph.value(c, KMK.correctedField)): c for c in graph.objects(n, KMK.correction)}
    assert set(activities) == {"title", "kenmerk"}
    title = activities["title"]
    assert title == URIRef(f"{n}/correction/title")
    assert {(n, PROV.wasInfluencedBy, title), (title, RDF.type, PROV.Activity), (title, RDF.type, KMK.Correction),
            (title, KMK.correctedProperty, DCTERMS.title), (title, PROV.wasAssociatedWith, reviewer),
            (title, PROV.endedAtTime, Literal(dt.datetime.fromisoformat(AT), datatype=XSD.dateTime)),
            (title, RDFS.comment, Literal("the title as printed")),
            (title, PROV.wasInformedBy, URIRef(f"{n}/extraction")),
            (reviewer, RDF.type, PROV.Agent), (reviewer, FOAF.name, Literal("A. Reviewer")),
            (reviewer, RDFS.label, Literal("A. Reviewer"))} <= set(graph)
    assert str(reviewer).startswith(f"{BASE}agent/reviewer/a.-reviewer-")
    assert graph.value(n, DCTERMS.title) == Literal("Verzamelbrief opvang Oekraïne", lang="nl")
    # nothing of the old values: not the title, not the kenmerk (nor the identifier that repeated it)
    assert OLD_TITLE not in terms(graph) and "6048852" not in terms(graph)
    assert not set(graph.objects(None, KMK.extractedValue))
    report = validate_graph(graph)
    assert report.conforms, [r.line() for r in report.results]
    assert set(graph) == set(note_graph(note, BASE, evidence=True))         # the same triples on every run


def test_keep_extracted_writes_the_replaced_values_in_their_own_types():
    note = corrected(beslisnota(), title="Verzamelbrief opvang Oekraïne", date="2025-01-10",
                     organisation={"name": "Ministerie van Financiën", "units": []})
    graph = note_graph(note, BASE, keep_extracted=True)
    n = note_iri(note, BASE)
    extracted = {str(graph.value(c, KMK.correctedField)): graph.value(c, KMK.extractedValue)
                 for c in graph.objects(n, KMK.correction)}
    assert extracted["title"] == Literal(OLD_TITLE)
    assert extracted["date"] == Literal("2025-01-09", datatype=XSD.date)
    assert extracted["organisation"].datatype == RDF.JSON
    assert json.loads(str(extracted["organisation"]))["name"] == "Minister van Asiel en Migratie"
    report = validate_graph(graph)
    assert report.conforms, [r.line() for r in report.results]
    # the JSON-LD writer names the new terms from the shipped context and parses back to the same triples
    data = serialize_notes([note], "jsonld", base=BASE, keep_extracted=True)
    first = json.loads(data)["notes"][0]["corrections"][0]
    assert {"correctedField", "associatedWith", "endedAtTime", "extractedValue"} <= set(first)
    assert isomorphic(Graph().parse(data=data, format="json-ld"), graph)


def test_a_corrected_note_round_trips_through_json_and_a_second_correction_keeps_the_first_extracted_value():
    plain = beslisnota()
    assert '"correction"' not in plain.model_dump_json()     # the JSON of an uncorrected note is unchanged
    note = corrected(plain, title="Eerste correctie")
    again = Note.model_validate_json(note.model_dump_json())
    assert again == note
    assert set(note_graph(again, BASE, keep_extracted=True)) == set(note_graph(note, BASE, keep_extracted=True))
    twice = corrected(again, title="Tweede correctie")
    assert twice.title == "Tweede correctie" and twice.evidence["title"].correction.extracted == OLD_TITLE


def test_the_shapes_refuse_a_correction_without_its_reviewer_or_time_and_know_every_correctable_field():
    note = corrected(beslisnota(), title="Verzamelbrief opvang Oekraïne")
    activity = URIRef(f"{note_iri(note, BASE)}/correction/title")
    for prop in (PROV.wasAssociatedWith, PROV.endedAtTime):
        graph = note_graph(note, BASE)
        graph.remove((activity, prop, None))
        report = validate_graph(graph)
        assert not report.conforms and {r.field for r in report.violations} == {"correction." +
                                                                                ("by" if prop == PROV.wasAssociatedWith
                                                                                 else "at")}
    shapes = shapes_graph()
    field_shape = next(p for p in shapes.objects(None, SH.property) if shapes.value(p, SH.path) == KMK.correctedField)
    listed = [str(x) for x in shapes.items(shapes.value(field_shape, SH["in"]))]
    assert listed == list(CORRECTABLE)


# -- the command line: extract, publish into the embedded store, the shipped query ----------------------------


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fixes_for(path: Path, out: Path, **values) -> Path:
    out.write_text("".join(json.dumps({"document": sha(path), "field": field, "value": value, "by": "A. Reviewer",
                                       "at": AT, "note": f"the {field} as printed"}) + "\n"
                           for field, value in values.items()), encoding="utf-8")
    return out


def rows(capsys, *args: str) -> list[dict[str, str]]:
    capsys.readouterr()
    assert main(["query", "--format", "json", *args]) == 0
    data = json.loads(capsys.readouterr().out)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def quads(capsys, store: Path) -> list[dict[str, str]]:
    return rows(capsys, "--store", str(store), "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")


@pytest.fixture
def two_notes(tmp_path) -> tuple[Path, Path, Path]:
    """The two text notes and a corrections file setting title and date of the first."""
    a, b = tmp_path / "nota-a.txt", tmp_path / "nota-b.txt"
    a.write_text(NOTE_A, encoding="utf-8")
    b.write_text(NOTE_B, encoding="utf-8")
    return a, b, fixes_for(a, tmp_path / "fixes.jsonl", title="Voortgang begroting 2024", date="2024-02-06")


def test_the_query_lists_the_corrected_fields_of_a_store_and_publishing_twice_gives_the_same_quads(
        two_notes, tmp_path, capsys):
    a, b, fixes = two_notes
    store = tmp_path / "store"
    publish = ["publish", str(a), str(b), "--store", str(store), "--base", BASE, "--corrections", str(fixes), "-q"]
    assert main(publish) == 0
    found = rows(capsys, "--store", str(store), "--example", "corrected-fields")
    assert [(r["field"], r["kenmerk"], r["by"], r["at"], r["reason"]) for r in found] == [
        ("date", "2024-0000012345", "A. Reviewer", AT, "the date as printed"),
        ("title", "2024-0000012345", "A. Reviewer", AT, "the title as printed")]
    assert all("extracted" not in r for r in found)
    only = rows(capsys, "--store", str(store), "--example", "corrected-fields", "--param", "field=title")
    assert [r["correction"].rsplit("/", 2)[1:] for r in only] == [["correction", "title"]]   # (a bound column is left out)
    assert rows(capsys, "--store", str(store), "--example", "corrected-fields", "--param", "field=kenmerk") == []
    titles = rows(capsys, "--store", str(store), "SELECT ?t WHERE { ?n <http://purl.org/dc/terms/title> ?t }")
    assert sorted(r["t"] for r in titles) == ["Planning van de voorjaarsnota", "Voortgang begroting 2024"]
    before = quads(capsys, store)
    assert main(publish) == 0
    assert sorted(map(str, quads(capsys, store))) == sorted(map(str, before))


def test_a_corrected_json_published_later_still_states_its_corrections(two_notes, tmp_path, capsys):
    a, _, fixes = two_notes
    notes = tmp_path / "notes.json"
    assert main(["extract", str(a), "--corrections", str(fixes), "-o", str(notes), "-q"]) == 0
    assert main(["publish", str(notes), "--store", str(tmp_path / "store"), "--base", BASE, "-q"]) == 0
    found = rows(capsys, "--store", str(tmp_path / "store"), "--example", "corrected-fields")
    assert [(r["field"], r["by"]) for r in found] == [("date", "A. Reviewer"), ("title", "A. Reviewer")]


def test_extract_writes_the_extracted_value_in_rdf_only_with_keep_extracted(two_notes, capsys):
    a, _, fixes = two_notes
    outputs = {}
    for flags in ((), ("--keep-extracted",)):
        capsys.readouterr()
        assert main(["extract", str(a), "--corrections", str(fixes), "--format", "nt", "--base", BASE,
                     *flags]) == 0
        outputs[flags] = Graph().parse(data=capsys.readouterr().out, format="nt")
    kept = outputs[("--keep-extracted",)]
    assert set(kept.objects(None, KMK.extractedValue)) == {Literal("Voortgang van de begroting"),
                                                           Literal("2024-02-05", datatype=XSD.date)}
    assert "Voortgang van de begroting" not in terms(outputs[()]) and "2024-02-05" not in terms(outputs[()])
    assert set(kept) - set(outputs[()]) == set(kept.triples((None, KMK.extractedValue, None)))


def test_the_bar_a_corpus_note_published_with_corrections_has_its_prov_activity(corpus_dir, tmp_path, capsys):
    """Issue 20, bar 1: title and date of a corpus note set by a corrections file, published into the embedded
    store; the shipped query finds the correction's prov:Activity for that note."""
    pdf = corpus_dir / "raw" / "ezk_beslisnota_2024-01-11_vierde-ronde-nationaal-groeifonds.pdf"
    if not pdf.exists():
        pytest.skip(f"{pdf.name} not in the corpus")
    fixes = fixes_for(pdf, tmp_path / "fixes.jsonl", title="Vierde ronde Nationaal Groeifonds", date="2024-01-12")
    store = tmp_path / "store"
    assert main(["publish", str(pdf), "--store", str(store), "--base", BASE, "--corrections", str(fixes), "-q"]) == 0
    found = rows(capsys, "--store", str(store), "--example", "corrected-fields")
    assert [(r["field"], r["by"], r["at"]) for r in found] == [("date", "A. Reviewer", AT), ("title", "A. Reviewer", AT)]
    note = found[0]["note"]
    assert {r["correction"] for r in found} == {f"{note}/correction/date", f"{note}/correction/title"}


def test_mapping_md_shows_the_shipped_query():
    from kenmerk.output.query import example

    repo = Path(__file__).resolve().parents[2]
    mapping = (repo / "vocab" / "MAPPING.md").read_text(encoding="utf-8")
    shipped = example("corrected-fields").text
    body = "\n".join(line for line in shipped.splitlines() if not line.startswith("#")).strip()
    assert f"```sparql\n{body}\n```" in mapping


def test_publish_keeps_the_extracted_value_only_with_keep_extracted(two_notes, tmp_path, capsys):
    a, _, fixes = two_notes
    for flags, expected in (((), {}), (("--keep-extracted",), {"date": "2024-02-05",
                                                               "title": "Voortgang van de begroting"})):
        store = tmp_path / f"store{len(flags)}"
        assert main(["publish", str(a), "--store", str(store), "--base", BASE, "--corrections", str(fixes), "-q",
                     *flags]) == 0
        found = rows(capsys, "--store", str(store), "--example", "corrected-fields")
        assert {r["field"]: r["extracted"] for r in found if "extracted" in r} == expected
