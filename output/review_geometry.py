"""Where evidence sits on a page image: the one conversion from evidence coordinates to pixels.

    from kenmerk.output.review_geometry import page_frame
    bitmap = pdfium_page.render(scale=1.25)
    frame = page_frame(pdfium_page, bitmap.width, bitmap.height)   # the page as that image shows it
    frame.to_percent(evidence.bbox)                   # left, top, width, height in % of the image

Evidence boxes (`kenmerk.extract.BBox`) are in the coordinates the PDF readers give every
line: PDF points with the origin at the lower-left corner of the page's media box, y up,
and the page's `/Rotate` already applied (pdfminer.six's convention, which the pdfium reader
and the OCR of a page follow). A page image shows the page's *displayed* box — the crop box
(within the media box), turned by `/Rotate` — so a box is moved by that box's corner, turned
with the page, flipped (y down) and scaled to the image. `PageFrame` holds the displayed box in
evidence coordinates and the image's scale; every box the report draws goes through it.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from kenmerk.extract import BBox

__all__ = ["PageFrame", "page_frame", "to_evidence_space", "to_user_space"]

Rect = tuple[float, float, float, float]


def to_evidence_space(x: float, y: float, media: Rect, rotation: int) -> tuple[float, float]:
    """A point of the PDF's user space in evidence coordinates: from the media box's lower-left
    corner, turned by the page's `/Rotate` (clockwise degrees) as the page is displayed."""
    mx0, my0, mx1, my1 = media
    turns = {
        0: lambda: (x - mx0, y - my0),
        90: lambda: (y - my0, mx1 - x),
        180: lambda: (mx1 - x, my1 - y),
        270: lambda: (my1 - y, x - mx0),
    }
    return turns[rotation % 360]()


def to_user_space(x: float, y: float, media: Rect, rotation: int) -> tuple[float, float]:
    """A point in evidence coordinates in the PDF's user space (the inverse of `to_evidence_space`)."""
    mx0, my0, mx1, my1 = media
    turns = {
        0: lambda: (x + mx0, y + my0),
        90: lambda: (mx1 - y, x + my0),
        180: lambda: (mx1 - x, my1 - y),
        270: lambda: (y + mx0, my1 - x),
    }
    return turns[rotation % 360]()


def _turned(box: Rect, media: Rect, rotation: int, convert: Callable[[float, float, Rect, int], tuple[float, float]] = to_evidence_space) -> Rect:
    """A rectangle (x0, y0, x1, y1) of user space in evidence coordinates (or back, with `to_user_space`)."""
    corners = [convert(x, y, media, rotation) for x in (box[0], box[2]) for y in (box[1], box[3])]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    return min(xs), min(ys), max(xs), max(ys)


@dataclass(frozen=True)
class PageFrame:
    """A page image's displayed box in evidence coordinates, and the image's size in pixels."""

    left: float        # the displayed box's lower-left corner, in evidence coordinates (points)
    bottom: float
    width: float       # its size in points, as displayed (turned)
    height: float
    px_width: int      # the image's size in pixels
    px_height: int
    media: Rect = (0.0, 0.0, 0.0, 0.0)   # the media box in user space, and the page's /Rotate
    rotation: int = 0

    @property
    def scale(self) -> float:
        """Image pixels per point (across; pdfium stretches the page over the whole bitmap)."""
        return self.px_width / self.width if self.width else 0.0

    def to_pixels(self, bbox: BBox) -> Rect:
        """`bbox` on the image: left, top, width, height in pixels (y down)."""
        sx = self.px_width / self.width if self.width else 0.0
        sy = self.px_height / self.height if self.height else 0.0
        top = self.bottom + self.height
        return ((bbox.x0 - self.left) * sx, (top - bbox.y1) * sy,
                (bbox.x1 - bbox.x0) * sx, (bbox.y1 - bbox.y0) * sy)

    def user_to_pixels(self, rect: Rect) -> Rect:
        """A rectangle of the PDF's user space (a character's box from pdfium) on the image, as `to_pixels`."""
        x0, y0, x1, y1 = _turned(rect, self.media, self.rotation)
        return self.to_pixels(BBox(x0=x0, y0=y0, x1=x1, y1=y1))

    def user_rect(self, bbox: BBox) -> Rect:
        """`bbox` in the PDF's user space (left, bottom, right, top), to ask pdfium what is printed there."""
        return _turned((bbox.x0, bbox.y0, bbox.x1, bbox.y1), self.media, self.rotation, to_user_space)

    def to_percent(self, bbox: BBox) -> Rect:
        """`bbox` on the image in % of the image's width and height (left, top, width, height), so a
        box stays on its words at any display size; clipped to the page."""
        left, top, width, height = self.to_pixels(bbox)
        x0 = _clip(left / self.px_width * 100)
        y0 = _clip(top / self.px_height * 100)
        x1 = _clip((left + width) / self.px_width * 100)
        y1 = _clip((top + height) / self.px_height * 100)
        return round(x0, 4), round(y0, 4), round(x1 - x0, 4), round(y1 - y0, 4)


def _clip(v: float) -> float:
    return min(max(v, 0.0), 100.0)


def page_frame(page: Any, px_width: int, px_height: int) -> PageFrame:  # a pypdfium2 PdfPage
    """The frame of `page` (a `pypdfium2.PdfPage`) rendered whole into an image of this size.

    The displayed box is pdfium's page box (the crop box within the media box); the media box
    is the one the readers take the origin from (`get_mediabox`, else the page box)."""
    shown = page.get_bbox()
    media = page.get_mediabox(fallback_ok=False) or shown
    x0, y0, x1, y1 = _turned(shown, media, page.get_rotation() % 360)
    return PageFrame(left=x0, bottom=y0, width=x1 - x0, height=y1 - y0, px_width=px_width, px_height=px_height,
                     media=tuple(media), rotation=page.get_rotation() % 360)
