"""Read an input (path, bytes or standard input) into a `Layout` and its `Source`.

`FORMATS` is the one table of the inputs kenmerk knows: each `InputFormat` names its media
type, file suffixes, how its bytes are recognised and the function that lays it out. The
batch (`kenmerk.output.inputs`), the cache (`kenmerk.output.cache`) and this reader all read
it. The bytes decide first: a `%PDF` header, a zip holding `word/document.xml`, a PNG, JPEG or
TIFF signature, an OLE2 file (an Outlook message, or a legacy Office file); a file whose name
says otherwise is read by its content with a warning (a `.pdf` that is a Word document), except
that a name promising a binary format the bytes do not have is refused (`not a PDF (no %PDF
header)`). Without a recognisable content the suffix decides (`.eml`, `.txt`, `.md`); without a
known suffix (standard input) a raw e-mail or Markdown is told by its first lines, and anything
else is plain text.
"""
from __future__ import annotations

import hashlib
import importlib
import io
import os
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kenmerk.extract.errors import InvalidSetting, UnreadableInput
from kenmerk.extract.layout import Layout
from kenmerk.extract.ocr import OCR_MODES, Deadline, OcrMode, OcrSettings
from kenmerk.extract.pdf_messages import NOT_A_PDF
from kenmerk.extract.pdf_readers import DEFAULT_READER, PdfReader, check_reader
from kenmerk.extract.progress import PageCallback

if TYPE_CHECKING:
    from kenmerk.extract.model import Source


@dataclass(frozen=True)
class ReadLimits:
    """Limits and options for one input: bytes read, pages laid out, text size, and OCR.

    `max_text_bytes` caps a text or Markdown input (a note's text conversion is kilobytes;
    a 50 MB text file is not a note, and reading it would take minutes and gigabytes).

    `ocr`: `"auto"` OCRs the pages of a PDF without a usable text layer (and every image
    input), `"always"` every page, `"never"` none (an image input then fails). OCR needs Tesseract (`kenmerk.extract.ocr`); its
    results are cached in `cache_dir` (else `$KENMERK_CACHE`) when one is set.
    `pdf_reader`: `"pdfium"` (the default, fast) or `"pdfminer"` (pure Python); both give
    the same lines (`kenmerk.extract.pdf`).
    `deadline`: the document's time limit, told of every Tesseract call (`kenmerk.extract.ocr.Deadline`);
    a batch sets one per document, in the process that reads it; it is no setting (not compared).
    """

    max_bytes: int = 200 * 1024 * 1024
    max_pages: int = 1000
    max_text_bytes: int = 10 * 1024 * 1024
    ocr: OcrMode = "auto"
    ocr_lang: str = "nld"
    ocr_dpi: int = 300
    ocr_timeout: float = 120.0
    cache_dir: str | None = None
    pdf_reader: PdfReader = DEFAULT_READER
    deadline: Deadline | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.ocr not in OCR_MODES:
            raise InvalidSetting(f"unknown OCR mode {self.ocr!r} (use one of {', '.join(OCR_MODES)})")
        check_reader(self.pdf_reader)
        if not 50 <= self.ocr_dpi <= 1200:
            raise InvalidSetting(f"OCR resolution {self.ocr_dpi} dpi is out of range (50-1200)")

    def ocr_settings(self) -> OcrSettings:
        cache = os.fspath(self.cache_dir) if self.cache_dir is not None else None
        return OcrSettings(lang=self.ocr_lang, dpi=self.ocr_dpi, timeout=self.ocr_timeout, cache_dir=cache,
                           deadline=self.deadline)


DEFAULT_LIMITS = ReadLimits()

#: lays out the bytes of one input: (data, name, limits, on_page) → `Layout`
Reader = Callable[[bytes, str, ReadLimits, "PageCallback | None"], Layout]

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
#: a raw e-mail (not a print of one): header fields only a mail transport or client writes
RAW_MAIL = re.compile(rb"^(?:mime-version|message-id|received|return-path|content-type|x-mailer)\s*:",
                      re.IGNORECASE | re.MULTILINE)
