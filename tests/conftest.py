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


@pytest.fixture(scope="session")
def corpus_extraction(corpus_dir, tmp_path_factory):
    """`extraction(reader, ocr="auto")`: every corpus file extracted once per run and reader, by file name.

    Worker processes where the platform forks. OCR results are cached in a folder of this run,
    so Tesseract reads each scanned page once (not an earlier run's cache) and both readers share it.
    """
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    from corpus_extraction import extract_corpus_file

    cache = str(tmp_path_factory.mktemp("corpus-ocr-cache"))
    files = sorted(str(p) for p in (corpus_dir / "raw").iterdir() if p.is_file())
    done: dict[tuple[str, str], dict[str, tuple[str, str, object]]] = {}

    def extraction(reader: str, ocr: str = "auto") -> dict[str, tuple[str, str, object]]:
        if (reader, ocr) not in done:
            args = (files, [reader] * len(files), [ocr] * len(files), [cache] * len(files))
            if "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1:
                context = multiprocessing.get_context("fork")
                with ProcessPoolExecutor(max_workers=min(4, os.cpu_count() or 1), mp_context=context) as pool:
                    outcomes = list(pool.map(extract_corpus_file, *args, chunksize=1))
            else:
                outcomes = [extract_corpus_file(*a) for a in zip(*args)]
            done[(reader, ocr)] = {Path(p).name: outcome for p, outcome in zip(files, outcomes)}
        return done[(reader, ocr)]

    return extraction
