"""Fixtures of the safety tests: hostile inputs, planted personal data, the CLI as a subprocess."""
from __future__ import annotations

import subprocess
import sys

import pytest


def kenmerk(*args, cwd=None, timeout: float = 120, env=None, stdin=None) -> subprocess.CompletedProcess:
    """`python -m kenmerk.output.cli ARGS` in a subprocess (stderr is not a terminal)."""
    return subprocess.run([sys.executable, "-m", "kenmerk.output.cli", *map(str, args)], cwd=cwd, env=env,
                          input=stdin, capture_output=True, timeout=timeout, text=True)


@pytest.fixture
def cli():
    return kenmerk
