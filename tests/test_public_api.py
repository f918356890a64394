"""The public API of `kenmerk.extract`: a change to `__all__` must be deliberate."""
from __future__ import annotations

import kenmerk.extract

EXPORTED = [
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


def test_all_is_pinned():
    assert sorted(kenmerk.extract.__all__) == EXPORTED


def test_every_exported_name_exists():
    missing = [name for name in kenmerk.extract.__all__ if not hasattr(kenmerk.extract, name)]
    assert missing == []


def test_errors_form_one_hierarchy():
    from kenmerk.extract import InvalidNote, KenmerkError, NoTextLayer, UnreadableInput, UsageError

    assert issubclass(UnreadableInput, KenmerkError)
    assert issubclass(NoTextLayer, UnreadableInput)
    assert issubclass(InvalidNote, KenmerkError)
    assert issubclass(UsageError, KenmerkError)
    assert KenmerkError.exit_code == 1 and UsageError.exit_code == 2
