"""Fixtures for the publishing tests (helpers in `publish_helpers.py`)."""
from __future__ import annotations

import datetime as dt

import pytest

from kenmerk.extract import DocumentType, Note
from kenmerk.output.config import PublishConfig
from publish_helpers import (  # noqa: F401 - workdir and oxigraph_server are fixtures
    BASE, INJECTION_TITLE, SHARED_VOCAB, make_note, oxigraph_server, workdir,
)


@pytest.fixture
def notes() -> list[Note]:
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


@pytest.fixture
def config() -> PublishConfig:
    return PublishConfig(base=BASE, publisher="mnre1090", licence="cc0", contact_email="open-data@example.nl",
                         contact_name="Team Open Data", download_url="https://data.example.nl/downloads/")


@pytest.fixture(scope="session")
def dcat_shapes():
    """DCAT-AP 3.0.1 and DCAT-AP-NL 3.0 shapes from ../shared (skips when absent)."""
    from rdflib import Graph, Literal

    if not SHARED_VOCAB.is_dir():
        pytest.skip(f"shared vocabulary files not found at {SHARED_VOCAB}")
    shapes = Graph()
    for name in (
        "dcat-ap-3.0.1/shapes.ttl",
        "dcat-ap-3.0.1/range.ttl",
        "dcat-ap-3.0.1/mdr-vocabularies.shape.ttl",
        "dcat-ap-nl-3.0/dcat-ap-nl-SHACL.ttl",
        "dcat-ap-nl-3.0/dcat-ap-nl-SHACL-klassebereik.ttl",
        "dcat-ap-nl-3.0/dcat-ap-nl-SHACL-klassebereik-codelijsten.ttl",
    ):
        path = SHARED_VOCAB / name
        if not path.is_file():
            pytest.skip(f"missing shapes file {path}")
        shapes.parse(path, format="turtle")
    # DCAT-AP 3.0.1's mdr-vocabularies shape wants the checksum algorithm to match ^https://spdx.org/rdf/terms,
    # while SPDX mints http://spdx.org/rdf/terms#checksumAlgorithm_sha256 (and the same shape's class is http://):
    # the pattern is dropped, the class check stays
    from rdflib.namespace import SH
    shapes.remove((None, SH.pattern, Literal("^https://spdx.org/rdf/terms")))
    return shapes
