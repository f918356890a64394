"""Running headers and footers: page numbers ("Pagina 1 van 3", "1|5", "2/10") and
lines repeated at the same place on several pages. They are dropped from the body.
"""
from __future__ import annotations

import re
from collections import Counter

from kenmerk.extract.layout import Layout, Line

PAGE_NUMBER = re.compile(
    r"^(?:pagina|page|blad|pag\.)\s*\d+\s*(?:(?:van|of|/)\s*\d+)?$|^\d+\s*[|/]\s*\d+$|^-?\s*\d{1,3}\s*-?$",
    re.IGNORECASE,
)

#: share of the page height, at top and bottom, where running lines live
BAND = 0.09


def _in_band(line: Line, height: float) -> bool:
    if not line.has_box or not height:
        return False
    return line.y1 > height * (1 - BAND) or line.y0 < height * BAND


def running_lines(layout: Layout) -> set[int]:
    """Indexes of lines that are page numbers or repeated headers/footers."""
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
        for page in layout.pages:
            for ln in page.lines:
                if _in_band(ln, page.height) and re.sub(r"\d+", "#", ln.text) in common:
                    drop.add(ln.index)
    return drop
