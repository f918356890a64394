"""`kenmerk serve [--store DIR] [--port N]`: a SPARQL endpoint on 127.0.0.1 over the embedded store.

Runs `oxigraph serve` (the `oxigraph` package's server) on the store folder:
queries at `http://127.0.0.1:PORT/query`, updates at `/update`, the Graph
Store Protocol at `/store`. The default graph is the union of all graphs, as
with `kenmerk query --store`.

The server holds the store folder's lock: while it runs, `kenmerk publish
--store DIR` cannot open the folder. Publish through the server instead:
`kenmerk publish PATH --endpoint http://127.0.0.1:PORT/query`. `kenmerk query
--store DIR` opens the folder read-only and works next to it. With
`--read-only` the server never writes (`oxigraph serve-read-only`); do not
publish into the folder while it runs.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from kenmerk.extract import KenmerkError, UsageError
from kenmerk.output.store import default_store_path

DEFAULT_PORT = 7878
HOST = "127.0.0.1"


class ServerMissing(KenmerkError):
    """The `oxigraph` server program is not installed."""


def oxigraph_program() -> str:
    """Path of the `oxigraph` console script: the one installed with kenmerk, else the one on PATH."""
    for folder in (Path(sys.executable).parent, Path(sys.prefix) / "bin", Path(sys.prefix) / "Scripts"):
        for name in ("oxigraph", "oxigraph.exe"):
            if (folder / name).is_file():
                return str(folder / name)
    found = shutil.which("oxigraph")
    if found:
        return found
    raise ServerMissing("the SPARQL server is not installed: pip install oxigraph (the `oxigraph` package)")


def serve_command(store: str | os.PathLike[str], port: int, *, read_only: bool = False,
                  union_default_graph: bool = True) -> list[str]:
    """The `oxigraph serve` command line for `store` on 127.0.0.1:`port`."""
    cmd = [oxigraph_program(), "serve-read-only" if read_only else "serve",
           "--location", str(store), "--bind", f"{HOST}:{port}"]
    if union_default_graph:
        cmd.append("--union-default-graph")
    return cmd


def register(sub) -> None:
    p = sub.add_parser("serve", help="serve the embedded store as a SPARQL endpoint on 127.0.0.1")
    p.add_argument("--store", metavar="DIR",
                   help="store folder (default: $KENMERK_STORE, store in kenmerk.toml, ./kenmerk-store)")
    p.add_argument("--config", metavar="FILE", help="config file for the store location (default: ./kenmerk.toml)")
    p.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p.add_argument("--read-only", action="store_true", help="refuse updates (oxigraph serve-read-only)")
    p.set_defaults(func=run)


def run(args) -> int:
    if not 0 < args.port < 65536:
        raise UsageError(f"--port {args.port}: not a port number")
    from kenmerk.output.commands.publish import configured_store

    store = Path(args.store) if args.store else default_store_path(configured_store(args))
    if args.read_only and not (store / "CURRENT").exists():
        raise UsageError(f"{store}: no kenmerk store here (publish some notes first)")
    cmd = serve_command(store, args.port, read_only=args.read_only)
    base = f"http://{HOST}:{args.port}"
    print(f"kenmerk: serving {store} at {base}/query (Graph Store: {base}/store); Ctrl-C stops", file=sys.stderr)
    print(f"kenmerk: publish while it runs with: kenmerk publish PATH --endpoint {base}/query", file=sys.stderr)
    sys.stderr.flush()
    if os.name == "posix":  # become the server: signals (Ctrl-C, SIGTERM) reach it directly
        os.execv(cmd[0], cmd)
    try:  # pragma: no cover - Windows
        return subprocess.call(cmd)
    except KeyboardInterrupt:  # pragma: no cover
        return 0
