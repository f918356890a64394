"""Read an input (path, bytes or standard input) into a `Layout` and its `Source`.

The media type is decided by the bytes (a `%PDF` header), then by the file
extension; a `.pdf` that is not a PDF is refused rather than read as text.
"""
from __future__ import annotations

import hashlib
import re
import os
from dataclasses import dataclass
from pathlib import Path

from kenmerk.extract.errors import UnreadableInput, UsageError
from kenmerk.extract.layout import Layout
from kenmerk.extract.model import Source
from kenmerk.extract.ocr import OCR_MODES, OcrSettings
from kenmerk.extract.pdf import DEFAULT_READER, check_reader, read_pdf
from kenmerk.extract.progress import PageCallback
from kenmerk.extract.text import read_text

TEXT_SUFFIXES = {".txt": "text/plain", ".text": "text/plain", ".md": "text/markdown", ".markdown": "text/markdown"}


@dataclass(frozen=True)
class ReadLimits:
    """Limits and options for one input: bytes read, pages laid out, text size, and OCR.

    `max_text_bytes` caps a text or Markdown input (a note's text conversion is kilobytes;
    a 50 MB text file is not a note, and reading it would take minutes and gigabytes).

    `ocr`: `"auto"` OCRs the pages of a PDF without a usable text layer, `"always"`
    every page, `"never"` none. OCR needs Tesseract (`kenmerk.extract.ocr`); its
    results are cached in `cache_dir` (else `$KENMERK_CACHE`) when one is set.
    `pdf_reader`: `"pdfium"` (the default, fast) or `"pdfminer"` (pure Python); both give
    the same lines (`kenmerk.extract.pdf`).
    """

    max_bytes: int = 200 * 1024 * 1024
    max_pages: int = 1000
    max_text_bytes: int = 10 * 1024 * 1024
    ocr: str = "auto"
    ocr_lang: str = "nld"
    ocr_dpi: int = 300
    ocr_timeout: float = 120.0
    cache_dir: str | None = None
    pdf_reader: str = DEFAULT_READER

    def __post_init__(self) -> None:
        if self.ocr not in OCR_MODES:
            raise UsageError(f"unknown OCR mode {self.ocr!r} (use one of {', '.join(OCR_MODES)})")
        check_reader(self.pdf_reader)
        if not 50 <= self.ocr_dpi <= 1200:
            raise UsageError(f"OCR resolution {self.ocr_dpi} dpi is out of range (50-1200)")

    def ocr_settings(self) -> OcrSettings:
        cache = os.fspath(self.cache_dir) if self.cache_dir is not None else None
        return OcrSettings(lang=self.ocr_lang, dpi=self.ocr_dpi, timeout=self.ocr_timeout, cache_dir=cache)


DEFAULT_LIMITS = ReadLimits()


def sniff_media_type(data: bytes, name: str) -> str:
    """The media type of an input from its first bytes and its name."""
    suffix = Path(name).suffix.lower()
    if data.lstrip()[:5].startswith(b"%PDF"):
        return "application/pdf"
    if suffix == ".pdf":
        raise UnreadableInput("not a PDF (no %PDF header)" if data.strip() else "empty file", path=name)
    if suffix in TEXT_SUFFIXES:
        return TEXT_SUFFIXES[suffix]
    if not suffix and re.search(rb"^(?:#{1,6} |\*\*\w)", data[:20000], re.MULTILINE):
        return "text/markdown"  # e.g. standard input with Markdown headings or bold labels
    if data[:4] in (b"PK\x03\x04",) or data[:2] == b"\x1f\x8b":
        raise UnreadableInput("an archive, not a document (use a folder or zip input)", path=name)
    return "text/plain"


def read_bytes(data: bytes, name: str, limits: ReadLimits = DEFAULT_LIMITS, *,
               on_page: PageCallback | None = None) -> tuple[Layout, Source]:
    """Lay out the bytes of one document named `name` (used in errors and `Source`).

    `on_page(done, total)` is called each time a page is final (a text input: once, with (1, 1)).
    """
    if len(data) > limits.max_bytes:
        raise UnreadableInput(f"file too large ({len(data)} bytes > limit {limits.max_bytes})", path=name)
    if not data.strip():
        raise UnreadableInput("empty file", path=name)
    media_type = sniff_media_type(data, name)
    if media_type == "application/pdf":
        layout = read_pdf(data, name=name, max_pages=limits.max_pages, ocr=limits.ocr,
                          ocr_settings=limits.ocr_settings(), on_page=on_page, reader=limits.pdf_reader)
    else:
        layout = read_text(data, name=name, markdown=media_type == "text/markdown", max_bytes=limits.max_text_bytes)
        if on_page is not None:
            on_page(1, 1)
    source = Source(
        file_name=os.path.basename(name) or name,
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=media_type,
        size=len(data),
        page_count=len(layout.pages) if media_type == "application/pdf" else None,
    )
    return layout, source


def read_path(path: str | os.PathLike[str], limits: ReadLimits = DEFAULT_LIMITS, *,
              on_page: PageCallback | None = None) -> tuple[Layout, Source]:
    """Read a file from disk; `-` reads standard input. `on_page` as for `read_bytes`."""
    name = os.fspath(path)
    if name == "-":
        import sys

        return read_bytes(sys.stdin.buffer.read(limits.max_bytes + 1), "<stdin>", limits, on_page=on_page)
    p = Path(name)
    try:
        if p.is_dir():
            raise UnreadableInput("is a directory", path=name)
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise UnreadableInput(f"file too large ({size} bytes > limit {limits.max_bytes})", path=name)
        data = p.read_bytes()
    except FileNotFoundError:
        raise UnreadableInput("no such file", path=name) from None
    except PermissionError:
        raise UnreadableInput("permission denied", path=name) from None
    except OSError as exc:
        raise UnreadableInput(f"cannot read ({exc.strerror or exc})", path=name) from None
    return read_bytes(data, name, limits, on_page=on_page)
