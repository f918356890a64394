"""Render the review report as self-contained HTML: pages as PNG data URIs, inline CSS and JS.

    from kenmerk.output.review_html import ReviewWriter
    with ReviewWriter("report/", lang="nl") as writer:
        writer.add(note, label="nota.pdf", data=pdf_bytes)   # bytes of the input: no re-extraction
        writer.fail("scan.pdf", "no text layer ...")
    # report/index.html and report/notes/<slug>.html, each written atomically

Every value from a document goes through Jinja2's autoescaping (the templates in
`review_assets/` are rendered with `autoescape=True`); only our own CSS and JS are
inserted as they are. Page images are rendered with pypdfium2 (one document opened
per input) at `scale` pixels per PDF point; every box is placed by
`kenmerk.output.review_geometry.PageFrame` (the crop box, the page's rotation and the
image's size taken into account), in % of the image so it stays on its words at any
display size. Labels are placed by the page's script, where they are measured (see
`review_assets/review.js`).

Unless personal data is kept, what `kenmerk.extract.personal.scrub_text` leaves out of a
document is left out of its text view and covered on its page images where the page's
text layer prints it (pages read by OCR have no text layer to find it in).
"""
from __future__ import annotations

import base64
import datetime as dt
import functools
import io
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from kenmerk.extract import BBox, DocumentType, Note, __version__
from kenmerk.output.atomic import write_atomic
from kenmerk.output.review import (
    CLOSE_SCORE,
    EDIT_INPUT,
    FIELD_ORDER,
    IDENTIFIER_FIELDS,
    IndexData,
    NoteReport,
    Proposal,
    ReviewItem,
    TextView,
    build_index,
    build_note_report,
    note_slug,
)
from kenmerk.output.review_explain import Explained
from kenmerk.output.review_geometry import PageFrame, page_frame
from kenmerk.output.review_i18n import Labels, labels
from kenmerk.output.review_share import personal_spans, shareable_name

if TYPE_CHECKING:
    from PIL import Image

__all__ = [
    "CONTRAST_PAIRS",
    "DEFAULT_MAX_PAGES",
    "DEFAULT_SCALE",
    "FIELD_COLOURS",
    "Nav",
    "PALETTE",
    "PageImage",
    "RenderSettings",
    "ReviewWriter",
    "contrast_ratio",
    "note_report",
    "render_failed_page",
    "render_index",
    "render_note_page",
    "render_pdf_pages",
    "timestamp",
    "write_page",
]

DEFAULT_SCALE = 1.25          # pixels per PDF point (90 dpi): readable, small, fast
DEFAULT_MAX_PAGES = 12        # pages shown per note besides those with evidence
MAX_PIXELS = 2400             # longest side of a page image, whatever its size in points

#: colour of each field's box, tag and swatch; white tag text on them passes WCAG AA
FIELD_COLOURS: dict[str, str] = {
    "document_type": "#5b4a8f",
    "title": "#1d5ea8",
    "kenmerk": "#a33a00",
    "date": "#16703a",
    "organisation": "#4a5563",
    "addressee": "#7d3aa0",
    "recommended_decision": "#b0143f",
    "attachments": "#00667a",
    "woo_grounds": "#875d00",
    "identifiers": "#7a4a26",
    "dates": "#3b6600",
    "other": "#3d3d3d",
}

#: the interface colours (CSS custom properties of the same names)
PALETTE: dict[str, str] = {
    "text": "#1b1b1b",
    "bg": "#ffffff",
    "surface": "#f2f4f7",
    "muted": "#595959",
    "border": "#8c9098",
    "link": "#0b57b8",
    "focus": "#0b57b8",
    "tag-text": "#ffffff",
    "accent": "#1d5ea8",
    "highlight": "#ffd400",
    "highlight-soft": "#fff3b0",
    "missing-fg": "#8b1a1a",
    "missing-bg": "#fde8e8",
    "doubtful-fg": "#6b4100",
    "doubtful-bg": "#fff4d6",
    "ok-fg": "#15602f",
    "ok-bg": "#e6f4ea",
    "t-multi": "#ffe9a8",
}

