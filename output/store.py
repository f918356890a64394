"""The embedded store: a pyoxigraph `Store` on disk, one named graph per note.

The store needs no server. Its folder is `--store DIR`, else `$KENMERK_STORE`,
else `store` in kenmerk.toml, else `./kenmerk-store`. A folder can be opened read-write by one
process at a time (RocksDB holds a lock): `kenmerk publish --store DIR` fails
with `StoreBusy` while `kenmerk serve` (or another publish) has it open.
Read-only opens (`kenmerk query --store DIR`) work next to a running server,
but a reader may see a half-written batch while a writer is busy.

Writes go through the store's bulk path: the named graph of every note in a
batch is removed first, then all quads of the batch are added with one
`Store.bulk_extend` call. So publishing the same note again replaces it.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kenmerk.extract import KenmerkError

#: folder of the embedded store when neither `--store` nor `$KENMERK_STORE` is given
DEFAULT_STORE = "kenmerk-store"
#: environment variable naming the embedded store folder
STORE_ENV = "KENMERK_STORE"

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


class PublishError(KenmerkError):
    """A store or an endpoint did not take the triples of a note."""

    stage = "publish"


class StoreBusy(PublishError):
    """The store folder is open read-write in another process."""


def default_store_path(configured: str | None = None) -> Path:
    """`$KENMERK_STORE` when set, else `configured` (`store` in kenmerk.toml), else `./kenmerk-store`."""
    return Path(os.environ.get(STORE_ENV) or configured or DEFAULT_STORE)


class TermConverter:
    """rdflib terms → pyoxigraph terms, with a cache for IRIs (predicates and classes repeat)."""

    def __init__(self, cache_size: int = 50_000) -> None:
        self._iris: dict[str, ox.NamedNode] = {}
        self._cache_size = cache_size

    def iri(self, value: str) -> ox.NamedNode:
        key = str(value)  # an exact str: hashing it is cheap, unlike rdflib's Identifier.__hash__
        node = self._iris.get(key)
        if node is None:
            if len(self._iris) >= self._cache_size:
                self._iris.clear()
            node = self._iris[key] = ox.NamedNode(key)
        return node

    def term(self, term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
        kind = type(term)
        if kind is URIRef or isinstance(term, URIRef):
            return self.iri(term)
        if kind is Literal or isinstance(term, Literal):
            language = term.language
            if language:
                return ox.Literal(str(term), language=language)
            datatype = term.datatype
            if datatype is not None and str(datatype) not in (_XSD_STRING, _RDF_LANGSTRING):
                return ox.Literal(str(term), datatype=self.iri(datatype))
            return ox.Literal(str(term))
        if isinstance(term, BNode):
            return ox.BlankNode(str(term))
        raise TypeError(f"cannot store RDF term {term!r}")

    def quads(self, graph: Graph | Iterable[tuple[Node, Node, Node]],
              graph_name: str | ox.NamedNode) -> list[ox.Quad]:
        """The triples of `graph` (an rdflib Graph or any iterable of triples) as quads in `graph_name`."""
        name = self.iri(graph_name) if isinstance(graph_name, str) else graph_name
        term, iri, quad = self.term, self.iri, ox.Quad
        out = []
        for s, p, o in graph:
            out.append(quad(
                iri(s) if type(s) is URIRef else term(s),
                iri(p) if type(p) is URIRef else term(p),
                iri(o) if type(o) is URIRef else term(o),
                name,
            ))
        return out


def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> Node | None:
    """A pyoxigraph term as an rdflib term (None stays None)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        dt = term.datatype.value
        return Literal(term.value, datatype=None if dt == _XSD_STRING else URIRef(dt))
    raise TypeError(f"unsupported term {term!r}")


def _busy(path: Path, exc: OSError) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("unavailable" in text or "no locks" in text or "hold" in text)


def open_store(path: str | os.PathLike[str], *, read_only: bool = False) -> ox.Store:
    """Open (read-write: create) the store folder, with an error a user can act on."""
    folder = Path(path)
    absolute = str(folder.resolve())  # RocksDB's in-process lock check compares path strings
    try:
        if read_only:
            if not (folder / "CURRENT").exists():
                raise PublishError(f"{folder}: no kenmerk store here (publish some notes first)")
            return ox.Store.read_only(absolute)
        return ox.Store(absolute)
    except OSError as exc:
        if _busy(folder, exc):
            raise StoreBusy(
                f"{folder}: the store is open in another process (is `kenmerk serve` running?); "
                "stop it, or publish through it with --endpoint http://127.0.0.1:PORT/query"
            ) from None
        raise PublishError(f"{folder}: cannot open the store: {exc}") from None


class EmbeddedStore:
    """A kenmerk store folder; `replace_graphs` is the bulk write path."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.read_only = read_only
        self.store = open_store(self.path, read_only=read_only)

    def __enter__(self) -> "EmbeddedStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if getattr(self, "store", None) is not None:
            if not self.read_only:
                try:
                    self.store.flush()
                except OSError:
                    pass
            self.store = None  # pyoxigraph closes the folder when the object goes

    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Quad]]) -> None:
        """Remove the named graphs in `graphs`, then bulk-add their quads in one call."""
        try:
            for name in graphs:
                self.store.remove_graph(ox.NamedNode(name))
            self.store.bulk_extend(q for quads in graphs.values() for q in quads)
        except OSError as exc:
            raise PublishError(f"{self.path}: writing to the store failed: {exc}") from None

    def graph_names(self) -> list[str]:
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self, graph: str | None = None) -> Iterator[ox.Quad]:
        """All quads, or those of one named graph."""
        name = ox.NamedNode(graph) if graph is not None else None
        return iter(self.store.quads_for_pattern(None, None, None, name))

    def count(self, graph: str | None = None) -> int:
        """Number of quads in the store, or in one named graph."""
        if graph is None:
            return len(self.store)
        return sum(1 for _ in self.quads(graph))
