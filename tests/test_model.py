"""The `Note` model's validators, its JSON round trip and its generated JSON Schema."""
from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from kenmerk.extract import (
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

SHA = "0" * 63 + "1"


def make_note(**fields) -> Note:
    values = {
        "extractor": "test",
        "document_type": "beslisnota",
        "source": Source(file_name="nota.pdf", sha256=SHA, media_type="application/pdf", size=10, page_count=1),
    }
    values.update(fields)
    return Note(**values)


def full_note() -> Note:
    ev = Evidence(page=1, bbox=BBox(x0=466.2, y0=680.0, x1=540.0, y1=689.1), text="IENW/BSK-2025/12345")
    return make_note(
        title="Kamerbrief over het programma schone lucht",
        kenmerk="IENW/BSK-2025/12345",
        identifiers=[
            Identifier(scheme=IdentifierScheme.kenmerk, label="Onze referentie", value="IENW/BSK-2025/12345", evidence=ev),
            Identifier(scheme=IdentifierScheme.uw_kenmerk, label="Uw kenmerk", value="2024-0099"),
        ],
        date=dt.date(2025, 1, 9),
        dates=[DatedEvent(role=DateRole.deadline, label="Beslistermijn", date=dt.date(2025, 1, 16),
                          text="16 januari 2025", evidence=Evidence(page=1, text="16 januari 2025"))],
        organisation=Organisation(name=None, units=["Directoraat-generaal Milieu en Internationaal"]),
        addressee="Minister van Infrastructuur en Waterstaat",
        recommended_decision=RecommendedDecision(text="U wordt geadviseerd te tekenen.", heading="Geadviseerd besluit"),
        attachments=[Attachment(title="Aanbiedingsbrief aan de Tweede Kamer", number=1), Attachment(title=None)],
        sections=[Section(number="1", heading="Aanleiding", text="Tekst.", page=1)],
        woo_grounds=[WooGround(code="5.1.2 e", law="Woo", count=2, pages=[1, 2], how="code"),
                     WooGround(code="10.2e", law="Wob", how="wording")],
        evidence={"kenmerk": ev, "date": Evidence(page=1, text="9 januari 2025", ocr=True)},
        warnings=["een waarschuwing"],
    )


def _message(info: pytest.ExceptionInfo) -> str:
    return str(info.value)


def test_minimal_note_is_valid():
    note = make_note()
    assert note.document_type == DocumentType.beslisnota
    assert note.kenmerk is None and note.woo_grounds == []


def test_date_before_1900_is_rejected():
    with pytest.raises(ValidationError) as info:
        make_note(date=dt.date(1899, 12, 31))
    assert "before 1900" in _message(info)


def test_date_more_than_a_year_ahead_is_rejected():
    ahead = dt.date.today() + dt.timedelta(days=400)
    with pytest.raises(ValidationError) as info:
        make_note(date=ahead)
    assert "more than a year ahead" in _message(info)
    assert ahead.isoformat() in _message(info)


def test_dated_event_date_is_checked_too():
    with pytest.raises(ValidationError, match="before 1900"):
        DatedEvent(role=DateRole.deadline, date=dt.date(1850, 1, 1), text="1 januari 1850")


def test_recent_dates_are_accepted():
    assert make_note(date=dt.date(1900, 1, 1)).date == dt.date(1900, 1, 1)
    assert make_note(date=dt.date.today()).date == dt.date.today()


def test_unknown_woo_code_is_rejected():
    with pytest.raises(ValidationError) as info:
        WooGround(code="5.1.9z", law="Woo")
    assert "unknown Woo/Wob ground code" in _message(info)


def test_wob_code_with_woo_law_is_rejected():
    with pytest.raises(ValidationError) as info:
        WooGround(code="10.2e", law="Woo")
    assert "belongs to the Wob" in _message(info)
    with pytest.raises(ValidationError, match="belongs to the Woo"):
        WooGround(code="5.1.2e", law="Wob")


@pytest.mark.parametrize("written, canonical", [
    ("5.1.2 e", "5.1.2e"),
    ("5.1.2.e", "5.1.2e"),
    ("5.1.2E", "5.1.2e"),
    ("5.2.1", "5.2"),
    ("5.2", "5.2"),
    ("5.1.1c", "5.1.1c"),
])
def test_woo_codes_are_canonical(written, canonical):
    assert WooGround(code=written, law="Woo").code == canonical


def test_wob_codes_are_canonical():
    assert WooGround(code="10.2 e", law="Wob").code == "10.2e"
    assert WooGround(code="11.1", law="Wob").code == "11.1"


@pytest.mark.parametrize("value", ["", "   ", "\t\n"])
def test_empty_kenmerk_is_rejected(value):
    with pytest.raises(ValidationError) as info:
        make_note(kenmerk=value)
    assert "kenmerk may not be empty" in _message(info)


def test_kenmerk_is_stripped():
    assert make_note(kenmerk="  IENW/BSK-2025/12345 ").kenmerk == "IENW/BSK-2025/12345"


def test_empty_identifier_value_is_rejected():
    with pytest.raises(ValidationError, match="identifier value may not be empty"):
        Identifier(scheme=IdentifierScheme.kenmerk, label="Ons kenmerk", value="  ")


def test_evidence_for_unknown_field_is_rejected():
    with pytest.raises(ValidationError, match="evidence for unknown fields"):
        make_note(evidence={"no_such_field": Evidence(text="x")})


def test_bbox_corners_must_be_ordered():
    with pytest.raises(ValidationError, match="out of order"):
        BBox(x0=10, y0=0, x1=5, y1=1)


def test_extra_fields_are_forbidden():
    with pytest.raises(ValidationError):
        make_note(nonsense=1)


def test_json_round_trip_equals():
    note = full_note()
    again = Note.model_validate_json(note.model_dump_json())
    assert again == note
    assert again.woo_grounds[0].code == "5.1.2e"
    assert again.dates[0].date == dt.date(2025, 1, 16)


def test_note_json_schema_is_generated():
    schema = note_json_schema()
    assert "$defs" in schema
    assert {"document_type", "kenmerk", "evidence", "source", "woo_grounds"} <= set(schema["properties"])
    assert {"Evidence", "BBox", "WooGround", "Source"} <= set(schema["$defs"])
    assert "beslisnota" in schema["$defs"]["DocumentType"]["enum"]
