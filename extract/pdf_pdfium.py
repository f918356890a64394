"""The pdfium reader (pypdfium2): each page's words with their boxes and fonts → `PageScan`s.

pdfium (C++) parses the page and lists its characters in content-stream order, form XObjects
included, with spaces and line breaks of its own where it sees gaps. Its text is cut into words
there; each word is one `Glyph`, boxed from its first and last character's "loose" box
(`FPDFText_GetLooseCharBox`: from the pen position across the advance width, from the font's
descent up), which is pdfminer.six's box but for its bottom and top: those are set from the pen
position, the font's descent and the font size in user space (`FPDFText_GetFontSize` and the
character's matrix), asked once per box height (one font at one size). A word pdfium joined
from two text objects, or broken over two lines, is taken character by character. Spaces that
pdfium made up have an empty box and are left out: `kenmerk.extract.pdf_lines` puts in spaces,
finds the lines and splits them as it does for pdfminer. Boxes are turned as pdfminer turns
them: origin at the media box's lower-left corner, upright on a page with `/Rotate`.

pdfium leaves a text object without width out of its text: a lone space, but also a one-letter
word of an OCR layer set in a font without glyph outlines ("u", the day "7" of a date). A
scanned page with such objects is read by `kenmerk.extract.pdf_pdfminer` instead. pdfium cannot
be stopped from inside: `kenmerk.extract.pdf_guard` refuses decompression and form bombs before
pdfium opens the file.
"""
from __future__ import annotations

import ctypes
import re
import struct
from collections.abc import Callable
from functools import partial
from typing import Any

import pypdfium2
import pypdfium2.raw as pdfium_c

from kenmerk.extract import textlayer
from kenmerk.extract.errors import UnreadableInput
from kenmerk.extract.layout import Page
from kenmerk.extract.pdf_guard import check
from kenmerk.extract.pdf_lines import Glyph, PageScan, page_lines
from kenmerk.extract.pdf_messages import BROKEN, ENCRYPTED, NO_EXTRACTION, NO_PAGES, OUT_OF_MEMORY, broken

#: pdfium's load errors that mean a password is needed or the scheme is unknown
ENCRYPTION_ERRORS = (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY)
#: the permission bit that allows copying text (PDF 32000-1, table 22, bit 5)
EXTRACT_PERMISSION = 1 << 4
#: page object types that put ink on a page besides text
DRAWN_TYPES = (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_SHADING)
#: how deep form XObjects are searched for images
MAX_FORM_DEPTH = 15
#: a text object narrower than this (points) is left out of pdfium's text (its `kSizeEpsilon`, with room)
HIDDEN_WIDTH = 0.01
#: pdfium's text marks a hyphen that breaks a word at the end of a line as U+FFFE; it is printed as "-"
HYPHENS = {"\ufffe": "-"}
#: how a character stands on the page: upright, turned a quarter (on a turned page), at another angle
UPRIGHT, SIDEWAYS, SLANTED = 0, 1, 2
#: a gap between two words wider than this share of the font size may hold more than one space
WIDE_GAP = 0.3
#: the two pdfium functions called for every word, through bare pointers: ctypes converts plain ints to
#: them in half the time pypdfium2's typed bindings take (0.37 against 0.59 us a call, measured)
LOOSE_CHAR_BOX = ctypes.cast(pdfium_c.FPDFText_GetLooseCharBox,
                             ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_void_p))
#: one rectangle per text object a range of characters spans
COUNT_RECTS = ctypes.cast(pdfium_c.FPDFText_CountRects,
                          ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int, ctypes.c_int))
#: an FS_RECTF as Python floats
RECT = struct.Struct("4f")
#: a word (no whitespace) or a run of spaces other than pdfium's line breaks
WORD = re.compile(r"[^\s]+|[^\S\r\n]+")


