"""Re-publishing into the embedded store: a SIGKILL or a full disk leaves every note old or new.

Regression for issue 13, items 1 and 2: `replace_graphs` removed every graph of a batch and
then bulk-loaded the batch, so a kill (or ENOSPC) in between lost notes that were published.

The kills are real SIGKILLs of a child process, sent when the child announces (through a
pipe) that it starts or ends a write call of the store, so they land inside or right after
the transaction of a batch, at ten different moments of the run. The full disk is a real
tmpfs, mounted for the test (skipped where mounting is not allowed).
"""
from __future__ import annotations

import multiprocessing
import os
import shutil
import signal
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from publish_helpers import BASE, make_note, write_notes

from kenmerk.output.cli import main
from kenmerk.output.config import PublishConfig
from kenmerk.output.publish import Publisher
from kenmerk.output.store import EmbeddedStore

CONFIG = PublishConfig(base=BASE, publisher="mnre1090", licence="cc0", contact_email="open-data@example.nl")
NOTES = 72
BATCH = 8
#: (write call, which one): the moments at which the re-publishing child is killed
KILLS = [("update", 1), ("update", 3), ("update", 6), ("update", 11), ("updated", 2), ("updated", 5),
         ("extend", 1), ("extend", 4), ("extended", 2), ("extended", 7)]


def old_notes() -> list:
    return [make_note(i) for i in range(NOTES)]


