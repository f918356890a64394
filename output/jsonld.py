"""JSON-LD for note graphs that reads like plain JSON: one nested object per note.

rdflib's JSON-LD serialiser writes a flat list of nodes. This writer starts at
each `kmk:Note`, uses the terms of the shipped context (`vocab/context.jsonld`:
`title`, `kenmerk`, `date`, `publisher`, …) and embeds the nodes a note points
to (its decision, attachments, source file, the TOOI organisation) where they
are first reached, so a developer reads `note["recommendedDecision"]["description"]`.
The context is written inline, so the document parses back without network
access to the same triples (the tests check this with `rdflib.compare.isomorphic`).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from kenmerk.vocab import CONTEXT, KMK, vocab_file

_INTEGER_TYPES = {XSD.integer, XSD.positiveInteger, XSD.nonNegativeInteger, XSD.int, XSD.long}


@dataclass(frozen=True)
class _Term:
    name: str
    iri: str
    coerce: str | None  # "@id", "@vocab", a datatype IRI, or None
    no_language: bool
    is_set: bool


@dataclass(frozen=True)
class _Context:
    document: dict
    default_language: str | None
    prefixes: dict[str, str]
    classes: dict[str, str]  # class IRI → term
    terms: dict[str, _Term]  # property IRI → term
    order: dict[str, int]  # property IRI → position in the context


@lru_cache(maxsize=1)
def load_context() -> _Context:
    """The shipped JSON-LD context, parsed into term definitions."""
    document = json.loads(vocab_file(CONTEXT).read_text(encoding="utf-8"))
    ctx = document["@context"]
    prefixes = {k: v for k, v in ctx.items()
                if isinstance(v, str) and not k.startswith("@") and v.endswith(("/", "#"))}

    def expand(value: str) -> str:
        prefix, _, local = value.partition(":")
        return prefixes[prefix] + local if prefix in prefixes and not local.startswith("//") else value

    classes: dict[str, str] = {}
    terms: dict[str, _Term] = {}
    order: dict[str, int] = {}
    for i, (name, value) in enumerate(ctx.items()):
        if name.startswith("@") or name in prefixes:
            continue
        if isinstance(value, str):
            if not value.startswith("@"):
                classes[expand(value)] = name
            continue
        iri = expand(value["@id"])
        coerce = value.get("@type")
        if coerce and not coerce.startswith("@"):
            coerce = expand(coerce)
        terms[iri] = _Term(name, iri, coerce, "@language" in value and value["@language"] is None,
                           value.get("@container") == "@set")
        order[iri] = i
    return _Context(document, ctx.get("@language"), prefixes, classes, terms, order)


class _Writer:
    def __init__(self, graph: Graph, ctx: _Context) -> None:
        self.g = graph
        self.ctx = ctx
        self.done: set[Node] = set()

    def compact(self, iri: str) -> str:
        for prefix, ns in self.ctx.prefixes.items():
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{prefix}:{iri[len(ns):]}"
        return iri

    def literal(self, lit: Literal, term: _Term | None) -> object:
        lex = str(lit)
        if lit.language:
            if term and not term.no_language and term.coerce is None and lit.language == self.ctx.default_language:
                return lex
            return {"@value": lex, "@language": lit.language}
        dt = lit.datatype
        if dt is None or dt == XSD.string:
            if term and term.coerce is None and (term.no_language or self.ctx.default_language is None):
                return lex
            return {"@value": lex}
        if term and term.coerce == str(dt):
            if dt in _INTEGER_TYPES and lex.lstrip("-").isdigit() and str(int(lex)) == lex:
                return int(lex)
            if dt == XSD.boolean and lex in ("true", "false"):
                return lex == "true"
            return lex
        return {"@value": lex, "@type": self.compact(str(dt))}

    def value(self, obj, term: _Term | None) -> object:
        if isinstance(obj, Literal):
            return self.literal(obj, term)
        if isinstance(obj, URIRef) and obj not in self.done and (obj, None, None) in self.g:
            return self.node(obj)
        if term and term.coerce in ("@id", "@vocab"):
            return str(obj)
        return {"@id": str(obj)}

    def node(self, subject: Node) -> dict:
        self.done.add(subject)
        out: dict[str, object] = {"id": str(subject)}
        types = sorted(str(t) for t in self.g.objects(subject, RDF.type))
        if types:
            names = [self.ctx.classes.get(t) or self.compact(t) for t in types]
            out["type"] = names[0] if len(names) == 1 else names
        predicates = sorted({p for p in self.g.predicates(subject) if p != RDF.type},
                            key=lambda p: (self.ctx.order.get(str(p), 10**6), str(p)))
        for p in predicates:
            term = self.ctx.terms.get(str(p))
            objects = sorted(self.g.objects(subject, p), key=lambda o: (type(o).__name__, str(o)))
            values = [self.value(o, term) for o in objects]
            key = term.name if term else self.compact(str(p))
            out[key] = values if (len(values) > 1 or (term and term.is_set)) else values[0]
        return out


def graph_to_jsonld(graph: Graph) -> dict:
    """The JSON-LD document (context inline) of a graph of notes, one nested object per note."""
    ctx = load_context()
    writer = _Writer(graph, ctx)
    notes = sorted(set(graph.subjects(RDF.type, KMK.Note)), key=str)
    items = [writer.node(n) for n in notes]
    rest = sorted({s for s in graph.subjects() if isinstance(s, URIRef)} - writer.done, key=str)
    items += [writer.node(s) for s in rest if s not in writer.done]
    return {"@context": ctx.document["@context"], "notes": items}


def serialize_jsonld(graph: Graph) -> bytes:
    """UTF-8 JSON-LD text of `graph_to_jsonld`."""
    return (json.dumps(graph_to_jsonld(graph), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
