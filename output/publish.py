"""Publishing notes: an embedded store, a SPARQL store over HTTP, or files for a portal.

    from kenmerk.output.publish import Publisher, iter_inputs
    from kenmerk.output.config import load_config
    with Publisher(load_config(), store="kenmerk-store") as pub:
        for label, item in iter_inputs(["notes/"]):
            pub.add(label, item)
    report = pub.report

Each note lives in its own named graph, whose IRI is the note's IRI
(`kenmerk.output.graph.note_iri`), so publishing a note again replaces it:
the same inputs published twice leave the same triples. A note whose IRI changed (a correction
of its kenmerk, date or organisation) also replaces the graph of its earlier version, found by
the source's hash (`kenmerk.output.versions`): in the same transaction in the embedded store,
by a query and a DELETE after the PUT on an endpoint (without a query URL: one warning, not
removed). Every run ends with the catalog (`kenmerk.output.catalog`) of the collection, in the store's
catalog graph, on the endpoint and/or as `catalog.ttl` next to the dumps.

Errors (all `KenmerkError`, see `kenmerk.extract.errors`):
- `ConfigError` (exit 2): a required catalog value is missing, checked before anything is written;
- `PublishError` (exit 1): the store or endpoint did not take a note; other notes go on,
  except when the endpoint is unreachable or refuses the credentials, or `max_failures`
  notes in a row were not taken (`--max-failures`, default 20; 0: never stop): then the
  rest is reported as not attempted, and running the same command again finishes it;
- `StoreBusy`: the store folder is open in another process (`kenmerk serve`, another publish);
- `OutputError` (`kenmerk.output.atomic`, exit 1): a dump or catalog file could not be written.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox
from pydantic import ValidationError
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS

from kenmerk.extract import KenmerkError, Note
from kenmerk.extract.errors import InputError
from kenmerk.extract.model import invalid_note_reason
from kenmerk.extract.reader import DOCUMENT_SUFFIXES  # the one table of inputs (FORMATS)
from kenmerk.output.atomic import OutputError, write_atomic
from kenmerk.output.catalog import (
    CATALOG_PREFIXES,
    Stats,
    build_catalog,
    catalog_endpoint,
    catalog_graph_iri,
    issued_in_file,
    parse_date,
    period_query,
)
from kenmerk.output.config import ConfigError, PublishConfig
from kenmerk.output.dump import (
    DUMP_FORMATS,
    DumpFile,
    dump_file,
    dump_path,
    ntriples_bytes,
    turtle_bytes,
    write_dump,
)
from kenmerk.output.formats import by_name
from kenmerk.output.graph import note_parts, shared_graph_iri
from kenmerk.output.gsp import EndpointRefused, EndpointUnreachable, GraphStoreClient, redact
from kenmerk.output.layout import write_iri_files
from kenmerk.output.links import BatchLinker
from kenmerk.output.store import EmbeddedStore, PublishError, StoreBusy, TermConverter
from kenmerk.output.versions import older_in_store, older_on_endpoint

if TYPE_CHECKING:
    from kenmerk.output.batch import BatchOptions
    from kenmerk.output.worker import Result

__all__ = [
    "ConfigError",
    "INPUT_SUFFIXES",
    "OutputError",
    "PublishError",
    "PublishReport",
    "Publisher",
    "StoreBusy",
    "iter_inputs",
    "note_to_triples",
]

#: files a folder is searched for: documents kenmerk extracts, and JSON / JSON Lines of `kenmerk extract`
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
INPUT_SUFFIXES = DOCUMENT_SUFFIXES + JSON_SUFFIXES
CATALOG_FILE = "catalog.ttl"
#: notes in a row that the store or endpoint did not take before a run stops (`--max-failures`)
DEFAULT_MAX_FAILURES = 20


# -- inputs -------------------------------------------------------------------------------------


def iter_inputs(
    paths: Iterable[str | os.PathLike[str]],
    *,
    stop: Callable[[], bool] | None = None,
    batch: BatchOptions | None = None,
    from_list: str | os.PathLike[str] | None = None,
    url_column: str | None = None,
    globs: Iterable[str] | None = None,
    on_result: Callable[[Result], None] | None = None,
    list_lines: list | None = None,
    stdin_name: str | None = None,
) -> Iterator[tuple[str, Note | KenmerkError | None]]:
    """(label, note or error) for every input, in input order: documents are extracted, JSON is validated.

    Inputs are gathered by `kenmerk.output.inputs.gather`: files, folders (searched
    recursively, sorted, for `INPUT_SUFFIXES` or the `globs`), zip archives, http(s) URLs
    and the entries of `from_list`. Documents are extracted by `kenmerk.output.batch`:
    in this process unless `batch` (`BatchOptions`) says otherwise (worker processes with a
    time limit, a cache, a Dask cluster); `on_result` sees every batch `Result`. A `.json`
    file holds one note (or a list of notes); `.jsonl` one note per line, labelled
    `path:LINE`. Once `stop()` is true, documents are no longer read: they come as (label, None).
    `stdin_name` is the file name standard input (`-`) is read as.
    """
    from dataclasses import replace

    from kenmerk.output.batch import BatchFailure, BatchOptions, run_batch
    from kenmerk.output.inputs import JsonSpec, gather

    options = replace(batch, ordered=True) if batch is not None else BatchOptions(jobs=0, ordered=True)
    items = gather(paths, from_list=from_list, url_column=url_column, globs=globs, suffixes=DOCUMENT_SUFFIXES,
                   json_suffixes=JSON_SUFFIXES, max_bytes=options.limits.max_bytes, list_lines=list_lines,
                   stdin_name=stdin_name)
    for result in run_batch(items, options, stop=stop):
        if on_result is not None:
            on_result(result)
        if isinstance(result.item, JsonSpec):  # a kenmerk JSON: corrected here (documents are, in the worker)
            for label, item in _json_inputs(result.item.path, result.label):
                if isinstance(item, Note) and options.corrections:
                    try:
                        item = options.corrections.apply(item)
                    except KenmerkError as exc:
                        item = InputError(str(exc.args[0]), path=label)
                yield label, item
        elif result.status == "ok":
            try:
                yield result.label, Note.model_validate_json(result.note_text)
            except ValidationError as exc:  # pragma: no cover - the note was validated when extracted
                yield result.label, InputError(invalid_note_reason(exc), path=result.label)
        elif result.status == "skipped":
            yield result.label, None
        elif result.status == "passed":
            continue  # no document: counted in the summary
        else:
            yield result.label, BatchFailure(result)


def _json_inputs(path: str, label: str) -> Iterator[tuple[str, Note | KenmerkError]]:
    """The notes of a `kenmerk extract` JSON or JSON Lines file."""
    suffix = Path(path).suffix.lower()
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        yield label, InputError("no such file", path=label)
        return
    except (OSError, UnicodeDecodeError) as exc:
        yield label, InputError(getattr(exc, "strerror", None) or str(exc), path=label)
        return
    if suffix == ".json" and not text.lstrip().startswith("[") and "\n{" not in text.strip():
        yield label, _parse_note(text, label)
    elif suffix == ".json" and text.lstrip().startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError as exc:
            yield label, InputError(f"not valid JSON: {exc}", path=label)
            return
        if not isinstance(items, list):
            yield label, InputError("expected a JSON object or a list of notes", path=label)
            return
        for i, item in enumerate(items, 1):
            yield f"{label}[{i}]", _parse_note(json.dumps(item), f"{label}[{i}]")
    else:  # JSON Lines (also what `kenmerk extract` writes for several files)
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                yield f"{label}:{number}", _parse_note(line, f"{label}:{number}")


def _parse_note(text: str, label: str) -> Note | KenmerkError:
    try:
        return Note.model_validate_json(text)
    except ValidationError as exc:
        if any(e.get("type") == "json_invalid" for e in exc.errors()):
            return InputError("not valid JSON", path=label)
        return InputError(invalid_note_reason(exc), path=label)


# -- notes → graphs -----------------------------------------------------------------------------


def note_to_triples(note: Note, base: str, *, evidence: bool = False,
                    keep_extracted: bool = False) -> tuple[str, list]:
    """(note IRI, the note's distinct triples) with the mapping of `kenmerk.output.graph`.

    Uses the mapping's `note_triples` (no rdflib Graph is built) when it has one.
    """
    from kenmerk.output.graph import note_triples

    iri, triples = note_triples(note, base, evidence, keep_extracted=keep_extracted)
    return str(iri), list(dict.fromkeys(triples))


def organisation_property() -> URIRef | None:
    """The property linking a note to its organisation in the mapping (`kenmerk.output.graph`), when it names one."""
    from kenmerk.output.graph import ORGANISATION_PROPERTY

    return URIRef(str(ORGANISATION_PROPERTY)) if ORGANISATION_PROPERTY else None


def _prefixes() -> dict[str, str]:
    from kenmerk.vocab import PREFIXES

    return {str(k): str(v) for k, v in PREFIXES.items()}


# -- statistics ---------------------------------------------------------------------------------


def stats_queries(base: str, organisation_property: URIRef | None) -> tuple[str, str]:
    """SPARQL for (triples, notes) and for distinct organisations, over the note graphs under `base`."""
    catalog = URIRef(catalog_graph_iri(base)).n3()
    scope = f"FILTER(STRSTARTS(STR(?g), {Literal(base + 'note/').n3()}) && ?g != {catalog})"  # note graphs
    counts = f"SELECT (COUNT(*) AS ?triples) (COUNT(DISTINCT ?g) AS ?notes) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} {scope} }}"
    if organisation_property is not None:
        orgs = (f"SELECT (COUNT(DISTINCT ?o) AS ?organisations) WHERE {{ GRAPH ?g {{ ?s {organisation_property.n3()} ?o }} "
                f"{scope} }}")
    else:
        orgs = ("SELECT (COUNT(DISTINCT ?o) AS ?organisations) WHERE { GRAPH ?g { ?s ?p ?o } "
                f"{scope} FILTER(isIRI(?o) && STRSTARTS(STR(?o), \"https://identifier.overheid.nl/tooi/id/\")) }}")
    return counts, orgs


def _graph_stats(quads: list[ox.Quad], organisation_property: URIRef | None) -> tuple[int, frozenset[str]]:
    """(number of triples, organisation IRIs) of one note graph."""
    prop = str(organisation_property) if organisation_property is not None else None
    orgs = set()
    for q in quads:
        if isinstance(q.object, ox.NamedNode):
            if prop is not None:
                if q.predicate.value == prop:
                    orgs.add(q.object.value)
            elif q.object.value.startswith("https://identifier.overheid.nl/tooi/id/"):
                orgs.add(q.object.value)
    return len(set(quads)), frozenset(orgs)


def _first_row(store: EmbeddedStore, select: str) -> ox.QuerySolution:
    """The first row of the answer to a SELECT query of ours (an aggregate: one row)."""
    answer = store.store.query(select)
    if not isinstance(answer, ox.QuerySolutions):
        raise TypeError(f"not a SELECT query: {select}")
    return next(iter(answer))


def stats_from_store(store: EmbeddedStore, base: str, organisation_property: URIRef | None) -> Stats:
    """Statistics of the note graphs under `base`: counted from the store's indexes, not by SPARQL scan."""
    catalog = catalog_graph_iri(base)
    names = [g.value for g in store.store.named_graphs() if isinstance(g, ox.NamedNode)]
    notes = [n for n in names if n.startswith(base + "note/") and n != catalog]  # not the shared graph
    mine = set(notes)
    others = sum(store.count(n) for n in names if n not in mine)
    default = sum(1 for _ in store.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    _, orgs = stats_queries(base, organisation_property)
    org_row = _first_row(store, orgs)
    row = _first_row(store, period_query(base))
    period = {k: parse_date(row[k].value if row[k] is not None else None) for k in ("first", "last", "issued")}
    return Stats(len(store.store) - others - default, len(notes), int(org_row["organisations"].value), **period)


def stats_from_endpoint(client: GraphStoreClient, base: str, organisation_property: URIRef | None) -> Stats:
    counts, orgs = stats_queries(base, organisation_property)

    def first(query: str) -> dict[str, int]:
        try:
            data = client.query(query).json()
            binding = data["results"]["bindings"][0]
            return {k: int(v["value"]) for k, v in binding.items()}
        except (ValueError, KeyError, IndexError, TypeError):
            raise PublishError(f"{client.query_url}: the answer to the statistics query is not "
                               "SPARQL JSON results with numbers") from None

    row, org_row = first(counts), first(orgs)
    try:
        binding = client.query(period_query(base)).json()["results"]["bindings"][0]
        period = {k: parse_date(v["value"]) for k, v in binding.items() if k in ("first", "last", "issued")}
    except (ValueError, KeyError, IndexError, TypeError):
        period = {}
    return Stats(row.get("triples", 0), row.get("notes", 0), org_row.get("organisations", 0), **period)


# -- the publisher ------------------------------------------------------------------------------


@dataclass
class PublishReport:
    """What a run did: notes published, `path: reason` lines of failures, files written."""

    published: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    not_attempted: int = 0
    """Of `failed`, the notes not sent once the run had to stop (`halted`): recorded, not said one by one."""
    catalog: Graph | None = None
    stats: Stats | None = None

    @property
    def ok(self) -> bool:
        return not self.failed


class Publisher:
    """Takes notes one by one (`add`) and writes them to the chosen targets; `close` ends the run.

    Targets: `store` (a folder, or an open `EmbeddedStore`), `client` (a `GraphStoreClient`),
    `out` (a folder for dump files). Store writes are batched (`batch_size` notes per bulk load);
    endpoint writes are one PUT per note, in input order.
    """

    def __init__(
        self,
        config: PublishConfig,
        *,
        store: EmbeddedStore | str | os.PathLike[str] | None = None,
        client: GraphStoreClient | None = None,
        out: str | os.PathLike[str] | None = None,
        dump_format: str = "nquads",
        compress: bool = False,
        per_note: bool = False,
        evidence: bool = False,
        keep_extracted: bool = False,
        batch_size: int = 1000,
        on_published: Callable[[str, str], None] | None = None,
        on_failed: Callable[[str], None] | None = None,
        catalog: bool = True,
        max_failures: int = DEFAULT_MAX_FAILURES,
    ) -> None:
        if store is None and client is None and out is None:
            raise ConfigError("nothing to publish to: give --store DIR, --endpoint URL or --out DIR")
        if dump_format not in DUMP_FORMATS:
            raise ConfigError(f"unknown dump format {dump_format!r} (use {', '.join(DUMP_FORMATS)})")
        self.config = config
        # every missing value in one message: the catalog's (and the dumps' download_url), or the base alone
        self.base = config.require(*(("download_url",) if out is not None and catalog else ()),
                                   catalog=catalog).required_base()
        self.client = client
        self.out = Path(out) if out is not None else None
        self.dump_format = dump_format
        self.compress = compress
        self.per_note = per_note
        self.evidence = evidence
        self.keep_extracted = keep_extracted  # the extracted value beside each reviewer's correction
        self.batch_size = max(1, batch_size)
        self.on_published = on_published
        self.on_failed = on_failed
        self.write_catalog = catalog
        self.max_failures = max_failures
        self._failures_in_a_row = 0
        self.organisation_property = organisation_property()
        self.report = PublishReport()
        self._converter = TermConverter()
        self._batch: dict[str, list[ox.Quad]] = {}
        self._batch_labels: dict[str, str] = {}
        # shared resources (organisations, concepts, …): merged into one graph, never copied per note
        self._linker = BatchLinker(self.base, config.download_base)
        self._shared_iri = str(shared_graph_iri(self.base))
        self._shared: set[ox.Quad] = set()  # taken by every target of this run
        self._shared_pending: set[ox.Quad] = set()  # to go to the store with the next batch
        self._shared_unsent: set[ox.Quad] = set()  # to go to the endpoint (a merge) every batch_size notes
        self._unsent_notes = 0
        self._run_graphs: dict[str, list[ox.Quad]] = {}
        self._run_stats: dict[str, tuple[int, frozenset[str]]] = {}
        self._labels: dict[str, str] = {}
        # earlier versions of a document (the same source hash under another IRI), replaced by the later
        self._sources: dict[str, tuple[str, str]] = {}  # source SHA-256 → (note IRI, label), this run
        self._batch_sources: dict[str, str] = {}  # note IRI → source SHA-256, of the store's next batch
        self._sent_sources: dict[str, str] = {}  # note IRI → source SHA-256, PUT since the last look
        self._warned_no_query = False
        self._halted: str | None = None
        self._closed = False
        if self.write_catalog:  # a missing catalog value stops the run before anything is written
            build_catalog(config, Stats(), dumps=self._placeholder_dumps(), endpoint_url=self._endpoint_url())
        self._owns_store = False
        if store is None or isinstance(store, EmbeddedStore):
            self.store = store
        else:
            self.store = EmbeddedStore(store)
            self._owns_store = True

    def __enter__(self) -> "Publisher":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if exc_type is None:
            self.close()
        elif self._owns_store and self.store is not None:
            self.store.close()

    def _endpoint_url(self) -> str | None:
        return self.client.query_url if self.client is not None else None

    def _warn_endpoint(self) -> None:
        """One warning line when a catalog is written without the (loopback or private) endpoint used."""
        _, warning = catalog_endpoint(self.config.endpoint_url, self._endpoint_url())
        if warning and (self.out is not None or self.store is not None or self._halted is None):
            print(f"kenmerk: warning: catalog: {warning}", file=sys.stderr)

    def _placeholder_dumps(self) -> list[DumpFile]:
        if self.out is None:
            return []
        return [dump_file(dump_path("", self.dump_format), b"", by_name(self.dump_format))]

    # -- per note -------------------------------------------------------------------------------

    @property
    def halted(self) -> str | None:
        """Why the rest of the run cannot be published (endpoint gone, credentials refused), or None."""
        return self._halted

    def _fail(self, line: str) -> None:
        self.report.failed.append(line)
        if self.on_failed is not None:
            self.on_failed(line)

    def add(self, label: str, item: Note | KenmerkError | None) -> None:
        """Publish one note (or record the error reading it gave; None: not read because halted)."""
        if isinstance(item, KenmerkError):
            self._fail(str(item) if item.path else f"{label}: {item}")
            return
        if self._halted is not None or item is None:  # one line at the end says why, not one per note
            self.report.failed.append(f"{label}: not attempted: {self._halted or 'skipped'}")
            self.report.not_attempted += 1
            return
        try:
            parts = note_parts(item, self.base, self.evidence, links=self._linker.add(item, label),
                               keep_extracted=self.keep_extracted)
            iri = str(parts.iri)
            quads = self._converter.quads(list(dict.fromkeys(parts.triples)), iri)
            shared = set(self._converter.quads(parts.shared, self._shared_iri)) - self._shared
        except (ValueError, TypeError) as exc:
            self._fail(f"{label}: cannot map the note to RDF: {exc}")
            return
        earlier = self._labels.get(iri)
        if earlier is not None and earlier != label:
            print(f"kenmerk: warning: {label}: same note IRI as {earlier} ({iri}); {label} replaces it",
                  file=sys.stderr)
        self._labels[iri] = label
        sha = item.source.sha256
        if self.client is not None:
            if not self._put(self.client, label, iri, quads):
                return
            self._supersede_in_run(label, iri, sha)
            self._sent_sources[iri] = sha
            self._shared_unsent |= shared
            self._unsent_notes += 1
            if self._unsent_notes >= self.batch_size:
                self._post_shared()
                self._drop_older_on_endpoint()
        else:
            self._supersede_in_run(label, iri, sha)
        self._shared |= shared
        self._shared_pending |= shared
        self._run_stats[iri] = _graph_stats(quads, self.organisation_property)
        if self.out is not None:
            self._run_graphs[iri] = quads
        if self.store is None:
            self._published(label, iri)
            return
        self._batch[iri] = quads
        self._batch_labels[iri] = label
        self._batch_sources[iri] = sha
        if len(self._batch) >= self.batch_size:
            self._flush()

    def _supersede_in_run(self, label: str, iri: str, sha: str) -> None:
        """Of two notes of one document (the same source hash) under other IRIs in a run, the later replaces
        the earlier: not written if still waiting, else removed with the later one's write."""
        earlier = self._sources.get(sha)
        self._sources[sha] = (iri, label)
        if earlier is None or earlier[0] == iri:
            return
        old_iri, old_label = earlier
        print(f"kenmerk: warning: {label}: the same document as {old_label} under another IRI ({iri}); "
              f"{label} replaces it", file=sys.stderr)
        for table in (self._batch, self._batch_labels, self._batch_sources, self._sent_sources,
                      self._run_graphs, self._run_stats):
            table.pop(old_iri, None)

    def _published(self, label: str, iri: str) -> None:
        self._failures_in_a_row = 0
        self.report.published.append(iri)
        if self.on_published is not None:
            self.on_published(label, iri)

    def _not_taken(self, label: str, reason: str) -> None:
        """A note the store or endpoint did not take; `max_failures` of them in a row stop the run."""
        self._fail(f"{label}: not published: {reason}")
        self._failures_in_a_row += 1
        if self._halted is None and 0 < self.max_failures <= self._failures_in_a_row:
            self._halted = (f"{self._failures_in_a_row} notes in a row were not published "
                            f"(--max-failures {self.max_failures})")

    def _post_shared(self) -> None:
        """Merge the shared resources of the notes sent since the last time into the endpoint's shared graph."""
        if self.client is None or not self._shared_unsent:
            return
        try:
            self.client.post_graph(self._shared_iri, ntriples_bytes(self._shared_unsent), what="shared resources")
        except PublishError as exc:
            self._fail(f"shared resources: not published: {exc.args[0]}")
        self._shared_unsent, self._unsent_notes = set(), 0

    def _drop_older_on_endpoint(self) -> None:
        """DELETE the earlier versions (same source, other IRI) of the notes PUT since the last time."""
        sent, self._sent_sources = self._sent_sources, {}
        if self.client is None or not sent:
            return
        if not self.client.query_url:
            if not self._warned_no_query:
                self._warned_no_query = True
                print(f"kenmerk: warning: {redact(self.client.gsp_url or '')}: no SPARQL query URL (--endpoint), "
                      "so earlier versions of a note (its document under another IRI, as after a correction "
                      "of its kenmerk, date or organisation) are not found and stay there", file=sys.stderr)
            return
        try:
            for graph in older_on_endpoint(self.client, sent, self.base):
                self.client.delete_graph(graph, what=graph)
        except PublishError as exc:
            self._fail(f"earlier versions: not removed: {exc.args[0]}")

    def _put(self, client: GraphStoreClient, label: str, iri: str, quads: list[ox.Quad]) -> bool:
        try:
            client.put_graph(iri, ntriples_bytes(quads), what=label)
        except EndpointUnreachable as exc:
            self._halted = "endpoint unreachable; run the same command again to publish the rest"
            self._not_taken(label, exc.args[0])
            return False
        except EndpointRefused as exc:
            if exc.fatal:
                self._halted = f"the endpoint refused the credentials (HTTP {exc.status})"
            self._not_taken(label, exc.args[0])
            return False
        except PublishError as exc:
            self._not_taken(label, exc.args[0])
            return False
        return True

    def _flush(self) -> None:
        if not self._batch or self.store is None:
            return
        batch, labels, sources = self._batch, self._batch_labels, self._batch_sources
        self._batch, self._batch_labels, self._batch_sources = {}, {}, {}
        if self._shared_pending:  # merged into the shared graph in the same write, never replacing it
            batch[self._shared_iri] = list(set(self.store.quads(self._shared_iri)) | self._shared_pending)
            self._shared_pending = set()
        try:  # earlier versions of the batch's notes go in the transaction that writes them
            self.store.replace_graphs(batch, supersedes=older_in_store(self.store, sources, self.base))
        except PublishError as exc:
            for iri in labels:
                self._not_taken(labels[iri], exc.args[0])
            return
        for iri in labels:
            self._published(labels[iri], iri)

    # -- end of run -----------------------------------------------------------------------------

    def close(self) -> PublishReport:
        """Flush the last batch, write dumps and the catalog; returns the report."""
        if self._closed:
            return self.report
        self._closed = True
        try:
            self._flush()
            if self._halted is None:  # halted: running the same command again sends them with the rest
                self._post_shared()
                self._drop_older_on_endpoint()
            dumps: list[DumpFile] = []
            if self.out is not None:
                dumps = self._write_files(self.out)
            if self.write_catalog:
                self._write_catalogs(dumps)
        finally:
            if self._owns_store and self.store is not None:
                self.store.close()
        return self.report

    def _write_files(self, out: Path) -> list[DumpFile]:
        prefixes = _prefixes()
        quads = [q for graph in self._run_graphs.values() for q in graph] + sorted(self._shared, key=str)
        dump = write_dump(out, quads, fmt=self.dump_format, compress=self.compress, prefixes=prefixes)
        self.report.files.append(dump.path)
        if self.per_note:
            # every note (and shared resource) at its IRI's path, in each format kenmerk serve answers
            self.report.files.extend(write_iri_files(out, self._run_graphs, self._shared, self.base))
        return [dump]

    def _stats_of_run(self) -> Stats:
        orgs = set().union(*(o for _, o in self._run_stats.values())) if self._run_stats else set()
        created = str(DCTERMS.created)
        dates = sorted(d for iri, quads in self._run_graphs.items() for q in quads
                       if q.predicate.value == created and isinstance(q.subject, ox.NamedNode) and q.subject.value == iri
                       and isinstance(q.object, ox.Literal) and (d := parse_date(q.object.value)) is not None)
        issued = issued_in_file(self.out / CATALOG_FILE, self.base) if self.out is not None else None
        return Stats(sum(n for n, _ in self._run_stats.values()), len(self._run_stats), len(orgs),
                     dates[0] if dates else None, dates[-1] if dates else None, issued)

    def _catalog(self, stats: Stats, dumps: list[DumpFile]) -> Graph:
        return build_catalog(
            self.config, stats, dumps=dumps, dump_root=self.out, endpoint_url=self._endpoint_url(),
            organisation_property=self.organisation_property,
        )

    def _write_catalogs(self, dumps: list[DumpFile]) -> None:
        self._warn_endpoint()
        catalog_iri = catalog_graph_iri(self.base)
        prop = self.organisation_property
        if self.out is not None:
            stats = self._stats_of_run()
            graph = self._catalog(stats, dumps)
            path = self.out / CATALOG_FILE
            write_atomic(path, turtle_bytes(self._converter.quads(graph, catalog_iri), CATALOG_PREFIXES))
            self.report.files.append(path)
            self.report.catalog, self.report.stats = graph, stats
        if self.store is not None:
            try:
                stats = stats_from_store(self.store, self.base, prop)
                graph = self._catalog(stats, dumps)
                self.store.replace_graphs({catalog_iri: self._converter.quads(graph, catalog_iri)})
                self.report.catalog, self.report.stats = graph, stats
            except PublishError as exc:
                self._fail(f"catalog: not published: {exc.args[0]}")
        if self.client is not None and self._halted is None:
            try:
                stats = (stats_from_endpoint(self.client, self.base, prop) if self.client.query_url
                         else self._stats_of_run())
                graph = self._catalog(stats, dumps)
                self.client.put_graph(catalog_iri, ntriples_bytes(self._converter.quads(graph, catalog_iri)),
                                      what="catalog")
                self.report.catalog, self.report.stats = graph, stats
            except PublishError as exc:
                self._fail(f"catalog: not published: {exc.args[0]}")
