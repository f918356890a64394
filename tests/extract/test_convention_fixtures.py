"""The convention fixtures: made-up documents in layouts the corpus hardly has (issue 12).

Each document is a data file `tests/conventions/NAME.toml` (its gold and its placed text),
drawn by `scripts/make_fixtures.py --conventions` into NAME.pdf (or NAME.txt) and
NAME.gold.json. These tests check the generator and the gold files. They set no floor on the
extractor's score: that is measured with `kenmerk eval --gold DIR DIR --misses` and is the
extraction lead's to raise; here every document only has to extract without an error.
"""
from __future__ import annotations

import collections
import datetime as dt
import json
import re
from pathlib import Path
from typing import get_args

import pypdfium2
import pytest

from kenmerk.extract import DocumentType, read_note
from kenmerk.extract.evaluate import FIELDS, Report

CODE = re.compile(r"^\d+(\.\d+)*[a-z]?$")
WORD = re.compile(r"[\w./-]+")
#: grounds a document states only in words (ANNOTATION.md, "Woo grounds in words"): no code in its text
GROUNDS_IN_WORDS = {"h2-woo-besluit-uwv-gronden-in-woorden": {"5.1.2e", "5.2"},
                    "h3-woo-besluit-provincie-gronden-in-woorden": {"5.1.1c", "5.1.2e"},
                    "h4-woo-besluit-coa-gronden-in-woorden-tekst": {"5.1.2d", "5.1.2e"},
                    "h5-woo-besluit-zeeland-verweven-gronden-in-woorden-tekst": {"5.1.2e", "5.1.2h"},
                    "h6-woo-besluit-gemeente-grondverkoop-gronden-in-woorden-tekst": {"5.1.2b", "5.2"},
                    "h7-woo-besluit-noord-brabant-gronden-in-woorden-zaaknummer-datum-onder-adres": {"5.1.1c", "5.1.2c"},
                    "h8-woo-besluit-cbr-tekst-gronden-in-woorden-datum-ontvangst": {"5.1.2d", "5.1.2e"},
                    "h9-woo-besluit-gemeente-tekst-gronden-in-woorden-labelrij-boven-waarden-bijlagen-telling": {"5.1.1e", "5.1.2e", "5.1.2h"},
                    "h10-woo-besluit-gemeente-tekst-persoon-gronden-in-woorden-datum-verzending-buiten-verzoek-bijlagen": {"5.1.1c", "5.1.2e", "5.2"},
                    "h11-woo-besluit-rvo-tekst-gronden-in-woorden-zaaknummer-geen-kenmerk-bijlage-telling": {"5.1.1c", "5.1.2e"}}


@pytest.fixture(scope="module")
def conventions_dir(tmp_path_factory, make_fixtures_module) -> Path:
    outdir = tmp_path_factory.mktemp("conventions")
    make_fixtures_module.make_convention_fixtures(outdir)
    return outdir


@pytest.fixture(scope="module")
def specs(make_fixtures_module) -> dict:
    return {p.stem: make_fixtures_module.load_convention_spec(p) for p in make_fixtures_module.convention_specs()}


def _golds(conventions_dir: Path) -> dict[str, dict]:
    return {p.name[: -len(".gold.json")]: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(conventions_dir.glob("*.gold.json"))}


def _document(conventions_dir: Path, stem: str) -> Path:
    (path,) = [p for p in (conventions_dir / f"{stem}.pdf", conventions_dir / f"{stem}.txt") if p.exists()]
    return path


def test_at_least_thirty_documents_each_with_its_gold(conventions_dir, specs):
    golds = _golds(conventions_dir)
    assert len(specs) >= 30
    assert sorted(golds) == sorted(specs)
    for stem in golds:
        _document(conventions_dir, stem)


def test_every_convention_is_exercised_by_two_documents(specs, make_fixtures_module):
    counts = collections.Counter(c for spec in specs.values() for c in spec.conventions)
    thin = {c: counts[c] for c in get_args(make_fixtures_module.Convention) if counts[c] < 2}
    assert not thin, f"conventions in fewer than two documents: {thin}"


