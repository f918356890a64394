"""The bar: a report of the corpus beslisnota's opens in headless Chromium with no console
errors and a box (or, for text inputs, a mark) for every extracted field, and every runner-up
read from a PDF line has its dashed box where its bbox maps. Skips without the corpus."""
from __future__ import annotations

import pytest
from test_review_browser import assert_clean, check_boxes, runner_up_boxes  # noqa: E402  (same folder)

from kenmerk.extract import ReadLimits, read_bytes
from kenmerk.extract.errors import NoTextLayer
from kenmerk.extract.note import extract_layout
from kenmerk.output.review_explain import explain_for_review
from kenmerk.output.review_html import ReviewWriter

MARK_JS = """
(id) => { const a = document.getElementById(id); return !!(a && a.closest('mark')); }
"""


@pytest.fixture(scope="module")
def corpus_report(corpus_dir, corpus_ocr_cache, tmp_path_factory):
    inputs = sorted(p for p in (corpus_dir / "raw").glob("*beslisnota*") if p.suffix in (".pdf", ".txt", ".md"))
    if not inputs:
        pytest.skip("no beslisnota in the corpus")
    out = tmp_path_factory.mktemp("corpus-review")
    skipped = []
    with ReviewWriter(out) as writer:
        for path in inputs:
            data = path.read_bytes()
            try:
                extraction = extract_layout(*read_bytes(data, str(path), ReadLimits(cache_dir=corpus_ocr_cache)))
            except NoTextLayer as exc:      # a scan where Tesseract is missing: not this test's business
                skipped.append(f"{path.name}: {exc}")
                continue
            writer.add(extraction.note, str(path), data, explain_for_review(extraction))
    return out, writer.reports, skipped


def test_corpus_report_opens_with_a_box_for_every_field(corpus_report, open_page):
    out, reports, skipped = corpus_report
    assert len(reports) >= len(skipped)
    opened = open_page(out / "index.html")
    assert opened.page.locator("table.notes tbody tr").count() == len(reports)
    assert_clean(opened)
    for report in reports:
        opened = open_page(out / "notes" / f"{report.slug}.html")
        with_evidence = [it for it in report.items if it.evidence is not None]
        assert with_evidence, report.label
        if report.is_pdf:
            assert all(it.has_box for it in with_evidence), report.label
            assert check_boxes(opened.page, report) == len(with_evidence)
            alts = runner_up_boxes(report)
            if alts:
                opened.page.evaluate("document.querySelectorAll('details.cands').forEach(d => { d.open = true; })")
                opened.page.wait_for_function("Array.from(document.querySelectorAll('a.box.alt'))"
                                              ".every(b => b.getClientRects().length)")
                assert check_boxes(opened.page, report, alts, "a.box.alt") == len(alts)
        else:
            for it in with_evidence:
                assert opened.page.evaluate(MARK_JS, it.anchor), f"{report.label}: no mark for {it.key}"
        assert not [i for i in report.issues if i.kind in ("not_found", "no_position")], report.label
        assert_clean(opened)
        opened.close()
