"""OCR of page images with Tesseract: a rendered PDF page → `Line`s with boxes in PDF points.

The page is rendered with pypdfium2 (grayscale, 300 dpi by default) and handed to
the `tesseract` command (Debian: `apt-get install tesseract-ocr tesseract-ocr-nld`)
as a PGM image on standard input; its TSV output gives every word with its box,
block, paragraph and line. Words are grouped into Tesseract's lines, a line is split
at wide gaps (a title and a colofon value on the same row become two lines, as
pdfminer gives them for born-digital PDFs), and pixel boxes become PDF points with
the origin bottom-left, so the layout-aware extractors read a scan like any PDF.

Every call of `tesseract` has a timeout (`OcrSettings.timeout`, per call), and is announced to
the document's `Deadline` (`OcrSettings.deadline`) first: a batch worker's deadline makes room
for the call's own time limit, so a 40-page scan is not cut off at the limit meant for a stuck
parse, while a stuck parse still is. Tesseract's own OpenMP threads are limited
to one (`OMP_THREAD_LIMIT=1`, unless set): on two cores that is three times faster
than the default, and batch runs already use a process per document.

Before OCR, dark boxes (redactions) are found in the page image and white text
printed on them (the ground stamp "5.1.2e") is made black on white, so that
Tesseract reads the stamp in its place in the line ("besproken met 5.1.2e van").
Boxes without such text are blanked. This needs Pillow; without it the image is
OCR'd as rendered.

Results are cached by the hash of the page image (plus language, dpi, page
segmentation mode and Tesseract version) in `CACHE_DIR/ocr/` when a cache folder
is given (`ReadLimits.cache_dir` or `$KENMERK_CACHE`).
"""
from __future__ import annotations

import csv
import functools
import hashlib
import io
import os
import re
import shutil
import statistics
import subprocess
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, get_args

from kenmerk.extract.errors import OcrError
from kenmerk.extract.geometry import reading_key
from kenmerk.extract.layout import Line

if TYPE_CHECKING:
    from PIL import Image

#: how to install Tesseract, for messages
INSTALL_HINT = ("install Tesseract with its Dutch model: apt-get install tesseract-ocr tesseract-ocr-nld "
                "(Debian/Ubuntu), dnf install tesseract tesseract-langpack-nld (Fedora), "
                "brew install tesseract tesseract-lang (macOS)")
CACHE_ENV = "KENMERK_CACHE"
TESSERACT_ENV = "KENMERK_TESSERACT"  # path of the tesseract binary, when not on PATH
#: `auto`: the pages without a usable text layer; `always`: every page; `never`: none
OcrMode = Literal["auto", "always", "never"]
OCR_MODES: tuple[OcrMode, ...] = get_args(OcrMode)

#: words Tesseract is less sure of than this, made only of marks, are box edges and specks
MIN_MARK_CONF = 60.0


class Deadline(Protocol):
    """The time limit of the document being read, told of each Tesseract call before it starts.

    A batch gives each document one (`kenmerk.output.worker`): `extend(call_seconds)` moves the
    limit so that the call, which may take up to `call_seconds`, fits in it.
    """

    def extend(self, call_seconds: float) -> None: ...


@dataclass(frozen=True)
class OcrSettings:
    """How to OCR: language(s), resolution, page segmentation mode, timeout per call, cache folder,
    and the `deadline` of the document (told of every Tesseract call; none by default)."""

    lang: str = "nld"
    dpi: int = 300
    psm: int = 3
    timeout: float = 120.0
    cache_dir: str | None = None
    config: tuple[str, ...] = ()  # extra "-c name=value" settings for tesseract
    deadline: Deadline | None = field(default=None, compare=False, repr=False)

    def cache_folder(self) -> Path | None:
        folder = self.cache_dir or os.environ.get(CACHE_ENV) or None
        return Path(folder) / "ocr" if folder else None


