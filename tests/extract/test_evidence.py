"""Every extracted value carries evidence: page, box (PDF inputs) and the text it came from.

The PDFs are the project's own fixtures (`scripts/make_fixtures.py`); the Markdown note is made up here.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from builders import note

from kenmerk.extract import read_note

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SCALARS = ("document_type", "title", "kenmerk", "date", "addressee")

#: a made-up beslisnota as a Markdown conversion: designation, colofon fields interleaved, numbered sections
MARKDOWN = (
    "Minister van Infrastructuur en Waterstaat\n\nDirectoraat-Generaal Water en Bodem\n\n"
    "**Datum**\n3 februari 2025\n\n**Ons kenmerk**\nIENW/WB-2025/70123\n\n**Bijlage(n)**\n1\n\n# nota\n\n"
    "Beslisnota bij Kamerbrief over schoolzwemmen\n\n## 1. Aanleiding\n\nDe Kamer vraagt om een stand van zaken.\n\n"
    "## 2. Geadviseerd besluit\n\nInstemmen met de Kamerbrief over schoolzwemmen.\n\n"
    "## 3. Kernpunten\n\nDe brief reageert op het rapport *Zwemvaardigheid van leerlingen in Zilverdam*. "
    "Het rapport wordt als bijlage meegestuurd.\n\n"
    "## 5. Informatie die niet openbaar gemaakt kan worden\n\nNamen van medewerkers zijn weggelakt "
    "ter bescherming van de persoonlijke levenssfeer.\n"
)


def _read(name: str):
    return note(MARKDOWN, name) if name.endswith(".md") else read_note(SAMPLES / name)


@pytest.mark.parametrize("name", ["beslisnota-twee-paginas.pdf", "brief-adresblok.pdf", "beslisnota-schoolzwemmen.md"])
def test_every_value_has_evidence(name):
    note = _read(name)
    pdf = name.endswith(".pdf")
    found = [field for field in SCALARS if getattr(note, field) is not None]
    assert len(found) >= 4, found
    for field in found:
        ev = note.evidence[field]
        assert ev.page >= 1 and ev.text, field
        assert (ev.bbox is not None) == pdf, field
    items = [note.recommended_decision, note.organisation, *note.attachments, *note.woo_grounds,
             *note.identifiers, *note.dates]
    assert len([i for i in items if i is not None]) >= 3
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
