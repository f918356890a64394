"""Build a `Note` from a `Layout`: run every field extractor, then validate.

Each field extractor is a registered unit (`kenmerk.extract.fields.FIELDS`) that
proposes candidates; one selection step per field chooses the winner. This
module turns the winners into a validated `Note` (`note_from_layout`), or keeps
the candidates beside it for `kenmerk extract --explain` (`extract_layout`).
"""
from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ValidationError

from kenmerk.extract.candidates import Candidate, Results
from kenmerk.extract.context import Document
from kenmerk.extract.errors import InvalidNote
from kenmerk.extract.fields import ORDER, run_fields
from kenmerk.extract.layout import Layout
from kenmerk.extract.model import Note, Source, invalid_note_reason
from kenmerk.extract.personal import personal_values, scrub_note, text_scrubber
from kenmerk.extract.progress import PageCallback
from kenmerk.extract.reader import DEFAULT_LIMITS, ReadLimits, read_bytes, read_path
from kenmerk.extract.version import __version__


@dataclass(frozen=True)
class Extraction:
    """A note with how it was found: every field's candidates and the winner's reason."""

    note: Note
    results: Results
    document: Document
    personal: tuple[str, ...]
    """Printed values the document marks as personal (scrubbed from the note and the explanation)."""
    keep_personal_data: bool = False
    scrub: Callable[[str], str] = str
    """Scrubs a text beside the note (a runner-up's value or evidence) of what the note leaves out."""


def extract_layout(layout: Layout, source: Source, *, keep_personal_data: bool = False) -> Extraction:
    """Run the field extractors over a laid-out document; validate the winners into a `Note`.

    Personal data (names of civil servants, direct phone numbers, e-mail addresses) is
    left out unless `keep_personal_data` (`kenmerk.extract.personal.scrub_note`).
    """
    doc = Document(layout)
    results = run_fields(doc)
    values: dict = {"extractor": __version__, "source": source, "evidence": {}, "warnings": list(layout.notes)}
    for extractor in ORDER:
        result = results.fields[extractor.field]
        chosen = result.chosen
        values[extractor.field] = chosen.value if chosen is not None else extractor.default
        if extractor.scalar and chosen is not None and chosen.value is not None and (chosen.lines or chosen.text):
            values["evidence"][extractor.field] = doc.evidence(list(chosen.lines), chosen.text)
    values["warnings"].extend(doc.warnings)
    try:
        note = Note.model_validate(values)
    except ValidationError as exc:
        raise InvalidNote(invalid_note_reason(exc), path=source.file_name) from None
    personal = tuple(personal_values(doc.pairs))
    if keep_personal_data:
        return Extraction(note=note, results=results, document=doc, personal=personal, keep_personal_data=True)

    @functools.cache
    def scrubber() -> Callable[[str], str]:
        candidates = [c for r in results.fields.values() for c in r.candidates]
        return text_scrubber(note, personal, texts=[doc.full_text, *(t for c in candidates for t in _texts_of(c))],
                             persons=[c.value for c in results.fields["addressee"].candidates
                                      if isinstance(c.value, str)])

    # built on first use: only the runners-up of `--explain` and the review need it
    return Extraction(note=scrub_note(note, known=personal), results=results, document=doc, personal=personal,
                      scrub=lambda text: scrubber()(text))


def _texts_of(candidate: Candidate) -> list[str]:
    """The texts a candidate shows: its evidence text and its lines."""
    return [t for t in (candidate.text, " ".join(ln.text for ln in candidate.lines)) if t]


def note_from_layout(layout: Layout, source: Source, *, keep_personal_data: bool = False) -> Note:
    """Run the field extractors over a laid-out document and validate the result (see `extract_layout`)."""
    return extract_layout(layout, source, keep_personal_data=keep_personal_data).note


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
