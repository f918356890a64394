"""Helpers for the linked-data tests: small documents in text form, hand-made notes, where documents are,
and a `kenmerk serve` subprocess (`start_serve`)."""
from __future__ import annotations

import datetime as dt
import os
import select
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from publish_helpers import BASE, INJECTION_TITLE, make_note, six_notes  # noqa: F401 - six_notes for the linked tests

from kenmerk.extract import Attachment, DocumentType, Note

#: where the tests say the documents are published (DiWoo <loc>, dcat:downloadURL)
DOCS = "https://open.example.nl/documenten/"

LETTER = """Ministerie van Financiën

Aan de Voorzitter van de Tweede Kamer der Staten-Generaal

Datum 12 maart 2024
Onderwerp Voortgang van de herziening van het belastingstelsel
Ons kenmerk 2024-0000012345

Geachte voorzitter,

Hierbij stuur ik u de voortgangsrapportage.

Hoogachtend,

de minister van Financiën
"""

REPORT = """Ministerie van Financiën

Voortgangsrapportage belastingstelsel

Datum 11 maart 2024
Ons kenmerk 2024-0000012346

Dit is de rapportage.
"""

UNDATED = """Nota aan de minister

Ons kenmerk: 2024-77

Onderwerp: Een nota zonder datum

Dit is de tekst.
"""


def write_documents(folder: Path) -> Path:
    """Three text documents: a dated letter, a dated report and a note without any date."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "brief.txt").write_text(LETTER, encoding="utf-8")
    (folder / "voortgangsrapportage-belastingstelsel.txt").write_text(REPORT, encoding="utf-8")
    (folder / "zonder-datum.txt").write_text(UNDATED, encoding="utf-8")
    return folder


def letter_with_attachment() -> tuple[Note, Note]:
    """A Kamerbrief listing a report as its attachment, and the report itself (a file of the same batch)."""
    letter = make_note(101, document_type=DocumentType.kamerbrief, decision=None, date=dt.date(2024, 3, 12),
                       attachments=())
    letter = letter.model_copy(update={"attachments": [Attachment(title="Bijlage 1: Voortgangsrapportage belastingstelsel",
                                                                  number=1)]})
    report = make_note(102, title="Voortgangsrapportage belastingstelsel", document_type=DocumentType.other,
                       decision=None, attachments=(), date=dt.date(2024, 3, 11))
    report = report.model_copy(update={"source": report.source.model_copy(
        update={"file_name": "voortgangsrapportage-belastingstelsel.pdf"})})
    return letter, report


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
