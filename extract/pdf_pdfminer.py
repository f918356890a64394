"""The pdfminer.six reader: each page's characters with their boxes and fonts → `PageScan`s.

pdfminer.six interprets each page without its own layout analysis (`laparams=None`); the
characters, the page's own and those of each form XObject (figure) as runs of their own, are
grouped into lines by `kenmerk.extract.pdf_lines`, as pdfminer's analysis with `all_texts=True`
would group them. Compressed streams are inflated under the cap of `kenmerk.extract.inflate`.
What pdfminer raises becomes a one-line `UnreadableInput`.
"""
from __future__ import annotations

import io
import itertools
import logging
from collections.abc import Callable, Iterator

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import LTChar, LTCurve, LTFigure, LTImage, LTLayoutContainer, LTPage
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.psparser import PSException

from kenmerk.extract.errors import UnreadableInput
from kenmerk.extract.inflate import StreamTooLarge, cap_pdfminer
from kenmerk.extract.layout import Page
from kenmerk.extract.pdf_lines import LIGATURES, Glyph, PageScan, page_lines
from kenmerk.extract.pdf_messages import BROKEN, ENCRYPTED, NO_EXTRACTION, NO_PAGES, OUT_OF_MEMORY, broken

# pdfminer logs a warning for every odd object; the user gets our one-line errors instead.
logging.getLogger("pdfminer").setLevel(logging.ERROR)

#: what pdfminer raises on a broken file
PDFMINER_ERRORS = (PSException, StreamTooLarge, ValueError, KeyError, TypeError, AttributeError, IndexError,
                   AssertionError, ZeroDivisionError, OverflowError, RecursionError, EOFError)

cap_pdfminer()  # what one stream may inflate to


class _Aggregator(PDFPageAggregator):
    """pdfminer's page aggregator, leaving out a string of one space (a tab or a gap set as a space), as
    pdfium does: a string without ink and without width has no place on the page."""

    def render_string(self, textstate, seq, ncs, graphicstate) -> None:
        # the characters of the string go to a container of their own before they join the page
        target, self.cur_item = self.cur_item, LTLayoutContainer((0, 0, 0, 0))
        try:
            super().render_string(textstate, seq, ncs, graphicstate)
        finally:
            string, self.cur_item = self.cur_item, target
        chars = list(string)
        if len(chars) != 1 or not (isinstance(chars[0], LTChar) and chars[0].get_text().isspace()):
            target.extend(chars)


def _runs(container, out: list[list[Glyph]]) -> list[list[Glyph]]:
    """The container's own characters as one run, then each figure's, depth first."""
    run: list[Glyph] = []
    out.append(run)
    figures = []
    for item in container:
        if isinstance(item, LTChar):
            text = item.get_text()
            width = item.x1 - item.x0
            run.append(Glyph(LIGATURES.get(text, text), item.x0, item.y0, item.x1, item.y1, item.size, item.fontname,
                             width, width))
        elif isinstance(item, LTFigure):
            figures.append(item)
    for figure in figures:
        _runs(figure, out)
    return out


def _walk(container) -> Iterator:
    for item in container:
        yield item
        if isinstance(item, LTFigure):
            yield from _walk(item)


def _drawn(lt_page: LTPage) -> tuple[float, bool]:
    """(the share of the page covered by images, whether anything at all is drawn on it)."""
    x0, y0, x1, y1 = lt_page.bbox
    area = (x1 - x0) * (y1 - y0)
    covered = 0.0
    drawn = False
    for item in _walk(lt_page):
        if isinstance(item, LTImage):
            covered += max(0.0, min(item.x1, x1) - max(item.x0, x0)) * max(0.0, min(item.y1, y1) - max(item.y0, y0))
            drawn = True
        elif isinstance(item, (LTChar, LTCurve)):
            drawn = True
    return (min(1.0, covered / area) if area > 0 else 0.0), drawn


def _open(data: bytes, name: str) -> PDFDocument:
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise UnreadableInput(ENCRYPTED, path=name) from None
    except PDFMINER_ERRORS as exc:
        raise UnreadableInput(broken(exc), path=name) from None
    except MemoryError:
        raise UnreadableInput(OUT_OF_MEMORY, path=name) from None
    if document.encryption is not None and not document.is_extractable:
        raise UnreadableInput(NO_EXTRACTION, path=name)
    return document


def _count_pages(document: PDFDocument, max_pages: int | None) -> int:
    """How many pages the page tree gives before it ends or breaks, at most `max_pages`."""
    count = 0
    try:
        for _ in itertools.islice(PDFPage.create_pages(document), max_pages):
            count += 1
    except (*PDFMINER_ERRORS, MemoryError):
        pass  # the layout loop reports it
    return count


class Reader:
    """A PDF opened with pdfminer.six, its pages laid out one at a time."""

    def __init__(self, data: bytes, name: str) -> None:
        self.name = name
        self.document = _open(data, name)
        manager = PDFResourceManager(caching=True)
        self.device = _Aggregator(manager, laparams=None)
        self.interpreter = PDFPageInterpreter(manager, self.device)

    def pages(self) -> Iterator[PDFPage]:
        return PDFPage.create_pages(self.document)

    def scan(self, pdf_page: PDFPage, number: int) -> PageScan:
        """Lay out one page (pdfminer's errors pass through)."""
        self.interpreter.process_page(pdf_page)
        lt_page = self.device.get_result()
        coverage, drawn = _drawn(lt_page)
        page = Page(number=number, width=lt_page.width, height=lt_page.height,
                    lines=page_lines(_runs(lt_page, []), number))
        return PageScan(page=page, image_coverage=coverage, blank=not drawn)

    def scan_number(self, number: int) -> PageScan | None:
        """Page `number` (1-based) laid out, or None when pdfminer cannot read it."""
        try:
            pdf_page = next(itertools.islice(self.pages(), number - 1, None), None)
            return self.scan(pdf_page, number) if pdf_page is not None else None
        except (*PDFMINER_ERRORS, PDFPasswordIncorrect, PDFEncryptionError, MemoryError):
            return None


def read_pages(data: bytes, name: str, max_pages: int | None,
               on_page: Callable[[PageScan, int], None]) -> list[str]:
    """Lay out the pages of a PDF, telling `on_page(scan, total)` each in turn; return reading notes.

    Raises `UnreadableInput` when the PDF cannot be opened or gives no page.
    """
    reader = Reader(data, name)
    notes: list[str] = []
    done = 0
    try:
        total = _count_pages(reader.document, max_pages)
        for number, pdf_page in enumerate(reader.pages(), 1):
            if max_pages is not None and number > max_pages:
                notes.append(f"only the first {max_pages} pages were read (the page limit)")
                break
            on_page(reader.scan(pdf_page, number), total)
            done = number
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise UnreadableInput(ENCRYPTED, path=name) from None
    except PDFMINER_ERRORS as exc:
        if not done:
            raise UnreadableInput(broken(exc), path=name) from None
        notes.append(BROKEN.format(pages=done, error=exc.__class__.__name__))
    except MemoryError:  # a decompression bomb, or a page beyond the memory limit
        raise UnreadableInput(OUT_OF_MEMORY, path=name) from None
    if not done:
        raise UnreadableInput(NO_PAGES, path=name)
    return notes
