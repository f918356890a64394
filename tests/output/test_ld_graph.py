"""note_graph / note_iri: the mapping of a hand-made beslisnota, stable and distinct IRIs."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from note_factory import all_notes, beslisnota, minimal, provincial, sha, woo_besluit
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, RDF, XSD

from kenmerk.extract import read_note
from kenmerk.output.graph import DEFAULT_BASE, note_graph, note_iri, slug
from kenmerk.vocab import EUFILETYPE, EULANG, KMK, SPDX, TOOIKERN

MNRE1162 = URIRef("https://identifier.overheid.nl/tooi/id/ministerie/mnre1162")
SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "beslisnota-opvang-oekraine-2025.md"


def test_beslisnota_mapping():
    note = beslisnota()
    g = note_graph(note)
    s = note_iri(note)
    assert (s, RDF.type, KMK.Note) in g
    assert (s, DCTERMS.type, TOOIKERN.c_2977c34f) in g
    assert (s, DCTERMS.publisher, MNRE1162) in g
    assert (s, DCTERMS.title, Literal("Beslisnota bij Kamerbrief opvang Oekraïne", lang="nl")) in g
    assert (s, DCTERMS.created, Literal("2025-01-09", datatype=XSD.date)) in g
    assert (s, DCTERMS.identifier, Literal("6048852")) in g
    assert (s, DCTERMS.language, EULANG.NLD) in g
    assert (s, DCTERMS.format, EUFILETYPE.TXT) in g
    assert (s, KMK.informationCategory, TOOIKERN.c_816e508d) in g
    grounds = set(g.objects(s, KMK.refusalGround))
    assert grounds == {
        URIRef("https://wetten.overheid.nl/jci1.3:c:BWBR0045754&hoofdstuk=5&artikel=5.1&lid=2&onderdeel=e"),
        URIRef("https://wetten.overheid.nl/jci1.3:c:BWBR0045754&hoofdstuk=5&artikel=5.2"),
    }
    assert all(isinstance(o, URIRef) for o in grounds)
    decision = g.value(s, KMK.recommendedDecision)
    assert decision == URIRef(f"{s}/decision")
    assert (decision, RDF.type, KMK.RecommendedDecision) in g
    attachments = sorted(g.objects(s, DCTERMS.hasPart))
    assert [str(a).rsplit("/", 1)[-1] for a in attachments] == ["1", "2"]
    assert (attachments[0], DCTERMS.title, Literal("AEF rapport", lang="nl")) in g
    creator = g.value(s, DCTERMS.creator)  # the most specific unit, a shared resource under its parents
    assert g.value(creator, ORG.unitOf) is not None and str(creator).startswith(str(g.value(creator, ORG.unitOf)))
    source = g.value(s, PROV.wasDerivedFrom)
    checksum = g.value(source, SPDX.checksum)
    assert str(g.value(checksum, SPDX.checksumValue)) == note.source.sha256
    activity = g.value(s, PROV.wasGeneratedBy)
    assert g.value(activity, PROV.endedAtTime) is None  # no time unless given
    assert g.value(activity, PROV.wasAssociatedWith) is not None


def test_woo_besluit_category_and_wob_ground():
    note = woo_besluit()
    g = note_graph(note)
    s = note_iri(note)
    assert (s, KMK.informationCategory, TOOIKERN.c_3baef532) in g
    assert (s, DCTERMS.type, TOOIKERN.c_4f50ca9c) in g
    assert URIRef("https://wetten.overheid.nl/jci1.3:c:BWBR0005252&artikel=10&lid=2&onderdeel=e") in set(
        g.objects(s, KMK.refusalGround))


def test_province_publisher():
    note = provincial()
    g = note_graph(note)
    assert g.value(note_iri(note), DCTERMS.publisher) == URIRef("https://identifier.overheid.nl/tooi/id/provincie/pv27")


def test_unresolved_organisation_keeps_the_printed_name():
    from kenmerk.extract import Organisation

    note = beslisnota(organisation=Organisation(name="Stichting Onbekend"))
    g = note_graph(note)
    publisher = g.value(note_iri(note), DCTERMS.publisher)  # one shared node for the name, not one per note
    assert str(publisher) == "https://kenmerk.example.org/id/organisation/stichting-onbekend"
    assert "Stichting Onbekend" in {str(o) for o in g.objects(publisher, None)}


def test_no_blank_nodes_and_evidence_only_when_asked():
    for note in all_notes():
        plain, full = note_graph(note), note_graph(note, evidence=True)
        for g in (plain, full):
            assert not any(isinstance(t, BNode) for triple in g for t in triple)
        assert not list(plain.subjects(RDF.type, KMK.Evidence))
    assert list(note_graph(beslisnota(), evidence=True).subjects(RDF.type, KMK.Evidence))


def test_generated_at_is_written_only_when_given():
    import datetime as dt

    when = dt.datetime(2025, 2, 1, 12, 0, tzinfo=dt.timezone.utc)
    g = note_graph(beslisnota(), generated_at=when)
    assert len(list(g.objects(None, PROV.endedAtTime))) == 1


def test_iri_scheme_and_base():
    note = beslisnota()
    assert str(note_iri(note)) == f"{DEFAULT_BASE}note/mnre1162/6048852/2025-01-09/{note.source.sha256[:16]}"
    assert str(note_iri(minimal())) == f"{DEFAULT_BASE}note/sha256/{minimal().source.sha256}"
    assert str(note_iri(note, "https://data.example.nl/ld")).startswith("https://data.example.nl/ld/note/")
    assert str(note_iri(note, None)).startswith(DEFAULT_BASE)
    assert slug("DGED / 44314491") == "dged-44314491"
    assert slug("Ëén/twee") == "een-twee"


def test_same_note_same_graph():
    a, b = note_graph(beslisnota()), note_graph(beslisnota())
    assert set(a) == set(b)


def test_same_document_from_another_folder_gives_the_same_iris(tmp_path):
    one, two = tmp_path / "a", tmp_path / "b" / "deeper"
    one.mkdir()
    two.mkdir(parents=True)
    shutil.copy(SAMPLE, one / SAMPLE.name)
    shutil.copy(SAMPLE, two / SAMPLE.name)
    n1, n2 = read_note(one / SAMPLE.name), read_note(two / SAMPLE.name)
    assert note_iri(n1) == note_iri(n2)
    assert set(note_graph(n1)) == set(note_graph(n2))


def _minted(note) -> set[URIRef]:
    g = note_graph(note, evidence=True)
    return {t for triple in g for t in triple if isinstance(t, URIRef) and str(t).startswith(DEFAULT_BASE + "note/")}


def test_two_different_notes_never_share_an_iri():
    notes = all_notes()
    # same kenmerk, date and organisation, other content: a nota and its Kamerbrief
    twin = beslisnota(source=beslisnota().source.model_copy(update={"sha256": sha("kamerbrief")}),
                      document_type="kamerbrief")
    notes.append(twin)
    notes.append(minimal(source=minimal().source.model_copy(update={"sha256": sha("other scan")})))
    minted = [_minted(n) for n in notes]
    for i in range(len(minted)):
        for j in range(i + 1, len(minted)):
            assert not minted[i] & minted[j], (i, j)
    assert len({note_iri(n) for n in notes}) == len(notes)


@pytest.mark.parametrize("kenmerk", ["2024-0000123456", "DGED / 44314491", "ÅB/ç 12"])
def test_kenmerk_slugs_make_valid_iris(kenmerk):
    iri = str(note_iri(beslisnota(kenmerk=kenmerk)))
    assert " " not in iri and "/" not in iri.split("/note/")[1].split("/")[1]
