"""Shared test fixtures. Append new fixtures at the end; keep this file small."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent


def load_make_fixtures():
    """`scripts/make_fixtures.py` as a module (scripts/ is not a package)."""
    name = "kenmerk_make_fixtures"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, REPO_ROOT / "scripts" / "make_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def make_fixtures_module():
    """The fixture generator, for the specs of the planted values."""
    return load_make_fixtures()


@pytest.fixture(scope="session")
def fixtures_dir(tmp_path_factory, make_fixtures_module) -> Path:
    """A folder with every generated fixture and its NAME.gold.json, made once per session."""
    outdir = tmp_path_factory.mktemp("fixtures")
    make_fixtures_module.make_fixtures(outdir)
    return outdir


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    """The shared corpus (../shared/corpus from the repo root); skips when it is absent."""
    path = (REPO_ROOT / ".." / "shared" / "corpus").resolve()
    if not path.is_dir():
        pytest.skip(f"shared corpus not found at {path}")
    return path
