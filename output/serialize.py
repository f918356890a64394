"""Notes → bytes in one of the RDF formats or DiWoo XML: one small registry.

    data = serialize_notes(notes, "turtle", base=None, evidence=False, keep_extracted=False)

`WRITERS` maps each format `kenmerk extract` writes besides JSON (`kenmerk.output.formats`) to
its writer; `serialize_notes` takes any of the format's names (`ttl`, `text/turtle`).

- turtle, nt, xml: all notes in one graph; trig: each note in its own named
  graph, graph IRI = note IRI, and the shared resources once in `{base}shared`. These four are written by pyoxigraph's
  serialiser from the triples of `kenmerk.output.graph.note_parts` (no
  rdflib Graph is built), converted to pyoxigraph terms by the publishing
  code's `TermConverter` and put in a fixed order by `ox_triples`.
- jsonld: nested JSON per note with the shipped context (`kenmerk.output.jsonld`).
- diwoo: DiWoo 0.9.8 metadata in a sitemap `urlset` (`kenmerk.output.diwoo`).

The same notes always give the same bytes: IRIs are minted from the notes, the
triples are sorted, and no time is written unless the caller gives one. `keep_extracted` keeps,
with each reviewer's correction, the value the extraction gave (`kenmerk.output.graph`).
"""
from __future__ import annotations

from typing import Callable, Iterable, Sequence

import pyoxigraph as ox
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import RDF

from kenmerk.extract import Note
from kenmerk.output.dump import ox_bytes
from kenmerk.output.formats import by_name, get_format
from kenmerk.output.graph import DEFAULT_BASE, NoteLinks, Triple, add_note, note_parts, shared_graph_iri
from kenmerk.output.store import TermConverter
from kenmerk.vocab import PREFIXES, bind_prefixes

_PREFIXES = dict(PREFIXES)
_RDF_TYPE = ox.NamedNode(str(RDF.type))
_CONVERTER = TermConverter()  # one IRI cache for all calls: predicates, classes and vocabulary IRIs repeat


def notes_graph(notes: Sequence[Note], base: str | None = None, evidence: bool = False,
                links: Sequence[NoteLinks | None] | None = None, *, keep_extracted: bool = False) -> Graph:
    """One graph holding the triples of all `notes` and of the shared resources they use."""
    graph = bind_prefixes(Graph())
    for note, link in zip(notes, links or [None] * len(notes), strict=False):
        add_note(graph, note, base or DEFAULT_BASE, evidence, links=link, keep_extracted=keep_extracted)
    return graph


def notes_dataset(notes: Sequence[Note], base: str | None = None, evidence: bool = False, *,
                  keep_extracted: bool = False) -> Dataset:
    """A dataset with each note in its own named graph (graph IRI = note IRI), shared resources in the shared graph."""
    dataset = Dataset()
    bind_prefixes(dataset)
    shared = dataset.graph(shared_graph_iri(base or DEFAULT_BASE))
    for note in notes:
        parts = note_parts(note, base or DEFAULT_BASE, evidence, keep_extracted=keep_extracted)
        graph = dataset.graph(parts.iri)
        for triple in parts.triples:
            graph.add(triple)
        for triple in parts.shared:
            shared.add(triple)
    return dataset


def _ordered_terms(triples: Iterable[Triple], first: Sequence[URIRef] = (), *,
                   types_first: bool = True) -> list[tuple[ox.NamedNode, ox.NamedNode, ox.NamedNode | ox.Literal]]:
    """The distinct `triples` (rdflib terms) as (subject, predicate, object) pyoxigraph terms, in a fixed order.

    Subjects in `first` (the notes) come first in that order, the others by IRI;
    within a subject `rdf:type` first when `types_first`, then by predicate and
    object (their N-Triples form). So pyoxigraph's serialisers, which group runs
    of one subject, write each subject once, and the same triples give the same
    bytes. `first=()` and `types_first=False` give plain sorted N-Triples lines.
    """
    term = _CONVERTER.term
    rank = {str(term(iri)): i for i, iri in enumerate(dict.fromkeys(first))}
    last = len(rank)
    rows: dict[tuple[int, str, str, str], tuple] = {}
    for s, p, o in triples:
        subject, predicate, obj = term(s), term(p), term(o)
        key = str(subject)
        pkey = "" if types_first and predicate == _RDF_TYPE else str(predicate)
        rows[(rank.get(key, last), key, pkey, str(obj))] = (subject, predicate, obj)
    return [rows[k] for k in sorted(rows)]


def ox_triples(triples: Iterable[Triple], first: Sequence[URIRef] = (), *, types_first: bool = True) -> list[ox.Triple]:
    """The distinct `triples` (rdflib terms) as pyoxigraph triples, in the order of `_ordered_terms`."""
    make = ox.Triple
    return [make(s, p, o) for s, p, o in _ordered_terms(triples, first, types_first=types_first)]