HEADER_FIELD = re.compile(rb"^[!-9;-~]+:")
MARKDOWN = re.compile(rb"^(?:#{1,6} |\*\*\w)", re.MULTILINE)


def _zip_names(data: bytes) -> frozenset[str]:
    """The member names of a zip archive (its central directory only), or none."""
    if data[:4] not in ZIP_MAGIC:
        return frozenset()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return frozenset(zf.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError):
        return frozenset()


def _is_pdf(data: bytes) -> bool:
    return data[:1024].lstrip().startswith(b"%PDF")


def _is_docx(data: bytes) -> bool:
    return "word/document.xml" in _zip_names(data)


def _is_other_office(data: bytes) -> bool:
    names = _zip_names(data)
    return "[Content_Types].xml" in names or "mimetype" in names


def _is_archive(data: bytes) -> bool:
    """A zip archive whose directory reads (a cut-off one is no archive either), or a gzip file."""
    return bool(_zip_names(data)) or data[:2] == b"\x1f\x8b"


def _is_msg(data: bytes) -> bool:
    return data[:8] == OLE2_MAGIC and "__substg1.0_".encode("utf-16-le") in data


def _magic(*prefixes: bytes) -> Callable[[bytes], bool]:
    return lambda data: data.startswith(prefixes)


def _is_html(data: bytes) -> bool:
    """An HTML page (a web page, a directory listing a URL answered with): `<!DOCTYPE html` or `<html` first."""
    return data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower().startswith((b"<!doctype html", b"<html"))


def _looks_like_mail(data: bytes) -> bool:
    """A raw e-mail: its first lines are header fields, among them one only mail software writes."""
    head = data[:16384].split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
    return bool(HEADER_FIELD.match(head.lstrip())) and RAW_MAIL.search(head) is not None


def _looks_like_markdown(data: bytes) -> bool:
    """Markdown headings or bold labels (standard input, a file without a suffix)."""
    return MARKDOWN.search(data[:20000]) is not None


@dataclass(frozen=True)
class InputFormat:
    """One kind of input: how it is named and recognised, and what lays it out (or why it is refused)."""

    name: str
    """Short name (also the cache's suffix class)."""
    media_type: str
    label: str
    """What it is, for messages: 'a PDF', 'a Word document'."""
    suffixes: tuple[str, ...] = ()
    reader: str | None = None
    """'module:function' of its `Reader`, imported when first used; None for a refused format."""
    sniff: Callable[[bytes], bool] | None = None
    """Recognises its bytes whatever the name (binary formats)."""
    missing: str | None = None
    """The refusal for a file named so whose bytes `sniff` does not recognise."""
    guess: Callable[[bytes], bool] | None = None
    """Recognises its bytes when the name has no known suffix (standard input)."""
    refused: str | None = None
    """Why it is not read (the one-line reason); None for a format that is read."""
    paged: bool = False
    """Its pages are real pages (`Source.page_count`), drawn by the review (`pages_pdf`)."""
    drawn: str | None = None
    """'module:function' giving its pages as a PDF to draw (`pages_pdf`); None: the PDF is the input itself."""
    shown: str = "lines"
    """What a reviewer reads of an input without pages (`shown_text`): "text" (the file decoded) or "lines"
    (the lines it is read as)."""

    def read(self, data: bytes, name: str, limits: ReadLimits, on_page: PageCallback | None = None) -> Layout:
        """Lay the bytes out with this format's reader; a refused format raises `UnreadableInput`."""
        if self.reader is None:
            raise UnreadableInput(self.refused or f"{self.label}: not read", path=name)
        reader: Reader = _function(self.reader)
        return reader(data, name, limits, on_page)


IMAGE_PDF = "kenmerk.extract.image:image_pdf"

