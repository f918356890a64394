"""The field extractors, in the order they run."""
from __future__ import annotations


def _doctype(doc, values):
    values["document_type"] = "other"


FIELD_EXTRACTORS = [_doctype]
