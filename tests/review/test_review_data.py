"""The review report without a browser: its data, escaping, languages, contrast, the CLI."""
from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest

from kenmerk.extract import Evidence, read_note
from kenmerk.output.cli import main
from kenmerk.output.review import (
    DATE_FAR_DAYS,
    build_index,
    build_note_report,
    build_text_view,
    note_slug,
)
from kenmerk.output.review_html import (
    CONTRAST_PAIRS,
    FIELD_COLOURS,
    PALETTE,
    ReviewWriter,
    contrast_ratio,
    palette_css,
    render_index,
    render_note_page,
)
from kenmerk.output.review_i18n import FIELD_LABELS, LABELS, LANGUAGES

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
BESLISNOTA_PDF = REPO_ROOT / "tests" / "samples" / "beslisnota-twee-paginas.pdf"
BESLISNOTA_MD = REPO_ROOT / "tests" / "samples" / "beslisnota-opvang-oekraine-2025.md"

XSS = "<script>alert(1)</script>"


# --- report data -------------------------------------------------------------------------------

def test_report_data_of_the_fixture_beslisnota():
    note = read_note(BESLISNOTA_PDF)
    report = build_note_report(note, "beslisnota-twee-paginas.pdf")
    keys = {it.key for it in report.items}
    assert {"document_type", "title", "kenmerk", "date", "organisation", "addressee", "recommended_decision",
            "attachments-1", "attachments-2", "woo_grounds-1", "identifiers-1", "identifiers-2", "dates-1"} <= keys
    by_key = {it.key: it for it in report.items}
    assert by_key["kenmerk"].value == "IENW/BSK-2025/12345"
    assert by_key["kenmerk"].page == 1 and by_key["kenmerk"].has_box
    assert by_key["attachments-2"].page == 2
    assert by_key["attachments-2"].label == "Bijlage 2"
    # every item with evidence in this born-digital PDF has a box; nothing is missing or doubtful
    assert all(it.has_box for it in report.items)
    assert report.issues == []
    assert report.evidence_pages() == [1, 2]
    assert report.fields_found == ["document_type", "title", "kenmerk", "date", "organisation", "addressee",
                                   "recommended_decision", "attachments", "woo_grounds", "identifiers", "dates"]
    assert report.slug == note_slug("beslisnota-twee-paginas.pdf") == "beslisnota-twee-paginas"


def test_missing_and_doubtful(make_note):
    far = dt.date(2024, 3, 1) + dt.timedelta(days=DATE_FAR_DAYS + 10)
    note = make_note(title=None, kenmerk=None, evidence={},
                     document_type="other",
                     dates=[{"role": "meeting", "label": "Overleg", "date": far, "text": "x"},
                            {"role": "deadline", "label": "Beslistermijn", "date": dt.date(2024, 3, 20), "text": "y"}],
                     warnings=["page 3 could not be read"])
    note.attachments[0].evidence = Evidence(page=1, text="Bijlage een", ocr=True)
    report = build_note_report(note, lang="en")
    kinds = [i.kind for i in report.issues]
    assert kinds.count("missing") == 2            # title and kenmerk; the date is there
    assert "type_other" in kinds
    assert "ocr" in kinds
    assert [i for i in report.issues if i.kind == "date_far"][0].message == \
        f"Overleg {far.isoformat()} is {DATE_FAR_DAYS + 10} days from the document date 2024-03-01."
    assert sum(1 for i in report.issues if i.kind == "date_far") == 1   # 19 days is not far
    assert "no_position" in kinds                 # the OCR evidence has no box
    assert "no_evidence" in kinds                 # the date has a value but lost its evidence
    assert any(i.kind == "warning" and "page 3 could not be read" in i.message for i in report.issues)
    missing = [i.message for i in report.issues if i.kind == "missing"]
    assert missing == ["Title is missing.", "Reference (kenmerk) is missing."]


def test_text_view_locates_evidence_in_markdown():
    note = read_note(BESLISNOTA_MD)
    text = BESLISNOTA_MD.read_text(encoding="utf-8")
    report = build_note_report(note, text=text)
    view = report.text
    with_evidence = [it for it in report.items if it.evidence is not None]
    assert with_evidence and all(it.key in view.located for it in with_evidence)
    start, end = view.located["kenmerk"]
    assert "6048852" in text[start:end]
    assert "".join(seg for seg, _ in view.segments) == text        # nothing lost, nothing added
    assert not [i for i in report.issues if i.kind == "not_found"]


