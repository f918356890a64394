"""Atomic file writes: a temporary file in the target folder, then a rename."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator


@contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "wb") -> Iterator[IO]:
    """Open a temporary sibling of `path`; on success it replaces `path`, on error it is removed."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write `data` to `path` so that readers never see a half-written file."""
    with atomic_open(path, "wb") as fh:
        fh.write(data)


class AtomicWriter:
    """Stream into a temporary sibling of `path`; `commit()` renames it into place, `discard()` drops it.

    Used as a context manager it commits on success and discards on an exception (Ctrl-C
    included). The temporary's name carries the process id (`.NAME.PID.XXXX.tmp`), so a
    later writer of the same target removes what a killed process (SIGKILL) left behind.
    """

    def __init__(self, path: str | os.PathLike[str], mode: str = "w") -> None:
        self.target = Path(path)
        self.target.parent.mkdir(parents=True, exist_ok=True)
        clean_stale_temporaries(self.target)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{self.target.name}.{os.getpid()}.", suffix=".tmp",
                                        dir=self.target.parent)
        self.fh = os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8")
        self.closed = False

    def write(self, data) -> int:
        return self.fh.write(data)

    def flush(self) -> None:
        self.fh.flush()

    def commit(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
            os.replace(self.tmp, self.target)
        except BaseException:
            self._remove()
            raise

    def discard(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            self.fh.close()
        finally:
            self._remove()

    def _remove(self) -> None:
        try:
            os.unlink(self.tmp)
        except FileNotFoundError:
            pass

    def __enter__(self) -> "AtomicWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.discard()


def clean_stale_temporaries(target: str | os.PathLike[str]) -> None:
    """Remove `.NAME.PID.*.tmp` siblings of `target` whose process is gone."""
    target = Path(target)
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        name = entry.name
        if not (name.startswith(prefix) and name.endswith(".tmp")):
            continue
        pid = name[len(prefix):].split(".", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
            continue  # still running
        except ProcessLookupError:
            pass
        except PermissionError:
            continue
        try:
            os.unlink(entry.path)
        except OSError:
            pass
