"""The shared corpus extracted once per run and PDF reader, for the session fixture `corpus_extraction`
(tests/conftest.py), which every corpus test reads.

A module of its own, not in a conftest: worker processes look `extract_corpus_file` up by its
module's name, and every folder's conftest is called "conftest".
"""
from __future__ import annotations

import multiprocessing
import os
import traceback
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from kenmerk.extract import KenmerkError, Note, ReadLimits, note_from_layout, read_path

#: ("ok", "", note JSON) / ("kenmerk", error class, message) / ("crash", error class, traceback)
Outcome = tuple[str, str, object]
#: a line of a PDF's text layer: (page, text, x0, y0, x1, y1)
LineBox = tuple[int, str, float, float, float, float]


def extract_corpus_file(path: str, reader: str, ocr: str, cache_dir: str) -> tuple[Outcome, list[LineBox]]:
    """The outcome of extracting one file, and the lines of its pages read from the text layer (not by OCR)."""
    lines: list[LineBox] = []
    try:
        layout, source = read_path(path, ReadLimits(ocr=ocr, pdf_reader=reader, cache_dir=cache_dir))
        if layout.has_positions:
            lines = [(ln.page, ln.text, ln.x0, ln.y0, ln.x1, ln.y1)
                     for page in layout.pages if not page.ocr for ln in page.lines]
        note = note_from_layout(layout, source)
        Note.model_validate_json(note.model_dump_json())  # what we print must read back as a Note
        return ("ok", "", note.model_dump(mode="json")), lines
    except KenmerkError as exc:
        return ("kenmerk", type(exc).__name__, str(exc)), lines
    except Exception as exc:  # noqa: BLE001 - the tests report it
        return ("crash", type(exc).__name__, traceback.format_exc()), lines


class CorpusExtraction:
    """`extraction(reader, ocr="auto")`: each corpus file's `Outcome` by file name;
    `extraction.lines(reader, ocr="auto")`: the text-layer lines of each file, by file name.

    Each (reader, ocr) is extracted once, on first use: in worker processes where the platform forks,
    the largest files first, so a long OCR job starts early instead of running alone at the end. OCR
    results are cached in `cache_dir`, so Tesseract reads each scanned page once for both readers.
    """

    def __init__(self, files: list[Path], cache_dir: Path) -> None:
        self.files = sorted(files, key=lambda p: (-p.stat().st_size, p.name))
        self.cache_dir = str(cache_dir)
        self._done: dict[tuple[str, str], dict[str, tuple[Outcome, list[LineBox]]]] = {}

    def __call__(self, reader: str, ocr: str = "auto") -> dict[str, Outcome]:
        return {name: outcome for name, (outcome, _) in self._extracted(reader, ocr).items()}

    def lines(self, reader: str, ocr: str = "auto") -> dict[str, list[LineBox]]:
        return {name: lines for name, (_, lines) in self._extracted(reader, ocr).items()}

    def _extracted(self, reader: str, ocr: str) -> dict[str, tuple[Outcome, list[LineBox]]]:
        if (reader, ocr) not in self._done:
            paths = [str(p) for p in self.files]
            args = (paths, [reader] * len(paths), [ocr] * len(paths), [self.cache_dir] * len(paths))
            if "fork" in multiprocessing.get_all_start_methods() and (os.cpu_count() or 1) > 1:
                context = multiprocessing.get_context("fork")
                with ProcessPoolExecutor(max_workers=min(4, os.cpu_count() or 1), mp_context=context) as pool:
                    results = list(pool.map(extract_corpus_file, *args, chunksize=1))
            else:
                results = [extract_corpus_file(*a) for a in zip(*args, strict=False)]
            self._done[(reader, ocr)] = dict(sorted((Path(p).name, r) for p, r in zip(paths, results, strict=False)))
        return self._done[(reader, ocr)]
