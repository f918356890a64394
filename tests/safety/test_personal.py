"""Personal data (names of civil servants, phone numbers, e-mail addresses) is not published.

Names, numbers and addresses are planted in text notes, a PDF drawn with reportlab and
hand-made notes (`personal_fixtures.py`); none may reach the triples in any format, the
DiWoo XML, the store or the default JSON. With `--keep-personal-data` they stay in the
JSON only. Function titles and organisations survive.
"""
from __future__ import annotations

import json

import pytest
from personal_fixtures import (
    EMAIL_TEXT,
    FUNCTION_TEXT,
    KEPT,
    NOTA_TEXT,
    function_note,
    hand_made_note,
    leaks,
    nota_pdf,
)
from publish_helpers import CONFIG_TOML

from kenmerk.extract import extract_note
from kenmerk.extract.personal import PLACEHOLDER, is_person, scrub_note, scrub_text
from kenmerk.output.cli import main
from kenmerk.output.graph import note_graph
from kenmerk.output.serialize import WRITERS, serialize_notes

P = PLACEHOLDER


@pytest.mark.parametrize("text, expected", [
    ("Aan: Ark, T. van (Tamara)", f"Aan: {P}"),
    ("De heer H.M. de Jonge", P),
    ("Contactpersoon J. Jansen Telefoon 06-12345678 E-mail j.jansen@minbzk.nl",
     f"Contactpersoon {P} Telefoon {P} E-mail {P}"),
    ("Opgesteld door: Tamara van Ark", f"Opgesteld door: {P}"),
    ("Van: Jansen, Jan Aan: Minister van Asiel en Migratie", f"Van: {P} Aan: Minister van Asiel en Migratie"),
    ("Van: Jan Jansen <jan.jansen@minvws.nl>", f"Van: {P} <{P}>"),
    ("Met vriendelijke groet, Pieter de Vries", f"Met vriendelijke groet, {P}"),
    ("T 070 456 78 90 M +31 (0)6 1234 5678", f"T {P} M {P}"),
    ("besproken met dhr. P. Bakker van het RIVM.", f"besproken met {P} van het RIVM."),
    ("Raad van State, Th. C. De Graaf", f"Raad van State, {P}"),
    # what stays: functions, organisations, politicians named with their office, dates, references
    ("Hoogachtend, De directeur Duurzaamheid,", None),
    ("Geachte mevrouw de Minister, hierbij", None),
    ("Directeur-generaal Migratie", None),
    ("gedeputeerde Stigter, portefeuille klimaat en energie", None),
    ("Inlichtingen bij de Programmadirectie", None),
    ("Contactpersoon Directie Communicatie", None),
    ("… opgesteld door Google, wordt bevestigd", None),
    ("Datum 09-01-2025 Ons kenmerk 2024-0000123456 Uw kenmerk 2024-0099 IENW/BSK-2025/12345", None),
    ("N.B. Dit is een voorbeeld. Zie art. 5.1.2e Woo.", None),
    ("Bijlage A. Programma schone lucht", None),
])
def test_scrub_text(text, expected):
    assert scrub_text(text) == (text if expected is None else expected)


@pytest.mark.parametrize("addressee, person", [
    ("Ark, T. van (Tamara)", True),
    ("De heer H.M. de Jonge", True),
    ("Jansen, Jan", True),
    ("t.vanark@minvws.nl", True),
    ("Minister van Asiel en Migratie", False),
    ("Directeur-generaal Migratie", False),
    ("MBZK", False),
    ("MBZK en SBZK", False),
    ("Gedeputeerde Staten", False),
    ("gedeputeerde Stigter, portefeuille klimaat en energie", False),
    ("Gemeente Utrecht", False),
    ("Landkreis Emsheide", False),  # a German body a border municipality writes to
    ("Herr Dr. K. Meinhardt", True),
])
def test_person_or_office(addressee, person):
    assert is_person(addressee) is person


def test_scrub_note_is_a_copy_and_keeps_what_is_not_personal():
    note = hand_made_note()
    before = note.model_dump_json()
    clean = scrub_note(note)
    assert note.model_dump_json() == before  # the input is not changed
    assert leaks(clean.model_dump_json()) == []
    assert clean.addressee is None and "addressee" not in clean.evidence
    assert clean.title == note.title and clean.kenmerk == note.kenmerk and clean.date == note.date
    assert clean.organisation.units == ["Directeur-generaal Migratie"]
    assert clean.identifiers[0].value == "2024-0001234"
    assert scrub_note(function_note()).addressee == "Minister van Asiel en Migratie"
    assert scrub_note(clean) == clean  # idempotent


@pytest.mark.parametrize("name, data", [
    ("nota.txt", NOTA_TEXT.encode()), ("mail.txt", EMAIL_TEXT.encode()), ("nota.pdf", None),
])
def test_extraction_leaves_personal_data_out_by_default(name, data):
    data = data if data is not None else nota_pdf()
    kept = extract_note(data, name, keep_personal_data=True)
    assert leaks(kept.model_dump_json()), "the fixture plants personal data the extractor reads"
    note = extract_note(data, name)
    assert leaks(note.model_dump_json()) == []
    assert note.addressee is None
    assert note.kenmerk == kept.kenmerk and note.date == kept.date and note.title == kept.title


