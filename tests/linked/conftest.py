"""Fixtures for the linked-data tests: a real `kenmerk serve` over a published store."""
from __future__ import annotations

import os
import select
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from publish_helpers import BASE, oxigraph_server, workdir  # noqa: F401 - fixtures


@dataclass
class Served:
    """A `kenmerk serve` subprocess: its base URL, store folder and process."""

    url: str
    store: Path
    process: subprocess.Popen

    def path_of(self, iri: str) -> str:
        """The server URL of a minted IRI (its path under the base's host)."""
        assert iri.startswith("https://data.example.nl/")
        return self.url + iri[len("https://data.example.nl"):]

    def stop(self) -> int:
        self.process.terminate()
        try:
            return self.process.wait(timeout=20)
        finally:
            self.process.stderr.close()


def start_serve(store: Path, *args: str, cwd: Path | None = None) -> Served:
    """Start `kenmerk serve --port 0` and wait for the line that says where it listens (no fixed sleep)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kenmerk.output.cli", "serve", "--store", str(store), "--base", BASE, "--port", "0",
         *args], cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True,
        env={k: v for k, v in os.environ.items() if not k.startswith("KENMERK_")})
    ready, _, _ = select.select([process.stderr], [], [], 60)
    line = process.stderr.readline() if ready else ""
    if "serving" not in line:
        process.kill()
        raise RuntimeError(f"kenmerk serve did not start: {line!r} {process.stderr.read()!r}")
    url = line.split(" at ", 1)[1].split("/ ", 1)[0]
    return Served(url, store, process)


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
