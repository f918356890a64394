"""A raw e-mail's display name as an RFC 2047 encoded word is a person field too.

Found checking issue 13's personal-data bar end to end: `From: =?utf-8?q?Jansen=2C_Pieter?= <…>`
was scrubbed by the extraction (the whole header value is personal), but a JSON made with
`--keep-personal-data` and published put "Jansen, Pieter" into the store, because the writers'
second pass did not read the encoded name. The persons are made up (`person_variants.py`).
"""
from __future__ import annotations

import json

from person_variants import leaks
from publish_helpers import CONFIG_TOML

from kenmerk.extract import extract_note
from kenmerk.extract.personal import PLACEHOLDER, scrub_text
from kenmerk.extract.roster import person_fields
from kenmerk.output.cli import main
from kenmerk.output.serialize import serialize_notes

RAW_EMAIL = """From: =?utf-8?q?Jansen=2C_Pieter?= <pieter.jansen@minbzk.nl>
To: =?UTF-8?B?QW5uZW1pZWsgZGUgVnJpZXM=?= <a.devries@minvws.nl>
Cc: =?utf-8?q?Minister_van_Asiel_en_Migratie?= <postbus@minaenm.nl>
Date: Tue, 10 Sep 2024 10:12:00 +0200
Subject: Re: overleg opvang

Hoi Annemiek,

Zie bijlage.

Gr. Pieter
"""


def test_an_encoded_display_name_is_read_as_the_mail_client_shows_it():
    header = RAW_EMAIL.splitlines()[0] + " " + RAW_EMAIL.splitlines()[1]
    assert [f.name(header) for f in person_fields(header)] == ["Jansen, Pieter", "Annemiek de Vries"]
    assert scrub_text(RAW_EMAIL.splitlines()[2]).startswith("Cc: =?utf-8?q?Minister_van_Asiel_en_Migratie?=")
    assert scrub_text(header + " Gr. Pieter").count(PLACEHOLDER) == 5


def test_a_keep_personal_data_json_of_a_raw_email_publishes_no_name(tmp_path, monkeypatch, capsys):
    kept = extract_note(RAW_EMAIL.encode(), "bericht.eml", keep_personal_data=True)
    assert leaks(kept.model_dump_json())  # what the option keeps
    assert leaks(extract_note(RAW_EMAIL.encode(), "bericht.eml").model_dump_json()) == []
    assert leaks(serialize_notes([kept], "nt", evidence=True).decode("utf-8")) == []
    monkeypatch.chdir(tmp_path)
    (tmp_path / "kenmerk.toml").write_text(CONFIG_TOML, encoding="utf-8")
    (tmp_path / "kept.json").write_text(kept.model_dump_json(), encoding="utf-8")
    assert main(["publish", "kept.json", "--store", "store", "--evidence", "-q"]) == 0
    capsys.readouterr()
    assert main(["query", "--store", "store", "--format", "json", "SELECT ?o WHERE { GRAPH ?g { ?s ?p ?o } }"]) == 0
    values = [b["o"]["value"] for b in json.loads(capsys.readouterr().out)["results"]["bindings"]]
    assert values and leaks("\n".join(values)) == []
