"""Build a `Note` from a `Layout`: run every field extractor, then validate.

Each extractor is one named unit (`kenmerk.extract.fields.*`) that reads the
laid-out document and returns its value with evidence; this module only wires
them together, so adding a field touches one place.
"""
from __future__ import annotations

import os

from pydantic import ValidationError

from kenmerk.extract.context import Document
from kenmerk.extract.errors import InvalidNote
from kenmerk.extract.fields import FIELD_EXTRACTORS
from kenmerk.extract.layout import Layout
from kenmerk.extract.model import Note, Source
from kenmerk.extract.personal import personal_values, scrub_note
from kenmerk.extract.progress import PageCallback
from kenmerk.extract.reader import DEFAULT_LIMITS, ReadLimits, read_bytes, read_path
from kenmerk.extract.version import __version__


def note_from_layout(layout: Layout, source: Source, *, keep_personal_data: bool = False) -> Note:
    """Run the field extractors over a laid-out document and validate the result.

    Personal data (names of civil servants, direct phone numbers, e-mail addresses) is
    left out unless `keep_personal_data` (`kenmerk.extract.personal.scrub_note`).
    """
    doc = Document(layout)
    values: dict = {"extractor": __version__, "source": source, "evidence": {}, "warnings": list(layout.notes)}
    for extractor in FIELD_EXTRACTORS:
        extractor(doc, values)
    values["warnings"].extend(doc.warnings)
    try:
        note = Note.model_validate(values)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InvalidNote(f"invalid {where}: {first['msg']}", path=source.file_name) from None
    return note if keep_personal_data else scrub_note(note, known=personal_values(doc.pairs))


def extract_note(data: bytes, name: str, limits: ReadLimits = DEFAULT_LIMITS, *,
                 keep_personal_data: bool = False, on_page: PageCallback | None = None) -> Note:
    """Extract a `Note` from the bytes of a PDF, text or Markdown file called `name`.

    `on_page(done, total)` is called each time a page is final (see `read_bytes`).
    """
    layout, source = read_bytes(data, name, limits, on_page=on_page)
    return note_from_layout(layout, source, keep_personal_data=keep_personal_data)


def read_note(path: str | os.PathLike[str], limits: ReadLimits = DEFAULT_LIMITS, *,
              keep_personal_data: bool = False, on_page: PageCallback | None = None) -> Note:
    """Extract a `Note` from a file (PDF, .txt, .md); `-` reads standard input.

    Personal data is left out unless `keep_personal_data` (see `kenmerk.extract.personal`);
    `on_page(done, total)` is called each time a page is final (see `read_bytes`).
    """
    layout, source = read_path(path, limits, on_page=on_page)
    return note_from_layout(layout, source, keep_personal_data=keep_personal_data)