@dataclass(frozen=True)
class Tesseract:
    """An installed Tesseract: its path, version and languages."""

    path: str
    version: str
    languages: frozenset[str]


@dataclass(frozen=True)
class Word:
    """One word as Tesseract read it; box in pixels of the page image (origin top-left)."""

    text: str
    left: int
    top: int
    width: int
    height: int
    conf: float
    block: int
    par: int
    line: int


def _run(args: list[str], *, timeout: float, data: bytes | None = None,
         deadline: Deadline | None = None) -> subprocess.CompletedProcess:
    """Run tesseract with `timeout`, told to `deadline` first."""
    if deadline is not None:
        deadline.extend(timeout)
    env = dict(os.environ)
    env.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        return subprocess.run(args, input=data, capture_output=True, timeout=timeout, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise OcrError(f"tesseract timed out after {timeout:g} s") from None
    except OSError as exc:
        raise OcrError(f"cannot run tesseract ({exc.strerror or exc})") from None


@functools.lru_cache(maxsize=8)
def _probe(path: str) -> Tesseract | None:
    try:
        version = _run([path, "--version"], timeout=20)
        langs = _run([path, "--list-langs"], timeout=20)
    except OcrError:
        return None
    if version.returncode != 0:
        return None
    first = (version.stdout or version.stderr).decode("utf-8", "replace").splitlines()
    names = langs.stdout.decode("utf-8", "replace").splitlines()[1:] if langs.returncode == 0 else []
    return Tesseract(path=path, version=first[0].strip() if first else "tesseract",
                     languages=frozenset(n.strip() for n in names if n.strip()))


def find_tesseract() -> Tesseract | None:
    """The installed Tesseract ($KENMERK_TESSERACT or `tesseract` on PATH), or None."""
    path = os.environ.get(TESSERACT_ENV) or shutil.which("tesseract")
    return _probe(path) if path else None


def choose_language(tess: Tesseract, wanted: str) -> tuple[str, str | None]:
    """The language argument to use and a remark when a wanted model is missing (then English)."""
    parts = [p for p in wanted.split("+") if p]
    have = [p for p in parts if p in tess.languages]
    if len(have) == len(parts):
        return wanted, None
    missing = "+".join(p for p in parts if p not in tess.languages)
    fallback = "+".join(have) or ("eng" if "eng" in tess.languages else "")
    if not fallback:
        raise OcrError(f"tesseract has no model for {missing} and no English fallback; {INSTALL_HINT}")
    return fallback, (f"tesseract has no model for {missing!r} (install tesseract-ocr-{missing.split('+')[0]}); "
                      f"OCR used {fallback!r}")


# --- rendering ---------------------------------------------------------------------


def render_page(pdf, index: int, dpi: int) -> tuple[bytes, int, int]:
    """Page `index` (0-based) of a `pypdfium2.PdfDocument` as a grayscale PGM image: (bytes, width, height)."""
    page = pdf[index]
    try:
        bitmap = page.render(scale=dpi / 72.0, grayscale=True)
        try:
            width, height, stride = bitmap.width, bitmap.height, bitmap.stride
            raw = bytes(bitmap.buffer)
            if bitmap.n_channels != 1:  # pdfium may still hand out BGR(x): take one channel
                step = bitmap.n_channels
                raw = b"".join(raw[y * stride:y * stride + width * step:step] for y in range(height))
            elif stride != width:
                raw = b"".join(raw[y * stride:y * stride + width] for y in range(height))
        finally:
            bitmap.close()
    finally:
        page.close()
    return b"P5\n%d %d\n255\n" % (width, height) + raw, width, height


def open_pdf(data: bytes):
    """A `pypdfium2.PdfDocument` of the bytes; raises OcrError when pypdfium2 is missing or fails."""
    try:
        import pypdfium2
    except ImportError:
        raise OcrError("pypdfium2 is not installed (pip install pypdfium2)") from None
    try:
        return pypdfium2.PdfDocument(data)
    except Exception as exc:  # noqa: BLE001 - pdfium's errors are one class per failure kind
        raise OcrError(f"cannot render the PDF ({exc.__class__.__name__}: {str(exc)[:80]})") from None


# --- redaction boxes ---------------------------------------------------------------

_DARK_RUN = re.compile(rb"\x00+")
#: pixels darker than this (0-255) can belong to a redaction box (VWS boxes are mid-grey, ~105)
BOX_DARK = 150


def find_boxes(image: Image.Image, dpi: int) -> list[tuple[int, int, int, int]]:
    """Dark filled rectangles in a grayscale PIL image, as (left, top, right, bottom) pixels.

    Works on a copy reduced to ~75 dpi: a box is a stack of rows with a dark run of
    the same extent (≥ 10 pt wide, ≥ 4.5 pt tall), or a top and a bottom band of the
    same extent with dark sides and a mostly dark inside (white stamp text breaks the
    rows in between).
    """
    f = max(1, round(dpi / 75))
    small = image.reduce(f) if f > 1 else image
    w, h = small.size
    binary = small.point(lambda v: 0 if v < BOX_DARK else 255)
    data = binary.tobytes()
    px = dpi / 72.0 / f  # small pixels per point
    minrun, minrows, maxh = max(6, round(10 * px)), max(3, round(4.5 * px)), round(60 * px)
    bands: list[list[int]] = []
    active: list[list[int]] = []
    for y in range(h):
        row = data[y * w:(y + 1) * w]
        nxt = []
        for m in _DARK_RUN.finditer(row):
            a, b = m.span()
            if b - a < minrun:
                continue
            for band in active:
                if abs(band[0] - a) <= 2 and abs(band[1] - b) <= 2 and band[3] == y - 1:
                    band[0], band[1], band[3] = min(band[0], a), max(band[1], b), y
                    nxt.append(band)
                    break
            else:
                band = [a, b, y, y]
                bands.append(band)
                nxt.append(band)
        active = nxt
        if len(bands) > 5000:  # a photo or a dithered page: not a page of redactions
            return []

    def dark_share(x0: int, y0: int, x1: int, y1: int) -> float:
        n = (x1 - x0) * (y1 - y0)
        return binary.crop((x0, y0, x1, y1)).histogram()[0] / n if n > 0 else 0.0

    rects = {(a, b, top, bottom) for a, b, top, bottom in bands if bottom - top + 1 >= minrows}
    for top in bands:
        for bot in bands:
            if not top[3] + 1 < bot[2] <= top[3] + maxh or abs(top[0] - bot[0]) > 2 or abs(top[1] - bot[1]) > 2:
                continue
            x0, x1, y0, y1 = min(top[0], bot[0]), max(top[1], bot[1]), top[2], bot[3]
            if (dark_share(x0, y0, x1, y1 + 1) >= 0.55 and dark_share(x0, y0, x0 + 2, y1 + 1) >= 0.85
                    and dark_share(x1 - 2, y0, x1, y1 + 1) >= 0.85):
                rects.add((x0, x1, y0, y1))
                break
    keep: list[tuple[int, int, int, int]] = []
    for r in sorted(rects, key=lambda r: -(r[1] - r[0]) * (r[3] - r[2])):
        if not any(k[0] <= r[0] + 2 and r[1] <= k[1] + 2 and k[2] <= r[2] + 2 and r[3] <= k[3] + 2 for k in keep):
            keep.append(r)
    return [(x0 * f, y0 * f, x1 * f, (y1 + 1) * f) for x0, x1, y0, y1 in keep]


def _median(hist: list[int]) -> int:
    total, acc = sum(hist), 0
    for value, n in enumerate(hist):
        acc += n
        if acc * 2 >= total:
            return value
    return 255


def _reveal(im: Image.Image, dpi: int) -> list[tuple[tuple[int, int, int, int], Image.Image, float]]:
    """Clean the boxes of a grayscale PIL image in place; return (box, inside, cut) for boxes with light text.

    `inside` is the box's inside as it was (grayscale); pixels lighter than `cut` are its text.

    A box with light (white) text gets the paper's colour and its text in black; a blank
    box becomes paper; a shaded box with dark text is left as it is.
    """
    boxes = find_boxes(im, dpi)
    if not boxes:
        return []
    paper = _median(im.reduce(8).histogram())  # boxes are painted in the paper's colour
    m = max(2, round(dpi / 75))
    stamps = []
    for box in boxes:
        crop = im.crop(box)
        hist = crop.histogram()
        level = _median(hist)  # the box colour
        light = sum(hist[min(255, level + 70):])
        dark = sum(hist[:max(0, level - 70)])
        if dark > light:
            continue  # dark text on a shaded box: Tesseract reads that as it is
        cut = level + (255 - level) * 0.35
        # the box and its anti-aliased rim become paper; the light text inside it black
        x0, y0, x1, y1 = box
        im.paste(paper, (max(0, x0 - m), max(0, y0 - m), min(im.width, x1 + m), min(im.height, y1 + m)))
        if x1 - x0 > 2 * m and y1 - y0 > 2 * m:
            gray = _clear_paper_rows(crop.crop((m, m, x1 - x0 - m, y1 - y0 - m)), cut, level)
            im.paste(gray.point(lambda v, cut=cut: 0 if v > cut else paper), (x0 + m, y0 + m))
            if light > 0.003 * (x1 - x0) * (y1 - y0):
                stamps.append((box, gray, cut))
    return stamps


def _clear_paper_rows(gray: Image.Image, cut: float, level: int) -> Image.Image:
    """Rows and columns of a box's inside that are (almost) all light are paper between boxes, not text: fill them."""
    w, h = gray.size
    data = bytearray(gray.tobytes())
    for y in range(h):
        row = data[y * w:(y + 1) * w]
        if sum(v > cut for v in row) > 0.9 * w:
            data[y * w:(y + 1) * w] = bytes([level]) * w
    for x in range(w):
        column = data[x::w]
        if sum(v > cut for v in column) > 0.9 * h:
            data[x::w] = bytes([level]) * h
    gray.frombytes(bytes(data))
    return gray


def _open_pgm(image: bytes) -> Image.Image:
    from PIL import Image

    im = Image.open(io.BytesIO(image))
    im.load()
    return im if im.mode == "L" else im.convert("L")


def _pgm(im: Image.Image) -> bytes:
    out = io.BytesIO()
    im.save(out, format="PPM")
    return out.getvalue()


def reveal_stamps(image: bytes, dpi: int) -> tuple[bytes, int]:
    """A PGM page image with white-on-dark box text made black on white; (image, boxes cleaned)."""
    try:
        im = _open_pgm(image)
    except ImportError:
        return image, 0
    before = im.copy()
    _reveal(im, dpi)
    if im.tobytes() == before.tobytes():
        return image, 0
    return _pgm(im), len(find_boxes(before, dpi))


# --- tesseract ---------------------------------------------------------------------


def parse_tsv(tsv: str) -> list[Word]:
    """Tesseract's TSV output → the words (level 5) with text."""
    words: list[Word] = []
    reader = csv.reader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader, None)
    if not header or header[:2] != ["level", "page_num"]:
        return words
    for row in reader:
        if len(row) < 12 or row[0] != "5":
            continue
        text = "\t".join(row[11:]).strip()
        if not text:
            continue
        try:
            words.append(Word(text=text, left=int(row[6]), top=int(row[7]), width=int(row[8]), height=int(row[9]),
                              conf=float(row[10]), block=int(row[2]), par=int(row[3]), line=int(row[4])))
        except ValueError:
            continue
    return words


