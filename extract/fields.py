"""The field extractors, in the order they run.

Each takes the `Document` and the dict of values so far and sets its own
field(s) with evidence; later extractors may read earlier values (the type
needs the decision, the organisation needs the addressee).
"""
from __future__ import annotations

import re
from typing import Callable

from kenmerk.extract.addressee import extract_addressee
from kenmerk.extract.attachments import extract_attachments
from kenmerk.extract.context import Document
from kenmerk.extract.dating import extract_dates
from kenmerk.extract.decision import extract_decision
from kenmerk.extract.doctype import extract_document_type
from kenmerk.extract.model import Section
from kenmerk.extract.organisation import extract_organisation
from kenmerk.extract.references import extract_references
from kenmerk.extract.title import extract_title
from kenmerk.extract.woo_grounds import extract_woo_grounds

ENGLISH = re.compile(r"\b(?:the|and|of|to|is|with|for)\b", re.IGNORECASE)
DUTCH = re.compile(r"\b(?:de|het|een|en|van|is|met|voor|dat|niet)\b", re.IGNORECASE)


def extract_sections(doc: Document, values: dict) -> None:
    """Set `sections`: every heading of the body with its text."""
    values["sections"] = [
        Section(number=s.heading.number, heading=s.heading.text, text=s.text, page=s.line.page)
        for s in doc.sections
    ]


def extract_language(doc: Document, values: dict) -> None:
    """Set `language` (ISO 639-1): Dutch unless English words clearly dominate."""
    sample = doc.full_text[:20000]
    values["language"] = "en" if len(ENGLISH.findall(sample)) > 2 * len(DUTCH.findall(sample)) + 5 else "nl"


FIELD_EXTRACTORS: tuple[Callable[[Document, dict], None], ...] = (
    extract_references,
    extract_decision,
    extract_document_type,
    extract_dates,
    extract_addressee,
    extract_title,
    extract_attachments,
    extract_organisation,
    extract_woo_grounds,
    extract_sections,
    extract_language,
)
