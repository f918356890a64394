"""Fixtures of the safety tests: hostile inputs, planted personal data, the CLI as a subprocess."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "publish"))  # publish_helpers: the real oxigraph server


def kenmerk(*args, cwd=None, timeout: float = 120, env=None, stdin=None) -> subprocess.CompletedProcess:
    """`python -m kenmerk.output.cli ARGS` in a subprocess (stderr is not a terminal)."""
    return subprocess.run([sys.executable, "-m", "kenmerk.output.cli", *map(str, args)], cwd=cwd, env=env,
                          input=stdin, capture_output=True, timeout=timeout, text=True)


@pytest.fixture
def cli():
    return kenmerk
