"""Fixtures of the batch tests: document folders, the CLI as a subprocess, worker processes."""
from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "safety"))  # hostile: the tiny PDF writer

from documents import deflate_bomb_pdf, endless_pdf, note_pdfs  # noqa: E402

REPO_ROOT = HERE.parent.parent
MD_SAMPLE = REPO_ROOT / "tests" / "samples" / "beslisnota-opvang-oekraine-2025.md"


def kenmerk(*args, cwd=None, timeout: float = 120, stdin=None, stderr=None) -> subprocess.CompletedProcess:
    """`python -m kenmerk.output.cli ARGS` (stderr is not a terminal)."""
    return subprocess.run([sys.executable, "-m", "kenmerk.output.cli", *map(str, args)], cwd=cwd,
                          input=stdin, capture_output=stderr is None, stderr=stderr, timeout=timeout, text=True)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def workers_of(pid: int) -> list[int]:
    """Worker processes started by process `pid` that are still alive."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"kenmerk.output.worker" in argv and b"--parent" in argv:
            if argv[argv.index(b"--parent") + 1] == str(pid).encode():
                found.append(int(entry.name))
    return found


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


def write(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


@pytest.fixture(autouse=True)
def _no_leftover_workers(request):
    """No test leaves a worker process of this test process behind (Dask tests: checked when the cluster closes)."""
    yield
    # a Dask cluster lives for the module (its worker threads keep their worker processes)
    if "cluster" not in request.fixturenames and not request.module.__name__.endswith("test_dask"):
        assert workers_of(os.getpid()) == [] or settle(os.getpid()) == []


def settle(pid: int) -> list[int]:
    import time

    for _ in range(50):
        alive = workers_of(pid)
        if not alive:
            return []
        time.sleep(0.1)
    return workers_of(pid)


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


def held_input(folder: Path, name: str = "held.txt") -> Path:
    """A named pipe: a batch input that holds its worker until the test opens it (`opened_by`)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    os.mkfifo(path)
    return path


def opened_by(fifo: Path, proc: subprocess.Popen, timeout: float = 120) -> int:
    """Wait until the batch `proc` opens `fifo` to read it (its documents before it are then done);
    return the writing end. Fails when the batch ends first."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO:  # ENXIO: no reader yet
                raise
        assert proc.poll() is None, f"the batch ended (exit {proc.returncode}) before it read {fifo.name}"
        assert time.monotonic() < deadline, f"the batch did not read {fifo.name} within {timeout:.0f} s"
        time.sleep(0.02)


def cpu_seconds_of(pid: int) -> float:
    """The CPU time process `pid` has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
