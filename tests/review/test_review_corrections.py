"""Corrections made in the review report (issue 20), in headless Chromium: a reviewer edits fields, the edits are
kept in the browser across the report's pages, and the downloaded file is a corrections file that kenmerk takes."""
from __future__ import annotations

import json
import shutil

import pytest

from kenmerk.output.cli import main
from kenmerk.output.corrections import Correction, read_corrections


@pytest.fixture(scope="module")
def corrections_report(tmp_path_factory, fixtures_dir):
    src = tmp_path_factory.mktemp("corrections-inputs")
    for name in ("brief-adresblok.pdf", "beslisnota-twee-paginas.pdf"):
        shutil.copy(fixtures_dir / name, src / name)
    out = tmp_path_factory.mktemp("corrections-report")
    assert main(["review", str(src), "-o", str(out), "-q", "--lang", "nl", "--jobs", "0"]) == 0
    return src, out


def _correct(page, field: str, value: str, note: str = "") -> str:
    if not page.evaluate("id => document.getElementById(id).open", f"correct-{field}"):
        page.click(f"#correct-{field} > summary")                 # unfold the field's control
    page.fill(f"#value-{field}", value)
    if note:
        page.fill(f"#note-{field}", note)
    page.click(f"#correct-{field} button[type=submit]")
    return page.text_content(f"#correct-{field} output.saved")


def test_a_reviewer_edits_fields_and_downloads_a_corrections_file_kenmerk_applies(corrections_report, open_page,
                                                                                  tmp_path):
    src, out = corrections_report
    opened = open_page(out / "notes" / "brief-adresblok.html")
    page = opened.page
    page.evaluate("localStorage.clear()")
    page.reload()
    assert page.text_content("#corrections-count") == "0 correcties bewaard in deze browser."
    # without a name nothing is kept
    assert _correct(page, "title", "Nieuwe titel") == "Vul eerst uw naam in."
    page.fill("#reviewer", "A. Reviewer")
    assert _correct(page, "title", "Luchtkwaliteit binnenstad Utrecht", "de kop van de brief") == \
        "Bewaard in deze browser."
    assert _correct(page, "date", "2024-02-05") == "Bewaard in deze browser."
    # JSON fields: what does not parse is said and not kept
    assert _correct(page, "attachments", "[{bad").startswith("Geen geldige JSON: ")
    assert page.text_content("#corrections-count") == "2 correcties bewaard in deze browser."
    # kept across the report's pages: another note's page counts them and adds its own
    other = open_page(out / "notes" / "beslisnota-twee-paginas.html").page
    assert other.text_content("#corrections-count") == "2 correcties bewaard in deze browser."
    assert other.input_value("#reviewer") == "A. Reviewer"
    assert _correct(other, "kenmerk", "BZK/2024/1") == "Bewaard in deze browser."
    with other.expect_download() as info:
        other.click("#download-corrections")
    download = info.value
    assert download.suggested_filename == "corrections.jsonl"
    saved = tmp_path / "corrections.jsonl"
    download.save_as(saved)
    lines = [Correction.model_validate_json(x) for x in saved.read_text(encoding="utf-8").splitlines()]
    import hashlib

    brief = hashlib.sha256((src / "brief-adresblok.pdf").read_bytes()).hexdigest()
    nota = hashlib.sha256((src / "beslisnota-twee-paginas.pdf").read_bytes()).hexdigest()
    assert [(c.document, c.field, c.value, c.by, c.note) for c in lines] == [
        (brief, "title", "Luchtkwaliteit binnenstad Utrecht", "A. Reviewer", "de kop van de brief"),
        (brief, "date", "2024-02-05", "A. Reviewer", None),
        (nota, "kenmerk", "BZK/2024/1", "A. Reviewer", None)]
    assert all(c.at.tzinfo is not None for c in lines)
    assert opened.errors == []
    # the file as it came from the browser is what kenmerk takes
    assert read_corrections([str(saved)]).errors == ()
    notes = tmp_path / "notes.jsonl"
    assert main(["extract", str(src), "--corrections", str(saved), "-o", str(notes), "--jobs", "0"]) == 0
    got = {n["source"]["file_name"]: n for n in map(json.loads, notes.read_text().splitlines())}
    assert (got["brief-adresblok.pdf"]["title"], got["brief-adresblok.pdf"]["date"]) == \
        ("Luchtkwaliteit binnenstad Utrecht", "2024-02-05")
    assert got["beslisnota-twee-paginas.pdf"]["kenmerk"] == "BZK/2024/1"
    # and a report made with the file says who corrected what
    again = tmp_path / "again"
    assert main(["review", str(src), "-o", str(again), "-q", "--lang", "nl", "--jobs", "0",
                 "--corrections", str(saved)]) == 0
    page = open_page(again / "notes" / "brief-adresblok.html").page
    assert page.text_content("#field-title .corrected").startswith("Gecorrigeerd door A. Reviewer at ")
    assert page.input_value("#value-date") == "2024-02-05"
    page.click("#clear-corrections")
    assert page.text_content("#corrections-count") == "0 correcties bewaard in deze browser."


def test_every_shown_field_has_one_correction_control_with_a_stable_id(corrections_report):
    _, out = corrections_report
    html = (out / "notes" / "beslisnota-twee-paginas.html").read_text(encoding="utf-8")
    for name in ("title", "kenmerk", "date", "document_type"):
        assert html.count(f'id="field-{name}"') == 1 and html.count(f'id="correct-{name}"') == 1, name
    assert 'id="correct-source"' not in html
