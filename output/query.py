"""SPARQL queries over the published notes: the embedded store or any SPARQL endpoint.

Parameters are bound as RDF terms, never pasted into the query text:

- embedded store: pyoxigraph `substitutions` (SEP-0007: the variable is replaced by the term);
- endpoint: a `VALUES` block with the terms' N-Triples form (`rdflib` `.n3()`), put at the
  start of the query's outer `WHERE` group, so FILTERs of that group see the values too.

Example queries ship in `kenmerk/output/queries/NAME.rq`. Their header comments
describe them and declare typed parameters:

    # Notes with a given kenmerk (the sender's reference).
    # param kenmerk literal: the kenmerk as printed, e.g. 2024-0000123456

Parameter kinds: `literal` (plain string), `iri`, `date` (YYYY-MM-DD → xsd:date),
`integer`, `organisation` (TOOI IRI, TOOI code such as mnre1090, or a name),
`woo-ground` (a Woo/Wob refusal ground in any usual spelling → its code, `5.1.2e`),
`kenmerk` (a kenmerk in any spelling → its look-up key, `kmk:kenmerkKey`: case, spaces and
dashes folded).
Undeclared parameters of ad-hoc queries are plain literals, or IRIs when
written `<…>`. On the embedded store a parameter must be a variable the query
selects (pyoxigraph substitutes projected variables only); `kenmerk query`
leaves the columns of bound parameters out of its output.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from kenmerk.extract.errors import QueryError
from kenmerk.output.dump import ox_bytes
from kenmerk.output.formats import RDF_FORMATS, by_name, rdf_format
from kenmerk.output.gsp import GraphStoreClient
from kenmerk.output.store import EmbeddedStore, TermConverter, to_rdflib

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

PARAM_KINDS = ("literal", "iri", "date", "integer", "organisation", "woo-ground", "kenmerk")
OUTPUT_FORMATS = ("table", "csv", "json")
#: what a CONSTRUCT or DESCRIBE answer is printed as besides N-Triples: any RDF format (`kenmerk.output.formats`)
GRAPH_OUTPUT_FORMATS = tuple(f for f in RDF_FORMATS if f != "nquads")
_PARAM_LINE = re.compile(r"^#\s*param\s+([A-Za-z_][A-Za-z0-9_]*)\s+([a-z-]+)(\?)?\s*:\s*(.*)$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


@dataclass(frozen=True)
class Param:
    """A declared parameter of an example query; `optional` ones may be left out."""

    name: str
    kind: str
    description: str
    optional: bool = False


@dataclass(frozen=True)
class Example:
    """A shipped example query: name, first header line, text, parameters."""

    name: str
    description: str
    text: str
    params: tuple[Param, ...] = ()


def parse_header(text: str) -> tuple[str, tuple[Param, ...]]:
    """(description, parameters) from the leading `#` comment lines of a query."""
    description: list[str] = []
    params: list[Param] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        m = _PARAM_LINE.match(stripped)
        if m:
            name, kind, optional, desc = m.groups()
            if kind not in PARAM_KINDS:
                raise QueryError(f"parameter {name}: unknown kind {kind!r} (use {', '.join(PARAM_KINDS)})")
            params.append(Param(name, kind, desc.strip(), bool(optional)))
        elif not params:
            description.append(stripped.lstrip("#").strip())
    return " ".join(d for d in description if d), tuple(params)


def _queries_dir() -> Traversable:
    return resources.files("kenmerk.output").joinpath("queries")


def examples() -> dict[str, Example]:
    """The shipped example queries, by name."""
    found: dict[str, Example] = {}
    folder = _queries_dir()
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            text = entry.read_text(encoding="utf-8")
            description, params = parse_header(text)
            name = entry.name[:-3]
            found[name] = Example(name, description, text, params)
    return found


def example(name: str) -> Example:
    found = examples()
    if name not in found:
        raise QueryError(f"no example query {name!r} (known: {', '.join(found)})")
    return found[name]


# -- parameters ---------------------------------------------------------------------------------


def _iri(value: str, name: str) -> URIRef:
    try:
        ox.NamedNode(value)
    except ValueError:
        raise QueryError(f"parameter {name}: {value!r} is not a valid IRI") from None
    if ":" not in value:
        raise QueryError(f"parameter {name}: {value!r} is not an absolute IRI")
    return URIRef(value)


def to_term(value: str, kind: str, name: str) -> Node:
    """The RDF term for a parameter value of `kind`."""
    if kind == "literal":
        return Literal(value)
    if kind == "iri":
        return _iri(value.strip().removeprefix("<").removesuffix(">"), name)
    if kind == "date":
        try:
            return Literal(dt.date.fromisoformat(value.strip()).isoformat(), datatype=XSD.date)
        except ValueError:
            raise QueryError(f"parameter {name}: {value!r} is not a date (YYYY-MM-DD)") from None
    if kind == "integer":
        try:
            return Literal(str(int(value.strip())), datatype=XSD.integer)
        except ValueError:
            raise QueryError(f"parameter {name}: {value!r} is not an integer") from None
    if kind == "organisation":
        from kenmerk.output.catalog import resolve_agent
        from kenmerk.output.config import ConfigError

        try:
            iri, _ = resolve_agent(value, "-", key=f"parameter {name}")
        except ConfigError as exc:
            raise QueryError(str(exc)) from None
        return _iri(str(iri), name)
    if kind == "kenmerk":
        from kenmerk.output.graph import kenmerk_key

        return Literal(kenmerk_key(value))
    if kind == "woo-ground":
        from kenmerk.extract.woo_codes import WOO_GROUND_CODES, canonical_ground

        code = canonical_ground(value)
        if code not in WOO_GROUND_CODES:
            raise QueryError(f"parameter {name}: {value!r} is not a Woo or Wob refusal ground (e.g. 5.1.2e)")
        return Literal(code)
    raise QueryError(f"parameter {name}: unknown kind {kind!r}")


def bind_params(raw: Mapping[str, str], declared: tuple[Param, ...] = ()) -> dict[str, Node]:
    """Terms for `--param NAME=VALUE` values; checks names, kinds and required parameters."""
    kinds = {p.name: p for p in declared}
    terms: dict[str, Node] = {}
    for name, value in raw.items():
        if not _NAME.match(name):
            raise QueryError(f"parameter name {name!r}: use letters, digits and _")
        if declared and name not in kinds:
            raise QueryError(f"unknown parameter {name!r} (this query takes: {', '.join(kinds) or 'none'})")
        if name in kinds:
            terms[name] = to_term(value, kinds[name].kind, name)
        elif value.startswith("<") and value.endswith(">"):
            terms[name] = to_term(value, "iri", name)
        else:
            terms[name] = Literal(value)
    missing = [p.name for p in declared if not p.optional and p.name not in terms]
    if missing:
        raise QueryError(f"missing parameter {missing[0]}: pass --param {missing[0]}=…")
    return terms


def parse_param_args(items: list[str] | None) -> dict[str, str]:
    """`["a=1", "b=x=y"]` → {"a": "1", "b": "x=y"}."""
    out: dict[str, str] = {}
    for item in items or ():
        name, sep, value = item.partition("=")
        if not sep:
            raise QueryError(f"--param {item!r}: write NAME=VALUE")
        out[name.strip()] = value
    return out


# -- VALUES injection for endpoints -------------------------------------------------------------

_IRI_REF = re.compile(r'<[^<>"{}|^`\\\s]*>')


def _braces(query: str) -> Iterator[tuple[int, str, str]]:
    """(index, char, code before it) for each `{` and `}` outside comments, strings and IRIs."""
    i, n = 0, len(query)
    code: list[str] = []
    while i < n:
        c = query[i]
        if c == "#":
            end = query.find("\n", i)
            i = n if end < 0 else end + 1
            code.append(" ")
            continue
        if c in "\"'":
            quote = c * 3 if query[i:i + 3] == c * 3 else c
            j = i + len(quote)
            while j < n and not query.startswith(quote, j):
                j += 2 if query[j] == "\\" else 1
            i = j + len(quote)
            code.append(" '' ")
            continue
        if c == "<":
            m = _IRI_REF.match(query, i)
            if m:
                i = m.end()
                code.append(" <> ")
                continue
        if c in "{}":
            yield i, c, "".join(code)
        code.append(c)
        i += 1


def _where_brace(query: str) -> int:
    """Index of the `{` opening the outer WHERE group (a CONSTRUCT template is skipped)."""
    depth = 0
    skipping = False
    for index, char, before in _braces(query):
        if char == "{":
            if depth == 0 and not skipping:
                if re.search(r"\bCONSTRUCT\s*$", before, re.I):
                    skipping = True
                else:
                    return index
            depth += 1
        else:
            depth -= 1
            if depth == 0 and skipping:
                skipping = False
    raise QueryError("cannot bind parameters: the query has no WHERE { … } group")


def inject_values(query: str, terms: Mapping[str, Node]) -> str:
    """`query` with `VALUES (?a ?b) { (t1 t2) }` as the first element of its outer WHERE group."""
    if not terms:
        return query
    names = list(terms)
    row = " ".join(terms[n].n3() for n in names)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({row}) }} "
    at = _where_brace(query) + 1
    return query[:at] + block + query[at:]


# -- results ------------------------------------------------------------------------------------


@dataclass
class QueryResult:
    """SELECT rows (variables and rdflib terms), an ASK boolean, or CONSTRUCT triples."""

    kind: str  # "select", "ask" or "graph"
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Node | None]] = field(default_factory=list)
    boolean: bool | None = None
    ntriples: bytes = b""

    def without(self, names: Collection[str]) -> "QueryResult":
        """The same result without the columns in `names` (bound parameters hold what was passed)."""
        keep = [v for v in self.variables if v not in set(names)]
        rows = [{v: row.get(v) for v in keep} for row in self.rows]
        return QueryResult(self.kind, keep, rows, self.boolean, self.ntriples)


def run_on_store(store: EmbeddedStore, query: str, terms: Mapping[str, Node]) -> QueryResult:
    """Run on the embedded store (default graph = union of all graphs); terms as substitutions."""
    conv = TermConverter()
    substitutions: dict[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple] = {
        ox.Variable(name): conv.term(term) for name, term in terms.items()}
    try:
        answer = store.store.query(query, use_default_graph_as_union=True, substitutions=substitutions or None)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {' '.join(str(exc).split())}") from None
    except RuntimeError as exc:
        if "projection" in str(exc):
            raise QueryError(
                "on the store, parameters must be variables the query selects "
                f"(SELECT ?{' ?'.join(terms)} … or SELECT *): {exc}"
            ) from None
        raise QueryError(f"query failed: {exc}") from None
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(answer))
    if isinstance(answer, ox.QuerySolutions):
        variables = [v.value for v in answer.variables]
        rows = [{v: to_rdflib(sol[v]) for v in variables} for sol in answer]
        return QueryResult("select", variables, rows)
    return QueryResult("graph", ntriples="".join(f"{t} .\n" for t in answer).encode("utf-8"))


def _json_term(binding: Mapping[str, str]) -> Node:
    kind = binding.get("type")
    value = binding.get("value", "")
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    lang = binding.get("xml:lang")
    datatype = binding.get("datatype")
    return Literal(value, lang=lang, datatype=URIRef(datatype) if datatype and not lang else None)


def run_on_endpoint(client: GraphStoreClient, query: str, terms: Mapping[str, Node]) -> QueryResult:
    """POST to the endpoint with terms injected as a VALUES block."""
    text = inject_values(query, terms)
    response = client.query(text, accept=f"application/sparql-results+json, {by_name('nt').media_type};q=0.9")
    media = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    if media in ("application/sparql-results+json", "application/json"):
        data = response.json()
        if "boolean" in data:
            return QueryResult("ask", boolean=bool(data["boolean"]))
        variables = list(data.get("head", {}).get("vars", []))
        if variables == ["__ASK_RETVAL"]:  # Virtuoso answers ASK as a one-cell table
            cells = data["results"]["bindings"]
            return QueryResult("ask", boolean=bool(cells) and cells[0]["__ASK_RETVAL"]["value"] not in ("0", "false"))
        rows = [{v: _json_term(b[v]) if v in b else None for v in variables} for b in data["results"]["bindings"]]
        return QueryResult("select", variables, rows)
    return QueryResult("graph", ntriples=response.content)


def run_query(query: str, terms: Mapping[str, Node], *, store: EmbeddedStore | None = None,
              client: GraphStoreClient | None = None) -> QueryResult:
    if store is not None:
        return run_on_store(store, query, terms)
    if client is not None:
        return run_on_endpoint(client, query, terms)
    raise QueryError("give --store DIR or --endpoint URL")


# -- output -------------------------------------------------------------------------------------


def _plain(term: Node | None) -> str:
    return "" if term is None else str(term)


def _json_binding(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, BNode):
        return {"type": "bnode", "value": str(term)}
    if not isinstance(term, Literal):
        raise TypeError(f"no SPARQL JSON binding for RDF term {term!r}")
    out = {"type": "literal", "value": str(term)}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype is not None:
        out["datatype"] = str(term.datatype)
    return out


def _graph_text(ntriples: bytes, fmt: str) -> str:
    """A CONSTRUCT or DESCRIBE answer in the RDF format `fmt` (any other name: N-Triples as received)."""
    if fmt not in GRAPH_OUTPUT_FORMATS or fmt == "nt":
        return ntriples.decode("utf-8")
    from kenmerk.vocab import PREFIXES

    triples = list(ox.parse(ntriples, format=by_name("nt").ox()))
    prefixes = dict(PREFIXES) if fmt in ("turtle", "trig", "xml") else None
    return ox_bytes(triples, rdf_format(fmt).ox(), prefixes).decode("utf-8")


def format_result(result: QueryResult, fmt: str = "table", *, width: int = 60) -> str:
    """Text for stdout: an aligned table, W3C SPARQL CSV, or W3C SPARQL JSON results; a graph in `fmt` when that
    is an RDF format (`GRAPH_OUTPUT_FORMATS`), else as N-Triples."""
    if result.kind == "graph":
        return _graph_text(result.ntriples, fmt)
    if fmt in GRAPH_OUTPUT_FORMATS:
        raise QueryError(f"--format {fmt} is for a CONSTRUCT or DESCRIBE query; this one gives a table "
                         f"({', '.join(OUTPUT_FORMATS)})")
    if result.kind == "ask":
        if fmt == "json":
            return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"
        return ("true" if result.boolean else "false") + "\n"
    if fmt == "json":
        data = {
            "head": {"vars": result.variables},
            "results": {"bindings": [
                {v: _json_binding(t) for v, t in row.items() if t is not None} for row in result.rows
            ]},
        }
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\r\n")
        writer.writerow(result.variables)
        for row in result.rows:
            writer.writerow([_plain(row.get(v)) for v in result.variables])
        return buffer.getvalue()
    # table
    def cell(term: Node | None) -> str:
        text = " ".join(_plain(term).split())
        if isinstance(term, URIRef) or len(text) <= width:  # IRIs whole: people copy them
            return text
        return text[: width - 1] + "…"

    cells = [[cell(row.get(v)) for v in result.variables] for row in result.rows]
    widths = [max([len(v)] + [len(r[i]) for r in cells]) for i, v in enumerate(result.variables)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(result.variables, widths, strict=False)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=False)).rstrip() for r in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def read_query_file(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot read the query: {getattr(exc, 'strerror', None) or exc}") from None


__all__ = [
    "Example", "OUTPUT_FORMATS", "PARAM_KINDS", "Param", "QueryError", "QueryResult", "bind_params",
    "example", "examples", "format_result", "inject_values", "parse_header", "parse_param_args",
    "run_on_endpoint", "run_on_store", "run_query", "to_term",
]
