"""`.eml` files keep the person fields of an e-mail print: nothing personal gets through.

Found checking issue 13's personal-data bar on the `.eml` reader (issue 18): the email package
reads `From: Jansen, Pieter` (no address) as two mailboxes, printed "Jansen; Pieter", which no
longer looks like a name; and a body without a declared charset was decoded as ASCII, so a
full-width "＠" became three replacement characters and "a.devries" was left standing. The
persons are made up (`person_variants.py`).
"""
from __future__ import annotations

from person_variants import leaks

from kenmerk.extract import explain_path, extract_note
from kenmerk.extract.eml import message_text
from kenmerk.output.serialize import serialize_notes

NO_ADDRESSES = """From: Jansen, Pieter
To: Annemiek de Vries
Cc: "de Vries, Annemiek"
Date: Tue, 10 Sep 2024 10:12:00 +0200
Subject: Voorbereiding overleg opvang

Dag Annemiek,

Bel gerust op 06 - 12 34 56 78; mail a.devries[at]minvws.nl of a.devries\uff20minvws.nl.

Met vriendelijke groet,
Pieter Jansen
""".encode("utf-8")  # no MIME headers: no charset declared, 8-bit UTF-8 as many saved mails are


def test_an_eml_prints_its_headers_and_body_as_written():
    text = message_text(NO_ADDRESSES)
    assert text.startswith("From: Jansen, Pieter\n")  # not two mailboxes "Jansen; Pieter"
    assert "a.devries\uff20minvws.nl" in text  # the body's UTF-8, not replacement characters


def test_an_eml_without_addresses_or_charset_gives_no_person_in_any_output(tmp_path):
    note = extract_note(NO_ADDRESSES, "bericht.eml")
    assert leaks(note.model_dump_json()) == []
    for fmt in ("nt", "jsonld", "turtle"):
        assert leaks(serialize_notes([note], fmt, evidence=True).decode("utf-8")) == [], fmt
    path = tmp_path / "bericht.eml"
    path.write_bytes(NO_ADDRESSES)
    assert leaks(explain_path(path).model_dump_json()) == []  # the runners-up too