def _open(data: bytes, name: str) -> pypdfium2.PdfDocument:
    try:
        pdf = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError as exc:
        if exc.err_code in ENCRYPTION_ERRORS:
            raise UnreadableInput(ENCRYPTED, path=name) from None
        if exc.err_code == pdfium_c.FPDF_ERR_SUCCESS:
            raise UnreadableInput(NO_PAGES, path=name) from None
        raise UnreadableInput(broken(exc), path=name) from None
    except MemoryError:
        raise UnreadableInput(OUT_OF_MEMORY, path=name) from None
    if (pdfium_c.FPDF_GetSecurityHandlerRevision(pdf) != -1
            and not pdfium_c.FPDF_GetDocPermissions(pdf) & EXTRACT_PERMISSION):
        pdf.close()
        raise UnreadableInput(NO_EXTRACTION, path=name)
    return pdf


def _page_matrix(page: pypdfium2.PdfPage) -> tuple[tuple[float, ...], float, float]:
    """pdfminer's page matrix (origin at the media box's lower-left, /Rotate applied), width and height."""
    box = page.get_mediabox(fallback_ok=False) or page.get_bbox()
    x0, y0, x1, y1 = box
    rotate = page.get_rotation()
    ctm = {90: (0, -1, 1, 0, -y0, x1), 180: (-1, 0, 0, -1, x1, y1),
           270: (0, 1, -1, 0, y1, -x0)}.get(rotate, (1, 0, 0, 1, -x0, -y0))
    width, height = abs(x1 - x0), abs(y1 - y0)
    return ctm, *((height, width) if rotate in (90, 270) else (width, height))


class _Objects:
    """What the page objects say (forms searched too): the boxes of the images, whether anything is drawn,
    and the text objects."""

    def __init__(self, page: pypdfium2.PdfPage) -> None:
        self.images: list[tuple[float, float, float, float]] = []
        self.texts: list = []
        self.drawn = False
        # (how many objects, the getter of object i, the form depth); pypdfium2.raw's handles are untyped
        stack: list[tuple[int, Callable[[int], Any], int]] = [
            (pdfium_c.FPDFPage_CountObjects(page.raw), partial(pdfium_c.FPDFPage_GetObject, page.raw), 0)]
        while stack:
            count, get, depth = stack.pop()
            for i in range(count):
                obj = get(i)
                kind = pdfium_c.FPDFPageObj_GetType(obj)
                if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
                    self.texts.append(obj)
                elif kind in DRAWN_TYPES:
                    self.drawn = True
                    if kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                        self.images.append(_bounds(obj))
                elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                    stack.append((pdfium_c.FPDFFormObj_CountObjects(obj),
                                  partial(pdfium_c.FPDFFormObj_GetObject, obj), depth + 1))

    def hidden_text(self) -> bool:
        """Whether a text object has no width: pdfium's text leaves it out. On a born-digital page that is a
        string of spaces; in an OCR layer set in a font without glyph outlines, a one-letter word ("u", a
        day "7") that pdfminer reads."""
        return any(right - left < HIDDEN_WIDTH for left, _, right, _ in map(_bounds, self.texts))


def _bounds(obj) -> tuple[float, float, float, float]:
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    return left.value, bottom.value, right.value, top.value


#: how close to a whole number of spaces the rest of a gap must be to be spaces pdfium's text lists once
SPACE_FIT = 0.1


def _dropped_spaces(space: Glyph, after: Glyph) -> list[Glyph]:
    """The spaces of a run pdfium's text lists once ("N O T A   T E R": three spaces drawn edge to edge), as
    pdfminer.six lists each: as many more as fill the rest of the gap to `after` edge to edge, when it holds a
    whole number of them; none otherwise."""
    width = space.x1 - space.x0
    rest = after.x0 - space.x1
    count = round(rest / width) if width > 0 else 0
    if count < 1 or abs(rest / width - count) > SPACE_FIT:
        return []
    return [space._replace(x0=space.x1 + k * width, x1=space.x1 + (k + 1) * width) for k in range(count)]


