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


def _extract_corpus_file(path: str, reader: str, ocr: str, cache_dir: str) -> tuple[str, str, object]:
    """("ok", "", note JSON) / ("kenmerk", error class, message) / ("crash", error class, traceback)."""
    import traceback

    from kenmerk.extract import KenmerkError, Note, ReadLimits, read_note

    try:
        note = read_note(path, ReadLimits(ocr=ocr, pdf_reader=reader, cache_dir=cache_dir))
        Note.model_validate_json(note.model_dump_json())  # what we print must read back as a Note
        return "ok", "", note.model_dump(mode="json")
    except KenmerkError as exc:
        return "kenmerk", type(exc).__name__, str(exc)
    except Exception as exc:  # noqa: BLE001 - the tests report it
        return "crash", type(exc).__name__, traceback.format_exc()


@pytest.fixture(scope="session")
def corpus_extraction(corpus_dir, tmp_path_factory):
    """`extraction(reader, ocr="auto")`: every corpus file extracted once per run and reader, by file name.

    Worker processes where the platform forks. OCR results are cached in a folder of this run,
    so Tesseract reads each scanned page once (not an earlier run's cache) and both readers share it.
    """
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    cache = str(tmp_path_factory.mktemp("corpus-ocr-cache"))
    files = sorted(str(p) for p in (corpus_dir / "raw").iterdir() if p.is_file())
    done: dict[tuple[str, str], dict[str, tuple[str, str, object]]] = {}

    def extraction(reader: str, ocr: str = "auto") -> dict[str, tuple[str, str, object]]:
        if (reader, ocr) not in done:
            args = (files, [reader] * len(files), [ocr] * len(files), [cache] * len(files))
            if "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1:
                context = multiprocessing.get_context("fork")
                with ProcessPoolExecutor(max_workers=min(4, os.cpu_count() or 1), mp_context=context) as pool:
                    outcomes = list(pool.map(_extract_corpus_file, *args, chunksize=1))
            else:
                outcomes = [_extract_corpus_file(*a) for a in zip(*args)]
            done[(reader, ocr)] = {Path(p).name: outcome for p, outcome in zip(files, outcomes)}
        return done[(reader, ocr)]

    return extraction
