"""The PDF readers kenmerk can lay a PDF out with, by name (a table the command line and
`ReadLimits` check names against without importing a reader)."""
from __future__ import annotations

from typing import Literal

from kenmerk.extract.errors import InvalidSetting

PdfReader = Literal["pdfium", "pdfminer"]
#: each PDF reader → the module whose `read_pages` lays a PDF out with it (imported when first used)
READERS: dict[PdfReader, str] = {"pdfium": "kenmerk.extract.pdf_pdfium", "pdfminer": "kenmerk.extract.pdf_pdfminer"}
PDF_READERS: tuple[PdfReader, ...] = tuple(READERS)
DEFAULT_READER: PdfReader = "pdfium"


def check_reader(reader: str, name: str | None = None) -> PdfReader:
    """`reader` as one of `READERS`; `InvalidSetting` for a name that is not."""
    for known in PDF_READERS:
        if reader == known:
            return known
    raise InvalidSetting(f"unknown PDF reader {reader!r} (use one of {', '.join(PDF_READERS)})", path=name)
