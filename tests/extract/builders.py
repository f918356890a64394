"""Small inputs for the extractor tests: a note from Dutch text, a layout or note from hand-placed lines."""
from __future__ import annotations

from dataclasses import replace

from kenmerk.extract import Layout, Line, Page
from kenmerk.extract.model import Source
from kenmerk.extract.note import extract_note, note_from_layout


def note(text: str, name: str = "x.txt"):
    """The note of a text conversion."""
    return extract_note(text.encode("utf-8"), name)


def layout(*pages: list[tuple], width: float = 595.0, height: float = 842.0) -> Layout:
    """A PDF-like layout from hand-placed lines: (text, x0, y0[, size[, bold]]) per line, one list per page."""
    built, index = [], 0
    for number, spec in enumerate(pages, 1):
        lines = []
        for text, x0, y0, *rest in spec:
            size = rest[0] if rest else 9.0
            bold = rest[1] if len(rest) > 1 else False
            lines.append(Line(text=text, page=number, x0=x0, y0=y0, x1=x0 + 0.5 * size * len(text), y1=y0 + size,
                              size=size, bold=bold, has_box=True))
        lines.sort(key=lambda ln: (-round(ln.y1 / 2.5), ln.x0))
        placed = []
        for ln in lines:
            placed.append(replace(ln, index=index))
            index += 1
        built.append(Page(number=number, width=width, height=height, lines=placed))
    return Layout(pages=built, media_type="application/pdf", has_positions=True)


def pdf_note(*pages: list[tuple], width: float = 595.0, height: float = 842.0):
    """The note of hand-placed lines (see `layout`)."""
    lay = layout(*pages, width=width, height=height)
    source = Source(file_name="x.pdf", sha256="0" * 64, media_type="application/pdf", size=1,
                    page_count=len(lay.pages))
    return note_from_layout(lay, source)
