"""PDF → `Layout`, through pdfminer.six, with line positions and fonts; OCR where the text layer fails.

Each page is parsed once; text inside form XObjects (figures) is laid out too,
since several ministries' templates put the whole page in one. Each page's text
layer is judged (`kenmerk.extract.textlayer`): born-digital, an OCR layer over a
scanned image (kept, marked `Page.ocr`), garbage or missing. With `ocr="auto"`
(the default) pages without a usable text layer are OCR'd with Tesseract
(`kenmerk.extract.ocr`); `"always"` OCRs every page, `"never"` none. What was done
goes into `Layout.notes` (the note's warnings).
"""
from __future__ import annotations

import io
import itertools
import logging

from pdfminer.layout import LAParams, LTChar, LTFigure, LTImage, LTPage, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.converter import PDFPageAggregator
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.psparser import PSException

from kenmerk.extract import inflate as _inflate  # noqa: F401 - caps what one stream may inflate to
from kenmerk.extract import textlayer
from kenmerk.extract.errors import NoTextLayer, UnreadableInput, UsageError
from kenmerk.extract.geometry import reading_key
from kenmerk.extract.layout import Layout, Line, Page
from kenmerk.extract.progress import PageCallback, PageProgress
from kenmerk.extract.ocr import (INSTALL_HINT, OCR_MODES, OcrError, OcrSettings, choose_language, find_tesseract,
                                 ocr_pdf_page, ocr_stamps, open_pdf)

# boxes_flow=None: no hierarchical grouping of text boxes, which is quadratic in the boxes of a page
# (a broken PDF with thousands of boxes took minutes); the lines, which are all kenmerk reads, are the same
LAPARAMS = LAParams(all_texts=True, boxes_flow=None)

# pdfminer logs a warning for every odd object; the user gets our one-line errors instead.
logging.getLogger("pdfminer").setLevel(logging.ERROR)
log = logging.getLogger("kenmerk.extract.ocr")

#: stop OCR of a document after this many failed pages (a hanging or broken Tesseract)
MAX_OCR_FAILURES = 2


def _first_char(line: LTTextLine) -> LTChar | None:
    for ch in line:
        if isinstance(ch, LTChar):
            return ch
    return None


def _walk(container, out: list[LTTextLine]) -> None:
    for item in container:
        if isinstance(item, LTTextLine):
            out.append(item)
        elif isinstance(item, (LTTextContainer, LTFigure)):
            _walk(item, out)


def _segments(item: LTTextLine) -> list[tuple[str, float, float, float, float, LTChar | None]]:
    """Split a line at wide gaps ("Onderwerp  Draagmoederschap"): label and value get their own boxes."""
    raw = item.get_text()
    if "  " not in raw.strip():
        return [(" ".join(raw.split()), item.x0, item.y0, item.x1, item.y1, _first_char(item))]
    segments, chars, spaces = [], [], 0

    def close() -> None:
        boxed = [c for c in chars if isinstance(c, LTChar)]
        text = " ".join("".join(c.get_text() for c in chars).split())
        if text and boxed:
            segments.append((text, min(c.x0 for c in boxed), min(c.y0 for c in boxed),
                             max(c.x1 for c in boxed), max(c.y1 for c in boxed), boxed[0]))

    for ch in item:
        if ch.get_text() in (" ", "\u00a0", "\t"):
            spaces += 1
            chars.append(ch)
            continue
        if spaces >= 2 and chars:
            close()
            chars = []
        spaces = 0
        chars.append(ch)
    close()
    return segments or [(" ".join(raw.split()), item.x0, item.y0, item.x1, item.y1, _first_char(item))]


def _page_lines(lt_page: LTPage, number: int) -> list[Line]:
    raw: list[LTTextLine] = []
    _walk(lt_page, raw)
    lines = []
    for item in raw:
        for text, x0, y0, x1, y1, ch in _segments(item):
            if not text:
                continue
            font = (ch.fontname if ch else "") or ""
            lines.append(
                Line(
                    text=text,
                    page=number,
                    x0=round(x0, 1),
                    y0=round(y0, 1),
                    x1=round(x1, 1),
                    y1=round(y1, 1),
                    size=round(ch.size, 1) if ch else None,
                    bold="bold" in font.lower() or "black" in font.lower(),
                )
            )
    # reading order: top to bottom in bands, then left to right (kenmerk.extract.geometry)
    lines.sort(key=reading_key)
    return lines


