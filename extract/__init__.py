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

from kenmerk.extract.version import __version__ as __version__

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
    from kenmerk.extract.errors import (
        InvalidNote as InvalidNote,
        KenmerkError as KenmerkError,
        NoTextLayer as NoTextLayer,
        UnreadableInput as UnreadableInput,
        UsageError as UsageError,
    )
    from kenmerk.extract.explain import Explanation as Explanation, explain_path as explain_path
    from kenmerk.extract.layout import (
        Layout as Layout,
        Line as Line,
        Page as Page,
    )
    from kenmerk.extract.model import (
        Attachment as Attachment,
        BBox as BBox,
        DatedEvent as DatedEvent,
        DateRole as DateRole,
        DocumentType as DocumentType,
        Evidence as Evidence,
        Identifier as Identifier,
        IdentifierScheme as IdentifierScheme,
        Note as Note,
        Organisation as Organisation,
        RecommendedDecision as RecommendedDecision,
        Section as Section,
        Source as Source,
        WooGround as WooGround,
        note_json_schema as note_json_schema,
    )
    from kenmerk.extract.note import (
        extract_note as extract_note,
        note_from_layout as note_from_layout,
        read_note as read_note,
    )
    from kenmerk.extract.reader import (
        ReadLimits as ReadLimits,
        read_bytes as read_bytes,
        read_path as read_path,
    )