#: the grey that covers personal data on a page image (not the black of a document's own redactions)
REDACTION_GREY = (150, 150, 150)
TINT = 0.2      # share of the field colour in the background of a mark in a text view


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in rgb)


def tint(hex_colour: str, share: float = TINT) -> str:
    """The colour mixed with white: `share` of the colour."""
    r, g, b = (share * c + (1 - share) * 255 for c in _rgb(hex_colour))
    return _hex((r, g, b))


def _luminance(hex_colour: str) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in _rgb(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours (#rrggbb)."""
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _contrast_pairs() -> list[tuple[str, str, float, str]]:
    """(foreground, background, minimum ratio, what) for every colour pair the CSS uses."""
    p = PALETTE
    pairs = [
        (p["text"], p["bg"], 4.5, "body text"),
        (p["text"], p["surface"], 4.5, "text on the header and table heads"),
        (p["muted"], p["bg"], 4.5, "muted text"),
        (p["muted"], p["surface"], 4.5, "muted text on the header"),
        (p["link"], p["bg"], 4.5, "links"),
        (p["link"], p["surface"], 4.5, "sort buttons on table heads"),
        (p["text"], p["highlight-soft"], 4.5, "text of an active table row"),
        (p["link"], p["highlight-soft"], 4.5, "link in an active table row"),
        (p["text"], p["highlight"], 4.5, "text of an active mark"),
        (p["text"], p["t-multi"], 4.5, "text of a mark of several fields"),
        (p["missing-fg"], p["missing-bg"], 4.5, "missing-field messages"),
        (p["doubtful-fg"], p["doubtful-bg"], 4.5, "doubtful-field messages and badges"),
        (p["ok-fg"], p["ok-bg"], 4.5, "'nothing missing' message"),
        (p["focus"], p["bg"], 3.0, "focus ring (non-text)"),
        (p["accent"], p["bg"], 3.0, "chart bars (non-text)"),
        (p["border"], p["bg"], 3.0, "borders (non-text)"),
        (p["text"], p["highlight"], 3.0, "outline of an active box against its halo (non-text)"),
        (p["link"], p["doubtful-bg"], 4.5, "'show on page' link of a close runner-up"),
        (p["muted"], p["doubtful-bg"], 4.5, "muted text in a close runner-up"),
        (p["doubtful-fg"], p["bg"], 4.5, "warning and close-call counts in the index"),
    ]
    for name, colour in FIELD_COLOURS.items():
        pairs.append((p["tag-text"], colour, 4.5, f"tag text on the {name} colour"))
        pairs.append((colour, p["bg"], 3.0, f"{name} box border on a white page (non-text)"))
        pairs.append((p["text"], tint(colour), 4.5, f"text marked as {name}"))
        pairs.append((colour, p["bg"], 4.5, f"runner-up tag text in the {name} colour on white"))
    return pairs


CONTRAST_PAIRS = _contrast_pairs()


def palette_css() -> str:
    """`:root` custom properties and one class per field (`.f-title`) setting its colours."""
    lines = [":root{" + "".join(f"--{k}:{v};" for k, v in PALETTE.items()) + "}"]
    for name, colour in FIELD_COLOURS.items():
        r, g, b = _rgb(colour)
        lines.append(f".f-{name}{{--c:{colour};--t:{tint(colour)};--fill:rgba({r},{g},{b},.10);"
                     f"--fill-strong:rgba({r},{g},{b},.22);}}")
    return "\n".join(lines)


# ---------------------------------------------------------------------------------------------
# assets and templates


def _asset(name: str) -> str:
    return resources.files("kenmerk.output").joinpath("review_assets", name).read_text(encoding="utf-8")


@functools.cache
def _env() -> jinja2.Environment:
    """The template environment, with our own CSS and JS as globals (inlined as they are)."""
    env = jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: _asset(name)),
        autoescape=True,                 # every value is escaped unless it is our own Markup
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["fc"] = lambda name: f"f-{name if name in FIELD_COLOURS else 'other'}"
    env.globals["css"] = Markup(palette_css() + "\n" + _asset("review.css"))
    env.globals["js"] = Markup(_asset("review.js"))
    env.globals["version"] = __version__
    env.globals["identifier_fields"] = IDENTIFIER_FIELDS
    env.globals["edit_input"] = EDIT_INPUT
    env.globals["document_types"] = [d.value for d in DocumentType]
    return env


# ---------------------------------------------------------------------------------------------
# page images


@dataclass(frozen=True)
class RenderSettings:
    """How a report shows its notes (the same for every note of a batch)."""

    lang: str = "nl"
    scale: float = DEFAULT_SCALE
    max_pages: int = DEFAULT_MAX_PAGES
    keep_personal_data: bool = False


@dataclass
class Box:
    """A box on a page image: a value's evidence (`item`), or a runner-up's (`alt`: dashed, shown on demand)."""

    item: ReviewItem | Proposal
    bbox: BBox                # the evidence's box in PDF coordinates
    left: float               # % of the image
    top: float
    width: float
    height: float
    tag: str = ""
    show_tag: bool = True     # boxes on one spot share the first one's tag
    number: int = 0           # the tag's number in the page's legend (when it has no room of its own)
    alt: bool = False

    @property
    def derived(self) -> bool:
        return getattr(self.item, "derived", False)


@dataclass
class PageImage:
    """A rendered page: where it shows evidence coordinates, the image as a data URI, and the boxes on it."""

    number: int
    frame: PageFrame
    data_uri: str
    boxes: list[Box] = field(default_factory=list)
    alt: str = ""
    redacted: int = 0          # pieces of personal data covered

    @property
    def legend(self) -> list[Box]:
        return [b for b in self.boxes if b.number]


def pages_to_render(report: NoteReport, page_count: int, max_pages: int = DEFAULT_MAX_PAGES) -> list[int]:
    """Pages with evidence, and the first `max_pages` pages; never beyond `page_count`."""
    wanted = set(range(1, min(page_count, max_pages) + 1)) | set(report.evidence_pages())
    return sorted(p for p in wanted if 1 <= p <= page_count)


def render_pdf_pages(data: bytes, report: NoteReport, settings: RenderSettings = RenderSettings(),
                     ) -> tuple[list[PageImage], int]:
    """Render the pages a note's report shows, with their boxes; returns (pages, pages left out).

    Marks the items whose value is not printed in their box as `derived`; covers personal data
    unless `settings.keep_personal_data`."""
    import pypdfium2 as pdfium

    t = labels(report.lang)
    pdf = pdfium.PdfDocument(data)
    try:
        count = len(pdf)
        numbers = pages_to_render(report, count, settings.max_pages)
        hidden = {} if settings.keep_personal_data else _personal_chars(pdf)
        images = []
        for number in numbers:
            page = pdf[number - 1]
            textpage = page.get_textpage()
            try:
                images.append(_render_page(page, textpage, number, settings.scale, hidden.get(number - 1, [])))
                _mark_derived(report, number, textpage, images[-1].frame)
            finally:
                textpage.close()
                page.close()
    finally:
        pdf.close()
    for img in images:
        _place_boxes(img, report, t, count)
    return images, count - len(images)


def _page_text(textpage: Any) -> str:  # pypdfium2 PdfTextPage, as the others below
    """The text of a page, one character per character index of pdfium's text page."""
    n = textpage.count_chars()
    text = textpage.get_text_range(0, n) if n else ""
    if len(text) != n:  # characters outside the BMP: ask each one
        import pypdfium2.raw as pdfium_c

        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFD) for i in range(n))
    return text


