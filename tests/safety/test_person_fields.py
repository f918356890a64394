"""Personal data by structure: a name the document puts in a person field is scrubbed everywhere.

The persons, numbers and addresses are made up (`person_variants.py`). Every variant goes
through every output: the default JSON, each `--format`, the DiWoo XML, and `kenmerk publish`
of a `--keep-personal-data` JSON. Offices and functions stay.
"""
from __future__ import annotations

import json

import pytest
from person_variants import (
    BAR_EMAIL,
    OFFICES,
    PERSONS,
    SCRAPS,
    VARIANTS,
    hand_made_email,
    leaks,
    office_note,
)
from publish_helpers import CONFIG_TOML

from kenmerk.extract import extract_note
from kenmerk.extract.names import is_person, name_shaped
from kenmerk.extract.personal import PLACEHOLDER, personal_values, scrub_note, scrub_text
from kenmerk.extract.roster import Roster, person_fields
from kenmerk.output.cli import main
from kenmerk.output.diwoo import notes_to_diwoo
from kenmerk.output.serialize import WRITERS, serialize_notes

P = PLACEHOLDER


# -- person or office --------------------------------------------------------------------------------


@pytest.mark.parametrize("value", PERSONS)
def test_a_person_is_a_person(value):
    assert is_person(value)
    assert scrub_note(office_note(value)).addressee is None


@pytest.mark.parametrize("value", OFFICES)
def test_an_office_stays(value):
    assert not is_person(value)
    note = scrub_note(office_note(value))
    assert note.addressee == value and note.evidence["addressee"].text == f"Aan {value}"
    assert value in serialize_notes([office_note(value)], "nt").decode("utf-8").replace('\\"', '"')


@pytest.mark.parametrize("value", SCRAPS)
def test_an_ocr_scrap_never_becomes_a_name(value):
    note = scrub_note(office_note(value))
    assert note.addressee is None and "addressee" not in note.evidence
    assert "foaf/0.1/name" not in serialize_notes([office_note(value)], "nt").decode("utf-8")


def test_an_ocr_scrap_names_nobody():
    """A scrap with capitalised pieces is left out as addressee, but its pieces are not taken for a name."""
    note = office_note("Ineke Exer rivm.ni>]").model_copy(update={"title": "Overleg Exer en Ineke"})
    assert scrub_note(note).addressee is None and scrub_note(note).title == "Overleg Exer en Ineke"


@pytest.mark.parametrize("value, shaped", [
    ("Annemiek de Vries", True), ("Jansen, Pieter", True), ("De heer J. Zeverijn", True), ("Wubbolt", False),
    ("Koninklijke Marechaussee", False), ("Werkgroep Vaccinatie", False), ("Follow the Money", False),
    ("ROYAL SCHIPHOL GROUP", False), ("de Vries", False), ("NAAM van verzoeker", False),
])
def test_name_shape(value, shaped):
    assert name_shaped(value) is shaped


# -- person fields -----------------------------------------------------------------------------------


