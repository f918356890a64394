"""DiWoo delivery as the Woo-harvester reads it: per-note errors, <loc> and <lastmod>, hasPart, sitemap folders."""
from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from linked_helpers import DOCS, letter_with_attachment, write_documents
from publish_helpers import make_note

from kenmerk.extract import DocumentType
from kenmerk.output.cli import main
from kenmerk.output.diwoo import DiwooError, diwoo_documents, notes_to_diwoo, sitemap_folder, urlset

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DIWOO = "{https://standaarden.overheid.nl/diwoo/metadata/}"


def test_a_note_without_a_date_is_one_error_and_the_others_are_written(tmp_path, monkeypatch, capsys):
    """The bar: extract DIR --format diwoo -o out.xml --errors err.jsonl, one document without a date."""
    write_documents(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")  # 2025-01-01
    code = main(["extract", "in", "--format", "diwoo", "-o", "out.xml", "--errors", "err.jsonl",
                 "--download-base", DOCS, "-q"])
    assert code == 1
    root = ET.parse(tmp_path / "out.xml").getroot()
    locs = sorted(u.find(f"{SM}loc").text for u in root.iter(f"{SM}url"))
    assert locs == [DOCS + "brief.txt", DOCS + "voortgangsrapportage-belastingstelsel.txt"]
    assert {u.find(f"{SM}lastmod").text for u in root.iter(f"{SM}url")} == {"2025-01-01"}
    errors = [json.loads(line) for line in (tmp_path / "err.jsonl").read_text().splitlines()]
    assert len(errors) == 1 and errors[0]["path"] == "in/zonder-datum.txt" and "no date" in errors[0]["message"]
    assert "in/zonder-datum.txt: no date in the note" in capsys.readouterr().err


def test_loc_is_the_documents_https_url_or_the_note_is_refused():
    note = make_note(1)
    docs = diwoo_documents([("nota-1.pdf", note)])
    _, failed = urlset(docs)
    assert len(failed) == 1 and "pass --download-base URL" in str(failed[0]) and failed[0].path == "nota-1.pdf"
    _, failed = urlset(diwoo_documents([("http://docs.example.nl/nota-1.pdf", note)]))
    assert "is not https" in str(failed[0])
    data, failed = urlset(diwoo_documents([("https://docs.example.nl/a/nota-1.pdf", note)]), lastmod="2024-05-01")
    assert failed == []
    url = ET.fromstring(data).find(f"{SM}url")
    assert url.find(f"{SM}loc").text == "https://docs.example.nl/a/nota-1.pdf"  # a URL input is its own URL
    assert url.find(f"{SM}lastmod").text == "2024-05-01"
    with pytest.raises(DiwooError):
        notes_to_diwoo([note])  # the API refuses the same way


def test_has_part_points_at_the_attachments_own_document():
    letter, report = letter_with_attachment()
    for order in ([letter, report], [report, letter]):  # whichever comes first in the batch
        data, failed = urlset(diwoo_documents([(n.source.file_name, n) for n in order], download_base=DOCS))
        assert failed == []
        parts = [p for p in ET.fromstring(data).iter(f"{DIWOO}hasPart")]
        assert [(p.text, p.get("resource")) for p in parts] == [
            ("Bijlage 1: Voortgangsrapportage belastingstelsel", DOCS + "voortgangsrapportage-belastingstelsel.pdf")]


def test_a_sitemap_folder_has_an_index_per_category_and_the_robots_lines():
    notes = [make_note(i) for i in range(5)] + [make_note(9, document_type=DocumentType.woo_besluit)]
    files, failed = sitemap_folder(diwoo_documents([(n.source.file_name, n) for n in notes], download_base=DOCS),
                                   "https://open.example.nl/sitemaps", lastmod="2025-02-03", max_urls=2)
    assert failed == []
    # beslisnota's fall under art. 3.1 (infocat018), a Woo-besluit under Woo-verzoeken en -besluiten (infocat014)
    assert sorted(files) == ["robots.txt", "sitemap-diwoo-infocat014-1.xml", "sitemap-diwoo-infocat018-1.xml",
                             "sitemap-diwoo-infocat018-2.xml", "sitemap-diwoo-infocat018-3.xml",
                             "sitemapindex-diwoo-infocat014.xml", "sitemapindex-diwoo-infocat018.xml"]
    assert files["robots.txt"].decode().splitlines() == [
        "Sitemap: https://open.example.nl/sitemaps/sitemapindex-diwoo-infocat014.xml",
        "Sitemap: https://open.example.nl/sitemaps/sitemapindex-diwoo-infocat018.xml"]
    index = ET.fromstring(files["sitemapindex-diwoo-infocat018.xml"])
    assert [s.find(f"{SM}loc").text for s in index.iter(f"{SM}sitemap")] == [
        f"https://open.example.nl/sitemaps/sitemap-diwoo-infocat018-{k}.xml" for k in (1, 2, 3)]
    sizes = [len(list(ET.fromstring(files[f"sitemap-diwoo-infocat018-{k}.xml"]).iter(f"{SM}url"))) for k in (1, 2, 3)]
    assert sizes == [2, 2, 1]


def test_cli_writes_a_sitemap_folder(tmp_path, monkeypatch):
    write_documents(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    assert main(["extract", "in", "--format", "diwoo", "-o", "site/", "--download-base", DOCS, "-q"]) == 1
    assert sorted(p.name for p in (tmp_path / "site").iterdir()) == [  # a letter and a report: art. 3.1
        "robots.txt", "sitemap-diwoo-infocat018-1.xml", "sitemapindex-diwoo-infocat018.xml"]
    assert main(["extract", "in", "--format", "diwoo", "-o", "site2/", "-q"]) == 2  # no URL to serve it at


def test_the_summary_counts_a_note_diwoo_cannot_carry_as_failed(tmp_path, monkeypatch, capsys):
    write_documents(tmp_path / "in")
    monkeypatch.chdir(tmp_path)
    code = main(["extract", "in", "--format", "diwoo", "-o", "out.xml", "--download-base", DOCS, "--no-progress"])
    assert code == 1
    summary = [line for line in capsys.readouterr().err.splitlines() if line.startswith("kenmerk: done")]
    assert summary and summary[-1].startswith("kenmerk: done 2, failed 1,"), summary
