"""The shipped SHACL shapes: every note graph conforms; broken graphs do not."""
from __future__ import annotations

import pytest
from note_factory import all_notes, beslisnota
from rdflib import Graph, Literal
from rdflib.namespace import DCTERMS, RDF, XSD

from kenmerk.output.graph import note_graph, note_iri
from kenmerk.output.serialize import WRITERS, serialize_notes
from kenmerk.output.shacl import shapes_graph, validate_graph
from kenmerk.vocab import KMK, document_types, information_categories

PARSERS = {"turtle": "turtle", "jsonld": "json-ld", "nt": "nt", "xml": "xml"}


@pytest.mark.parametrize("evidence", [False, True])
def test_every_note_graph_conforms(evidence):
    for note in all_notes():
        report = validate_graph(note_graph(note, evidence=evidence))
        assert report.conforms, [r.line() for r in report.results]
        assert not report.violations


@pytest.mark.parametrize("fmt", sorted(PARSERS))
def test_every_serializer_output_conforms(fmt):
    data = serialize_notes(all_notes(), fmt, base=None, evidence=True)
    report = validate_graph(Graph().parse(data=data, format=PARSERS[fmt]))
    assert report.conforms, [r.line() for r in report.results]
    assert "trig" in WRITERS


def test_missing_date_and_publisher_are_warnings_only():
    from note_factory import minimal

    report = validate_graph(note_graph(minimal()))
    assert report.conforms
    assert {r.field for r in report.results} == {"date", "organisation"}
    assert {r.severity for r in report.results} == {"Warning"}


def test_missing_title_does_not_conform():
    note = beslisnota()
    g = note_graph(note)
    g.remove((note_iri(note), DCTERMS.title, None))
    report = validate_graph(g)
    assert not report.conforms
    (result,) = report.violations
    assert result.field == "title" and result.note == str(note_iri(note))
    assert "title" in result.line()


def test_date_as_string_does_not_conform():
    note = beslisnota()
    g = note_graph(note)
    s = note_iri(note)
    g.remove((s, DCTERMS.created, None))
    g.add((s, DCTERMS.created, Literal("2025-01-09")))
    report = validate_graph(g)
    assert not report.conforms
    assert [r.field for r in report.violations] == ["date"]


@pytest.mark.parametrize("breakage", [
    "two types", "unknown type", "ground as string", "no source", "bad checksum", "decision without text",
])
def test_other_breakages_do_not_conform(breakage):
    note = beslisnota()
    g = note_graph(note)
    s = note_iri(note)
    if breakage == "two types":
        g.add((s, DCTERMS.type, KMK.docMemo))
    elif breakage == "unknown type":
        g.set((s, DCTERMS.type, KMK.Note))
    elif breakage == "ground as string":
        g.add((s, KMK.refusalGround, Literal("5.1.2e")))
    elif breakage == "no source":
        g.remove((s, URIRef_prov("wasDerivedFrom"), None))
    elif breakage == "bad checksum":
        checksum = next(g.subjects(RDF.type, URIRef_spdx("Checksum")))
        g.set((checksum, URIRef_spdx("checksumValue"), Literal("abc", datatype=XSD.hexBinary)))
    elif breakage == "decision without text":
        g.remove((g.value(s, KMK.recommendedDecision), DCTERMS.description, None))
    assert not validate_graph(g).conforms


def URIRef_prov(name):  # noqa: N802
    from rdflib.namespace import PROV

    return PROV[name]


def URIRef_spdx(name):  # noqa: N802
    from kenmerk.vocab import SPDX

    return SPDX[name]


def _in_list(shape_path) -> set[str]:
    shapes = shapes_graph()
    from rdflib.collection import Collection
    from rdflib.namespace import SH

    for prop in shapes.subjects(SH.path, shape_path):
        lst = shapes.value(prop, SH["in"])
        if lst is not None:
            return {str(x) for x in Collection(shapes, lst)}
    return set()


def test_shape_lists_match_the_tables():
    assert _in_list(DCTERMS.type) == {str(c.iri) for c in document_types().values()}
    assert _in_list(KMK.informationCategory) == {str(i) for i in information_categories()}
