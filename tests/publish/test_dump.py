"""`kenmerk publish --out DIR`: deterministic, atomic dump files."""
from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
from publish_helpers import BASE, INJECTION_TITLE, write_notes

from kenmerk.output.cli import main
from kenmerk.output.dump import gzip_bytes, nquads_bytes


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """`kenmerk …` in a fresh process (a fresh hash seed each time)."""
    env = {**os.environ, "PYTHONHASHSEED": "random", "SOURCE_DATE_EPOCH": "1735689600"}
    return subprocess.run([sys.executable, "-m", "kenmerk.output.cli", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_dumps_are_byte_identical_across_runs(workdir, notes):
    write_notes(workdir / "in", notes)
    for out in ("a", "b"):
        r = run_cli("publish", "in", "--out", out, "--gzip", "--per-note", cwd=workdir)
        assert r.returncode == 0, r.stderr
    a, b = files_of(workdir / "a"), files_of(workdir / "b")
    assert sorted(a) == sorted(b)
    assert "notes.nq.gz" in a and "catalog.ttl" in a
    # --per-note: each note at its IRI's path, in the four forms kenmerk serve answers
    assert sum(k.startswith("id/note/") and k.endswith(".ttl") for k in a) == len(notes)
    assert sum(k.startswith("id/note/") for k in a) == 4 * len(notes)
    assert a == b


def test_trig_dumps_are_byte_identical_across_runs(workdir, notes):
    write_notes(workdir / "in", notes)
    for out in ("a", "b"):
        assert run_cli("publish", "in", "--out", out, "--format", "trig", cwd=workdir).returncode == 0
    assert files_of(workdir / "a") == files_of(workdir / "b")
    dataset = ox.Store()
    dataset.load(path=str(workdir / "a" / "notes.trig"))
    assert len(list(dataset.named_graphs())) == len(notes) + 1  # and the shared graph


def test_nquads_dump_is_sorted_and_round_trips(workdir, notes):
    write_notes(workdir / "in", notes)
    assert main(["publish", "in", "--out", "site", "-q"]) == 0
    data = (workdir / "site" / "notes.nq").read_bytes()
    lines = data.decode().splitlines()
    assert lines == sorted(lines) and len(lines) == len(set(lines))
    quads = list(ox.parse(data, format=ox.RdfFormat.N_QUADS))
    titles = {q.object.value for q in quads if q.predicate.value == "http://purl.org/dc/terms/title"}
    assert INJECTION_TITLE in titles
    assert {q.graph_name.value for q in quads} == {  # the note graphs and the shared graph
        q.subject.value for q in quads if q.object.value == "https://w3id.org/kenmerk/def#Note"} | {BASE + "shared"}
    assert not (workdir / "site" / "notes").exists()  # no per-note files unless asked


def test_gzip_has_no_time_stamp_or_name():
    data = gzip_bytes(b"<a:b> <a:c> <a:d> .\n")
    assert data[4:8] == b"\0\0\0\0"  # MTIME
    assert data[3] & 0x08 == 0  # no FNAME flag
    assert gzip.decompress(data) == b"<a:b> <a:c> <a:d> .\n"
    assert gzip_bytes(b"x") == gzip_bytes(b"x")


def test_nquads_bytes_sorts_and_deduplicates():
    g = ox.NamedNode("urn:g")
    q1 = ox.Quad(ox.NamedNode("urn:b"), ox.NamedNode("urn:p"), ox.Literal("2"), g)
    q2 = ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("x\ny"), g)
    assert nquads_bytes([q1, q2, q1]) == b'<urn:a> <urn:p> "x\\ny" <urn:g> .\n<urn:b> <urn:p> "2" <urn:g> .\n'


def test_failed_write_leaves_no_partial_file(workdir, notes):
    write_notes(workdir / "in", notes[:2])
    assert main(["publish", "in", "--out", "site", "-q"]) == 0
    before = (workdir / "site" / "notes.nq").read_bytes()
    leftovers = [p for p in (workdir / "site").iterdir() if p.name.startswith(".")]
    assert leftovers == []
    assert before.endswith(b" .\n")
