"""A `--cache` folder on a full disk: one warning line, no temporaries, the output whole.

Issue 13, item 5: every write path says `path: no space left on device` in one line. The
cache wrote a line per document ("cache not written for X: No space left on device"), so a
batch of thousands on a full disk flooded stderr. The full disk is a real tmpfs mounted for
the test (skipped where mounting is not allowed); the command runs as a user runs it.
"""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture
def full_disk(tmp_path):
    """A 512 KiB tmpfs, filled up. Skips where mounting is not allowed."""
    folder = tmp_path / "disk"
    folder.mkdir()
    mount = shutil.which("mount")
    if mount is None:
        pytest.skip("no mount command")
    done = subprocess.run([mount, "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(folder)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    (folder / "cache").mkdir()
    with open(folder / "filler", "wb", buffering=0) as fh:
        for size in (65536, 1):
            try:
                while True:
                    fh.write(b"\0" * size)
            except OSError:
                pass
    try:
        yield folder / "cache"
    finally:
        subprocess.run([shutil.which("umount") or "umount", "-l", str(folder)], capture_output=True)


def test_a_cache_on_a_full_disk_is_one_warning_line_and_the_output_is_whole(full_disk, tmp_path, cli):
    docs = tmp_path / "in"
    docs.mkdir()
    shutil.copy(SAMPLES / "beslisnota-opvang-oekraine-2025.md", docs / "a.md")
    for i in range(3):
        (docs / f"b{i}.md").write_text(f"Ons kenmerk 2024-12{i}\n\nNota aan de minister\n\nOnderwerp: iets {i}\n")
    reference = cli("extract", docs, "--ordered", "--jobs", "1")
    run = cli("extract", docs, "--ordered", "--jobs", "1", "--cache", full_disk)
    assert (run.returncode, run.stdout) == (reference.returncode, reference.stdout) == (0, reference.stdout)
    warnings = [line for line in run.stderr.splitlines() if "warning" in line]
    assert warnings == [f"kenmerk: warning: {full_disk}: no space left on device "
                        "(results are not cached from here on)"], run.stderr
    assert "Traceback" not in run.stderr
    assert [p for p in full_disk.rglob("*") if p.is_file()] == []  # no entry, no temporary
