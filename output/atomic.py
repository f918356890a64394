"""Atomic file writes: a temporary file in the target folder, then a rename.

A write that fails (a full disk, no permission, a file too large) removes its temporary and
raises `OutputError`, a `KenmerkError` whose message is one line `path: reason` with the
operating system's own words ("no space left on device"), so every command reports it like
any other error (exit 1) and no half-written file is left behind. A temporary that a killed
process could not remove carries that process's id and is removed by the next writer of the
same target; one still open when the interpreter exits is removed then.

The file gets the mode any new file gets (0666 less the umask: 0644 under umask 022), so a web
server can serve a dump; `private=True` keeps it to its owner (0600), for caches and secrets.
"""
from __future__ import annotations

import errno
import os
import tempfile
import weakref
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Iterator, NoReturn

from kenmerk.extract.errors import OutputError

#: errors whose operating-system wording names the reason (checked in this order in a message
#: that carries no errno, such as RocksDB's "IO error: No space left on device: While appending …")
KNOWN_ERRNOS = tuple(getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EROFS", "EACCES", "EPERM", "EIO")
                     if hasattr(errno, name))  # EDQUOT is not on every system


def os_reason(exc: OSError) -> str:
    """The reason of an OSError in the system's own words, lower case: `no space left on device`."""
    text = exc.strerror
    if not text:
        message = str(exc)
        text = next((os.strerror(code) for code in KNOWN_ERRNOS if os.strerror(code) in message),
                    " ".join(message.split()) or type(exc).__name__)
    return text[:1].lower() + text[1:]


def output_error(path: str | os.PathLike[str], exc: OSError) -> OutputError:
    """`OutputError` for writing `path`, with the reason of `exc`."""
    return OutputError(os_reason(exc), path=str(path))


def file_mode(private: bool = False) -> int:
    """The mode of a written file: 0600 when `private`, else 0666 less the process's umask."""
    if private:
        return 0o600
    mask = os.umask(0o077)  # read it back at once (the brief value is the stricter one)
    os.umask(mask)
    return 0o666 & ~mask


def _temporary(target: Path, private: bool) -> tuple[int, str]:
    """A new temporary sibling of `target` (its name carries the process id), with the mode of `file_mode`."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".tmp", dir=target.parent)
    try:
        os.fchmod(fd, file_mode(private))  # mkstemp makes 0600
    except OSError:
        os.close(fd)
        _unlink(tmp)
        raise
    return fd, tmp


def _unlink(path: str | os.PathLike[str]) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass  # gone already; or left for the next writer of the target to clean


@contextmanager
def atomic_open(path: str | os.PathLike[str], mode: str = "wb", *, private: bool = False) -> Iterator[IO]:
    """Open a temporary sibling of `path`; on success it replaces `path`, on error it is removed.

    Raises OutputError when the file cannot be written. The mode is `file_mode(private)`.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = _temporary(target, private)
    except OSError as exc:
        raise output_error(target, exc) from None
    try:
        encoding = None if "b" in mode else "utf-8"
        with os.fdopen(fd, mode, encoding=encoding) as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        _unlink(tmp)
        raise output_error(target, exc) from None
    except BaseException:
        _unlink(tmp)
        raise


def write_atomic(path: str | os.PathLike[str], data: bytes, *, private: bool = False) -> None:
    """Write `data` to `path` so that readers never see a half-written file (OutputError when it fails)."""
    with atomic_open(path, "wb", private=private) as fh:
        fh.write(data)


class AtomicWriter:
    """Stream into a temporary sibling of `path`; `commit()` renames it into place, `discard()` drops it.

    Used as a context manager it commits on success and discards on an exception (Ctrl-C
    included). The temporary's name carries the process id (`.NAME.PID.XXXX.tmp`), so a
    later writer of the same target removes what a killed process (SIGKILL) left behind.
    A write, flush or commit that fails discards the temporary and raises OutputError. The
    file's mode is `file_mode(private)`.
    """

    def __init__(self, path: str | os.PathLike[str], mode: str = "w", *, private: bool = False) -> None:
        self.target = Path(path)
        try:
            self.target.parent.mkdir(parents=True, exist_ok=True)
            clean_stale_temporaries(self.target)
            fd, self.tmp = _temporary(self.target, private)
        except OSError as exc:
            raise output_error(self.target, exc) from None
        self.fh = os.fdopen(fd, mode, encoding=None if "b" in mode else "utf-8")
        self.closed = False
        self._at_exit = weakref.finalize(self, _unlink, self.tmp)  # neither committed nor discarded

    def write(self, data) -> int:
        try:
            return self.fh.write(data)
        except OSError as exc:
            self._fail(exc)

    def flush(self) -> None:
        try:
            self.fh.flush()
        except OSError as exc:
            self._fail(exc)

    def commit(self) -> None:
        if self.closed:
            return
        self.closed = True
        try:
            self.fh.flush()
            os.fsync(self.fh.fileno())
            self.fh.close()
            os.replace(self.tmp, self.target)
        except OSError as exc:
            self._remove()
            raise output_error(self.target, exc) from None
        except BaseException:
            self._remove()
            raise
        self._at_exit.detach()

    def discard(self) -> None:
        if self.closed:
            return
        self.closed = True
        self._remove()

    def _fail(self, exc: OSError) -> NoReturn:
        self.discard()
        raise output_error(self.target, exc) from None

    def _remove(self) -> None:
        try:
            self.fh.close()
        except OSError:
            pass  # the buffer could not be flushed: the temporary goes anyway
        finally:
            self._at_exit()

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
        if pid.isdigit() and int(pid) != os.getpid() and not process_alive(int(pid)):
            _unlink(entry.path)


def process_alive(pid: int) -> bool:
    """Whether process `pid` still runs (one of another user counts as running): the owner of a temporary."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
