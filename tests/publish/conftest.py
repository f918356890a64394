"""Fixtures for the publishing tests (helpers in `publish_helpers.py`)."""
from __future__ import annotations

import pytest
from publish_helpers import (  # noqa: F401 - workdir and oxigraph_server are fixtures
    BASE,
    INJECTION_TITLE,
    SHARED_VOCAB,
    make_note,
    oxigraph_server,
    six_notes,
    workdir,
)

from kenmerk.extract import Note
from kenmerk.output.config import PublishConfig


@pytest.fixture
def notes() -> list[Note]:
    """Six notes: two ministries, two months, Woo grounds, attachments, one injection-like title."""
    return six_notes()


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
