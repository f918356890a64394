"""Plain-text and Markdown conversions of notes → `Layout` (lines without positions).

Conversions keep the colofon interleaved with the body ("Datum" on one line, the
date on the next); the field extractors read label/value pairs from the line
sequence. Markdown markup is removed; headings and bold lines are marked bold.
"""
from __future__ import annotations

import codecs
import re
from collections import Counter
from typing import TYPE_CHECKING

from kenmerk.extract.errors import UnreadableInput
from kenmerk.extract.layout import Layout, Line, Page
from kenmerk.extract.progress import PageCallback

if TYPE_CHECKING:
    from kenmerk.extract.reader import ReadLimits

# Linear in the line's length: a marker's text never runs past the next marker of its kind
# (`[^[\]]`, `(?:(?!\1).)`), so a line of ten thousand unclosed `**` is read in one pass,
# not ten thousand (a lazy `.+?` to the line's end made that quadratic: 32 KB took 13 s).
_MD_LINK = re.compile(r"\[([^\[\]]*)\]\([^()]*\)")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)((?:(?!\1).)+?)(?<=\S)\1")
_MD_ITALIC = re.compile(r"(?<![\w*])(\*|_)(?=\S)((?:(?!\1).)+?)(?<=\S)\1(?![\w*])")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+")
_COMMENT = re.compile(r"^#\s")
_MD_SUBHEADING = re.compile(r"^\s{0,3}#{2,6}\s+")
#: a row of a pipe table (Markdown, pandoc's text output): its cells between bars; the rule under its head row
_TABLE_ROW = re.compile(r"^\s*\|(.*)\|\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|?)+\s*$")
#: a line break inside a table cell
_CELL_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def decode_text(data: bytes, *, name: str = "<text>") -> str:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1252; else refuse."""
    if not data.strip():
        raise UnreadableInput("empty file", path=name)
    for bom, codec in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise UnreadableInput(f"invalid {codec} text", path=name) from None
    if b"\x00" in data:
        raise UnreadableInput("binary data or text in an unknown encoding (NUL bytes)", path=name)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        raise UnreadableInput("text in an unknown encoding (neither UTF-8 nor Windows-1252)", path=name) from None
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\t\n\r\f")
    if controls > max(3, len(text) // 100):
        raise UnreadableInput("binary data or text in an unknown encoding", path=name)
    return text


#: a tab or three spaces inside a line: the gap between a label and its value, or between two columns
#: (two spaces after a full stop are a typing habit, not a column)
COLUMN_GAP = re.compile(r"\t+| {3,}")
#: a line opening with a word or two (a label: capitalised, letters only) and two spaces before a value that
#: opens with a capital or a digit ("Betreft  Uw verzoek", "Datum  3 mei 2025")
LABEL_GAP = re.compile(r"^([A-ZÀ-Þ][^\W\d_()/-]*(?: [^\W\d_()/-]+)?)  (?=[A-ZÀ-Þ0-9])")


def _strip_markdown(line: str) -> tuple[str, bool]:
    heading = bool(_MD_HEADING.match(line))
    line = _MD_HEADING.sub("", line)
    stripped = line.strip()
    bold = heading or (stripped.startswith("**") and stripped.rstrip().endswith("**"))
    line = _MD_LINK.sub(r"\1", line)
    line = _MD_STRONG.sub(r"\2", line)
    line = _MD_ITALIC.sub(r"“\2”", line)  # italic titles read as quoted titles
    line = line.replace("**", "")
    line = _MD_BULLET.sub("• ", line)
    return line, bold


def _cells(row: str) -> list[str]:
    """The cells of a pipe-table row, a cell's lines (`<br>`) apart: a label cell, then its value's lines."""
    return [" ".join(part.split()) for cell in row.split("|") for part in _CELL_BREAK.split(cell)]


def column_parts(line: str) -> list[str]:
    """A line split at its column gaps (a label and its value, two columns), white space collapsed;
    a label ending in a colon keeps its value ("Van:      Jansen"); a pipe-table row split at its bars."""
    if row := _TABLE_ROW.match(line):
        return _cells(row.group(1))
    parts: list[str] = []
    line = LABEL_GAP.sub(r"\1   ", line.strip(), count=1)  # "Betreft  Uw verzoek": a label set apart by two spaces
    for part in COLUMN_GAP.split(line):
        part = " ".join(part.split())
        if parts and parts[-1].endswith(":"):
            parts[-1] = f"{parts[-1]} {part}"
        else:
            parts.append(part)
    return parts


#: a text conversion of a page in two columns (`pdftotext -layout`): at least this many lines have text that
#: starts at one character column, at least `RIGHT_COLUMN` characters in, after a column gap
COLUMN_LINES = 5
RIGHT_COLUMN = 30
_COLUMN_START = re.compile(r"(?:^|\S(?:\t+| {3,}))(?=\S)")


def side_by_side(raw_lines: list[str]) -> list[str]:
    """The lines of a page laid out in two columns, read column by column: the right column first (a letter's
    colofon, its letterhead), then the left; where one column is blank beside the other a blank line stays, so
    label values and paragraphs end where they did. Text in one column comes back as it was."""
    starts: Counter[int] = Counter()
    for raw in raw_lines:
        starts.update({m.end() for m in _COLUMN_START.finditer(raw) if m.end() >= RIGHT_COLUMN})
    column, count = starts.most_common(1)[0] if starts else (0, 0)
    if count < COLUMN_LINES:
        return raw_lines
    left, right = [], []
    for raw in raw_lines:
        if len(raw) > column and raw[:column].strip() and not raw[:column].endswith(("   ", "\t")):
            left.append(raw)  # a line of the left column running past the right one's start
            right.append("")
        else:
            left.append(raw[:column].rstrip())
            right.append(raw[column:].strip())
    return right + [""] + left


def _comment_block(raw_lines: list[str]) -> int:
    """How many lines a text conversion's leading comment block holds: two or more lines opening with "# "
    (where it came from, how it was made); a lone "# Raadsvoorstel" is a heading."""
    count = 0
    for raw in raw_lines:
        if not _COMMENT.match(raw):
            break
        count += 1
    return count if count >= 2 else 0


def read_text(data: bytes | str, *, name: str = "<text>", markdown: bool = False,
              max_bytes: int | None = None) -> Layout:
    """Lay out a text or Markdown conversion; form feeds separate pages. Time and memory grow
    linearly with the size; more than `max_bytes` (characters of a `str`) is refused."""
    if max_bytes is not None and len(data) > max_bytes:
        raise UnreadableInput(f"text too large ({len(data):,} bytes > limit {max_bytes:,} for a text input; "
                              f"raise it with --max-text-size MB, ReadLimits.max_text_bytes)", path=name)
    text = data if isinstance(data, str) else decode_text(data, name=name)
    if not text.strip():
        raise UnreadableInput("empty file", path=name)
    pages: list[Page] = []
    index = 0
    for number, chunk in enumerate(text.split("\f"), 1):
        lines: list[Line] = []
        gap = False
        raw_lines = chunk.splitlines()
        comments = _comment_block(raw_lines) if not markdown and number == 1 else 0
        for raw in raw_lines[comments:] if markdown else side_by_side(raw_lines[comments:]):
            if _TABLE_RULE.match(raw):
                continue  # the rule under a pipe table's head row
            bold = False
            if markdown:
                raw, bold = _strip_markdown(raw)
            elif _MD_SUBHEADING.match(raw) or (index == 0 and not lines and _COMMENT.match(raw)):
                # a Markdown heading in a text conversion ("## Voorgesteld besluit", a first line "# Raadsvoorstel");
                # a "# 3 punten" further down is text
                raw, bold = _MD_HEADING.sub("", raw), True
            parts = column_parts(raw)
            if not any(parts):
                gap = bool(lines)  # a blank line ends a label's value
                continue
            for part in filter(None, parts):  # "Onderwerp      Regionale aanpak": a label, then its value
                lines.append(Line(text=part, page=number, bold=bold, index=index, gap_before=gap))
                index += 1
                gap = False
        pages.append(Page(number=number, lines=lines))
    media = "text/markdown" if markdown else "text/plain"
    return Layout(pages=pages, media_type=media, has_positions=False)


def read_text_input(data: bytes, name: str, limits: ReadLimits, on_page: PageCallback | None = None) -> Layout:
    """A plain-text conversion (the `Reader` of the text input format)."""
    layout = read_text(data, name=name, max_bytes=limits.max_text_bytes)
    if on_page is not None:
        on_page(1, 1)
    return layout


def read_markdown_input(data: bytes, name: str, limits: ReadLimits, on_page: PageCallback | None = None) -> Layout:
    """A Markdown conversion (the `Reader` of the Markdown input format)."""
    layout = read_text(data, name=name, markdown=True, max_bytes=limits.max_text_bytes)
    if on_page is not None:
        on_page(1, 1)
    return layout