class _Chars:
    """The characters of one text page as glyphs with pdfminer's boxes, in pdfminer's coordinates."""

    def __init__(self, textpage: pypdfium2.PdfTextPage, ctm: tuple[float, ...]) -> None:
        self.raw = textpage.raw
        self.ctm = ctm
        #: loose box height → (font size on the page, shift of pdfminer's box across the line, how it stands)
        self.metrics: dict[float, tuple[float, float, int]] = {}
        self.font_buffer = ctypes.create_string_buffer(256)
        self.flags = ctypes.c_int()

    def _metrics(self, index: int, left: float, bottom: float, height: float) -> tuple[float, float, int]:
        """For the glyph at `index` (its loose box on the page: left edge, bottom and height): the font
        size on the page, how far pdfminer's box starts beyond the loose box's start across the line,
        and whether the glyph stands `UPRIGHT`, lies `SIDEWAYS` (a turned page or turned text) or at
        an angle (`SLANTED`: the loose box is kept).

        pdfminer's box runs from the font's descent below the pen position to one font size above that;
        the loose box from the descent pdfium takes (from the font's bounding box when the descriptor
        gives none) to the ascent. Asked once per box height: characters of one font at one size share it.
        """
        raw = self.raw
        fs = pdfium_c.FPDFText_GetFontSize(raw, index)
        m = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFText_GetMatrix(raw, index, m)
        x, y = ctypes.c_double(), ctypes.c_double()
        pdfium_c.FPDFText_GetCharOrigin(raw, index, x, y)
        descent = ctypes.c_float()
        font = pdfium_c.FPDFTextObj_GetFont(pdfium_c.FPDFText_GetTextObject(raw, index))
        if not font or not pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1.0), descent):
            descent.value = 0.0
        a, b, c, d, e, f = self.ctm
        # the character's matrix on the page as pdfminer sees it
        na, nb = m.a * a + m.b * c, m.a * b + m.b * d
        nc, nd = m.c * a + m.d * c, m.c * b + m.d * d
        if abs(nb) < 1e-6 and abs(nc) < 1e-6 and na and nd:
            origin, up, low, kind = b * x.value + d * y.value + f, nd, bottom, UPRIGHT
        elif abs(na) < 1e-6 and abs(nd) < 1e-6 and nb and nc:
            origin, up, low, kind = a * x.value + c * y.value + e, nc, left, SIDEWAYS
        else:
            return height, 0.0, SLANTED
        ends = (origin + up * descent.value * fs, origin + up * (descent.value + 1) * fs)
        return abs(up) * fs, min(ends) - low, kind

    def glyphs(self, text: str) -> list[Glyph]:
        """The page's words (characters set edge to edge between pdfium's spaces and line breaks) and its
        spaces, with pdfminer's boxes; a word's box is asked of its first and last character only.

        Turned text is taken character by character, as pdfminer sets each character of it on a line of
        its own. A word drawn by more than one text object is split where the objects meet (pdfium joins objects
        without a space where pdfminer may see a gap); one whose last character does not stand on the
        line of its first, right of it (a word broken at the end of a line), is taken character by
        character. The spaces between two words are asked for only when the gap is wider than a
        space (`WIDE_GAP`): only then can they make the two spaces in a row that split a line.
        """
        metrics, describe = self.metrics, self._metrics
        raw = ctypes.cast(self.raw, ctypes.c_void_p).value
        rect = bytearray(16)  # FS_RECTF: left, top, right, bottom
        pointer = ctypes.addressof((ctypes.c_char * 16).from_buffer(rect))
        unpack = RECT.unpack_from
        a, b, c, d, e, f = self.ctm
        turned = (a, b, c, d) != (1, 0, 0, 1)
        hyphens = "\ufffe" in text
        new_glyph = tuple.__new__  # a Glyph from a tuple, without NamedTuple's argument handling

        def loose(index: int) -> tuple[float, float, float, float] | None:
            """The loose box of the character at `index` on the page; None for one pdfium made up (its
            spaces and line breaks have an empty box)."""
            LOOSE_CHAR_BOX(raw, index, pointer)
            left, top, right, bottom = unpack(rect)
            if left == right and bottom == top:
                return None
            if turned:
                xs = (a * left + c * bottom + e, a * right + c * top + e)
                ys = (b * left + d * bottom + f, b * right + d * top + f)
                return min(xs), min(ys), max(xs), max(ys)
            return left + e, bottom + f, right + e, top + f

        def box(index: int) -> tuple[float, float, float, float, float, int] | None:
            """pdfminer's box of the character at `index` on the page, its font size and how it stands."""
            found = loose(index)
            if found is None:
                return None
            left, bottom, right, top = found
            height = top - bottom
            known = metrics.get(height)
            if known is None:
                known = metrics[height] = describe(index, left, bottom, height)
            size, drop, kind = known
            if kind == UPRIGHT:
                bottom += drop
                top = bottom + size
            elif kind == SIDEWAYS:
                left += drop
                right = left + size
                size = height  # pdfminer's size of a character is the height of its box
            return left, bottom, right, top, size, kind

        def one_object(start: int, end: int) -> int:
            """The end of the longest run from `start` (before `end`) that one text object draws."""
            if COUNT_RECTS(raw, start, end - start) <= 1:
                return end
            low, high = start + 1, end - 1  # start..low is one object; start..high+1 is not
            while low < high:
                middle = (low + high + 1) // 2
                if COUNT_RECTS(raw, start, middle - start) <= 1:
                    low = middle
                else:
                    high = middle - 1
            return low

        def word(start: int, end: int) -> list[Glyph]:
            """A word as glyphs: one per text object drawing it (one per character across a line break).
            The box of a glyph is its first character's, reaching to its last character's right edge."""
            glyphs = []
            while start < end:
                stop = end if end - start == 1 else one_object(start, end)
                first = box(start)
                if first is None:
                    start += 1
                    continue
                left, bottom, right, top, size, kind = first
                head = tail = right - left
                if stop - start > 1 and kind != UPRIGHT:
                    stop = start + 1  # turned text: pdfminer sets each character on a line of its own
                elif stop - start > 1:
                    last = loose(stop - 1)
                    if last is None or last[0] < left or not (last[1] < top and bottom < last[3]):
                        stop = start + 1  # not on one line: this character alone
                    else:
                        right, tail = last[2], last[2] - last[0]
                piece = text[start:stop]
                glyphs.append(new_glyph(Glyph, (piece.replace("\ufffe", "-") if hyphens else piece, left, bottom,
                                                right, top, size, start, head, tail, False)))
                start = stop
            return glyphs

        out: list[Glyph] = []
        spaces = None  # the run of spaces before the next word
        for match in WORD.finditer(text):
            start, end = match.span()
            if text[start].isspace():
                spaces = range(start, end)
                continue
            glyphs = word(start, end)
            if spaces is not None and out and glyphs:
                before, after = out[-1], glyphs[0]
                if before.y0 < after.y1 and after.y0 < before.y1 and after.x0 - before.x1 > WIDE_GAP * after.size:
                    for index in spaces:  # a wide gap: whether it holds real spaces decides a split
                        one = box(index)
                        if one is not None:
                            left, bottom, right, top, size, _ = one
                            out.append(Glyph(text[index], left, bottom, right, top, size, index, right - left,
                                             right - left))
                    out.extend(_dropped_spaces(out[-1], after) if out[-1].text == " " else ())
                else:
                    glyphs[0] = new_glyph(Glyph, (*after[:-1], True))
            spaces = None
            out.extend(glyphs)
        return out

    def font_name(self, index: object) -> str:
        """The name of the font of the glyph at `index`."""
        pdfium_c.FPDFText_GetFontInfo(self.raw, index, self.font_buffer, len(self.font_buffer), self.flags)
        return self.font_buffer.value.decode("utf-8", "replace")


