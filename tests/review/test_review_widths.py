"""Readable at every width, in headless Chromium: identifiers never break inside, headers break only between
words, no page scrolls sideways from 1,000 px down to a phone's width; the month chart is drawn to scale with
readable bars and axis labels."""
from __future__ import annotations

import datetime as dt

import pytest
from test_review_browser import note_page  # noqa: E402 (same folder)

from kenmerk.output.review import IndexEntry, build_index
from kenmerk.output.review_html import render_index

WIDTHS = [1000, 768, 375]
SETTLE_JS = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"

#: words (of headers) and identifiers set on more than one line: a Range over each gives rects on other rows
BROKEN_JS = """
() => {
  const rows = node => {
    const out = [];
    const text = node.textContent;
    const re = /\\S+/g;
    let m;
    while ((m = re.exec(text))) {
      const r = document.createRange();
      r.setStart(node, m.index);
      r.setEnd(node, m.index + m[0].length);
      const tops = new Set(Array.from(r.getClientRects()).filter(x => x.width > 0).map(x => Math.round(x.bottom)));
      if (tops.size > 1) out.push(m[0]);
    }
    return out;
  };
  const textNodes = el => {
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const out = [];
    while (walk.nextNode()) out.push(walk.currentNode);
    return out;
  };
  const shown = el => el.getClientRects().length > 0;
  const headers = Array.from(document.querySelectorAll(
      'thead th, table.fields th[scope=row], table.counts th, h1, h2')).filter(shown);
  const broken = headers.flatMap(h => textNodes(h).flatMap(rows));
  const idents = Array.from(document.querySelectorAll('.ident')).filter(shown);
  const split = idents.filter(el => {
    const r = document.createRange();
    r.selectNodeContents(el);
    return new Set(Array.from(r.getClientRects()).filter(x => x.width > 0).map(x => Math.round(x.bottom))).size > 1;
  }).map(el => el.textContent);
  return {broken, split, idents: idents.length, headers: headers.length,
          overflow: document.documentElement.scrollWidth - window.innerWidth};
}
"""


@pytest.mark.parametrize("width", WIDTHS)
def test_identifiers_and_headers_never_break_inside_and_nothing_scrolls_sideways(open_page, fixture_report, width):
    for path in (note_page(fixture_report, "beslisnota-twee-paginas"), note_page(fixture_report, "fixture-brief-adresblok"),
                 fixture_report / "index.html"):
        opened = open_page(path)
        opened.page.set_viewport_size({"width": width, "height": 900})
        opened.page.evaluate(SETTLE_JS)                 # the labels are placed again for the new width
        found = opened.page.evaluate(BROKEN_JS)
        assert found["headers"] >= 5 and found["idents"] >= 1, found
        assert found["broken"] == [], (path.name, width, found)
        assert found["split"] == [], (path.name, width, found)
        assert found["overflow"] <= 1, (path.name, width, found)
        assert opened.errors == []
        opened.close()


def _entry(i: int, day: dt.date) -> IndexEntry:
    return IndexEntry(slug=f"n{i}", name=f"n{i}.pdf", document_type="beslisnota", date=day, kenmerk=f"K/{i}",
                      title="Een nota", language="nl", fields_found=("title", "date"), warnings=0, close_calls=0)


#: the chart as drawn: the SVG's size against its viewBox, its texts' boxes and sizes, its bars
CHART_JS = """
() => {
  const svg = document.querySelector('svg.chart'), r = svg.getBoundingClientRect();
  const box = el => { const b = el.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
  return {
    width: r.width, height: r.height, viewBox: [svg.viewBox.baseVal.width, svg.viewBox.baseVal.height],
    texts: Array.from(svg.querySelectorAll('text')).map(t => ({cls: t.getAttribute('class'), text: t.textContent,
      size: parseFloat(getComputedStyle(t).fontSize), box: box(t)})),
    bars: Array.from(svg.querySelectorAll('rect.bar')).map(b => ({count: +b.dataset.count,
      width: b.getBoundingClientRect().width, height: b.getBoundingClientRect().height})),
    overflow: document.documentElement.scrollWidth - window.innerWidth,
  };
}
"""


@pytest.mark.parametrize("months,width", [(14, 1000), (60, 1000), (14, 375)])
def test_the_month_chart_is_drawn_to_scale_and_readable(open_page, tmp_path, months, width):
    entries = []
    start = dt.date(2020, 3, 1)
    for m in range(months):
        day = dt.date(start.year + (start.month - 1 + m) // 12, (start.month - 1 + m) % 12 + 1, 5)
        entries += [_entry(len(entries) + k, day) for k in range((m * 7) % 11 or (m == 0) * 3)]   # 0 to 10 a month
    index = tmp_path / "index.html"
    index.write_text(render_index(build_index(entries)), encoding="utf-8")
    opened = open_page(index)
    opened.page.set_viewport_size({"width": width, "height": 900})
    chart = opened.page.evaluate(CHART_JS)
    # to scale: drawn at its own size, never shrunk to fit (it scrolls inside its frame instead)
    assert chart["width"] == pytest.approx(chart["viewBox"][0], abs=0.5)
    assert chart["height"] == pytest.approx(chart["viewBox"][1], abs=0.5)
    assert chart["overflow"] <= 1
    # bars: one a month, at least 8 px wide, their heights proportional to the counts
    bars = chart["bars"]
    assert len(bars) == months and min(b["width"] for b in bars) >= 8
    per = max(b["height"] / b["count"] for b in bars if b["count"])
    for b in bars:
        assert b["height"] == pytest.approx(b["count"] * per, abs=0.5)
    # readable: every text 12 px or more; no two texts overlap; a y axis that reaches the highest bar
    texts = chart["texts"]
    assert all(t["size"] >= 12 for t in texts)
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            overlap = (min(a["box"][2], b["box"][2]) - max(a["box"][0], b["box"][0]) > 0.5 and
                       min(a["box"][3], b["box"][3]) - max(a["box"][1], b["box"][1]) > 0.5)
            assert not overlap, (a, b)
    ticks = [int(t["text"]) for t in texts if t["cls"] == "tick"]
    assert ticks[0] == 0 and ticks[-1] >= max(b["count"] for b in bars) and len(ticks) >= 3
    assert sum(1 for t in texts if t["cls"] == "year") >= months // 12
    assert opened.errors == []
