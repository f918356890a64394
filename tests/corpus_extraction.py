"""One corpus file extracted for the session fixture `corpus_extraction` (tests/conftest.py).

A module of its own, not in a conftest: worker processes look the function up by its module's
name, and every folder's conftest is called "conftest".
"""
from __future__ import annotations

import traceback

from kenmerk.extract import KenmerkError, Note, ReadLimits, read_note


def extract_corpus_file(path: str, reader: str, ocr: str, cache_dir: str) -> tuple[str, str, object]:
    """("ok", "", note JSON) / ("kenmerk", error class, message) / ("crash", error class, traceback)."""
    try:
        note = read_note(path, ReadLimits(ocr=ocr, pdf_reader=reader, cache_dir=cache_dir))
        Note.model_validate_json(note.model_dump_json())  # what we print must read back as a Note
        return "ok", "", note.model_dump(mode="json")
    except KenmerkError as exc:
        return "kenmerk", type(exc).__name__, str(exc)
    except Exception as exc:  # noqa: BLE001 - the tests report it
        return "crash", type(exc).__name__, traceback.format_exc()