def _personal_chars(pdf: Any) -> dict[int, list[int]]:
    """Per page (0-based), the character indexes of its text layer that hold personal data; the whole
    document's text is searched at once, so a name in one page's e-mail header is found on the next."""
    texts = []
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        try:
            texts.append(_page_text(textpage))
        finally:
            textpage.close()
            page.close()
    joined = "\n".join(texts)
    starts = []
    at = 0
    for text in texts:
        starts.append(at)
        at += len(text) + 1
    found: dict[int, list[int]] = {}
    page = 0
    for start, end in personal_spans(joined):
        for pos in range(start, end):
            while page + 1 < len(starts) and starts[page + 1] <= pos:
                page += 1
            local = pos - starts[page]
            if local < len(texts[page]) and not texts[page][local].isspace():
                found.setdefault(page, []).append(local)
    return found


def _render_page(page: Any, textpage: Any, number: int, scale: float, hidden: list[int]) -> PageImage:
    width, height = page.get_size()
    s = min(scale, MAX_PIXELS / max(width, height, 1.0))
    bitmap = page.render(scale=s)
    try:
        image = bitmap.to_pil()
    finally:
        bitmap.close()
    frame = page_frame(page, image.width, image.height)
    covered = _cover(image, frame, textpage, hidden) if hidden else 0
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=3)
    uri = "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
    return PageImage(number=number, frame=frame, data_uri=uri, redacted=covered)


