"""Every extracted value carries evidence: page, box (PDF inputs) and the text it came from."""
from __future__ import annotations

from pathlib import Path

import pytest

from kenmerk.extract import read_note

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SCALARS = ("document_type", "title", "kenmerk", "date", "addressee")


@pytest.mark.parametrize("name", ["beslisnota-twee-paginas.pdf", "brief-adresblok.pdf",
                                  "beslisnota-opvang-oekraine-2025.md"])
def test_every_value_has_evidence(name):
    note = read_note(SAMPLES / name)
    pdf = name.endswith(".pdf")
    for field in SCALARS:
        if getattr(note, field) is not None:
            ev = note.evidence[field]
            assert ev.page >= 1 and ev.text, field
            assert (ev.bbox is not None) == pdf, field
    items = [note.recommended_decision, note.organisation, *note.attachments, *note.woo_grounds,
             *note.identifiers, *note.dates]
    for item in (i for i in items if i is not None):
        assert item.evidence is not None and item.evidence.text, item
        assert (item.evidence.bbox is not None) == pdf, item


def test_counted_attachments_point_at_the_bijlagen_field():
    note = read_note(SAMPLES / "beslisnota-twee-paginas.pdf")
    assert note.attachments and all(a.evidence.page >= 1 for a in note.attachments)


def test_kenmerk_evidence_box_lies_in_the_colofon_column():
    note = read_note(SAMPLES / "beslisnota-twee-paginas.pdf")
    box = note.evidence["kenmerk"].bbox
    assert box.x0 > 0.6 * 595 and "IENW/BSK-2025/12345" in note.evidence["kenmerk"].text
