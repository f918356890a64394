"""The kenmerk and the other identifiers of a note (`kenmerk.extract.references`).

Every value is made up in the shape of a real format (letters / digits, year-numbered, with a unit suffix, …).
"""
from __future__ import annotations

import pytest

from kenmerk.extract import IdentifierScheme
from kenmerk.extract.note import extract_note
from kenmerk.extract.references import clean_reference


def note(text: str):
    return extract_note(text.encode("utf-8"), "x.txt")


def identifiers(n) -> list[tuple[str, str, str]]:
    return [(i.scheme.value, i.label, i.value) for i in n.identifiers]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("DGKV / 90817263", "DGKV / 90817263"),
        ("IENW/BSK-2024/400123", "IENW/BSK-2024/400123"),
        ("2024-0000123456", "2024-0000123456"),
        ("7001234", "7001234"),
        ("DGKV-WB 90817263", "DGKV-WB 90817263"),
        ("KV2024031501", "KV2024031501"),
        ("4711001-300222-XY", "4711001-300222-XY"),
        ("23.117/KP/FV", "23.117/KP/FV"),
        ("2023077/8812345", "2023077/8812345"),
        ("2024-0000123456 (graag vermelden bij correspondentie)", "2024-0000123456"),
        ("IENW/BSK-2024/400123.", "IENW/BSK-2024/400123"),
    ],
)
def test_clean_reference_formats(text, expected):
    assert clean_reference(text) == expected


@pytest.mark.parametrize("text", ["5.1.2e", "5.1.2 e", "10.2e", "(10)(2e)", "Persoonsgegeven", "16 januari 2025",
                                  "19-12-2022", "Beleidsmedewerker", ""])
def test_not_references(text):
    assert clean_reference(text) is None


@pytest.mark.parametrize(
    "label, value",
    [
        ("Ons kenmerk", "DGKV / 90817263"),
        ("Onze referentie", "IENW/BSK-2024/400123"),
        ("Kenmerk", "2024-0000123456"),
        ("Referentie", "7001234"),
        ("Ons kenmerk", "DGKV-WB 90817263"),
    ],
)
def test_kenmerk_under_its_label(label, value):
    n = note(f"Nota\nDatum\n16 januari 2025\n{label}\n{value}\nBijlage(n)\n1\n")
    assert n.kenmerk == value
    assert identifiers(n) == [("kenmerk", label, value)]
    assert n.evidence["kenmerk"].text == f"{label} {value}"


def test_kenmerk_on_the_label_line():
    assert note("Nota\nOns kenmerk: DGKV-WB 90817263\nDatum: 14 maart 2024\n").kenmerk == "DGKV-WB 90817263"
    assert note("Nota\nOns kenmerk 7001234\n").kenmerk == "7001234"


def test_uw_kenmerk_is_never_the_kenmerk():
    n = note("Nota\nUw kenmerk\n2023055501\nDatum\n22 mei 2023\n")
    assert n.kenmerk is None
    assert identifiers(n) == [("uw_kenmerk", "Uw kenmerk", "2023055501")]


def test_ons_kenmerk_wins_over_uw_kenmerk_printed_first():
    n = note("Nota\nUw kenmerk\n2023055501\nOns kenmerk\n4711001-300222-XY\n")
    assert n.kenmerk == "4711001-300222-XY"


def test_zaaknummer_only_when_no_kenmerk():
    n = note("Nota\nZaaknummer\n318844\nOns kenmerk\n4711001-300222-XY\nUw kenmerk\n2023055501\n")
    assert n.kenmerk == "4711001-300222-XY"
    assert identifiers(n) == [
        ("kenmerk", "Ons kenmerk", "4711001-300222-XY"),
        ("zaaknummer", "Zaaknummer", "318844"),
        ("uw_kenmerk", "Uw kenmerk", "2023055501"),
    ]


def test_zaaknummer_is_the_kenmerk_without_one():
    n = note("Nota\nUw kenmerk\n2023055501\nZaaknummer\n318844\n")
    assert n.kenmerk == "318844"


def test_registratienummer_is_the_kenmerk_without_one():
    n = note("GS-nota\nDatum vergadering 11 april 2023\nRegistratienummer 2023077/8812345\n")
    assert n.kenmerk == "2023077/8812345"
    assert identifiers(n) == [("registratienummer", "Registratienummer", "2023077/8812345")]


def test_ref_of_an_incoming_letter():
    n = note("Vereniging van Veerbedrijven\nRef.: 23.117/KP/FV\nDatum: 14 maart 2024\n")
    assert n.kenmerk == "23.117/KP/FV"
    assert n.identifiers[0].scheme == IdentifierScheme.registratienummer


def test_redaction_code_is_not_a_kenmerk():
    n = note("Nota\nKenmerk\n5.1.2e\nZaaknummer\n318844\n")
    assert n.kenmerk == "318844"
    assert [i.value for i in n.identifiers] == ["318844"]


def test_redacted_kenmerk_leaves_none():
    n = note("Nota\nOns kenmerk\nPersoonsgegeven\nDatum\n14 maart 2024\n")
    assert n.kenmerk is None
    assert n.identifiers == []


def test_dotted_wob_stamp_is_not_a_kenmerk():
    # regression: the Wob stamp with a dotted letter (10.2.e) was taken for a kenmerk
    n = note("Memo\nOns kenmerk\n10.2.e\nDatum\n15 maart 2023\n")
    assert n.kenmerk is None


def test_publication_identifier_in_a_footer():
    n = note("Aanhangsel van de Handelingen\nTweede Kamer, vergaderjaar 2022–2023\n"
             "ah-tk-20222023-4711\nISSN 1234 - 5679\n")
    assert ("kamerstuk", "publicatie", "ah-tk-20222023-4711") in identifiers(n)
    assert n.kenmerk is None


def test_same_identifier_twice_is_listed_once():
    n = note("Nota\nOns kenmerk\n7001234\n\fVervolg\nOns kenmerk\n7001234\n")
    assert identifiers(n) == [("kenmerk", "Ons kenmerk", "7001234")]


def test_no_reference_at_all():
    n = note("Notitie\nBevindingen uit de inventarisatie\n")
    assert n.kenmerk is None
    assert n.identifiers == []


def test_a_unit_code_with_an_ampersand_stays_in_the_reference():
    n = note("Brief\nOnze referentie\nVV-2025/O&I/1547\n\nGeachte heer,\n")
    assert n.kenmerk == "VV-2025/O&I/1547"


def test_the_number_in_a_published_decisions_title_formula_is_its_kenmerk():
    # "Besluit van de Minister van X van <date>, nr. <ref>, houdende …": the Staatscourant's form
    n = note("Besluit van de Minister van Waterbeheer van 14 april 2025, nr.\nWB/25104433, houdende regels voor "
             "de subsidie aan dijkversterking\n\nDe Minister van Waterbeheer,\n\nBesluit:\n\nArtikel 1\nTekst.\n")
    assert n.kenmerk == "WB/25104433"