def test_text_view_matches_across_markup_and_whole_words(make_note):
    text = "Kenmerk 12\n**Ons kenmerk**\n\n123\n"
    note = make_note(evidence={"kenmerk": Evidence(page=1, text="Ons kenmerk 123")}, kenmerk="123")
    report = build_note_report(note)
    view = build_text_view(text, report.items)
    s, e = view.located["kenmerk"]
    assert text[s:e] == "Ons kenmerk**\n\n123"


def test_index_counts(make_note):
    notes = [make_note("a.pdf"), make_note("b.pdf", date=dt.date(2024, 5, 2), title=None),
             make_note("c.pdf", date=None, document_type="brief", dates=[])]
    data = build_index([build_note_report(n).entry() for n in notes], failed=[("x.pdf", "no such file")])
    assert data.total == 3 and data.undated == 1
    assert dict(data.field_counts)["title"] == 2
    assert data.type_counts == [("beslisnota", 2), ("brief", 1)]
    assert data.month_counts == [((2024, 3), 1), ((2024, 4), 0), ((2024, 5), 1)]
    assert data.with_warnings == 2                 # b lacks a title, c a date
    html = render_index(data)
    assert 'role="img"' in html and "<desc" in html and "Tabel bij het diagram" in html
    assert "x.pdf</span>: no such file" in html


# --- escaping ----------------------------------------------------------------------------------

def test_html_escapes_document_text(make_note, tmp_path):
    note = make_note('"><img src=x onerror=alert(2)>.pdf', title=XSS, kenmerk="A&B<1>",
                     warnings=[f"odd {XSS}"])
    report = build_note_report(note, label=f"dir/{XSS}.pdf")
    page = render_note_page(report, [])
    index = render_index(build_index([report.entry()], failed=[(XSS, XSS)]))
    for html in (page, index):
        assert XSS not in html
        assert "<img src=x" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
        assert len(re.findall(r"<script\b", html)) == 1        # only our own inline script
    assert "A&amp;B&lt;1&gt;" in page


def test_html_escapes_text_inputs(make_note, tmp_path):
    doc = tmp_path / "x.md"
    doc.write_text(f"Onderwerp: {XSS}\nOns kenmerk: K-1\nDatum: 3 maart 2024\n<b>vet</b>\n", encoding="utf-8")
    note = read_note(doc)
    out = tmp_path / "r"
    with ReviewWriter(out) as writer:
        report = writer.add(note, str(doc), doc.read_bytes())
    html = (out / "notes" / f"{report.slug}.html").read_text(encoding="utf-8")
    assert XSS not in html and "<b>vet</b>" not in html
    assert "&lt;b&gt;vet&lt;/b&gt;" in html


# --- languages ---------------------------------------------------------------------------------

def test_label_tables_have_the_same_keys():
    nl, en = LABELS["nl"], LABELS["en"]
    assert set(nl) == set(en)
    assert set(FIELD_LABELS["nl"]) == set(FIELD_LABELS["en"])
    for key in nl:   # the same placeholders in both languages
        assert set(re.findall(r"{(\w+)}", nl[key])) == set(re.findall(r"{(\w+)}", en[key])), key


