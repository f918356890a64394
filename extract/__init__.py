"""kenmerk.extract: Dutch government notes → validated `Note` metadata.

    from kenmerk.extract import read_note
    note = read_note("nota.pdf")
    print(note.kenmerk, note.date, note.document_type)

This package depends on no other kenmerk package and never imports rdflib.
"""
from __future__ import annotations

from kenmerk.extract.explain import Explanation, explain_path
from kenmerk.extract.errors import InvalidNote, KenmerkError, NoTextLayer, UnreadableInput, UsageError
from kenmerk.extract.layout import Layout, Line, Page
from kenmerk.extract.model import (
    Attachment,
    BBox,
    DatedEvent,
    DateRole,
    DocumentType,
    Evidence,
    Identifier,
    IdentifierScheme,
    Note,
    Organisation,
    RecommendedDecision,
    Section,
    Source,
    WooGround,
    note_json_schema,
)
from kenmerk.extract.note import extract_note, note_from_layout, read_note
from kenmerk.extract.reader import ReadLimits, read_bytes, read_path
from kenmerk.extract.version import __version__

__all__ = [
    "Attachment",
    "BBox",
    "DateRole",
    "DatedEvent",
    "DocumentType",
    "Evidence",
    "Explanation",
    "Identifier",
    "IdentifierScheme",
    "InvalidNote",
    "KenmerkError",
    "Layout",
    "Line",
    "NoTextLayer",
    "Note",
    "Organisation",
    "Page",
    "ReadLimits",
    "RecommendedDecision",
    "Section",
    "Source",
    "UnreadableInput",
    "UsageError",
    "WooGround",
    "__version__",
    "explain_path",
    "extract_note",
    "note_from_layout",
    "note_json_schema",
    "read_bytes",
    "read_note",
    "read_path",
]
