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
    """The shared corpus (`$KENMERK_CORPUS`, else ../shared/corpus from the repo root); skips when it is absent."""
    from shared_paths import CORPUS_ENV, corpus_root

    path = corpus_root()
    if not path.is_dir():
        pytest.skip(f"shared corpus not found at {path} (set {CORPUS_ENV} to another copy)")
    return path


@pytest.fixture(scope="session")
def corpus_ocr_cache(tmp_path_factory) -> Path:
    """The OCR cache of this run (not an earlier run's) that every corpus test reads with: Tesseract
    reads each scanned corpus page once per run."""
    return tmp_path_factory.mktemp("corpus-ocr-cache")


@pytest.fixture(scope="session")
def corpus_extraction(corpus_dir, corpus_ocr_cache):
    """`extraction(reader, ocr="auto")` and `extraction.lines(reader)`: every corpus file extracted once
    per run and reader, by file name (`tests/corpus_extraction.py`)."""
    from corpus_extraction import CorpusExtraction

    return CorpusExtraction([p for p in (corpus_dir / "raw").iterdir() if p.is_file()], corpus_ocr_cache)
