"""The review report in a real browser: headless Debian Chromium driven by Playwright.

Opens the reports from file:// URLs and checks: no console errors and no requests
leaving the report; every field with evidence has its box where the evidence's bbox
maps onto the page image; clicking a field's row brings its box into view; the index
sorts by date and filters notes with warnings. Screenshots go to test-artifacts/.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kenmerk.extract import read_note
from kenmerk.output.review import build_note_report
from kenmerk.output.review_html import ReviewWriter

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
BESLISNOTA_PDF = SAMPLES / "beslisnota-twee-paginas.pdf"
BESLISNOTA_MD = SAMPLES / "beslisnota-opvang-oekraine-2025.md"


def note_page(report_dir: Path, stem: str) -> Path:
    """The page of the input whose file name (without its suffix) is `stem`."""
    page = report_dir / "notes" / f"{stem}.html"
    assert page.is_file(), f"no page for {stem} in {report_dir}: {sorted((report_dir / 'notes').iterdir())}"
    return page

TOLERANCE_PX = 1.0

#: for each box: its content rect (inside the border: the evidence box), its page image's rect and the
#: page's frame (the displayed box in evidence coordinates)
GEOMETRY_JS = """
(selector) => Array.from(document.querySelectorAll(selector || 'a.box:not(.alt)')).map(box => {
  const fig = box.closest('figure.page');
  const img = fig.querySelector('img');
  const b = box.getBoundingClientRect(), i = img.getBoundingClientRect(), cs = getComputedStyle(box);
  const inset = side => parseFloat(cs['border' + side + 'Width']) + parseFloat(cs['padding' + side]);
  return {
    id: box.id, left: b.left + inset('Left'), top: b.top + inset('Top'),
    width: b.width - inset('Left') - inset('Right'), height: b.height - inset('Top') - inset('Bottom'),
    imgLeft: i.left, imgTop: i.top, imgWidth: i.width, imgHeight: i.height,
    natural: img.naturalWidth, complete: img.complete,
    frameLeft: parseFloat(fig.dataset.frameLeft), frameBottom: parseFloat(fig.dataset.frameBottom),
    frameW: parseFloat(fig.dataset.frameWidth), frameH: parseFloat(fig.dataset.frameHeight),
    x0: parseFloat(box.dataset.x0), y0: parseFloat(box.dataset.y0),
    x1: parseFloat(box.dataset.x1), y1: parseFloat(box.dataset.y1),
  };
})
"""

IN_VIEW_JS = """
(id) => {
  const el = document.getElementById(id);
  const target = el.classList.contains('ev-anchor') ? el.closest('mark') : el;
  const r = target.getBoundingClientRect();
  return {top: r.top, bottom: r.bottom, left: r.left, right: r.right,
          vh: window.innerHeight, vw: window.innerWidth, active: target.classList.contains('is-active')};
}
"""


def assert_clean(opened) -> None:
    assert opened.errors == [], opened.errors
    assert opened.external_requests() == [], opened.external_requests()


def check_boxes(page, report, expected=None, selector: str = "a.box:not(.alt)") -> int:
    """Every item (or runner-up) with a bbox has one box whose inside is where the bbox maps on the image."""
    page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(i => { i.loading = 'eager'; })")
    page.wait_for_function("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    geometry = {g["id"]: g for g in page.evaluate(GEOMETRY_JS, selector)}
    expected = [it for it in report.items if it.has_box] if expected is None else expected
    assert expected, "the note has no evidence with a box"
    for it in expected:
        g = geometry.get(it.anchor)
        assert g is not None, f"no box for {it.key}"
        k = g["imgWidth"] / g["frameW"]                   # displayed pixels per point
        assert g["imgHeight"] / g["frameH"] == pytest.approx(k, rel=0.01)
        bbox = it.evidence.bbox
        x0, x1 = bbox.x0 - g["frameLeft"], bbox.x1 - g["frameLeft"]
        top = g["frameBottom"] + g["frameH"] - bbox.y1
        assert g["left"] - g["imgLeft"] == pytest.approx(x0 * k, abs=TOLERANCE_PX), it.key
        assert g["top"] - g["imgTop"] == pytest.approx(top * k, abs=TOLERANCE_PX), it.key
        assert g["width"] == pytest.approx((x1 - x0) * k, abs=TOLERANCE_PX), it.key
        assert g["height"] == pytest.approx((bbox.y1 - bbox.y0) * k, abs=TOLERANCE_PX), it.key
    return len(expected)


def click_row_and_check(page, key: str) -> None:
    page.evaluate("window.scrollTo(0, 0); document.querySelector('.panel').scrollTo(0, 0)")
    page.click(f"#row-{key} a.goto")
    pos = page.evaluate(IN_VIEW_JS, f"box-{key}")
    assert 0 <= pos["top"] and pos["bottom"] <= pos["vh"], (key, pos)
    assert 0 <= pos["left"] and pos["right"] <= pos["vw"] + 1, (key, pos)
    assert pos["active"], key
    assert page.evaluate("location.hash") == f"#box-{key}"


# --- note pages --------------------------------------------------------------------------------

@pytest.mark.parametrize("stem", ["beslisnota-twee-paginas", "fixture-beslisnota-twee-paginas",
                                  "fixture-brief-adresblok"])
def test_pdf_note_page_boxes_where_the_evidence_is(open_page, fixture_report, stem, artifacts_dir, fixtures_dir):
    if stem == "beslisnota-twee-paginas":
        source = BESLISNOTA_PDF
    else:
        source = fixtures_dir / (stem.replace("fixture-", "") + ".pdf")
    report = build_note_report(read_note(source))
    opened = open_page(note_page(fixture_report, stem))
    page = opened.page
    assert page.evaluate("document.documentElement.lang") == "nl"
    n = check_boxes(page, report)
    assert n == page.locator("a.box:not(.alt)").count()
    # images have alt text naming the page and the fields marked on it
    alts = page.eval_on_selector_all("figure.page img", "els => els.map(e => e.alt)")
    assert alts and all(a.startswith("Pagina ") for a in alts)
    # clicking a field's row scrolls its box into view: one on page 1, the last one (page 2 for the nota)
    click_row_and_check(page, "kenmerk")
    click_row_and_check(page, report.items[-1].key)
    if stem == "beslisnota-twee-paginas":
        click_row_and_check(page, "attachments-2")
        page.click("#row-kenmerk a.goto")
        page.mouse.move(1, 1)
        page.screenshot(path=str(artifacts_dir / "review-beslisnota-twee-paginas.png"))
        page.screenshot(path=str(artifacts_dir / "review-beslisnota-twee-paginas-full.png"), full_page=True)
    assert_clean(opened)


def test_boxes_stay_in_place_on_a_narrow_screen(open_page, fixture_report):
    report = build_note_report(read_note(BESLISNOTA_PDF))
    opened = open_page(note_page(fixture_report, "beslisnota-twee-paginas"))
    opened.page.set_viewport_size({"width": 700, "height": 900})
    check_boxes(opened.page, report)
    click_row_and_check(opened.page, "attachments-1")
    assert_clean(opened)


def test_keyboard_reaches_a_box_and_focus_is_visible(open_page, fixture_report):
    opened = open_page(note_page(fixture_report, "beslisnota-twee-paginas"))
    page = opened.page
    page.focus("#row-date a.goto")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "box-date"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    # a box links back to its row
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#row-date"
    assert_clean(opened)


def test_text_note_marks_the_evidence(open_page, fixture_report, artifacts_dir):
    text = BESLISNOTA_MD.read_text(encoding="utf-8")
    report = build_note_report(read_note(BESLISNOTA_MD), text=text)
    opened = open_page(note_page(fixture_report, "beslisnota-opvang-oekraine-2025"))
    page = opened.page
    for it in report.items:
        if it.evidence is None:
            continue
        marked = page.evaluate(
            "(id) => { const a = document.getElementById(id); const m = a && a.closest('mark');"
            " return m ? Array.from(document.querySelectorAll('mark')).filter(x => (x.dataset.items || '')"
            ".split(' ').includes(id.slice(4))).map(x => x.textContent).join('') : null; }", it.anchor)
        assert marked is not None, f"no mark for {it.key}"
        start, end = report.text.located[it.key]
        assert " ".join(text[start:end].split()) in " ".join(marked.split())
    click_row_and_check(page, "kenmerk")
    click_row_and_check(page, report.items[-1].key)
    page.screenshot(path=str(artifacts_dir / "review-beslisnota-md.png"))
    assert_clean(opened)


# --- the index ---------------------------------------------------------------------------------

def _dates(page) -> list[str]:
    return page.eval_on_selector_all("table.notes tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.date)")


def test_index_sorts_by_date_and_filters_warnings(open_page, tmp_path, make_note, artifacts_dir):
    out = tmp_path / "report"
    dates = [dt.date(2024, 3, 1), dt.date(2023, 1, 15), None, dt.date(2025, 6, 30), dt.date(2024, 11, 2)]
    with ReviewWriter(out, lang="en") as writer:
        for i, d in enumerate(dates):
            changes = {"date": d, "dates": []}
            if i == 1:
                changes["title"] = None            # a missing title: one warning
            writer.add(make_note(f"nota-{i}.pdf", **changes))
    opened = open_page(out / "index.html")
    page = opened.page
    assert page.is_visible("#only-warnings")
    original = _dates(page)
    header = page.locator("th[data-sort=date] button")
    header.click()
    assert _dates(page) == ["2023-01-15", "2024-03-01", "2024-11-02", "2025-06-30", ""]
    assert page.get_attribute("th[data-sort=date]", "aria-sort") == "ascending"
    header.click()
    assert _dates(page) == ["2025-06-30", "2024-11-02", "2024-03-01", "2023-01-15", ""]
    assert page.get_attribute("th[data-sort=date]", "aria-sort") == "descending"
    assert sorted(original) == sorted(_dates(page))
    # keyboard: focus the sort button of another column and press Enter
    page.focus("th[data-sort=warnings] button")
    page.keyboard.press("Enter")
    assert page.get_attribute("th[data-sort=warnings]", "aria-sort") == "ascending"
    assert page.get_attribute("th[data-sort=date]", "aria-sort") is None
    # the filter: notes without warnings hide; the count is announced
    page.check("#only-warnings")
    visible = page.eval_on_selector_all("table.notes tbody tr:not([hidden])", "rows => rows.map(r => r.dataset.file)")
    assert sorted(visible) == ["nota-1.pdf", "nota-2.pdf"]     # no title; no date
    assert page.text_content("#shown-status") == "2 of 5 documents shown"
    page.screenshot(path=str(artifacts_dir / "review-index-filtered.png"), full_page=True)
    page.uncheck("#only-warnings")
    assert len(_dates(page)) == 5
    # the chart has a text alternative
    assert page.get_attribute("svg.chart", "role") == "img"
    assert "Bar chart" in page.text_content("svg.chart desc")
    assert_clean(opened)


def test_fixture_index_opens_and_links_to_every_note(open_page, fixture_report, artifacts_dir):
    opened = open_page(fixture_report / "index.html")
    page = opened.page
    hrefs = page.eval_on_selector_all("table.notes tbody a", "as => as.map(a => a.href)")
    assert len(hrefs) == 4
    page.screenshot(path=str(artifacts_dir / "review-index.png"), full_page=True)
    assert_clean(opened)
    page.click("table.notes tbody tr:first-child a")
    page.wait_for_load_state("load")
    assert page.url.startswith("file://") and "/notes/" in page.url


# --- runners-up (issue 12) -----------------------------------------------------------------------

from review_cases import close_call, extract_for_review  # noqa: E402

#: ids of the runner-up boxes the browser draws (hidden ones have no client rects)
SHOWN_ALT_JS = ("() => Array.from(document.querySelectorAll('a.box.alt'))"
                ".filter(b => b.getClientRects().length > 0).map(b => b.id)")
BORDER_JS = "(id) => getComputedStyle(document.getElementById(id)).borderTopStyle"


def runner_up_boxes(report) -> list:
    return [p for w in report.why for p in w.runners_up if p.has_box]


def test_runners_up_are_folded_unfold_on_click_and_show_their_boxes(open_page, fixture_report, artifacts_dir):
    note, explained = extract_for_review(BESLISNOTA_PDF)
    report = build_note_report(note, explained=explained)
    opened = open_page(note_page(fixture_report, "beslisnota-twee-paginas"))
    page = opened.page
    # folded: every field's runners-up and their boxes hidden
    assert page.locator("details.cands").count() == sum(1 for w in report.why if w.runners_up) >= 5
    assert page.evaluate("Array.from(document.querySelectorAll('details.cands')).every(d => !d.open)")
    assert not page.is_visible("#cand-kenmerk-c2")
    assert page.locator("a.box.alt").count() == len(runner_up_boxes(report)) >= 10
    assert page.evaluate(SHOWN_ALT_JS) == []
    # the winner's rule, score and why are visible without unfolding
    summary = page.text_content("#why-kenmerk summary")
    assert "label:reference" in summary and "0.95" in summary and "ook overwogen: 1" in summary
    # unfold kenmerk: its runner-up (the colofon repeated on page 2) and its dashed box, nothing else
    page.click("#why-kenmerk summary")
    assert page.is_visible("#cand-kenmerk-c2") and "label:reference" in page.text_content("#cand-kenmerk-c2")
    page.wait_for_function("document.getElementById('box-kenmerk-c2').getClientRects().length > 0")
    assert page.evaluate(SHOWN_ALT_JS) == ["box-kenmerk-c2"]
    assert page.evaluate(BORDER_JS, "box-kenmerk-c2") == "dashed"
    assert page.evaluate(BORDER_JS, "box-kenmerk") == "solid"
    # its link brings the box into view and marks both
    page.click("#cand-kenmerk-c2 a.alt-goto")
    pos = page.evaluate(IN_VIEW_JS, "box-kenmerk-c2")
    assert 0 <= pos["top"] and pos["bottom"] <= pos["vh"] and pos["active"], pos
    assert page.evaluate("location.hash") == "#box-kenmerk-c2"
    assert "is-active" in page.get_attribute("#cand-kenmerk-c2", "class")
    page.screenshot(path=str(artifacts_dir / "review-runner-up-kenmerk.png"))
    # unfold and fold another field: its boxes come and go
    title_boxes = sorted(p.anchor for p in runner_up_boxes(report) if p.field == "title")
    assert title_boxes
    page.click("#why-title summary")
    page.wait_for_function(f"document.getElementById('{title_boxes[0]}').getClientRects().length > 0")
    assert set(title_boxes) <= set(page.evaluate(SHOWN_ALT_JS))
    page.click("#why-title summary")
    page.wait_for_function(f"document.getElementById('{title_boxes[0]}').getClientRects().length === 0")
    assert not set(title_boxes) & set(page.evaluate(SHOWN_ALT_JS))
    # every runner-up box sits where its bbox maps on the page image
    page.evaluate("document.querySelectorAll('details.cands').forEach(d => { d.open = true; })")
    page.wait_for_function(f"document.querySelectorAll('a.box.alt').length === {len(runner_up_boxes(report))} && "
                           "Array.from(document.querySelectorAll('a.box.alt')).every(b => b.getClientRects().length)")
    assert check_boxes(page, report, runner_up_boxes(report), "a.box.alt") == len(runner_up_boxes(report))
    page.screenshot(path=str(artifacts_dir / "review-runners-up-all.png"), full_page=True)
    assert_clean(opened)


def test_a_close_call_links_to_its_runners_up_and_the_index_sorts_by_it(open_page, tmp_path, make_note,
                                                                         artifacts_dir):
    out = tmp_path / "report"
    data = BESLISNOTA_PDF.read_bytes()          # the hand-made boxes drawn on the sample's first page
    with ReviewWriter(out, lang="en") as writer:
        writer.add(make_note("clear.pdf"), "clear.pdf", data, close_call(0.9, 0.4))
        close = writer.add(make_note("close.pdf"), "close.pdf", data, close_call(0.9, 0.85))
    opened = open_page(note_page(out, "close"))
    page = opened.page
    assert not page.evaluate("document.getElementById('why-kenmerk').open")
    page.click('ul.issues a[data-why="kenmerk"]')
    assert page.evaluate("document.getElementById('why-kenmerk').open")
    assert page.is_visible("#cand-kenmerk-c2.close") and "XYZ/999" in page.text_content("#cand-kenmerk-c2")
    page.wait_for_function("document.getElementById('box-kenmerk-c2').getClientRects().length > 0")
    [runner_up] = runner_up_boxes(close)
    check_boxes(page, close, [runner_up], "a.box.alt")
    page.screenshot(path=str(artifacts_dir / "review-close-call.png"))
    assert_clean(opened)
    opened = open_page(out / "index.html")
    page = opened.page
    header = page.locator("th[data-sort=close] button")
    header.click()
    header.click()
    assert page.get_attribute("th[data-sort=close]", "aria-sort") == "descending"
    files = page.eval_on_selector_all("table.notes tbody tr",
                                      "rows => rows.map(r => [r.dataset.file, r.dataset.close])")
    assert files == [["close.pdf", "1"], ["clear.pdf", "0"]]
    assert_clean(opened)
