"""Running headers and footers: page numbers ("Pagina 1 van 3", "1|5", "2/10") and
lines repeated at the same place on several pages. They are dropped from the body.
"""
from __future__ import annotations

import re
from collections import Counter

from kenmerk.extract.geometry import same_row
from kenmerk.extract.layout import Layout, Line

PAGE_NUMBER = re.compile(
    r"^(?:pagina|page|blad|pag\.)\s*\d+\s*(?:(?:van|of|/)\s*\d+)?$|^\d+\s*[|/]\s*\d+$|^-?\s*\d{1,3}\s*-?$",
    re.IGNORECASE,
)

#: a word: two letters in a row
WORDS = re.compile(r"[^\W\d_]{2}")
#: share of the page height, at top and bottom, where running lines live
BAND = 0.09


def _in_band(line: Line, height: float) -> bool:
    if not line.has_box or not height:
        return False
    return line.y1 > height * (1 - BAND) or line.y0 < height * BAND


def _in_top_band(line: Line, height: float) -> bool:
    return line.has_box and bool(height) and line.y1 > height * (1 - BAND)


def running_lines(layout: Layout) -> set[int]:
    """Indexes of lines that are page numbers or repeated headers/footers (page 1's own header stays)."""
    drop: set[int] = set()
    repeated: Counter[str] = Counter()
    for page in layout.pages:
        seen = set()
        for ln in page.lines:
            if PAGE_NUMBER.match(ln.text) and (_in_band(ln, page.height) or re.match(r"(?i)^pag", ln.text)):
                drop.add(ln.index)
            elif _in_band(ln, page.height):
                key = re.sub(r"\d+", "#", ln.text)
                if key not in seen:
                    repeated[key] += 1
                    seen.add(key)
    if len(layout.pages) >= 2:
        common = {k for k, n in repeated.items() if n >= max(2, len(layout.pages) // 2)}
        first = layout.pages[0]
        # on page 1 a repeated header (top, not footer) with words in its row is the document's own (its title,
        # "Kenmerk 25.04312"); a number stamped alone on every page (a publisher's document number) is not
        worded = [ln for ln in first.lines if WORDS.search(ln.text)]
        for page in layout.pages:
            for ln in page.lines:
                own = page is first and _in_top_band(ln, page.height) and any(same_row(ln, w) for w in worded)
                if _in_band(ln, page.height) and re.sub(r"\d+", "#", ln.text) in common and not own:
                    drop.add(ln.index)
    return drop
