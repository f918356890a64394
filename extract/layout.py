"""The laid-out document every field extractor reads: pages of text lines with positions.

PDF inputs give each line a bounding box in PDF points (origin bottom-left) and a
font size; text and Markdown inputs give lines without positions. Extractors work
on this one shape, so a rule written for the colofon of a PDF also works on a
text conversion where the colofon is interleaved with the body.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator


@dataclass(frozen=True, slots=True)
class Line:
    """One printed line: its text, page (1-based) and, for PDFs, its box and font.

    A line read from a PDF or a scan has a box in PDF points (`has_box`); a line of a
    text input has none, and its coordinates stay 0.0: read them only when `has_box`.
    """

    text: str
    page: int
    x0: float = 0.0
    y0: float = 0.0
    x1: float = 0.0
    y1: float = 0.0
    size: float | None = None
    bold: bool = False
    index: int = 0  # position in reading order over the whole document
    gap_before: bool = False  # a paragraph break (blank line) precedes it in a text input
    has_box: bool = False

    @property
    def height(self) -> float:
        return (self.y1 - self.y0) if self.has_box else 0.0


@dataclass(slots=True)
class Page:
    """A page: its size in points (0 for text inputs) and its lines, top to bottom."""

    number: int
    width: float = 0.0
    height: float = 0.0
    lines: list[Line] = field(default_factory=list)
    ocr: bool = False

    def crop(self, x0: float = 0.0, y0: float = 0.0, x1: float | None = None, y1: float | None = None) -> list[Line]:
        """Lines whose left edge and top lie inside the rectangle (pdfplumber-style region)."""
        x1 = self.width if x1 is None else x1
        y1 = self.height if y1 is None else y1
        return [ln for ln in self.lines if ln.has_box and x0 <= ln.x0 <= x1 and y0 <= ln.y1 <= y1]


@dataclass(slots=True)
class Layout:
    """A whole document as pages of lines, plus what kind of input it came from."""

    pages: list[Page]
    media_type: str
    has_positions: bool
    notes: list[str] = field(default_factory=list)  # reading remarks for Note.warnings

    def lines(self) -> Iterator[Line]:
        for page in self.pages:
            yield from page.lines

    def text(self, lines: Iterable[Line] | None = None) -> str:
        return "\n".join(ln.text for ln in (self.lines() if lines is None else lines))
