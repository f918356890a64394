"""`kenmerk catalog [--store DIR | --endpoint URL]`: print the DCAT-AP-NL catalog of the published notes.

The same description `kenmerk publish` writes, made afresh from the config
(`kenmerk.toml` or options) and the numbers of the store or endpoint, printed. With
`--out DIR` it is written where `publish --out DIR` writes it (`DIR/catalog.ttl`, or the
extension of `--format`), with the dump files in DIR as distributions. The missing
required values (base, publisher, licence, contact; with `--out` the download URL) are
named in one message (exit 2). The
endpoint read from is named in the catalog only when others can reach it (else
a warning): a public URL goes in with `--endpoint-url`.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pyoxigraph as ox

from kenmerk.extract import UsageError
from kenmerk.output.catalog import CATALOG_PREFIXES, build_catalog, catalog_endpoint, catalog_graph_iri
from kenmerk.output.commands.options import add_config_options, add_endpoint_options, config_from_args, make_client
from kenmerk.output.dump import DumpFile, dump_file, dump_path, ox_bytes, turtle_bytes
from kenmerk.output.formats import CATALOG_FORMATS, DUMP_FORMATS, by_name, format_help, format_type
from kenmerk.output.publish import organisation_property, stats_from_endpoint, stats_from_store
from kenmerk.output.store import EmbeddedStore, TermConverter, default_store_path

#: the file `--out DIR` writes (as `kenmerk publish --out DIR` does), with the format's extension
CATALOG_NAME = "catalog"
EXAMPLES = """examples:
  kenmerk catalog                                  # the catalog of ./kenmerk-store, as Turtle
  kenmerk catalog --out site/                      # rewrite site/catalog.ttl, describing site/'s dump files
  kenmerk catalog --endpoint http://127.0.0.1:7878/query -f jsonld"""


def register(sub) -> None:
    p = sub.add_parser("catalog", help="print the DCAT-AP-NL catalog of the published notes",
                       description="Print (or, with --out, write) the DCAT-AP-NL catalog of the notes in the store "
                                   "or at an endpoint: the catalog values of kenmerk.toml or the options, and the "
                                   "numbers of what is published.", epilog=EXAMPLES)
    p.add_argument("--store", metavar="DIR", help="store folder, read-only (default: $KENMERK_STORE or ./kenmerk-store)")
    add_endpoint_options(p)
    p.add_argument("--out", metavar="DIR", help="write DIR/catalog.ttl (as publish --out does), with the dump "
                   "files in DIR as distributions, instead of printing it")
    p.add_argument("--format", "-f", type=format_type(CATALOG_FORMATS), default="turtle", metavar="FORMAT",
                   help=f"{format_help(CATALOG_FORMATS)} (default turtle)")
    add_config_options(p)
    p.set_defaults(func=run)


def dumps_in(folder: Path) -> list[DumpFile]:
    """The dump files `kenmerk publish --out` writes, as found in `folder`."""
    found = []
    for name in DUMP_FORMATS:
        for gz in (False, True):
            path = dump_path(folder, name, gz)
            if path.is_file():
                found.append(dump_file(path, path.read_bytes(), by_name(name), gz))
    return found


def run(args) -> int:
    if args.endpoint and args.store:
        raise UsageError("give --store DIR or --endpoint URL, not both")
    dumps = dumps_in(Path(args.out)) if args.out else []
    config = config_from_args(args).require(*(("download_url",) if dumps else ()))
    base = config.required_base()
    prop = organisation_property()
    client = make_client(args, need_gsp=False)
    if client is not None:
        with client:
            stats = stats_from_endpoint(client, base, prop)
        endpoint = client.query_url
    else:
        with EmbeddedStore(args.store or default_store_path(config.store), read_only=True) as store:
            stats = stats_from_store(store, base, prop)
        endpoint = None
    _, warning = catalog_endpoint(config.endpoint_url, endpoint)
    if warning:
        print(f"kenmerk: warning: catalog: {warning}", file=sys.stderr)
    graph = build_catalog(config, stats, dumps=dumps, dump_root=args.out, endpoint_url=endpoint,
                          organisation_property=prop)
    quads = TermConverter().quads(graph, catalog_graph_iri(base))
    fmt = by_name(args.format)
    if fmt.name == "turtle":
        data = turtle_bytes(quads, CATALOG_PREFIXES)
    else:
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
        data = ox_bytes(triples, fmt.ox())
    if args.out:
        from kenmerk.output.atomic import write_atomic

        path = Path(args.out) / f"{CATALOG_NAME}{fmt.extension}"
        write_atomic(path, data)
        print(f"kenmerk: wrote {path}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
    return 0