Links = Sequence["NoteLinks | None"]
#: a writer: (notes, base IRI, evidence, links, keep_extracted) → bytes
Writer = Callable[[Sequence[Note], str, bool, Links, bool], bytes]


def _notes_triples(notes: Sequence[Note], base: str, evidence: bool, links: Links,
                   keep_extracted: bool) -> tuple[list[URIRef], list[Triple], list[Triple]]:
    """(note IRIs, the notes' own triples, the shared descriptions they use)."""
    roots: list[URIRef] = []
    triples: list[Triple] = []
    shared: list[Triple] = []
    for note, link in zip(notes, links, strict=False):
        parts = note_parts(note, base, evidence, links=link, keep_extracted=keep_extracted)
        roots.append(parts.iri)
        triples.extend(parts.triples)
        shared.extend(parts.shared)
    return roots, triples, shared


def _graph_writer(name: str) -> Writer:
    """A writer of all notes in one graph: Turtle or RDF/XML, the notes first."""
    fmt = by_name(name).ox()

    def write(notes: Sequence[Note], base: str, evidence: bool, links: Links, keep_extracted: bool) -> bytes:
        roots, triples, shared = _notes_triples(notes, base, evidence, links, keep_extracted)
        return ox_bytes(ox_triples(triples + shared, roots), fmt, _PREFIXES)
    return write


def _nt(notes: Sequence[Note], base: str, evidence: bool, links: Links, keep_extracted: bool) -> bytes:
    _, triples, shared = _notes_triples(notes, base, evidence, links, keep_extracted)
    return ox_bytes(ox_triples(triples + shared, types_first=False), by_name("nt").ox())


def _trig(notes: Sequence[Note], base: str, evidence: bool, links: Links, keep_extracted: bool) -> bytes:
    """Each note in its own named graph, the shared resources once in the shared graph."""
    graphs: dict[URIRef, list[Triple]] = {}
    shared: list[Triple] = []
    for note, link in zip(notes, links, strict=False):
        parts = note_parts(note, base, evidence, links=link, keep_extracted=keep_extracted)
        graphs.setdefault(parts.iri, []).extend(parts.triples)  # the same note twice: one graph
        shared.extend(parts.shared)
    graphs[shared_graph_iri(base)] = shared
    quads: list[ox.Quad] = []
    for iri, triples in graphs.items():
        name = _CONVERTER.iri(iri)
        quads.extend(ox.Quad(s, p, o, name) for s, p, o in _ordered_terms(triples, [iri]))
    return ox_bytes(quads, by_name("trig").ox(), _PREFIXES)


def _jsonld(notes: Sequence[Note], base: str, evidence: bool, links: Links, keep_extracted: bool) -> bytes:
    from kenmerk.output.jsonld import serialize_jsonld

    return serialize_jsonld(notes_graph(notes, base, evidence, links, keep_extracted=keep_extracted))


def _diwoo(notes: Sequence[Note], base: str, evidence: bool, links: Links, keep_extracted: bool) -> bytes:
    from kenmerk.output.diwoo import notes_to_diwoo

    return notes_to_diwoo(notes, base=base, labels=[link.document_url if link else None for link in links])


#: the writer of each format `kenmerk extract` writes besides JSON (notes, base IRI, evidence, links,
#: keep_extracted → bytes)
WRITERS: dict[str, Writer] = {
    "turtle": _graph_writer("turtle"),
    "jsonld": _jsonld,
    "nt": _nt,
    "trig": _trig,
    "xml": _graph_writer("xml"),
    "diwoo": _diwoo,
}


def serialize_notes(notes: Sequence[Note], fmt: str, *, base: str | None = None, evidence: bool = False,
                    links: Links | None = None, download_base: str | None = None,
                    keep_extracted: bool = False) -> bytes:
    """The notes in format `fmt` (a name of one of `WRITERS`' formats); `base` None means `DEFAULT_BASE`.

    `links` (one `NoteLinks` per note, `kenmerk.output.links.BatchLinker`): document URLs and
    the links between notes of the batch; without them, found here when `download_base` (where
    the documents are published) is given. DiWoo needs each document's URL.
    """
    fmt = get_format(fmt, WRITERS).name
    notes = list(notes)
    if links is None and download_base:
        from kenmerk.output.links import BatchLinker

        linker = BatchLinker(base, download_base)
        links = [linker.add(note) for note in notes]
    return WRITERS[fmt](notes, base or DEFAULT_BASE, evidence, list(links) if links else [None] * len(notes),
                        keep_extracted)
