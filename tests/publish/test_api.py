"""The public API of `kenmerk.output.publish`: a change to `__all__` must be deliberate."""
from __future__ import annotations

from publish_helpers import write_notes

import kenmerk.output.publish as publish
from kenmerk.output.cli import main

EXPORTED = [
    "ConfigError",
    "INPUT_SUFFIXES",
    "OutputError",
    "PublishError",
    "PublishReport",
    "Publisher",
    "StoreBusy",
    "iter_inputs",
    "note_to_triples",
]


def test_all_is_pinned():
    assert sorted(publish.__all__) == EXPORTED
    for name in EXPORTED:
        assert hasattr(publish, name)


def test_out_needs_a_download_url(workdir, notes, capsys):
    text = (workdir / "kenmerk.toml").read_text()
    (workdir / "kenmerk.toml").write_text("\n".join(
        line for line in text.splitlines() if not line.startswith("download_url")))
    write_notes(workdir / "in", notes[:1])
    assert main(["publish", "in", "--out", "site"]) == 2
    assert capsys.readouterr().err.startswith("kenmerk: missing download_url: set it in ")
    assert not (workdir / "site").exists()
    assert main(["publish", "in", "--out", "site", "--download-url", "https://x.nl/dl/", "-q"]) == 0


def test_no_inputs_found(workdir, capsys):
    (workdir / "empty").mkdir()
    assert main(["publish", "empty", "--store", "s"]) == 1
    assert "no notes found in empty" in capsys.readouterr().err
