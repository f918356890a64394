"""Why each field has its value: the candidates every rule proposed and why the winner won.

`explain(extraction)` turns the results of `kenmerk.extract.note.extract_layout`
into an `Explanation` (a pydantic model, so `kenmerk extract --explain --format
json` prints its JSON); `render(explanation)` is the text `kenmerk extract
--explain` prints. Values and evidence texts go through the same personal-data
scrub as the note, unless the note keeps personal data.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from enum import Enum
from typing import Any

from pydantic import BaseModel, Field

from kenmerk.extract.candidates import Candidate
from kenmerk.extract.context import Document
from kenmerk.extract.model import BBox
from kenmerk.extract.note import Extraction, extract_layout
from kenmerk.extract.reader import DEFAULT_LIMITS, ReadLimits, read_path

#: characters of a value or evidence text shown
SHOWN = 160


class CandidateView(BaseModel):
    """One candidate of a field, as shown to a user."""

    rule: str
    score: float
    value: str
    page: int | None = None
    bbox: BBox | None = Field(None, description="where it was read on its page (PDF inputs)")
    text: str = Field("", description="the printed text it was read from")
    why: str = ""
    chosen: bool = False


class FieldExplanation(BaseModel):
    """A field's candidates, best first, and why the winner won."""

    field: str
    value: str | None
    reason: str
    candidates: list[CandidateView]


class Explanation(BaseModel):
    """Every field of one document, in the order of the `Note`'s fields."""

    file_name: str
    fields: list[FieldExplanation]


def _shown(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, (dt.date, str, int, float)):
        return str(value)
    if isinstance(value, list):
        return "[" + "; ".join(_shown(v) for v in value) + "]"
    if isinstance(value, BaseModel):
        for name in ("text", "title", "name", "code", "value", "heading"):
            if hasattr(value, name):
                return _shown(getattr(value, name))
    return str(value)


def _view(c: Candidate, chosen: bool, clean: Callable[[str], str], document: Document) -> CandidateView:
    text = c.text if c.text is not None else " ".join(ln.text for ln in c.lines)
    evidence = document.evidence(list(c.lines)) if c.lines else None
    return CandidateView(rule=c.rule, score=c.score, value=clean(_shown(c.value))[:SHOWN],
                         page=evidence.page if evidence else None, bbox=evidence.bbox if evidence else None,
                         text=clean(text)[:SHOWN], why=clean(c.why), chosen=chosen)


def explain(extraction: Extraction) -> Explanation:
    """The candidates of every field of an extraction, best first."""
    clean = extraction.scrub

    fields = []
    order = {name: i for i, name in enumerate(type(extraction.note).model_fields)}
    for name, result in sorted(extraction.results.fields.items(), key=lambda item: order.get(item[0], len(order))):
        ranked = sorted(result.candidates, key=lambda c: -c.score)
        fields.append(FieldExplanation(
            field=name, value=clean(_shown(result.value))[:SHOWN] if result.chosen is not None else None,
            reason=clean(result.reason), candidates=[_view(c, c is result.chosen, clean, extraction.document) for c in ranked]))
    return Explanation(file_name=extraction.note.source.file_name, fields=fields)


def render(explanation: Explanation) -> str:
    """The explanation as text: per field the winner, the reason and every candidate."""
    out = [f"== {explanation.file_name}"]
    for f in explanation.fields:
        out.append(f"{f.field}: {f.value if f.value is not None else '(none)'}")
        out.append(f"    {f.reason}")
        for c in f.candidates:
            mark = "*" if c.chosen else " "
            where = f"p{c.page}" if c.page else "  "
            out.append(f"  {mark} {c.score:4.2f} {c.rule:<20} {where:>3}  {c.value}")
            if c.why:
                out.append(f"{'':35}{c.why}")
    return "\n".join(out)


def explain_path(path: str | os.PathLike[str], limits: ReadLimits = DEFAULT_LIMITS, *,
                 keep_personal_data: bool = False) -> Explanation:
    """Read a document (PDF, .txt, .md; `-` for standard input) and explain every field of its note."""
    layout, source = read_path(path, limits)
    return explain(extract_layout(layout, source, keep_personal_data=keep_personal_data))
