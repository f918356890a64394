"""resolve_organisation: printed names, abbreviations and roles, on the note's date."""
from __future__ import annotations

import datetime as dt

import pytest

from kenmerk.vocab import organisation_by_iri, organisations, resolve_organisation

D = dt.date
TOOI = "https://identifier.overheid.nl/tooi/id/"


def code(name, on=None):
    found = resolve_organisation(name, on)
    return found.code if found else None


def test_asiel_en_migratie_exists_only_from_2024_07_02():
    assert code("Ministerie van Asiel en Migratie", D(2024, 7, 1)) is None
    assert code("Ministerie van Asiel en Migratie", D(2024, 7, 2)) == "mnre1162"
    assert code("Minister van Asiel en Migratie", D(2025, 1, 9)) == "mnre1162"
    assert str(resolve_organisation("Asiel en Migratie", D(2025, 1, 9)).iri) == TOOI + "ministerie/mnre1162"


def test_lnv_and_lvvn_by_date():
    before = resolve_organisation("LNV", D(2023, 5, 1))
    after = resolve_organisation("LVVN", D(2025, 5, 1))
    assert before.code == after.code == "mnre1153"
    assert before.label == "ministerie van Landbouw, Natuur en Voedselkwaliteit"
    assert after.label == "ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur"
    assert before.abbreviation == "LNV" and after.abbreviation == "LVVN"
    # an old letterhead after the renaming: same ministry, today's label
    assert resolve_organisation("LNV", D(2025, 5, 1)).label == after.label
    # the LNV of before 2010 is another organisation
    assert code("Ministerie van Landbouw, Natuur en Voedselkwaliteit", D(2008, 1, 1)) == "mnre1150"
    assert code("LNV", D(2012, 1, 1)) is None  # no LNV between 2010-10-14 and 2017-10-26


def test_ezk_and_kgg_split():
    assert code("EZK", D(2020, 1, 1)) == "mnre1045"
    assert resolve_organisation("EZK", D(2020, 1, 1)).label == "ministerie van Economische Zaken en Klimaat"
    assert resolve_organisation("Ministerie van Economische Zaken", D(2025, 1, 1)).label == \
        "ministerie van Economische Zaken"
    assert code("Klimaat en Groene Groei", D(2025, 1, 1)) == "mnre1182"
    assert code("Klimaat en Groene Groei", D(2023, 1, 1)) is None
    assert code("Economische Zaken", D(2009, 1, 1)) == "mnre1040"


@pytest.mark.parametrize("printed, expected", [
    ("IenW", "mnre1130"), ("I&W", "mnre1130"), ("BZK", "mnre1034"), ("MinBZK", "mnre1034"), ("EZK", "mnre1045"),
    ("VWS", "mnre1025"), ("JenV", "mnre1058"), ("J&V", "mnre1058"), ("OCW", "mnre1109"), ("SZW", "mnre1073"),
    ("MINDEF", "mnre1018"), ("Defensie", "mnre1018"), ("Ministerie van Financiën", "mnre1090"),
    ("ministerie van financien", "mnre1090"), ("de Staatssecretaris van Volksgezondheid, Welzijn en Sport", "mnre1025"),
    ("Minister voor Rechtsbescherming", "mnre1058"), ("Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", "mnre1034"),
])
def test_ministry_variants(printed, expected):
    assert code(printed, D(2021, 6, 1)) == expected


@pytest.mark.parametrize("printed, expected", [
    ("Provincie Noord-Holland", "pv27"), ("Gedeputeerde Staten van Noord-Holland", "pv27"),
    ("provincie noord holland", "pv27"), ("Gemeente Utrecht", "gm0344"), ("Provincie Utrecht", "pv26"),
    ("College van burgemeester en wethouders van Amsterdam", "gm0363"), ("gemeente 's-Gravenhage", "gm0518"),
    ("Gemeente Den Haag", "gm0518"), ("Autoriteit Persoonsgegevens", "zb000215"), ("Raad van State", "oorg10008"),
    ("RIVM", "oorg10123"), ("Rijksinstituut voor Volksgezondheid en Milieu", "oorg10123"),
    ("Tweede Kamer der Staten-Generaal", "oorg10002"),
])
def test_decentral_and_other_bodies(printed, expected):
    assert code(printed, D(2021, 6, 1)) == expected


def test_ambiguous_or_unknown_names_resolve_to_none():
    assert code("Utrecht") is None  # municipality and province
    assert code("Ministerie van Toverkunst") is None
    assert code("") is None


def test_organisation_by_iri_and_tables():
    orgs = organisations()
    assert len(orgs) > 1000
    assert len({o.iri for o in orgs}) == len(orgs)
    org = organisation_by_iri(TOOI + "ministerie/mnre1162")
    assert org is not None and org.label == "ministerie van Asiel en Migratie"
    assert org.begin == D(2024, 7, 2)
    assert organisation_by_iri(TOOI + "ministerie/mnre9999") is None


def test_fallbacks_for_units_and_cut_names():
    assert code("Ministerie van VWS - Directie Jeugd") == "mnre1025"
    assert code("Minister van Binnenlandse Zaken, directie Constitutionele Zaken") == "mnre1034"
    assert code("Ministerie van Volksgezondheid", D(2020, 9, 11)) == "mnre1025"
    assert code("Ministerie van Zaken") is None  # not the start of one ministry's name
