"""`kenmerk serve`: the oxigraph server over the embedded store, on 127.0.0.1."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import requests

from kenmerk.output.cli import main
from kenmerk.output.commands import serve
from publish_helpers import free_port, write_notes


def test_serve_command_binds_loopback(tmp_path):
    cmd = serve.serve_command(tmp_path / "s", 8123)
    assert cmd[1:] == ["serve", "--location", str(tmp_path / "s"), "--bind", "127.0.0.1:8123", "--union-default-graph"]
    assert serve.serve_command(tmp_path, 1, read_only=True)[1] == "serve-read-only"


def test_kenmerk_serve_answers_queries_and_takes_publishes(workdir, notes, capsys):
    write_notes(workdir / "in", notes)
    assert main(["publish", "in", "-q"]) == 0
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kenmerk.output.cli", "serve", "--port", str(port)],
                            cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ), start_new_session=True)
    url = f"http://127.0.0.1:{port}/query"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = requests.post(url, data=b"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
                                  headers={"Content-Type": "application/sparql-query",
                                           "Accept": "application/sparql-results+json"}, timeout=2)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline and proc.poll() is None, "kenmerk serve did not start"
                time.sleep(0.1)
        assert int(r.json()["results"]["bindings"][0]["n"]["value"]) == len(notes) + 2  # notes, shared, catalog
        # while it runs: publishing into the folder is refused, publishing through the server works
        capsys.readouterr()
        assert main(["publish", "in", "-q"]) == 1
        assert "the store is open in `kenmerk serve`" in capsys.readouterr().err
        assert main(["publish", "in", "--endpoint", url, "-q"]) == 0
        assert main(["query", "--endpoint", url, "ASK { ?s ?p ?o }"]) == 0  # union default graph
        assert capsys.readouterr().out == "true\n"
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert "serving kenmerk-store at http://127.0.0.1:" in proc.stderr.read()