def test_the_documents_vary_in_type_font_and_length(specs):
    assert {s.layout.font for s in specs.values() if s.format == "pdf"} == {"Helvetica", "Times", "Courier"}
    assert {s.pages for s in specs.values() if s.format == "pdf"} == {1, 2, 3}
    assert sum(s.format == "txt" for s in specs.values()) >= 2
    assert len({s.gold.document_type for s in specs.values()}) >= 10
    assert len({s.gold.organisation for s in specs.values()}) >= 20


def test_byte_identical_run_to_run(conventions_dir, make_fixtures_module, tmp_path):
    again = make_fixtures_module.make_convention_fixtures(tmp_path)
    assert len(again) == 2 * len(_golds(conventions_dir))
    for path in again:
        assert path.read_bytes() == (conventions_dir / path.name).read_bytes(), f"{path.name} differs between runs"


def test_gold_files_have_the_annotation_format(conventions_dir):
    types = {t.value for t in DocumentType}
    for stem, gold in _golds(conventions_dir).items():
        keys = list(gold)
        assert keys[-1] == "organisation" and gold["organisation"], stem
        assert keys[:-1] == [f for f in FIELDS if f in gold], f"{stem}: keys {keys}"
        assert gold.get("document_type", "brief") in types, stem
        if gold.get("date") is not None:
            dt.date.fromisoformat(gold["date"])
        decision = gold.get("recommended_decision")
        assert decision is None or set(decision) == {"text"} and decision["text"], stem
        for attachment in gold.get("attachments", []):
            assert set(attachment) == {"title"}, stem
        grounds = gold.get("woo_grounds", [])
        assert grounds == sorted(set(grounds)) and all(CODE.match(g) for g in grounds), stem


def _words(text: str) -> set[str]:
    """The words of a text, without the punctuation around them."""
    return {w.strip("./-") for w in WORD.findall(text.casefold())} - {""}


def test_gold_values_are_in_the_text_layer(conventions_dir):
    """Every word of every gold string can be read back from the PDF (or text) file."""
    for stem, gold in _golds(conventions_dir).items():
        path = _document(conventions_dir, stem)
        if path.suffix == ".pdf":
            pdf = pypdfium2.PdfDocument(path)
            text = " ".join(pdf[i].get_textpage().get_text_range() for i in range(len(pdf)))
            pdf.close()
        else:
            text = path.read_text(encoding="utf-8")
        words = _words(text)
        values = [gold.get(name) for name in ("title", "kenmerk", "addressee")]
        values += [(gold.get("recommended_decision") or {}).get("text")]
        values += [a["title"] for a in gold.get("attachments", [])]
        values += [g for g in gold.get("woo_grounds", []) if g not in GROUNDS_IN_WORDS.get(stem, set())]
        for value in filter(None, values):
            assert _words(value) <= words, f"{stem}: {value!r} is not in the text layer"
        assert not GROUNDS_IN_WORDS.get(stem, set()) & words, f"{stem}: a ground stated in words is printed as a code"


def test_page_counts_are_the_specs(conventions_dir, specs):
    for stem, spec in specs.items():
        if spec.format == "pdf":
            pdf = pypdfium2.PdfDocument(conventions_dir / f"{stem}.pdf")
            assert len(pdf) == spec.pages, stem
            pdf.close()


BAD_SPECS = {
    "unknown-key.toml": ('description = "x"\nconventions = ["memo"]\nformat = "txt"\ntext = "{title}"\n'
                         '[gold]\ntitle = "A"\norganisation = "B"\ncolour = "red"\n', "gold.colour"),
    "field-missing.toml": ('description = "x"\nconventions = ["memo"]\nformat = "txt"\ntext = "{title}"\n'
                           '[gold]\ntitle = "A"\norganisation = "B"\n', "must be given"),
    "not-printed.toml": ('description = "x"\nconventions = ["memo"]\nformat = "txt"\ntext = "Memo"\n'
                         '[gold]\ntitle = "A subject"\norganisation = "B"\n'
                         'none = ["document_type", "kenmerk", "date", "addressee", "recommended_decision", '
                         '"attachments"]\n', "'A subject' is not printed"),
    "broken.toml": ('description = "x\n', "not valid TOML"),
}


