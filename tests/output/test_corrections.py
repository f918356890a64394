"""Corrections (issue 20): the file's model, one line per refused correction with the others applied, the
corrected value and its evidence in every command's output, and a cache that keeps extractions only."""
from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kenmerk.extract import Note
from kenmerk.output.corrections import CORRECTABLE, Correction, read_corrections

SUMMARY = re.compile(r"kenmerk: done (\d+), failed (\d+), skipped (\d+)")
CORPUS_NOTE = "ezk_beslisnota_2024-01-11_vierde-ronde-nationaal-groeifonds.pdf"


def kenmerk(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kenmerk.output.cli", *map(str, args)], capture_output=True,
                          text=True, timeout=300, cwd=cwd)


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def line(document: str, field: str, value, at: str = "2025-01-07T10:12:00+01:00", **more) -> str:
    return json.dumps({"document": document, "field": field, "value": value, "by": "A. Reviewer", "at": at, **more})


def write(path: Path, *lines: str) -> Path:
    path.write_text("".join(f"{x}\n" for x in lines), encoding="utf-8")
    return path


def test_each_refused_line_is_one_error_naming_file_line_and_field_and_the_others_apply(tmp_path):
    doc = "a" * 64
    first = write(tmp_path / "first.jsonl",
                  line(doc, "title", "Eerste titel"),
                  line(doc, "titel", "x"),                                 # not a field
                  line(doc, "date", "31 februari"),                        # not a date
                  "",
                  "{not json",
                  line(doc, "source", {"file_name": "x"}),                 # not correctable
                  line("abc", "date", "2024-01-02"),                       # not a sha256
                  line(doc, "date", "2024-01-02"))
    second = write(tmp_path / "second.jsonl", line(doc, "title", "Latere titel", at="2025-02-01T09:00:00Z"))
    corrections = read_corrections([str(first), str(second), str(tmp_path / "missing.jsonl")])
    errors = [str(e) for e in corrections.errors]
    assert len(errors) == 6, errors
    assert errors[0].startswith(f"{first}:2: field 'titel': not a field of a note that can be corrected (one of: ")
    assert errors[1].startswith(f"{first}:3: field 'date': '31 februari' is not a valid date: ")
    assert errors[2].startswith(f"{first}:5: not JSON")
    assert errors[3].startswith(f"{first}:6: field 'source': not a field")
    assert errors[4].startswith(f"{first}:7: document: ")
    assert errors[5] == f"{tmp_path / 'missing.jsonl'}: cannot read the corrections: No such file or directory"
    assert all("\n" not in e for e in errors)
    # the later line wins, across files in the order given
    kept = corrections.for_document(doc)
    assert [(c.field, c.value) for c in kept] == [("date", "2024-01-02"), ("title", "Latere titel")]
    assert "source" not in CORRECTABLE and "evidence" not in CORRECTABLE and "title" in CORRECTABLE


def test_a_correction_replaces_the_value_and_its_evidence_says_who_and_when(make_note):
    note = make_note()
    corrections = read_corrections([])
    assert corrections.apply(note) is note
    fix = Correction(document=note.source.sha256, field="kenmerk", value="XYZ/9", by="Ann",
                     at="2025-01-07T10:12:00+01:00", note="the colofon's, not the footer's")
    from kenmerk.output.corrections import Corrections

    corrected = Corrections(by_document={note.source.sha256: {"kenmerk": fix}}).apply(note)
    assert corrected.kenmerk == "XYZ/9" and corrected.title == note.title
    assert corrected.evidence["kenmerk"].text == \
        "corrected by Ann at 2025-01-07T10:12:00+01:00: the colofon's, not the footer's"
    assert corrected.evidence["kenmerk"].page is None and corrected.evidence["kenmerk"].bbox is None
    cleared = Corrections(by_document={note.source.sha256: {"kenmerk": fix.model_copy(update={"value": None})}})
    assert cleared.apply(note).kenmerk is None


@pytest.fixture
def make_note():
    import datetime as dt

    from kenmerk.extract import DocumentType, Evidence, Source

    def _make() -> Note:
        return Note(extractor="0.1.0", document_type=DocumentType.beslisnota, title="Een nota", kenmerk="ABC/1",
                    date=dt.date(2024, 3, 1),
                    source=Source(file_name="n.pdf", sha256="b" * 64, media_type="application/pdf", size=1),
                    evidence={"kenmerk": Evidence(page=1, text="Kenmerk ABC/1")})
    return _make