@pytest.mark.parametrize("text, names", [
    ("Aan: Annemiek de Vries <a.devries@minvws.nl>", ["Annemiek de Vries"]),
    ('To: "Annemiek de Vries" <a.devries@minvws.nl>', ["Annemiek de Vries"]),
    ("To: 'Annemiek de Vries'", ["Annemiek de Vries"]),
    ("Aan: Annemiek de Vries", ["Annemiek de Vries"]),
    ("Van: Jansen, Pieter <pieter.jansen@minbzk.nl>", ["Jansen, Pieter"]),
    ("Cc: Wubbolt, M. (Marloes); Minister van VWS; Joost Zeverijn [mailto:j.zeverijn@minbzk.nl]",
     ["Wubbolt, M. (Marloes)", "Joost Zeverijn"]),
    ("From: Sjoukje <s.tjallema@minvws.nl>", ["Sjoukje"]),
    ("Aan: Sjoukje", []),  # one word without an address: not known to be a name
    ("Aan: Minister van Asiel en Migratie", []),
    ("Van: Directie Wetgeving en Juridische Zaken", []),
    ("To: [EEXR IMNEREDNEXEa minbzk.ni>", []),
    ("Dag Tamara, hieronder de antwoorden.", ["Tamara"]),
    ("Beste Femke en Radboud,", ["Femke", "Radboud"]),
    ("Geachte heer Zeverijn,", ["Zeverijn"]),
    ("Geachte mevrouw de Minister,", []),
    ("Beste collega's,", []),
    ("Groet, Annemiek", ["Annemiek"]),
    ("Met vriendelijke groet,\nMarloes Wubbolt\nSenior beleidsmedewerker", ["Marloes Wubbolt"]),
    ("Groet, Tamara Verzonden met BlackBerry", ["Tamara"]),
    ("Groet, Tamara Hieronder staan de stukken", ["Tamara"]),  # no line breaks: the next sentence is no name
    ("Groeten uit Brussel", []),
    ("Hoogachtend, De directeur Duurzaamheid,", []),
    ("Contactpersoon Marloes Wubbolt", ["Marloes Wubbolt"]),
])
def test_person_fields(text, names):
    assert [f.name(text) for f in person_fields(text)] == names


def test_a_name_in_a_person_field_is_scrubbed_wherever_it_appears():
    text = ("Aan: Ark, T. van (Tamara)\nDag Tamara,\nTamara en ik zijn het eens; Van Ark belt morgen.\n"
            "Groet, Tamara")
    assert scrub_text(text) == f"Aan: {P}\nDag {P},\n{P} en ik zijn het eens; {P} belt morgen.\nGroet, {P}"
    roster = Roster(["Jansen, Pieter", "Annemiek de Vries"])
    assert roster.words == ["Jansen", "Pieter", "Annemiek", "Vries"]
    assert scrub_text("Pieter en A. de Vries; ANNEMIEK; Jansen", known=roster.names) == f"{P} en {P}; {P}; {P}"
    # a first name from a greeting takes the surname that follows it elsewhere
    assert scrub_text("Beste Radboud,\nWil Radboud Kleinjan het agenderen?") == f"Beste {P},\nWil {P} het agenderen?"


@pytest.mark.parametrize("text", [
    "06 - 12 34 56 78", "06.12.34.56.78", "06-12345678", "06 – 12 34 56 78", "+31 (0)6 1234 5678", "+31 6 12 34 56 78",
    "0031 6 12345678", "070-456 78 90", "(070) 456 78 90", "a.devries@minvws.nl", "a.devries @ minvws.nl",
    "a.devries[at]minvws.nl", "a.devries [at] minvws.nl", "a.devries(at)minvws(dot)nl", "a.devries＠minvws.nl",
])
def test_phone_and_email_shapes(text):
    assert scrub_text(f"Bel of mail: {text}.") == f"Bel of mail: {P}."


@pytest.mark.parametrize("text", [
    "Datum 12-03-2024 en 01.02.2024", "Kenmerk 2024-0001234", "Zaaknummer 0612345", "artikel 5.1.2e Woo",
    "Kamerstuk 35538-4", "Beslistermijn 20 maart 2024", "Zie www.rijksoverheid.nl",
])
def test_what_is_no_phone_or_address_stays(text):
    assert scrub_text(text) == text


def test_personal_values_of_header_pairs():
    """The values of "Aan"/"Van" pairs that name a person become known values; offices do not."""
    from kenmerk.extract.context import Document
    from kenmerk.extract.reader import read_bytes

    layout, _ = read_bytes(BAR_EMAIL.encode(), "mail.txt")
    values = personal_values(Document(layout).pairs)
    assert any("Annemiek de Vries" in v for v in values) and any("Jansen, Pieter" in v for v in values)
    layout, _ = read_bytes(b"Nota\n\nAan\nMinister van Asiel en Migratie\n\nVan\nDGB\n", "nota.txt")
    assert personal_values(Document(layout).pairs) == []