@pytest.mark.parametrize("name", sorted(BAD_SPECS))
def test_a_bad_spec_is_one_line_naming_the_file(make_fixtures_module, tmp_path, name):
    text, reason = BAD_SPECS[name]
    folder = tmp_path / "specs"
    folder.mkdir()
    (folder / name).write_text(text, encoding="utf-8")
    with pytest.raises(make_fixtures_module.SpecError) as err:
        make_fixtures_module.make_convention_fixtures(tmp_path / "out", folder)
    message = str(err.value)
    assert message.startswith(f"{folder / name}: ") and "\n" not in message
    assert reason in message


def test_command_line_writes_the_conventions(make_fixtures_module, specs, tmp_path, capsys):
    assert make_fixtures_module.main(["--conventions", str(tmp_path)]) == 0
    printed = capsys.readouterr().out.split()
    assert len(printed) == 2 * len(specs)
    assert all(Path(p).is_file() for p in printed)


@pytest.fixture(scope="module")
def convention_notes(conventions_dir) -> dict[str, dict]:
    """Every fixture's note as JSON, by stem (extracted once for this module), personal data kept: the floors
    measure the conventions; that the default output leaves a person out (a citizen addressed as "De heer …") is
    tested in tests/safety."""
    return {stem: read_note(_document(conventions_dir, stem), keep_personal_data=True).model_dump(mode="json")
            for stem in _golds(conventions_dir)}


def test_every_document_extracts(conventions_dir, convention_notes):
    """Every fixture gives a note that can be scored (the floors are `test_the_conventions_score_high`)."""
    report = Report()
    golds = _golds(conventions_dir)
    for stem, gold in golds.items():
        report.add(stem, gold, convention_notes[stem])
    assert sum(report.total.values()) == sum(len([k for k in g if k in FIELDS]) for g in golds.values())
    assert not [m for m in report.misses if not m.extracted]


#: floors on each batch of made-up convention documents (the batches h3 to h13 scored 0.880, 0.905, 0.895, 0.903,
#: 0.914, 0.926, 0.944, 0.930, 0.951, 0.958 and 0.949 before the extractor learnt their conventions; every batch
#: scored 0.975 to 1.000 after, personal data kept)
MIN_CONVENTIONS_OVERALL = 0.97
MIN_CONVENTIONS_FIELD = 0.9
HOLDOUT_BATCHES: set[str] = set()  # scored and printed, no floor: a batch the extractor has not learnt yet


def test_the_conventions_score_high(conventions_dir, convention_notes):
    """Each batch of convention fixtures, scored like the corpus: a convention that stops working fails here."""
    golds = _golds(conventions_dir)
    batches: dict[str, Report] = {}
    for stem, gold in golds.items():
        batch = stem.split("-", 1)[0] if stem[:1] == "h" and stem[1:2].isdigit() else "first"
        batches.setdefault(batch, Report()).add(stem, gold, convention_notes[stem])
    for batch, report in sorted(batches.items()):
        print(f"\nconvention batch {batch}: {report.documents} documents\n{report.table()}")
        for miss in report.misses:
            print(f"MISS {miss.line()}"[:300])
        if batch in HOLDOUT_BATCHES:
            continue
        low = {n: s.accuracy for n, s in report.fields.items() if s.total and s.accuracy < MIN_CONVENTIONS_FIELD}
        assert report.overall >= MIN_CONVENTIONS_OVERALL, f"batch {batch}: {report.overall:.3f}\n{report.table()}"
        assert not low, f"batch {batch}: fields below {MIN_CONVENTIONS_FIELD}: {low}"
