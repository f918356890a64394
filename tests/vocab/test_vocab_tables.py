"""Vocabulary tables: document types, categories, grounds, languages, formats; DiWoo resources."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from kenmerk.extract import DocumentType
from kenmerk.extract.woo_codes import WOO_GROUND_CODES
from kenmerk.vocab import (
    EUFILETYPE,
    EULANG,
    TOOIKERN,
    diwoo_resources,
    document_type,
    document_types,
    file_format,
    ground,
    information_categories,
    information_category,
    language,
)

LIJSTEN = Path(__file__).resolve().parents[3] / "shared" / "vocab" / "files" / "diwoo-metadata-lijsten-0.9.8.xsd"


def test_every_document_type_has_a_concept_and_category():
    assert set(document_types()) == {t.value for t in DocumentType}
    for t in DocumentType:
        assert document_type(t).iri
        assert information_category(t).iri in information_categories()


def test_document_type_examples():
    assert document_type(DocumentType.beslisnota).iri == TOOIKERN.c_2977c34f
    assert document_type("kamerbrief").iri == TOOIKERN.c_49599e6c
    assert document_type("woo-besluit").iri == TOOIKERN.c_4f50ca9c
    assert str(document_type("nota").iri).startswith("https://w3id.org/kenmerk/def#")  # TOOI has no plain nota
    assert information_category("woo-besluit").iri == TOOIKERN.c_3baef532
    assert information_category("beslisnota").iri == TOOIKERN.c_816e508d


def test_every_ground_code_has_a_juriconnect_iri():
    for code, law in WOO_GROUND_CODES.items():
        g = ground(code)
        assert g.law == law
        bwb = "BWBR0045754" if law == "Woo" else "BWBR0005252"
        assert str(g.iri).startswith(f"https://wetten.overheid.nl/jci1.3:c:{bwb}&")
    assert str(ground("5.1.2e").iri).endswith("&artikel=5.1&lid=2&onderdeel=e")
    assert str(ground("11.1").iri).endswith("&artikel=11&lid=1")
    with pytest.raises(KeyError):
        ground("5.1.3a")


def test_languages_and_formats():
    assert language("nl").iri == EULANG.NLD and language("NL").label == "Nederlands"
    assert language("xx") is None
    assert file_format("application/pdf").iri == EUFILETYPE.PDF
    assert file_format("text/markdown").iri == EUFILETYPE.TXT
    assert file_format("text/plain; charset=utf-8").iri == EUFILETYPE.TXT
    assert file_format("image/png") is None


@pytest.mark.skipif(not LIJSTEN.is_file(), reason="../shared/vocab/files not present")
def test_every_diwoo_resource_is_in_the_xsd_enumerations():
    text = LIJSTEN.read_text(encoding="utf-8")
    enumerated = set(re.findall(r'<xs:enumeration value="([^"]+)"', text))
    missing = sorted(diwoo_resources() - enumerated)
    assert not missing, missing[:10]
    assert len(diwoo_resources()) > 1000


@pytest.mark.skipif(not LIJSTEN.is_file(), reason="../shared/vocab/files not present")
def test_tooi_labels_match_the_diwoo_lists():
    text = LIJSTEN.read_text(encoding="utf-8")
    labels = dict(re.findall(r'<xs:enumeration value="([^"]+)">\s*<xs:annotation>\s*<xs:documentation>\s*<dita:p[^>]*>([^<]+)<', text))
    if not labels:
        pytest.skip("list labels not found in the XSD layout")
    for concept in list(information_categories().values()) + [document_type(t) for t in DocumentType]:
        if str(concept.iri) in labels:
            assert labels[str(concept.iri)].strip() == concept.label
