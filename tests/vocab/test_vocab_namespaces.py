"""Typed namespaces: known terms resolve, typos raise; every kmk term is in the ontology."""
from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kenmerk.vocab import (
    ADMS,
    DIWOO,
    EUFILETYPE,
    EULANG,
    KMK,
    ONTOLOGY,
    PREFIXES,
    SPDX,
    TOOIKERN,
    TOOIONT,
    bind_prefixes,
    vocab_file,
)

LINKS = {RDFS.subClassOf, RDFS.subPropertyOf, SKOS.closeMatch, SKOS.exactMatch, SKOS.broadMatch,
         SKOS.narrowMatch, SKOS.relatedMatch}


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(vocab_file(ONTOLOGY), format="turtle")


def test_known_terms_resolve():
    assert KMK.Note == URIRef("https://w3id.org/kenmerk/def#Note")
    assert TOOIKERN.c_2977c34f == URIRef("https://identifier.overheid.nl/tooi/def/thes/kern/c_2977c34f")
    assert TOOIONT.Ministerie == URIRef("https://identifier.overheid.nl/tooi/def/ont/Ministerie")
    assert EULANG.NLD == URIRef("http://publications.europa.eu/resource/authority/language/NLD")
    assert EUFILETYPE.PDF == URIRef("http://publications.europa.eu/resource/authority/file-type/PDF")
    assert str(DIWOO.officieleTitel).endswith("/metadata/officieleTitel")
    assert ADMS.Identifier and SPDX.checksumValue


@pytest.mark.parametrize("namespace, typo", [
    (KMK, "titel"), (KMK, "note"), (TOOIKERN, "c_2977c34e"), (TOOIONT, "Ministry"), (DIWOO, "officiëleTitel"),
    (DIWOO, "publsher"), (EULANG, "NL"), (EUFILETYPE, "MD"), (ADMS, "identifer"), (SPDX, "sha256"),
])
def test_typos_raise(namespace, typo):
    with pytest.raises(AttributeError):
        getattr(namespace, typo)
    with pytest.raises(AttributeError):
        namespace[typo]


def test_bind_prefixes_binds_every_prefix():
    graph = bind_prefixes(Graph())
    bound = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    for prefix, ns in PREFIXES.items():
        assert bound.get(prefix) == ns


def test_ontology_parses_and_declares_every_kmk_term(ontology):
    declared = {s for s in ontology.subjects() if isinstance(s, URIRef) and str(s).startswith(str(KMK))}
    names = {str(KMK[name]) for name in KMK.__annotations__}
    assert names == {str(s) for s in declared}
    assert (URIRef("https://w3id.org/kenmerk/def"), RDF.type, OWL.Ontology) in ontology


def test_every_kmk_term_has_dutch_and_english_label_and_comment_and_a_standard_link(ontology):
    problems = []
    for name in KMK.__annotations__:
        term = KMK[name]
        for prop in (RDFS.label, RDFS.comment):
            langs = {lit.language for lit in ontology.objects(term, prop)}
            if not {"nl", "en"} <= langs:
                problems.append(f"{name}: {prop} in {sorted(filter(None, langs))}")
        links = [o for p, o in ontology.predicate_objects(term)
                 if p in LINKS and isinstance(o, URIRef) and not str(o).startswith(str(KMK))]
        if not links:
            problems.append(f"{name}: no link to a standard term")
    assert not problems, problems


def test_public_names_are_pinned():
    import kenmerk.vocab as vocab

    assert {"KMK", "TOOIKERN", "TOOIONT", "DIWOO", "bind_prefixes", "resolve_organisation", "organisation_by_iri",
            "document_type", "information_category", "ground", "language", "file_format", "diwoo_resources",
            "vocab_file", "PREFIXES"} <= set(vocab.__all__)
    for name in vocab.__all__:
        assert hasattr(vocab, name), name