def _image_coverage(lt_page: LTPage) -> float:
    """The share of the page covered by images (tiles add up; capped at 1)."""
    images: list[LTImage] = []

    def walk(container) -> None:
        for item in container:
            if isinstance(item, LTImage):
                images.append(item)
            elif isinstance(item, LTFigure):
                walk(item)

    walk(lt_page)
    x0, y0, x1, y1 = lt_page.bbox
    area = (x1 - x0) * (y1 - y0)
    if not images or area <= 0:
        return 0.0
    covered = sum(max(0.0, min(i.x1, x1) - max(i.x0, x0)) * max(0.0, min(i.y1, y1) - max(i.y0, y0)) for i in images)
    return min(1.0, covered / area)


def _lay_out(data: bytes, name: str, max_pages: int | None, progress: PageProgress | None = None,
             ocr: str = "never") -> tuple[list[Page], list[textlayer.TextQuality], list[str]]:
    """Parse every page with pdfminer: its lines, the verdict on its text layer, reading notes.

    Pages that OCR (in mode `ocr`) will not touch are told to `progress` as they are laid out.
    """
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadableInput("not a PDF (no %PDF header)", path=name)
    try:
        parser = PDFParser(io.BytesIO(data))
        document = PDFDocument(parser)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise UnreadableInput(f"encrypted PDF: {exc.__class__.__name__}", path=name) from None
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError,
            ZeroDivisionError, OverflowError, RecursionError, EOFError) as exc:
        raise UnreadableInput(f"broken PDF ({exc.__class__.__name__}: {str(exc)[:80]})", path=name) from None
    except MemoryError:
        raise UnreadableInput("out of memory reading PDF", path=name) from None
    if document.encryption is not None and not document.is_extractable:
        raise UnreadableInput("encrypted PDF that forbids text extraction", path=name)
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAPARAMS)
    interpreter = PDFPageInterpreter(manager, device)
    pages: list[Page] = []
    qualities: list[textlayer.TextQuality] = []
    notes: list[str] = []
    try:
        if progress is not None:
            progress.total = _count_pages(document, max_pages)
        for number, pdf_page in enumerate(PDFPage.create_pages(document), 1):
            if max_pages is not None and number > max_pages:
                notes.append(f"only the first {max_pages} pages were read (the page limit)")
                break
            interpreter.process_page(pdf_page)
            lt_page = device.get_result()
            lines = _page_lines(lt_page, number)
            quality = textlayer.assess_text([ln.text for ln in lines], _image_coverage(lt_page))
            qualities.append(quality)
            pages.append(Page(number=number, width=lt_page.width, height=lt_page.height, lines=lines))
            if progress is not None and not _may_ocr(quality, ocr):
                progress.final(number)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise UnreadableInput(f"encrypted PDF: {exc.__class__.__name__}", path=name) from None
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError,
            ZeroDivisionError, OverflowError, RecursionError, EOFError) as exc:
        if not pages:
            raise UnreadableInput(f"broken PDF ({exc.__class__.__name__}: {str(exc)[:80]})", path=name) from None
        notes.append(f"PDF broken after page {len(pages)}: {exc.__class__.__name__}")
    except MemoryError:  # a decompression bomb, or a page beyond the memory limit
        raise UnreadableInput("out of memory reading PDF", path=name) from None
    if not pages:
        raise UnreadableInput("PDF has no pages (empty or truncated)", path=name)
    return pages, qualities, notes


def _count_pages(document: PDFDocument, max_pages: int | None) -> int:
    """How many pages the page tree gives before it ends or breaks, at most `max_pages`."""
    count = 0
    try:
        for _ in itertools.islice(PDFPage.create_pages(document), max_pages):
            count += 1
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError,
            ZeroDivisionError, OverflowError, RecursionError, EOFError, MemoryError):
        pass  # the layout loop reports it
    return count


def _may_ocr(quality: textlayer.TextQuality, mode: str) -> bool:
    """Whether OCR in `mode` may still change a page of this quality (its text, or its redaction stamps)."""
    return mode == "always" or (mode == "auto" and (not quality.usable or quality.status == textlayer.OCR_LAYER))


def assess_pdf(data: bytes, *, name: str = "<pdf>", max_pages: int | None = None) -> list[textlayer.TextQuality]:
    """The verdict on each page's text layer (digital, ocr-layer, garbage, missing), without OCR."""
    return _lay_out(data, name, max_pages)[1]