def _cache_key(image: bytes, tess: Tesseract, lang: str, settings: OcrSettings) -> str:
    h = hashlib.sha256(image)
    h.update(f"\0{tess.version}\0{lang}\0{settings.dpi}\0{settings.psm}\0{settings.config}".encode())
    return h.hexdigest()


def ocr_image(image: bytes, tess: Tesseract, lang: str, settings: OcrSettings) -> str:
    """Tesseract's TSV for one page image (PGM/PNG bytes), from the cache when it is there."""
    folder = settings.cache_folder()
    cached = None
    if folder is not None:
        cached = folder / f"{_cache_key(image, tess, lang, settings)}.tsv"
        try:
            return cached.read_text(encoding="utf-8")
        except OSError:
            pass
    args = [tess.path, "stdin", "stdout", "-l", lang, "--psm", str(settings.psm), "--dpi", str(settings.dpi)]
    for item in settings.config:
        args += ["-c", item]
    args.append("tsv")
    proc = _run(args, timeout=settings.timeout, data=image, deadline=settings.deadline)
    if proc.returncode != 0:
        err = proc.stderr.decode("utf-8", "replace").strip().splitlines()
        raise OcrError(f"tesseract failed (exit {proc.returncode}): {err[-1][:120] if err else 'no message'}")
    tsv = proc.stdout.decode("utf-8", "replace")
    if cached is not None:
        _write_atomic(cached, tsv)
    return tsv