#: every input kenmerk knows, in the order their bytes are tried (Word before other zips, .msg before other OLE2)
FORMATS: tuple[InputFormat, ...] = (
    InputFormat("pdf", "application/pdf", "a PDF", (".pdf",), "kenmerk.extract.pdf:read_pdf_input",
                sniff=_is_pdf, missing=NOT_A_PDF, paged=True),
    InputFormat("word", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "a Word document", (".docx",), "kenmerk.extract.word:read_docx", sniff=_is_docx,
                missing="not a Word document (no word/document.xml in a readable zip: broken or cut off?)"),
    InputFormat("png", "image/png", "a PNG image", (".png",), "kenmerk.extract.image:read_image",
                sniff=_magic(b"\x89PNG\r\n\x1a\n"), missing="not a PNG image (no PNG signature)", paged=True,
                drawn=IMAGE_PDF),
    InputFormat("jpeg", "image/jpeg", "a JPEG image", (".jpg", ".jpeg"), "kenmerk.extract.image:read_image",
                sniff=_magic(b"\xff\xd8\xff"), missing="not a JPEG image (no JPEG signature)", paged=True,
                drawn=IMAGE_PDF),
    InputFormat("tiff", "image/tiff", "a TIFF image", (".tif", ".tiff"), "kenmerk.extract.image:read_image",
                sniff=_magic(b"II*\x00", b"MM\x00*"), missing="not a TIFF image (no TIFF signature)", paged=True,
                drawn=IMAGE_PDF),
    InputFormat("msg", "application/vnd.ms-outlook", "an Outlook .msg file", (".msg",),
                "kenmerk.extract.outlook:read_msg", sniff=_is_msg,
                missing="not an Outlook .msg file (no compound file with message streams: broken or cut off?)"),
    InputFormat("office", "application/zip", "an Office file", sniff=_is_other_office,
                refused="an Office file other than a Word .docx (a spreadsheet, a presentation, an OpenDocument "
                        "file): not read; save it as PDF"),
    InputFormat("archive", "application/zip", "an archive", (".zip",), sniff=_is_archive,
                refused="an archive, not a document (use a folder or zip input)"),
    InputFormat("legacy-office", "application/x-ole-storage", "a legacy Office file",
                sniff=_magic(OLE2_MAGIC),
                refused="a legacy Office file (OLE2: .doc, .xls, .ppt): not read; save it as .docx or PDF"),
    InputFormat("html", "text/html", "an HTML page", (".html", ".htm"), sniff=_is_html,
                refused="an HTML page, not a document: give the document itself (its PDF or Word file, or the URL "
                        "that downloads it), or save the page as PDF"),
    InputFormat("email", "message/rfc822", "an e-mail", (".eml",), "kenmerk.extract.eml:read_eml",
                guess=_looks_like_mail),
    InputFormat("markdown", "text/markdown", "a Markdown text", (".md", ".markdown"),
                "kenmerk.extract.text:read_markdown_input", guess=_looks_like_markdown, shown="text"),
    InputFormat("text", "text/plain", "a text", (".txt", ".text"), "kenmerk.extract.text:read_text_input",
                shown="text"),
)
PLAIN_TEXT = FORMATS[-1]

#: the suffixes a batch picks up in folders and archives: every document format; zip archives are opened by the
#: batch itself, and web pages are passed over (counted in the summary: a folder's index.html is no input)
DOCUMENT_SUFFIXES: tuple[str, ...] = tuple(s for f in FORMATS if f.name not in ("archive", "html") for s in f.suffixes)
ARCHIVE_SUFFIXES: tuple[str, ...] = next(f.suffixes for f in FORMATS if f.name == "archive")


def format_for_name(name: str) -> InputFormat | None:
    """The format a file name's suffix names, or None."""
    suffix = Path(name).suffix.lower()
    return next((f for f in FORMATS if suffix in f.suffixes), None) if suffix else None


