"""`Document`: the laid-out input plus the views several extractors share.

Computed once per document and lazily: running headers/footers to drop, the
colofon column and header tables of each page, the label/value pairs, the body
lines (neither colofon nor running lines), the header zone above the first
section, and the sections. The views are read-only: what a field extractor
consumed is part of its result (`kenmerk.extract.candidates`), not state here.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, TypeVar

from kenmerk.extract import geometry
from kenmerk.extract.colofon import Column, LabelledValue, PageLabels, read_page, read_pairs
from kenmerk.extract.headings import Heading, match_heading
from kenmerk.extract.layout import Layout, Line
from kenmerk.extract.model import BBox, Evidence
from kenmerk.extract.running import running_lines


@dataclass
class SectionBlock:
    heading: Heading
    line: Line
    lines: list[Line] = field(default_factory=list)

    @property
    def text(self) -> str:
        return join_lines(self.lines)


def join_lines(lines: list[Line] | list[str]) -> str:
    """Join printed lines into running text, undoing end-of-line hyphenation."""
    out = ""
    for item in lines:
        text = item if isinstance(item, str) else item.text
        text = text.strip()
        if not text:
            continue
        if out.endswith("-") and text[:1].islower() and not out.endswith(" -"):
            out = out[:-1] + text
        else:
            out = f"{out} {text}" if out else text
    return out


T = TypeVar("T")


class Document:
    """A laid-out document with lazily computed shared views."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.warnings: list[str] = []
        self._memo: dict[Callable[..., Any], Any] = {}

    def once(self, compute: Callable[[Document], T]) -> T:
        """`compute(self)`, computed once per document: for views an extractor module owns."""
        if compute not in self._memo:
            self._memo[compute] = compute(self)
        return self._memo[compute]

    # -- lines -------------------------------------------------------------
    @cached_property
    def lines(self) -> list[Line]:
        return list(self.layout.lines())

    @cached_property
    def running(self) -> set[int]:
        return running_lines(self.layout)

    @cached_property
    def page_labels(self) -> dict[int, PageLabels]:
        """Per page of a PDF: its colofon column, header tables and label/value pairs."""
        if not self.layout.has_positions:
            return {}
        return {page.number: read_page(page, frozenset(self.running)) for page in self.layout.pages}

    @cached_property
    def table_lines(self) -> frozenset[int]:
        """Lines of header tables (labels and values), on every page."""
        return frozenset().union(*(labels.table_lines for labels in self.page_labels.values()))

    @cached_property
    def colofons(self) -> dict[int, Column | None]:
        """Per page, its colofon column (None: no colofon, or a text input)."""
        return {page.number: labels.colofon if (labels := self.page_labels.get(page.number)) else None
                for page in self.layout.pages}

    def in_colofon(self, line: Line) -> bool:
        column = self.colofons.get(line.page)
        return column is not None and column.holds(line)

    @cached_property
    def content(self) -> list[Line]:
        """All lines except running headers and footers."""
        return [ln for ln in self.lines if ln.index not in self.running]

    @cached_property
    def body(self) -> list[Line]:
        """Lines of the body: no running lines, no colofon column."""
        return [ln for ln in self.content if not self.in_colofon(ln)]

    @cached_property
    def first_page(self) -> list[Line]:
        return [ln for ln in self.content if ln.page == 1]

    @cached_property
    def has_cover(self) -> bool:
        """Whether page 1 is a cover, with more pages after it: at most `COVER_LINES` lines or rows (a title, a
        subtitle, a name, a month, a footer of parts "adres | website")."""
        boxed = [ln for ln in self.first_page if ln.has_box]
        printed = len(geometry.rows(boxed)) + len(self.first_page) - len(boxed)
        return printed <= COVER_LINES and len(self.layout.pages) > 1

    @cached_property
    def opening(self) -> list[Line]:
        """The lines the document opens with: page 1's, and page 2's too when page 1 is a cover."""
        if not self.has_cover:
            return self.first_page
        return self.first_page + [ln for ln in self.content if ln.page == 2]

    # -- label/value pairs -------------------------------------------------
    @cached_property
    def pairs(self) -> list[LabelledValue]:
        if self.layout.has_positions:
            return [pair for labels in self.page_labels.values() for pair in labels.pairs]
        return read_pairs(self.layout, skip=frozenset(self.running))

    def pairs_of(self, *roles: str) -> list[LabelledValue]:
        """Pairs with one of `roles`, in the order of `roles`, each in document order."""
        return [p for role in roles for p in self.pairs if p.role == role]

    @cached_property
    def pair_lines(self) -> set[int]:
        return {ln.index for p in self.pairs for ln in p.all_lines}

    @cached_property
    def value_lines(self) -> set[int]:
        """Lines read as a label's value, and labels that only name a count or value ("Bijlage(n) 2").

        A label line whose value is a list ("Bijlagen" over a table) may still head a section.
        """
        lines = {ln.index for p in self.pairs for ln in p.lines}
        for p in self.pairs:
            listed = p.role == "attachments" and not p.inline and not (p.lines and p.lines[0].text.strip().isdigit())
            if not listed:
                lines.add(p.label_line.index)
        return lines

    # -- sections ----------------------------------------------------------
    @cached_property
    def sections(self) -> list[SectionBlock]:
        blocks: list[SectionBlock] = []
        current: SectionBlock | None = None
        shared_rows = self._shared_rows()
        numbered = self._numbers_beside()
        for ln in self.body:
            if ln.index in numbered.values():
                continue  # the number of a heading printed in its own column
            number = numbered.get(ln.index)
            if ln.index in self.value_lines:
                heading = None
            elif number is not None:
                heading = match_heading(f"{self._line(number).text} {ln.text}", bold=True)
            else:
                heading = None if ln.index in shared_rows else match_heading(ln.text, bold=ln.bold)
            if heading is not None and current is not None and _next_item(current.lines, ln):
                heading = None  # "2. Ontwerpbesluit" after "1. Kaders …" under "Bijlagen": an item of its list
            if heading is not None:
                current = SectionBlock(heading=heading, line=ln)
                blocks.append(current)
            elif current is not None:
                current.lines.append(ln)
        return blocks

    @cached_property
    def _by_index(self) -> dict[int, Line]:
        return {ln.index: ln for ln in self.lines}

    def _line(self, index: int) -> Line:
        return self._by_index[index]

    def _numbers_beside(self) -> dict[int, int]:
        """Heading text line → the index of its section number printed just left of it ("2" | "Beslispunten")."""
        if not self.layout.has_positions:
            return {}
        numbers = [ln for ln in self.body if SECTION_NUMBER.match(ln.text)]
        on_page: dict[int, list[Line]] = {}
        for ln in self.body if numbers else ():
            on_page.setdefault(ln.page, []).append(ln)
        out = {}
        for num in numbers:
            right = [ln for ln in on_page[num.page] if ln is not num and geometry.same_row(num, ln)
                     and 0 <= ln.x0 - num.x1 <= geometry.DEFAULT.heading_number]
            if right:
                out[min(right, key=lambda ln: ln.x0).index] = num.index
        return out

    def _shared_rows(self) -> set[int]:
        """Body lines that share their row with another body line (table cells, not headings); a margin
        heading is not one: a bold line left of the text column, the first line of its text beside it."""
        rows = geometry.rows(self.body, geometry.Tolerances(row=geometry.DEFAULT.reading_row), strict=True)
        text_column = Counter(round(ln.x0) for ln in self.body if ln.has_box).most_common(1)
        shared: set[int] = set()
        for row in rows:
            if len(row) < 2:
                continue
            left, right = row[0], row[1]
            margin = (len(row) == 2 and left.bold and not right.bold and text_column
                      and abs(right.x0 - text_column[0][0]) <= 2 and left.x1 < right.x0 - MARGIN_GUTTER)
            shared.update(ln.index for ln in (row[1:] if margin else row))
        return shared

    @cached_property
    def table_cells(self) -> frozenset[int]:
        """Content lines in rows of at least `TABLE_CELLS` cells in one type size, with a row next to it whose
        cells start at the same places: the cells of a table (a header strip "GRIFFIE · MEMO · 2024" is one row)."""
        rows = [[ln for ln in row if WORD_CELL.search(ln.text)] for row in geometry.rows(self.content)]

        def alike(row: list[Line], ln: Line) -> list[Line]:
            return [o for o in row if abs((o.size or 0) - (ln.size or 0)) <= 1.0]

        def columns_shared(a: list[Line], b: list[Line]) -> int:
            return sum(1 for x in a if any(geometry.same_column(x, y) for y in b))

        cells = set()
        for k, row in enumerate(rows):
            neighbours = [r for r in rows[max(0, k - 2):k + 3] if r is not row]
            for ln in row:
                same = alike(row, ln)
                if len(same) >= TABLE_CELLS and any(columns_shared(same, r) >= 2 for r in neighbours):
                    cells.add(ln.index)
        return frozenset(cells)

    def section(self, role: str) -> SectionBlock | None:
        return next((s for s in self.sections if s.heading.role == role), None)

    def sections_of(self, role: str) -> list[SectionBlock]:
        return [s for s in self.sections if s.heading.role == role]

    @cached_property
    def header_end(self) -> int:
        """Index of the first line of the first typed section (end of the header zone)."""
        typed = [s for s in self.sections if s.heading.role in ("occasion", "decision", "core", "agenda")]
        return typed[0].line.index if typed else (self.lines[-1].index + 1 if self.lines else 0)

    @cached_property
    def header(self) -> list[Line]:
        """Content lines of page 1 before the first section."""
        return [ln for ln in self.first_page if ln.index < self.header_end]

    @cached_property
    def body_size(self) -> float | None:
        """The median font size of the body (None for text inputs): what "large print" is measured against."""
        sizes = sorted(ln.size for ln in self.body if ln.size)
        return sizes[len(sizes) // 2] if sizes else None

    @cached_property
    def full_text(self) -> str:
        return "\n".join(ln.text for ln in self.content)

    # -- evidence ----------------------------------------------------------
    def evidence(self, lines: list[Line], text: str | None = None) -> Evidence:
        """Evidence for a value read from `lines` (first page, union of their boxes)."""
        lines = [ln for ln in lines if ln is not None]
        if not lines:
            return Evidence(text=text or "")
        page = lines[0].page
        boxed = [ln for ln in lines if ln.has_box and ln.page == page]
        bbox = None
        if boxed:
            bbox = BBox(x0=min(ln.x0 for ln in boxed), y0=min(ln.y0 for ln in boxed),
                        x1=max(ln.x1 for ln in boxed), y1=max(ln.y1 for ln in boxed))
        ocr = any(p.ocr for p in self.layout.pages if p.number == page)
        return Evidence(page=page, bbox=bbox, text=text if text is not None else " ".join(ln.text for ln in lines),
                        ocr=ocr)


#: a page 1 of at most this many lines is a cover
COVER_LINES = 6
#: a row with this many lines in one type size is a row of a table
TABLE_CELLS = 3
#: a table cell holds a word or a number (not a separator such as "·" or "|")
WORD_CELL = re.compile(r"\w")
SECTION_NUMBER = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?$")
#: the number a list item opens with ("2. ", "2) ")
ITEM_NUMBER = re.compile(r"^(\d{1,2})[.)]\s")


def _next_item(section: list[Line], line: Line) -> bool:
    """Whether `line` (not bold) numbers the next item of a list its section's text holds: the item before it
    numbered one less, set in the same type (and, in a PDF, from the same left edge)."""
    if line.bold or not (m := ITEM_NUMBER.match(line.text)):
        return False
    previous = next(((ln, n) for ln in reversed(section) if (n := ITEM_NUMBER.match(ln.text))), None)
    if previous is None:
        return False
    before, number = previous
    return (int(number[1]) + 1 == int(m[1]) and before.bold == line.bold and before.size == line.size
            and (not line.has_box or abs(before.x0 - line.x0) <= geometry.DEFAULT.aligned))
#: white space between a margin heading and the text column beside it, at least
MARGIN_GUTTER = 12.0
