"""Notes → bytes in one of the RDF formats or DiWoo XML: one small registry.

    data = serialize_notes(notes, "turtle", base=None, evidence=False)

`NOTE_FORMATS` maps each `--format` name of `kenmerk extract` to a `NoteFormat`
(media type, file extension, writer); adding a format touches this table only.

- turtle, nt: all notes in one graph, written by the fast sorted writers of
  `kenmerk.output.turtle`; xml: the same graph through rdflib.
- trig: each note in its own named graph, graph IRI = note IRI.
- jsonld: nested JSON per note with the shipped context (`kenmerk.output.jsonld`).
- diwoo: DiWoo 0.9.8 metadata in a sitemap `urlset` (`kenmerk.output.diwoo`).

The same notes always give the same bytes: IRIs are minted from the notes and
no time is written unless the caller gives one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Sequence

from rdflib import Dataset, Graph

from kenmerk.extract import Note, UsageError
from kenmerk.output.graph import DEFAULT_BASE, add_note, note_iri, note_triples
from kenmerk.output.turtle import write_ntriples, write_trig, write_turtle
from kenmerk.vocab import bind_prefixes


@dataclass(frozen=True)
class NoteFormat:
    """One output format: its media type, file extension and writer."""

    name: str
    media_type: str
    extension: str
    write: Callable[[Sequence[Note], str, bool], bytes]


def notes_graph(notes: Sequence[Note], base: str | None = None, evidence: bool = False) -> Graph:
    """One graph holding the triples of all `notes`."""
    graph = bind_prefixes(Graph())
    for note in notes:
        add_note(graph, note, base or DEFAULT_BASE, evidence)
    return graph


def notes_dataset(notes: Sequence[Note], base: str | None = None, evidence: bool = False) -> Dataset:
    """A dataset with each note in its own named graph (graph IRI = note IRI)."""
    dataset = Dataset()
    bind_prefixes(dataset)
    for note in notes:
        iri = note_iri(note, base or DEFAULT_BASE)
        add_note(dataset.graph(iri), note, base or DEFAULT_BASE, evidence)
    return dataset


def _rdf(fmt: str) -> Callable[[Sequence[Note], str, bool], bytes]:
    def write(notes: Sequence[Note], base: str, evidence: bool) -> bytes:
        return notes_graph(notes, base, evidence).serialize(format=fmt, encoding="utf-8")
    return write


def _turtle(notes: Sequence[Note], base: str, evidence: bool) -> bytes:
    roots, triples = [], []
    for note in notes:
        iri, ts = note_triples(note, base, evidence)
        roots.append(iri)
        triples.extend(ts)
    return write_turtle(roots, triples).encode("utf-8")


def _nt(notes: Sequence[Note], base: str, evidence: bool) -> bytes:
    return write_ntriples(t for note in notes for t in note_triples(note, base, evidence)[1]).encode("utf-8")


def _trig(notes: Sequence[Note], base: str, evidence: bool) -> bytes:
    return write_trig([note_triples(note, base, evidence) for note in notes]).encode("utf-8")


def _jsonld(notes: Sequence[Note], base: str, evidence: bool) -> bytes:
    from kenmerk.output.jsonld import serialize_jsonld

    return serialize_jsonld(notes_graph(notes, base, evidence))


def _diwoo(notes: Sequence[Note], base: str, evidence: bool) -> bytes:
    from kenmerk.output.diwoo import notes_to_diwoo

    return notes_to_diwoo(notes, base=base)


NOTE_FORMATS: dict[str, NoteFormat] = {
    "turtle": NoteFormat("turtle", "text/turtle", ".ttl", _turtle),
    "jsonld": NoteFormat("jsonld", "application/ld+json", ".jsonld", _jsonld),
    "nt": NoteFormat("nt", "application/n-triples", ".nt", _nt),
    "trig": NoteFormat("trig", "application/trig", ".trig", _trig),
    "xml": NoteFormat("xml", "application/rdf+xml", ".rdf", _rdf("xml")),
    "diwoo": NoteFormat("diwoo", "application/xml", ".xml", _diwoo),
}


def serialize_notes(notes: Sequence[Note], fmt: str, *, base: str | None = None, evidence: bool = False) -> bytes:
    """The notes in format `fmt` (a key of `NOTE_FORMATS`); `base` None means `DEFAULT_BASE`."""
    try:
        writer = NOTE_FORMATS[fmt]
    except KeyError:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(NOTE_FORMATS)}") from None
    return writer.write(list(notes), base or DEFAULT_BASE, evidence)
