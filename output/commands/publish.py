"""`kenmerk publish PATH...`: load notes into a store, a SPARQL endpoint and/or dump files.

Inputs are documents (extracted on the fly) or the JSON / JSON Lines that
`kenmerk extract` writes; folders are searched recursively. Targets:

- `--store DIR`: the embedded store (default when no other target is given:
  `$KENMERK_STORE`, else `./kenmerk-store`);
- `--endpoint URL` (SPARQL query URL) and/or `--gsp URL` (Graph Store URL):
  any SPARQL 1.1 store over the Graph Store HTTP Protocol;
- `--out DIR`: `notes.nq` (or `.trig`, `--gzip`), `catalog.ttl`, and with
  `--per-note` one file per note under `notes/`.

Each failing input gives one line `path: reason` on stderr; the others go on.
Exit 0 when all went in, 1 when some failed, 2 for a usage or config error.
"""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass

from kenmerk.extract import KenmerkError, UsageError
from kenmerk.output.batch import BatchFailure, BatchOptions, Reporter, cache_notice
from kenmerk.output.commands.options import (
    add_batch_options,
    add_config_options,
    add_endpoint_options,
    add_input_options,
    batch_options_from_args,
    batch_requested,
    config_from_args,
    is_terminal,
    make_client,
)
from kenmerk.output.config import local_store_config
from kenmerk.output.formats import DUMP_FORMATS, GSP_FORMATS, format_help, format_type
from kenmerk.output.graph import DEFAULT_BASE
from kenmerk.output.gsp import GraphStoreClient
from kenmerk.output.inputs import DocumentSpec, Refused, gather, is_url, read_list
from kenmerk.output.publish import DEFAULT_MAX_FAILURES, Publisher, iter_inputs
from kenmerk.output.store import default_store_path

#: the suffixes of kenmerk's own JSON that publish reads as notes
JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
EXAMPLES = """examples:
  kenmerk publish notes/                                   # into ./kenmerk-store, no configuration needed
  kenmerk publish notes.jsonl --endpoint http://127.0.0.1:7878/query
  kenmerk publish notes/ --out site/ --gzip --per-note     # dump files and catalog.ttl for a portal
  kenmerk init                                             # a kenmerk.toml for the catalog values"""


def register(sub) -> None:
    p = sub.add_parser("publish", help="load notes into a store, a SPARQL endpoint or dump files, with a catalog",
                       description="Publish notes (documents, extracted on the fly, or kenmerk JSON) as linked "
                                   "data, each in its own named graph: into the embedded store, to any SPARQL 1.1 "
                                   "store (Graph Store Protocol), or as dump files with a DCAT-AP-NL catalog. "
                                   "The local store needs no configuration; publishing for others needs the "
                                   "catalog values (kenmerk.toml, `kenmerk init`).",
                       epilog=EXAMPLES)
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="documents, kenmerk JSON/JSONL files, folders, zip archives or http(s) URLs; - for stdin")
    p.add_argument("--name", metavar="FILE", help="the file name of standard input (-): its type is told by it, "
                   "and the note is the one the file FILE gives")
    p.add_argument("--store", metavar="DIR",
                   help="embedded store folder (default when no other target: $KENMERK_STORE, "
                        "store in kenmerk.toml, ./kenmerk-store)")
    add_endpoint_options(p)
    p.add_argument("--gsp-format", type=format_type(GSP_FORMATS), default="nt", metavar="FORMAT",
                   help=f"body of Graph Store PUTs: {format_help(GSP_FORMATS)} (default nt)")
    g = p.add_argument_group("files for a portal")
    g.add_argument("--out", metavar="DIR", help="write a dump of this run and catalog.ttl into DIR")
    g.add_argument("--format", dest="dump_format", type=format_type(DUMP_FORMATS), default="nquads",
                   metavar="FORMAT", help=f"dump format: {format_help(DUMP_FORMATS)} (default nquads)")
    g.add_argument("--gzip", action="store_true", help="gzip the dump (deterministic)")
    g.add_argument("--per-note", action="store_true", help="also each note (and shared resource) at its IRI's path "
                   "under DIR, in the forms kenmerk serve answers")
    add_config_options(p)
    p.add_argument("--evidence", action="store_true", help="include evidence (pages, boxes, text) in the graphs")
    p.add_argument("--keep-extracted", action="store_true", help="keep, beside each correction (--corrections), "
                   "the value the extraction gave (kmk:extractedValue)")
    p.add_argument("--batch-size", type=int, default=1000, metavar="N", help="notes per bulk load into the store")
    p.add_argument("--max-failures", type=int, default=DEFAULT_MAX_FAILURES, metavar="N",
                   help="stop after N notes in a row that the store or endpoint did not take "
                        f"(default {DEFAULT_MAX_FAILURES}; 0: never stop)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary lines")
    add_input_options(p)
    add_batch_options(p, timeout_flags=("--doc-timeout",))
    p.set_defaults(func=run)


@dataclass(frozen=True)
class Inputs:
    """What `kenmerk publish` reads: the paths, `--from-list` (read once when it is stdin) and `--glob`."""

    paths: list[str]
    from_list: str | None
    url_column: str | None
    globs: list[str] | None
    list_lines: list | None
    stdin_name: str | None = None  # --name

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> Inputs:
        list_lines = list(read_list("-", args.url_column)) if args.from_list == "-" else None
        return cls(args.paths, args.from_list, args.url_column, args.glob, list_lines, args.name)

    def documents(self) -> int:
        """How many documents (to extract, or refused) the inputs hold; kenmerk JSON is not counted."""
        return sum(1 for item in gather(self.paths, from_list=self.from_list, url_column=self.url_column,
                                        globs=self.globs, json_suffixes=JSON_SUFFIXES, list_lines=self.list_lines)
                   if isinstance(item, (DocumentSpec, Refused)))

    def described(self) -> str:
        """The inputs as the user named them, for the `no notes found in …` line."""
        return " ".join(list(map(str, self.paths)) + ([f"--from-list {self.from_list}"] if self.from_list else []))