def test_lang_en_switches_labels(tmp_path, capsys):
    for lang in LANGUAGES:
        out = tmp_path / lang
        args = ["review", str(BESLISNOTA_PDF), "-o", str(out)] + (["--lang", lang] if lang != "en" else [])
        assert main(args) == 0
    nl_index = (tmp_path / "nl" / "index.html").read_text(encoding="utf-8")
    en_index = (tmp_path / "en" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl">' in nl_index and '<html lang="en">' in en_index
    assert "Alleen documenten met waarschuwingen" in nl_index
    assert "Only documents with warnings" in en_index and "waarschuwingen" not in en_index
    en_note = next((tmp_path / "en" / "notes").glob("*.html")).read_text(encoding="utf-8")
    nl_note = next((tmp_path / "nl" / "notes").glob("*.html")).read_text(encoding="utf-8")
    assert "Missing or doubtful" in en_note and "Recommended decision" in en_note
    assert "Ontbreekt of twijfelachtig" in nl_note and "Geadviseerd besluit" in nl_note
    assert "Chosen by rule" in en_note and "also considered: 1<" in en_note and "show on page 2" in en_note
    assert "Gekozen door regel" in nl_note and "ook overwogen: 1<" in nl_note and "toon op pagina 2" in nl_note
    assert "report written:" in capsys.readouterr().err


# --- colours -----------------------------------------------------------------------------------

def test_contrast_ratio_formula():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("fg,bg,minimum,what", CONTRAST_PAIRS, ids=[p[3] for p in CONTRAST_PAIRS])
def test_palette_contrast_passes_wcag_aa(fg, bg, minimum, what):
    assert minimum >= 3.0
    ratio = contrast_ratio(fg, bg)
    assert ratio >= minimum, f"{what}: {fg} on {bg} has contrast {ratio:.2f} < {minimum}"


def test_text_pairs_are_at_least_4_5():
    text_pairs = [p for p in CONTRAST_PAIRS if "non-text" not in p[3]]
    assert len(text_pairs) >= 20
    assert all(contrast_ratio(fg, bg) >= 4.5 for fg, bg, _, _ in text_pairs)


def test_css_uses_only_the_checked_palette():
    """Every colour the stylesheet names is one whose contrast is checked above."""
    checked = {c.lower() for fg, bg, _, _ in CONTRAST_PAIRS for c in (fg, bg)}
    rules = (REPO_ROOT / "output" / "review_assets" / "review.css").read_text(encoding="utf-8")
    assert not re.findall(r"#[0-9a-fA-F]{3,8}\b", rules)       # the rules use custom properties only
    named = {c.lower() for c in re.findall(r"#[0-9a-fA-F]{6}\b", palette_css())}
    assert named <= checked
    assert set(FIELD_COLOURS.values()) <= named and set(PALETTE.values()) <= named


# --- the command -------------------------------------------------------------------------------

def test_errors_per_input_and_the_batch_goes_on(fixtures_dir, tmp_path, capsys):
    out = tmp_path / "report"
    code = main(["review", str(fixtures_dir), "-o", str(out), "--jobs", "0", "--lang", "nl"])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    failures = [line for line in err if not line.startswith(("rapport geschreven", "kenmerk: "))]
    bad = {"empty.pdf", "encrypted.pdf", "not-a-pdf.pdf", "random-bytes.pdf", "truncated.pdf"}
    assert {Path(line.split(": ", 1)[0]).name for line in failures} >= bad
    for line in failures:
        path, reason = line.split(": ", 1)
        assert os.path.exists(path) and reason and "\n" not in reason
    pages = sorted(p.name for p in (out / "notes").glob("*.html"))
    assert {"beslisnota-twee-paginas.html", "brief-adresblok.html", "encrypted.html"} <= set(pages)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Niet gelezen" in index and "encrypted.pdf" in index
    # a page for the input that failed too, so the neighbours' links lead somewhere
    assert "Niet gelezen: encrypted.pdf" in (out / "notes" / "encrypted.html").read_text(encoding="utf-8")


def test_report_is_self_contained_and_written_atomically(tmp_path):
    out = tmp_path / "report"
    assert main(["review", str(BESLISNOTA_PDF), str(BESLISNOTA_MD), "-o", str(out), "-q"]) == 0
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files == ["index.html", "notes/beslisnota-opvang-oekraine-2025.html", "notes/beslisnota-twee-paginas.html"]
    assert not list(out.rglob("*.tmp")) and not list(out.rglob(".*"))
    for f in out.rglob("*.html"):
        html = f.read_text(encoding="utf-8")
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html), f
        assert "<link" not in html and "@import" not in html and "url(" not in html
        mask = os.umask(0)
        os.umask(mask)
        assert os.stat(f).st_mode & 0o777 == 0o666 & ~mask     # readable like any file, not 0600
    page = (out / "notes" / "beslisnota-twee-paginas.html").read_text(encoding="utf-8")
    assert page.count('src="data:image/png;base64,') == 2


def test_usage_errors(tmp_path, capsys):
    assert main(["review", "-o", str(tmp_path)]) == 2
    assert "give at least one INPUT" in capsys.readouterr().err
    assert main(["review", str(BESLISNOTA_PDF), "--scale", "50", "-o", str(tmp_path)]) == 2


