"""Fixtures of the input-format tests: the e-mail, Word and image files of `scripts/make_fixtures.py`."""
from __future__ import annotations

from pathlib import Path

import pytest

from kenmerk.extract.ocr import find_tesseract


@pytest.fixture(scope="session")
def input_dir(tmp_path_factory, make_fixtures_module) -> Path:
    """A folder with the input fixtures beyond PDF (`make_input_fixtures`) and their gold files."""
    outdir = tmp_path_factory.mktemp("input-fixtures")
    make_fixtures_module.make_input_fixtures(outdir)
    return outdir


@pytest.fixture(scope="session")
def ocr_cache(tmp_path_factory) -> Path:
    """One OCR cache for the image tests of a run: each page image is read by Tesseract once."""
    return tmp_path_factory.mktemp("inputs-ocr-cache")


@pytest.fixture
def tesseract():
    """Skip a test that needs Tesseract where it is not installed."""
    tess = find_tesseract()
    if tess is None:
        pytest.skip("tesseract is not installed")
    return tess
