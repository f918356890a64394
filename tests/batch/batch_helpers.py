"""Helpers of the batch tests: the CLI as a subprocess, its JSON Lines, its worker processes, held inputs.

A module of its own, not the folder's conftest: every folder's conftest is called "conftest",
so `from conftest import …` finds whichever folder's conftest pytest loaded last.
"""
from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from pathlib import Path


def kenmerk(*args, cwd=None, timeout: float = 120, stdin=None, stderr=None) -> subprocess.CompletedProcess:
    """`python -m kenmerk.output.cli ARGS` (stderr is not a terminal)."""
    return subprocess.run([sys.executable, "-m", "kenmerk.output.cli", *map(str, args)], cwd=cwd,
                          input=stdin, capture_output=stderr is None, stderr=stderr, timeout=timeout, text=True)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def workers_of(pid: int) -> list[int]:
    """Worker processes started by process `pid` that are still alive."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            argv = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"kenmerk.output.worker" in argv and b"--parent" in argv:
            if argv[argv.index(b"--parent") + 1] == str(pid).encode():
                found.append(int(entry.name))
    return found


def settle(pid: int) -> list[int]:
    """The workers of `pid` still alive after waiting up to 5 s for them to end."""
    for _ in range(50):
        alive = workers_of(pid)
        if not alive:
            return []
        time.sleep(0.1)
    return workers_of(pid)


def write(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def held_input(folder: Path, name: str = "held.txt") -> Path:
    """A named pipe: a batch input that holds its worker until the test opens it (`opened_by`)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    os.mkfifo(path)
    return path


def opened_by(fifo: Path, proc: subprocess.Popen, timeout: float = 120) -> int:
    """Wait until the batch `proc` opens `fifo` to read it (its documents before it are then done);
    return the writing end. Fails when the batch ends first."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            return os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO:  # ENXIO: no reader yet
                raise
        assert proc.poll() is None, f"the batch ended (exit {proc.returncode}) before it read {fifo.name}"
        assert time.monotonic() < deadline, f"the batch did not read {fifo.name} within {timeout:.0f} s"
        time.sleep(0.02)


def cpu_seconds_of(pid: int) -> float:
    """The CPU time process `pid` has used so far (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