def test_fields_and_boxes_link_each_other_without_javascript(tmp_path):
    out = tmp_path / "report"
    assert main(["review", str(BESLISNOTA_PDF), str(BESLISNOTA_MD), "-o", str(out), "-q"]) == 0
    for page in (out / "notes").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        ids = set(re.findall(r'\sid="([^"]+)"', html))
        targets = re.findall(r'href="#((?:box|row|cand|why)-[^"]+)"', html)
        assert any(t.startswith("box-") for t in targets)
        if "twee-paginas" in page.name:     # runners-up link to their dashed boxes, the boxes back to them
            assert any(re.fullmatch(r"box-\w+-c\d+", t) for t in targets)
            assert any(t.startswith("cand-") for t in targets)
        missing = [t for t in targets if t not in ids]
        assert not missing, (page.name, missing)
        assert len(ids) == len(re.findall(r'\sid="', html))      # ids are unique


# --- runners-up (issue 12) -----------------------------------------------------------------------

from review_cases import PERSONAL_MAIL, PERSONAL_WORDS, close_call, extract_for_review  # noqa: E402

from kenmerk.output.review import CLOSE_SCORE  # noqa: E402


def test_every_candidate_gets_the_box_of_the_lines_it_was_read_from():
    note, explained = extract_for_review(BESLISNOTA_PDF)
    fields = {f.field: f for f in explained.explanation.fields}
    assert set(explained.evidence) == set(fields)          # the pairing matched for every field
    boxed = 0
    for name, f in fields.items():
        evidence = explained.evidence[name]
        assert len(evidence) == len(f.candidates)
        for view, ev in zip(f.candidates, evidence, strict=False):
            assert (ev.page if ev else None) == view.page, (name, view.rule)
            if ev is not None and ev.bbox is not None:
                boxed += 1
                assert ev.text == view.text
    assert boxed >= 15
    # the winner's box is the note's evidence box
    kenmerk = explained.evidence["kenmerk"][0]
    assert kenmerk.bbox == note.evidence["kenmerk"].bbox


def test_the_runners_up_of_the_sample_beslisnota():
    note, explained = extract_for_review(BESLISNOTA_PDF)
    report = build_note_report(note, explained=explained)
    why = {w.field: w for w in report.why}
    k = why["kenmerk"]
    assert (k.winner.rule, k.winner.score, k.winner.rank) == ("label:reference", 0.95, 1)
    assert "Onze referentie" in k.winner.why
    [second] = k.runners_up
    assert second.page == 2 and second.has_box and second.same_value and not second.close
    assert second.key == "kenmerk-c2" and second.label == "Kenmerk, kandidaat 2"
    doctype = why["document_type"]
    kamerbrief = next(p for p in doctype.runners_up if p.value == "kamerbrief")
    assert not kamerbrief.same_value and not kamerbrief.close     # 0.72 against 0.87: not close
    assert why["woo_grounds"].combined and why["woo_grounds"].winner is None
    assert report.close_count == 0 and not [i for i in report.issues if i.kind == "close"]
    assert [w.field for w in report.why] == [n for n, _, w in report.groups() if w is not None]
    html = render_note_page(report, [])
    assert html.count('<details class="cands"') == sum(1 for w in report.why if w.runners_up)
    assert "<details open" not in html and "<details class=\"cands\" open" not in html    # folded
    assert 'id="cand-kenmerk-c2"' in html and "label:reference" in html


@pytest.mark.parametrize("winner,runner_up,same,close", [
    (0.9, 0.8, False, True),            # exactly CLOSE_SCORE apart
    (0.95, 0.85, False, True),          # 0.95 - 0.85 is 0.0999... in floating point
    (0.9, 0.79, False, False),
    (0.9, 0.89, True, False),           # the same value elsewhere is no rival
])
def test_a_close_runner_up_makes_the_field_doubtful(make_note, winner, runner_up, same, close):
    assert CLOSE_SCORE == 0.1
    report = build_note_report(make_note(), lang="en", explained=close_call(winner, runner_up, same))
    [why] = [w for w in report.why if w.field == "kenmerk"]
    assert bool(why.close) is close and report.close_count == int(close)
    issues = [i for i in report.issues if i.kind == "close"]
    if close:
        assert [(i.severity, i.why) for i in issues] == [("doubtful", "kenmerk")]
        assert issues[0].message == (f"Reference (kenmerk): the runner-up ‘XYZ/999’ "
                                     f"(header, score {runner_up:.2f}) scores almost as high as the chosen value "
                                     f"({winner:.2f}).")
        html = render_note_page(report, [])
        assert 'href="#why-kenmerk" data-why="kenmerk"' in html and 'class="badge close"' in html
    else:
        assert issues == []