def input_format(data: bytes, name: str) -> tuple[InputFormat, str | None]:
    """The format of an input by its bytes, then its name; and a warning when the two disagree.

    Raises `UnreadableInput` for a name that promises a binary format the bytes are not.
    """
    named = format_for_name(name)
    found = next((f for f in FORMATS if f.sniff is not None and f.sniff(data)), None)
    if found is not None:
        if named is None or named is found or found.reader is None:
            return found, None
        return found, (f"read as {found.label} by its content, although its name ({Path(name).suffix}) "
                       f"says {named.label}")
    if named is not None:
        if named.missing is not None:
            raise UnreadableInput(named.missing, path=name)
        return named, None
    return next((f for f in FORMATS if f.guess is not None and f.guess(data)), PLAIN_TEXT), None


#: media types of the inputs that have pages to draw (PDF and images)
PAGED_MEDIA_TYPES = frozenset(f.media_type for f in FORMATS if f.paged)


def _function(path: str) -> Callable:
    module, function = path.split(":")
    return getattr(importlib.import_module(module), function)


def pages_pdf(data: bytes, name: str) -> bytes | None:
    """The input's pages as a PDF to draw them (the review): a PDF as it is, an image's pages at the
    resolution its lines are measured in; None for an input without pages."""
    fmt, _ = input_format(data, name)
    if not fmt.paged:
        return None
    return _function(fmt.drawn)(data, name) if fmt.drawn else data


def shown_text(data: bytes, name: str) -> str | None:
    """What a reviewer reads of an input without pages: a text input's text as decoded, the lines an
    e-mail or a Word document is read as; None for an input with pages (a PDF, an image)."""
    fmt, _ = input_format(data, name)
    if fmt.paged:
        return None
    if fmt.shown == "text":
        from kenmerk.extract.text import decode_text  # (imported when used: the batch's parent needs no reader)

        return decode_text(data, name=name)
    return fmt.read(data, name, DEFAULT_LIMITS).text()


def read_bytes(data: bytes, name: str, limits: ReadLimits = DEFAULT_LIMITS, *,
               on_page: PageCallback | None = None) -> tuple[Layout, Source]:
    """Lay out the bytes of one document named `name` (used in errors and `Source`).

    `on_page(done, total)` is called each time a page is final (a text input: once, with (1, 1)).
    """
    if len(data) > limits.max_bytes:
        raise UnreadableInput(f"file too large ({len(data)} bytes > limit {limits.max_bytes})", path=name)
    if not data.strip():
        raise UnreadableInput("empty file", path=name)
    fmt, warning = input_format(data, name)
    layout = fmt.read(data, name, limits, on_page)
    if warning is not None:
        layout.notes.insert(0, warning)
    from kenmerk.extract.model import Source  # (imported when used: the batch's parent needs no model)

    source = Source(
        file_name=os.path.basename(name) or name,
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=fmt.media_type,
        size=len(data),
        page_count=len(layout.pages) if fmt.paged else None,
    )
    return layout, source


def read_path(path: str | os.PathLike[str], limits: ReadLimits = DEFAULT_LIMITS, *,
              on_page: PageCallback | None = None) -> tuple[Layout, Source]:
    """Read a file from disk; `-` reads standard input. `on_page` as for `read_bytes`."""
    name = os.fspath(path)
    if name == "-":
        import sys

        return read_bytes(sys.stdin.buffer.read(limits.max_bytes + 1), "<stdin>", limits, on_page=on_page)
    p = Path(name)
    try:
        if p.is_dir():
            raise UnreadableInput("is a directory", path=name)
        size = p.stat().st_size
        if size > limits.max_bytes:
            raise UnreadableInput(f"file too large ({size} bytes > limit {limits.max_bytes})", path=name)
        data = p.read_bytes()
    except FileNotFoundError:
        raise UnreadableInput("no such file", path=name) from None
    except PermissionError:
        raise UnreadableInput("permission denied", path=name) from None
    except OSError as exc:
        raise UnreadableInput(f"cannot read ({exc.strerror or exc})", path=name) from None
    return read_bytes(data, name, limits, on_page=on_page)
