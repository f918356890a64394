"""PDF → `Layout`: a reader lays out each page's lines with positions and fonts; OCR where the text layer fails.

Two readers give the same lines (`kenmerk.extract.pdf_lines` groups the characters of both):
`"pdfium"` (pypdfium2, C++; the default: about twenty times faster) and `"pdfminer"` (pdfminer.six,
pure Python). Text inside form XObjects is laid out too, since several ministries' templates put
the whole page in one. Each page's text layer is judged (`kenmerk.extract.textlayer`): born-digital,
an OCR layer over a scanned image (kept, marked `Page.ocr`), garbage or missing. The OCR step
(`kenmerk.extract.pdf_ocr`) then reads the pages `ocr` asks for with Tesseract. What was done goes
into `Layout.notes` (the note's warnings).
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from kenmerk.extract import textlayer
from kenmerk.extract.errors import InvalidSetting, NoTextLayer, UnreadableInput
from kenmerk.extract.layout import Layout, Line
from kenmerk.extract.ocr import OCR_MODES, OcrSettings
from kenmerk.extract.pdf_lines import PageScan
from kenmerk.extract.pdf_messages import NOT_A_PDF
from kenmerk.extract.pdf_ocr import apply_ocr, may_ocr
from kenmerk.extract.pdf_readers import DEFAULT_READER, READERS, check_reader
from kenmerk.extract.progress import PageCallback, PageProgress

if TYPE_CHECKING:
    from kenmerk.extract.reader import ReadLimits


def _scan(data: bytes, name: str, max_pages: int | None, reader: str,
          on_scan: Callable[[PageScan, textlayer.TextQuality, int], None]) -> list[str]:
    """Lay out every page with `reader`, telling `on_scan(scan, quality, total)`; return the reading notes."""
    known = check_reader(reader, name)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadableInput(NOT_A_PDF, path=name)
    read_pages = importlib.import_module(READERS[known]).read_pages

    def judged(scan: PageScan, total: int) -> None:
        on_scan(scan, textlayer.assess_text([ln.text for ln in scan.page.lines], scan.image_coverage), total)

    return read_pages(data, name, max_pages, judged)


def assess_pdf(data: bytes, *, name: str = "<pdf>", max_pages: int | None = None,
               reader: str = DEFAULT_READER) -> list[textlayer.TextQuality]:
    """The verdict on each page's text layer (digital, ocr-layer, garbage, missing), without OCR."""
    qualities: list[textlayer.TextQuality] = []
    _scan(data, name, max_pages, reader, lambda scan, quality, total: qualities.append(quality))
    return qualities


def read_pdf(data: bytes, *, name: str = "<pdf>", max_pages: int | None = None, ocr: str = "auto",
             ocr_settings: OcrSettings | None = None, on_page: PageCallback | None = None,
             reader: str = DEFAULT_READER) -> Layout:
    """Lay out a PDF with `reader`, OCR-ing pages as `ocr` says. Raises `UnreadableInput` or `NoTextLayer`.

    `on_page(done, total)` is called each time a page is final: laid out, and OCR'd if it needs that.
    """
    if ocr not in OCR_MODES:
        raise InvalidSetting(f"unknown OCR mode {ocr!r} (use one of {', '.join(OCR_MODES)})", path=name)
    progress = PageProgress(on_page, 0)
    pages, qualities, blank = [], [], set()

    def laid_out(scan: PageScan, quality: textlayer.TextQuality, total: int) -> None:
        progress.total = total
        pages.append(scan.page)
        qualities.append(quality)
        if scan.blank:
            blank.add(scan.page.number)
        if not may_ocr(quality, ocr) or scan.blank:
            progress.final(scan.page.number)

    notes = _scan(data, name, max_pages, reader, laid_out)
    ocr_notes, problem = apply_ocr(data, pages, qualities, blank, ocr, ocr_settings or OcrSettings(), name,
                                   progress)
    progress.finish(p.number for p in pages)
    notes += ocr_notes
    if not any(p.lines for p in pages):
        if len(blank) == len(pages):
            raise NoTextLayer(f"no text on any of its {len(pages)} page(s): they are blank", path=name)
        why = {"never": ": a scan that needs OCR (OCR is off)"}.get(ocr, f" and OCR {problem}" if problem
                                                                      else " and OCR found no text")
        raise NoTextLayer(f"no text layer on any of its {len(pages)} page(s){why}", path=name)
    index = 0
    for page in pages:
        for i, ln in enumerate(page.lines):
            page.lines[i] = _with_index(ln, index)
            index += 1
    return Layout(pages=pages, media_type="application/pdf", has_positions=True, notes=notes)


def _with_index(line: Line, index: int) -> Line:
    return Line(line.text, line.page, line.x0, line.y0, line.x1, line.y1, line.size, line.bold, index,
                line.gap_before, line.has_box)  # (not dataclasses.replace: thousands of lines, a tenth the time)


def read_pdf_input(data: bytes, name: str, limits: ReadLimits, on_page: PageCallback | None = None) -> Layout:
    """A PDF, with the reader, page limit and OCR of `limits` (the `Reader` of the PDF input format)."""
    return read_pdf(data, name=name, max_pages=limits.max_pages, ocr=limits.ocr,
                    ocr_settings=limits.ocr_settings(), on_page=on_page, reader=limits.pdf_reader)