def test_index_counts_close_calls(make_note):
    reports = [build_note_report(make_note("a.pdf"), explained=close_call(0.9, 0.85)),
               build_note_report(make_note("b.pdf"), explained=close_call(0.9, 0.5)),
               build_note_report(make_note("c.pdf"))]                    # no explanation: no count
    data = build_index([r.entry() for r in reports])
    assert [r.close_count for r in reports] == [1, 0, 0] and data.with_close_calls == 1
    for lang, column, card in (("nl", "Nipte keuzes", "Met een nipte keuze"),
                               ("en", "Close calls", "With a close call")):
        html = render_index(data, lang=lang)
        assert f">{column}</button>" in html and card in html
        cells = re.findall(r'data-close="([^"]*)"', html)
        assert cells == ["1", "0", ""]


def test_runner_up_boxes_are_drawn_dashed_apart_from_the_winner(tmp_path, make_note):
    out = tmp_path / "r"
    with ReviewWriter(out, lang="en") as writer:
        report = writer.add(make_note(), "nota.pdf", BESLISNOTA_PDF.read_bytes(), close_call(0.9, 0.85))
    html = (out / "notes" / f"{report.slug}.html").read_text(encoding="utf-8")
    alt = re.search(r'<a id="box-kenmerk-c2" href="#cand-kenmerk-c2" class="box alt f-kenmerk[^"]*" '
                    r'data-field="kenmerk"\s+style="left:([\d.]+)%;top:([\d.]+)%', html)
    assert alt, "no runner-up box"
    # the hand-made runner-up box (x0 120, y1 212 points) mapped onto the sample's A4 page
    assert float(alt.group(1)) == pytest.approx(120 / 595.276 * 100, abs=0.05)
    assert float(alt.group(2)) == pytest.approx((841.89 - 212) / 841.89 * 100, abs=0.05)
    assert 'class="alt-goto" data-key="kenmerk-c2">show on page 1</a>' in html
    assert 'aria-label="Reference (kenmerk), candidate 2: XYZ/999 (score 0.85, page 1)' in html
    assert html.count('id="box-kenmerk"') == 1 and html.count('id="box-kenmerk-c2"') == 1


def test_personal_data_never_reappears_through_a_runner_up(tmp_path):
    mail = tmp_path / "mail.txt"
    mail.write_text(PERSONAL_MAIL, encoding="utf-8")
    note, explained = extract_for_review(mail)
    assert note.addressee is None                                  # the 'To:' is a person: left out
    text = explained.explanation.model_dump_json()
    assert not [w for w in PERSONAL_WORDS if w in text], [w for w in PERSONAL_WORDS if w in text]
    # the test means something: the names were in runners-up, and are kept on request
    title = next(f for f in explained.explanation.fields if f.field == "title")
    assert any("[persoonsgegevens]" in c.value for c in title.candidates if not c.chosen)
    _, kept = extract_for_review(mail, keep_personal_data=True)
    assert "Jansen" in kept.explanation.model_dump_json()
    # the report: neither the field table with every runner-up nor the text pane holds any of them
    out = tmp_path / "r"
    assert main(["review", str(mail), "-o", str(out), "-q"]) == 0
    html = (out / "notes" / "mail.html").read_text(encoding="utf-8")
    panel = html[html.index('<section class="panel"'):html.index('<section id="pages"')]
    assert 'class="cands"' in panel and "header-line" in panel
    assert not [w for w in PERSONAL_WORDS if w in html], [w for w in PERSONAL_WORDS if w in html]
    assert "Overleg over de subsidieregeling" in html and "[persoonsgegevens]" in html
    # ... and all of them with --keep-personal-data
    kept_out = tmp_path / "kept"
    assert main(["review", str(mail), "-o", str(kept_out), "-q", "--keep-personal-data"]) == 0
    kept_html = (kept_out / "notes" / "mail.html").read_text(encoding="utf-8")
    assert all(w in kept_html for w in ("Annemiek", "Pieter Jansen", "06 12 34 56 78"))
