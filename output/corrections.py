"""Corrections: a reviewer's fixes of extracted fields, kept in a file and applied on every later run.

    from kenmerk.output.corrections import read_corrections
    corrections = read_corrections(["corrections.jsonl"])
    for error in corrections.errors:             # InputError, one line each: 'corrections.jsonl:3: field …'
        print(error)
    note = corrections.apply(note)                # the note with its corrected fields, validated again

A corrections file is JSON Lines, one correction a line (the review report downloads one):

    {"document": "<sha256 of the source>", "field": "date", "value": "2024-03-01",
     "by": "A. Reviewer", "at": "2025-01-07T10:12:00+01:00", "note": "the colofon date, not the stamp"}

`value` is in the `Note`'s JSON shape for that field (`null` clears it). A line is checked by the
`Correction` model: a field a note does not have or cannot be corrected (`source`, `evidence`, …),
a value that does not validate against the `Note` model (a date "31 februari"), a line that is not
JSON: each is an `InputError` `FILE:N: reason` in `errors`, and the other lines still apply (the batch
engine reports each as a failure of the run, so a command exits 1). The later line
for the same document and field wins, across files in the order given.

A corrected field replaces the extracted one after extraction and before the note is validated
and written; its evidence says who corrected it, when and why (`Evidence.correction`, a
`FieldCorrection` that also keeps the extracted value it replaced; `Evidence.text`: "corrected by …
at …", no page or box). A list field that repeats the replaced value (`ECHOES`: the kenmerk among the
`identifiers`) loses it, so nothing of the old value is published (`kenmerk.output.graph` states the
correction as a `prov:Activity` and writes the extracted value only with `--keep-extracted`).
Correcting a corrected note again keeps the value first extracted. The batch engine applies
corrections in the worker after the cache, so the cache keeps extractions, never corrections:
changing a correction needs no re-extraction.
"""
from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from kenmerk.extract import Evidence, InvalidNote, Note
from kenmerk.extract.errors import InputError
from kenmerk.extract.model import FieldCorrection, invalid_note_reason

__all__ = ["CORRECTABLE", "ECHOES", "Correction", "Corrections", "corrected_by", "correction_evidence",
           "read_corrections"]

#: how a corrected field's evidence text begins (for people; `Evidence.correction` holds who, when and why)
CORRECTED = "corrected by "

#: the fields of a note a reviewer may correct: every field but what describes the run and the input
CORRECTABLE = tuple(name for name in Note.model_fields
                    if name not in ("schema_version", "extractor", "source", "evidence", "warnings"))

#: list fields that repeat a scalar field's value: (list field, whether an item (JSON shape) is that value);
#: a correction of the scalar field drops the items that repeat the replaced value
ECHOES: dict[str, tuple[str, Callable[[dict, Any], bool]]] = {
    "kenmerk": ("identifiers", lambda item, old: item["scheme"] == "kenmerk" and item["value"] == old),
}


@functools.cache
def _blank() -> dict:
    """A minimal valid note in JSON shape, to check one field's value against the `Note` model."""
    return {"extractor": "0", "document_type": "other",
            "source": {"file_name": "x", "sha256": "0" * 64, "media_type": "text/plain", "size": 0}}


