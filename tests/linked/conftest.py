"""Fixtures for the linked-data tests: a real `kenmerk serve` over a published store."""
from __future__ import annotations

import subprocess
from dataclasses import dataclass

import pytest
from linked_helpers import start_serve
from publish_helpers import BASE, oxigraph_server, workdir  # noqa: F401 - fixtures


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """A store with the publishing tests' six notes, a letter with its attachment, and their catalog."""
    from linked_helpers import DOCS, letter_with_attachment, six_notes

    from kenmerk.output.config import PublishConfig
    from kenmerk.output.publish import Publisher

    root = tmp_path_factory.mktemp("served")
    config = PublishConfig(base=BASE, publisher="mnre1090", licence="cc0", contact_email="open-data@example.nl",
                           download_base=DOCS)
    notes = six_notes() + list(letter_with_attachment())
    with Publisher(config, store=root / "store") as pub:
        for note in notes:
            pub.add(note.source.file_name, note)
    assert pub.report.ok
    return root / "store", notes


@pytest.fixture(scope="module")
def served(published):
    """`kenmerk serve` over the published store, for the whole module."""
    store, _ = published
    server = start_serve(store)
    yield server
    server.stop()


VIRTUOSO_INI = """[Database]
DatabaseFile = {dir}/virtuoso.db
ErrorLogFile = {dir}/virtuoso.log
LockFile = {dir}/virtuoso.lck
TransactionFile = {dir}/virtuoso.trx
xa_persistent_file = {dir}/virtuoso.pxa
[TempDatabase]
DatabaseFile = {dir}/virtuoso-temp.db
TransactionFile = {dir}/virtuoso-temp.trx
[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
DirsAllowed = .
[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {dir}
ServerThreads = 4
[SPARQL]
ResultSetMaxRows = 100000
MaxQueryExecutionTime = 60
"""


@dataclass
class Virtuoso:
    """A Virtuoso 7 server (Debian's virtuoso-opensource) on 127.0.0.1 with a throw-away database."""

    url: str
    process: subprocess.Popen

    @property
    def query_url(self) -> str:
        return self.url + "/sparql"

    def count(self, prefix: str) -> int:
        """Quads in the graphs whose name starts with `prefix`."""
        import requests

        query = (f'SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(STRSTARTS(STR(?g), "{prefix}")) }}')
        r = requests.post(self.query_url, data={"query": query}, timeout=30,
                          headers={"Accept": "application/sparql-results+json"})
        r.raise_for_status()
        return int(r.json()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="session")
def virtuoso(tmp_path_factory):
    """Virtuoso started once per session; skipped with a message where it is not installed."""
    import shutil
    import time

    import requests
    from publish_helpers import free_port

    program = shutil.which("virtuoso-t")
    if program is None:
        pytest.skip("Virtuoso is not installed (Debian: apt-get install virtuoso-opensource; ./scripts/test does it)")
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port = free_port()
    (folder / "virtuoso.ini").write_text(VIRTUOSO_INI.format(dir=folder, sql_port=free_port(), http_port=http_port),
                                         encoding="utf-8")
    process = subprocess.Popen([program, "-c", str(folder / "virtuoso.ini"), "+foreground"], cwd=folder,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    server = Virtuoso(f"http://127.0.0.1:{http_port}", process)
    deadline = time.monotonic() + 120
    while True:  # poll until it answers: a new database takes a few seconds to create
        try:
            if requests.get(server.query_url, params={"query": "ASK {}"}, timeout=2).ok:
                break
        except requests.ConnectionError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            log = (folder / "virtuoso.log").read_text(errors="replace")[-500:] if (folder / "virtuoso.log").exists() else ""
            pytest.fail(f"Virtuoso did not start: {log}")
        time.sleep(0.1)
    yield server
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)