def new_notes() -> list:
    """The same notes changed (new title and decision), with a note never published before every sixth."""
    changed = [make_note(i, title=f"Nota nummer {i}, herzien", decision="Niet instemmen.") for i in range(NOTES)]
    for k in range(0, NOTES, 6):
        changed.insert(k + k // 6, make_note(10_000 + k))
    return changed


class Announcing:
    """A pyoxigraph Store that tells a pipe the name of each write call before and after making it."""

    def __init__(self, store: ox.Store, pipe) -> None:
        self._store, self._pipe = store, pipe

    def __getattr__(self, name: str):
        return getattr(self._store, name)

    def __len__(self) -> int:
        return len(self._store)

    def update(self, text: str) -> None:
        self._pipe.send_bytes(b"update")
        self._store.update(text)
        self._pipe.send_bytes(b"updated")

    def extend(self, quads) -> None:
        self._pipe.send_bytes(b"extend")
        self._store.extend(quads)
        self._pipe.send_bytes(b"extended")


def republish(store_path: str, pipe) -> None:
    """The child: publish the changed notes into the store, announcing every write call."""
    store = EmbeddedStore(store_path)
    store.store = Announcing(store.store, pipe)
    with Publisher(CONFIG, store=store, batch_size=BATCH) as pub:
        for i, note in enumerate(new_notes()):
            pub.add(f"n{i}", note)
    pipe.send_bytes(b"finished")


def graph_sets(path: Path) -> dict[str, frozenset[str]]:
    """Triples per named graph of the store at `path` (opened read-write: the next publish would do so)."""
    with EmbeddedStore(path) as store:
        graphs: dict[str, set[str]] = {}
        for q in store.quads():
            graphs.setdefault(q.graph_name.value, set()).add(f"{q.subject} {q.predicate} {q.object}")
    return {g: frozenset(t) for g, t in graphs.items()}


def publish(path: Path, notes: list) -> None:
    with Publisher(CONFIG, store=path, batch_size=BATCH) as pub:
        for i, note in enumerate(notes):
            pub.add(f"n{i}", note)
    assert pub.report.ok


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """(old store folder, triples per note graph before, after the re-publish)."""
    root = tmp_path_factory.mktemp("versions")
    publish(root / "old", old_notes())
    before = graph_sets(root / "old")
    publish(root / "new", new_notes())
    after = graph_sets(root / "new")
    return root / "old", before, after


def notes_only(graphs: dict) -> dict:
    return {g: t for g, t in graphs.items() if "catalog" not in g and not g.endswith("/shared")}


def check_every_note_old_or_new(path: Path, before: dict, after: dict) -> tuple[int, int]:
    """Each note graph is exactly its old or its new triples, and no published note is missing.

    Returns how many notes are old and how many new.
    """
    now = graph_sets(path)
    old = new = 0
    for iri in notes_only({**before, **after}):
        got = now.get(iri)
        assert got is not None or iri not in before, f"{iri}: a published note vanished"
        assert got in (before.get(iri), after[iri]), f"{iri}: neither old nor new ({len(got)} triples)"
        if got == after[iri]:
            new += 1
        elif got is not None:
            old += 1
    return old, new


def kill_at(target, path: Path, call: str, nth: int, module: str) -> int | None:
    """Run `target(str(path), pipe)` in a child of the forkserver (a process that never opened RocksDB, with
    `module` preloaded), SIGKILL it once it has announced `call` `nth` times; its exit code."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["kenmerk.output.publish", module])
    reader, writer = context.Pipe(duplex=False)
    child = context.Process(target=target, args=(str(path), writer))
    child.start()
    writer.close()
    seen = 0
    while seen < nth:
        seen += reader.recv_bytes() == call.encode()  # EOFError if the child ends first
    os.kill(child.pid, signal.SIGKILL)
    child.join()
    reader.close()
    return child.exitcode


def test_sigkill_at_ten_moments_of_a_republish_leaves_every_note_whole(tmp_path, versions):
    old_store, before, after = versions
    outcomes = []
    for n, (call, nth) in enumerate(KILLS):
        path = tmp_path / f"store-{n}"
        shutil.copytree(old_store, path)
        exitcode = kill_at(republish, path, call, nth, __name__)
        assert exitcode == -signal.SIGKILL, f"{call} #{nth}: the child ended before the kill"
        outcomes.append(check_every_note_old_or_new(path, before, after))
    # the kills landed at different points of the run: the stores hold different numbers of new notes
    assert len({new for _, new in outcomes}) >= 5, outcomes
    # and running again finishes the job
    publish(tmp_path / "store-0", new_notes())
    assert notes_only(graph_sets(tmp_path / "store-0")) == notes_only(after)


# -- a full disk ------------------------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path):
    """An 8 MiB tmpfs: a real file system that fills up. Skips where mounting is not allowed."""
    mount = shutil.which("mount")
    folder = tmp_path / "disk"
    folder.mkdir()
    if mount is None:
        pytest.skip("no mount command")
    done = subprocess.run([mount, "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(folder)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run([shutil.which("umount") or "umount", "-l", str(folder)], capture_output=True)


def fill(folder: Path, leave: int) -> Path:
    """Fill the file system of `folder` but for about `leave` bytes; the filler file."""
    filler = folder / "filler"
    with open(filler, "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
        except OSError:
            pass
    os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


def test_full_disk_during_a_republish_loses_no_note_and_says_so_in_one_line(small_disk, tmp_path, versions,
                                                                            monkeypatch, capsys):
    old_store, before, after = versions
    store = small_disk / "store"
    shutil.copytree(old_store, store)
    notes_dir = write_notes(tmp_path / "in", new_notes())
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kenmerk.toml").write_text(
        f'[publish]\nbase = "{BASE}"\npublisher = "mnre1090"\nlicence = "cc0"\ncontact_email = "a@example.nl"\n')
    filler = fill(small_disk, leave=400_000)
    assert main(["publish", str(notes_dir), "--store", str(store), "--batch-size", str(BATCH), "-q"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert any(line.endswith(f"not published: {store}: no space left on device") for line in err), err[:3]
    assert err[-1].startswith("kenmerk: stopped: 20 notes in a row were not published (--max-failures 20)")
    assert all(": " in line and "Traceback" not in line for line in err)
    filler.unlink()  # room to open the store read-write again
    old, _ = check_every_note_old_or_new(store, before, after)
    assert old  # the notes of the batches that did not go in are still there, as they were
    assert main(["publish", str(notes_dir), "--store", str(store), "-q"]) == 0
    assert notes_only(graph_sets(store)) == notes_only(after)
