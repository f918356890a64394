"""`kenmerk query 'SPARQL' [--store DIR | --endpoint URL]`: run a SPARQL query over published notes.

The query comes as argument, from `--file Q.rq`, or as a shipped example
(`--example NAME`, list them with `--list`). Parameters (`--param NAME=VALUE`)
are bound as RDF terms: substitutions on the store, a VALUES block on an
endpoint; never pasted into the text. Output: `--format table` (default),
`csv` or `json` (W3C SPARQL results formats); CONSTRUCT prints N-Triples.
"""
from __future__ import annotations

import sys

from kenmerk.extract import UsageError
from kenmerk.output.commands.options import add_endpoint_options, configured_store, make_client
from kenmerk.output.formats import format_help, format_type
from kenmerk.output.query import (
    GRAPH_OUTPUT_FORMATS,
    OUTPUT_FORMATS,
    bind_params,
    example,
    examples,
    format_result,
    parse_header,
    parse_param_args,
    read_query_file,
    run_query,
)
from kenmerk.output.store import EmbeddedStore, default_store_path


def register(sub) -> None:
    p = sub.add_parser("query", help="run a SPARQL query (or a shipped example) on the store or an endpoint",
                       description="Run a SPARQL query on the published notes, in the embedded store or at an "
                                   "endpoint; parameters are bound as RDF terms, never pasted into the text.",
                       epilog="examples:\n  kenmerk query --list\n"
                              "  kenmerk query --example notes-by-kenmerk --param kenmerk=IENW/BSK-2022/248639\n"
                              "  kenmerk query 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format csv")
    p.add_argument("sparql", nargs="?", help="the query text")
    p.add_argument("--file", metavar="Q.rq", help="read the query from a file")
    p.add_argument("--example", metavar="NAME", help="run a shipped example query (see --list)")
    p.add_argument("--list", action="store_true", help="list the example queries and their parameters")
    p.add_argument("--param", action="append", metavar="NAME=VALUE", help="bind ?NAME to VALUE (repeatable)")
    p.add_argument("--format", "-f", type=_output_format, default="table", metavar="FORMAT",
                   help=f"{', '.join(OUTPUT_FORMATS)} (default table); for CONSTRUCT and DESCRIBE also "
                        f"{format_help(GRAPH_OUTPUT_FORMATS)} (default N-Triples)")
    p.add_argument("--store", metavar="DIR", help="store folder, opened read-only "
                   "(default: $KENMERK_STORE, store in kenmerk.toml, ./kenmerk-store)")
    p.add_argument("--config", metavar="FILE", help="config file for the store location (default: ./kenmerk.toml)")
    add_endpoint_options(p)
    p.set_defaults(func=run)


def _output_format(value: str) -> str:
    """A results format, or the name of an RDF format for a graph (`ttl` → `turtle`)."""
    return value if value in OUTPUT_FORMATS else format_type(GRAPH_OUTPUT_FORMATS)(value)


def _list() -> int:
    for ex in examples().values():
        print(f"{ex.name}: {ex.description}")
        for prm in ex.params:
            print(f"    --param {prm.name}=…  ({prm.kind}{', optional' if prm.optional else ''}) {prm.description}")
    return 0


def run(args) -> int:
    if args.list:
        return _list()
    sources = [x for x in (args.sparql, args.file, args.example) if x]
    if len(sources) != 1:
        raise UsageError("give exactly one of: a query, --file Q.rq, --example NAME")
    if args.example:
        ex = example(args.example)
        text, declared = ex.text, ex.params
    else:
        text = args.sparql if args.sparql else read_query_file(args.file)
        _, declared = parse_header(text)
    terms = bind_params(parse_param_args(args.param), declared)
    if args.endpoint and args.store:
        raise UsageError("give --store DIR or --endpoint URL, not both")
    client = make_client(args, need_gsp=False)
    if client is not None:
        with client:
            result = run_query(text, terms, client=client)
    else:
        with EmbeddedStore(args.store or default_store_path(configured_store(args)), read_only=True) as store:
            result = run_query(text, terms, store=store)
    if result.kind == "select":
        result = result.without(terms)
    sys.stdout.write(format_result(result, args.format))
    return 0
