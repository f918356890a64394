"""The DCAT-AP-NL 3.0 catalog: conformance to the official shapes, config errors, VoID numbers."""
from __future__ import annotations

from pathlib import Path

import pytest
import rdflib.namespace as ns
from publish_helpers import BASE, write_notes
from pyshacl import validate
from rdflib import Graph, Literal, URIRef

from kenmerk.output.catalog import Stats, build_catalog
from kenmerk.output.cli import main
from kenmerk.output.config import ConfigError, PublishConfig, load_config
from kenmerk.output.dump import DumpFile

TOOI_FIN = URIRef("https://identifier.overheid.nl/tooi/id/ministerie/mnre1090")


def violations(data: Graph, shapes: Graph) -> list[str]:
    """Violations (not warnings) of `shapes` in `data`, one line each."""
    _, report, _ = validate(data, shacl_graph=shapes, allow_warnings=True, advanced=True)
    lines = []
    for result in report.subjects(ns.SH.resultSeverity, ns.SH.Violation):
        if (None, ns.SH.detail, result) in report:
            continue
        lines.append(f"{report.value(result, ns.SH.focusNode)} {report.value(result, ns.SH.resultPath)}: "
                     f"{report.value(result, ns.SH.resultMessage)}")
    return sorted(lines)


def full_catalog(config: PublishConfig) -> Graph:
    dump = DumpFile(Path("/site/notes.nq.gz"), "application/n-quads", "RDF_N_QUADS", 1234, "ab" * 32, True)
    return build_catalog(config.merged(endpoint_url="https://data.example.nl/sparql"), Stats(500, 10, 2),
                         dumps=[dump], dump_root="/site", organisation_property=ns.DCTERMS.publisher)


def test_catalog_conforms_to_dcat_ap_nl_and_dcat_ap(config, dcat_shapes):
    assert violations(full_catalog(config), dcat_shapes) == []


def test_minimal_catalog_conforms(config, dcat_shapes):
    """Store only: no dump, no endpoint."""
    minimal = PublishConfig(base=BASE, publisher="mnre1090", licence="cc0", contact_email="a@b.nl")
    assert violations(build_catalog(minimal, Stats()), dcat_shapes) == []


def test_catalog_written_by_publish_conforms(workdir, notes, dcat_shapes):
    write_notes(workdir / "in", notes)
    assert main(["publish", "in", "--out", "site", "--gzip", "-q"]) == 0
    graph = Graph().parse(workdir / "site" / "catalog.ttl", format="turtle")
    assert violations(graph, dcat_shapes) == []
    ds = graph.value(predicate=ns.RDF.type, object=ns.DCAT.Dataset)
    assert graph.value(ds, ns.VOID.entities) == Literal(len(notes), datatype=ns.XSD.integer)
    assert int(graph.value(ds, ns.VOID.triples)) > 40 * len(notes)  # note graphs only: shared resources apart
    assert graph.value(ds, ns.DCTERMS.publisher) == TOOI_FIN
    dist = graph.value(ds, ns.DCAT.distribution)
    assert graph.value(dist, ns.DCAT.downloadURL) == URIRef("https://data.example.nl/downloads/notes.nq.gz")
    assert int(graph.value(dist, ns.DCAT.byteSize)) == (workdir / "site" / "notes.nq.gz").stat().st_size


def test_the_sparql_service_is_titled_after_the_dataset(config):
    g = full_catalog(config)
    ds = URIRef(BASE + "catalog/dataset")
    [service] = g.objects(URIRef(BASE + "catalog"), ns.DCAT.service)
    assert str(g.value(service, ns.DCTERMS.title)) == f"SPARQL-endpoint: {g.value(ds, ns.DCTERMS.title)}"


