"""Line geometry: how the printed lines of a page relate to each other.

Every rule that reads the layout ("the value beside the label", "the lines
under it in the same column", "the cells of one table row") asks this module,
with tolerances that have names, so a tolerance is tuned in one place and
means the same to every extractor (pdfplumber passes its `x_tolerance` and
`y_tolerance` the same way).

Coordinates are PDF points with the origin bottom-left: a larger `y1` is
higher on the page. Lines without a box (text inputs) are never beside,
below or in a column with anything.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Protocol, TypeVar


class Boxed(Protocol):
    """Anything with a page and perhaps a box: a `Line`, a word, an OCR stamp (read-only, so frozen
    lines fit). Its coordinates mean something only when `has_box` (a text input's lines have none)."""

    @property
    def page(self) -> int: ...
    @property
    def x0(self) -> float: ...
    @property
    def y0(self) -> float: ...
    @property
    def x1(self) -> float: ...
    @property
    def y1(self) -> float: ...
    @property
    def has_box(self) -> bool: ...


B = TypeVar("B", bound=Boxed)


@dataclass(frozen=True)
class Tolerances:
    """Distances in points under which two boxes count as aligned."""

    row: float = 3.5
    """Two lines share a row when their tops differ by at most this (a label and its value)."""
    reading_row: float = 2.5
    """Height of the bands reading order sorts by: lines in one band read left to right."""
    column: float = 8.0
    """Two lines are in one column when their left edges differ by at most this."""
    aligned: float = 3.0
    """Lines of one block (a title, an address) start within this of each other."""
    beside: float = 260.0
    """A value beside its label starts at most this far right of the label's end."""
    heading_number: float = 40.0
    """A section number printed in its own column lies at most this far left of its heading."""


DEFAULT = Tolerances()


def reading_key(line: Boxed, tol: Tolerances = DEFAULT) -> tuple[float, float]:
    """Sort key for reading order on one page: top to bottom in bands, then left to right."""
    return (-round(line.y1 / tol.reading_row), line.x0)


def height(line: Boxed) -> float:
    return (line.y1 - line.y0) if line.has_box else 0.0


def same_row(a: Boxed, b: Boxed, tol: Tolerances = DEFAULT, *, strict: bool = False) -> bool:
    """Whether two lines stand on one row: tops within `tol.row`, or (unless `strict`) one's middle inside the other."""
    if not (a.has_box and b.has_box) or a.page != b.page:
        return False
    return abs(a.y1 - b.y1) <= tol.row or (not strict and b.y0 <= (a.y0 + a.y1) / 2 <= b.y1)


def beside(left: Boxed, right: Boxed, tol: Tolerances = DEFAULT) -> bool:
    """Whether `right` stands on `left`'s row, to its right, within `tol.beside`."""
    return same_row(left, right, tol) and right.x0 >= left.x1 - 1 and right.x0 - left.x1 < tol.beside


def vertical_gap(upper: Boxed, lower: Boxed) -> float:
    """White space between the bottom of `upper` and the top of `lower` (negative when they overlap)."""
    return upper.y0 - lower.y1


def below(upper: Boxed, lower: Boxed, max_gap: float) -> bool:
    """Whether `lower` starts under `upper` on the same page, at most `max_gap` lower."""
    if not (upper.has_box and lower.has_box) or upper.page != lower.page:
        return False
    return lower.y1 < upper.y1 - 0.5 and vertical_gap(upper, lower) <= max_gap


def same_column(a: Boxed, b: Boxed, tol: Tolerances = DEFAULT, *, slack: float | None = None) -> bool:
    """Whether two lines start at the same left edge (within `slack`, default `tol.column`)."""
    if not (a.has_box and b.has_box):
        return False
    return abs(a.x0 - b.x0) <= (tol.column if slack is None else slack)


def aligned(a: Boxed, b: Boxed, tol: Tolerances = DEFAULT) -> bool:
    """Whether two lines of one block start at the same left edge (`tol.aligned`)."""
    return same_column(a, b, tol, slack=tol.aligned)


def overlaps_x(a: Boxed, b: Boxed) -> bool:
    """Whether the horizontal extents of two boxes overlap (a cell under a column header)."""
    return a.has_box and b.has_box and a.x0 < b.x1 and b.x0 < a.x1


def rows(lines: Iterable[B], tol: Tolerances = DEFAULT, *, strict: bool = False) -> list[list[B]]:
    """Group boxed lines into rows, top to bottom; each row left to right."""
    out: list[list[B]] = []
    for ln in sorted((ln for ln in lines if ln.has_box), key=lambda ln: (ln.page, -ln.y1, ln.x0)):
        if out and out[-1][0].page == ln.page and any(same_row(ln, other, tol, strict=strict) for other in out[-1]):
            out[-1].append(ln)
        else:
            out.append([ln])
    return [sorted(row, key=lambda ln: ln.x0) for row in out]


def union(lines: Iterable[Boxed]) -> tuple[float, float, float, float] | None:
    """The box around the boxed lines given (x0, y0, x1, y1), or None."""
    boxed = [ln for ln in lines if ln.has_box]
    if not boxed:
        return None
    return (min(ln.x0 for ln in boxed), min(ln.y0 for ln in boxed),
            max(ln.x1 for ln in boxed), max(ln.y1 for ln in boxed))
