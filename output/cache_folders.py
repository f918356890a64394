"""The folders of a `--cache DIR`, one per extractor version: which one is this extractor's
(`extractor_fingerprint`), the others' (`other_versions`, `prune_other_versions`: `--prune-cache`),
and the temporaries a killed process left in one (`clean_stale`).

Kept apart from the entries (`kenmerk.output.cache`), so the batch's parent process, which
only names and tidies the folder, starts without the models the entries are checked with.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
from pathlib import Path

from kenmerk.output.atomic import output_error, process_alive

__all__ = ["clean_stale", "extractor_fingerprint", "other_versions", "prune_other_versions", "result_folder"]

FORMAT = 1
"""The layout of an entry (`kenmerk.output.cache`); part of the fingerprint."""


def extractor_fingerprint() -> str:
    """Hash of the extractor: kenmerk version, pdfminer.six version, the kenmerk.extract sources.

    Read afresh on each call (some 5 ms): a batch takes it once (`BatchOptions.work_options`)
    and hands it to its workers."""
    import kenmerk.extract as extract_pkg
    from kenmerk.extract import __version__

    try:
        from importlib.metadata import version

        pdfminer_version = version("pdfminer.six")
    except Exception:  # pragma: no cover - not installed as a distribution
        pdfminer_version = "?"
    digest = hashlib.sha256()
    digest.update(f"cache-format {FORMAT}\nkenmerk {__version__}\npdfminer.six {pdfminer_version}\n".encode())
    root = Path(extract_pkg.__file__).resolve().parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and path.suffix not in (".pyc", ".pyo") and "__pycache__" not in path.parts:
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return f"{__version__.replace('+', '_')}-{digest.hexdigest()[:16]}"


#: a result folder's name: "<kenmerk version>-<16 hex of the extractor>[-personal][-<settings>]"
_FOLDER = re.compile(r"^[\w.]+-[0-9a-f]{16}(?:-[\w]+)*$")


def other_versions(root: str | os.PathLike[str]) -> list[tuple[Path, int]]:
    """The result folders in `root` of extractor versions other than this one, with their bytes."""
    this = extractor_fingerprint()
    found = []
    try:
        folders = sorted(Path(root).iterdir())
    except OSError:
        return []
    for folder in folders:
        name = folder.name
        if not folder.is_dir() or folder.is_symlink() or not _FOLDER.match(name):
            continue
        if name == this or name.startswith(this + "-"):
            continue
        size = sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())
        found.append((folder, size))
    return found


def prune_other_versions(root: str | os.PathLike[str]) -> tuple[int, int]:
    """Remove the result folders of other extractor versions; returns (folders, bytes) removed."""
    folders = removed = 0
    for folder, size in other_versions(root):
        shutil.rmtree(folder, ignore_errors=True)
        if not folder.exists():
            folders += 1
            removed += size
    return folders, removed


def result_folder(root: str | os.PathLike[str], fingerprint: str) -> Path:
    """`root/<fingerprint>`, made with its `tmp/` folder for temporaries; an `OutputError` naming `root`
    when it cannot be made."""
    folder = Path(root) / fingerprint
    try:
        (folder / "tmp").mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(root, exc) from None
    return folder


def clean_stale(folder: Path) -> int:
    """Remove the temporaries in `folder/tmp` of processes that are gone (a worker killed mid-write)."""
    removed = 0
    for path in (folder / "tmp").iterdir():
        pid = path.name.split("-", 1)[0]
        if pid.isdigit() and not process_alive(int(pid)):
            try:
                path.unlink()
                removed += 1
            except OSError:
                pass
    return removed
