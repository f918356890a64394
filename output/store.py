"""The embedded store: a pyoxigraph `Store` on disk, one named graph per note.

The store needs no server. Its folder is `--store DIR`, else `$KENMERK_STORE`,
else `store` in kenmerk.toml, else `./kenmerk-store`. A folder can be opened read-write by one
process at a time (RocksDB holds a lock): `kenmerk publish --store DIR` fails
with `StoreBusy` while another process has it open, and says which one when the
system tells (`kenmerk serve`, another publish). Read-only opens (`kenmerk query
--store DIR`) work next to a running server.

Writes replace a batch of named graphs so that each note already published is either old
or new, never absent or partial, whatever stops the process (SIGKILL, a full disk, an error):

- the graphs the store does not hold yet are added in one transaction (`Store.extend`), or,
  from `BULK_MIN_QUADS` quads on, by the bulk loader (`Store.bulk_extend`), which is faster
  there; pyoxigraph does not promise that it is atomic, so a note published for the first
  time may be partly there after a kill inside that call, until the next publish replaces it
  (not seen with pyoxigraph 0.5: 18 SIGKILLs during one 2.5 M-quad call left nothing, its files
  are taken in at the end; `Store.extend` would promise it at about 2.5x the time);
- a graph the store holds is compared with its new quads; the graphs that changed are
  updated by one SPARQL Update per batch (`DELETE DATA` of the quads that go, `INSERT DATA`
  of those that come), which pyoxigraph runs as one transaction; an unchanged graph is
  not written at all;
- graphs that a written graph supersedes (`supersedes`: the earlier versions of a corrected note,
  `kenmerk.output.versions`) are dropped by that same update, which then also inserts the
  superseding graph even when it is new: a kill leaves the old version or the new, never both
  or neither.

The terms go into the update text in their N-Triples form, written by pyoxigraph.
"""
from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import overload

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kenmerk.extract.errors import PublishError, StoreBusy
from kenmerk.output.atomic import os_reason

#: folder of the embedded store when neither `--store` nor `$KENMERK_STORE` is given
DEFAULT_STORE = "kenmerk-store"
#: environment variable naming the embedded store folder
STORE_ENV = "KENMERK_STORE"

#: new quads in a batch from which the bulk loader beats one transaction (its files cost ~50 ms a call)
BULK_MIN_QUADS = 5_000

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


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
        if isinstance(term, URIRef):
            return self.iri(term)
        if isinstance(term, Literal):
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

    def subject(self, term: Node) -> ox.NamedNode | ox.BlankNode:
        """A subject: an IRI or a blank node (TypeError for a literal)."""
        node = self.term(term)
        if isinstance(node, ox.Literal):
            raise TypeError(f"cannot store literal {term!r} as a subject")
        return node

    def predicate(self, term: Node) -> ox.NamedNode:
        """A predicate: an IRI (TypeError for anything else)."""
        if isinstance(term, URIRef):
            return self.iri(term)
        raise TypeError(f"cannot store RDF term {term!r} as a predicate")

    def quads(self, graph: Graph | Iterable[tuple[Node, Node, Node]],
              graph_name: str | ox.NamedNode) -> list[ox.Quad]:
        """The triples of `graph` (an rdflib Graph or any iterable of triples) as quads in `graph_name`."""
        name = self.iri(graph_name) if isinstance(graph_name, str) else graph_name
        term, subject, predicate, iri, quad = self.term, self.subject, self.predicate, self.iri, ox.Quad
        out = []
        for s, p, o in graph:
            out.append(quad(
                iri(s) if type(s) is URIRef else subject(s),
                iri(p) if type(p) is URIRef else predicate(p),
                iri(o) if type(o) is URIRef else term(o),
                name,
            ))
        return out


@overload
def to_rdflib(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node: ...
@overload
def to_rdflib(term: None) -> None: ...
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


def _busy(exc: OSError) -> bool:
    text = str(exc).lower()
    return "lock" in text and ("unavailable" in text or "no locks" in text or "hold" in text)


#: who holds a store folder's lock, told by words of its command line: (words, who, what to do)
LOCK_HOLDERS: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("kenmerk", "serve"), "`kenmerk serve`", "stop it, or publish through it with --endpoint http://127.0.0.1:PORT/query"),
    (("oxigraph", "serve"), "`oxigraph serve`", "stop it, or publish through it with --endpoint http://127.0.0.1:PORT/query"),
    (("kenmerk", "publish"), "another `kenmerk publish`", "wait for it to finish"),
)
_UNKNOWN_HOLDER = ("stop it; if it is `kenmerk serve`, publish through it with "
                   "--endpoint http://127.0.0.1:PORT/query")


def lock_holder(folder: Path) -> int | None:
    """The id of the process holding the lock of the store `folder`, when the system tells (Linux)."""
    try:
        lines = Path("/proc/locks").read_text().splitlines()  # Linux only: elsewhere the holder is not told
        info = (folder / "LOCK").stat()
    except OSError:
        return None
    device = f"{os.major(info.st_dev):02x}:{os.minor(info.st_dev):02x}:{info.st_ino}"
    for line in lines:
        fields = line.split()
        if len(fields) >= 6 and "->" not in fields and fields[5] == device and fields[4].isdigit():
            return int(fields[4])
    return None


def _command_line(pid: int) -> str:
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return ""
    return " ".join(os.path.basename(part) if i == 0 else part
                    for i, part in enumerate(raw.decode("utf-8", "replace").split("\0")) if part)


