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

import sys

from kenmerk.output.batch import Reporter, cache_notice
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
from kenmerk.extract import KenmerkError
from kenmerk.output.batch import BatchFailure
from kenmerk.output.publish import DEFAULT_MAX_FAILURES, Publisher, iter_inputs
from kenmerk.output.store import default_store_path


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


def run(args) -> int:
    from kenmerk.extract import UsageError
    from kenmerk.output.inputs import DocumentSpec, Refused, gather, is_url, read_list

    if not args.paths and args.from_list is None:
        raise UsageError("give at least one PATH (file, folder, zip, URL) or --from-list FILE")
    if args.max_failures < 0:
        raise UsageError(f"--max-failures {args.max_failures}: give 0 (never stop) or more")
    if args.name and "-" not in args.paths:
        raise UsageError("--name names standard input: give - as PATH")
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
    explicit = batch_requested(args)
    batch_mode = explicit or any(is_url(p) or str(p).lower().endswith(".zip") for p in args.paths)
    list_lines = list(read_list("-", args.url_column)) if args.from_list == "-" else None
    if args.quiet or args.no_progress:
        progress = "none"
    elif batch_mode or is_terminal(sys.stderr):
        progress = "auto"
    else:
        progress = "none"
    total = None
    if progress != "none":
        total = sum(1 for item in gather(args.paths, from_list=args.from_list, url_column=args.url_column,
                                         globs=args.glob, json_suffixes=(".json", ".jsonl", ".ndjson"),
                                         list_lines=list_lines)
                    if isinstance(item, (DocumentSpec, Refused)))
        if total == 0:
            progress = "none"  # only kenmerk JSON: nothing to extract, nothing to show
    reporter = Reporter(total=total, progress=progress, errors_file=args.errors, echo_failures=False,
                        interval=args.log_interval if args.log_interval is not None else 10.0)
    notice = cache_notice(batch.cache_dir, bool(args.prune_cache))
    if notice and not args.quiet:
        reporter.echo(notice)
    publisher = Publisher(
        config, store=store, client=client, out=args.out, dump_format=args.dump_format,
        compress=args.gzip, per_note=args.per_note, evidence=args.evidence, batch_size=args.batch_size,
        keep_extracted=args.keep_extracted,
        on_failed=reporter.echo, max_failures=args.max_failures, catalog=catalog,
    )
    seen = 0
    ok = False
    try:
        with publisher:
            for label, item in iter_inputs(args.paths, stop=lambda: publisher.halted is not None, batch=batch,
                                           from_list=args.from_list, url_column=args.url_column, globs=args.glob,
                                           on_result=reporter.add, list_lines=list_lines, stdin_name=args.name):
                seen += 1
                before = len(publisher.report.failed)
                publisher.add(label, item)
                for line in publisher.report.failed[before:]:
                    if isinstance(item, BatchFailure):
                        continue  # recorded by the reporter, with its stage
                    stage = "read" if isinstance(item, KenmerkError) else "publish"
                    error = item.__class__.__name__ if isinstance(item, KenmerkError) else "PublishError"
                    prefix = f"{label}: "
                    reporter.record({"path": label, "stage": stage, "error": error,
                                     "message": line[len(prefix):] if line.startswith(prefix) else line})
        ok = True
    finally:
        if client is not None:
            client.close()
        documents = reporter.counts.documents
        reporter.close(summary=ok and not args.quiet and documents > 0 and (batch_mode or is_terminal(sys.stderr)),
                       ok=ok)
    report = publisher.report
    if seen == 0:
        where = " ".join(list(map(str, args.paths)) + ([f"--from-list {args.from_list}"] if args.from_list else []))
        print(f"kenmerk: no notes found in {where}", file=sys.stderr)
        return 1
    if not args.quiet:
        targets = [t for t in (
            f"store {store}" if store else None,
            f"endpoint {client.gsp_url}" if client else None,
            f"folder {args.out}" if args.out else None,
        ) if t]
        failed = f", {len(report.failed)} failed" if report.failed else ""
        count = len(report.published)
        print(f"published {count} note{'' if count == 1 else 's'} to {' and '.join(targets)}{failed}")
    if publisher.halted:  # one line for the notes not attempted, however many
        left = publisher.report.not_attempted
        rest = f" ({left} note{'' if left == 1 else 's'} not attempted)" if left else ""
        print(f"kenmerk: stopped: {publisher.halted}{rest}", file=sys.stderr)
    return 0 if report.ok else 1

