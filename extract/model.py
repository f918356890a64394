"""The `Note`: validated metadata of one Dutch government document.

A *note* (Dutch: nota) is an internal document of a ministry, province or
municipality; we use the word for every document kenmerk reads: beslisnota's,
letters, Kamerbrieven, e-mails, Woo-besluiten. The pydantic models in this
module are the single source of the JSON shape: `kenmerk schema` prints the
JSON Schema generated from `Note`.

Every extracted value carries `Evidence`: the page it came from (1-based), the
bounding box in PDF points where the input has positions, and the text it was
read from. Scalar fields keep their evidence in `Note.evidence`, keyed by the
field name; list items and objects carry their own.
"""
from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from kenmerk.extract.woo_codes import WOO_GROUND_CODES, canonical_ground

SCHEMA_VERSION = "1"

#: Oldest date a document may carry; anything older is a misread.
EARLIEST_DATE = dt.date(1900, 1, 1)


class DocumentType(str, Enum):
    """What a document calls itself (values of the corpus annotation guide)."""

    beslisnota = "beslisnota"
    nota = "nota"
    kamerbrief = "kamerbrief"
    brief = "brief"
    email = "email"
    memo = "memo"
    notitie = "notitie"
    verslag = "verslag"
    agenda = "agenda"
    woo_besluit = "woo-besluit"
    besluit = "besluit"
    inventarislijst = "inventarislijst"
    advies = "advies"
    kamervragen = "kamervragen"
    other = "other"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=False, use_enum_values=False)


class BBox(_Model):
    """A rectangle in PDF points, origin bottom-left of the page."""

    x0: float
    y0: float
    x1: float
    y1: float

    @model_validator(mode="after")
    def _ordered(self) -> "BBox":
        if self.x1 < self.x0 or self.y1 < self.y0:
            raise ValueError(f"bounding box corners out of order: {self}")
        return self


class FieldCorrection(_Model):
    """A reviewer's correction of a field (`kenmerk.output.corrections`): who, when, why, and the value
    the extraction gave, which is published only when asked (`--keep-extracted`)."""

    by: Annotated[str, Field(min_length=1, description="who corrected it")]
    at: dt.datetime = Field(description="when")
    note: str | None = Field(default=None, description="why")
    extracted: Any = Field(default=None, description="the extracted value it replaced, in the Note's JSON shape")


class Evidence(_Model):
    """Where a value was read: page (1-based), box (PDF inputs only) and text; or who corrected it."""

    page: Annotated[int, Field(ge=1)] | None = None
    bbox: BBox | None = None
    text: str
    ocr: bool = Field(False, description="the text came from OCR or a noisy OCR text layer")
    correction: FieldCorrection | None = Field(default=None, exclude_if=lambda v: v is None,
                                               description="set when a reviewer corrected the value")


class IdentifierScheme(str, Enum):
    """What kind of reference an identifier is, by its printed label."""

    kenmerk = "kenmerk"
    uw_kenmerk = "uw_kenmerk"
    zaaknummer = "zaaknummer"
    registratienummer = "registratienummer"
    dossiernummer = "dossiernummer"
    kamerstuk = "kamerstuk"
    other = "other"


class Identifier(_Model):
    """A reference printed on the document, with the label it was printed under."""

    scheme: IdentifierScheme
    label: str = Field(description="the label as printed, e.g. 'Uw kenmerk'")
    value: str
    evidence: Evidence | None = None

    @field_validator("value")
    @classmethod
    def _not_empty(cls, v: str) -> str:
        v = v.strip()
        if not v:
            raise ValueError("an identifier value may not be empty")
        return v


class DateRole(str, Enum):
    """The role of a date other than the document's own date."""

    document = "document"
    deadline = "deadline"
    meeting = "meeting"
    received = "received"
    sent = "sent"
    publication = "publication"
    decision = "decision"
    other = "other"


def _check_date_range(value: dt.date | None) -> dt.date | None:
    if value is None:
        return value
    latest = dt.date.today() + dt.timedelta(days=366)
    if value < EARLIEST_DATE:
        raise ValueError(f"date {value.isoformat()} is before {EARLIEST_DATE.year}: not a document date")
    if value > latest:
        raise ValueError(f"date {value.isoformat()} is more than a year ahead: not a document date")
    return value


class DatedEvent(_Model):
    """A date with its role and the text it was read from ("Beslistermijn 16-12-2022")."""

    role: DateRole
    label: str | None = Field(None, description="the label as printed, e.g. 'Beslistermijn'")
    date: dt.date | None = Field(None, description="null when the text names no resolvable day")
    text: str
    evidence: Evidence | None = None

    @field_validator("date")
    @classmethod
    def _plausible(cls, v: dt.date | None) -> dt.date | None:
        return _check_date_range(v)


class Organisation(_Model):
    """The body the note comes from and the units under it, as printed."""

    name: str | None = Field(None, description="ministry, province, municipality or other body")
    units: list[str] = Field(default_factory=list, description="directoraat-generaal, directie, afdeling…")
    evidence: Evidence | None = None


