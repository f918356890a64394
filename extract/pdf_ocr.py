"""The OCR step of the PDF reader: Tesseract reads the pages whose text layer fails, and the
redaction stamps of OCR-layer pages; blank pages are left alone.

`mode` says which pages: `"auto"` those without a usable text layer (and the stamps on OCR-layer
pages), `"always"` every page, `"never"` none. A page on which nothing at all is drawn (no text, no
image, no path) needs no Tesseract call: there is nothing to read (a PDF of a hundred blank pages
took 12 s of OCR before). What was done goes into the reading notes.
"""
from __future__ import annotations

import logging

from kenmerk.extract import textlayer
from kenmerk.extract.errors import NoTextLayer
from kenmerk.extract.geometry import reading_key
from kenmerk.extract.layout import Line, Page
from kenmerk.extract.ocr import (
    INSTALL_HINT,
    OcrError,
    OcrSettings,
    choose_language,
    find_tesseract,
    ocr_pdf_page,
    ocr_stamps,
    open_pdf,
)
from kenmerk.extract.progress import PageProgress

log = logging.getLogger("kenmerk.extract.ocr")

#: stop OCR of a document after this many failed pages (a hanging or broken Tesseract)
MAX_OCR_FAILURES = 2


def may_ocr(quality: textlayer.TextQuality, mode: str) -> bool:
    """Whether OCR in `mode` may still change a page of this quality (its text, or its redaction stamps)."""
    return mode == "always" or (mode == "auto" and (not quality.usable or quality.status == textlayer.OCR_LAYER))


def apply_ocr(data: bytes, pages: list[Page], qualities: list[textlayer.TextQuality], blank: set[int], mode: str,
              settings: OcrSettings, name: str, progress: PageProgress) -> tuple[list[str], str | None]:
    """OCR the pages `mode` asks for, in place, except the `blank` ones (page numbers); mark OCR-layer pages.

    Returns the notes for the reader and, when OCR did not run or failed, why (for the error
    of a document left without any text). Each page is told to `progress` once it is final.
    """
    notes: list[str] = []
    ranges = textlayer.page_ranges
    layer = [p.number for p, q in zip(pages, qualities, strict=False) if q.status == textlayer.OCR_LAYER]
    unusable = [(p, q) for p, q in zip(pages, qualities, strict=False) if not q.usable]
    targets = list(pages) if mode == "always" else [p for p, _ in unusable] if mode == "auto" else []
    empty = [p.number for p in targets if p.number in blank]
    if empty:
        notes.append(f"page(s) {ranges(empty)}: blank (nothing drawn on them), not OCR'd")
        targets = [p for p in targets if p.number not in blank]
    wanted = {p.number for p in targets}
    for page, quality in zip(pages, qualities, strict=False):
        if quality.status == textlayer.OCR_LAYER:
            page.ocr = True
    if layer and mode != "always":
        notes.append(f"page(s) {ranges(layer)}: text from an OCR layer over scanned images; values may be misread")
    garbage = [(p, q) for p, q in unusable if q.status == textlayer.GARBAGE]
    for page, quality in garbage:
        if page.number not in wanted:
            notes.append(f"page {page.number}: {quality.reason}; kept as it is (OCR is off)")
    missing = [p.number for p, q in unusable if q.status == textlayer.MISSING and p.number not in blank]
    if mode == "never" and missing and len(missing) < len(pages):
        notes.append(f"page(s) {ranges(missing)}: no text layer; not read (OCR is off)")
    stamp_pages = [p for p in pages if p.number in layer and p.number not in wanted] if mode == "auto" else []
    if not targets and not stamp_pages:
        return notes, None
    tess = find_tesseract()
    if tess is None and not targets:
        return notes, None
    if tess is None:
        if mode == "always":
            raise OcrError(f"OCR of every page was asked for (--ocr always) but tesseract is not installed; {INSTALL_HINT}",
                             path=name)
        usable = [p for p, q in zip(pages, qualities, strict=False) if q.usable and p.lines]
        if not usable:
            raise NoTextLayer(f"no usable text layer on any of its {len(pages)} page(s) and tesseract is not "
                              f"installed to OCR it; {INSTALL_HINT}", path=name)
        message = (f"page(s) {ranges(p.number for p in targets)} without a usable text layer were not read: "
                   f"tesseract is not installed; {INSTALL_HINT}")
        log.warning("%s: %s", name, message)
        return notes + [message], "is not possible: tesseract is not installed"
    try:
        lang, remark = choose_language(tess, settings.lang)
        pdf = open_pdf(data)
    except OcrError as exc:
        if not targets:
            return notes + [f"redaction stamps not read: {exc}"], None
        message = f"page(s) {ranges(p.number for p in targets)} not read by OCR: {exc}"
        log.warning("%s: %s", name, message)
        return notes + [message], f"failed: {exc}"
    if remark:
        notes.append(remark)
    try:
        notes += _read_stamps(pdf, stamp_pages, tess, lang, settings, progress)
        page_notes, failure = _read_pages(pdf, targets, qualities, mode, tess, lang, settings, name, progress)
    finally:
        pdf.close()
    return notes + page_notes, f"failed: {failure}" if failure else None


