"""A graph layout that counts right: over the union of all graphs, counts are counts of notes.

Oxigraph's union default graph repeats a triple once per graph that holds it, so organisations
described in every note graph multiplied every join through them (VWS 2020: 238 instead of 14).
Shared resources now live once in the shared graph, with one `skos:prefLabel`@nl each.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
from collections import Counter

import pytest
from publish_helpers import make_note, write_notes

from kenmerk.output.cli import main
from kenmerk.output.graph import note_organisation

PREFIXES = """PREFIX dct: <http://purl.org/dc/terms/>
PREFIX kmk: <https://w3id.org/kenmerk/def#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX foaf: <http://xmlns.com/foaf/0.1/>
"""

#: (organisation as printed, date, how many notes): ministries before and after a rename, two years
KNOWN_SET = [
    ("Ministerie van Volksgezondheid, Welzijn en Sport", dt.date(2020, 3, 2), 14),
    ("Ministerie van Volksgezondheid, Welzijn en Sport", dt.date(2021, 6, 1), 3),
    ("Ministerie van Landbouw, Natuur en Voedselkwaliteit", dt.date(2023, 5, 1), 4),
    ("Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur", dt.date(2024, 9, 1), 2),
    ("Ministerie van Veiligheid en Justitie", dt.date(2016, 1, 5), 2),
    ("Ministerie van Justitie en Veiligheid", dt.date(2020, 11, 1), 5),
]


@pytest.fixture
def counted(workdir):
    """The known set published into the embedded store: (organisation IRI, year) → number of notes."""
    notes, expected = [], Counter()
    for printed, day, count in KNOWN_SET:
        for _ in range(count):
            note = make_note(len(notes) + 1, organisation=printed, date=day, grounds=("5.1.2e",),
                             attachments=("Bijlage A", "Bijlage B"))
            notes.append(note)
            expected[(str(note_organisation(note).iri), day.year)] += 1
    write_notes(workdir / "in", notes)
    assert main(["publish", "in", "-q"]) == 0
    return expected


def rows(capsys, query: str) -> list[list[str]]:
    capsys.readouterr()
    assert main(["query", "--format", "csv", query]) == 0
    return list(csv.reader(io.StringIO(capsys.readouterr().out)))[1:]


def test_plain_counts_over_the_union_are_counts_of_notes(counted, capsys):
    """The bar: SELECT ?org (COUNT …) through the organisation's label gives the number of notes."""
    for aggregate in ("COUNT(?n)", "COUNT(DISTINCT ?n)"):
        found = rows(capsys, PREFIXES + f"SELECT ?org ?year ({aggregate} AS ?c) WHERE {{ ?n a kmk:Note ; "
                     "dct:publisher ?org ; dct:created ?d . ?org skos:prefLabel ?label . BIND(YEAR(?d) AS ?year) } "
                     "GROUP BY ?org ?year")
        assert {(org, int(year)): int(c) for org, year, c in found} == counted, aggregate
    vws_2020 = ("https://identifier.overheid.nl/tooi/id/ministerie/mnre1025", 2020)
    assert counted[vws_2020] == 14


def test_the_shipped_query_counts_notes_per_organisation_per_year(counted, capsys):
    capsys.readouterr()
    assert main(["query", "--example", "notes-per-organisation-per-year", "--format", "csv"]) == 0
    found = list(csv.reader(io.StringIO(capsys.readouterr().out)))[1:]
    assert {(org, int(year)): int(c) for org, _, year, c in found} == counted
    names = {org: name for org, name, _, _ in found}
    # one name per organisation: its current TOOI label, whatever it was called on the note's date
    assert names["https://identifier.overheid.nl/tooi/id/ministerie/mnre1153"] == \
        "ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur"


def test_every_organisation_has_one_dutch_label_and_notes_keep_the_name_of_their_date(counted, capsys):
    found = rows(capsys, PREFIXES + 'SELECT ?org (COUNT(?l) AS ?c) WHERE { ?org a foaf:Organization ; '
                 'skos:prefLabel ?l FILTER(LANG(?l) = "nl") } GROUP BY ?org')
    assert found and all(int(c) == 1 for _, c in found), found
    names = rows(capsys, PREFIXES + "SELECT DISTINCT ?name WHERE { ?n dct:publisher "
                 "<https://identifier.overheid.nl/tooi/id/ministerie/mnre1058> ; kmk:publisherName ?name }")
    assert sorted(n for (n,) in names) == ["ministerie van Justitie en Veiligheid", "ministerie van Veiligheid en Justitie"]


def test_the_type_and_month_query(counted, capsys):
    capsys.readouterr()
    assert main(["query", "--example", "notes-per-type-per-month", "--format", "csv"]) == 0
    found = list(csv.reader(io.StringIO(capsys.readouterr().out)))[1:]
    assert sorted((month, int(c)) for _, _, month, c in found) == sorted(
        [("2016-01", 2), ("2020-03", 14), ("2020-11", 5), ("2021-06", 3), ("2023-05", 4), ("2024-09", 2)])
    assert {label for _, label, _, _ in found} == {"beslisnota"}
