"""Label/value pairs of the colofon column and the header block.

On a PDF the colofon is found by position: the narrow right-hand column (left
edge beyond `COLUMN_SHARE` of the page width) holding at least two known labels.
A label's value is read beside it on the same row, or under it in the same
column until a gap, another label or the value's line limit. The colofon is
often repeated on every page; pairs from later pages only add roles page 1
lacks.

Text conversions have no positions: a value is the rest of the label's line
after a colon, or the lines after the label until a blank line, another label
or the limit. Rows of a table flattened to "Aan", "Van", "MBZK", "DGB" are
paired in order.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import NamedTuple

from kenmerk.extract import geometry
from kenmerk.extract.header_table import header_tables
from kenmerk.extract.headings import match_heading
from kenmerk.extract.labels import DESIGNATION, STAGE, LabelKind, LabelMatch, match_label
from kenmerk.extract.layout import Layout, Line, Page

#: the colofon column starts right of this share of the page width
COLUMN_SHARE = 0.60
#: the colofon's labels start within this of each other
COLUMN_ALIGN = 2.0
#: a colofon value may stand indented under its label (a numbered list: "1." then the title)
VALUE_INDENT = 45.0
#: the gap (points, or line heights) under a label before its value, and between value lines
FIRST_GAP, FIRST_LEADING = 9.0, 1.1
NEXT_GAP, NEXT_LEADING = 7.0, 0.9
#: a cell beside a value line belongs to it when this close (a number and its title)
VALUE_CELL_GAP = 40.0
#: the least line height gaps are measured in (tiny print)
MIN_HEIGHT = 6.0
#: a line in a label column this short or shorter is a label, known or not ("Motienummer")
LABEL_CHARS = 45


@dataclass
class LabelledValue:
    """One label and its value lines, as printed."""

    kind: LabelKind
    label: str
    label_line: Line
    inline: str = ""
    lines: list[Line] = field(default_factory=list)
    in_colofon: bool = False
    in_table: bool = False

    @property
    def role(self) -> str:
        return self.kind.role

    @property
    def texts(self) -> list[str]:
        return ([self.inline] if self.inline else []) + [ln.text for ln in self.lines]

    @property
    def text(self) -> str:
        return " ".join(self.texts).strip()

    @property
    def all_lines(self) -> list[Line]:
        return [self.label_line, *self.lines]


class Column(NamedTuple):
    """A colofon column: the span of x it takes (the right one runs to the page's edge)."""

    x0: float
    x1: float

    def holds(self, line: Line) -> bool:
        return line.has_box and line.x0 >= self.x0 and line.x1 <= self.x1


@dataclass(frozen=True)
class PageLabels:
    """What a page prints as labels: its colofon column, its pairs, the lines of its header tables."""

    colofon: Column | None
    pairs: list[LabelledValue]
    table_lines: frozenset[int]


def colofon_left(page: Page, skip: frozenset[int] = frozenset()) -> float | None:
    """Left edge of the page's colofon column, or None when the page has none."""
    if not page.width:
        return None
    threshold = page.width * COLUMN_SHARE
    right = [ln for ln in page.lines if ln.has_box and ln.index not in skip and ln.x0 >= threshold
             and ln.x1 - ln.x0 < page.width * 0.35]
    labels = [ln for ln in right if match_label(ln.text)]
    if not labels:
        return None
    aligned = [ln for ln in right if geometry.same_column(ln, labels[0], slack=COLUMN_ALIGN)]
    if len(labels) < 2 and len(aligned) < 4:
        return None
    return min(ln.x0 for ln in labels) - 2.0


#: a colofon on the left keeps within this share of the page width
LEFT_SHARE = 0.35
#: the body beside a left colofon: at least this many lines start right of it
BESIDE_LINES = 8


def left_column(page: Page, skip: frozenset[int] = frozenset()) -> float | None:
    """Right edge of a colofon column on the left of the page, or None: a narrow column of labels and values
    that no line starting at its left edge runs out of, with the body beside it."""
    if not page.width:
        return None
    lines = [ln for ln in page.lines if ln.has_box and ln.index not in skip]
    narrow = page.width * LEFT_SHARE
    labels = [ln for ln in lines if ln.x1 <= narrow and match_label(ln.text)]
    if len(labels) < 2:
        return None
    edge = min(ln.x0 for ln in labels)
    top = max(ln.y1 for ln in labels)
    # (a letterhead above the column, the sender's name set from the same edge, may run wider)
    column = [ln for ln in lines if abs(ln.x0 - edge) <= geometry.DEFAULT.column and ln.y1 <= top + COLUMN_ALIGN]
    if any(ln.x1 > narrow for ln in column):
        return None  # a line from that edge runs on into the body: a left margin, not a column
    label_lines = {lab.index: True for lab in labels}
    # a value beside its label inside the column ("Datum:  2 oktober 2025") is the column's own
    own = {lab.index: o for lab in labels for o in lines if o.x0 > max(lab.x1, edge + COLUMN_ALIGN)
           and o.x1 <= narrow and geometry.same_row(lab, o, strict=True)}
    beside = [lab for lab in labels if lab.index not in own and not _value_under(lab, lines, label_lines)
              and any(o.x0 > lab.x1 and o.x1 > narrow and geometry.same_row(lab, o, strict=True) for o in lines)]
    if len(beside) * 2 >= len(labels):
        return None  # the labels' values run out beside them: a form or a header block, not a column
    # its right edge: its lines and the values beside its labels (not a letterhead in larger print above it)
    small = max(ln.size or 0.0 for ln in labels) + 0.5
    inside = [ln for ln in lines if ln.x1 <= narrow and edge - COLUMN_ALIGN <= ln.x0 <= edge + VALUE_INDENT
              and (ln.y1 <= top + COLUMN_ALIGN or (ln.size or 0.0) <= small)]
    right = max(ln.x1 for ln in inside + list(own.values()))
    if sum(1 for ln in lines if ln.x0 > right + COLUMN_ALIGN) < BESIDE_LINES:
        return None
    return right + COLUMN_ALIGN


def colofon_column(page: Page, skip: frozenset[int] = frozenset()) -> Column | None:
    """The page's colofon column: on the right (the usual place) or on the left."""
    if (left := colofon_left(page, skip)) is not None:
        return Column(left, float("inf"))
    if (right := left_column(page, skip)) is not None:
        return Column(0.0, right)
    return None


#: a left edge where at least this many lines of a page start is the body text's
BODY_LINES = 8

#: how far (in font sizes) a wrapped value's line may start from where the value starts on the label's line
HANGING_SLACK = 2.5

#: a label column next to a colofon: right of this share of the page width, at most this far from its values
RIGHT_HALF = 0.45
LABEL_GAP_MAX = 80.0

#: how many line heights under a table header its column is looked for
COLUMN_ROWS = 4

def _stops_value(line: Line, role: str = "") -> bool:
    if match_label(line.text) or STAGE.match(line.text):
        return True
    if DESIGNATION.match(line.text) and role != "attachments":
        return True
    heading = match_heading(line.text, bold=line.bold)
    return heading is not None and heading.role is not None


#: a label by its form: a few words ending in a colon ("Status:", "Behandelend ambtenaar:") or an asterisk
LABEL_FORM = re.compile(r"^[^\W\d][\w() ./-]{0,30}\s?[:*]$")  # or a form's required mark: "Toelichting*"
CONTINUES = re.compile(r"(?:,|\b(?:en|van|de|het|voor|met|over|bij|in|op|aan|te|der|of))$", re.IGNORECASE)


def continues(prev: Line | None, line: Line) -> bool:
    """Whether `line` carries on the text of `prev` ("…Landsadvocaat," / "kenmerk 2025-54")."""
    return prev is not None and line.text[:1].islower() and bool(CONTINUES.search(prev.text))


def _next_to_colofon(lab: Line, value: Line, page: Page) -> bool:
    """A label in the right half of the page just left of a colofon value: the block's label column, which the
    colofon's left edge (found from its values) leaves out."""
    return lab.x0 > page.width * RIGHT_HALF and 0 <= value.x0 - lab.x1 < LABEL_GAP_MAX


def _value_under(lab: Line, lines: list[Line], matches: dict) -> bool:
    """Whether a line that is no label, nor in the labels' type, stands right under `lab`, where it starts (its
    value in a label column; a line in the label's type is a label kenmerk does not know: "Vergadering PS")."""
    return any(abs(ln.x0 - lab.x0) <= COLUMN_ALIGN and not matches.get(ln.index) and ln.y1 < lab.y0 + 0.5
               and (ln.bold != lab.bold or abs((ln.size or 0) - (lab.size or 0)) > 0.5)
               and lab.y0 - ln.y1 <= max(FIRST_GAP, FIRST_LEADING * max(lab.height, MIN_HEIGHT)) for ln in lines)


def _column_goes_on(head: Line, lines: list[Line], plain: bool = False) -> bool:
    """Whether two or more rows stand under `head`, starting where it starts: a table's column, not one value;
    with `plain`, rows in plain print that are no labels (a grid of labels over their values is no table)."""
    reach = head.y0 - COLUMN_ROWS * max(head.height, MIN_HEIGHT)
    column = [ln for ln in lines if abs(ln.x0 - head.x0) <= COLUMN_ALIGN and reach < ln.y1 < head.y0]
    if plain and any(ln.bold or match_label(ln.text) for ln in column):
        return False
    return len({round(ln.y1) for ln in column}) >= 2


def _pdf_pairs(page: Page, column: Column | None, skip: set[int]) -> list[LabelledValue]:
    lines = [ln for ln in page.lines if ln.has_box and ln.index not in skip]
    matches = {ln.index: match_label(ln.text) for ln in lines}
    for prev, ln in zip(lines, lines[1:], strict=False):
        if matches[ln.index] and continues(prev, ln) and geometry.aligned(prev, ln):
            matches[ln.index] = None
    labels = [(ln, m) for ln in lines if (m := matches[ln.index]) is not None]
    starts = Counter(round(ln.x0) for ln in lines)
    body_lefts = {x for x, n in starts.items() if n >= BODY_LINES}
    used: set[int] = set()
    pairs: list[LabelledValue] = []

    def region(ln: Line) -> bool:
        return column is not None and column.holds(ln)

    for lab, m in labels:
        in_col = region(lab)
        # a column header of a table ("Datum" above a column of dates), whether or not a colofon seems to hold its
        # last column (a paraaf table's dates stacked at the right)
        row = [ln for ln in lines
               if geometry.same_row(lab, ln, strict=True) and abs((ln.size or 0) - (lab.size or 0)) <= 0.5]
        if not m.rest and len(row) >= 3 and all(len(ln.text) <= 25 and not re.search(r"\d", ln.text) for ln in row) \
                and (sum(1 for ln in row if matches.get(ln.index)) < 2 or _column_goes_on(lab, lines)):
            continue  # (labels over one row of values are a reference row: "Briefnummer | Uw klantnummer | Datum")
        if not m.rest and len(row) == 2 and lab.bold and all(ln.bold and len(ln.text) <= 25 for ln in row) \
                and all(_column_goes_on(head, lines, plain=True) for head in row):
            continue  # two bold column heads over their columns ("Tijd | Onderwerp" over an agenda's rows)
        pair = LabelledValue(kind=m.kind, label=m.label, label_line=lab, inline=m.rest, in_colofon=in_col)
        pairs.append(pair)
        if m.rest and m.kind.max_lines <= 1:
            continue
        # beside: the nearest line to the right on the same row, in the same region
        beside = [ln for ln in lines if ln.index != lab.index and ln.index not in used and not matches[ln.index]
                  and geometry.beside(lab, ln) and (region(ln) == in_col or _next_to_colofon(lab, ln, page))]
        if lab.bold:  # a cell in the bold type of the label beside it is the next label of a row ("KENMERK | BESLIST VÓÓR")
            beside = [ln for ln in beside if not (ln.bold and abs((ln.size or 0) - (lab.size or 0)) <= 0.5
                                                  and ln.text.isupper() and len(ln.text) <= LABEL_CHARS)]
        if beside and _value_under(lab, lines, matches) and round(min(ln.x0 for ln in beside)) in body_lefts:
            beside = []  # a label column beside the body: the line on its row is the body's, its value stands under it
        if m.rest:
            start = lab
        elif beside:
            start = min(beside, key=lambda ln: ln.x0)
            pair.lines.append(start)
            used.add(start.index)
        else:
            start = None
        # under: same column, small gaps, up to the label's limit
        column_x = start.x0 if start is not None and start is not lab else lab.x0

        def label_column(other: Line, lab: Line = lab, beside_it: bool = start is not None and start is not lab) -> bool:
            """A line in the label's column, in the label's type, when the value stands beside the label: an
            unknown label ("Motienummer") whose row ends this value."""
            return beside_it and abs(other.x0 - lab.x0) <= geometry.DEFAULT.column and other.bold == lab.bold \
                and len(other.text) <= LABEL_CHARS

        # a value on the label's line that wraps under itself ("Subject: Loan request … exhibition" /
        # "Instruments of the Sky" set where the value starts): where the value starts, estimated from its share
        # of the line's characters (a bold label is wider than its share: `HANGING_SLACK` font sizes either way)
        hanging = lab.x0 + (lab.x1 - lab.x0) * (len(lab.text) - len(m.rest)) / len(lab.text) if m.rest else None
        prev = start if start is not None else lab
        limit = m.kind.max_lines - (1 if (start is not None and start is not lab) or m.rest else 0)
        for ln in lines:
            if limit <= 0:
                break
            if ln.y1 >= prev.y1 - 0.5 or ln.index in used or ln.index == lab.index:
                continue
            if abs(ln.x0 - column_x) > geometry.DEFAULT.column and not (
                    in_col and column_x - COLUMN_ALIGN <= ln.x0 <= column_x + VALUE_INDENT) and not (
                    hanging is not None and abs(ln.x0 - hanging) <= HANGING_SLACK * (lab.size or 0)):
                continue
            gap = prev.y0 - ln.y1
            first = prev is lab or prev is start
            height = max(prev.height, MIN_HEIGHT)
            if gap > (max(FIRST_GAP, FIRST_LEADING * height) if first else max(NEXT_GAP, NEXT_LEADING * height)):
                break
            # a label on the same row further left starts a new row of the block (a known label, or any
            # short text ending in a colon: "Status:")
            if any(geometry.same_row(ln, other) and other.x0 < ln.x0 and region(other) == in_col
                   and (matches[other.index] or LABEL_FORM.match(other.text) or label_column(other)) for other in lines):
                break
            if (matches[ln.index] and not continues(prev, ln)) or STAGE.match(ln.text) or DESIGNATION.match(ln.text):
                break
            if len(ln.text) > m.kind.max_chars:
                break
            pair.lines.append(ln)
            used.add(ln.index)
            prev = ln
            limit -= 1
        # the cells close beside a value line belong to it ("1." | "Kamerbrief"), not the next column's
        for value in list(pair.lines):
            cells = [ln for ln in lines if ln.index not in used and not matches[ln.index]
                     and geometry.beside(value, ln) and ln.x0 - value.x1 < VALUE_CELL_GAP and region(ln) == in_col]
            for cell in sorted(cells, key=lambda ln: ln.x0):
                pair.lines.insert(pair.lines.index(value) + 1, cell)
                used.add(cell.index)
                value = cell
    return pairs


CODE_LIKE = re.compile(r"^[A-Z][A-Z0-9&/.\- ]{1,24}$")


#: a value interleaved with the body is short, the body's line long: at most / more than this many characters
INTERLEAVED_VALUE = 40
#: interleaving is a property of the whole conversion: at least this many labels show it
INTERLEAVED_RUN = 2


def _interleaved(lines: list[Line]) -> set[int]:
    """A text conversion of two columns read across: each colofon label, a line of the body, its value
    ("Datum" / "Op 2 juli ontving ik uw verzoek om documenten over de" / "27 augustus 2024" / …). The
    positions of the labels read so, when at least `INTERLEAVED_RUN` of them are."""

    def form(k: int) -> bool:
        if (m := match_label(lines[k].text)) is None or m.rest or k + 2 >= len(lines):
            return False
        body, value = lines[k + 1], lines[k + 2]
        return (not match_label(body.text) and not match_label(value.text) and not value.gap_before
                and len(value.text) <= INTERLEAVED_VALUE < len(body.text))

    found = {k for k in range(len(lines)) if form(k)}
    return found if len(found) >= INTERLEAVED_RUN else set()


def _label_row(lines: list[Line], i: int) -> list[tuple[Line, LabelMatch]]:
    """The labels of a table row read from `lines[i]` on, when as many values follow them as one row: two or more
    labels without a value on their line, then as many lines that are no label, the row ending there (a blank
    line, a label or the end follows); none otherwise."""
    row: list[tuple[Line, LabelMatch]] = []
    j = i
    while j < len(lines) and (m := match_label(lines[j].text)) and not m.rest and (j == i or not lines[j].gap_before):
        row.append((lines[j], m))
        j += 1
    values = lines[j:j + len(row)]
    end = j + len(row)
    if len(row) < 2 or len(values) < len(row) or any(
            match_label(v.text) or (k > 0 and v.gap_before) or len(v.text) > lab[1].kind.max_chars
            for k, (v, lab) in enumerate(zip(values, row, strict=True))):
        return []
    if end < len(lines) and not (lines[end].gap_before or match_label(lines[end].text)):
        return []
    return row


def _text_pairs(lines: list[Line]) -> list[LabelledValue]:
    pairs: list[LabelledValue] = []
    pending: list[LabelledValue] = []
    interleaved = _interleaved(lines)
    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        m = match_label(ln.text)
        if not m:
            if pending and CODE_LIKE.match(ln.text) and not STAGE.match(ln.text):
                pending.pop(0).lines.append(ln)
            elif pending and i + 1 < n and not CODE_LIKE.match(ln.text):
                pending.clear()
            i += 1
            continue
        # a run of address labels ("Aan", "Van") followed by their values in order
        run = [(ln, m)]
        j = i + 1
        while (not m.rest and j < n and (mm := match_label(lines[j].text)) and not mm.rest
               and mm.kind.role in ("addressee", "sender") and m.kind.role in ("addressee", "sender")):
            run.append((lines[j], mm))
            j += 1
        if len(run) > 1:
            k = j
            run_pairs = []
            for lab, mm in run:
                while k < n and STAGE.match(lines[k].text):
                    k += 1
                pair = LabelledValue(kind=mm.kind, label=mm.label, label_line=lab)
                if k < n and not _stops_value(lines[k]) and len(lines[k].text) <= mm.kind.max_chars:
                    pair.lines.append(lines[k])
                    k += 1
                pairs.append(pair)
                run_pairs.append(pair)
            if not any(p.lines for p in run_pairs):
                pending[:] = run_pairs  # their values may come a few lines later ("MBZK", "CZW/CZ")
            i = k
            continue
        if row := _label_row(lines, i):
            # a table's row of labels over its row of values ("Datum | Ons kenmerk | Bijlagen", then the values)
            for k, (lab, mm) in enumerate(row):
                pairs.append(LabelledValue(kind=mm.kind, label=mm.label, label_line=lab, lines=[lines[i + len(row) + k]]))
            i += 2 * len(row)
            continue
        pair = LabelledValue(kind=m.kind, label=m.label, label_line=ln, inline=m.rest)
        pairs.append(pair)
        if i in interleaved:
            pair.lines.append(lines[i + 2])  # the value is the line after the body's line
            i += 1
            continue
        j = i + 1
        limit = m.kind.max_lines - (1 if m.rest else 0)
        while j < n and limit > 0:
            nxt = lines[j]
            prev = pair.lines[-1] if pair.lines else None
            # a Markdown conversion prints a bold label and its value as paragraphs of their own
            crossing = nxt.gap_before and not (ln.bold and not pair.lines and not m.rest and not nxt.bold)
            if crossing or nxt.page != ln.page or len(nxt.text) > m.kind.max_chars \
                    or (_stops_value(nxt, m.kind.role) and not continues(prev, nxt)):
                break
            if m.rest and not nxt.text[:1].islower():
                break  # after an inline value only a continuation in lower case follows
            pair.lines.append(nxt)
            j += 1
            limit -= 1
            if m.kind.role == "attachments" and nxt.text.strip().isdigit() and len(pair.lines) == 1:
                break  # a count ends the field
        i = j
    return pairs


def read_page(page: Page, skip: frozenset[int] = frozenset()) -> PageLabels:
    """The labels of one laid-out page: header tables first, then the colofon and the label lines."""
    tables = header_tables(page, skip)
    table_lines = frozenset(ln.index for table in tables for cell in table
                            for ln in (cell.label_line, *cell.values))
    column = colofon_column(page, skip | table_lines)
    pairs = [LabelledValue(kind=cell.label.kind, label=cell.label.label, label_line=cell.label_line,
                           lines=list(cell.values), in_table=True) for table in tables for cell in table]
    pairs += _pdf_pairs(page, column, set(skip | table_lines))
    pairs.sort(key=lambda p: p.label_line.index)
    return PageLabels(colofon=column, pairs=pairs, table_lines=table_lines)


def read_pairs(layout: Layout, skip: frozenset[int] = frozenset()) -> list[LabelledValue]:
    """All label/value pairs of the document, page 1 first."""
    if not layout.has_positions:
        return _text_pairs([ln for ln in layout.lines() if ln.index not in skip])
    return [pair for page in layout.pages for pair in read_page(page, skip).pairs]
