"""Fixture PDFs whose words are where we drew them, in every page geometry the report must handle.

The one-page note of `scripts/make_fixtures.py` (`scan_pages`: a colofon, "Aan", a title, a decision,
a redaction) is drawn with reportlab, then changed with pdfium: its content moved and the media box
moved with it (a media box away from the origin), a crop box, `/Rotate` 90 and 270 (the content
turned the other way, so the page reads upright), and a scan (the page as an image only, read by
OCR). Each word's box in the PDF's user space is known from the drawing (`Word.rect`: the font's
box from descent to ascent); `expected_pixels` asks pdfium where that lands on a rendered image
(`FPDF_PageToDevice`), and `ink_box` where its dark pixels are: an oracle apart from the report's
own conversion.
"""
from __future__ import annotations

import ctypes
import io
from dataclasses import dataclass

A4 = (595.2756, 841.8898)


@dataclass(frozen=True)
class Word:
    text: str
    rect: tuple[float, float, float, float]   # x0, y0, x1, y1 in the PDF's user space (the font's box)
    size: float


@dataclass(frozen=True)
class Variant:
    """How the drawn page is changed: a matrix for its content, its media box, crop box and /Rotate."""

    matrix: tuple[float, float, float, float, float, float] = (1, 0, 0, 1, 0, 0)
    media: tuple[float, float, float, float] = (0, 0, *A4)
    crop: tuple[float, float, float, float] | None = None
    rotation: int = 0
    scan: bool = False

    def apply(self, x: float, y: float) -> tuple[float, float]:
        a, b, c, d, e, f = self.matrix
        return a * x + c * y + e, b * x + d * y + f


W, H = A4
VARIANTS = {
    "plain": Variant(),
    "media-offset-cropped": Variant(matrix=(1, 0, 0, 1, -30, -40), media=(-30, -40, W - 30, H - 40),
                                    crop=(-10, -20, W - 40, H - 60)),
    "rotate-90-cropped": Variant(matrix=(0, 1, -1, 0, H, 0), media=(0, 0, H, W), crop=(30, 10, H - 20, W - 5),
                                 rotation=90),
    "rotate-270": Variant(matrix=(0, -1, 1, 0, 0, W), media=(0, 0, H, W), rotation=270),
    "scan": Variant(scan=True),
}


def drawn_words(make_fixtures) -> list[Word]:
    """Every string the fixture draws, with its font box in the drawing's coordinates."""
    from reportlab.pdfbase.pdfmetrics import getAscentDescent, stringWidth

    words = []
    for op in make_fixtures.scan_pages()[0].ops:
        if op[0] != "text":
            continue
        _, x, y, font, size, text = op
        ascent, descent = getAscentDescent(font, size)
        words.append(Word(text=text, rect=(x, y + descent, x + stringWidth(text, font, size), y + ascent), size=size))
    return words


def variant_pdf(make_fixtures, variant: Variant) -> bytes:
    """The fixture page changed as `variant` says."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    data = make_fixtures._render(make_fixtures.scan_pages())
    if variant.scan:
        return make_fixtures.image_only_pdf(make_fixtures.rasterise(data, dpi=200))
    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[0]
        if variant.matrix != (1, 0, 0, 1, 0, 0):
            matrix = pdfium_c.FS_MATRIX(*variant.matrix)
            assert pdfium_c.FPDFPage_TransFormWithClip(page.raw, ctypes.byref(matrix), None)
        page.set_mediabox(*variant.media)
        if variant.crop:
            page.set_cropbox(*variant.crop)
        page.set_rotation(variant.rotation)
        buf = io.BytesIO()
        pdf.save(buf)
        return buf.getvalue()
    finally:
        pdf.close()


#: `FPDF_PageToDevice` answers in whole pixels: asked for an image this many times larger, it is exact enough
FINE = 16


def expected_pixels(page, variant: Variant, word: Word, width: int, height: int) -> tuple[float, float, float, float]:
    """Where pdfium puts `word` on an image of `width` x `height` pixels of `page`: left, top, right, bottom."""
    import pypdfium2.raw as pdfium_c

    xs, ys = [], []
    x0, y0, x1, y1 = word.rect
    for x, y in ((x0, y0), (x0, y1), (x1, y0), (x1, y1)):
        ux, uy = variant.apply(x, y)
        dx, dy = ctypes.c_int(), ctypes.c_int()
        assert pdfium_c.FPDF_PageToDevice(page.raw, 0, 0, width * FINE, height * FINE, 0, ux, uy, dx, dy)
        xs.append(dx.value / FINE)
        ys.append(dy.value / FINE)
    return min(xs), min(ys), max(xs), max(ys)


def ink_box(image, rect: tuple[float, float, float, float], margin: int = 2) -> tuple[float, float, float, float] | None:
    """The box of the dark pixels of a grayscale `image` within `rect` (grown by `margin`), or None."""
    left, top, right, bottom = (int(v) for v in rect)
    crop = image.crop((max(0, left - margin), max(0, top - margin), right + margin, bottom + margin))
    found = crop.point(lambda v: 255 if v < 128 else 0).getbbox()
    if found is None:
        return None
    ox, oy = max(0, left - margin), max(0, top - margin)
    return ox + found[0], oy + found[1], ox + found[2], oy + found[3]
