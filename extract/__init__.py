"""kenmerk.extract: Dutch government notes → validated `Note` metadata.

>>> from kenmerk.extract import read_note
>>> note = read_note("nota.pdf")
>>> print(note.kenmerk, note.date, note.document_type.value)
IENW/BSK-2025/12345 2025-01-09 beslisnota

This package depends on no other kenmerk package and never imports rdflib.

The public names are loaded on first use (PEP 562), so a program that needs only the
errors or the reader (the batch's main process) does not import every field extractor.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from kenmerk.extract.version import __version__

#: each public name → the module of this package that defines it
EXPORTS: dict[str, str] = {
    **dict.fromkeys(["Explanation", "explain_path"], "explain"),
    **dict.fromkeys(["InvalidNote", "KenmerkError", "NoTextLayer", "UnreadableInput", "UsageError"], "errors"),
    **dict.fromkeys(["Layout", "Line", "Page"], "layout"),
    **dict.fromkeys(["Attachment", "BBox", "DatedEvent", "DateRole", "DocumentType", "Evidence", "Identifier",
                     "IdentifierScheme", "Note", "Organisation", "RecommendedDecision", "Section", "Source",
                     "WooGround", "note_json_schema"], "model"),
    **dict.fromkeys(["extract_note", "note_from_layout", "read_note"], "note"),
    **dict.fromkeys(["ReadLimits", "read_bytes", "read_path"], "reader"),
}

__all__ = sorted([*EXPORTS, "__version__"])


def __getattr__(name: str) -> Any:
    """Import the module that defines `name` when it is first asked for."""
    if name not in EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{EXPORTS[name]}"), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *EXPORTS})


if TYPE_CHECKING:  # the same names for type checkers and editors
    from kenmerk.extract.errors import InvalidNote, KenmerkError, NoTextLayer, UnreadableInput, UsageError
    from kenmerk.extract.explain import Explanation, explain_path
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
