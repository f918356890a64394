"""Fast, deterministic Turtle, TriG and N-Triples for note triples.

rdflib's serialisers take several milliseconds for the ~100 triples of a note;
these writers take the triple lists of `kenmerk.output.graph.note_triples`
directly and write sorted output (subjects: notes first, then by IRI;
`rdf:type` first as `a`; other predicates and objects sorted), so the same
notes always give the same bytes. The tests parse their output back with
rdflib and compare it with `note_graph` (`rdflib.compare.isomorphic`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable, Sequence

from rdflib import Literal, URIRef
from rdflib.namespace import RDF, XSD

from kenmerk.vocab import PREFIXES

Triple = tuple[URIRef, URIRef, "URIRef | Literal"]

_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*\Z")
_IRI_BAD = re.compile(r'[\x00-\x20<>"{}|^`\\]')
_INTEGER = re.compile(r"-?[0-9]+\Z")
_NAMESPACES = sorted(((ns, prefix) for prefix, ns in PREFIXES.items()), key=lambda x: -len(x[0]))
_XSD_STRING = str(XSD.string)
_XSD_INTEGER = str(XSD.integer)
_XSD_BOOLEAN = str(XSD.boolean)
_RDF_TYPE = str(RDF.type)


def _iriref(iri: str) -> str:
    if _IRI_BAD.search(iri):
        iri = _IRI_BAD.sub(lambda m: f"\\u{ord(m.group()):04X}", iri)
    return f"<{iri}>"


@lru_cache(maxsize=8192)
def _qname(iri: str) -> str:
    for ns, prefix in _NAMESPACES:
        if iri.startswith(ns):
            local = iri[len(ns):]
            if _LOCAL.match(local):
                return f"{prefix}:{local}"
            break
    return _iriref(iri)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def turtle_term(term: URIRef | Literal) -> str:
    """A term in Turtle: prefixed name where possible, else `<iri>` or a literal."""
    if isinstance(term, Literal):
        lex = str(term)
        if term.language:
            return f"{_quote(lex)}@{term.language}"
        dt = term.datatype
        if dt is None or str(dt) == _XSD_STRING:
            return _quote(lex)
        dts = str(dt)
        if dts == _XSD_INTEGER and _INTEGER.match(lex):
            return lex
        if dts == _XSD_BOOLEAN and lex in ("true", "false"):
            return lex
        return f"{_quote(lex)}^^{_qname(dts)}"
    return _qname(str(term))


def nt_term(term: URIRef | Literal) -> str:
    """A term in N-Triples."""
    if isinstance(term, Literal):
        lex = _quote(str(term))
        if term.language:
            return f"{lex}@{term.language}"
        if term.datatype is None or str(term.datatype) == _XSD_STRING:
            return lex
        return f"{lex}^^{_iriref(str(term.datatype))}"
    return _iriref(str(term))


def prefix_block() -> str:
    """The `@prefix` lines of every namespace kenmerk binds."""
    return "".join(f"@prefix {prefix}: <{ns}> .\n" for prefix, ns in PREFIXES.items())


def _statements(roots: Sequence[URIRef], triples: Iterable[Triple], indent: str = "") -> str:
    subjects: dict[URIRef, dict[str, set[str]]] = {}
    for s, p, o in triples:
        preds = subjects.get(s)
        if preds is None:
            preds = subjects[s] = {}
        key = "a" if str(p) == _RDF_TYPE else turtle_term(p)
        objs = preds.get(key)
        if objs is None:
            objs = preds[key] = set()
        objs.add(turtle_term(o))
    first = [r for r in dict.fromkeys(roots) if r in subjects]
    rest = sorted((s for s in subjects if s not in set(first)), key=str)
    out: list[str] = []
    pad = indent + "    "
    for s in first + rest:
        preds = subjects[s]
        keys = sorted(preds, key=lambda k: ("" if k == "a" else k))
        body = f" ;\n{pad}".join(f"{k} {', '.join(sorted(preds[k]))}" for k in keys)
        out.append(f"{indent}{turtle_term(s)} {body} .\n")
    return "\n".join(out)


def write_turtle(roots: Sequence[URIRef], triples: Iterable[Triple]) -> str:
    """Turtle for `triples`, the subjects in `roots` (the notes) first."""
    return prefix_block() + "\n" + _statements(roots, triples)


def write_trig(graphs: Sequence[tuple[URIRef, Sequence[Triple]]]) -> str:
    """TriG with each (graph IRI, triples) pair as a named graph."""
    parts = [prefix_block()]
    for iri, triples in graphs:
        parts.append(f"\n{turtle_term(iri)} {{\n{_statements([iri], triples, '    ')}}}\n")
    return "".join(parts)


def write_ntriples(triples: Iterable[Triple]) -> str:
    """N-Triples, one sorted line per distinct triple."""
    lines = sorted({f"{nt_term(s)} {nt_term(p)} {nt_term(o)} ." for s, p, o in triples})
    return "".join(line + "\n" for line in lines)
