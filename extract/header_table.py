"""Header tables: a row of labels with every value in the row below, paired by column.

Provinces, municipalities and agencies print a letter's metadata as a table
under the address block instead of a colofon column:

    Datum        Kenmerk           Zaaknummer    Pagina   Bijlagen   Uw brief   Uw kenmerk
    06.12.2022   Z2022-12-000123   2022-015529   1 van 3
                 Edo 6785837

A header row holds at least two labels and little else; its values stand in
the one to three rows right under it, each under the label whose column it
starts in. A cell left empty is a label without a value ("Bijlagen" above
nothing: no attachments). A row of labels over many rows of values is a data
table (an inventory list), not a header.
"""
from __future__ import annotations

from dataclasses import dataclass

from kenmerk.extract import geometry
from kenmerk.extract.geometry import DEFAULT, Tolerances
from kenmerk.extract.labels import LabelMatch, match_label
from kenmerk.extract.layout import Line, Page

#: a header row: at least this many label cells, and at least this share of its cells labels
MIN_LABELS = 2
MIN_LABEL_SHARE = 0.6
#: value rows under a header row; more rows in the same columns make it a data table
MAX_VALUE_ROWS = 3
#: the gap between the header row and its first value row, and between value rows, in line heights
MAX_ROW_GAP = 1.6


@dataclass(frozen=True)
class TableCell:
    """One column of a header table: its label and the value lines under it, top to bottom."""

    label_line: Line
    label: LabelMatch
    values: tuple[Line, ...]


def _label_cells(row: list[Line]) -> list[tuple[Line, LabelMatch]] | None:
    """The label cells of a header row: most cells are labels, in one type, close together."""
    cells = [(ln, m) for ln in row if (m := match_label(ln.text)) is not None and not m.rest and not m.colon]
    if len(cells) < MIN_LABELS or len(cells) < MIN_LABEL_SHARE * len(row):
        return None
    first = cells[0][0]
    if any(abs((ln.size or 0) - (first.size or 0)) > 0.5 or ln.bold != first.bold for ln, _ in cells):
        return None
    return cells


def _new_label(row: list[Line], header: list[Line], tol: Tolerances) -> bool:
    """A row that starts a new label under a header cell ("Kopie aan" under "Aan"): the table ends there.
    A label with a colon inside a cell ("Contactpersoon: …") is that cell's value."""
    return any((m := match_label(ln.text)) is not None and not m.colon
               and any(geometry.same_column(ln, cell, tol) for cell in header) for ln in row)


def _close(upper: list[Line], lower: list[Line]) -> bool:
    height = max(max(geometry.height(ln) for ln in upper), 6.0)
    gap = min(ln.y0 for ln in upper) - max(ln.y1 for ln in lower)
    return gap <= MAX_ROW_GAP * height


#: how far right of its label the value of the last column may start
LAST_COLUMN_REACH = 60.0


#: the widest empty gutter between two columns of one table; wider, the "columns" are separate blocks
MAX_GUTTER = 120.0


def _gutter(header: list[Line], values: list[list[Line]], tol: Tolerances) -> float:
    """The widest white space between a column (its label and values) and the next column's left edge."""
    right = [cell.x1 for cell in header]
    for row in values:
        for ln in row:
            if (col := _column(ln, header, tol)) is not None:
                right[col] = max(right[col], ln.x1)
    return max((header[k + 1].x0 - right[k] for k in range(len(header) - 1)), default=0.0)


def _column(line: Line, header: list[Line], tol: Tolerances) -> int | None:
    """The column whose span holds the line's left edge: from one header cell to the next;
    the last column reaches `LAST_COLUMN_REACH` beyond its label (not into a colofon beside it)."""
    if line.x0 < header[0].x0 - tol.column or line.x0 > header[-1].x1 + LAST_COLUMN_REACH:
        return None
    return max(i for i, cell in enumerate(header) if line.x0 >= cell.x0 - tol.column)


def _crosses(line: Line, header: list[Line], tol: Tolerances) -> bool:
    """A line that runs into the next column ("Onderwerp: …" under the first cell, as wide as the table):
    no cell, but a line of the text under the table."""
    col = _column(line, header, tol)
    return col is not None and col + 1 < len(header) and line.x1 > header[col + 1].x0 + tol.column


def header_tables(page: Page, skip: frozenset[int] = frozenset(), tol: Tolerances = DEFAULT) -> list[list[TableCell]]:
    """The header tables of a page, each a list of cells left to right."""
    rows = geometry.rows([ln for ln in page.lines if ln.index not in skip], tol)
    tables: list[list[TableCell]] = []
    i = 0
    while i < len(rows):
        header = rows[i]
        cells = _label_cells(header) if len(header) >= MIN_LABELS else None
        if cells is None:
            i += 1
            continue
        header_lines = list(header)
        values: list[list[Line]] = []
        j = i + 1
        prev = header
        while j < len(rows) and _close(prev, rows[j]) and not _new_label(rows[j], header_lines, tol) \
                and all(_column(ln, header_lines, tol) is not None and not _crosses(ln, header_lines, tol)
                        for ln in rows[j]):
            values.append(rows[j])
            prev = rows[j]
            j += 1
        if len(values) > MAX_VALUE_ROWS:
            i = j  # a data table under column headers
            continue
        if _gutter(header_lines, values, tol) > MAX_GUTTER:
            i += 1  # two blocks side by side ("Aan" on the left, the colofon's "Uw contactpersoon" on the right)
            continue
        by_column: dict[int, list[Line]] = {}
        for row in values:
            for ln in row:
                if (col := _column(ln, header_lines, tol)) is not None:  # (every value row was checked to have one)
                    by_column.setdefault(col, []).append(ln)
        tables.append([TableCell(label_line=ln, label=m, values=tuple(by_column.get(header_lines.index(ln), ())))
                       for ln, m in cells])
        i = j
    return tables
