"""The API reference: its examples run, and `scripts/docs` writes it with pdoc (issue 15, item 9).

The reference covers the public names of `kenmerk.extract` and `kenmerk.output`; every example
(`>>>`) in their docstrings and in the docstrings of those names is run here, in a folder whose
`nota.pdf` is the sample beslisnota the examples read.
"""
from __future__ import annotations

import doctest
import shutil
import subprocess
from pathlib import Path

import pytest

import kenmerk.extract
import kenmerk.output

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "tests" / "samples" / "beslisnota-twee-paginas.pdf"


def _examples(package) -> list[doctest.DocTest]:
    finder = doctest.DocTestFinder(recurse=False)
    tests = finder.find(package)
    for name in package.__all__:
        value = getattr(package, name)
        if callable(value):
            tests += finder.find(value, f"{package.__name__}.{name}", module=False, globs={})
    return [t for t in tests if t.examples]


@pytest.mark.parametrize("package", [kenmerk.extract, kenmerk.output], ids=lambda p: p.__name__)
def test_the_examples_in_the_docstrings_run(package, tmp_path, monkeypatch):
    shutil.copy(SAMPLE, tmp_path / "nota.pdf")
    monkeypatch.chdir(tmp_path)
    tests = _examples(package)
    assert tests, f"{package.__name__} has no example"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    for test in tests:
        runner.run(test)
    assert runner.summarize(verbose=False).failed == 0


@pytest.mark.skipif(shutil.which("bash") is None, reason="scripts/docs is a bash script")
def test_scripts_docs_writes_the_reference_of_the_public_names(tmp_path):
    pytest.importorskip("pdoc", reason="pdoc is in the docs extra: pip install -e '.[docs]'")
    proc = subprocess.run(["bash", str(REPO / "scripts" / "docs"), str(tmp_path)], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    page = (tmp_path / "kenmerk" / "output.html").read_text(encoding="utf-8")
    for name in kenmerk.output.__all__:
        assert f'id="{name}"' in page, name
    assert (tmp_path / "kenmerk" / "extract.html").is_file()
    assert not (tmp_path / "kenmerk" / "output" / "worker.html").exists()  # modules outside the API: not documented
