"""Links a SPARQL user can follow without inference: documents, attachments, kenmerk groups, offices, grounds."""
from __future__ import annotations

import pyoxigraph as ox
from linked_helpers import DOCS, letter_with_attachment
from publish_helpers import make_note
from rdflib import Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, SDO

from kenmerk.output.graph import kenmerk_group_iri, kenmerk_key, note_graph, note_iri, note_parts
from kenmerk.output.links import BatchLinker, document_url, match_key
from kenmerk.vocab import KMK

VWS = URIRef("https://identifier.overheid.nl/tooi/id/ministerie/mnre1025")


def test_kenmerk_key_folds_case_spaces_and_dashes():
    assert kenmerk_key("IENW/BSK-2022/248639") == kenmerk_key(" ienw / bsk–2022 / 248639 ") == "ienw/bsk-2022/248639"
    a = make_note(1, kenmerk="IENW/BSK-2022/248639")
    b = make_note(2, kenmerk="ienw/bsk-2022/248639")
    ga, gb = note_graph(a), note_graph(b)
    assert ga.value(note_iri(a), KMK.kenmerkKey) == Literal("ienw/bsk-2022/248639")
    # notes that share a kenmerk in any spelling share its group, a shared resource
    assert ga.value(note_iri(a), KMK.kenmerkGroup) == gb.value(note_iri(b), KMK.kenmerkGroup) == \
        kenmerk_group_iri("IENW/BSK-2022/248639")


def test_refusal_grounds_are_also_dct_references():
    note = make_note(1, grounds=("5.1.2e",))
    g = note_graph(note)
    ground = URIRef("https://wetten.overheid.nl/jci1.3:c:BWBR0045754&hoofdstuk=5&artikel=5.1&lid=2&onderdeel=e")
    assert (note_iri(note), DCTERMS.references, ground) in g and (note_iri(note), KMK.refusalGround, ground) in g
    store = ox.Store()  # plain SPARQL, no inference
    parts = note_parts(note)
    from kenmerk.output.store import TermConverter

    store.extend(TermConverter().quads(parts.triples + parts.shared, "urn:x:g"))
    answer = store.query("SELECT ?n WHERE { ?n <http://purl.org/dc/terms/references> ?g . "
                         "?g a <https://w3id.org/kenmerk/def#RefusalGround> }", use_default_graph_as_union=True)
    assert [s["n"].value for s in answer] == [str(note_iri(note))]


def test_an_addressee_that_names_an_office_links_to_it():
    note = make_note(1).model_copy(update={"addressee": "Minister van VWS"})
    g = note_graph(note)
    assert g.value(note_iri(note), KMK.addresseeOrganisation) == VWS
    assert str(g.value(VWS, URIRef("http://www.w3.org/2004/02/skos/core#prefLabel"))).startswith("ministerie van")
    person = make_note(2).model_copy(update={"addressee": "De Voorzitter van de Stichting Onbekend"})
    assert note_graph(person).value(note_iri(person), KMK.addresseeOrganisation) is None


def test_the_documents_url_from_a_url_input_or_the_download_base():
    note = make_note(1)
    assert document_url(note, "https://www.example.nl/docs/nota%201.pdf", None) == "https://www.example.nl/docs/nota%201.pdf"
    assert document_url(note, "in/nota-1.pdf", DOCS.rstrip("/")) == DOCS + "nota-1.pdf"
    assert document_url(note, "in/nota-1.pdf", None) is None  # nothing guessed
    spaced = note.model_copy(update={"source": note.source.model_copy(update={"file_name": "nota 1 (def).pdf"})})
    assert document_url(spaced, "x", DOCS) == DOCS + "nota%201%20%28def%29.pdf"
    links = BatchLinker(None, DOCS).add(note, "in/nota-1.pdf")
    g = note_graph(note, links=links)
    source = URIRef(f"{note_iri(note)}/source")
    assert g.value(source, DCAT.downloadURL) == g.value(source, SDO.url) == URIRef(DOCS + "nota-1.pdf")


def test_attachments_that_are_files_of_the_batch_are_linked_either_way():
    letter, report = letter_with_attachment()
    assert match_key("Bijlage 1: Voortgangsrapportage belastingstelsel") == match_key(
        "voortgangsrapportage-belastingstelsel.pdf") == "voortgangsrapportage-belastingstelsel"
    for first, second in ((letter, report), (report, letter)):
        linker = BatchLinker(None, DOCS)
        graphs = [note_graph(n, links=linker.add(n, n.source.file_name)) for n in (first, second)]
        merged = graphs[0] + graphs[1]
        attachment = URIRef(f"{note_iri(letter)}/attachment/1")
        assert (attachment, KMK.attachmentDocument, note_iri(report)) in merged
        assert (note_iri(report), DCTERMS.isPartOf, note_iri(letter)) in merged
        assert (attachment, KMK.attachmentDocument, note_iri(report)) in graphs[1]  # written by the later note
    lone = BatchLinker(None, DOCS)
    assert lone.add(letter).attachments == ()  # no such file in the batch: no link
