"""The registry of field extractors, and the run that orders them by what they read.

Each field extractor (`kenmerk.extract.candidates.FieldExtractor`) names the
Note field it decides and the fields it reads; `ORDER` is the registry sorted
so that every extractor runs after the fields it reads. The order is computed
and checked once, when this module is imported: a cycle or a read of a field
nobody decides fails there, not in the middle of a document.
"""
from __future__ import annotations

from graphlib import CycleError, TopologicalSorter

from kenmerk.extract.addressee import ADDRESSEE
from kenmerk.extract.attachments import ATTACHMENTS
from kenmerk.extract.candidates import FieldExtractor, FieldResult, Inputs, Results
from kenmerk.extract.context import Document
from kenmerk.extract.dating import DATE, DATES
from kenmerk.extract.decision import DECISION
from kenmerk.extract.doctype import DOCUMENT_TYPE
from kenmerk.extract.language import LANGUAGE
from kenmerk.extract.organisation import ORGANISATION
from kenmerk.extract.references import IDENTIFIERS, KENMERK
from kenmerk.extract.sections import SECTIONS
from kenmerk.extract.title import TITLE
from kenmerk.extract.woo_grounds import WOO_GROUNDS

#: every field extractor; adding a field touches this tuple and its own module
FIELDS: tuple[FieldExtractor, ...] = (
    KENMERK, IDENTIFIERS, DECISION, DOCUMENT_TYPE, DATE, DATES, ADDRESSEE, TITLE, ATTACHMENTS, ORGANISATION,
    WOO_GROUNDS, SECTIONS, LANGUAGE,
)


def ordered(extractors: tuple[FieldExtractor, ...]) -> tuple[FieldExtractor, ...]:
    """The extractors sorted so that each runs after the fields it reads; refuses cycles and unknown reads."""
    by_field = {e.field: e for e in extractors}
    if len(by_field) != len(extractors):
        raise ValueError("two field extractors decide the same field")
    for e in extractors:
        unknown = set(e.reads) - set(by_field)
        if unknown:
            raise ValueError(f"field extractor {e.field!r} reads {sorted(unknown)}, which no extractor decides")
    try:
        order = TopologicalSorter({e.field: e.reads for e in extractors}).static_order()
        return tuple(by_field[name] for name in order)
    except CycleError as exc:
        raise ValueError(f"field extractors read each other in a cycle: {exc.args[1]}") from None


ORDER = ordered(FIELDS)


def run_fields(doc: Document, extractors: tuple[FieldExtractor, ...] = ORDER) -> Results:
    """Run every extractor in order: propose candidates, choose one, keep all for `--explain`."""
    results: dict[str, FieldResult] = {}
    for extractor in extractors:
        inputs = Inputs(extractor.field, results, extractor.reads)
        candidates = tuple(extractor.propose(doc, inputs))
        chosen, reason = extractor.choose(candidates)
        results[extractor.field] = FieldResult(extractor.field, candidates, chosen, reason)
    return Results(results)