def test_function_addressee_survives():
    note = extract_note(FUNCTION_TEXT.encode(), "nota.txt")
    assert note.addressee == "Minister van Asiel en Migratie"
    graph = note_graph(note).serialize(format="nt")
    assert "Minister van Asiel en Migratie" in graph


@pytest.mark.parametrize("fmt", sorted(WRITERS))
def test_no_format_carries_personal_data(fmt):
    """Notes as a --keep-personal-data JSON holds them: the writers scrub, whatever the format."""
    notes = [hand_made_note(), function_note(),
             extract_note(NOTA_TEXT.encode(), "nota.txt", keep_personal_data=True),
             extract_note(EMAIL_TEXT.encode(), "mail.txt", keep_personal_data=True),
             extract_note(nota_pdf(), "nota.pdf", keep_personal_data=True)]
    for evidence in (False, True):
        out = serialize_notes(notes, fmt, evidence=evidence,  # DiWoo needs where the documents are
                              download_base="https://open.example.nl/documenten/").decode("utf-8")
        assert leaks(out) == [], f"{fmt} (evidence={evidence})"
    survivors = [k for k in KEPT[:2] if k in out]
    assert "Directeur-generaal Migratie" in survivors
    if fmt != "diwoo":  # DiWoo has no addressee element
        assert "Minister van Asiel en Migratie" in survivors


def test_cli_json_default_and_keep_personal_data(tmp_path, cli):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "nota.txt").write_text(NOTA_TEXT, encoding="utf-8")
    (folder / "mail.txt").write_text(EMAIL_TEXT, encoding="utf-8")
    (folder / "nota.pdf").write_bytes(nota_pdf())
    single = cli("extract", folder / "nota.pdf")
    assert single.returncode == 0, single.stderr
    assert leaks(single.stdout) == [] and json.loads(single.stdout)["addressee"] is None
    kept = cli("extract", folder / "nota.pdf", "--keep-personal-data")
    assert json.loads(kept.stdout)["addressee"] == "De heer H.M. de Jongeneel"
    # a batch (worker processes) and its cache: with and without personal data, never mixed up
    cache = tmp_path / "cache"
    default = cli("extract", folder, "-j", "1", "-q", "--cache", cache)
    assert default.returncode == 0, default.stderr
    assert leaks(default.stdout) == [] and len(default.stdout.splitlines()) == 3
    keep = cli("extract", folder, "-j", "1", "-q", "--cache", cache, "--keep-personal-data")
    assert "Jongeneel" in keep.stdout and "Arkelsteijn" in keep.stdout
    again = cli("extract", folder, "-j", "1", "-q", "--cache", cache)
    assert leaks(again.stdout) == []
    rdf = cli("extract", folder / "nota.pdf", "--keep-personal-data", "--format", "turtle")
    assert rdf.returncode == 0 and leaks(rdf.stdout) == []


def test_published_triples_never_carry_personal_data(tmp_path, monkeypatch, capsys):
    """A JSON Lines file made with --keep-personal-data, published to the store and to files."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kenmerk.toml").write_text(CONFIG_TOML, encoding="utf-8")
    notes = [hand_made_note(), extract_note(NOTA_TEXT.encode(), "nota.txt", keep_personal_data=True),
             extract_note(EMAIL_TEXT.encode(), "mail.txt", keep_personal_data=True)]
    source = tmp_path / "notes.jsonl"
    source.write_text("".join(n.model_dump_json() + "\n" for n in notes), encoding="utf-8")
    assert leaks(source.read_text(encoding="utf-8"))
    assert main(["publish", str(source), "--store", "store", "--out", "site", "--per-note", "--evidence", "-q"]) == 0
    for path in (tmp_path / "site").rglob("*"):
        if path.is_file():
            assert leaks(path.read_text(encoding="utf-8")) == [], path
    capsys.readouterr()
    assert main(["query", "--store", "store", "--format", "csv",
                 "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"]) == 0
    everything = capsys.readouterr().out
    assert len(everything.splitlines()) > 50 and leaks(everything) == []


def test_a_firm_after_a_name_in_a_signature_is_no_name():
    # "Bas Verhagen, Zuivelfabriek Dommeldal B.V.": the person is scrubbed, the firm's name stays wherever it stands
    text = ("Van: Vergunningen Waterschap <vergunningen@waterschap.example>\nVerzonden: donderdag 9 oktober 2025 14:41\n"
            "Aan: Zuivelfabriek Dommeldal B.V. <milieu@dommeldal.example>\n"
            "Onderwerp: RE: Meetgegevens Zuivelfabriek Dommeldal\n\nDank voor de gegevens.\n\n"
            "Van: Verhagen, Bas <b.verhagen@dommeldal.example>\nVerzonden: maandag 6 oktober 2025 16:05\n"
            "Aan: Vergunningen Waterschap <vergunningen@waterschap.example>\nOnderwerp: Meetgegevens\n\n"
            "Hierbij de gegevens. Met vriendelijke groet, Bas Verhagen, Zuivelfabriek Dommeldal B.V.\n")
    note = extract_note(text.encode(), "mail.txt")
    dumped = note.model_dump_json()
    assert "Verhagen" not in dumped and note.title == "RE: Meetgegevens Zuivelfabriek Dommeldal"