def test_required_properties(config):
    g = full_catalog(config)
    ds = URIRef(BASE + "catalog/dataset")
    public = URIRef("http://publications.europa.eu/resource/authority/access-right/PUBLIC")
    gove = URIRef("http://publications.europa.eu/resource/authority/data-theme/GOVE")
    assert (ds, ns.DCTERMS.accessRights, public) in g
    assert (ds, ns.DCAT.theme, gove) in g
    assert (ds, ns.DCTERMS.publisher, TOOI_FIN) in g and (ds, ns.DCTERMS.creator, TOOI_FIN) in g
    assert g.value(ds, ns.DCTERMS.identifier) is not None and g.value(ds, ns.DCAT.contactPoint) is not None
    for dist in g.objects(ds, ns.DCAT.distribution):
        assert g.value(dist, ns.DCTERMS.license) == URIRef("http://creativecommons.org/publicdomain/zero/1.0/")
    service = g.value(predicate=ns.RDF.type, object=ns.DCAT.DataService)
    assert g.value(service, ns.DCAT.endpointURL) == URIRef("https://data.example.nl/sparql")
    assert g.value(ds, ns.VOID.triples) == Literal(500, datatype=ns.XSD.integer)
    assert g.value(ds, ns.VOID.entities) == Literal(10, datatype=ns.XSD.integer)
    partition = g.value(ds, ns.VOID.propertyPartition)
    assert g.value(partition, ns.VOID.distinctObjects) == Literal(2, datatype=ns.XSD.integer)
    assert not any(isinstance(t, __import__("rdflib").BNode) for triple in g for t in triple)


@pytest.mark.parametrize("drop, key", [
    ("publisher", "publisher"), ("licence", "licence"), ("contact_email", "contact_email"), ("base", "base"),
])
def test_missing_required_value_is_exit_2(workdir, notes, capsys, drop, key):
    """Publishing for others (--out) needs every catalog value; the local store alone does not."""
    text = (workdir / "kenmerk.toml").read_text()
    (workdir / "kenmerk.toml").write_text("\n".join(
        line for line in text.splitlines() if not line.startswith(drop + " ")))
    write_notes(workdir / "in", notes[:1])
    assert main(["publish", "in", "--out", "site"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [f"kenmerk: missing {key}: set it in {workdir / 'kenmerk.toml'} or pass --"
                   f"{key.replace('_', '-')}"]
    assert not (workdir / "site").exists()  # nothing written


def test_options_override_the_file_and_config_flag(workdir, notes, tmp_path, capsys):
    other = tmp_path / "elders.toml"
    other.write_text('[publish]\nbase = "https://elders.example/id/"\npublisher = "gm0363"\n'
                     'licence = "cc-by-4.0"\ncontact_email = "x@elders.example"\n', encoding="utf-8")
    cfg = load_config(other, licence="cc0")
    assert cfg.base == "https://elders.example/id/" and cfg.licence_iri().endswith("zero/1.0/")
    write_notes(workdir / "in", notes[:1])
    assert main(["publish", "in", "--store", "s", "--config", str(other), "-q"]) == 0
    capsys.readouterr()
    assert main(["catalog", "--store", "s", "--config", str(other)]) == 0
    out = capsys.readouterr().out
    assert "<https://elders.example/id/catalog>" in out and "gm0363" in out


def test_catalog_command_and_missing_config(workdir, notes, capsys):
    write_notes(workdir / "in", notes)
    assert main(["publish", "in", "-q"]) == 0
    capsys.readouterr()
    assert main(["catalog"]) == 0
    graph = Graph().parse(data=capsys.readouterr().out, format="turtle")
    ds = graph.value(predicate=ns.RDF.type, object=ns.DCAT.Dataset)
    assert graph.value(ds, ns.VOID.entities) == Literal(len(notes), datatype=ns.XSD.integer)
    (workdir / "kenmerk.toml").unlink()
    assert main(["catalog"]) == 2
    assert capsys.readouterr().err.startswith("kenmerk: missing base, publisher, licence, contact_email: ")


def test_config_errors():
    with pytest.raises(ConfigError, match="licence"):
        PublishConfig(base=BASE, publisher="x", licence="beerware", contact_email="a@b.nl").require()
    with pytest.raises(ConfigError, match="e-mail"):
        PublishConfig(base=BASE, publisher="x", licence="cc0", contact_email="nobody").require()
    with pytest.raises(ConfigError, match="not a TOOI organisation"):
        build_catalog(PublishConfig(base=BASE, publisher="Ministerie van Toverkunst", licence="cc0",
                                    contact_email="a@b.nl"), Stats())


def test_unknown_key_in_config_file(tmp_path):
    path = tmp_path / "kenmerk.toml"
    path.write_text('[publish]\nbase = "https://x.nl/"\npublsher = "mnre1090"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown key 'publsher'"):
        load_config(path)