def _check_usage(args: argparse.Namespace) -> None:
    if not args.paths and args.from_list is None:
        raise UsageError("give at least one PATH (file, folder, zip, URL) or --from-list FILE")
    if args.max_failures < 0:
        raise UsageError(f"--max-failures {args.max_failures}: give 0 (never stop) or more")
    if args.name and "-" not in args.paths:
        raise UsageError("--name names standard input: give - as PATH")


def _is_batch(args: argparse.Namespace) -> bool:
    """A batch run (progress and summary even off a terminal): batch options, URLs or zip archives."""
    return batch_requested(args) or any(is_url(p) or str(p).lower().endswith(".zip") for p in args.paths)


def _reporter(args: argparse.Namespace, inputs: Inputs, batch_mode: bool) -> Reporter:
    """Progress for documents to extract (none for kenmerk JSON alone), failure records in `--errors`."""
    progress = "none" if args.quiet or args.no_progress else "auto" if batch_mode or is_terminal(sys.stderr) \
        else "none"
    total = inputs.documents() if progress != "none" else None
    if total == 0:
        progress = "none"  # only kenmerk JSON: nothing to extract, nothing to show
    return Reporter(total=total, progress=progress, errors_file=args.errors, echo_failures=False,
                    interval=args.log_interval if args.log_interval is not None else 10.0)


def _record_failures(reporter: Reporter, label: str, item: object, lines: list[str]) -> None:
    """One `--errors` record per failure line of an input (a failed document is recorded by the reporter)."""
    if isinstance(item, BatchFailure):
        return
    stage = "read" if isinstance(item, KenmerkError) else "publish"
    error = item.__class__.__name__ if isinstance(item, KenmerkError) else "PublishError"
    prefix = f"{label}: "
    for line in lines:
        reporter.record({"path": label, "stage": stage, "error": error,
                         "message": line[len(prefix):] if line.startswith(prefix) else line})


def _publish_inputs(publisher: Publisher, inputs: Inputs, batch: BatchOptions, reporter: Reporter,
                    on_result: Callable) -> int:
    """Publish every input; returns how many there were."""
    seen = 0
    with publisher:
        for label, item in iter_inputs(inputs.paths, stop=lambda: publisher.halted is not None, batch=batch,
                                       from_list=inputs.from_list, url_column=inputs.url_column,
                                       globs=inputs.globs, on_result=on_result, list_lines=inputs.list_lines,
                                       stdin_name=inputs.stdin_name):
            seen += 1
            before = len(publisher.report.failed)
            publisher.add(label, item)
            _record_failures(reporter, label, item, publisher.report.failed[before:])
    return seen


def _say_published(publisher: Publisher, store: str | None, client: GraphStoreClient | None,
                   out: str | None) -> None:
    """`published N notes to store S and endpoint E, K failed`."""
    report = publisher.report
    targets = [t for t in (
        f"store {store}" if store else None,
        f"endpoint {client.gsp_url}" if client else None,
        f"folder {out}" if out else None,
    ) if t]
    failed = f", {len(report.failed)} failed" if report.failed else ""
    count = len(report.published)
    print(f"published {count} note{'' if count == 1 else 's'} to {' and '.join(targets)}{failed}")


def run(args: argparse.Namespace) -> int:
    _check_usage(args)
    config = config_from_args(args)
    client = make_client(args, need_gsp=True)
    store = args.store
    catalog = True
    if client is None and args.out is None:  # the local store alone: publishing needs no configuration
        store = store or str(default_store_path(config.store))
        config, catalog, notice = local_store_config(config, DEFAULT_BASE)
        if notice and not args.quiet:
            print(f"kenmerk: {notice}", file=sys.stderr)
    batch = batch_options_from_args(args, ordered=True)
    batch_mode = _is_batch(args)
    inputs = Inputs.from_args(args)
    reporter = _reporter(args, inputs, batch_mode)
    notice = cache_notice(batch.cache_dir, bool(args.prune_cache))
    if notice and not args.quiet:
        reporter.echo(notice)
    publisher = Publisher(
        config, store=store, client=client, out=args.out, dump_format=args.dump_format,
        compress=args.gzip, per_note=args.per_note, evidence=args.evidence, batch_size=args.batch_size,
        keep_extracted=args.keep_extracted,
        on_failed=reporter.echo, max_failures=args.max_failures, catalog=catalog,
    )
    ok = False
    try:
        seen = _publish_inputs(publisher, inputs, batch, reporter, reporter.add)
        ok = True
    finally:
        if client is not None:
            client.close()
        documents = reporter.counts.documents
        reporter.close(summary=ok and not args.quiet and documents > 0 and (batch_mode or is_terminal(sys.stderr)),
                       ok=ok)
    if seen == 0:
        print(f"kenmerk: no notes found in {inputs.described()}", file=sys.stderr)
        return 1
    if not args.quiet:
        _say_published(publisher, store, client, args.out)
    if publisher.halted:  # one line for the notes not attempted, however many
        left = publisher.report.not_attempted
        rest = f" ({left} note{'' if left == 1 else 's'} not attempted)" if left else ""
        print(f"kenmerk: stopped: {publisher.halted}{rest}", file=sys.stderr)
    return 0 if publisher.report.ok else 1
