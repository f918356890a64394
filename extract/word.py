"""Word documents (`.docx`) → `Layout`, read with python-docx: the lines a text conversion of the document has.

Word has no fixed page geometry in the file, so the lines carry no boxes (`Layout.has_positions`
is false) and the field extractors read them as they read a Markdown conversion of a note:

- each paragraph is a line (a line break inside it starts another), after a paragraph break
  (`Line.gap_before`); a tab or three spaces split it like columns, as in a text conversion;
  a heading style or an all-bold paragraph is bold, and the line has the paragraph's type size;
- a table is read row by row and cell by cell, each cell's paragraphs as lines: a row is one
  block, after a break, so a colofon table (label cell, value cell) gives the label line and its
  value right below it; a header table (a row of labels over a row of values) is read column by
  column, each label followed by its value;
- a text box is one block too (a colofon is often one), read where it is anchored; within a row
  or a text box an empty paragraph is a break; the headers of the sections come first and the
  footers last, each distinct one once;
- `Line.page` is the page on which Word last laid the line out (the page breaks it stores when
  it saves), else the page its hard page breaks give; 1 when the file has neither.
"""
from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from kenmerk.extract.errors import UnreadableInput
from kenmerk.extract.labels import match_label
from kenmerk.extract.layout import Layout, Line, Page
from kenmerk.extract.progress import PageCallback
from kenmerk.extract.text import column_parts

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    from kenmerk.extract.reader import ReadLimits

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
#: paragraph styles (English and Dutch Word) whose lines are headings: bold
HEADING_STYLES = ("heading", "kop", "title", "titel", "subtitle", "ondertitel")
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


class _Lines:
    """Collects the lines of the document in reading order, with their page."""

    def __init__(self, rendered_breaks: bool) -> None:
        self.lines: list[Line] = []
        self.page = 1
        self.break_tag = f"{_W}lastRenderedPageBreak" if rendered_breaks else f"{_W}br"

    def _breaks(self, paragraph: Paragraph) -> tuple[int, int]:
        """Page breaks of the paragraph before its first text, and after it."""
        before = after = 0
        seen_text = False
        for el in paragraph._p.iter(f"{_W}t", self.break_tag):
            if el.tag == f"{_W}t":
                seen_text = seen_text or bool(el.text and el.text.strip())
            elif el.tag != f"{_W}br" or el.get(f"{_W}type") == "page":
                if seen_text:
                    after += 1
                else:
                    before += 1
        return before, after

    def paragraph(self, paragraph: Paragraph, *, gap: bool = True) -> bool:
        """Add a paragraph's lines (and those of its text boxes); whether it had text."""
        before, after = self._breaks(paragraph)
        self.page += before
        bold, size = _bold(paragraph), _size(paragraph)
        added = False
        for raw in paragraph.text.replace("\r", "\n").split("\n"):
            for part in filter(None, column_parts(raw)):
                self.lines.append(Line(text=part, page=self.page, size=size, bold=bold, index=len(self.lines),
                                       gap_before=gap and not added))
                added = True
        self.page += after
        boxes = _text_box_paragraphs(paragraph)
        if boxes:
            self.block(boxes)
        return added

    def table(self, table: Table) -> None:
        """Add a table row by row; a row of labels over a row of values column by column."""
        rows = [_row_cells(row) for row in table.rows]
        i = 0
        while i < len(rows):
            if i + 1 < len(rows) and _is_label_row(rows[i]) and not _is_label_row(rows[i + 1]):
                for label, value in zip(rows[i], rows[i + 1], strict=False):
                    self.cells([label, value])
                i += 2
            else:
                self.cells(rows[i])
                i += 1

    def cells(self, cells: list) -> None:
        """Add the cells of one row as one block."""
        self.block([item for cell in cells for item in cell.iter_inner_content()])

    def block(self, items: list) -> None:
        """Add the paragraphs (and tables) of one container, a table row or a text box: the first line after
        a break, the others right after it, except after an empty paragraph."""
        gap = True
        for item in items:
            if hasattr(item, "rows"):
                self.table(item)
                gap = True
            else:
                gap = not self.paragraph(item, gap=gap)

    def blocks(self, container) -> None:
        """Add the paragraphs and tables of a body, header or footer, in order."""
        for item in container.iter_inner_content():
            if hasattr(item, "rows"):
                self.table(item)
            else:
                self.paragraph(item)


def _row_cells(row) -> list:
    """A row's cells, a merged cell once."""
    seen: set[int] = set()
    cells = []
    for cell in row.cells:
        if id(cell._tc) not in seen:
            seen.add(id(cell._tc))
            cells.append(cell)
    return cells


def _cell_text(cell) -> str:
    return " ".join(cell.text.split())


def _is_label_row(cells: list) -> bool:
    """A header table's row of labels: two or more cells, each empty or a label alone ('Datum', 'Ons kenmerk')."""
    texts = [_cell_text(c) for c in cells]
    labels = [t for t in texts if t]
    return len(labels) >= 2 and all((m := match_label(t)) is not None and not m.rest for t in labels)


