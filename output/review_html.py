"""Render the review report as self-contained HTML: pages as PNG data URIs, inline CSS and JS.

    from kenmerk.output.review_html import ReviewWriter
    with ReviewWriter("report/", lang="nl") as writer:
        writer.add(note, label="nota.pdf", data=pdf_bytes)   # bytes of the input: no re-extraction
        writer.fail("scan.pdf", "no text layer ...")
    # report/index.html and report/notes/<slug>.html, each written atomically

Every value from a document goes through Jinja2's autoescaping (the templates in
`review_assets/` are rendered with `autoescape=True`); only our own CSS and JS are
inserted as they are. Page images are rendered with pypdfium2 (one document opened
per input) at `scale` pixels per PDF point, and a box's position is the evidence
box mapped from PDF points (origin bottom-left) to the image:
`x_px = x0 * scale`, `y_px = (page_height - y1) * scale` — written as percentages of
the page so the boxes stay in place at any display size.
"""
from __future__ import annotations

import base64
import datetime as dt
import io
import os
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

import jinja2
from markupsafe import Markup

from kenmerk.extract import Note, __version__
from kenmerk.output.atomic import write_atomic
from kenmerk.output.review import (
    CLOSE_SCORE,
    FIELD_ORDER,
    IndexData,
    NoteReport,
    Proposal,
    ReviewItem,
    build_index,
    build_note_report,
)
from kenmerk.output.review_explain import Explained
from kenmerk.output.review_i18n import Labels, labels

__all__ = [
    "CONTRAST_PAIRS",
    "DEFAULT_MAX_PAGES",
    "DEFAULT_SCALE",
    "FIELD_COLOURS",
    "PALETTE",
    "PageImage",
    "ReviewWriter",
    "contrast_ratio",
    "render_index",
    "render_note_page",
    "render_pdf_pages",
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

TINT = 0.2      # share of the field colour in the background of a mark in a text view


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def _hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(c):02x}" for c in rgb)


def tint(hex_colour: str, share: float = TINT) -> str:
    """The colour mixed with white: `share` of the colour."""
    return _hex(tuple(share * c + (1 - share) * 255 for c in _rgb(hex_colour)))


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


_ENV: jinja2.Environment | None = None
_STATIC: dict[str, Markup] = {}