def _reason(exc: ValidationError) -> str:
    """pydantic's first error as 'where: message' (and how many more)."""
    errors = exc.errors()
    first = errors[0]
    where = ".".join(str(p) for p in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {message}{more}" if where else f"{message}{more}"


class Correction(BaseModel):
    """One line of a corrections file: the corrected value of one field of one document."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    document: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$", description="sha256 of the source document")]
    field: str = Field(description="a field of `Note` (see `CORRECTABLE`)")
    value: Any = Field(description="the corrected value in the Note's JSON shape, or null")
    by: Annotated[str, Field(min_length=1, description="who corrected it")]
    at: dt.datetime = Field(description="when (ISO 8601)")
    note: str | None = Field(None, description="why, optional")

    @field_validator("field")
    @classmethod
    def _a_note_field(cls, name: str) -> str:
        if name not in CORRECTABLE:
            raise ValueError(f"not a field of a note that can be corrected (one of: {', '.join(CORRECTABLE)})")
        return name

    @field_validator("by")
    @classmethod
    def _someone(cls, who: str) -> str:
        if not who.strip():
            raise ValueError("says nobody")
        return who.strip()

    @model_validator(mode="after")
    def _value_fits_the_note(self) -> "Correction":
        try:
            Note.model_validate({**_blank(), self.field: self.value})
        except ValidationError as exc:
            reason = _reason(exc)
            if reason.startswith(f"{self.field}: "):
                raise ValueError(f"{self.value!r} is not a valid {reason}") from None
            raise ValueError(f"{self.value!r}: {reason}") from None
        return self


def correction_evidence(correction: Correction, extracted: Any = None) -> Evidence:
    """The evidence of a corrected field: who corrected it, when, why, and the `extracted` value it replaced."""
    why = f": {correction.note}" if correction.note else ""
    return Evidence(text=f"{CORRECTED}{correction.by} at {correction.at.isoformat()}{why}",
                    correction=FieldCorrection(by=correction.by, at=correction.at, note=correction.note,
                                               extracted=extracted))


def corrected_by(evidence: Evidence | None) -> str | None:
    """Who corrected a field, when and why ("A. Reviewer at 2025-01-07T10:12:00+01:00"), read from its
    evidence; None for a value read from the document."""
    if evidence is None or evidence.correction is None:
        return None
    return evidence.text.removeprefix(CORRECTED)


@dataclass(frozen=True)
class Corrections:
    """The corrections of a run, by document and field (the later line wins), and the lines refused."""

    by_document: Mapping[str, Mapping[str, Correction]] = field(default_factory=dict)
    errors: tuple[InputError, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.by_document)

    def for_document(self, sha256: str) -> list[Correction]:
        """The corrections of one document, in field order."""
        return list(self.by_document.get(sha256, {}).values())

    def apply(self, note: Note) -> Note:
        """`note` with its corrected fields and their evidence, validated as a whole (`InvalidNote` if it
        fails: a correction that fits the field but not the rest of the note)."""
        mine = self.for_document(note.source.sha256)
        if not mine:
            return note
        data = note.model_dump(mode="json")
        fields = {c.field for c in mine}
        for c in mine:
            old = data[c.field]
            earlier = note.evidence.get(c.field)
            extracted = earlier.correction.extracted if earlier and earlier.correction else old
            if c.field in ECHOES and ECHOES[c.field][0] not in fields:
                name, echoes = ECHOES[c.field]
                data[name] = [item for item in data[name] if not echoes(item, old)]
            data[c.field] = c.value
            data["evidence"][c.field] = correction_evidence(c, extracted).model_dump(mode="json")
        try:
            return Note.model_validate(data)
        except ValidationError as exc:
            raise InvalidNote(f"after the corrections: {invalid_note_reason(exc)}",
                              path=note.source.file_name) from None

    def apply_json(self, note_json: str) -> str:
        """`apply` on a note in JSON (as the batch engine carries it)."""
        note = Note.model_validate_json(note_json)
        corrected = self.apply(note)
        return note_json if corrected is note else corrected.model_dump_json()


def _lines(path: str) -> Iterable[tuple[int, str]]:
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if line.strip():
                yield number, line


def read_corrections(paths: Sequence[str]) -> Corrections:
    """Read corrections files (JSON Lines) in order; a bad line or file is one `InputError` in `errors`."""
    by_document: dict[str, dict[str, Correction]] = {}
    errors: list[InputError] = []
    for path in paths:
        try:
            for number, line in _lines(path):
                where = f"{path}:{number}"
                try:
                    correction = Correction.model_validate_json(line)
                except ValidationError as exc:
                    errors.append(InputError(_line_reason(exc, line), path=where))
                    continue
                fields = by_document.setdefault(correction.document, {})
                fields.pop(correction.field, None)  # the later line wins, and keeps its place last
                fields[correction.field] = correction
        except (OSError, UnicodeDecodeError) as exc:
            errors.append(InputError(f"cannot read the corrections: {getattr(exc, 'strerror', None) or exc}",
                                     path=path))
    return Corrections(by_document=by_document, errors=tuple(errors))


def _line_reason(exc: ValidationError, line: str) -> str:
    """Why a line is refused, naming its field when it has one."""
    first = exc.errors()[0]
    if first["type"] == "json_invalid":
        return f"not JSON ({first['msg'].removeprefix('Invalid JSON: ')})"
    try:
        name = json.loads(line).get("field")
    except (ValueError, AttributeError):
        name = None
    where = ".".join(str(p) for p in first["loc"])
    message = first["msg"].removeprefix("Value error, ")
    subject = f"field '{name}'" if isinstance(name, str) and where in ("", "field") else where
    return f"{subject}: {message}" if subject else message
