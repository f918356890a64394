"""The test suite runs in any order and anywhere (issue 15, item 10).

Helpers live in importable modules named for their folder (`batch_helpers`, `linked_helpers`, …),
never imported as `conftest` (every folder's conftest is called that, so `from conftest import …`
finds whichever pytest loaded last); `KENMERK_CORPUS` points the corpus tests at another copy.
"""
from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from shared_paths import CORPUS_ENV, SHARED, corpus_root

TESTS = Path(__file__).resolve().parent


def test_no_test_imports_a_conftest():
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [node.module] if isinstance(node, ast.ImportFrom) else \
                [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if any(name and name.split(".")[0] == "conftest" for name in names):
                found.append(f"{path.relative_to(TESTS)}:{node.lineno}")
    assert found == []


def test_kenmerk_corpus_points_the_corpus_tests_elsewhere(tmp_path, monkeypatch):
    monkeypatch.setenv(CORPUS_ENV, str(tmp_path))
    assert corpus_root() == tmp_path.resolve()
    monkeypatch.delenv(CORPUS_ENV)
    assert corpus_root() == SHARED / "corpus"


def test_batch_before_safety_collects():
    """The order that failed with 7 errors when tests/batch imported its helpers from `conftest`."""
    proc = subprocess.run([sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider",
                           "tests/batch", "tests/safety", "tests/linked"], cwd=TESTS.parent, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout[-2000:]
    assert "error" not in proc.stdout.splitlines()[-1], proc.stdout[-2000:]