# -- every output --------------------------------------------------------------------------------------


def test_the_bar_of_issue_13():
    """The e-mail of the issue: no "Annemiek", "Vries" or "Jansen", no number, no address in the
    N-Triples, the default JSON or the DiWoo XML; neither from a --keep-personal-data JSON."""
    forbidden = ("Annemiek", "Vries", "Jansen", "06 - 12 34 56 78", "a.devries[at]minvws.nl", "devries")
    default = extract_note(BAR_EMAIL.encode(), "mail.txt")
    kept = extract_note(BAR_EMAIL.encode(), "mail.txt", keep_personal_data=True)
    assert kept.addressee == "Annemiek de Vries"  # what --keep-personal-data keeps
    for note in (default, kept, hand_made_email(VARIANTS[0])):
        outputs = {"json": default.model_dump_json(), "nt": serialize_notes([note], "nt", evidence=True).decode(),
                   "diwoo": notes_to_diwoo([note], download_base="https://open.example.nl/documenten/").decode()}
        for name, out in outputs.items():
            assert [f for f in forbidden if f in out] == [], name
    assert "MBZK" in scrub_note(hand_made_email(VARIANTS[0])).sections[0].text


@pytest.mark.parametrize("variant", VARIANTS, ids=lambda v: v.name)
def test_no_output_carries_a_planted_person(variant):
    note = extract_note(variant.text.encode(), f"{variant.name}.txt")
    kept = extract_note(variant.text.encode(), f"{variant.name}.txt", keep_personal_data=True)
    assert leaks(kept.model_dump_json()), "the variant plants personal data the extractor reads"
    assert leaks(note.model_dump_json()) == []
    sources = [(note, ()), (kept, variant.json_blind)]
    if variant.is_email:  # as a --keep-personal-data JSON holds an e-mail whose body is a section
        assert leaks(hand_made_email(variant).model_dump_json())
        sources.append((hand_made_email(variant), ()))
    for source, blind in sources:
        assert [w for w in leaks(scrub_note(source).model_dump_json()) if w not in blind] == []
        for fmt in WRITERS:
            out = serialize_notes([source], fmt, evidence=True,  # DiWoo needs where the documents are
                                  download_base="https://open.example.nl/documenten/").decode("utf-8")
            assert [w for w in leaks(out) if w not in blind] == [], fmt


def test_publishing_a_keep_personal_data_json(tmp_path, monkeypatch, capsys):
    """`kenmerk publish` of a JSON Lines file made with --keep-personal-data: store and dump files."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kenmerk.toml").write_text(CONFIG_TOML, encoding="utf-8")
    notes = [hand_made_email(v) for v in VARIANTS if v.is_email]
    notes += [office_note(o) for o in OFFICES[:3]]
    source = tmp_path / "notes.jsonl"
    source.write_text("".join(n.model_dump_json() + "\n" for n in notes), encoding="utf-8")
    assert leaks(source.read_text(encoding="utf-8"))
    assert main(["publish", str(source), "--store", "store", "--out", "site", "--evidence", "-q"]) == 0
    dumped = "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "site").rglob("*") if p.is_file())
    assert leaks(dumped) == [] and "Gemeente Wierden" in dumped
    capsys.readouterr()
    assert main(["query", "--store", "store", "--format", "json", "SELECT ?name WHERE { GRAPH ?g { "
                 "?note <https://w3id.org/kenmerk/def#addressee> ?a . ?a <http://xmlns.com/foaf/0.1/name> ?name } }"]) == 0
    names = {b["name"]["value"] for b in json.loads(capsys.readouterr().out)["results"]["bindings"]}
    assert names == set(OFFICES[:3])