def _text(textpage: pypdfium2.PdfTextPage, count: int) -> str:
    """The text of every character, one per character (pdfium's page text, else character by character)."""
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i)) for i in range(count))
    return text


def _page(pdf: pypdfium2.PdfDocument, index: int) -> tuple[PageScan, bool]:
    """Page `index` (0-based) laid out as pdfium lists it, and whether that is the whole page (not so for
    a scanned page whose OCR layer has text pdfium leaves out)."""
    page = pdf[index]
    try:
        ctm, width, height = _page_matrix(page)
        textpage = page.get_textpage()
        try:
            chars = _Chars(textpage, ctm)
            glyphs = chars.glyphs(_text(textpage, textpage.count_chars()))
            lines = page_lines([glyphs], index + 1, chars.font_name)
        finally:
            textpage.close()
        objects = _Objects(page)
        area = width * height
        covered = 0.0
        for left, bottom, right, top in objects.images:  # in user space: turned as the page is
            xs = (ctm[0] * left + ctm[2] * bottom + ctm[4], ctm[0] * right + ctm[2] * top + ctm[4])
            ys = (ctm[1] * left + ctm[3] * bottom + ctm[5], ctm[1] * right + ctm[3] * top + ctm[5])
            covered += (max(0.0, min(max(xs), width) - max(min(xs), 0.0))
                        * max(0.0, min(max(ys), height) - max(min(ys), 0.0)))
        coverage = min(1.0, covered / area) if area > 0 else 0.0
        whole = not (coverage >= textlayer.SCAN_COVERAGE and objects.hidden_text())
    finally:
        page.close()
    return PageScan(page=Page(number=index + 1, width=width, height=height, lines=lines),
                    image_coverage=coverage, blank=not glyphs and not objects.texts and not objects.drawn), whole