def busy_message(folder: Path) -> str:
    """`folder: …` naming the process that has the store open, and what to do."""
    pid = lock_holder(folder)
    if pid == os.getpid():
        return f"{folder}: the store is already open in this process"
    if pid is None:
        return (f"{folder}: the store is open in another process (`kenmerk serve`, or another publish); "
                + _UNKNOWN_HOLDER)
    command = _command_line(pid)
    words = set(re.findall(r"[\w-]+", command))
    for needed, who, advice in LOCK_HOLDERS:
        if words.issuperset(needed):
            return f"{folder}: the store is open in {who}, process {pid}; {advice}"
    shown = f" ({command[:80]})" if command else ""
    return f"{folder}: the store is open in another process, {pid}{shown}; {_UNKNOWN_HOLDER}"


def require_store(path: str | os.PathLike[str]) -> None:
    """PublishError when the folder holds no store: a command that reads one does not make an empty one."""
    if not (Path(path) / "CURRENT").exists():
        raise PublishError(f"{path}: no kenmerk store here (publish some notes first)")


def open_store(path: str | os.PathLike[str], *, read_only: bool = False) -> ox.Store:
    """Open (read-write: create) the store folder, with an error a user can act on."""
    folder = Path(path)
    absolute = str(folder.resolve())  # RocksDB's in-process lock check compares path strings
    try:
        if read_only:
            require_store(folder)
            return ox.Store.read_only(absolute)
        return ox.Store(absolute)
    except OSError as exc:
        if _busy(exc):
            raise StoreBusy(busy_message(folder)) from None
        raise PublishError(f"{folder}: cannot open the store: {os_reason(exc)}") from None


def _has_blank_node(quads: Iterable[ox.Quad]) -> bool:
    return any(isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode) for q in quads)


def _data(quads: Iterable[ox.Quad]) -> str:
    """Quads as the body of `INSERT DATA`/`DELETE DATA`: a `GRAPH` block per graph, N-Triples terms."""
    by_graph: dict[str, list[str]] = {}
    for q in quads:
        by_graph.setdefault(str(q.graph_name), []).append(f"{q.subject} {q.predicate} {q.object} .")
    return "\n".join(f"GRAPH {g} {{\n" + "\n".join(lines) + "\n}" for g, lines in by_graph.items())


def replacement_update(drop: Iterable[ox.NamedNode], delete: Iterable[ox.Quad], insert: Iterable[ox.Quad]) -> str:
    """One SPARQL Update: drop the graphs `drop`, delete the quads `delete`, insert the quads `insert`."""
    operations = [f"DROP SILENT GRAPH {g}" for g in drop]
    delete, insert = list(delete), list(insert)
    if delete:
        operations.append(f"DELETE DATA {{\n{_data(delete)}\n}}")
    if insert:
        operations.append(f"INSERT DATA {{\n{_data(insert)}\n}}")
    return " ;\n".join(operations)


class EmbeddedStore:
    """A kenmerk store folder; `replace_graphs` is the write path."""

    def __init__(self, path: str | os.PathLike[str] | None = None, *, read_only: bool = False) -> None:
        self.path = Path(path) if path is not None else default_store_path()
        self.read_only = read_only
        self.store = open_store(self.path, read_only=read_only)

    def __enter__(self) -> "EmbeddedStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if getattr(self, "store", None) is not None:
            if not self.read_only:
                try:
                    self.store.flush()
                except OSError:
                    pass
            del self.store  # pyoxigraph closes the folder when the object goes; a closed store has none

    def replace_graphs(self, graphs: Mapping[str, Iterable[ox.Quad]], *,
                       supersedes: Mapping[str, Iterable[str]] | None = None) -> None:
        """Put the named graphs in `graphs` in place of those in the store: each ends old or new, never absent.

        New graphs are added, changed ones updated in one transaction, unchanged ones left alone
        (see the module docstring). `supersedes` maps a name in `graphs` to graphs it replaces, which
        are dropped in the transaction that writes it. Raises PublishError (`store: reason`).
        """
        new: list[ox.Quad] = []
        drop: list[ox.NamedNode] = []
        delete: list[ox.Quad] = []
        insert: list[ox.Quad] = []
        earlier = {name: [old for old in olds if old not in graphs]
                   for name, olds in (supersedes or {}).items() if name in graphs}
        superseding = {name for name, olds in earlier.items() if olds}
        drop.extend(ox.NamedNode(old) for name in sorted(superseding) for old in earlier[name])
        try:
            for name, quads in graphs.items():
                node = ox.NamedNode(name)
                wanted = set(quads)
                if not self.store.contains_named_graph(node):
                    (insert if name in superseding else new).extend(wanted)
                    continue
                old = set(self.store.quads_for_pattern(None, None, None, node))
                if old == wanted:
                    continue
                if _has_blank_node(old) or _has_blank_node(wanted):  # DELETE DATA takes no blank nodes
                    drop.append(node)
                    insert.extend(wanted)
                else:
                    delete.extend(old - wanted)
                    insert.extend(wanted - old)
            if drop or delete or insert:
                self.store.update(replacement_update(drop, delete, insert))
            if len(new) >= BULK_MIN_QUADS:
                self.store.bulk_extend(new)
            elif new:
                self.store.extend(new)
        except OSError as exc:
            raise PublishError(f"{self.path}: {os_reason(exc)}") from None
        except SyntaxError as exc:  # a term pyoxigraph writes but its SPARQL parser refuses: nothing was written
            raise PublishError(f"{self.path}: the update was refused: {' '.join(str(exc).split())}") from None

    def graphs_with(self, predicate: ox.NamedNode, value: ox.Literal) -> set[str]:
        """The named graphs holding a triple `?s predicate value` (an index look-up, no scan)."""
        return {q.graph_name.value for q in self.store.quads_for_pattern(None, predicate, value, None)
                if isinstance(q.graph_name, ox.NamedNode)}

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
