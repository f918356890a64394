"""Extraction from the generated fixture PDFs (scripts/make_fixtures.py) against their gold files.

Fixture a (`beslisnota-twee-paginas.pdf`) is a two-page beslisnota in the IenW
layout: a colofon column at x ≈ 466 pt repeated on page 2, "Aan"/"Van" rows,
numbered sections, a redaction box stamped 5.1.2e and a "Pagina N van 2" footer.
Fixture b (`brief-adresblok.pdf`) is a one-page letter with a return address, an
address block, a colofon and a "Betreft" line.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from kenmerk.extract import DateRole, DocumentType, IdentifierScheme, read_note, read_path
from kenmerk.extract.evaluate import FIELDS, field_matches, fold

A = "beslisnota-twee-paginas"
B = "brief-adresblok"


def _project(name: str, value):
    """A note's or gold file's field in the form `field_matches` compares."""
    if name == "recommended_decision":
        return value.get("text") if isinstance(value, dict) else value
    if name == "attachments":
        return [a.get("title") if isinstance(a, dict) else a for a in (value or [])]
    if name == "woo_grounds":
        return sorted({v.get("code") if isinstance(v, dict) else v for v in (value or [])})
    return value


def _gold(fixtures_dir: Path, stem: str) -> dict:
    return json.loads((fixtures_dir / f"{stem}.gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def note_a(fixtures_dir):
    return read_note(fixtures_dir / f"{A}.pdf")


@pytest.fixture(scope="module")
def note_b(fixtures_dir):
    return read_note(fixtures_dir / f"{B}.pdf")


@pytest.fixture(scope="module")
def spec_a(make_fixtures_module):
    return make_fixtures_module.BESLISNOTA


@pytest.fixture(scope="module")
def spec_b(make_fixtures_module):
    return make_fixtures_module.BRIEF


def _section_text(note) -> str:
    return "\n".join(f"{s.heading}\n{s.text}" for s in note.sections)


# --- the generator itself --------------------------------------------------------


def test_make_fixtures_writes_documents_gold_and_bad_inputs(fixtures_dir, make_fixtures_module):
    names = {p.name for p in fixtures_dir.iterdir()}
    assert {f"{A}.pdf", f"{A}.gold.json", f"{B}.pdf", f"{B}.gold.json"} <= names
    assert set(make_fixtures_module.BAD_INPUTS) | set(make_fixtures_module.GOOD_TEXT) <= names
    assert sorted(n for n in names if n.endswith(".gold.json")) == [f"{A}.gold.json", f"{B}.gold.json"]
    assert (fixtures_dir / "empty.pdf").stat().st_size == 0
    assert (fixtures_dir / "random-bytes.pdf").stat().st_size == 4096


def test_fixtures_are_byte_identical_run_to_run(fixtures_dir, make_fixtures_module, tmp_path):
    again = make_fixtures_module.make_fixtures(tmp_path)
    assert again, "make_fixtures returned no paths"
    for path in again:
        assert path.read_bytes() == (fixtures_dir / path.name).read_bytes(), f"{path.name} differs between runs"


@pytest.mark.parametrize("stem", [A, B])
def test_gold_values_are_printed_in_the_pdf(fixtures_dir, make_fixtures_module, stem):
    """The generator plants what its gold says: every gold string is on the pages."""
    layout, _ = read_path(fixtures_dir / f"{stem}.pdf")
    text = " ".join(layout.text().split())
    gold = _gold(fixtures_dir, stem)
    for name in ("title", "kenmerk", "addressee"):
        assert gold[name] in text, f"{name} {gold[name]!r} is not printed"
    assert make_fixtures_module.dutch_date(dt.date.fromisoformat(gold["date"])) in text
    if gold["recommended_decision"]:
        assert gold["recommended_decision"]["text"] in text
    for attachment in gold["attachments"]:
        assert attachment["title"] in text
    for code in gold["woo_grounds"]:
        assert code in text


def test_gold_files_have_the_corpus_format(fixtures_dir, corpus_dir):
    corpus_gold = sorted((corpus_dir / "gold").glob("*.gold.json"))
    if not corpus_gold:
        pytest.skip("no gold files in the shared corpus")
    corpus_keys = set()
    for path in corpus_gold:
        corpus_keys |= set(json.loads(path.read_text(encoding="utf-8")))
    for stem in (A, B):
        gold = _gold(fixtures_dir, stem)
        assert list(gold) == list(FIELDS)
        assert set(gold) <= corpus_keys
        assert isinstance(gold["attachments"], list) and all(set(a) == {"title"} for a in gold["attachments"])
        assert all(isinstance(code, str) for code in gold["woo_grounds"])
        dt.date.fromisoformat(gold["date"])


# --- every gold field, scored as `kenmerk eval` scores it ------------------------


@pytest.mark.parametrize("field", FIELDS)
@pytest.mark.parametrize("stem", [A, B])
def test_field_matches_gold(fixtures_dir, stem, field):
    gold = _gold(fixtures_dir, stem)
    pred = read_note(fixtures_dir / f"{stem}.pdf").model_dump(mode="json")
    g, p = _project(field, gold[field]), _project(field, pred.get(field))
    assert field_matches(field, g, p), f"{stem} {field}: expected {g!r}, got {p!r}"


# --- fixture a: the two-page beslisnota --------------------------------------------


def test_a_document_type(note_a):
    assert note_a.document_type == DocumentType.beslisnota


def test_a_kenmerk_is_onze_referentie_not_uw_kenmerk(note_a, spec_a):
    assert note_a.kenmerk == spec_a.kenmerk
    assert note_a.kenmerk != spec_a.uw_kenmerk


def test_a_date_is_datum_not_beslistermijn(note_a, spec_a):
    assert note_a.date == dt.date(2025, 1, 9) == spec_a.date


def test_a_beslistermijn_is_a_deadline(note_a, spec_a):
    deadlines = [d.date for d in note_a.dates if d.role == DateRole.deadline]
    assert spec_a.deadline in deadlines, f"dates: {[(d.role.value, d.date, d.text) for d in note_a.dates]}"


def test_a_title(note_a, spec_a):
    assert note_a.title == spec_a.title


def test_a_addressee(note_a, spec_a):
    assert note_a.addressee == spec_a.addressee


def test_a_recommended_decision(note_a, spec_a):
    assert note_a.recommended_decision is not None
    assert " ".join(note_a.recommended_decision.text.split()) == spec_a.decision


def test_a_attachment_titles(note_a, spec_a):
    assert [a.title for a in note_a.attachments] == list(spec_a.attachments)


def test_a_woo_grounds(note_a):
    assert [g.code for g in note_a.woo_grounds] == ["5.1.2e"]
    assert all(g.law == "Woo" for g in note_a.woo_grounds)


def test_a_sections_have_the_numbered_headings(note_a):
    headings = [s.heading for s in note_a.sections]
    for wanted in ("Aanleiding", "Geadviseerd besluit", "Kernpunten", "Toelichting",
                   "Informatie die niet openbaar gemaakt kan worden"):
        assert any(wanted in h for h in headings), f"no section {wanted!r} in {headings}"


def test_a_toelichting_flows_onto_page_two(note_a, spec_a):
    toelichting = [s for s in note_a.sections if "Toelichting" in s.heading]
    assert toelichting, [s.heading for s in note_a.sections]
    text = " ".join(" ".join(s.text for s in toelichting).split())
    assert "Schone Lucht Akkoord" in text  # page 1
    assert "vraag-en-antwoordlijst voor gemeenten" in text  # page 2


def test_a_footer_is_not_section_text(note_a):
    text = _section_text(note_a)
    assert note_a.sections, "no sections"
    assert "Pagina 1 van 2" not in text
    assert "Pagina 2 van 2" not in text


def test_a_repeated_colofon_does_not_leak_into_sections(note_a, spec_a):
    text = _section_text(note_a)
    assert note_a.sections, "no sections"
    for printed in ("Onze referentie", spec_a.kenmerk, "Directie Duurzaamheid"):
        assert printed not in text, f"colofon text {printed!r} leaked into the sections"


def test_a_repeated_colofon_gives_one_kenmerk_identifier(note_a, spec_a):
    own = [i for i in note_a.identifiers if i.scheme == IdentifierScheme.kenmerk]
    assert len(own) <= 1, f"kenmerk identifiers: {[(i.label, i.value) for i in own]}"
    assert all(i.value == spec_a.kenmerk for i in own)
    assert all(fold(i.value) != fold(spec_a.uw_kenmerk) for i in own)


def test_a_kenmerk_evidence_is_in_the_colofon_of_page_one(note_a, spec_a):
    ev = note_a.evidence.get("kenmerk")
    assert ev is not None, f"no evidence for kenmerk (evidence keys: {sorted(note_a.evidence)})"
    assert ev.page == 1
    assert ev.bbox is not None
    assert ev.bbox.x0 > 300, f"kenmerk evidence at x0={ev.bbox.x0}, not in the colofon column"
    assert spec_a.kenmerk in ev.text


def test_a_source(note_a, fixtures_dir):
    data = (fixtures_dir / f"{A}.pdf").read_bytes()
    assert note_a.source.page_count == 2
    assert note_a.source.sha256 == hashlib.sha256(data).hexdigest()
    assert note_a.source.size == len(data)
    assert note_a.source.media_type == "application/pdf"
    assert note_a.source.file_name == f"{A}.pdf"


# --- fixture b: the letter ---------------------------------------------------------


def test_b_document_type(note_b):
    assert note_b.document_type == DocumentType.brief


def test_b_kenmerk_and_date(note_b, spec_b):
    assert note_b.kenmerk == spec_b.kenmerk
    assert note_b.date == dt.date(2024, 2, 3) == spec_b.date


def test_b_addressee_is_first_line_of_address_block(note_b):
    assert note_b.addressee == "Gemeente Utrecht"


def test_b_title_is_betreft(note_b, spec_b):
    assert note_b.title == spec_b.subject


def test_b_attachment_named_in_body(note_b, spec_b):
    titles = [a.title for a in note_b.attachments]
    assert len(titles) == 1, titles
    assert titles[0] and spec_b.attachment in titles[0]


def test_b_no_decision_and_no_grounds(note_b):
    assert note_b.recommended_decision is None
    assert note_b.woo_grounds == []


def test_b_kenmerk_evidence_in_colofon(note_b):
    ev = note_b.evidence.get("kenmerk")
    assert ev is not None and ev.bbox is not None
    assert ev.page == 1 and ev.bbox.x0 > 300


def test_b_source(note_b, fixtures_dir):
    data = (fixtures_dir / f"{B}.pdf").read_bytes()
    assert note_b.source.page_count == 1
    assert note_b.source.sha256 == hashlib.sha256(data).hexdigest()


def test_committed_samples_are_up_to_date(make_fixtures_module):
    """tests/samples/*.pdf are fixtures a and b; regenerate with `scripts/make_fixtures.py --samples`."""
    for name, data in make_fixtures_module.document_pdfs().items():
        sample = make_fixtures_module.SAMPLES_DIR / name
        assert sample.is_file(), f"{sample} missing: run scripts/make_fixtures.py --samples"
        assert sample.read_bytes() == data, f"{sample} is stale: run scripts/make_fixtures.py --samples"
