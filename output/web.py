"""`kenmerk serve`'s web application (Starlette): SPARQL, the Graph Store, and every minted IRI.

    app = create_app(store, base="https://data.example.nl/id/")

One ASGI app on one port:

- `GET|POST /query`: the SPARQL 1.1 Protocol, queries only (`query=` in the URL or a URL-encoded
  body, or an `application/sparql-query` body), over the union of all graphs; results as SPARQL
  JSON, XML, CSV or TSV, graphs as Turtle, N-Triples, JSON-LD or RDF/XML, by `Accept`.
- `/store?graph=IRI`: the Graph Store Protocol (GET; PUT, POST and DELETE unless read-only), so
  `kenmerk publish --endpoint http://127.0.0.1:PORT/query` publishes through the server. A PUT
  replaces the graph in one transaction (`EmbeddedStore.replace_graphs`).
- `GET` on the path of any IRI minted under the base (`/id/note/…` for `https://data.example.nl/id/…`):
  the note with the shared resources it points to, a child node, a shared resource, the catalog,
  the dataset; as HTML (the default for browsers), Turtle, JSON-LD or N-Triples by `Accept`, or by a
  suffix (`….ttl`, `….jsonld`, `….nt`, `….html`: the `<link rel="alternate">` targets, the same
  names `publish --per-note` writes). An `Accept` it cannot meet is 406, an IRI nobody minted 404.
- The `kmk:` vocabulary at its namespace's path (`/kenmerk/def`), as HTML, Turtle, JSON-LD or N-Triples.

The application holds no global state: the store and the settings live in `app.state`.
"""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from urllib.parse import parse_qs, urlsplit

import jinja2
import pyoxigraph as ox
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from kenmerk.output.catalog import catalog_graph_iri
from kenmerk.output.dump import ox_bytes
from kenmerk.output.formats import Format, by_name
from kenmerk.output.graph import DEFAULT_BASE, shared_graph_iri
from kenmerk.output.store import EmbeddedStore, PublishError
from kenmerk.vocab import KMK_NS, ONTOLOGY, PREFIXES, vocab_file

#: what GET on an IRI can answer (`kenmerk.output.formats`; the alternate URL: IRI + extension), best first
#: when the client does not care
DOC_FORMATS: tuple[Format, ...] = tuple(by_name(name) for name in ("html", "turtle", "jsonld", "nt"))
#: SPARQL results (SELECT, ASK) by media type
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
#: RDF graphs (CONSTRUCT, DESCRIBE, Graph Store GET) by media type
GRAPH_FORMATS: dict[str, ox.RdfFormat] = {
    fmt.media_type: fmt.ox() for fmt in map(by_name, ("turtle", "nt", "jsonld", "xml"))}


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """The media ranges of an `Accept` header with their q-values, in the header's order."""
    ranges = []
    for part in (header or "*/*").split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = float(value)
                except ValueError:
                    q = 0.0
        ranges.append((fields[0].lower(), q))
    return ranges


