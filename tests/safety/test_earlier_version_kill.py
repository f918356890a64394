"""A SIGKILL while a corrected note replaces its earlier version in the embedded store leaves one version.

A correction of the date mints a new note IRI; publishing drops the earlier graph of the same document in
the transaction that writes the new one (`EmbeddedStore.replace_graphs(supersedes=…)`). The child is
killed, with the harness of `test_store_safety.py`, when it announces the first write and when that write
returned: every document then has exactly one note graph, its old or its new triples, never both or neither.
"""
from __future__ import annotations

import shutil
import signal

import pytest
from publish_helpers import make_note
from test_store_safety import CONFIG, Announcing, graph_sets, kill_at, notes_only

from kenmerk.output.corrections import Correction, Corrections
from kenmerk.output.publish import Publisher
from kenmerk.output.store import EmbeddedStore

NOTES = 12
BATCH = 4
CORRECTED = (1, 9)  # in the first and the last batch


def old_notes() -> list:
    return [make_note(i) for i in range(NOTES)]


def new_notes() -> list:
    """The same notes, the date of `CORRECTED` corrected by a reviewer."""
    notes = old_notes()
    for i in CORRECTED:
        sha = notes[i].source.sha256
        fix = Correction(document=sha, field="date", value="2024-04-02", by="A. Reviewer",
                         at="2025-01-07T10:12:00+01:00")
        notes[i] = Corrections(by_document={sha: {"date": fix}}).apply(notes[i])
    return notes


def publish(path, notes) -> None:
    with Publisher(CONFIG, store=path, batch_size=BATCH) as pub:
        for i, note in enumerate(notes):
            pub.add(f"n{i}", note)
    assert pub.report.ok


def republish(store_path: str, pipe) -> None:
    """The child: publish the corrected notes, announcing every write call of the store."""
    store = EmbeddedStore(store_path)
    store.store = Announcing(store.store, pipe)
    publish(store, new_notes())
    pipe.send_bytes(b"finished")


def by_document(graphs: dict) -> dict[str, list[frozenset[str]]]:
    """Source hash → the note graphs holding it."""
    found: dict[str, list[frozenset[str]]] = {}
    for triples in notes_only(graphs).values():
        sha = next(t.split('"')[1] for t in triples if "checksumValue" in t)
        found.setdefault(sha, []).append(triples)
    return found


@pytest.fixture(scope="module")
def versions(tmp_path_factory):
    """(store with the notes as extracted, their graphs by document, the corrected notes' graphs by document)."""
    root = tmp_path_factory.mktemp("versions")
    publish(root / "old", old_notes())
    before = by_document(graph_sets(root / "old"))
    publish(root / "new", new_notes())
    return root / "old", before, by_document(graph_sets(root / "new"))


@pytest.mark.parametrize("moment", [("update", 1), ("updated", 1)])
def test_sigkill_while_a_corrected_note_replaces_its_earlier_version_leaves_one_version(tmp_path, versions,
                                                                                        moment):
    old_store, before, after = versions
    call, nth = moment
    path = tmp_path / "store"
    shutil.copytree(old_store, path)
    assert kill_at(republish, path, call, nth, __name__) == -signal.SIGKILL
    now = by_document(graph_sets(path))
    assert set(now) == set(before)
    for sha, graphs in now.items():
        assert len(graphs) == 1, f"{sha[:12]}: {len(graphs)} note graphs of one document"
        assert graphs[0] in (before[sha][0], after[sha][0]), f"{sha[:12]}: neither the old version nor the new"
    corrected = {make_note(i).source.sha256 for i in CORRECTED}
    replaced = {sha for sha, graphs in now.items() if graphs[0] != before[sha][0]}
    assert replaced <= corrected
    if call == "updated":  # the first batch's write returned: its corrected note is the new version
        assert make_note(CORRECTED[0]).source.sha256 in replaced
