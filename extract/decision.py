"""The recommended decision ("Geadviseerd besluit") of a note that asks for one.

The text under the decision heading, without the heading. Weak headings
("Advies", "Voorstel") count only in a note shaped like a beslisnota (it has an
"Aanleiding" or says "TER BESLISSING"), so advice in an agenda does not.
"""
from __future__ import annotations

import re

from kenmerk.extract.context import Document, SectionBlock, join_lines
from kenmerk.extract.doctype import has_stage_for_decision
from kenmerk.extract.model import RecommendedDecision

WEAK = re.compile(r"^(?:advies|voorstel)$", re.IGNORECASE)
NUMBER_ONLY = re.compile(r"^\W*\d{1,2}[.)]?\W*$|^[•▪●◦\-–*o«»]$")
LETTER = re.compile(r"^(?:>\s*)?retouradres\b|^geachte\b|^postbus\s+\d", re.IGNORECASE)
BULLET = re.compile(r"^[•▪●◦\-–*]\s*|^\uf0b7\s*")
#: a form's ticked option that says the decision follows ("Anders nl.", "Anders, namelijk:")
FORM_OPTION = re.compile(r"^\W{0,3}anders,?\s*(?:nl\.?|namelijk)\s*:?$", re.IGNORECASE)
MAX_CHARS = 1500


def _paragraph(block: SectionBlock, doc: Document) -> list:
    """The decision's lines: the section up to the first paragraph break, without a form's
    "Anders nl." before it. In a form the heading is a label with its value beside it: then
    only the value column counts, not the next labels under the heading ("Eigen formulering")."""
    column = None
    head = block.line
    if doc.layout.has_positions and block.lines:
        first = block.lines[0]
        if first.page == head.page and abs(first.y1 - head.y1) <= 4 and first.x0 >= head.x1:
            column = first.x0
    lines = []
    for ln in block.lines:
        if column is not None and ln.x0 < column - 10:
            continue
        if not lines and FORM_OPTION.match(ln.text):
            continue
        if lines and ln.gap_before:
            break
        if lines and doc.layout.has_positions:
            prev = lines[-1]
            if ln.page != prev.page or prev.y0 - ln.y1 > max(prev.height, 8.0) * 1.2:
                break
        lines.append(ln)
    return lines


def find_decision(doc: Document) -> tuple[RecommendedDecision | None, list]:
    blocks = [s for s in doc.sections if s.heading.role == "decision"]
    letter = any(LETTER.match(ln.text) for ln in doc.first_page[:40])
    for block in blocks:
        if WEAK.match(block.heading.text) and (letter or not (doc.section("occasion") or has_stage_for_decision(doc))):
            continue
        lines = [ln for ln in _paragraph(block, doc) if not NUMBER_ONLY.match(ln.text)]
        text = join_lines([BULLET.sub("", ln.text) for ln in lines])[:MAX_CHARS].strip()
        if not text:
            continue
        ev = doc.evidence([block.line, *lines], text)
        return RecommendedDecision(text=text, heading=block.heading.text, evidence=ev), [block.line, *lines]
    return None, []


def extract_decision(doc: Document, values: dict) -> None:
    """Set `recommended_decision`."""
    decision, _ = find_decision(doc)
    values["recommended_decision"] = decision