def test_extract_prints_the_corrected_title_and_date_of_a_corpus_note(corpus_dir, tmp_path):
    """The bar: title and date of one corpus note set by a corrections file; a refused line is one error line,
    exit 1, and the other corrections still apply."""
    pdf = corpus_dir / "raw" / CORPUS_NOTE
    if not pdf.exists():
        pytest.skip(f"{CORPUS_NOTE} not in the corpus")
    fixes = write(tmp_path / "fixes.jsonl",
                  line(sha(pdf), "title", "Vierde ronde Nationaal Groeifonds", note="the subject line"),
                  line(sha(pdf), "date", "2024-01-12"))
    proc = kenmerk("extract", pdf, "--corrections", fixes)
    assert proc.returncode == 0, proc.stderr
    note = json.loads(proc.stdout)
    assert (note["title"], note["date"]) == ("Vierde ronde Nationaal Groeifonds", "2024-01-12")
    assert note["evidence"]["title"]["text"] == \
        "corrected by A. Reviewer at 2025-01-07T10:12:00+01:00: the subject line"
    assert note["kenmerk"]          # the fields not corrected are the extraction's
    bad = write(tmp_path / "bad.jsonl", line(sha(pdf), "titel", "x"), line(sha(pdf), "date", "31 februari"))
    proc = kenmerk("extract", pdf, "--corrections", fixes, "--corrections", bad)
    assert proc.returncode == 1
    errors = [x for x in proc.stderr.splitlines() if x.startswith(str(bad))]
    assert errors == [f"{bad}:1: field 'titel': not a field of a note that can be corrected (one of: "
                      f"{', '.join(CORRECTABLE)})",
                      f"{bad}:2: field 'date': '31 februari' is not a valid date: Input should be a valid date "
                      "or datetime, invalid character in year"], proc.stderr
    note = json.loads(proc.stdout)
    assert (note["title"], note["date"]) == ("Vierde ronde Nationaal Groeifonds", "2024-01-12")


def test_the_cache_keeps_the_extraction_and_a_changed_correction_extracts_nothing_again(fixtures_dir, tmp_path):
    pdf = fixtures_dir / "brief-adresblok.pdf"
    cache, out = tmp_path / "cache", tmp_path / "notes.jsonl"
    extracted = json.loads(kenmerk("extract", pdf).stdout)
    for run, title in enumerate(("Eerste correctie", "Tweede correctie")):
        fixes = write(tmp_path / f"fixes{run}.jsonl", line(sha(pdf), "title", title))
        proc = kenmerk("extract", pdf, "--cache", cache, "--jobs", "1", "--corrections", fixes, "-o", out)
        assert proc.returncode == 0, proc.stderr
        assert SUMMARY.search(proc.stderr).groups() == (("1", "0", "0") if run == 0 else ("0", "0", "1"))
        assert json.loads(out.read_text())["title"] == title
    cached = "\n".join(p.read_text() for p in cache.rglob("*.json"))
    assert extracted["title"] in cached and "correctie" not in cached


def test_publish_and_review_take_the_corrections(fixtures_dir, tmp_path):
    pdf = fixtures_dir / "brief-adresblok.pdf"
    fixes = write(tmp_path / "fixes.jsonl", line(sha(pdf), "title", "Gecorrigeerde titel"),
                  line(sha(pdf), "date", "2024-02-05"))
    store = tmp_path / "store"
    proc = kenmerk("publish", pdf, "--store", store, "--base", "https://example.org/", "--corrections", fixes)
    assert "1 note" in proc.stderr + proc.stdout, proc.stderr
    query = kenmerk("query", "--store", store, "--format", "json",
                    "SELECT ?t ?d WHERE { GRAPH ?g { ?n <http://purl.org/dc/terms/title> ?t ; "
                    "<http://purl.org/dc/terms/created> ?d } }")
    rows = json.loads(query.stdout)["results"]["bindings"]
    assert [(r["t"]["value"], r["d"]["value"]) for r in rows] == [("Gecorrigeerde titel", "2024-02-05")], query
    # a kenmerk JSON of the same document is corrected alike
    notes = tmp_path / "notes.json"
    notes.write_text(kenmerk("extract", pdf).stdout, encoding="utf-8")
    proc = kenmerk("publish", notes, "--store", tmp_path / "store2", "--base", "https://example.org/",
                   "--corrections", fixes)
    assert proc.returncode == 0, proc.stderr
    query = kenmerk("query", "--store", tmp_path / "store2", "--format", "json",
                    "SELECT ?t WHERE { GRAPH ?g { ?n <http://purl.org/dc/terms/title> ?t } }")
    titles = [r["t"]["value"] for r in json.loads(query.stdout)["results"]["bindings"]]
    assert "Gecorrigeerde titel" in titles and "Luchtkwaliteit in de Utrechtse binnenstad" not in titles
    out = tmp_path / "report"
    assert kenmerk("review", pdf, "-o", out, "--lang", "nl", "--corrections", fixes).returncode == 0
    page = (out / "notes" / "brief-adresblok.html").read_text(encoding="utf-8")
    assert "Gecorrigeerde titel" in page and "Gecorrigeerd door A. Reviewer at 2025-01-07T10:12:00+01:00" in page
    assert "zonder positie" not in page          # a corrected field is not looked for on the page
    assert 'data-field="date" data-kind="date" data-value="&#34;2024-02-05&#34;"' in page  # the control starts from it


