"""Image scans (PNG, JPEG, TIFF; every page of a multi-page TIFF) → `Layout`, read by OCR.

Each page is opened with Pillow (turned upright by its EXIF orientation, transparency on white,
grayscale) and read by the same OCR path as a scanned PDF page (`kenmerk.extract.ocr`): white
stamps on redaction boxes made legible, Tesseract's words grouped into lines with boxes in
points, the results in the same OCR cache, each call under the same time limit, and the page
limit of `ReadLimits`. A point is 1/72 inch at the resolution the image records; an image that
records none (or a nonsensical one) is taken for an A4 page, its long side 11.69 inches (and a
resolution within 3 % of a common one, 300 dpi say, for that one), so the extractors' geometry
in points holds for a scan of a note whatever its pixel size.

An image has no text without OCR: with `--ocr never`, or without Tesseract, it fails with one
line (the latter with the install hint, as a scanned PDF does).
"""
from __future__ import annotations

import dataclasses
import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from kenmerk.extract import textlayer
from kenmerk.extract.errors import NoTextLayer, UnreadableInput
from kenmerk.extract.layout import Layout, Page
from kenmerk.extract.ocr import (
    INSTALL_HINT,
    OcrError,
    choose_language,
    find_tesseract,
    ocr_image,
    parse_tsv,
    reveal_stamps,
    words_to_lines,
)
from kenmerk.extract.pdf_ocr import MAX_OCR_FAILURES
from kenmerk.extract.progress import PageCallback

if TYPE_CHECKING:
    from kenmerk.extract.reader import ReadLimits

log = logging.getLogger("kenmerk.extract.ocr")

#: the long side of an A4 page in inches: the size of an image that records no resolution
A4_LONG_SIDE_IN = 11.69
#: resolutions outside this range are not believed (a JFIF aspect ratio of 1:1 reads as 1 dpi)
DPI_RANGE = (50.0, 1200.0)
#: the resolutions scanners and renderers use: a guess within `SNAP` of one is taken to be it (a page a
#: little off A4, scanned at 300 dpi, is 300 dpi, not 302)
COMMON_DPI = (72, 96, 100, 150, 200, 240, 300, 400, 600, 1200)
SNAP = 0.03


def image_dpi(info: dict, size: tuple[int, int]) -> float:
    """The image's resolution in dots per inch: as recorded, else that of an A4 page of its size."""
    recorded = info.get("dpi")
    try:
        dpi = float(recorded[0]) if recorded else 0.0
    except (TypeError, ValueError, IndexError):
        dpi = 0.0
    if DPI_RANGE[0] <= dpi <= DPI_RANGE[1]:
        return dpi
    guess = max(size) / A4_LONG_SIDE_IN
    near = min(COMMON_DPI, key=lambda d: abs(d - guess))
    return float(near) if abs(near - guess) <= SNAP * near else guess


def _grayscale(frame):
    """The frame upright, transparency on white paper, in grayscale ("L")."""
    from PIL import Image, ImageOps

    frame = ImageOps.exif_transpose(frame)
    if frame.mode in ("RGBA", "LA", "PA") or (frame.mode == "P" and "transparency" in frame.info):
        paper = Image.new("RGBA", frame.size, "white")
        paper.alpha_composite(frame.convert("RGBA"))
        frame = paper
    return frame.convert("L")


def _pgm(gray) -> bytes:
    out = io.BytesIO()
    gray.save(out, format="PPM")
    return out.getvalue()


@contextmanager
def _quiet_pillow() -> Iterator[None]:
    """Pillow's remarks on a damaged file stay off stderr (what fails is reported in one line); a
    decompression bomb's warning is an error."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        yield


def _why(exc: BaseException) -> str:
    text = str(exc).split(" <_io.")[0].strip()
    return f"{exc.__class__.__name__}: {text[:100]}" if text else exc.__class__.__name__


def _open(data: bytes, name: str):
    """The image, opened lazily (its pixels are decoded page by page), and its number of pages; a broken
    or oversized one refused."""
    from PIL import Image

    try:
        with _quiet_pillow():
            image = Image.open(io.BytesIO(data))
            return image, getattr(image, "n_frames", 1)  # a TIFF's directories are read here
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as exc:
        raise UnreadableInput(f"image too large to read ({exc.args[0].split('.')[0]})", path=name) from None
    except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds (OSError, SyntaxError, TypeError, …) for a broken file
        raise UnreadableInput(f"broken image ({_why(exc)})", path=name) from None


def image_pdf(data: bytes, name: str, max_pages: int = 1000) -> bytes:
    """The image's pages (up to `max_pages`) as a PDF, each page at the image's resolution, so a box of the
    lines read from it lies on the same spot of the PDF's page (for drawing the pages in the review)."""
    image, total = _open(data, name)
    with image, _quiet_pillow():
        dpi = image_dpi(image.info, image.size)
        pages = []
        for index in range(min(total, max_pages)):
            image.seek(index)
            pages.append(_grayscale(image))
        out = io.BytesIO()
        pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return out.getvalue()


