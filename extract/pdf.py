"""Born-digital PDF → `Layout`, through pdfminer.six, with line positions and fonts.

Each page is parsed once; text inside form XObjects (figures) is laid out too,
since several ministries' templates put the whole page in one.
"""
from __future__ import annotations

import io
import logging

from pdfminer.layout import LAParams, LTChar, LTFigure, LTPage, LTTextContainer, LTTextLine
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.converter import PDFPageAggregator
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.psparser import PSException

from kenmerk.extract.errors import NoTextLayer, UnreadableInput
from kenmerk.extract.layout import Layout, Line, Page

LAPARAMS = LAParams(all_texts=True)

# pdfminer logs a warning for every odd object; the user gets our one-line errors instead.
logging.getLogger("pdfminer").setLevel(logging.ERROR)


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
    # top to bottom, then left to right; lines within 2pt share a row
    lines.sort(key=lambda ln: (-round(ln.y1 / 2.5), ln.x0))
    return lines


def read_pdf(data: bytes, *, name: str = "<pdf>", max_pages: int | None = None) -> Layout:
    """Lay out a born-digital PDF. Raises `UnreadableInput` or `NoTextLayer`."""
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise UnreadableInput("not a PDF (no %PDF header)", path=name)
    try:
        parser = PDFParser(io.BytesIO(data))
        document = PDFDocument(parser)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise UnreadableInput(f"encrypted PDF: {exc.__class__.__name__}", path=name) from None
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError) as exc:
        raise UnreadableInput(f"broken PDF ({exc.__class__.__name__}: {str(exc)[:80]})", path=name) from None
    if document.encryption is not None and not document.is_extractable:
        raise UnreadableInput("encrypted PDF that forbids text extraction", path=name)
    manager = PDFResourceManager(caching=True)
    device = PDFPageAggregator(manager, laparams=LAPARAMS)
    interpreter = PDFPageInterpreter(manager, device)
    pages: list[Page] = []
    index = 0
    try:
        for number, pdf_page in enumerate(PDFPage.create_pages(document), 1):
            if max_pages is not None and number > max_pages:
                break
            interpreter.process_page(pdf_page)
            lt_page = device.get_result()
            lines = _page_lines(lt_page, number)
            for i, ln in enumerate(lines):
                lines[i] = _with_index(ln, index)
                index += 1
            pages.append(Page(number=number, width=lt_page.width, height=lt_page.height, lines=lines))
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise UnreadableInput(f"encrypted PDF: {exc.__class__.__name__}", path=name) from None
    except (PSException, ValueError, KeyError, TypeError, AttributeError, IndexError, AssertionError,
            ZeroDivisionError, OverflowError, RecursionError) as exc:
        if not pages:
            raise UnreadableInput(f"broken PDF ({exc.__class__.__name__}: {str(exc)[:80]})", path=name) from None
        notes = [f"PDF broken after page {len(pages)}: {exc.__class__.__name__}"]
        return Layout(pages=pages, media_type="application/pdf", has_positions=True, notes=notes)
    if not pages:
        raise UnreadableInput("PDF has no pages (empty or truncated)", path=name)
    if not any(p.lines for p in pages):
        raise NoTextLayer(f"no text layer on any of its {len(pages)} page(s): a scan that needs OCR", path=name)
    return Layout(pages=pages, media_type="application/pdf", has_positions=True)


def _with_index(line: Line, index: int) -> Line:
    return Line(line.text, line.page, line.x0, line.y0, line.x1, line.y1, line.size, line.bold, index)
