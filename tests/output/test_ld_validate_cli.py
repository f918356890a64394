"""`kenmerk validate`: exit 0 when every graph conforms, 1 when one does not or cannot be read."""
from __future__ import annotations

from pathlib import Path

from note_factory import all_notes, beslisnota

from kenmerk.output.cli import main
from kenmerk.output.serialize import serialize_notes

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "beslisnota-opvang-oekraine-2025.md"


def test_conforming_files_exit_0(tmp_path, capsys):
    ttl = tmp_path / "notes.ttl"
    ttl.write_bytes(serialize_notes(all_notes(), "turtle", base=None, evidence=True))
    trig = tmp_path / "notes.trig"
    trig.write_bytes(serialize_notes(all_notes(), "trig", base=None, evidence=False))
    jsonl = tmp_path / "notes.jsonl"
    jsonl.write_text("\n".join(n.model_dump_json() for n in all_notes()), encoding="utf-8")
    one = tmp_path / "note.json"
    one.write_text(beslisnota().model_dump_json(indent=2), encoding="utf-8")
    assert main(["validate", str(ttl), str(trig), str(jsonl), str(one), str(SAMPLE)]) == 0
    out = capsys.readouterr().out
    assert out.count("conforms") == 5
    assert "warning:" in out  # the minimal note has no date


def test_broken_graph_exits_1_with_readable_lines(tmp_path, capsys):
    text = serialize_notes([beslisnota()], "turtle", base=None, evidence=False).decode()
    text = text.replace('dct:title "Beslisnota bij Kamerbrief opvang Oekraïne"@nl ;', "")
    text = text.replace('"2025-01-09"^^xsd:date', '"2025-01-09"')
    bad = tmp_path / "bad.ttl"
    bad.write_text(text, encoding="utf-8")
    assert main(["validate", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "violation: note <https://kenmerk.example.org/id/note/mnre1162/" in out
    assert "title [dct:title]" in out and "date [dct:created]" in out
    assert "does not conform (2 violations)" in out


def test_unreadable_files_exit_1(tmp_path, capsys):
    broken = tmp_path / "broken.ttl"
    broken.write_text("this is not turtle", encoding="utf-8")
    not_a_note = tmp_path / "x.json"
    not_a_note.write_text('{"title": "no source"}', encoding="utf-8")
    assert main(["validate", str(broken)]) == 1
    assert main(["validate", str(not_a_note)]) == 1
    assert main(["validate", str(tmp_path / "missing.ttl")]) == 1
    err = capsys.readouterr().err
    assert "broken.ttl: not valid Turtle" in err
    assert "x.json: not a valid note: " in err


def test_quiet_prints_problems_only(tmp_path, capsys):
    one = tmp_path / "note.json"
    one.write_text(beslisnota().model_dump_json(), encoding="utf-8")
    assert main(["validate", "-q", str(one)]) == 0
    assert capsys.readouterr().out == ""