def negotiate(header: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the `Accept` header prefers (ties: the order of `offered`); None: 406."""
    ranges = parse_accept(header)

    def quality(media: str) -> tuple[float, int]:
        kind = media.split("/")[0] + "/*"
        best = (-1.0, -1)
        for pattern, q in ranges:  # the most specific range that matches decides
            rank = 2 if pattern == media else 1 if pattern == kind else 0 if pattern == "*/*" else -1
            if rank > best[1]:
                best = (q, rank)
        return best

    scored = [(quality(m)[0], -i, m) for i, m in enumerate(offered)]
    q, _, media = max(scored)
    return media if q > 0 else None


# -- describing resources ----------------------------------------------------------------------


class Describer:
    """The triples that describe an IRI in the store: the graph it names, or the statements about it."""

    def __init__(self, store: ox.Store, base: str) -> None:
        self.store = store
        self.base = base
        self.shared = ox.NamedNode(str(shared_graph_iri(base)))

    def describe(self, iri: str) -> list[ox.Triple]:
        """Empty when nobody minted `iri`.

        A named graph (a note, the catalog, the shared graph) is described by its triples; a note
        also by the shared descriptions of what it points to (organisations, concepts, grounds).
        Any other IRI (a child node, a shared resource, the dataset) by the statements about it.
        """
        node = ox.NamedNode(iri)
        store = self.store
        if store.contains_named_graph(node):
            triples = {q.triple for q in store.quads_for_pattern(None, None, None, node)}
            if node != self.shared:
                for obj in {t.object for t in triples if isinstance(t.object, ox.NamedNode)}:
                    triples.update(q.triple for q in store.quads_for_pattern(obj, None, None, self.shared))
        else:
            triples = {q.triple for q in store.quads_for_pattern(node, None, None, None)}
        return sorted(triples, key=lambda t: (t.subject != node, str(t.subject), str(t.predicate), str(t.object)))


# -- rendering ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _templates() -> jinja2.Environment:
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True,
                             loader=jinja2.FunctionLoader(lambda name: resources.files("kenmerk.output")
                                                          .joinpath("web_assets", name).read_text(encoding="utf-8")))
    return env


_PREFIXES = sorted(((ns, p) for p, ns in PREFIXES.items()), key=lambda x: -len(x[0]))
_LABELS = ("http://purl.org/dc/terms/title", "http://www.w3.org/2004/02/skos/core#prefLabel",
           "http://www.w3.org/2000/01/rdf-schema#label", "http://xmlns.com/foaf/0.1/name")


def compact(iri: str) -> str:
    """`dct:title` for `http://purl.org/dc/terms/title`; the IRI itself where no prefix fits."""
    for ns, prefix in _PREFIXES:
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


class Renderer:
    """Turns the triples describing an IRI into each `DOC_FORMATS` entry."""

    def __init__(self, base: str) -> None:
        parts = urlsplit(base)
        self.origin = f"{parts.scheme}://{parts.netloc}"

    def href(self, iri: str) -> str:
        """A link a browser on this server can follow: local IRIs as paths, others as they are."""
        return iri[len(self.origin):] if iri.startswith(self.origin + "/") else iri

    def rdf(self, triples: list[ox.Triple], fmt: ox.RdfFormat) -> bytes:
        if fmt == ox.RdfFormat.JSON_LD:
            return json.dumps(jsonld(triples), ensure_ascii=False, indent=1).encode("utf-8")
        return ox_bytes(triples, fmt, dict(PREFIXES) if fmt != ox.RdfFormat.N_TRIPLES else None)

    def html(self, iri: str, triples: list[ox.Triple], path: str) -> bytes:
        subjects: dict[str, list[tuple[str, str, dict[str, str | None]]]] = {}
        for t in triples:
            rows = subjects.setdefault(t.subject.value if isinstance(t.subject, ox.NamedNode) else str(t.subject), [])
            rows.append((t.predicate.value, compact(t.predicate.value), self.value(t.object)))
        about = subjects.get(iri, [])

        def first(prop: str) -> str | None:
            return next((v["text"] for p, _, v in about if p == prop), None)

        title = next((first(p) for p in _LABELS if first(p)), None) or iri
        facts = [(label, first(prop)) for label, prop in (
            ("Kenmerk", KMK_NS + "kenmerk"), ("Datum", "http://purl.org/dc/terms/created"),
            ("Uitgever", KMK_NS + "publisherName"), ("Gedrukte organisatie", KMK_NS + "printedOrganisation"))
            if first(prop)]
        downloads = sorted({t.object.value for t in triples if t.predicate.value == "http://www.w3.org/ns/dcat#downloadURL"
                            and not isinstance(t.object, ox.Triple)})
        alternates = [(f, path + f.extension) for f in DOC_FORMATS if f.name != "html"]
        embedded = json.dumps(jsonld(triples), ensure_ascii=False).replace("</", "<\\/")
        page = _templates().get_template("resource.html.j2").render(
            iri=iri, title=title, facts=facts, downloads=downloads, alternates=alternates, embedded=embedded,
            subjects=sorted(subjects.items(), key=lambda kv: (kv[0] != iri, kv[0])), href=self.href)
        return page.encode("utf-8")

    def value(self, term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple) -> dict[str, str | None]:
        if isinstance(term, ox.NamedNode):
            return {"iri": term.value, "href": self.href(term.value), "text": compact(term.value)}
        if isinstance(term, ox.Literal):
            return {"text": term.value, "lang": term.language}
        return {"text": str(term)}


def jsonld(triples: list[ox.Triple]) -> dict:
    """JSON-LD of the triples: the shipped context's nested form when they describe a note, else expanded."""
    from rdflib import Graph

    from kenmerk.output.jsonld import graph_to_jsonld
    from kenmerk.output.store import to_rdflib
    from kenmerk.vocab import KMK

    graph = Graph()
    for t in triples:
        subject, obj = t.subject, t.object
        if isinstance(subject, ox.Triple) or isinstance(obj, ox.Triple):
            raise TypeError(f"unsupported term in {t}: JSON-LD has no RDF 1.2 triple terms")
        graph.add((to_rdflib(subject), to_rdflib(t.predicate), to_rdflib(obj)))
    if any(True for _ in graph.subjects(predicate=None, object=KMK.Note)):
        return graph_to_jsonld(graph)
    return json.loads(ox_bytes(triples, ox.RdfFormat.JSON_LD))


# -- the application ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """What the app serves: the store, the base IRI of minted IRIs, whether it takes writes."""

    store: EmbeddedStore
    base: str = DEFAULT_BASE
    read_only: bool = False


def _settings(request: Request) -> Settings:
    return request.app.state.settings


def _error(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message.rstrip("\n") + "\n", status_code=status)


def _not_acceptable(offered: Sequence[str]) -> PlainTextResponse:
    return _error(406, f"406 Not Acceptable: this resource is available as {', '.join(offered)}")


async def _query_text(request: Request) -> tuple[str | None, dict[str, list[str]]]:
    """The query and the other protocol parameters of a SPARQL Protocol request."""
    params = parse_qs(request.url.query, keep_blank_values=True)
    if request.method == "POST":
        body = (await request.body()).decode("utf-8", "replace")
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media == "application/sparql-query":
            return body, params
        if media == "application/x-www-form-urlencoded":
            params = {**params, **parse_qs(body, keep_blank_values=True)}
        else:
            return None, params
    return next(iter(params.get("query") or []), None), params


async def sparql(request: Request) -> Response:
    """The SPARQL 1.1 Protocol, query operation (no updates)."""
    settings = _settings(request)
    query, params = await _query_text(request)
    if "update" in params:
        return _error(403, "403 Forbidden: this endpoint answers queries only (publish with kenmerk publish)")
    if not query:
        return _error(400, "400 Bad Request: give a SPARQL query as query=… (GET or a URL-encoded POST) "
                           "or as an application/sparql-query body")
    defaults: list[ox.NamedNode | ox.BlankNode | ox.DefaultGraph] = [
        ox.NamedNode(g) for g in params.get("default-graph-uri", [])]
    named: list[ox.NamedNode | ox.BlankNode] = [ox.NamedNode(g) for g in params.get("named-graph-uri", [])]

    accept = request.headers.get("accept")
    renderer = request.app.state.renderer

    def run() -> Response:  # one thread: pyoxigraph's results may not move between threads
        answer = settings.store.store.query(query, use_default_graph_as_union=not defaults,
                                            default_graph=defaults or None, named_graphs=named or None)
        offered = RESULT_FORMATS if isinstance(answer, (ox.QuerySolutions, ox.QueryBoolean)) else GRAPH_FORMATS
        media = negotiate(accept, list(offered))
        if media is None:
            return _not_acceptable(list(offered))
        if isinstance(answer, ox.QueryTriples):
            data = renderer.rdf(list(answer), GRAPH_FORMATS[media])
        else:
            data = answer.serialize(format=RESULT_FORMATS[media])
        return Response(data, media_type=media, headers={"Vary": "Accept"})

    try:
        return await run_in_threadpool(run)
    except SyntaxError as exc:
        return _error(400, f"400 Bad Request: SPARQL syntax error: {' '.join(str(exc).split())}")
    except (OSError, RuntimeError, ValueError) as exc:
        return _error(500, f"500 query failed: {exc}")


def _graph_param(request: Request) -> ox.NamedNode | ox.DefaultGraph | None:
    params = request.query_params
    if "graph" in params:
        try:
            return ox.NamedNode(params["graph"])
        except ValueError:
            return None
    return ox.DefaultGraph() if "default" in params else None


async def graph_store(request: Request) -> Response:
    """The Graph Store HTTP Protocol on `?graph=IRI` (or `?default`)."""
    settings = _settings(request)
    graph = _graph_param(request)
    if graph is None:
        return _error(400, "400 Bad Request: give ?graph=IRI or ?default")
    store = settings.store
    if request.method in ("GET", "HEAD"):
        media = negotiate(request.headers.get("accept"), list(GRAPH_FORMATS))
        if media is None:
            return _not_acceptable(list(GRAPH_FORMATS))
        if isinstance(graph, ox.NamedNode) and not store.store.contains_named_graph(graph):
            return _error(404, f"404 Not Found: no graph {graph.value}")
        triples = [q.triple for q in store.store.quads_for_pattern(None, None, None, graph)]
        return Response(request.app.state.renderer.rdf(triples, GRAPH_FORMATS[media]), media_type=media)
    if settings.read_only:
        return _error(405, "405 Method Not Allowed: kenmerk serve --read-only takes no writes")
    if not isinstance(graph, ox.NamedNode):
        return _error(400, "400 Bad Request: kenmerk keeps every note in a named graph: give ?graph=IRI")
    if request.method == "DELETE":
        if not store.store.contains_named_graph(graph):
            return _error(404, f"404 Not Found: no graph {graph.value}")
        await run_in_threadpool(store.store.remove_graph, graph)
        return Response(status_code=204)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    fmt = GRAPH_FORMATS.get(media) or (ox.RdfFormat.TURTLE if media == "text/turtle" else None)
    if fmt is None:
        return _error(415, f"415 Unsupported Media Type: send {', '.join(GRAPH_FORMATS)}")
    body = await request.body()
    try:
        quads = [ox.Quad(t.subject, t.predicate, t.object, graph) for t in ox.parse(body, format=fmt)]
    except SyntaxError as exc:
        return _error(400, f"400 Bad Request: not valid {media}: {' '.join(str(exc).split())}")
    existed = store.store.contains_named_graph(graph)
    if request.method == "POST":  # merged with what the graph holds
        quads = list(set(quads) | set(store.store.quads_for_pattern(None, None, None, graph)))
    try:
        await run_in_threadpool(store.replace_graphs, {graph.value: quads})
    except PublishError as exc:
        return _error(500, f"500 not stored: {exc}")
    return Response(status_code=204 if existed else 201)


async def resource(request: Request) -> Response:
    """GET on a minted IRI's path (or the vocabulary's), with content negotiation."""
    renderer: Renderer = request.app.state.renderer
    path = request.url.path
    forced = next((f for f in DOC_FORMATS if path.endswith(f.extension)), None)
    if forced is not None:
        path = path[: -len(forced.extension)]
    vocabulary = path == urlsplit(KMK_NS).path
    if vocabulary:
        iri = KMK_NS.rstrip("#")
        triples = list(ox.parse(path=str(vocab_file(ONTOLOGY)), format=ox.RdfFormat.TURTLE))
    else:
        iri = renderer.origin + path
        triples = await run_in_threadpool(request.app.state.describer.describe, iri)
    if not triples:
        return _error(404, f"404 Not Found: nothing is known about {iri}")
    if forced is not None:
        fmt = forced
    else:
        media = negotiate(request.headers.get("accept"), [f.media_type for f in DOC_FORMATS])
        if media is None:
            return _not_acceptable([f.media_type for f in DOC_FORMATS])
        fmt = next(f for f in DOC_FORMATS if f.media_type == media)
    links = ", ".join(f'<{path}{f.extension}>; rel="alternate"; type="{f.media_type}"' for f in DOC_FORMATS)
    headers = {"Vary": "Accept", "Link": links}
    if fmt.name == "html":
        data = await run_in_threadpool(renderer.html, iri, triples, path)
        return Response(data, media_type="text/html; charset=utf-8", headers=headers)
    data = await run_in_threadpool(renderer.rdf, triples, fmt.ox())
    return Response(data, media_type=fmt.media_type, headers=headers)


async def home(request: Request) -> Response:
    """`/`: where things are."""
    settings = _settings(request)
    renderer: Renderer = request.app.state.renderer
    page = _templates().get_template("home.html.j2").render(
        catalog=renderer.href(catalog_graph_iri(settings.base)), vocabulary=urlsplit(KMK_NS).path,
        read_only=settings.read_only)
    return Response(page.encode("utf-8"), media_type="text/html; charset=utf-8")


def create_app(store: EmbeddedStore, *, base: str | None = None, read_only: bool = False) -> Starlette:
    """The ASGI application over an open store."""
    base = base or DEFAULT_BASE
    app = Starlette(routes=[
        Route("/", home, methods=["GET", "HEAD"]),
        Route("/query", sparql, methods=["GET", "POST"]),
        Route("/store", graph_store, methods=["GET", "HEAD", "PUT", "POST", "DELETE"]),
        Route("/{path:path}", resource, methods=["GET", "HEAD"]),
    ])
    app.state.settings = Settings(store, base, read_only)
    app.state.describer = Describer(store.store, base)
    app.state.renderer = Renderer(base)
    return app


__all__ = ["DOC_FORMATS", "Describer", "Renderer", "Settings", "create_app", "negotiate", "parse_accept"]
