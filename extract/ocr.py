"""OCR of page images with Tesseract: a rendered PDF page → `Line`s with boxes in PDF points.

The page is rendered with pypdfium2 (grayscale, 300 dpi by default) and handed to
the `tesseract` command (Debian: `apt-get install tesseract-ocr tesseract-ocr-nld`)
as a PGM image on standard input; its TSV output gives every word with its box,
block, paragraph and line. Words are grouped into Tesseract's lines, a line is split
at wide gaps (a title and a colofon value on the same row become two lines, as
pdfminer gives them for born-digital PDFs), and pixel boxes become PDF points with
the origin bottom-left, so the layout-aware extractors read a scan like any PDF.

Every call of `tesseract` has a timeout. Tesseract's own OpenMP threads are limited
to one (`OMP_THREAD_LIMIT=1`, unless set): on two cores that is three times faster
than the default, and batch runs already use a process per document.

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
from dataclasses import dataclass
from pathlib import Path

from kenmerk.extract.layout import Line

#: how to install Tesseract, for messages
INSTALL_HINT = ("install Tesseract with its Dutch model: apt-get install tesseract-ocr tesseract-ocr-nld "
                "(Debian/Ubuntu), dnf install tesseract tesseract-langpack-nld (Fedora), "
                "brew install tesseract tesseract-lang (macOS)")
CACHE_ENV = "KENMERK_CACHE"
TESSERACT_ENV = "KENMERK_TESSERACT"  # path of the tesseract binary, when not on PATH
OCR_MODES = ("auto", "always", "never")

#: words Tesseract is less sure of than this, made only of marks, are box edges and specks
MIN_MARK_CONF = 60.0


class OcrError(Exception):
    """OCR of one page failed (Tesseract missing, crashed or timed out); the message is one line."""


@dataclass(frozen=True)
class OcrSettings:
    """How to OCR: language(s), resolution, page segmentation mode, timeout per call, cache folder."""

    lang: str = "nld"
    dpi: int = 300
    psm: int = 3
    timeout: float = 120.0
    cache_dir: str | None = None

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


def _run(args: list[str], *, timeout: float, data: bytes | None = None) -> subprocess.CompletedProcess:
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


# --- tesseract ---------------------------------------------------------------------


def parse_tsv(tsv: str) -> list[Word]:
    """Tesseract's TSV output → the words (level 5) with text."""
    words = []
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
    h.update(f"\0{tess.version}\0{lang}\0{settings.dpi}\0{settings.psm}".encode())
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
    args = [tess.path, "stdin", "stdout", "-l", lang, "--psm", str(settings.psm), "--dpi", str(settings.dpi), "tsv"]
    proc = _run(args, timeout=settings.timeout, data=image)
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
        for prev, word in zip(group, group[1:]):
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
                              y1=round(y1, 1), size=round(size, 1), bold=False))
    lines.sort(key=lambda ln: (-round(ln.y1 / 2.5), ln.x0))
    return lines


def ocr_pdf_page(pdf, index: int, *, page_number: int, tess: Tesseract, lang: str,
                 settings: OcrSettings) -> list[Line]:
    """OCR page `index` (0-based) of a `pypdfium2.PdfDocument` into lines in PDF points."""
    image, width_px, height_px = render_page(pdf, index, settings.dpi)
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