def read_pdf(data: bytes, *, name: str = "<pdf>", max_pages: int | None = None, ocr: str = "auto",
             ocr_settings: OcrSettings | None = None, on_page: PageCallback | None = None) -> Layout:
    """Lay out a PDF, OCR-ing pages as `ocr` says. Raises `UnreadableInput` or `NoTextLayer`.

    `on_page(done, total)` is called each time a page is final: laid out, and OCR'd if it needs that.
    """
    if ocr not in OCR_MODES:
        raise UsageError(f"unknown OCR mode {ocr!r} (use one of {', '.join(OCR_MODES)})", path=name)
    progress = PageProgress(on_page, 0)
    pages, qualities, notes = _lay_out(data, name, max_pages, progress, ocr)
    ocr_notes, problem = _apply_ocr(data, pages, qualities, ocr, ocr_settings or OcrSettings(), name, progress)
    progress.finish(p.number for p in pages)
    notes += ocr_notes
    if not any(p.lines for p in pages):
        why = {"never": ": a scan that needs OCR (OCR is off)"}.get(ocr, f" and OCR {problem}" if problem
                                                                      else " and OCR found no text")
        raise NoTextLayer(f"no text layer on any of its {len(pages)} page(s){why}", path=name)
    index = 0
    for page in pages:
        for i, ln in enumerate(page.lines):
            page.lines[i] = _with_index(ln, index)
            index += 1
    return Layout(pages=pages, media_type="application/pdf", has_positions=True, notes=notes)


def _apply_ocr(data: bytes, pages: list[Page], qualities: list[textlayer.TextQuality], mode: str,
               settings: OcrSettings, name: str, progress: PageProgress) -> tuple[list[str], str | None]:
    """OCR the pages `mode` asks for, in place; mark OCR-layer pages.

    Returns the notes for the reader and, when OCR did not run or failed, why (for the error
    of a document left without any text).
    """
    notes: list[str] = []
    ranges = textlayer.page_ranges
    layer = [p.number for p, q in zip(pages, qualities) if q.status == textlayer.OCR_LAYER]
    unusable = [(p, q) for p, q in zip(pages, qualities) if not q.usable]
    targets = list(pages) if mode == "always" else [p for p, _ in unusable] if mode == "auto" else []
    wanted = {p.number for p in targets}
    for page, quality in zip(pages, qualities):
        if quality.status == textlayer.OCR_LAYER:
            page.ocr = True
    if layer and mode != "always":
        notes.append(f"page(s) {ranges(layer)}: text from an OCR layer over scanned images; values may be misread")
    garbage = [(p, q) for p, q in unusable if q.status == textlayer.GARBAGE]
    for page, quality in garbage:
        if page.number not in wanted:
            notes.append(f"page {page.number}: {quality.reason}; kept as it is (OCR is off)")
    missing = [p.number for p, q in unusable if q.status == textlayer.MISSING]
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
            raise UsageError(f"OCR was asked for (--ocr always) but tesseract is not installed; {INSTALL_HINT}",
                             path=name)
        usable = [p for p, q in zip(pages, qualities) if q.usable and p.lines]
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
    stamps = 0
    if stamp_pages:
        try:
            for page in stamp_pages:
                stamps += _add_stamps(pdf, page, tess, lang, settings)
                progress.final(page.number)
        except OcrError as exc:
            notes.append(f"redaction stamps not read: {exc}")
        except Exception as exc:  # noqa: BLE001 - a page pdfium cannot render: the layer stays as it is
            notes.append(f"redaction stamps not read: cannot render ({exc.__class__.__name__})")
        if stamps:
            notes.append(f"text on {stamps} redaction box(es) of page(s) {ranges(p.number for p in stamp_pages)} "
                         f"read by OCR (tesseract, {lang})")
    done: list[int] = []
    failed: list[str] = []
    skipped: list[int] = []
    why = {p.number: q for p, q in zip(pages, qualities)}
    try:
        for page in targets:
            if len(failed) >= MAX_OCR_FAILURES:
                skipped.append(page.number)
                progress.final(page.number)
                continue
            try:
                lines = ocr_pdf_page(pdf, page.number - 1, page_number=page.number, tess=tess, lang=lang,
                                     settings=settings)
            except OcrError as exc:
                failed.append(f"page {page.number}: {exc}")
                progress.final(page.number)
                continue
            except Exception as exc:  # noqa: BLE001 - pdfium errors on one page spoil no others
                failed.append(f"page {page.number}: cannot render ({exc.__class__.__name__})")
                progress.final(page.number)
                continue
            page.lines = lines
            page.ocr = True
            done.append(page.number)
            progress.final(page.number)
    finally:
        pdf.close()
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
    return notes, ("failed: " + failed[0]) if failed else None


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


def _with_index(line: Line, index: int) -> Line:
    return Line(line.text, line.page, line.x0, line.y0, line.x1, line.y1, line.size, line.bold, index)
