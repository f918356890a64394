"""The recommended decision ("Geadviseerd besluit") of a note that asks for one.

The text under a decision heading, without the heading: "Geadviseerd besluit",
"Beslispunten", "Het college besluit:", "(Samenvatting van het) voorgestelde
besluit", "Voorstel tot besluitvorming" (`kenmerk.extract.headings`). Weak
headings ("Advies", "Voorstel") count only in a note shaped like a beslisnota
(it has an "Aanleiding" or says "TER BESLISSING"), so the advice of a letter or
an agenda does not. A committee note that asks its readers for something
("De commissie wordt gevraagd:") states its decision in the list that follows.

The text is the decision's first paragraph: it stops at a paragraph break, so
the history and justification that follow are not part of it. In a form (a
column of labels, the values beside them) only the value column counts, and a
ticked option there ("Anders, namelijk") gives way to the wording beside it.
"""
from __future__ import annotations

import re

from kenmerk.extract import geometry
from kenmerk.extract.candidates import Candidate, FieldExtractor, Inputs
from kenmerk.extract.context import Document, SectionBlock, join_lines
from kenmerk.extract.labels import STAGE
from kenmerk.extract.layout import Line
from kenmerk.extract.letter import letter
from kenmerk.extract.model import RecommendedDecision

WEAK = re.compile(r"^(?:advies|voorstel)$", re.IGNORECASE)
NUMBER_ONLY = re.compile(r"^\W*\d{1,2}[.)]?\W*$|^[•▪●◦\-–*o«»]$")
BULLET = re.compile(r"^[•▪●◦\-–*]\s*|^\uf0b7\s*")
#: "De ministerraad wordt gevraagd:", "Gevraagd wordt om:": a request that a list of decisions follows
REQUEST = re.compile(r"^(?:(?:de|het)\s+[\w\s&/-]{2,40}?\s+wordt\s+gevraagd(?:\s+om)?|gevraagd\s+wordt(?:\s+om)?)\s*:\s*$",
                     re.IGNORECASE)
#: a form's choice value: a few words without a full stop ("Anders nl.", "Instemmen"), shorter than a wording
CHOICE_WORDS = 3
MAX_CHARS = 1500
#: a note states its decision on its first pages; a weak heading later belongs to a report
NOTE_PAGES = 2
#: print this much larger than the body is a title, not a decision's text
TITLE_PRINT = 1.4
#: a paragraph ends at a vertical gap of this many line heights
PARAGRAPH_GAP = 1.2


def asks_for_decision(doc: Document) -> bool:
    """Whether the header says the note asks for a decision ("TER BESLISSING")."""
    return any(STAGE.match(ln.text) and re.search(r"beslis|besluit", ln.text, re.I) for ln in doc.first_page)


def _value_column(block: SectionBlock, doc: Document) -> float | None:
    """In a form the heading is a label with its value beside it: the left edge of that value column."""
    head = block.line
    if doc.layout.has_positions and block.lines:
        first = block.lines[0]
        if geometry.beside(head, first):
            return first.x0
    return None


def _paragraph(block: SectionBlock, doc: Document) -> list[Line]:
    """The decision's lines: the section up to the first paragraph break (in a form: the value column)."""
    column = _value_column(block, doc)
    lines: list[Line] = []
    values = [ln for ln in block.lines if column is None or ln.x0 >= column - geometry.DEFAULT.column]
    if column is not None and len(values) > 1 and _is_choice(values[:1]) and not _is_choice(values[1:2]):
        values = values[1:]  # the form's choice ("Anders, namelijk"): the wording under it is the decision
    for ln in values:
        if lines and ln.gap_before:
            break
        if lines and doc.layout.has_positions:
            prev = lines[-1]
            if ln.page != prev.page or geometry.vertical_gap(prev, ln) > max(prev.height, 8.0) * PARAGRAPH_GAP:
                break
        lines.append(ln)
    return lines


def _is_choice(lines: list[Line]) -> bool:
    """A form's ticked option ("Anders nl.", "Instemmen"): a few words, not a wording of the decision."""
    return len(join_lines(lines).split()) <= CHOICE_WORDS


def _decision(lines: list[Line], heading: str | None, doc: Document, head: Line | None) -> RecommendedDecision | None:
    lines = [ln for ln in lines if not NUMBER_ONLY.match(ln.text)]
    body = doc.body_size
    if lines and body and lines[0].size and lines[0].size > body * TITLE_PRINT:
        return None  # a title in large print under the word "Advies" on a cover: no decision text
    text = join_lines([BULLET.sub("", ln.text) for ln in lines])[:MAX_CHARS].strip()
    if not text:
        return None
    ev = doc.evidence([x for x in (head, *lines) if x is not None], text)
    return RecommendedDecision(text=text, heading=heading, evidence=ev)


def _requested(doc: Document) -> list[Candidate]:
    out = []
    body = doc.body
    for i, ln in enumerate(body):
        if not REQUEST.match(ln.text):
            continue
        items: list[Line] = []
        for nxt in body[i + 1:i + 15]:
            if items and (nxt.gap_before or (doc.layout.has_positions and (
                    nxt.page != items[-1].page
                    or geometry.vertical_gap(items[-1], nxt) > max(items[-1].height, 8.0) * PARAGRAPH_GAP))):
                break
            items.append(nxt)
        if (decision := _decision(items, None, doc, ln)) is not None:
            out.append(Candidate(value=decision, rule="request", score=0.75, lines=(ln, *items),
                                 why=f"a request for decisions: {ln.text!r}"))
    return out


def propose_decision(doc: Document, inputs: Inputs) -> list[Candidate]:
    """A candidate per decision section; weak headings only in a note shaped like a beslisnota."""
    out = []
    is_letter = letter(doc).is_letter
    shaped = doc.section("occasion") is not None or asks_for_decision(doc)
    for block in doc.sections_of("decision"):
        weak = WEAK.match(block.heading.text) is not None
        if weak and (is_letter or not shaped or block.line.page > NOTE_PAGES):
            continue  # "Advies" in a letter, an agenda or deep in a report is not a note's decision
        lines = _paragraph(block, doc)
        decision = _decision(lines, block.heading.text, doc, block.line)
        if decision is None:
            continue
        score = 0.7 if weak else 0.9
        out.append(Candidate(value=decision, rule="weak-heading" if weak else "heading", score=score,
                             lines=(block.line, *lines), why=f"heading {block.heading.text!r}"))
    return out + _requested(doc)


DECISION = FieldExtractor("recommended_decision", propose_decision, scalar=False)
