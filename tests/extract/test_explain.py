"""`kenmerk.extract.explain`: every field's candidates, best first, and why the winner won."""
from __future__ import annotations

import subprocess
import sys

from builders import layout

from kenmerk.extract import Explanation, explain_path

MAIL = (
    "Van: Bakker, Joost <joost.bakker@gemeente-veldhoven.example>\n"
    "Verzonden: dinsdag 3 september 2024 10:12\n"
    "Aan: Marieke Smulders <m.smulders@provincie-oost.example>\n"
    "Onderwerp: RE: planning fietsbrug\n\n"
    "Dag Marieke,\n\nSmulders vroeg of Joost de tekeningen kan sturen. Bel 06 - 98 76 54 32 of mail "
    "j.bakker[at]gemeente-veldhoven.example.\n\nGroet, Marieke\n"
)
NOTE = ("Nota\nTER BESLISSING\nAan\nMinister van Waterbeheer\nDatum\n12 maart 2024\nOns kenmerk\nWB/2024/0042\n"
        "Uw kenmerk\nGEM-2024-17\n\nAanleiding\nDe gemeente vraagt om steun.\n\nGeadviseerd besluit\n"
        "Instemmen met de brief aan de gemeente.\n")


def _explain(tmp_path, text: str, name: str = "x.txt") -> Explanation:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return explain_path(path)


def test_every_field_is_explained_in_the_order_of_the_note(tmp_path):
    ex = _explain(tmp_path, NOTE)
    names = [f.field for f in ex.fields]
    assert names.index("document_type") < names.index("title") < names.index("kenmerk") < names.index("date")
    kenmerk = next(f for f in ex.fields if f.field == "kenmerk")
    assert kenmerk.value == "WB/2024/0042"
    assert [c.chosen for c in kenmerk.candidates].count(True) == 1
    assert kenmerk.candidates[0].chosen and "Ons kenmerk" in kenmerk.candidates[0].why


def test_candidates_are_best_first_and_the_reason_names_the_runner_up(tmp_path):
    ex = _explain(tmp_path, NOTE)
    doc_type = next(f for f in ex.fields if f.field == "document_type")
    scores = [c.score for c in doc_type.candidates]
    assert scores == sorted(scores, reverse=True) and len(scores) >= 2
    assert doc_type.value == "beslisnota"
    other = next(c for c in doc_type.candidates if c.value != doc_type.value)
    assert f"over {other.rule}" in doc_type.reason  # "highest score: stage 0.87 over designation 0.85"


def test_a_pdf_candidate_has_its_page_and_box(tmp_path):
    from kenmerk.extract.explain import explain
    from kenmerk.extract.model import Source
    from kenmerk.extract.note import extract_layout

    lay = layout([("Nota", 70, 770, 14, True), ("Datum", 466, 700, 7.5, True), ("12 maart 2024", 466, 690, 7.5)])
    source = Source(file_name="x.pdf", sha256="0" * 64, media_type="application/pdf", size=1, page_count=1)
    date = next(f for f in explain(extract_layout(lay, source)).fields if f.field == "date")
    assert date.candidates[0].page == 1 and date.candidates[0].bbox is not None
    assert date.candidates[0].bbox.x0 == 466


def test_no_name_the_note_leaves_out_shows_in_a_runner_up(tmp_path):
    text = _explain(tmp_path, MAIL).model_dump_json()
    for word in ("Marieke", "Smulders", "Joost", "Bakker", "98 76 54 32", "j.bakker"):
        assert word not in text, word


def test_keep_personal_data_keeps_them(tmp_path):
    path = tmp_path / "mail.txt"
    path.write_text(MAIL, encoding="utf-8")
    assert "Smulders" in explain_path(path, keep_personal_data=True).model_dump_json()


def test_the_command_line_prints_text_or_json(tmp_path):
    path = tmp_path / "nota.txt"
    path.write_text(NOTE, encoding="utf-8")
    run = [sys.executable, "-m", "kenmerk.output.cli", "extract", str(path), "--explain"]
    text = subprocess.run(run, capture_output=True, text=True, check=True).stdout
    assert text.startswith("== nota.txt") and "kenmerk: WB/2024/0042" in text and "* 0.95 label:reference" in text
    data = subprocess.run(run + ["--format", "json"], capture_output=True, text=True, check=True).stdout
    assert Explanation.model_validate_json(data).file_name == "nota.txt"


def test_explain_takes_files_only(tmp_path):
    run = [sys.executable, "-m", "kenmerk.output.cli", "extract", str(tmp_path), "--explain"]
    done = subprocess.run(run, capture_output=True, text=True)
    assert done.returncode == 2 and "--explain takes document files" in done.stderr
