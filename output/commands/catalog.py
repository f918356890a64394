"""`kenmerk catalog [--store DIR | --endpoint URL]`: print the DCAT-AP-NL catalog of the published notes.

The same description `kenmerk publish` writes, made afresh from the config
(`kenmerk.toml` or options) and the numbers of the store or endpoint. With
`--out DIR` the dump files in DIR are described as distributions too.
A missing required value (publisher, licence, contact, base) exits 2. The
endpoint read from is named in the catalog only when others can reach it (else
a warning): a public URL goes in with `--endpoint-url`.
"""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pyoxigraph as ox

from kenmerk.extract import UsageError
from kenmerk.output.catalog import CATALOG_PREFIXES, build_catalog, catalog_endpoint, catalog_graph_iri
from kenmerk.output.commands.options import add_config_options, add_endpoint_options, config_from_args, make_client
from kenmerk.output.dump import DUMP_FORMATS, DUMP_NAME, DumpFile, turtle_bytes
from kenmerk.output.publish import organisation_property, stats_from_endpoint, stats_from_store
from kenmerk.output.store import EmbeddedStore, TermConverter, default_store_path

FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
           "rdfxml": ox.RdfFormat.RDF_XML}


def register(sub) -> None:
    p = sub.add_parser("catalog", help="print the DCAT-AP-NL catalog of the published notes")
    p.add_argument("--store", metavar="DIR", help="store folder, read-only (default: $KENMERK_STORE or ./kenmerk-store)")
    add_endpoint_options(p)
    p.add_argument("--out", metavar="DIR", help="describe the dump files in DIR as distributions")
    p.add_argument("--format", "-f", choices=tuple(FORMATS), default="turtle", help="RDF format (default turtle)")
    add_config_options(p)
    p.set_defaults(func=run)


def dumps_in(folder: Path) -> list[DumpFile]:
    """The dump files `kenmerk publish --out` writes, as found in `folder`."""
    found = []
    for suffix, media, code in DUMP_FORMATS.values():
        for gz in (False, True):
            path = folder / f"{DUMP_NAME}{suffix}{'.gz' if gz else ''}"
            if path.is_file():
                data = path.read_bytes()
                found.append(DumpFile(path, media, code, len(data), hashlib.sha256(data).hexdigest(), gz))
    return found


def run(args) -> int:
    config = config_from_args(args).require()
    if args.endpoint and args.store:
        raise UsageError("give --store DIR or --endpoint URL, not both")
    dumps = dumps_in(Path(args.out)) if args.out else []
    prop = organisation_property()
    client = make_client(args, need_gsp=False)
    if client is not None:
        with client:
            stats = stats_from_endpoint(client, config.base_iri, prop)
        endpoint = client.query_url
    else:
        with EmbeddedStore(args.store or default_store_path(config.store), read_only=True) as store:
            stats = stats_from_store(store, config.base_iri, prop)
        endpoint = None
    _, warning = catalog_endpoint(config.endpoint_url, endpoint)
    if warning:
        print(f"kenmerk: warning: catalog: {warning}", file=sys.stderr)
    graph = build_catalog(config, stats, dumps=dumps, dump_root=args.out, endpoint_url=endpoint,
                          organisation_property=prop)
    quads = TermConverter().quads(graph, catalog_graph_iri(config.base_iri))
    if args.format == "turtle":
        data = turtle_bytes(quads, CATALOG_PREFIXES)
    else:
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
        data = ox.serialize(triples, format=FORMATS[args.format])
    sys.stdout.buffer.write(data)
    return 0
