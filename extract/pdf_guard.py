"""What pdfium cannot be stopped from doing once it has started, refused before it starts.

pdfium is C++: a Python time limit (an alarm) cannot interrupt it, and when it runs out of memory
it aborts the whole process. Two kinds of file make it do that, and are refused first, with the
same one-line `UnreadableInput` pdfminer.six's reader gives:

- a decompression bomb: a Flate stream that inflates past `MAX_STREAM_BYTES`
  (`kenmerk.extract.inflate.check_streams`);
- a form bomb: form XObjects that draw each other over and over (form 1 draws form 2 twice, which
  draws form 3 twice, ... forty deep: 2^40 drawings), which pdfium expands, all of them, when it
  loads the page. The drawings a page asks for are counted on pdfminer.six's parse of the file
  (only its page dictionaries, form dictionaries and the content streams of pages that use forms),
  and a page asking for more than `MAX_FORM_DRAWS` is refused.
"""
from __future__ import annotations

import io
import itertools
import re
import zlib
from typing import TYPE_CHECKING

from kenmerk.extract.errors import UnreadableInput
from kenmerk.extract.inflate import MAX_STREAM_BYTES, STREAM_START, StreamTooLarge, check_streams
from kenmerk.extract.pdf_messages import broken

if TYPE_CHECKING:  # pdfminer.six is imported only for a file whose forms draw (its parse costs 30 ms to import)
    from pdfminer.pdftypes import PDFStream

#: the most form XObjects one page may draw, nested drawings counted (a real page draws a few hundred)
MAX_FORM_DRAWS = 100_000
#: `/Name Do`: a content stream draws the XObject called Name
DRAW = re.compile(rb"/([^\s/\[\]()<>{}%]+)\s*Do\b")
#: a form XObject's dictionary (a stream's dictionary is never compressed: PDF 32000-1, 7.5.7)
FORM = re.compile(rb"/Subtype\s*/Form\b")
#: a stream dictionary's filter: none, or Flate alone without parameters (other filters are not decoded here)
FILTER = re.compile(rb"/(?:Filter|DecodeParms)\b")
FLATE_ALONE = re.compile(rb"/Filter\s*(?:\[\s*)?/FlateDecode\s*(?:\]\s*)?[/>]")


class FormBomb(Exception):
    """A page draws form XObjects more than `MAX_FORM_DRAWS` times."""

    def __init__(self, page: int) -> None:
        super().__init__(f"page {page} draws form XObjects more than {MAX_FORM_DRAWS} times (a form bomb?)")


def _forms(resources) -> dict[str, PDFStream]:
    """The form XObjects of a resource dictionary, by name."""
    from pdfminer.pdftypes import PDFStream, resolve1
    from pdfminer.psparser import PSLiteral

    xobjects = resolve1((resolve1(resources) or {}).get("XObject")) or {}
    forms = {}
    for name, ref in xobjects.items():
        obj = resolve1(ref)
        if isinstance(obj, PDFStream) and isinstance(resolve1(obj.get("Subtype")), PSLiteral) \
                and resolve1(obj.get("Subtype")).name == "Form":
            forms[name] = obj
    return forms


def _draws(content: bytes, forms: dict[str, PDFStream]) -> list[PDFStream]:
    """The forms a content stream draws, once per drawing."""
    return [forms[name] for name in (m.group(1).decode("latin-1") for m in DRAW.finditer(content)) if name in forms]


def _count(form: PDFStream, page_forms: dict[str, PDFStream], known: dict[int, int], open_: set[int],
           page: int) -> int:
    """How many forms drawing `form` draws, itself and all nested drawings included."""
    key = id(form)
    if key in known:
        return known[key]
    if key in open_:
        return 1  # a form that draws itself: pdfium stops there
    open_.add(key)
    forms = _forms(form.get("Resources")) if form.get("Resources") is not None else page_forms
    total = 1
    for child in _draws(form.get_data(), forms) if forms else ():
        total += _count(child, forms, known, open_, page)
        if total > MAX_FORM_DRAWS:
            raise FormBomb(page)
    open_.discard(key)
    known[key] = total
    return total


def _form_draws(data: bytes, found: re.Match[bytes]) -> bool:
    """Whether the form whose dictionary holds `found` may draw an XObject: its content (raw, or
    inflated when Flate is its only filter) has a `Do`; anything not read here counts as drawing."""
    start = STREAM_START.search(data, found.end())
    if start is None or b"endobj" in data[found.end():start.start()]:
        return start is None  # no stream follows: not a form's dictionary after all (or a cut file)
    head = data[data.rfind(b"obj", 0, found.start()):start.start()]
    if not FILTER.search(head):
        content = data[start.end():data.find(b"endstream", start.end())]
    elif FLATE_ALONE.search(head) and b"/DecodeParms" not in head:
        try:
            content = zlib.decompressobj().decompress(memoryview(data)[start.end():], MAX_STREAM_BYTES)
        except zlib.error:
            return True
    else:
        return True
    return DRAW.search(content) is not None


def _check_forms(data: bytes, max_pages: int | None) -> None:
    """Raise `FormBomb` when a page (of the first `max_pages`) draws forms too often. Forms drawn over
    and over need a form that draws: a file whose forms draw nothing (or that has fewer than two) is not
    parsed."""
    if sum(1 for _ in itertools.islice(FORM.finditer(data), 2)) < 2:
        return
    if not any(_form_draws(data, found) for found in FORM.finditer(data)):
        return
    from pdfminer.pdfdocument import PDFDocument
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser
    from pdfminer.pdftypes import PDFStream

    document = PDFDocument(PDFParser(io.BytesIO(data)))
    known: dict[int, int] = {}
    for number, page in enumerate(itertools.islice(PDFPage.create_pages(document), max_pages), 1):
        forms = _forms(page.resources)
        if not forms:
            continue
        content = b"".join(stream.get_data() for stream in page.contents if isinstance(stream, PDFStream))
        total = 0
        for form in _draws(content, forms):
            total += _count(form, forms, known, set(), number)
            if total > MAX_FORM_DRAWS:
                raise FormBomb(number)


def check(data: bytes, name: str, max_pages: int | None) -> None:
    """Raise `UnreadableInput` for a decompression bomb or a form bomb; what pdfminer cannot parse is
    left for pdfium to judge."""
    try:
        check_streams(data)
        _check_forms(data, max_pages)
    except (StreamTooLarge, FormBomb) as exc:
        raise UnreadableInput(broken(exc), path=name) from None
    except MemoryError:
        pass
    except Exception as exc:  # what pdfminer cannot parse: pdfium judges it
        from kenmerk.extract.pdf_pdfminer import PDFMINER_ERRORS

        if not isinstance(exc, PDFMINER_ERRORS):
            raise
