"""Helpers for the publishing tests: hand-made notes, a config, a real `oxigraph serve`.

The notes are valid `Note` instances built here, so these tests do not depend
on how well extraction works. The server is the real Oxigraph server (the
`oxigraph` package), started on 127.0.0.1 at a free port with a temporary
store folder, and stopped at teardown.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from kenmerk.extract import (
    Attachment,
    DocumentType,
    Note,
    Organisation,
    RecommendedDecision,
    Source,
    WooGround,
)
from kenmerk.output.gsp import GraphStoreClient, RetryPolicy, Timeouts

REPO_ROOT = Path(__file__).resolve().parents[2]
SHARED_VOCAB = (REPO_ROOT / ".." / "shared" / "vocab" / "files").resolve()
BASE = "https://data.example.nl/id/"
INJECTION_TITLE = '"} ; DROP ALL ; #\n<b>Titel</b> met > en\nnieuwe regels'

CONFIG_TOML = f"""
[publish]
base = "{BASE}"
publisher = "mnre1090"
licence = "cc0"
contact_email = "open-data@example.nl"
contact_name = "Team Open Data"
download_url = "https://data.example.nl/downloads/"
"""


def make_note(
    n: int,
    *,
    title: str | None = None,
    kenmerk: str | None = None,
    date: dt.date = dt.date(2024, 3, 1),
    organisation: str = "Ministerie van Financiën",
    document_type: DocumentType = DocumentType.beslisnota,
    decision: str | None = "Akkoord gaan met het voorstel.",
    attachments: tuple[str, ...] = ("Bijlage A",),
    grounds: tuple[str, ...] = (),
) -> Note:
    """A valid note; `n` makes its source (and so its IRI) unique."""
    sha = hashlib.sha256(f"note-{n}".encode()).hexdigest()
    return Note(
        extractor="kenmerk-test",
        document_type=document_type,
        title=title or f"Nota nummer {n}",
        kenmerk=kenmerk or f"2024-{n:010d}",
        date=date,
        organisation=Organisation(name=organisation, units=["Directie Financiering"]),
        recommended_decision=RecommendedDecision(text=decision, heading="Geadviseerd besluit") if decision else None,
        attachments=[Attachment(title=t, number=i) for i, t in enumerate(attachments, 1)],
        woo_grounds=[WooGround(code=c, law="Woo", pages=[1]) for c in grounds],
        source=Source(file_name=f"nota-{n}.pdf", sha256=sha, media_type="application/pdf", size=1000 + n,
                      page_count=2),
    )


def write_notes(folder: Path, notes: list[Note]) -> Path:
    """One JSON file per note (as `kenmerk extract --format json` writes) in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    for i, note in enumerate(notes, 1):
        (folder / f"note-{i:02d}.json").write_text(note.model_dump_json(indent=2), encoding="utf-8")
    return folder


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class OxigraphServer:
    """A real `oxigraph serve` process on 127.0.0.1."""

    location: Path
    port: int = 0
    process: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def query_url(self) -> str:
        return f"{self.base}/query"

    @property
    def gsp_url(self) -> str:
        return f"{self.base}/store"

    def start(self, timeout: float = 30.0) -> None:
        self.port = self.port or free_port()
        program = Path(sys.executable).parent / "oxigraph"  # the `oxigraph` package's server, a test dependency
        command = [str(program) if program.is_file() else "oxigraph", "serve", "--location", str(self.location),
                   "--bind", f"127.0.0.1:{self.port}", "--union-default-graph"]
        self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"oxigraph serve exited with {self.process.returncode}")
            try:
                if requests.get(self.query_url, params={"query": "ASK {}"}, timeout=1).ok:
                    return
            except requests.ConnectionError:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("oxigraph serve did not answer in time")

    def kill(self) -> None:
        """SIGKILL, as a crash would."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def client(self, **kwargs) -> GraphStoreClient:
        kwargs.setdefault("retry", RetryPolicy(attempts=2, backoff=0.05))
        kwargs.setdefault("timeouts", Timeouts(connect=2, read=10))
        return GraphStoreClient(self.gsp_url, self.query_url, **kwargs)

    def count(self, graph: str | None = None) -> int:
        """Number of triples in all named graphs, or in one."""
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        r = requests.post(self.query_url, data=f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}".encode(),
                          headers={"Content-Type": "application/sparql-query",
                                   "Accept": "application/sparql-results+json"}, timeout=10)
        r.raise_for_status()
        return int(r.json()["results"]["bindings"][0]["n"]["value"])


# -- fixtures shared by tests/publish and tests/safety (import them into a conftest or test module) --


@pytest.fixture
def workdir(tmp_path, monkeypatch) -> Path:
    """A temporary current folder with a kenmerk.toml, no credentials or store from the environment."""
    (tmp_path / "kenmerk.toml").write_text(CONFIG_TOML, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for var in ("KENMERK_STORE", "KENMERK_USER", "KENMERK_PASSWORD", "KENMERK_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("NETRC", str(tmp_path / "no-netrc"))
    return tmp_path


@pytest.fixture
def oxigraph_server(tmp_path):
    """A running `oxigraph serve` with a temporary store; stopped at teardown."""
    server = OxigraphServer(tmp_path / "server-store")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def six_notes() -> list[Note]:
    """Six notes: two ministries, two months, Woo grounds, attachments, one injection-like title."""
    return [
        make_note(1, date=dt.date(2024, 1, 15), decision="Instemmen met de begroting.",
                  attachments=("Begroting 2024", "Toelichting")),
        make_note(2, date=dt.date(2024, 2, 10), grounds=("5.1.2e", "5.2")),
        make_note(3, date=dt.date(2024, 5, 20), organisation="Ministerie van Volksgezondheid, Welzijn en Sport",
                  decision="Kennisnemen van de voortgang."),
        make_note(4, document_type=DocumentType.kamerbrief, decision=None, grounds=("5.1.2e",), attachments=()),
        make_note(5, date=dt.date(2023, 12, 1), decision="Niet instemmen."),
        make_note(6, title=INJECTION_TITLE, kenmerk='X"} ; DROP ALL ; #', decision=INJECTION_TITLE),
    ]