def _cover(image: Image.Image, frame: PageFrame, textpage: Any, chars: list[int]) -> int:
    """Cover the characters `chars` of the page in grey, a run of them on one line at a time; returns the runs."""
    from PIL import ImageDraw

    draw = ImageDraw.Draw(image)
    runs: list[list[float]] = []
    last = -2
    for i in chars:
        left, top, width, height = frame.user_to_pixels(textpage.get_charbox(i, loose=True))
        box = [left - 1, top - 1, left + width + 1, top + height + 1]
        run = runs[-1] if runs and i == last + 1 else None
        if run is not None and box[1] < run[3] and run[1] < box[3]:  # next to it on the same line
            run[:] = [min(run[0], box[0]), min(run[1], box[1]), max(run[2], box[2]), max(run[3], box[3])]
        else:
            runs.append(box)
        last = i
    for run in runs:
        draw.rectangle(run, fill=REDACTION_GREY)
    return len(runs)


def _squash(text: str) -> str:
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def _words(text: str) -> Counter[str]:
    return Counter(re.findall(r"\w+", text.casefold()))


def _printed_there(said: str, printed: str) -> bool:
    """Whether a box that prints `printed` shows the evidence text `said`: all of it (its lines in any
    order: "Geacht college, Hoogachtend,"), or a part of it (a long title's first line); a word broken
    over two lines counts."""
    if _squash(said) in _squash(printed) or _squash(printed) in _squash(said):
        return True
    said_words, printed_words = _words(said), _words(printed)
    return not said_words - printed_words or not printed_words - said_words


def _mark_derived(report: NoteReport, number: int, textpage: Any, frame: PageFrame) -> None:
    """Mark the items of page `number` whose evidence text is not what the page prints in their box
    (`_printed_there`): a value inferred from a line, such as an organisation from the kenmerk's prefix,
    or a box on the wrong line. Pages without a text layer (read by OCR) are not judged."""
    if textpage.count_chars() == 0:
        return
    for it in report.items:
        ev = it.evidence
        if ev is not None and ev.bbox is not None and ev.page == number and not ev.ocr:
            left, bottom, right, top = frame.user_rect(ev.bbox)
            printed = textpage.get_text_bounded(left=left - 1, bottom=bottom - 1, right=right + 1, top=top + 1)
            it.derived = bool(_squash(printed)) and not _printed_there(ev.text, printed)


def _box_on(item: ReviewItem | Proposal, page: int) -> BBox | None:
    """The box of `item`'s evidence when it was read on page `page` (`has_box` there), else None."""
    ev = item.evidence
    return ev.bbox if ev is not None and ev.page == page else None


def _box(img: PageImage, item: ReviewItem | Proposal, bbox: BBox, alt: bool = False) -> Box:
    """The box `bbox` of `item`'s evidence on the page image, in % of the image."""
    left, top, width, height = img.frame.to_percent(bbox)
    return Box(item=item, bbox=bbox, alt=alt, left=left, top=top, width=width, height=height)


def _spot(box: Box) -> tuple[int, int, int, int]:
    b = box.bbox
    return round(b.x0), round(b.y0), round(b.x1), round(b.y1)


def _place_runners_up(img: PageImage, report: NoteReport, t: Labels) -> None:
    """Dashed boxes of the runners-up read on this page; those of one field on one spot share a tag."""
    for why in report.why:
        spots: dict[tuple[int, int, int, int], list[tuple[Proposal, Box]]] = {}
        for p in why.runners_up:
            if (bbox := _box_on(p, img.number)) is not None:
                box = _box(img, p, bbox, alt=True)
                img.boxes.append(box)
                spots.setdefault(_spot(box), []).append((p, box))
        for same in spots.values():
            same[0][1].tag = t("runner_up_tag", field=why.label, ranks=" ".join(f"#{p.rank}" for p, _ in same))
            for _, bx in same[1:]:
                bx.show_tag = False


