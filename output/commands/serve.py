"""`kenmerk serve [--store DIR] [--port N]`: the published notes as linked data and SPARQL, on one port.

One process (uvicorn running `kenmerk.output.web`) on 127.0.0.1 by default:

- every IRI minted under the base answers `GET` with HTML, Turtle, JSON-LD or N-Triples
  (`/id/note/…` for the base `https://data.example.nl/id/`); the `kmk:` vocabulary at `/kenmerk/def`;
- `/query`: the SPARQL 1.1 Protocol (queries; the default graph is the union of all graphs);
- `/store`: the Graph Store Protocol, so `kenmerk publish PATH --endpoint http://127.0.0.1:PORT/query`
  publishes through the server while it holds the store folder (none with `--read-only`).

The server holds the store folder's lock (one writer per folder): `kenmerk publish --store DIR`
says so while it runs. With `--read-only` the folder is opened read-only and nothing is written;
do not publish into it while it runs. A host other than loopback needs `--read-only`: the Graph
Store takes writes without authentication. `--port 0` takes a free port and says which.
"""
from __future__ import annotations

import ipaddress
import socket
import sys
from pathlib import Path

from kenmerk.extract import UsageError

DEFAULT_PORT = 7878
HOST = "127.0.0.1"


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve the published notes: every IRI as HTML/Turtle/JSON-LD, and SPARQL",
                       description="Serve the store on one port: every minted IRI as HTML, Turtle, JSON-LD or "
                                   "N-Triples, SPARQL queries at /query and the Graph Store at /store. A folder "
                                   "without a store is refused (publish some notes first).",
                       epilog="examples:\n  kenmerk serve                      # http://127.0.0.1:7878/\n"
                              "  kenmerk serve --port 0 --read-only")
    p.add_argument("--store", metavar="DIR",
                   help="store folder (default: $KENMERK_STORE, store in kenmerk.toml, ./kenmerk-store)")
    p.add_argument("--config", metavar="FILE", help="config file for the store and base (default: ./kenmerk.toml)")
    p.add_argument("--base", metavar="IRI", help="base IRI the notes were published under (default: base in "
                   "kenmerk.toml, else kenmerk's default); its paths are served")
    p.add_argument("--host", default=HOST, help=f"address to listen on (default {HOST}; another needs --read-only)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT}; 0: any free port)")
    p.add_argument("--read-only", action="store_true", help="open the store read-only and take no writes")
    p.set_defaults(func=run)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on host:port (port 0: a free one); UsageError when the address is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise UsageError(f"{host}:{port}: cannot listen there ({exc.strerror or exc})") from None
    sock.listen(2048)
    return sock


def run(args) -> int:
    if not 0 <= args.port < 65536:
        raise UsageError(f"--port {args.port}: not a port number")
    if not _loopback(args.host) and not args.read_only:
        raise UsageError(f"--host {args.host}: a server others can reach must be --read-only "
                         "(its Graph Store takes writes without authentication)")
    import uvicorn

    from kenmerk.output.config import load_config
    from kenmerk.output.graph import DEFAULT_BASE
    from kenmerk.output.store import EmbeddedStore, default_store_path, require_store
    from kenmerk.output.web import create_app

    config = load_config(args.config)
    path = Path(args.store) if args.store else default_store_path(config.store)
    base = args.base or config.base_iri or DEFAULT_BASE
    require_store(path)  # as `kenmerk query` does: no empty store made and served
    with EmbeddedStore(path, read_only=args.read_only) as store:
        sock = listen(args.host, args.port)
        host, port = sock.getsockname()[:2]
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{port}"
        writes = "" if args.read_only else f", Graph Store {url}/store"
        print(f"kenmerk: serving {path} at {url}/ (SPARQL {url}/query{writes}); Ctrl-C stops", file=sys.stderr)
        if not args.read_only:
            print(f"kenmerk: publish while it runs with: kenmerk publish PATH --endpoint {url}/query", file=sys.stderr)
        sys.stderr.flush()
        server = uvicorn.Server(uvicorn.Config(create_app(store, base=base, read_only=args.read_only),
                                               log_level="warning", lifespan="off"))
        try:
            server.run(sockets=[sock])
        finally:
            sock.close()
    return 0
