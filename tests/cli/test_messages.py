"""Messages (issue 15, item 11): usage errors in one line and a pointer to --help, a description and examples on
every --help, one wording for an invalid note, `serve` refuses a folder without a store as `query` does."""
from __future__ import annotations

import json

import pytest

from kenmerk.output.cli import COMMANDS, build_parser, main


def test_a_usage_error_is_one_line_and_a_pointer_to_help(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["extract", "--format", "yaml", "x.pdf"])
    assert stop.value.code == 2
    assert capsys.readouterr().err.splitlines() == [
        "kenmerk extract: argument --format/-f: unknown format 'yaml': choose one of json, jsonl, turtle, jsonld, "
        "nt, trig, xml, diwoo",
        "see 'kenmerk extract --help'"]
    assert main(["publish"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "kenmerk: give at least one PATH (file, folder, zip, URL) or --from-list FILE", "see 'kenmerk publish --help'"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_subcommand_help_has_a_description_and_examples(command):
    parser = build_parser(command)
    sub = next(a for a in parser._actions if a.dest == "command").choices[command]
    assert sub.description and len(sub.description) > 40
    assert sub.epilog.startswith("examples:\n  kenmerk ") and f"kenmerk {command}" in sub.epilog
    assert "examples:\n  kenmerk" in sub.format_help()  # shown as written


def test_one_wording_for_an_invalid_note_without_pydantic_prefixes(tmp_path, capsys):
    bad = json.dumps({"schema_version": "1", "extractor": "0", "document_type": "nota", "title": "x",
                      "date": "1850-01-01", "source": {"file_name": "a.pdf", "sha256": "0" * 64,
                                                       "media_type": "application/pdf", "size": 1}})
    (tmp_path / "bad.json").write_text(bad, encoding="utf-8")
    assert main(["validate", str(tmp_path / "bad.json")]) == 1
    validate_line = capsys.readouterr().err.strip()
    assert main(["publish", str(tmp_path / "bad.json"), "--store", str(tmp_path / "s"), "-q"]) == 1
    publish_line = capsys.readouterr().err.strip().splitlines()[0]
    assert validate_line.startswith(f"{tmp_path / 'bad.json'}: not a valid note: date: ")
    assert publish_line.split(": ", 1)[1] == validate_line.split(": ", 1)[1]
    assert "Value error" not in validate_line


def test_serve_refuses_a_folder_without_a_store_as_query_does(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["query", "--example", "notes-by-kenmerk", "--param", "kenmerk=x"]) == 1
    query_line = capsys.readouterr().err.strip()
    assert main(["serve", "--port", "0"]) == 1
    assert capsys.readouterr().err.strip() == query_line == "kenmerk: kenmerk-store: no kenmerk store here " \
                                                            "(publish some notes first)"
    assert not (tmp_path / "kenmerk-store").exists()  # no empty store made