def _place_boxes(img: PageImage, report: NoteReport, t: Labels, page_count: int) -> None:
    """The boxes of a page: one per item read there (boxes on one spot share a tag), then the runners-up'.
    Each tag gets a number for the page's legend; the script decides where it goes."""
    groups: dict[tuple[int, int, int, int], list[Box]] = {}
    for it in report.items:
        if (bbox := _box_on(it, img.number)) is not None:
            box = _box(img, it, bbox)
            img.boxes.append(box)
            groups.setdefault(_spot(box), []).append(box)
    for same in groups.values():
        names = [t("derived_tag", label=bx.item.label) if bx.derived else bx.item.label for bx in same]
        same[0].tag = " · ".join(dict.fromkeys(names))
        for bx in same[1:]:
            bx.show_tag = False
    marked = list(dict.fromkeys(bx.item.label for bx in img.boxes))
    _place_runners_up(img, report, t)
    for n, box in enumerate((b for b in img.boxes if b.show_tag), start=1):
        box.number = n
    name = report.label
    if marked:
        img.alt = t("page_alt", page=img.number, pages=page_count, name=name, fields=", ".join(marked))
    else:
        img.alt = t("page_alt_none", page=img.number, pages=page_count, name=name)


# ---------------------------------------------------------------------------------------------
# text inputs


@dataclass
class _Segment:
    text: str
    keys: tuple[str, ...]
    starts: list[str]
    labels: list[tuple[str, str]]   # (label, field) of the items starting here
    field: str


def _text_segments(view: TextView, items: list[ReviewItem]) -> list[_Segment]:
    by_key = {it.key: it for it in items}
    out = []
    for i, (text, keys) in enumerate(view.segments):
        starts = view.starts.get(i, [])
        lbls = list(dict.fromkeys((by_key[k].label, by_key[k].field) for k in starts))
        fld = by_key[keys[0]].field if keys else ""
        out.append(_Segment(text=text, keys=keys, starts=starts, labels=lbls, field=fld))
    return out


# ---------------------------------------------------------------------------------------------
# pages


@dataclass(frozen=True)
class Nav:
    """The neighbours of a note's page in the report: (page stem, name shown) of the previous and next."""

    prev: tuple[str, str] | None = None
    next: tuple[str, str] | None = None


def timestamp() -> str:
    """When a report is made, as its footer says (local time, to the minute)."""
    return dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")


def render_note_page(report: NoteReport, pages: list[PageImage] | None, *, omitted: int = 0,
                     nav: Nav = Nav(), index_href: str = "../index.html", generated: str | None = None) -> str:
    """The HTML of one note's page; `pages` None for a text input (its text is shown)."""
    t = labels(report.lang)
    if pages is not None:
        marked = {bx.item.key for p in pages for bx in p.boxes if not bx.alt}
        segments = []
    else:
        marked = set(report.text.located) if report.text else set()
        segments = _text_segments(report.text, report.items) if report.text else []
    return _env().get_template("note.html.j2").render(
        lang=report.lang, t=t, r=report, pages=pages, omitted=omitted, segments=segments, marked=marked,
        page_count=report.note.source.page_count or (len(pages) if pages else 0),
        drawn={bx.item.key for p in pages or [] for bx in p.boxes if bx.alt}, close_margin=f"{CLOSE_SCORE:.2f}",
        redacted=sum(p.redacted for p in pages or []), nav=nav, index_href=index_href,
        generated=generated or timestamp())


def render_failed_page(name: str, reason: str, *, lang: str = "nl", nav: Nav = Nav(),
                       generated: str | None = None) -> str:
    """The page of an input that could not be read (so the neighbours' links lead somewhere)."""
    return _env().get_template("failed.html.j2").render(
        lang=lang, t=labels(lang), name=name, reason=reason, nav=nav, index_href="../index.html",
        generated=generated or timestamp())


