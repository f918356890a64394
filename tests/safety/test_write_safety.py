"""Writes that fail, and a cache that was tampered with.

Regression for issue 13, items 6 and 7: a full disk gave a traceback for `-o`, `--errors` and
`publish --out`; a truncated or edited cache entry was served as output with exit 0.
The full disk is a real tmpfs mounted for the test (skipped where mounting is not allowed).
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from publish_helpers import make_note, workdir, write_notes  # noqa: F401 - workdir is a fixture

from kenmerk.output.atomic import OutputError, write_atomic
from kenmerk.output.cli import main

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


@pytest.fixture
def full_disk(tmp_path):
    """A 1 MiB tmpfs with no space left. Skips where mounting is not allowed."""
    mount = shutil.which("mount")
    folder = tmp_path / "disk"
    folder.mkdir()
    if mount is None:
        pytest.skip("no mount command")
    done = subprocess.run([mount, "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(folder)], capture_output=True,
                          text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
    (folder / "out").mkdir()
    with open(folder / "filler", "wb", buffering=0) as fh:
        try:
            while True:
                fh.write(b"\0" * 65536)
        except OSError:
            pass
        try:
            while True:
                fh.write(b"\0")
        except OSError:
            pass
    try:
        yield folder / "out"
    finally:
        subprocess.run([shutil.which("umount") or "umount", "-l", str(folder)], capture_output=True)


def only_error_line(err: str, path: Path) -> None:
    lines = [line for line in err.splitlines() if line.strip()]
    assert f"kenmerk: {path}: no space left on device" in lines, lines
    assert "Traceback" not in err


def test_extract_to_a_full_disk_is_one_line_and_leaves_nothing(full_disk, capsys):
    target = full_disk / "notes.jsonl"
    assert main(["extract", str(SAMPLES / "beslisnota-opvang-oekraine-2025.md"), "-o", str(target),
                 "--format", "jsonl"]) == 1
    only_error_line(capsys.readouterr().err, target)
    assert list(full_disk.iterdir()) == []
    target = full_disk / "notes.ttl"
    assert main(["extract", str(SAMPLES / "beslisnota-opvang-oekraine-2025.md"), "-o", str(target),
                 "--format", "turtle"]) == 1
    only_error_line(capsys.readouterr().err, target)
    assert list(full_disk.iterdir()) == []


def test_errors_file_on_a_full_disk_is_one_line(full_disk, tmp_path, capsys):
    (tmp_path / "broken.pdf").write_bytes(b"not a pdf")
    target = full_disk / "errors.jsonl"
    assert main(["extract", str(tmp_path / "broken.pdf"), "--errors", str(target), "--jobs", "0"]) == 1
    only_error_line(capsys.readouterr().err, target)
    assert list(full_disk.iterdir()) == []


def test_publish_out_on_a_full_disk_is_one_line(full_disk, workdir, capsys):
    write_notes(workdir / "in", [make_note(i) for i in range(5)])
    assert main(["publish", "in", "--out", str(full_disk / "site"), "--per-note", "-q"]) == 1
    err = capsys.readouterr().err
    assert "no space left on device" in err and "Traceback" not in err and len(err.splitlines()) == 1
    leftovers = [p for p in (full_disk / "site").rglob("*") if p.is_file()]
    assert leftovers == []


def test_other_write_errors_are_one_line_in_the_systems_own_words(workdir):
    """A file size limit (EFBIG) and a folder that is a file (EEXIST): the same one line, nothing left."""
    write_notes(workdir / "in", [make_note(i) for i in range(5)])
    script = ("import resource, signal, sys; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
              "resource.setrlimit(resource.RLIMIT_FSIZE, (2000, 2000)); "
              "from kenmerk.output.cli import main; sys.exit(main(sys.argv[1:]))")
    done = subprocess.run([sys.executable, "-c", script, "publish", "in", "--out", "site", "-q"], cwd=workdir,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr == "kenmerk: site/notes.nq: file too large\n"
    assert [p for p in (workdir / "site").rglob("*") if p.is_file()] == []
    (workdir / "file").write_text("not a folder")
    with pytest.raises(OutputError) as info:
        write_atomic(workdir / "file" / "x.nq", b"data")
    assert str(info.value) == f"{workdir / 'file' / 'x.nq'}: file exists"


# -- a cache entry that was tampered with ------------------------------------------------------------


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in cache.rglob("*.json") if p.parent.name != "tmp" and "ocr" not in p.parts)


def _extract(args: list[str], capsys) -> tuple[int, str, str]:
    code = main(["extract", *args, "--format", "jsonl", "--jobs", "0", "--ordered"])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("damage", ["truncated", "bogus document type", "another document's entry",
                                    "header only"])
def test_a_damaged_cache_entry_is_recomputed_and_replaced(tmp_path, capsys, damage):
    docs = tmp_path / "in"
    docs.mkdir()
    shutil.copy(SAMPLES / "beslisnota-opvang-oekraine-2025.md", docs / "a.md")
    (docs / "b.md").write_text("Ons kenmerk 2024-123\n\nNota aan de minister\n\nOnderwerp: iets anders\n")
    reference = _extract([str(docs)], capsys)
    cache = tmp_path / "cache"
    first = _extract([str(docs), "--cache", str(cache)], capsys)
    assert first[:2] == reference[:2]
    a, b = _entries(cache)
    good = a.read_text(encoding="utf-8")
    head, note = good.split("\n", 1)
    if damage == "truncated":
        a.write_text(good[: len(good) // 2], encoding="utf-8")
    elif damage == "bogus document type":
        data = json.loads(note)
        data["document_type"] = "BOGUS-" + "x" * 20
        a.write_text(head + "\n" + json.dumps(data) + "\n", encoding="utf-8")
    elif damage == "another document's entry":
        a.write_text(b.read_text(encoding="utf-8"), encoding="utf-8")
    else:
        a.write_text(head, encoding="utf-8")
    code, out, err = _extract([str(docs), "--cache", str(cache)], capsys)
    assert (code, out) == reference[:2]  # valid JSON Lines, equal to a run without the cache
    warnings = [line for line in err.splitlines() if "bad cache entry" in line]
    assert len(warnings) == 1 and warnings[0].startswith(f"kenmerk: warning: {a}: bad cache entry ("), err
    assert a.read_text(encoding="utf-8") == good  # written anew
    code, out, err = _extract([str(docs), "--cache", str(cache)], capsys)
    assert (code, out) == reference[:2] and "bad cache entry" not in err and "2 unchanged, from the cache" in err
