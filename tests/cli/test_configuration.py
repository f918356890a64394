"""Configuration that helps (issue 15, item 4): `kenmerk init`, the local store without configuration, and
every missing catalog value in one message."""
from __future__ import annotations

import dataclasses
import re
import sys
from pathlib import Path

import pyoxigraph as ox

from kenmerk.output.cli import main
from kenmerk.output.config import TEMPLATE, PublishConfig, load_config

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
NOTE_PDF = SAMPLES / "brief-adresblok.pdf"


def test_init_writes_a_commented_template_with_every_key(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["init"]) == 0
    text = (tmp_path / "kenmerk.toml").read_text(encoding="utf-8")
    assert text == TEMPLATE and tomllib.loads(text) == {"publish": {}}  # all commented out
    keys = set(re.findall(r"^# (\w+) = ", text.split("[publish]", 1)[1], re.MULTILINE))
    assert keys == {f.name for f in dataclasses.fields(PublishConfig)} - {"source"}
    uncommented = re.sub(r"^# (\w+ = )", r"\1", text, flags=re.MULTILINE)
    (tmp_path / "full.toml").write_text(uncommented, encoding="utf-8")
    (tmp_path / "full.toml").chmod(0o600)  # it holds the credential keys now
    assert load_config(tmp_path / "full.toml").require("download_url").publisher == "mnre1090"
    assert main(["init"]) == 2  # never overwritten by accident
    assert "exists already" in capsys.readouterr().err
    assert main(["init", "--force"]) == 0


def test_the_local_store_needs_no_configuration(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["publish", str(NOTE_PDF)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and "IRIs are local (https://kenmerk.example.org/id/" in err[0]
    assert "set `base` in kenmerk.toml (`kenmerk init` writes one) or pass --base IRI" in err[0]
    store = ox.Store.read_only(str(tmp_path / "kenmerk-store"))
    graphs = {g.value for g in store.named_graphs()}
    assert any(g.startswith("https://kenmerk.example.org/id/note/") for g in graphs)


def test_publishing_for_others_names_every_missing_value_at_once(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["publish", str(NOTE_PDF), "--out", "site/"]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err == ["kenmerk: missing base, publisher, licence, contact_email, download_url: set them in "
                   "kenmerk.toml ([publish]; `kenmerk init` writes one to fill in) or pass --base, --publisher, "
                   "--licence, --contact-email, --download-url"]
    assert not (tmp_path / "site").exists() and not (tmp_path / "kenmerk-store").exists()
    assert main(["publish", str(NOTE_PDF), "--endpoint", "http://127.0.0.1:9/query",
                 "--base", "https://data.example.nl/id/"]) == 2
    assert capsys.readouterr().err.startswith("kenmerk: missing publisher, licence, contact_email: ")


def test_catalog_out_writes_the_catalog_into_the_folder(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    values = ["--base", "https://data.example.nl/id/", "--publisher", "mnre1090", "--licence", "cc0",
              "--contact-email", "open-data@example.nl"]
    assert main(["publish", str(NOTE_PDF), "--store", "s", "--out", "site", "-q", *values,
                 "--download-url", "https://data.example.nl/dl/"]) == 0
    (tmp_path / "site" / "catalog.ttl").unlink()
    capsys.readouterr()
    assert main(["catalog", "--store", "s", "--out", "site", *values]) == 2  # it describes site/'s dump
    assert capsys.readouterr().err.startswith("kenmerk: missing download_url: ")
    assert main(["catalog", "--store", "s", "--out", "site", *values,
                 "--download-url", "https://data.example.nl/dl/"]) == 0
    assert capsys.readouterr().out == ""  # written, not printed
    assert "notes.nq" in (tmp_path / "site" / "catalog.ttl").read_text(encoding="utf-8")