def read_image(data: bytes, name: str, limits: ReadLimits, on_page: PageCallback | None = None) -> Layout:
    """OCR every page of an image (a multi-page TIFF page by page) into lines with boxes in points."""
    image, total = _open(data, name)
    with image:
        return _read_pages(image, total, name, limits, on_page)


def _read_pages(image, total: int, name: str, limits: ReadLimits, on_page: PageCallback | None) -> Layout:
    """OCR the pages of an open image, up to the page limit."""
    if limits.ocr == "never":
        raise NoTextLayer("an image: its text can only be read by OCR (OCR is off)", path=name)
    tess = find_tesseract()
    if tess is None:
        raise NoTextLayer(f"an image, and tesseract is not installed to OCR it; {INSTALL_HINT}", path=name)
    settings = limits.ocr_settings()
    try:
        lang, remark = choose_language(tess, settings.lang)
    except OcrError as exc:
        raise NoTextLayer(f"an image, and OCR failed: {exc}", path=name) from None
    count = min(total, limits.max_pages)
    notes = [remark] if remark else []
    pages: list[Page] = []
    failed: list[str] = []
    broken: list[str] = []
    dpis: set[int] = set()
    for index in range(count):
        try:
            with _quiet_pillow():
                image.seek(index)
                gray = _grayscale(image)
        except Exception as exc:  # noqa: BLE001 - Pillow raises many kinds for a damaged page; the others go on
            broken.append(f"page {index + 1}: cannot decode ({_why(exc)})")
            pages.append(Page(number=index + 1))
            continue
        dpi = image_dpi(image.info, gray.size)
        dpis.add(round(dpi))
        scale = 72.0 / dpi
        page = Page(number=index + 1, width=round(gray.width * scale, 1), height=round(gray.height * scale, 1),
                    ocr=True)
        if len(failed) < MAX_OCR_FAILURES:
            try:
                pgm, _ = reveal_stamps(_pgm(gray), round(dpi))
                tsv = ocr_image(pgm, tess, lang, dataclasses.replace(settings, dpi=round(dpi)))
                page.lines = words_to_lines(parse_tsv(tsv), page=page.number, scale=scale, page_height=page.height)
            except OcrError as exc:
                failed.append(f"page {page.number}: {exc}")
        pages.append(page)
        if on_page is not None:
            on_page(index + 1, count)
    read = [p.number for p in pages if p.lines]
    if read:
        notes.append(f"page(s) {textlayer.page_ranges(read)} read by OCR (tesseract, {lang}, "
                     f"{'/'.join(str(d) for d in sorted(dpis))} dpi; an image); values may be misread")
    if total > count:
        notes.append(f"only the first {count} pages were read (the page limit)")
    if not read:
        if broken and not failed:
            raise UnreadableInput(f"broken image ({broken[0]})", path=name)
        why = f"OCR failed: {failed[0]}" if failed else "OCR found no text"
        raise NoTextLayer(f"an image with {count} page(s), and {why}", path=name)
    for kind, problems in (("not decoded", broken), ("OCR failed", failed)):
        if problems:  # the other pages were read: said once on stderr, and in the note's warnings
            message = f"{kind}: " + "; ".join(problems)
            log.warning("%s: %s", name, message)
            notes.append(message)
    index = 0
    for page in pages:
        for i, ln in enumerate(page.lines):
            page.lines[i] = dataclasses.replace(ln, index=index)
            index += 1
    return Layout(pages=pages, media_type=f"image/{(image.format or 'png').lower()}", has_positions=True, notes=notes)