def _style_value(style, attribute: str):
    """A font attribute of a paragraph style, inherited from its base styles."""
    while style is not None:
        value = getattr(style.font, attribute, None)
        if value is not None:
            return value
        style = style.base_style
    return None


def _runs(paragraph: Paragraph) -> Iterator:
    for item in paragraph.iter_inner_content():
        yield from getattr(item, "runs", [item])


def _bold(paragraph: Paragraph) -> bool:
    """A heading style, or every run with text bold (directly or by its style)."""
    name = (paragraph.style.name or "").lower() if paragraph.style is not None else ""
    if name.startswith(HEADING_STYLES):
        return True
    style_bold = bool(_style_value(paragraph.style, "bold"))
    runs = [r for r in _runs(paragraph) if r.text.strip()]
    return bool(runs) and all(r.bold if r.bold is not None else style_bold for r in runs)


def _size(paragraph: Paragraph) -> float | None:
    """The largest type size of the paragraph's runs, in points (its style's when the runs set none)."""
    sizes = [r.font.size.pt for r in _runs(paragraph) if r.text.strip() and r.font.size is not None]
    if sizes:
        return max(sizes)
    size = _style_value(paragraph.style, "size")
    return size.pt if size is not None else None


def _text_box_paragraphs(paragraph: Paragraph) -> list[Paragraph]:
    """The paragraphs of text boxes anchored in a paragraph (not their legacy copies for old Word)."""
    from docx.oxml.text.paragraph import CT_P
    from docx.text.paragraph import Paragraph

    out = []
    for box in paragraph._p.iter(f"{_W}txbxContent"):
        if any(a.tag == _MC_FALLBACK for a in box.iterancestors()):
            continue
        # python-docx's parser makes every w:p a CT_P
        out += [Paragraph(p, paragraph._parent) for p in box.findall(f"{_W}p") if isinstance(p, CT_P)]
    return out


def _parts(sections, which: str) -> Iterator:
    """The distinct headers or footers of the sections ('header'/'footer'), each once."""
    seen: set[str] = set()
    for section in sections:
        first = (f"first_page_{which}",) if section.different_first_page_header_footer else ()
        for attribute in (*first, which, f"even_page_{which}"):
            part = getattr(section, attribute)
            if part.is_linked_to_previous:
                continue
            key = "\n".join(p.text for p in part.paragraphs) + "\t".join(
                c.text for t in part.tables for r in t.rows for c in r.cells)
            if key.strip() and key not in seen:
                seen.add(key)
                yield part


def _check_size(data: bytes, name: str, limit: int) -> None:
    """Refuse a .docx whose parts inflate beyond the size limit (their sizes as the zip declares,
    which is also where zipfile stops inflating)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            total = sum(info.file_size for info in zf.infolist())
            encrypted = any(info.flag_bits & 0x1 for info in zf.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as exc:
        raise UnreadableInput(f"broken Word document ({exc})", path=name) from None
    if encrypted:
        raise UnreadableInput("encrypted zip members in a Word document", path=name)
    if total > limit:
        raise UnreadableInput(f"Word document inflates to more than the size limit ({total} bytes > {limit})",
                              path=name)


def read_docx(data: bytes, name: str, limits: ReadLimits, on_page: PageCallback | None = None) -> Layout:
    """Lay out a `.docx`: headers, body (paragraphs, tables, text boxes), footers; lines without boxes."""
    import docx
    from docx.opc.exceptions import OpcError
    from lxml.etree import LxmlError

    _check_size(data, name, limits.max_bytes)
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        rendered = next(body.iter(f"{_W}lastRenderedPageBreak"), None) is not None
        lines = _Lines(rendered)
        for part in _parts(document.sections, "header"):
            lines.blocks(part)
        lines.blocks(document)
        for part in _parts(document.sections, "footer"):
            lines.blocks(part)
    except (OpcError, KeyError, ValueError, EOFError, zipfile.BadZipFile, zlib.error, LxmlError) as exc:
        reason = str(exc).splitlines()[0][:120] if str(exc) else exc.__class__.__name__
        raise UnreadableInput(f"broken Word document ({reason})", path=name) from None
    if len(lines.lines) > 0 and sum(len(ln.text) for ln in lines.lines) > limits.max_text_bytes:
        raise UnreadableInput(f"text too large (more than {limits.max_text_bytes:,} characters in a Word document)",
                              path=name)
    if not lines.lines:
        raise UnreadableInput("no text in the Word document", path=name)
    pages = [Page(number=n) for n in range(1, max(ln.page for ln in lines.lines) + 1)]
    for ln in lines.lines:
        pages[ln.page - 1].lines.append(ln)
    if on_page is not None:
        on_page(len(pages), len(pages))
    return Layout(pages=pages, media_type=MEDIA_TYPE, has_positions=False)
