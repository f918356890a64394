"""Files for others are readable by others (issue 15, item 3): outputs honour the umask, the cache stays private."""
from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from kenmerk.output.atomic import AtomicWriter, write_atomic
from kenmerk.output.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NOTE_MD = SAMPLES / "beslisnota-opvang-oekraine-2025.md"
CATALOG = ["--base", "https://data.example.nl/id/", "--publisher", "mnre1090", "--licence", "cc0",
           "--contact-email", "open-data@example.nl", "--download-url", "https://data.example.nl/dl/"]


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_atomic_writes_take_the_umask_and_private_ones_do_not(tmp_path, umask_022):
    write_atomic(tmp_path / "a", b"x")
    with AtomicWriter(tmp_path / "b") as out:
        out.write("x")
    write_atomic(tmp_path / "c", b"x", private=True)
    assert (mode(tmp_path / "a"), mode(tmp_path / "b"), mode(tmp_path / "c")) == (0o644, 0o644, 0o600)
    os.umask(0o027)
    write_atomic(tmp_path / "d", b"x")
    assert mode(tmp_path / "d") == 0o640


def test_outputs_are_readable_by_others_under_umask_022(tmp_path, monkeypatch, umask_022):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / NOTE_MD.name).write_bytes(NOTE_MD.read_bytes())
    (tmp_path / "in" / "empty.txt").write_bytes(b"")  # a failure, for --errors
    assert main(["extract", "in", "-o", "notes.jsonl", "--errors", "errors.jsonl", "--cache", "cache", "-q",
                 "--jobs", "0"]) == 1
    assert main(["extract", str(NOTE_MD), "-o", "note.ttl"]) == 0
    assert main(["publish", "in", "--out", "site", "--gzip", "--per-note", "-q", *CATALOG]) == 1
    for name in ("notes.jsonl", "errors.jsonl", "note.ttl", "site/notes.nq.gz", "site/catalog.ttl"):
        assert mode(tmp_path / name) == 0o644, name
    per_note = [p for p in (tmp_path / "site").rglob("*") if p.is_file() and p.parent != tmp_path / "site"]
    assert per_note and {mode(p) for p in per_note} == {0o644}
    cached = [p for p in (tmp_path / "cache").rglob("*") if p.is_file()]
    assert cached and {mode(p) & 0o077 for p in cached} == {0}  # the cache is its owner's alone