class RecommendedDecision(_Model):
    """The 'Geadviseerd besluit' (or 'Beslispunten', 'Advies') of a note asking for a decision."""

    text: str
    heading: str | None = Field(None, description="the heading it was printed under")
    evidence: Evidence | None = None

    @field_validator("text")
    @classmethod
    def _not_empty(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("a recommended decision needs text")
        return v.strip()


class Attachment(_Model):
    """One attachment ('bijlage'); title null where the document only counts them."""

    title: str | None = None
    number: int | None = None
    evidence: Evidence | None = None


class Section(_Model):
    """A (numbered) section of the body: '2. Geadviseerd besluit' and its text."""

    number: str | None = None
    heading: str
    text: str = ""
    page: int | None = None


class WooGround(_Model):
    """A refusal ground of the Woo (art. 5.1, 5.2, 5.4) or the Wob (art. 10, 11).

    `code` is normalised: `5.1.2e`, `5.1.1c`, `5.2`; Wob codes `10.2e`, `11.1`.
    """

    code: str
    law: Literal["Woo", "Wob"]
    count: int = Field(1, ge=1, description="how many times the ground is cited or stamped")
    pages: list[int] = Field(default_factory=list)
    how: Literal["code", "wording"] = Field("code", description="read from a code or from wording")
    evidence: Evidence | None = None

    @field_validator("code")
    @classmethod
    def _known(cls, v: str) -> str:
        code = canonical_ground(v)
        if code not in WOO_GROUND_CODES:
            raise ValueError(f"unknown Woo/Wob ground code {v!r}")
        return code

    @model_validator(mode="after")
    def _law_matches(self) -> "WooGround":
        if WOO_GROUND_CODES[self.code] != self.law:
            raise ValueError(f"ground {self.code} belongs to the {WOO_GROUND_CODES[self.code]}, not the {self.law}")
        return self


class Source(_Model):
    """The input file: name (no folders), content hash, media type, pages."""

    file_name: str
    sha256: Annotated[str, Field(pattern=r"^[0-9a-f]{64}$")]
    media_type: str
    size: int = Field(ge=0)
    page_count: int | None = Field(None, ge=0)


class Note(_Model):
    """Metadata of one government document, with evidence for every field."""

    schema_version: str = SCHEMA_VERSION
    extractor: str = Field(description="kenmerk version that produced this note")
    document_type: DocumentType
    title: str | None = None
    kenmerk: str | None = Field(None, description="the sender's own reference ('Ons kenmerk', 'Onze referentie')")
    identifiers: list[Identifier] = Field(default_factory=list)
    date: dt.date | None = Field(None, description="the document's own date")
    dates: list[DatedEvent] = Field(default_factory=list)
    organisation: Organisation | None = None
    addressee: str | None = None
    recommended_decision: RecommendedDecision | None = None
    attachments: list[Attachment] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    woo_grounds: list[WooGround] = Field(default_factory=list)
    language: str = Field("nl", pattern=r"^[a-z]{2}$", description="ISO 639-1 code")
    source: Source
    evidence: dict[str, Evidence] = Field(default_factory=dict, description="evidence of the scalar fields, by name")
    warnings: list[str] = Field(default_factory=list)

    @field_validator("date")
    @classmethod
    def _plausible(cls, v: dt.date | None) -> dt.date | None:
        return _check_date_range(v)

    @field_validator("kenmerk")
    @classmethod
    def _kenmerk_not_empty(cls, v: str | None) -> str | None:
        if v is not None and not v.strip():
            raise ValueError("kenmerk may not be empty: leave it out (null) when there is none")
        return v.strip() if v is not None else v

    @field_validator("title", "addressee")
    @classmethod
    def _text_not_empty(cls, v: str | None) -> str | None:
        if v is not None and not v.strip():
            raise ValueError("may not be empty: use null when absent")
        return v.strip() if v is not None else v

    @model_validator(mode="after")
    def _evidence_keys(self) -> "Note":
        unknown = set(self.evidence) - set(type(self).model_fields)
        if unknown:
            raise ValueError(f"evidence for unknown fields: {sorted(unknown)}")
        return self


def note_json_schema() -> dict:
    """The JSON Schema of `Note`, generated by pydantic."""
    return Note.model_json_schema()


#: what pydantic puts before the message of an error a validator raised
_PYDANTIC_PREFIXES = ("Value error, ", "Assertion failed, ")


def invalid_note_reason(exc: ValidationError) -> str:
    """One wording for a note that fails validation, wherever it comes from (extraction, a JSON input):
    `not a valid note: FIELD: MESSAGE (and N more)`, without pydantic's "Value error," prefix."""
    errors = exc.errors()
    if not errors:
        return "not a valid note"
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ())) or "note"
    message = str(first.get("msg", ""))
    for prefix in _PYDANTIC_PREFIXES:
        message = message.removeprefix(prefix)
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"not a valid note: {where}: {message}{more}"
