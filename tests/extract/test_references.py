"""The kenmerk and the other identifiers of a note (`kenmerk.extract.references`)."""
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
        ("DGED / 44314491", "DGED / 44314491"),
        ("IENW/BSK-2022/248639", "IENW/BSK-2022/248639"),
        ("2023-0000700225", "2023-0000700225"),
        ("6048852", "6048852"),
        ("DGNV-NV 58775937", "DGNV-NV 58775937"),
        ("BS2024021319", "BS2024021319"),
        ("1752993-210956-PG", "1752993-210956-PG"),
        ("20.023/MJ/MR", "20.023/MJ/MR"),
        ("1095061/1659574", "1095061/1659574"),
        ("2023-0000700225 (graag vermelden bij correspondentie)", "2023-0000700225"),
        ("IENW/BSK-2022/248639.", "IENW/BSK-2022/248639"),
    ],
)
def test_clean_reference_formats(text, expected):
    assert clean_reference(text) == expected


@pytest.mark.parametrize("text", ["5.1.2e", "5.1.2 e", "10.2e", "(10)(2e)", "Persoonsgegeven", "9 januari 2025",
                                  "16-12-2022", "Beleidsmedewerker", ""])
def test_not_references(text):
    assert clean_reference(text) is None


@pytest.mark.parametrize(
    "label, value",
    [
        ("Ons kenmerk", "DGED / 44314491"),
        ("Onze referentie", "IENW/BSK-2022/248639"),
        ("Kenmerk", "2023-0000700225"),
        ("Referentie", "6048852"),
        ("Ons kenmerk", "DGNV-NV 58775937"),
    ],
)
def test_kenmerk_under_its_label(label, value):
    n = note(f"Nota\nDatum\n9 januari 2025\n{label}\n{value}\nBijlage(n)\n1\n")
    assert n.kenmerk == value
    assert identifiers(n) == [("kenmerk", label, value)]
    assert n.evidence["kenmerk"].text == f"{label} {value}"


def test_kenmerk_on_the_label_line():
    assert note("Nota\nOns kenmerk: DGNV-NV 58775937\nDatum: 3 mei 2024\n").kenmerk == "DGNV-NV 58775937"
    assert note("Nota\nOns kenmerk 6048852\n").kenmerk == "6048852"


def test_uw_kenmerk_is_never_the_kenmerk():
    n = note("Nota\nUw kenmerk\n2020217241\nDatum\n25 september 2020\n")
    assert n.kenmerk is None
    assert identifiers(n) == [("uw_kenmerk", "Uw kenmerk", "2020217241")]


def test_ons_kenmerk_wins_over_uw_kenmerk_printed_first():
    n = note("Nota\nUw kenmerk\n2020217241\nOns kenmerk\n1752993-210956-PG\n")
    assert n.kenmerk == "1752993-210956-PG"


def test_zaaknummer_only_when_no_kenmerk():
    n = note("Nota\nZaaknummer\n210950\nOns kenmerk\n1752993-210956-PG\nUw kenmerk\n2020217241\n")
    assert n.kenmerk == "1752993-210956-PG"
    assert identifiers(n) == [
        ("kenmerk", "Ons kenmerk", "1752993-210956-PG"),
        ("zaaknummer", "Zaaknummer", "210950"),
        ("uw_kenmerk", "Uw kenmerk", "2020217241"),
    ]


def test_zaaknummer_is_the_kenmerk_without_one():
    n = note("Nota\nUw kenmerk\n2020217241\nZaaknummer\n210950\n")
    assert n.kenmerk == "210950"


def test_registratienummer_is_the_kenmerk_without_one():
    n = note("GS-nota\nDatum vergadering 6 juli 2021\nRegistratienummer 1095061/1659574\n")
    assert n.kenmerk == "1095061/1659574"
    assert identifiers(n) == [("registratienummer", "Registratienummer", "1095061/1659574")]


def test_ref_of_an_incoming_letter():
    n = note("Centraal Bureau Levensmiddelenhandel\nRef.: 20.023/MJ/MR\nDatum: 11 september 2020\n")
    assert n.kenmerk == "20.023/MJ/MR"
    assert n.identifiers[0].scheme == IdentifierScheme.registratienummer


def test_redaction_code_is_not_a_kenmerk():
    n = note("Nota\nKenmerk\n5.1.2e\nZaaknummer\n210950\n")
    assert n.kenmerk == "210950"
    assert [i.value for i in n.identifiers] == ["210950"]


def test_redacted_kenmerk_leaves_none():
    n = note("Nota\nOns kenmerk\nPersoonsgegeven\nDatum\n3 mei 2024\n")
    assert n.kenmerk is None
    assert n.identifiers == []


def test_dotted_wob_stamp_is_not_a_kenmerk():
    # regression: the Wob stamp with a dotted letter (10.2.e) was taken for a kenmerk
    n = note("Memo\nOns kenmerk\n10.2.e\nDatum\n24 maart 2021\n")
    assert n.kenmerk is None


def test_publication_identifier_in_a_footer():
    n = note("Aanhangsel van de Handelingen\nTweede Kamer, vergaderjaar 2020–2021\n"
             "ah-tk-20202021-3235\nISSN 0921 - 7398\n")
    assert ("kamerstuk", "publicatie", "ah-tk-20202021-3235") in identifiers(n)
    assert n.kenmerk is None


def test_same_identifier_twice_is_listed_once():
    n = note("Nota\nOns kenmerk\n6048852\n\fVervolg\nOns kenmerk\n6048852\n")
    assert identifiers(n) == [("kenmerk", "Ons kenmerk", "6048852")]


def test_no_reference_at_all():
    n = note("Notitie\nBevindingen uit de inventarisatie\n")
    assert n.kenmerk is None
    assert n.identifiers == []
