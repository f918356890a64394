"""Characters with boxes → the printed lines kenmerk reads; the same grouping for every PDF reader.

A reader (`kenmerk.extract.pdf_pdfminer`, `kenmerk.extract.pdf_pdfium`) hands over each page's
characters as `Glyph`s in the order the content stream draws them, in runs (the page's own text,
then each form XObject's text as a run of its own). This module groups them as pdfminer.six's
layout analysis does with its default `LAParams` (`LTLayoutContainer.group_objects`,
`LTTextLineHorizontal.add`): a character joins the line of the one before it when their boxes
overlap vertically by more than `LINE_OVERLAP` of the lower one and stand closer than
`CHAR_MARGIN` times the wider one; a space is put in where the gap before a character exceeds
`WORD_MARGIN` of its size. A line is then split where it holds two spaces in a row ("Onderwerp
Draagmoederschap" set with a wide gap: label and value get their own boxes); its box is the
union of the boxes of its inked characters (spaces at its ends do not widen it; pdfium does not
even list them), its font size and weight those of its first inked character. Reading order is `kenmerk.extract.geometry.reading_key`.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from kenmerk.extract.geometry import reading_key
from kenmerk.extract.layout import Line, Page

#: two characters share a line when their vertical overlap exceeds this share of the lower one's height
LINE_OVERLAP = 0.5
#: ... and their horizontal distance is under this many times the wider one's width
CHAR_MARGIN = 2.0
#: a space goes in where the gap before a character exceeds this share of its width or height
WORD_MARGIN = 0.1
#: a gap wider than this many times the font size splits a line, as two spaces do ("Onderwerp" and its
#: value set apart in one line without spaces): wider than any word space, even of justified text
WIDE_GAP = 1.2
#: a line of single letters, this many or more, is set letter-spaced
LETTER_SPACED = 4
#: characters counted as spaces when a line is split at two spaces in a row
SPACES = frozenset((" ", "\u00a0", "\t"))
#: fonts whose name holds one of these are bold
BOLD_NAMES = ("bold", "black")
#: the Latin ligature code points, written out as their letters by every reader
LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st",
             "\ufb06": "st"}


class Glyph(NamedTuple):
    """One drawn character, or a word of characters set edge to edge: its text, its box in PDF points
    (origin bottom-left), its font size and font, the widths of its first and last character (what
    pdfminer's rules measure a neighbour against), and whether a space stands before it."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float
    size: float
    font: object  # the font's name, or what the reader's `font_name` turns into it
    head: float
    tail: float
    spaced: bool = False
    """A space the reader did not box stands before it (pdfium's text between two words)."""


#: a word space the grouping put in (no box of its own)
SPACE = " "


@dataclass
class PageScan:
    """What a reader gives for one page: the laid-out page, and what the OCR step needs to know."""

    page: Page
    image_coverage: float
    """The share of the page images cover (`kenmerk.extract.textlayer`)."""
    blank: bool
    """Nothing is drawn on it (no text, image or path): there is nothing for OCR to read."""


def _lines(glyphs: Iterable[Glyph]) -> list[list]:
    """pdfminer's `group_objects` over one run: lists [items, x0, y0, x1, y1] of glyphs and SPACEs.

    A glyph joins the line of the one before when their boxes overlap vertically by more than
    `LINE_OVERLAP` of the lower one and stand less than `CHAR_MARGIN` times the wider of the two
    facing characters apart; a SPACE goes in before it when the gap exceeds `WORD_MARGIN` of its
    first character's width or its height (`LTTextLineHorizontal.add`), or when the reader says a
    space stands there.
    """
    out: list[list] = []
    line: list | None = None
    prev: Glyph | None = None
    for g in glyphs:
        if prev is not None:
            ax0, ay0, ax1, ay1 = prev[1:5]
            bx0, by0, bx1, by1 = g[1:5]
            halign = False
            if by0 <= ay1 and ay0 <= by1:
                ha, hb = ay1 - ay0, by1 - by0
                if (ha if ha < hb else hb) * LINE_OVERLAP < (by1 - ay0 if by1 - ay0 < ay1 - by0 else ay1 - by0):
                    distance = bx0 - ax1 if bx0 > ax1 else ax0 - bx1 if ax0 > bx1 else 0.0
                    width = prev.tail if prev.tail > g.head else g.head
                    halign = distance < width * CHAR_MARGIN
            if halign:
                if line is None:
                    line = [[prev], ax0, ay0, ax1, ay1]
                items = line[0]
                hb = by1 - by0
                if bx0 - ax1 > WIDE_GAP * (g.size if g.size > prev.size else prev.size):
                    items.extend((SPACE, SPACE))  # a gap no word space makes: split here
                elif g.spaced or ax1 < bx0 - WORD_MARGIN * (g.head if g.head > hb else hb):
                    items.append(SPACE)
                items.append(g)
                if bx0 < line[1]:
                    line[1] = bx0
                if by0 < line[2]:
                    line[2] = by0
                if bx1 > line[3]:
                    line[3] = bx1
                if by1 > line[4]:
                    line[4] = by1
            elif line is not None:
                out.append(line)
                line = None
            else:
                out.append([[prev], ax0, ay0, ax1, ay1])
        prev = g
    if line is not None:
        out.append(line)
    elif prev is not None:
        out.append([[prev], prev.x0, prev.y0, prev.x1, prev.y1])
    return out


def _text(items: Iterable) -> str:
    return "".join([SPACE if it is SPACE else it.text for it in items])


def _segment(items: list, raw: str) -> tuple[str, float, float, float, float, Glyph] | None:
    """The text of a run of items (`raw`: joined), the box around its inked glyphs (spaces do not count)
    and the first of them."""
    text = " ".join(raw.split())
    if not text:
        return None
    first = None
    for it in items:
        if it is SPACE or it.text.isspace():
            continue
        if first is None:
            first = it
            x0, y0, x1, y1 = it[1:5]
            continue
        if it.x0 < x0:
            x0 = it.x0
        if it.y0 < y0:
            y0 = it.y0
        if it.x1 > x1:
            x1 = it.x1
        if it.y1 > y1:
            y1 = it.y1
    return (text, x0, y0, x1, y1, first) if first is not None else None


def letter_spaced(raw: str) -> str | None:
    """A line set letter-spaced ("O N S  K E N M E R K"), as its words ("ONS KENMERK"); None for any other line:
    one letter a token, at least `LETTER_SPACED` of them, words apart by two spaces or more."""
    tokens = raw.split()
    if len(tokens) < LETTER_SPACED or not all(len(t) == 1 and t.isalpha() for t in tokens):
        return None
    return " ".join(word.replace(" ", "") for word in re.split(r" {2,}", raw.strip()))


def _segments(items: list, raw: str) -> list[tuple[str, float, float, float, float, Glyph]]:
    """Split a line (`raw`: its text) at two spaces in a row, unless it is set letter-spaced; each part with
    its text, inked box and first inked glyph."""
    if (words := letter_spaced(raw)) is not None:
        whole = _segment(items, raw)
        return [(words, *whole[1:])] if whole else []
    if "  " not in raw.strip():
        whole = _segment(items, raw)
        return [whole] if whole else []
    segments = []
    part: list = []
    spaces = 0
    for it in items:
        if it is SPACE or it.text in SPACES:
            spaces += 1
            part.append(it)
            continue
        if spaces >= 2 and part:
            segments.append(_segment(part, _text(part)))
            part = []
        spaces = 0
        part.append(it)
    segments.append(_segment(part, _text(part)))
    return [seg for seg in segments if seg]


def is_bold(font_name: str) -> bool:
    """Whether a font is bold, by its name ("Arial-BoldMT", "Verdana-Bold", "Gotham-Black")."""
    name = font_name.lower()
    return any(word in name for word in BOLD_NAMES)


def page_lines(runs: Iterable[Sequence[Glyph]], number: int,
               font_name: Callable[[object], str] = str) -> list[Line]:
    """The lines of page `number` from its runs of glyphs, in reading order.

    `font_name` turns a glyph's `font` into the font's name (only called for the first glyph of a line).
    """
    lines = []
    for run in runs:
        for line in _lines(run):
            raw = _text(line[0])
            if line[3] - line[1] <= 0 or line[4] - line[2] <= 0 or raw.isspace():
                continue  # pdfminer drops empty lines
            for text, x0, y0, x1, y1, first in _segments(line[0], raw):
                lines.append(Line(text=text, page=number, x0=round(x0, 1), y0=round(y0, 1), x1=round(x1, 1),
                                  y1=round(y1, 1), size=round(first.size, 1), bold=is_bold(font_name(first.font)), has_box=True))
    lines.sort(key=reading_key)
    return lines
