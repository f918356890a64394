"""Boxes on their words: the report's one conversion (`review_geometry.PageFrame`) against pdfium's own
(`FPDF_PageToDevice`) and against the ink of the words, for pages with a media box away from the origin,
a crop box, /Rotate 90 and 270, and a scan read by OCR (`page_fixtures.py`)."""
from __future__ import annotations

import shutil

import pytest
from page_fixtures import VARIANTS, drawn_words, expected_pixels, ink_box, variant_pdf  # noqa: E402 (same folder)

from kenmerk.extract import BBox, ReadLimits, read_bytes
from kenmerk.output.cli import main
from kenmerk.output.review_geometry import page_frame

BORN_DIGITAL = [name for name, v in VARIANTS.items() if not v.scan]


@pytest.mark.parametrize("name", BORN_DIGITAL)
def test_the_frame_puts_every_line_where_pdfium_draws_its_word(make_fixtures_module, name):
    import pypdfium2 as pdfium

    variant = VARIANTS[name]
    data = variant_pdf(make_fixtures_module, variant)
    layout, _ = read_bytes(data, f"{name}.pdf", ReadLimits(ocr="never"))
    words = {w.text: w for w in drawn_words(make_fixtures_module)}
    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[0]
        bitmap = page.render(scale=1.25)
        width, height = bitmap.width, bitmap.height
        frame = page_frame(page, width, height)
        compared = 0
        for line in layout.pages[0].lines:
            word = words.get(line.text)
            if word is None:
                continue
            left, top, right, bottom = expected_pixels(page, variant, word, width, height)
            x, y, w, h = frame.to_pixels(BBox(x0=line.x0, y0=line.y0, x1=line.x1, y1=line.y1))
            assert x == pytest.approx(left, abs=0.5) and x + w == pytest.approx(right, abs=0.5), line.text
            # a reader's box runs from the font's descent to one font size above it; the font's box is inside
            assert y <= top + 0.5 and y + h >= bottom - 0.5, line.text
            assert y + h == pytest.approx(bottom, abs=0.5), line.text        # both start at the descent
            compared += 1
        assert compared >= 10
    finally:
        pdf.close()


@pytest.fixture(scope="module")
def variant_report(make_fixtures_module, tmp_path_factory):
    """`kenmerk review` of the fixture page in every geometry (the scan only when Tesseract is there)."""
    src = tmp_path_factory.mktemp("variants")
    names = [n for n, v in VARIANTS.items() if not v.scan or shutil.which("tesseract")]
    pdfs = {}
    for name in names:
        pdfs[name] = variant_pdf(make_fixtures_module, VARIANTS[name])
        (src / f"{name}.pdf").write_bytes(pdfs[name])
    out = tmp_path_factory.mktemp("variants-report")
    assert main(["review", str(src), "-o", str(out), "-q", "--jobs", "2"]) == 0
    return out, pdfs


#: each winner's box: its content rect (the evidence box: inside its border and padding) on the page image
BOXES_JS = """
() => {
  const img = document.querySelector('#page-1 img'), i = img.getBoundingClientRect();
  return {img: {width: i.width, height: i.height},
          boxes: Array.from(document.querySelectorAll('#page-1 a.box:not(.alt)')).map(b => {
    const r = b.getBoundingClientRect(), cs = getComputedStyle(b);
    const inset = side => parseFloat(cs['border' + side + 'Width']) + parseFloat(cs['padding' + side]);
    return {id: b.id, left: r.left + inset('Left') - i.left, top: r.top + inset('Top') - i.top,
            right: r.right - inset('Right') - i.left, bottom: r.bottom - inset('Bottom') - i.top};
  })};
}
"""


@pytest.mark.parametrize("name", list(VARIANTS))
def test_each_box_covers_its_words_within_one_pixel(variant_report, open_page, make_fixtures_module, name):
    """In Chromium, each box's rectangle (from the DOM) covers the ink of the words it stands on within 1 px and
    reaches no further than their font's box (plus a third of the font size); Woo grounds stand on a redaction
    stamp, not on drawn words, and are left out."""
    import pypdfium2 as pdfium

    out, pdfs = variant_report
    if name not in pdfs:
        pytest.skip("no tesseract: the scan is not read")
    variant = VARIANTS[name]
    opened = open_page(out / "notes" / f"{name}.html")
    opened.page.wait_for_function("Array.from(document.images).every(i => i.complete && i.naturalWidth > 0)")
    dom = opened.page.evaluate(BOXES_JS)
    pdf = pdfium.PdfDocument(pdfs[name])
    page = pdf[0]
    try:
        fine = 4 * dom["img"]["width"] / page.get_width()        # render 4x the displayed size: sub-pixel ink
        bitmap = page.render(scale=fine, grayscale=True)
        image = bitmap.to_pil().convert("L")
        width, height = bitmap.width, bitmap.height
        per_px = width / dom["img"]["width"]                      # rendered pixels per displayed pixel
        pt_px = dom["img"]["width"] / page.get_width()            # displayed pixels per point
        words = []
        for word in drawn_words(make_fixtures_module):
            font = expected_pixels(page, variant, word, width, height)
            ink = ink_box(image, font)
            if ink is not None:
                words.append((word, [v / per_px for v in font], [v / per_px for v in ink]))
    finally:
        pdf.close()
    checked = 0
    for box in dom["boxes"]:
        if box["id"].startswith("box-woo_grounds"):
            continue
        mine = []
        for word, font, ink in words:
            inside_w = min(ink[2], box["right"]) - max(ink[0], box["left"])
            inside_h = min(ink[3], box["bottom"]) - max(ink[1], box["top"])
            if inside_w > 0 and inside_h > 0 and inside_w * inside_h >= 0.5 * (ink[2] - ink[0]) * (ink[3] - ink[1]):
                mine.append((word, font, ink))
        assert mine, f"{name}: {box['id']} stands on no drawn word: {box}"
        for word, _, ink in mine:
            assert box["left"] <= ink[0] + 1 and box["top"] <= ink[1] + 1, (name, box["id"], word.text, box, ink)
            assert box["right"] >= ink[2] - 1 and box["bottom"] >= ink[3] - 1, (name, box["id"], word.text, box, ink)
        slack = max(w.size for w, _, _ in mine) / 3 * pt_px + 1
        assert box["left"] >= min(f[0] for _, f, _ in mine) - slack, (name, box["id"], box)
        assert box["top"] >= min(f[1] for _, f, _ in mine) - slack, (name, box["id"], box)
        assert box["right"] <= max(f[2] for _, f, _ in mine) + slack, (name, box["id"], box)
        assert box["bottom"] <= max(f[3] for _, f, _ in mine) + slack, (name, box["id"], box)
        checked += 1
    assert checked >= 5, (name, dom["boxes"])
    assert opened.errors == []
