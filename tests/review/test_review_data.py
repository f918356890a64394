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
    assert report.slug == note_slug(note) and report.slug.startswith("beslisnota-twee-paginas-")


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
    data = build_index([build_note_report(n) for n in notes], failed=[("x.pdf", "no such file")])
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
    index = render_index(build_index([report], failed=[(XSS, XSS)]))
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
        args = ["review", str(BESLISNOTA_PDF), "-o", str(out)] + (["--lang", lang] if lang != "nl" else [])
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
    code = main(["review", str(fixtures_dir), "-o", str(out)])
    err = capsys.readouterr().err.splitlines()
    assert code == 1
    failures = [line for line in err if not line.startswith("rapport geschreven")]
    bad = {"empty.pdf", "encrypted.pdf", "not-a-pdf.pdf", "random-bytes.pdf", "truncated.pdf"}
    assert {Path(line.split(": ", 1)[0]).name for line in failures} >= bad
    for line in failures:
        path, reason = line.split(": ", 1)
        assert os.path.exists(path) and reason and "\n" not in reason
    pages = sorted(p.name for p in (out / "notes").glob("*.html"))
    assert any(p.startswith("beslisnota-twee-paginas-") for p in pages)
    assert any(p.startswith("brief-adresblok-") for p in pages)
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Niet gelezen" in index and "encrypted.pdf" in index


def test_report_is_self_contained_and_written_atomically(tmp_path):
    out = tmp_path / "report"
    assert main(["review", str(BESLISNOTA_PDF), str(BESLISNOTA_MD), "-o", str(out), "-q"]) == 0
    files = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert files[0] == "index.html" and len(files) == 3 and all(f.endswith(".html") for f in files)
    assert not list(out.rglob("*.tmp")) and not list(out.rglob(".*"))
    for f in out.rglob("*.html"):
        html = f.read_text(encoding="utf-8")
        assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", html), f
        assert "<link" not in html and "@import" not in html and "url(" not in html
        mask = os.umask(0)
        os.umask(mask)
        assert os.stat(f).st_mode & 0o777 == 0o666 & ~mask     # readable like any file, not 0600
    page = next((out / "notes").glob("beslisnota-twee-paginas-*.html")).read_text(encoding="utf-8")
    assert page.count('src="data:image/png;base64,') == 2


def test_usage_errors(tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        main(["review", "-o", str(tmp_path)])
    assert exc.value.code == 2
    assert main(["review", str(BESLISNOTA_PDF), "--scale", "50", "-o", str(tmp_path)]) == 2


def test_fields_and_boxes_link_each_other_without_javascript(tmp_path):
    out = tmp_path / "report"
    assert main(["review", str(BESLISNOTA_PDF), str(BESLISNOTA_MD), "-o", str(out), "-q"]) == 0
    for page in (out / "notes").glob("*.html"):
        html = page.read_text(encoding="utf-8")
        ids = set(re.findall(r'\sid="([^"]+)"', html))
        targets = re.findall(r'href="#((?:box|row)-[^"]+)"', html)
        assert any(t.startswith("box-") for t in targets)
        missing = [t for t in targets if t not in ids]
        assert not missing, (page.name, missing)
        assert len(ids) == len(re.findall(r'\sid="', html))      # ids are unique
