"""Fixtures of the batch tests: document folders, a Dask cluster, no worker left behind (helpers in
`batch_helpers.py`)."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from batch_helpers import settle, workers_of
from documents import deflate_bomb_pdf, endless_pdf, note_pdfs

MD_SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "beslisnota-opvang-oekraine-2025.md"


@pytest.fixture(scope="session")
def good_documents(make_fixtures_module) -> dict[str, bytes]:
    """Documents that extract: the two fixture PDFs, a Windows-1252 text note, the Markdown sample."""
    docs = dict(make_fixtures_module.document_pdfs())
    docs["windows-1252.txt"] = make_fixtures_module.WINDOWS_1252_NOTE.encode("cp1252")
    docs["opvang-oekraine.md"] = MD_SAMPLE.read_bytes()
    return docs


@pytest.fixture(scope="session")
def hostile(make_fixtures_module) -> dict[str, bytes]:
    """The three documents of the issue's bar: parser loops forever, not a PDF, encrypted."""
    bad = make_fixtures_module.bad_inputs(make_fixtures_module.beslisnota_pdf())
    return {"endless.pdf": endless_pdf(), "not-a-pdf.pdf": bad["not-a-pdf.pdf"],
            "encrypted.pdf": bad["encrypted.pdf"]}


@pytest.fixture(scope="session")
def bomb() -> bytes:
    return deflate_bomb_pdf(400)


@pytest.fixture(scope="session")
def many_notes(make_fixtures_module) -> dict[str, bytes]:
    return note_pdfs(make_fixtures_module, 16)


@pytest.fixture(autouse=True)
def _no_leftover_workers(request):
    """No test leaves a worker process of this test process behind (Dask tests: checked when the cluster closes)."""
    yield
    # a Dask cluster lives for the module (its worker threads keep their worker processes)
    if "cluster" not in request.fixturenames and not request.module.__name__.endswith("test_dask"):
        assert workers_of(os.getpid()) == [] or settle(os.getpid()) == []


@pytest.fixture(scope="module")
def cluster():
    """A real Dask cluster on 127.0.0.1 (one worker, two threads); skips without `distributed`."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", host="127.0.0.1",
                                  dashboard_address=None) as local:
        yield local
    # the worker processes the Dask worker threads started (for the time limit) end with the cluster
    import gc

    gc.collect()
    assert settle(os.getpid()) == []