class _Fallback:
    """pdfminer.six for the pages pdfium does not list whole (opened when first needed)."""

    def __init__(self, data: bytes, name: str) -> None:
        from kenmerk.extract import pdf_pdfminer  # imported when a page needs it

        self.reader: pdf_pdfminer.Reader | None
        try:
            self.reader = pdf_pdfminer.Reader(data, name)
        except UnreadableInput:
            self.reader = None

    def scan_number(self, number: int) -> PageScan | None:
        return self.reader.scan_number(number) if self.reader is not None else None


def read_pages(data: bytes, name: str, max_pages: int | None,
               on_page: Callable[[PageScan, int], None]) -> list[str]:
    """Lay out the pages of a PDF, telling `on_page(scan, total)` each in turn; return reading notes.

    Raises `UnreadableInput` when the PDF cannot be opened, gives no page, or holds a decompression or
    form bomb (`kenmerk.extract.pdf_guard`: pdfium would abort the process running out of memory).
    """
    check(data, name, max_pages)
    pdf = _open(data, name)
    notes: list[str] = []
    fallback: _Fallback | None = None
    try:
        count = len(pdf)
        total = count if max_pages is None else min(count, max_pages)
        if total < count:
            notes.append(f"only the first {max_pages} pages were read (the page limit)")
        for index in range(total):
            try:
                scan, whole = _page(pdf, index)
            except MemoryError:
                raise UnreadableInput(OUT_OF_MEMORY, path=name) from None
            except pypdfium2.PdfiumError as exc:  # a page pdfium cannot load
                if not index:
                    raise UnreadableInput(broken(exc), path=name) from None
                notes.append(BROKEN.format(pages=index, error=exc.__class__.__name__))
                break
            if not whole:  # an OCR layer with text pdfium leaves out: pdfminer reads this page
                fallback = fallback or _Fallback(data, name)
                scan = fallback.scan_number(index + 1) or scan
            on_page(scan, total)
    finally:
        pdf.close()
    if not total:
        raise UnreadableInput(NO_PAGES, path=name)
    return notes