#: the month chart, in pixels: drawn at this size (scrolled sideways when wider than the screen, never
#: shrunk, so its 12 px text stays readable); a month's label needs `label_px`, a year's `year_px`
CHART = {"left": 44, "top": 36, "plot": 160, "bottom": 44, "right": 16, "bar": 18, "gap": 8, "min_pitch": 12,
         "label_px": 26, "year_px": 36, "ticks": 4}


def _ticks(peak: int, most: int) -> list[int]:
    """Round steps (1, 2, 5, 10, 20, 50, ...) from 0 to at least `peak` for the y axis, at most `most` steps."""
    step = 1
    steps = (2, 5, 10)
    while -(-peak // step) > most:
        base = step
        for factor in steps:
            step = base * factor
            if -(-peak // step) <= most:
                break
    return list(range(0, (-(-peak // step) or 1) * step + 1, step))


def _chart(data: IndexData, t: Labels) -> dict | None:
    """The month chart to scale: bar heights proportional to the counts on a labelled y axis, a month
    label under each bar where there is room (else under each January), the year under each January."""
    months = data.month_counts
    if not months:
        return None
    c = CHART
    n = len(months)
    pitch = c["bar"] + c["gap"] if n <= 36 else c["min_pitch"]
    bar_w = pitch - (c["gap"] if n <= 36 else 3)
    ticks = _ticks(max(count for _, count in months) or 1, c["ticks"])
    per = c["plot"] / ticks[-1]
    base = c["top"] + c["plot"]
    every_month = pitch >= c["label_px"]
    bars = []
    for i, ((y, m), count) in enumerate(months):
        x = c["left"] + c["gap"] / 2 + i * pitch
        h = round(count * per, 2)
        first_year = i == 0 and (13 - m) * pitch >= c["year_px"]
        bars.append({"x": x, "y": round(base - h, 2), "w": bar_w, "h": h, "count": count,
                     "label": t.month(y, m), "month": t.month(y, m).split(" ")[0] if every_month or m == 1 else "",
                     "year": str(y) if m == 1 or first_year else ""})
    width = c["left"] + n * pitch + c["gap"] + c["right"]
    (fy, fm), (ly, lm) = months[0][0], months[-1][0]
    return {"width": round(width), "height": base + c["bottom"], "left": c["left"], "top": c["top"], "base": base,
            "bars": bars, "counts": bar_w >= 16, "ticks": [{"value": v, "y": round(base - v * per, 2)} for v in ticks],
            "desc": t("chart_desc", first=t.month(fy, fm), last=t.month(ly, lm))}


@dataclass
class _Column:
    key: str
    label: str
    numeric: bool = False


def render_index(data: IndexData, *, lang: str = "nl", generated: str | None = None) -> str:
    """The HTML of the index page of a batch."""
    t = labels(lang)
    columns = [
        _Column("file", t("col_file")), _Column("type", t("col_type")), _Column("date", t("col_date")),
        _Column("kenmerk", t("col_kenmerk")), _Column("title", t("col_title")),
        _Column("fields", t("col_fields"), True), _Column("warnings", t("col_warnings"), True),
        _Column("close", t("col_close"), True),
    ]
    rows = [{
        "slug": e.slug, "file": e.name, "type": e.document_type,
        "date": e.date.isoformat() if e.date else "", "kenmerk": e.kenmerk or "",
        "title": e.title or "", "fields": len(e.fields_found), "warnings": e.warnings,
        "close": e.close_calls if e.close_calls is not None else "", "lang": e.language,
    } for e in data.entries]
    total = max(data.total, 1)
    field_rows = [{"label": t.field(name, plural=True), "count": count, "percent": round(count / total * 100, 1)}
                  for name, count in data.field_counts]
    heading = t("index_heading_one") if data.total == 1 else t("index_heading", count=data.total)
    return _env().get_template("index.html.j2").render(
        lang=lang, t=t, data=data, rows=rows, columns=columns, field_rows=field_rows,
        field_total=len(FIELD_ORDER), chart=_chart(data, t), heading=heading, generated=generated or timestamp())


# ---------------------------------------------------------------------------------------------
# writing


def write_page(path: Path, text: str) -> None:
    """Write atomically, readable as an ordinary file is (`write_atomic` honours the umask: a report is shared)."""
    write_atomic(path, text.encode("utf-8"))


def note_report(note: Note, name: str, slug: str, data: bytes | None, explained: Explained | None,
                settings: RenderSettings) -> tuple[NoteReport, list[PageImage] | None, int]:
    """A note's report and its rendered pages (None for a text input) and the pages left out."""
    text = None
    if note.source.media_type != "application/pdf" and data is not None:
        from kenmerk.extract.personal import scrub_text
        from kenmerk.extract.reader import shown_text

        text = shown_text(data, name)  # a text input as decoded; an e-mail or Word document as the lines read
        if text is not None and not settings.keep_personal_data:
            text = scrub_text(text)
    report = build_note_report(note, name, lang=settings.lang, text=text, slug=slug, explained=explained)
    if not report.is_pdf:
        return report, None, 0
    from kenmerk.extract.reader import pages_pdf

    pdf = pages_pdf(data, name) if data is not None else None  # an image's pages as a PDF
    if pdf is None:  # no bytes given, or bytes without pages (not what the note's media type says)
        return report, [], 0
    pages, omitted = render_pdf_pages(pdf, report, settings)
    return report, pages, omitted


class ReviewWriter:
    """Write a report folder in this process: one page per note as notes come in, the index at `close()`.

    A note's page is written once the next note is known (for its "next" link), so at
    most one note's page images are held in memory. Inputs are named by their file name
    (`kenmerk.output.review_share.shareable_name`), never by a path of this machine.
    """

    def __init__(self, out_dir: str | os.PathLike[str], *, lang: str = "nl", scale: float = DEFAULT_SCALE,
                 max_pages: int = DEFAULT_MAX_PAGES, keep_personal_data: bool = False) -> None:
        labels(lang)  # unknown language: ValueError now, not after the first note
        self.out = Path(out_dir)
        self.settings = RenderSettings(lang=lang, scale=scale, max_pages=max_pages,
                                       keep_personal_data=keep_personal_data)
        self.reports: list[NoteReport] = []
        self.failed: list[tuple[str, str]] = []
        self.generated = timestamp()
        self._pending: tuple[NoteReport, list[PageImage] | None, int] | None = None
        self._prev: NoteReport | None = None
        self._slugs: set[str] = set()

    def add(self, note: Note, label: str | None = None, data: bytes | None = None,
            explained: Explained | None = None) -> NoteReport:
        """Add one note; `data` is the input's bytes (a PDF is rendered from them, a text shown);
        `explained` its candidates (`kenmerk.output.review_explain.explain_for_review`)."""
        name = shareable_name(label) if label else note.source.file_name
        report, pages, omitted = note_report(note, name, self._unique_slug(name), data, explained, self.settings)
        self._flush(next_report=report)
        self._pending = (report, pages, omitted)
        self.reports.append(report)
        return report

    def fail(self, label: str, reason: str) -> None:
        self.failed.append((shareable_name(label), reason))

    def _unique_slug(self, name: str) -> str:
        base = slug = note_slug(name)
        n = 2
        while slug in self._slugs:
            slug = f"{base}-{n}"
            n += 1
        self._slugs.add(slug)
        return slug

    def _flush(self, next_report: NoteReport | None) -> None:
        if self._pending is None:
            return
        report, pages, omitted = self._pending
        nav = Nav(prev=(self._prev.slug, self._prev.label) if self._prev else None,
                  next=(next_report.slug, next_report.label) if next_report else None)
        html_text = render_note_page(report, pages, omitted=omitted, nav=nav, generated=self.generated)
        write_page(self.out / "notes" / f"{report.slug}.html", html_text)
        self._prev = report
        self._pending = None

    def close(self) -> Path:
        """Write the last note's page and the index; returns the index's path."""
        self._flush(next_report=None)
        index = self.out / "index.html"
        data = build_index([r.entry() for r in self.reports], self.failed)
        write_page(index, render_index(data, lang=self.settings.lang, generated=self.generated))
        return index

    def __enter__(self) -> "ReviewWriter":
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        if exc_type is None:
            self.close()