def test_validate_checks_the_corrected_notes_of_a_json_file(fixtures_dir, tmp_path):
    from rdflib import Literal
    from rdflib.namespace import DCTERMS

    from kenmerk.output.commands.validate import Target, load_graph
    from kenmerk.output.formats import by_name

    pdf = fixtures_dir / "brief-adresblok.pdf"
    notes = tmp_path / "notes.json"
    notes.write_text(kenmerk("extract", pdf).stdout, encoding="utf-8")
    fixes = write(tmp_path / "fixes.jsonl", line(sha(pdf), "title", "Gecorrigeerde titel"))
    proc = kenmerk("validate", notes, "--corrections", fixes)
    assert proc.returncode == 0 and f"{notes}: conforms" in proc.stdout, proc.stdout + proc.stderr
    graph = load_graph(Target(str(notes), by_name("json")), corrections=read_corrections([str(fixes)]))
    assert Literal("Gecorrigeerde titel", lang="nl") in set(graph.objects(None, DCTERMS.title))
    bad = write(tmp_path / "bad.jsonl", line(sha(pdf), "date", "31 februari"))
    proc = kenmerk("validate", notes, "--corrections", fixes, "--corrections", bad)
    assert proc.returncode == 1 and f"{notes}: conforms" in proc.stdout
    assert proc.stderr.splitlines() == [f"{bad}:1: field 'date': '31 februari' is not a valid date: Input should be "
                                        "a valid date or datetime, invalid character in year"]


def test_corrections_named_in_kenmerk_toml_apply_before_those_on_the_command_line(fixtures_dir, tmp_path):
    pdf = fixtures_dir / "brief-adresblok.pdf"
    (tmp_path / "fixes").mkdir()
    write(tmp_path / "fixes" / "team.jsonl", line(sha(pdf), "title", "Titel van het team"),
          line(sha(pdf), "kenmerk", "TEAM/1"))
    (tmp_path / "kenmerk.toml").write_text('corrections = ["fixes/team.jsonl"]\n\n[publish]\n', encoding="utf-8")
    note = json.loads(kenmerk("extract", pdf, cwd=tmp_path).stdout)
    assert (note["title"], note["kenmerk"]) == ("Titel van het team", "TEAM/1")
    mine = write(tmp_path / "mine.jsonl", line(sha(pdf), "title", "Mijn titel"))
    note = json.loads(kenmerk("extract", pdf, "--corrections", mine, cwd=tmp_path).stdout)
    assert (note["title"], note["kenmerk"]) == ("Mijn titel", "TEAM/1")
    (tmp_path / "kenmerk.toml").write_text('corrections = "fixes/team.jsonl"\n', encoding="utf-8")
    proc = kenmerk("extract", pdf, cwd=tmp_path)
    assert proc.returncode == 2 and proc.stderr.splitlines()[0] == \
        f"kenmerk: {tmp_path / 'kenmerk.toml'}: corrections must be a list of file names"


def test_eval_scores_the_extraction_against_the_corrected_fields(fixtures_dir, tmp_path):
    """The bar: `kenmerk eval --gold-corrections FILE NOTE` scores the extracted title against the corrected one."""
    pdf = fixtures_dir / "brief-adresblok.pdf"
    extracted = json.loads(kenmerk("extract", pdf).stdout)
    fixes = write(tmp_path / "fixes.jsonl", line(sha(pdf), "title", extracted["title"] + "."),  # the same, folded
                  line(sha(pdf), "date", "2024-02-05"), line(sha(pdf), "language", "en"))
    proc = kenmerk("eval", "--gold-corrections", fixes, pdf, "--misses")
    assert proc.returncode == 0, proc.stderr
    assert f"MISS brief-adresblok  date: expected '2024-02-05', got '{extracted['date']}'" in proc.stdout
    assert "title                     1/1    100.0%" in proc.stdout and "date                      0/1" in proc.stdout
    assert "overall accuracy 0.500 (1/2 fields)" in proc.stdout          # language is not a scored field
    assert kenmerk("eval", pdf).returncode == 2                           # --gold or --gold-corrections