def _write_atomic(path: Path, text: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".tsv")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError:
        pass  # a cache that cannot be written is no reason to fail


# --- words → lines -----------------------------------------------------------------

_MARKS = re.compile(r"^[\W_]+$")


def _keep(word: Word) -> bool:
    """Drop specks and box edges: low-confidence words made only of marks ("|", "—", ".")."""
    return not (_MARKS.match(word.text) and word.conf < MIN_MARK_CONF)


def words_to_lines(words: list[Word], *, page: int, scale: float, page_height: float,
                   origin: tuple[float, float] = (0.0, 0.0)) -> list[Line]:
    """Group words into lines (Tesseract's, split at wide gaps), boxes in PDF points.

    `scale` is points per pixel; `page_height` the page height in points; `origin`
    the lower-left corner of the rendered box in PDF coordinates.
    """
    groups: dict[tuple[int, int, int], list[Word]] = {}
    for w in words:
        if _keep(w):
            groups.setdefault((w.block, w.par, w.line), []).append(w)
    lines: list[Line] = []
    ox, oy = origin
    for group in groups.values():
        group.sort(key=lambda w: w.left)
        height = statistics.median(w.height for w in group)
        segments: list[list[Word]] = [[group[0]]]
        for prev, word in zip(group, group[1:], strict=False):
            gap = word.left - (prev.left + prev.width)
            if gap > max(1.6 * height, 0.6 * (prev.height + word.height)):
                segments.append([word])
            else:
                segments[-1].append(word)
        for seg in segments:
            text = " ".join(w.text for w in seg)
            if not text.strip():
                continue
            left = min(w.left for w in seg)
            right = max(w.left + w.width for w in seg)
            top = min(w.top for w in seg)
            bottom = max(w.top + w.height for w in seg)
            x0, x1 = ox + left * scale, ox + right * scale
            y0, y1 = oy + page_height - bottom * scale, oy + page_height - top * scale
            size = (bottom - top) * scale / 0.93  # an ink box spans ~0.93 of the font size
            lines.append(Line(text=text, page=page, x0=round(x0, 1), y0=round(y0, 1), x1=round(x1, 1),
                              y1=round(y1, 1), size=round(size, 1), bold=False, has_box=True))
    lines.sort(key=reading_key)
    return lines


