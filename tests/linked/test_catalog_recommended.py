"""The catalog a portal harvests: the SPDX term, DCAT-AP-NL's recommended properties, public endpoints only."""
from __future__ import annotations

import datetime as dt

import pytest
import rdflib.namespace as ns
from publish_helpers import BASE, SHARED_VOCAB, make_note, write_notes
from pyshacl import validate
from rdflib import Graph, Literal, URIRef

from kenmerk.output.catalog import Stats, build_catalog, catalog_endpoint, is_public_url
from kenmerk.output.cli import main
from kenmerk.output.config import PublishConfig

DATASET = URIRef(BASE + "catalog/dataset")
CATALOG = URIRef(BASE + "catalog")
SPDX_SHA256 = URIRef("http://spdx.org/rdf/terms#checksumAlgorithm_sha256")
KMK_VOCABULARY = URIRef("https://w3id.org/kenmerk/def")


def config(**values) -> PublishConfig:
    return PublishConfig(base=BASE, publisher="mnre1090", licence="cc0", contact_email="open-data@example.nl",
                         download_url="https://data.example.nl/downloads/", **values)


def catalog_of(workdir, capsys, *args: str) -> Graph:
    capsys.readouterr()
    assert main(["catalog", *args]) == 0
    return Graph().parse(data=capsys.readouterr().out, format="turtle")


def test_recommended_properties_leave_only_warnings_that_do_not_apply():
    """DCAT-AP-NL's 'aanbevolen' shapes: what is left are a dump's data service and an endpoint's download URL."""
    path = SHARED_VOCAB / "dcat-ap-nl-3.0" / "dcat-ap-nl-SHACL-aanbevolen.ttl"
    if not path.is_file():
        pytest.skip(f"missing shapes file {path}")
    from pathlib import Path

    from kenmerk.output.dump import DumpFile

    dump = DumpFile(Path("/site/notes.nq"), "application/n-quads", "RDF_N_QUADS", 10, "ab" * 32)
    graph = build_catalog(config(endpoint_url="https://data.example.nl/sparql"),
                          Stats(500, 10, 2, dt.date(2020, 3, 2), dt.date(2024, 9, 1)),
                          dumps=[dump], dump_root="/site")
    _, report, _ = validate(graph, shacl_graph=Graph().parse(path), allow_warnings=True)
    left = sorted((str(report.value(r, ns.SH.focusNode)).removeprefix(BASE), str(report.value(r, ns.SH.resultPath)))
                  for r in report.subjects(ns.RDF.type, ns.SH.ValidationResult))
    assert left == [("catalog/distribution/notes.nq", str(ns.DCAT.accessService)),
                    ("catalog/distribution/sparql", str(ns.DCAT.downloadURL))]
    checksum = next(graph.objects(predicate=URIRef("http://spdx.org/rdf/terms#algorithm")))
    assert checksum == SPDX_SHA256
    assert (CATALOG, ns.FOAF.homepage, URIRef(BASE + "catalog.html")) in graph
    assert (DATASET, ns.DCAT.landingPage, URIRef(BASE + "catalog/dataset.html")) in graph
    assert {DATASET, CATALOG} <= set(graph.subjects(ns.DCTERMS.issued, None))
    assert (DATASET, ns.DCTERMS.conformsTo, KMK_VOCABULARY) in graph
    sparql_distribution = URIRef(BASE + "catalog/distribution/sparql")
    assert graph.value(sparql_distribution, ns.DCAT.accessService) == URIRef(BASE + "catalog/sparql")


def test_temporal_from_the_notes_dates_and_issued_kept_across_publishing(workdir, capsys, monkeypatch):
    days = [dt.date(2021, 6, 1), dt.date(2019, 12, 31), dt.date(2024, 2, 29)]
    write_notes(workdir / "in", [make_note(i + 1, date=day) for i, day in enumerate(days)])
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2025, 1, 10, tzinfo=dt.timezone.utc).timestamp())))
    assert main(["publish", "in", "-q", "--store", "s", "--out", "site"]) == 0
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(dt.datetime(2025, 3, 20, tzinfo=dt.timezone.utc).timestamp())))
    assert main(["publish", "in", "-q", "--store", "s", "--out", "site"]) == 0
    for graph in (catalog_of(workdir, capsys, "--store", "s"), Graph().parse(workdir / "site" / "catalog.ttl")):
        period = graph.value(DATASET, ns.DCTERMS.temporal)
        assert graph.value(period, ns.DCAT.startDate) == Literal("2019-12-31", datatype=ns.XSD.date)
        assert graph.value(period, ns.DCAT.endDate) == Literal("2024-02-29", datatype=ns.XSD.date)
        assert graph.value(DATASET, ns.DCTERMS.issued) == Literal("2025-01-10", datatype=ns.XSD.date)
        assert graph.value(DATASET, ns.DCTERMS.modified) == Literal("2025-03-20", datatype=ns.XSD.date)


@pytest.mark.parametrize("url, public", [
    ("http://127.0.0.1:7878/query", False), ("http://localhost:7878/query", False),
    ("http://[::1]:7878/query", False), ("http://10.1.2.3/sparql", False), ("http://192.168.0.9/sparql", False),
    ("http://virtuoso:8890/sparql", False), ("http://db.internal/sparql", False),
    ("https://data.example.nl/sparql", True), ("http://8.8.8.8/sparql", True),
])
def test_which_endpoint_urls_are_public(url, public):
    assert is_public_url(url) is public
    named, warning = catalog_endpoint(None, url)
    assert (named == url) is public and (warning is None) is public
    assert catalog_endpoint("http://127.0.0.1:7878/query", url) == ("http://127.0.0.1:7878/query", None)


def test_a_loopback_endpoint_goes_into_the_catalog_only_when_given(workdir, capsys, oxigraph_server):
    write_notes(workdir / "in", [make_note(1)])
    endpoint = oxigraph_server.query_url
    assert main(["publish", "in", "-q", "--endpoint", endpoint, "--gsp", oxigraph_server.gsp_url]) == 0
    err = capsys.readouterr().err
    assert err.splitlines() == [f"kenmerk: warning: catalog: {endpoint}: a loopback or private address; the "
                                "catalog names no SPARQL endpoint (give the public one with --endpoint-url or "
                                "endpoint_url in kenmerk.toml)"]
    graph = catalog_of(workdir, capsys, "--endpoint", endpoint, "--gsp", oxigraph_server.gsp_url)
    assert graph.value(predicate=ns.RDF.type, object=ns.DCAT.DataService) is None
    assert "127.0.0.1" not in graph.serialize(format="nt")
    public = "https://data.example.nl/sparql"
    graph = catalog_of(workdir, capsys, "--endpoint", endpoint, "--gsp", oxigraph_server.gsp_url,
                       "--endpoint-url", public)
    assert graph.value(URIRef(BASE + "catalog/sparql"), ns.DCAT.endpointURL) == URIRef(public)
    explicit = catalog_of(workdir, capsys, "--endpoint", endpoint, "--gsp", oxigraph_server.gsp_url,
                          "--endpoint-url", endpoint)
    assert explicit.value(URIRef(BASE + "catalog/sparql"), ns.DCAT.endpointURL) == URIRef(endpoint)
