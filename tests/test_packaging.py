"""The built wheel and sdist carry `py.typed` for each package, so users' type checkers read kenmerk's hints.

The build runs setuptools' own backend (PEP 517 `build_wheel`, `build_sdist`) on a copy of the
sources in a temporary folder: offline, and nothing is written into the checkout.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PACKAGES = ["extract", "vocab", "output"]
MARKERS = {f"kenmerk/{name}/py.typed" for name in PACKAGES}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel and an sdist built from a copy of the sources, in `dist/`."""
    src = tmp_path_factory.mktemp("src")
    for name in ["pyproject.toml", "README.md"]:
        shutil.copy2(REPO / name, src / name)
    for name in PACKAGES:
        shutil.copytree(REPO / name, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    code = "from setuptools import build_meta as b; b.build_wheel('dist'); b.build_sdist('dist')"
    proc = subprocess.run([sys.executable, "-c", code], cwd=src, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return src / "dist"


def test_wheel_has_py_typed_for_each_package(built: Path) -> None:
    (wheel,) = built.glob("*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert MARKERS <= names, sorted(MARKERS - names)
    assert "kenmerk/extract/model.py" in names


def test_sdist_has_py_typed_for_each_package(built: Path) -> None:
    (sdist,) = built.glob("*.tar.gz")
    with tarfile.open(sdist) as tf:
        names = {name.split("/", 1)[1] for name in tf.getnames() if "/" in name}
    expected = {f"{name}/py.typed" for name in PACKAGES}
    assert expected <= names, sorted(expected - names)