def ocr_pdf_page(pdf, index: int, *, page_number: int, tess: Tesseract, lang: str,
                 settings: OcrSettings) -> list[Line]:
    """OCR page `index` (0-based) of a `pypdfium2.PdfDocument` into lines in PDF points."""
    image, width_px, height_px = render_page(pdf, index, settings.dpi)
    image, _ = reveal_stamps(image, settings.dpi)
    tsv = ocr_image(image, tess, lang, settings)
    page = pdf[index]
    try:
        width_pt, height_pt = page.get_size()
        try:
            left, bottom, _, _ = page.get_cropbox()
        except Exception:  # noqa: BLE001 - an odd box: assume the origin
            left, bottom = 0.0, 0.0
    finally:
        page.close()
    scale = width_pt / width_px if width_px else 72.0 / settings.dpi
    return words_to_lines(parse_tsv(tsv), page=page_number, scale=scale, page_height=height_pt,
                          origin=(left, bottom))


#: stamps are OCR'd as a single block of lines: one line per redaction box
STAMP_PSM = 6
STAMP_HEIGHT_PX = 48
#: stamps are codes, not Dutch words: no dictionary
STAMP_CONFIG = ("load_system_dawg=0", "load_freq_dawg=0")


def ocr_stamps(pdf, index: int, *, page_number: int, tess: Tesseract, lang: str,
               settings: OcrSettings) -> list[Line]:
    """Only the text printed on redaction boxes of page `index` ("5.1.2e"), one line per box.

    For pages whose own OCR layer was made before the boxes were stamped (or missed them):
    the boxes' text, made black on white, is stacked into one small image and OCR'd at once.
    """
    try:
        import PIL  # noqa: F401
    except ImportError:
        return []
    image, width_px, _ = render_page(pdf, index, settings.dpi)
    stamps = _reveal(_open_pgm(image), settings.dpi)
    if not stamps:
        return []
    from PIL import Image

    pad = max(8, settings.dpi // 10)
    sized = []
    for box, gray, cut in stamps:
        # small stamps (5-6 pt) read much better enlarged to ~48 px before thresholding
        factor = min(4, max(1, -(-STAMP_HEIGHT_PX // max(1, gray.height))))
        if factor > 1:
            gray = gray.resize((gray.width * factor, gray.height * factor), Image.Resampling.BICUBIC)
        sized.append((box, gray.point(lambda v, c=cut: 0 if v > c else 255)))
    width = max(s.width for _, s in sized) + 2 * pad
    height = sum(s.height + pad for _, s in sized) + pad
    sheet = Image.new("L", (width, height), 255)
    spans = []
    y = pad
    for box, stamp in sized:
        sheet.paste(stamp, (pad, y))
        spans.append((y, y + stamp.height, box))
        y += stamp.height + pad
    tsv = ocr_image(_pgm(sheet), tess, lang, replace(settings, psm=STAMP_PSM, config=STAMP_CONFIG))
    found: dict[int, list[Word]] = {}
    for word in parse_tsv(tsv):
        if not _keep(word):
            continue
        middle = word.top + word.height / 2
        for i, (span_top, span_bottom, _) in enumerate(spans):
            if span_top - pad / 2 <= middle <= span_bottom + pad / 2:
                found.setdefault(i, []).append(word)
                break
    page = pdf[index]
    try:
        width_pt, height_pt = page.get_size()
        try:
            left, bottom, _, _ = page.get_cropbox()
        except Exception:  # noqa: BLE001
            left, bottom = 0.0, 0.0
    finally:
        page.close()
    scale = width_pt / width_px if width_px else 72.0 / settings.dpi
    lines = []
    for i, words in sorted(found.items()):
        text = " ".join(w.text for w in sorted(words, key=lambda w: w.left)).strip()
        if not text:
            continue
        x0, y0, x1, y1 = spans[i][2]
        lines.append(Line(text=text, page=page_number, x0=round(left + x0 * scale, 1),
                          y0=round(bottom + height_pt - y1 * scale, 1), x1=round(left + x1 * scale, 1),
                          y1=round(bottom + height_pt - y0 * scale, 1), size=round((y1 - y0) * scale * 0.7, 1), has_box=True))
    return lines