def _env() -> jinja2.Environment:
    global _ENV
    if _ENV is None:
        _ENV = jinja2.Environment(
            loader=jinja2.FunctionLoader(lambda name: _asset(name)),
            autoescape=True,                 # every value is escaped unless it is our own Markup
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        # our own CSS and JS, inlined as they are (they never contain document text)
        _ENV.filters["fc"] = lambda name: f"f-{name if name in FIELD_COLOURS else 'other'}"
        _STATIC["css"] = Markup(palette_css() + "\n" + _asset("review.css"))
        _STATIC["js"] = Markup(_asset("review.js"))
    return _ENV


# ---------------------------------------------------------------------------------------------
# page images


@dataclass
class Box:
    """A box on a page image: a value's evidence (`item`), or a runner-up's (`alt`: dashed, shown on demand)."""

    item: ReviewItem | Proposal
    left: float
    top: float
    width: float
    height: float
    placement: str = ""
    show_tag: bool = True
    tag: str = ""
    alt: bool = False

    @property
    def bbox(self):
        return self.item.evidence.bbox


@dataclass
class PageImage:
    """A rendered page: its size in points, the image as a data URI, and the boxes on it."""

    number: int
    width: float              # points, as displayed (the crop box)
    height: float
    scale: float              # pixels per point
    px_width: int
    px_height: int
    data_uri: str
    offset_x: float = 0.0     # crop box origin relative to the media box (pdfminer's origin)
    offset_y: float = 0.0
    boxes: list[Box] = field(default_factory=list)
    alt: str = ""


def pages_to_render(report: NoteReport, page_count: int, max_pages: int = DEFAULT_MAX_PAGES) -> list[int]:
    """Pages with evidence, and the first `max_pages` pages; never beyond `page_count`."""
    wanted = set(range(1, min(page_count, max_pages) + 1)) | set(report.evidence_pages())
    return sorted(p for p in wanted if 1 <= p <= page_count)


def render_pdf_pages(data: bytes, report: NoteReport, *, scale: float = DEFAULT_SCALE,
                     max_pages: int = DEFAULT_MAX_PAGES, t: Labels | None = None) -> tuple[list[PageImage], int]:
    """Render the pages a note's report shows, with their boxes; returns (pages, pages left out)."""
    import pypdfium2 as pdfium

    t = t or labels(report.lang)
    pdf = pdfium.PdfDocument(data)
    try:
        count = len(pdf)
        numbers = pages_to_render(report, count, max_pages)
        images = []
        for number in numbers:
            page = pdf[number - 1]
            try:
                images.append(_render_page(page, number, scale))
            finally:
                page.close()
    finally:
        pdf.close()
    for img in images:
        _place_boxes(img, report, t, count)
    return images, count - len(images)


def _render_page(page, number: int, scale: float) -> PageImage:
    width, height = page.get_size()
    s = min(scale, MAX_PIXELS / max(width, height, 1.0))
    off_x = off_y = 0.0
    if page.get_rotation() % 360 == 0:
        crop = page.get_cropbox()
        media = page.get_mediabox()
        off_x, off_y = crop[0] - media[0], crop[1] - media[1]
    bitmap = page.render(scale=s)
    try:
        image = bitmap.to_pil()
    finally:
        bitmap.close()
    buf = io.BytesIO()
    image.save(buf, format="PNG", compress_level=3)
    uri = "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode("ascii")
    return PageImage(number=number, width=round(width, 3), height=round(height, 3), scale=round(s, 6),
                     px_width=image.width, px_height=image.height, data_uri=uri, offset_x=off_x, offset_y=off_y)


def _pct(v: float) -> float:
    return round(min(max(v, 0.0), 100.0), 4)


def _box(img: PageImage, item: ReviewItem | Proposal, alt: bool = False) -> Box:
    """The box of `item`'s evidence on the page image, in % of the page (PDF points, origin bottom-left)."""
    b = item.evidence.bbox
    x0, x1 = b.x0 - img.offset_x, b.x1 - img.offset_x
    y0, y1 = b.y0 - img.offset_y, b.y1 - img.offset_y
    return Box(item=item, alt=alt,
               left=_pct(x0 / img.width * 100), top=_pct((img.height - y1) / img.height * 100),
               width=_pct((x1 - x0) / img.width * 100), height=_pct((y1 - y0) / img.height * 100))


def _spot(box: Box) -> tuple:
    b = box.bbox
    return round(b.x0), round(b.y0), round(b.x1), round(b.y1)


def _place_runners_up(img: PageImage, report: NoteReport, t: Labels) -> None:
    """Dashed boxes of the runners-up read on this page; those of one field on one spot share a tag."""
    for why in report.why:
        spots: dict[tuple, list[Box]] = {}
        for p in why.runners_up:
            if p.has_box and p.page == img.number:
                box = _box(img, p, alt=True)
                box.placement = "tag-below" if box.top + box.height < 96 else ""
                img.boxes.append(box)
                spots.setdefault(_spot(box), []).append(box)
        for same in spots.values():
            same[0].tag = t("runner_up_tag", field=why.label, ranks=" ".join(f"#{bx.item.rank}" for bx in same))
            for bx in same[1:]:
                bx.show_tag = False


def _place_boxes(img: PageImage, report: NoteReport, t: Labels, page_count: int) -> None:
    groups: dict[tuple, list[Box]] = {}
    for it in report.items:
        if not it.has_box or it.page != img.number:
            continue
        box = _box(img, it)
        img.boxes.append(box)
        groups.setdefault(_spot(box), []).append(box)
    tag_h = 16 / img.px_height * 100          # a tag's height, in % of the page
    for box in img.boxes:
        centre = box.left + box.width / 2
        # a tag above would cover a box right above it (stacked lines: attachments, colofon)
        crowded = any(o is not box and o.left < box.left + box.width and box.left < o.left + o.width
                      and box.top - tag_h < o.top + o.height <= box.top + 0.01 for o in img.boxes)
        if (centre > 55 or crowded) and box.left > 12:
            box.placement = "tag-left"
        elif box.top < 2.5 or crowded:
            box.placement = "tag-below"
    for same in groups.values():   # boxes on exactly the same spot share one tag
        same[0].tag = " · ".join(dict.fromkeys(bx.item.label for bx in same))
        for bx in same[1:]:
            bx.show_tag = False
    marked = list(dict.fromkeys(bx.item.label for bx in img.boxes))
    _place_runners_up(img, report, t)
    name = report.note.source.file_name
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


def _text_segments(report: NoteReport) -> list[_Segment]:
    view = report.text
    by_key = {it.key: it for it in report.items}
    out = []
    for i, (text, keys) in enumerate(view.segments):
        starts = view.starts.get(i, [])
        lbls = list(dict.fromkeys((by_key[k].label, by_key[k].field) for k in starts))
        fld = by_key[keys[0]].field if keys else ""
        out.append(_Segment(text=text, keys=keys, starts=starts, labels=lbls, field=fld))
    return out


# ---------------------------------------------------------------------------------------------
# pages


def _now() -> str:
    return dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")


def render_note_page(report: NoteReport, pages: list[PageImage] | None, *, omitted: int = 0,
                     prev: NoteReport | None = None, next: NoteReport | None = None,
                     index_href: str = "../index.html", generated: str | None = None) -> str:
    """The HTML of one note's page; `pages` None for a text input (its text is shown)."""
    env = _env()
    t = labels(report.lang)
    if pages is not None:
        marked = {bx.item.key for p in pages for bx in p.boxes if not bx.alt}
        segments = []
    else:
        marked = set(report.text.located) if report.text else set()
        segments = _text_segments(report) if report.text else []
    return env.get_template("note.html.j2").render(
        lang=report.lang, t=t, r=report, pages=pages, omitted=omitted, segments=segments, marked=marked,
        page_count=report.note.source.page_count or (len(pages) if pages else 0),
        drawn={bx.item.key for p in pages or [] for bx in p.boxes if bx.alt}, close_margin=f"{CLOSE_SCORE:.2f}",
        prev=prev, next=next, index_href=index_href, version=__version__, generated=generated or _now(),
        css=_STATIC["css"], js=_STATIC["js"],
    )


@dataclass
class _Column:
    key: str
    label: str
    numeric: bool = False


def _chart(data: IndexData, t: Labels) -> dict | None:
    months = data.month_counts
    if not months:
        return None
    left, top, plot_h, right = 26, 18, 120, 26
    n = len(months)
    gap = 4 if n <= 24 else 1
    bar_w = max(2, min(22, (380 - left - right) // n - gap))   # fits about 380 px: text stays legible
    width = max(240, left + n * (bar_w + gap) + right)
    height = top + plot_h + 22
    every = max(1, -(-64 // (bar_w + gap)))   # a month label every 64 px or more
    peak = max(c for _, c in months) or 1
    bars = []
    for i, ((y, m), count) in enumerate(months):
        h = round(count / peak * plot_h, 1)
        x = left + i * (bar_w + gap)
        bars.append({"x": x, "y": round(top + plot_h - h, 1), "w": bar_w, "h": h, "count": count,
                     "label": t.month(y, m), "show_label": i % every == 0})
    (fy, fm), (ly, lm) = months[0][0], months[-1][0]
    return {"width": width, "height": height, "left": left, "base": top + plot_h, "bars": bars,
            "counts": bar_w >= 12,
            "desc": t("chart_desc", first=t.month(fy, fm), last=t.month(ly, lm))}


def render_index(data: IndexData, *, lang: str = "nl", generated: str | None = None) -> str:
    """The HTML of the index page of a batch."""
    env = _env()
    t = labels(lang)
    columns = [
        _Column("file", t("col_file")), _Column("type", t("col_type")), _Column("date", t("col_date")),
        _Column("kenmerk", t("col_kenmerk")), _Column("title", t("col_title")),
        _Column("fields", t("col_fields"), True), _Column("warnings", t("col_warnings"), True),
        _Column("close", t("col_close"), True),
    ]
    rows = [{
        "slug": r.slug, "file": r.label, "type": r.note.document_type.value,
        "date": r.note.date.isoformat() if r.note.date else "", "kenmerk": r.note.kenmerk or "",
        "title": r.note.title or "", "fields": len(r.fields_found), "warnings": r.warning_count,
        "close": r.close_count if r.why else "", "lang": r.note.language,
    } for r in data.reports]
    total = max(data.total, 1)
    field_rows = [{"label": t.field(name, plural=True), "count": count, "percent": round(count / total * 100, 1)}
                  for name, count in data.field_counts]
    heading = t("index_heading_one") if data.total == 1 else t("index_heading", count=data.total)
    return env.get_template("index.html.j2").render(
        lang=lang, t=t, data=data, rows=rows, columns=columns, field_rows=field_rows,
        field_total=len(FIELD_ORDER), chart=_chart(data, t), heading=heading, version=__version__,
        generated=generated or _now(), css=_STATIC["css"], js=_STATIC["js"],
    )


# ---------------------------------------------------------------------------------------------
# the writer


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_FILE_MODE = 0o666 & ~_umask()


def _write(path: Path, text: str) -> None:
    """Write atomically, readable as an ordinary file is (a report is meant to be shared)."""
    write_atomic(path, text.encode("utf-8"))
    try:
        os.chmod(path, _FILE_MODE)
    except OSError:
        pass


class ReviewWriter:
    """Write a report folder: one page per note as notes come in, the index at `close()`.

    A note's page is written once the next note is known (for its "next" link), so at
    most one note's page images are held in memory.
    """

    def __init__(self, out_dir: str | os.PathLike[str], *, lang: str = "nl", scale: float = DEFAULT_SCALE,
                 max_pages: int = DEFAULT_MAX_PAGES) -> None:
        labels(lang)  # unknown language: ValueError now, not after the first note
        self.out = Path(out_dir)
        self.lang = lang
        self.scale = scale
        self.max_pages = max_pages
        self.reports: list[NoteReport] = []
        self.failed: list[tuple[str, str]] = []
        self.generated = _now()
        self._pending: tuple[NoteReport, list[PageImage] | None, int] | None = None
        self._prev: NoteReport | None = None
        self._slugs: set[str] = set()

    def add(self, note: Note, label: str | None = None, data: bytes | None = None,
            explained: Explained | None = None) -> NoteReport:
        """Add one note; `data` is the input's bytes (a PDF is rendered from them, a text shown);
        `explained` its candidates (`kenmerk.output.review_explain.explain_for_review`)."""
        text = None
        if note.source.media_type != "application/pdf" and data is not None:
            from kenmerk.extract.text import decode_text

            text = decode_text(data, name=label or note.source.file_name)
        report = build_note_report(note, label, lang=self.lang, text=text, slug=self._unique_slug(note),
                                   explained=explained)
        pages: list[PageImage] | None = None
        omitted = 0
        if report.is_pdf:
            if data is None:
                pages = []
            else:
                pages, omitted = render_pdf_pages(data, report, scale=self.scale, max_pages=self.max_pages)
        self._flush(next_report=report)
        self._pending = (report, pages, omitted)
        self.reports.append(report)
        return report

    def fail(self, label: str, reason: str) -> None:
        self.failed.append((label, reason))

    def _unique_slug(self, note: Note) -> str:
        from kenmerk.output.review import note_slug

        base = slug = note_slug(note)
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
        html_text = render_note_page(report, pages, omitted=omitted, prev=self._prev, next=next_report,
                                     generated=self.generated)
        _write(self.out / "notes" / f"{report.slug}.html", html_text)
        self._prev = report
        self._pending = None

    def close(self) -> Path:
        """Write the last note's page and the index; returns the index's path."""
        self._flush(next_report=None)
        index = self.out / "index.html"
        data = build_index(self.reports, self.failed)
        _write(index, render_index(data, lang=self.lang, generated=self.generated))
        return index

    def __enter__(self) -> "ReviewWriter":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if exc_type is None:
            self.close()