def _read_stamps(pdf, stamp_pages: list[Page], tess, lang: str, settings: OcrSettings,
                 progress: PageProgress) -> list[str]:
    """Add the redaction stamps of OCR-layer pages their layer lacks; the notes on it."""
    if not stamp_pages:
        return []
    stamps = 0
    try:
        for page in stamp_pages:
            stamps += _add_stamps(pdf, page, tess, lang, settings)
            progress.final(page.number)
    except OcrError as exc:
        return [f"redaction stamps not read: {exc}"]
    except Exception as exc:  # noqa: BLE001 - a page pdfium cannot render: the layer stays as it is
        return [f"redaction stamps not read: cannot render ({exc.__class__.__name__})"]
    if not stamps:
        return []
    return [f"text on {stamps} redaction box(es) of page(s) {textlayer.page_ranges(p.number for p in stamp_pages)} "
            f"read by OCR (tesseract, {lang})"]


def _read_pages(pdf, targets: list[Page], qualities: list[textlayer.TextQuality], mode: str, tess, lang: str,
                settings: OcrSettings, name: str, progress: PageProgress) -> tuple[list[str], str | None]:
    """OCR the target pages in place, at most `MAX_OCR_FAILURES` failing; the notes on it and the first failure."""
    ranges = textlayer.page_ranges
    why = {i + 1: q for i, q in enumerate(qualities)}
    done: list[int] = []
    failed: list[str] = []
    skipped: list[int] = []
    for page in targets:
        if len(failed) >= MAX_OCR_FAILURES:
            skipped.append(page.number)
        else:
            try:
                page.lines = ocr_pdf_page(pdf, page.number - 1, page_number=page.number, tess=tess, lang=lang,
                                          settings=settings)
                page.ocr = True
                done.append(page.number)
            except OcrError as exc:
                failed.append(f"page {page.number}: {exc}")
            except Exception as exc:  # noqa: BLE001 - pdfium errors on one page spoil no others
                failed.append(f"page {page.number}: cannot render ({exc.__class__.__name__})")
        progress.final(page.number)
    notes = []
    if done:
        if mode == "always":
            reason = "--ocr always"
        else:
            kinds = sorted({"no text layer" if why[n].status == textlayer.MISSING else "unusable text layer"
                            for n in done})
            reason = " or ".join(kinds)
        notes.append(f"page(s) {ranges(done)} read by OCR (tesseract, {lang}, {settings.dpi} dpi; {reason}); "
                     f"values may be misread")
    if failed:
        message = "OCR failed: " + "; ".join(failed)
        if skipped:
            message += f"; page(s) {ranges(skipped)} not tried after {len(failed)} failures"
        log.warning("%s: %s", name, message)
        notes.append(message)
    return notes, failed[0] if failed else None


def _overlap(a: Line, b: Line) -> float:
    """The share of b's box that a's box covers."""
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    area = (b.x1 - b.x0) * (b.y1 - b.y0)
    return (w * h / area) if w > 0 and h > 0 and area > 0 else 0.0


def _add_stamps(pdf, page: Page, tess, lang: str, settings: OcrSettings) -> int:
    """Add the text of redaction boxes the page's OCR layer does not have; return how many boxes."""
    added = 0
    for stamp in ocr_stamps(pdf, page.number - 1, page_number=page.number, tess=tess, lang=lang, settings=settings):
        if not any(ch.isdigit() for ch in stamp.text):
            continue  # specks and box edges; every ground code has digits
        if any(ln.has_box and any(ch.isdigit() for ch in ln.text) and _overlap(ln, stamp) > 0.5 for ln in page.lines):
            continue  # the layer has it already
        page.lines.append(stamp)
        added += 1
    if added:
        page.lines.sort(key=reading_key)
    return added
