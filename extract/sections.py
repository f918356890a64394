"""The sections of the body: every heading with its text ("2. Geadviseerd besluit" …)."""
from __future__ import annotations

from kenmerk.extract.candidates import Candidate, FieldExtractor, Inputs
from kenmerk.extract.context import Document
from kenmerk.extract.model import Section


def propose_sections(doc: Document, inputs: Inputs) -> list[Candidate]:
    """One candidate: the document's sections (`Document.sections`)."""
    sections = [Section(number=s.heading.number, heading=s.heading.text, text=s.text, page=s.line.page)
                for s in doc.sections]
    return [Candidate(value=sections, rule="headings", score=1.0, why=f"{len(sections)} heading(s)")]


SECTIONS = FieldExtractor("sections", propose_sections, default=[], scalar=False)
