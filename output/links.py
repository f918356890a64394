"""Links between the notes of one batch, and each document's own URL.

    linker = BatchLinker(base, download_base="https://open.example.nl/documenten/")
    for label, note in batch:                      # in input order
        links = linker.add(note, label)            # NoteLinks for kenmerk.output.graph
    linker.url_of(note_iri)                        # a note's document URL, when known

- **The document's URL**: a URL input is its own URL; otherwise `download_base` joined with the
  file name (percent-encoded), when the publisher says where the files are served. Unknown
  otherwise (None): nothing is guessed.
- **Attachments that are files of the batch**: an attachment whose title, without a leading
  "Bijlage 3:" and a file extension, reads the same (`match_key`) as the file name or the
  title of another note of the batch is that note. The link is written in the graph of the
  note that comes *later* in the batch, when both are known, so notes are mapped one by one
  as they stream in, and the same batch in the same order gives the same triples.

One linker per run: it holds the keys of the notes seen so far (no module-level state).
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import PurePosixPath
from urllib.parse import quote, urlsplit

from rdflib import URIRef

from kenmerk.extract import Note
from kenmerk.output.graph import AttachmentLink, NoteLinks, note_iri, slug

#: keys shorter than this match too much ("nota", "brief") to link on
MIN_KEY = 6
_ATTACHMENT_PREFIX = re.compile(r"^\s*(?:bijlage|bijl\.?|annex|attachment|appendix)\s*[0-9ivxlc]*\s*[:.)\-–]?\s*", re.I)
_EXTENSION = re.compile(r"\.(?:pdf|docx?|odt|txt|md|xlsx?|ods|csv|html?|zip)$", re.I)


def match_key(text: str | None) -> str | None:
    """The form in which an attachment title, a file name and a title are compared; None when too short."""
    if not text:
        return None
    text = _EXTENSION.sub("", _ATTACHMENT_PREFIX.sub("", text.strip()))
    key = slug(text, 120)
    return key if len(key) >= MIN_KEY else None


def is_url(text: str) -> bool:
    """An http(s) URL (the label of a URL input)."""
    parts = urlsplit(text)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


def document_url(note: Note, label: str | None, download_base: str | None) -> str | None:
    """Where the document of `note` is served: its URL input, or `download_base` + file name; else None."""
    if label and is_url(label):
        return label
    name = note.source.file_name
    if not download_base or not name or name.startswith("<") or "/" in name:
        return None
    root = download_base if download_base.endswith("/") else download_base + "/"
    return root + quote(name)


class BatchLinker:
    """Finds the document URL of each note and the links between notes of one batch (see the module)."""

    def __init__(self, base: str | None, download_base: str | None = None) -> None:
        self.base = base
        self.download_base = download_base
        self._notes: dict[str, URIRef] = {}  # match key of a file name or title → the first note with it
        self._wanted: dict[str, list[tuple[URIRef, int]]] = defaultdict(list)  # attachment key → (note, position)
        self._urls: dict[URIRef, str] = {}

    def add(self, note: Note, label: str | None = None) -> NoteLinks:
        """The links of `note` (the next one of the batch) to itself and to the notes before it."""
        iri = note_iri(note, self.base)
        url = document_url(note, label, self.download_base)
        if url:
            self._urls[iri] = url
        found: list[AttachmentLink] = []
        own = {k for k in (match_key(PurePosixPath(note.source.file_name).stem), match_key(note.title)) if k}
        for own_key in sorted(own):  # this note is an attachment of a note before it
            found += [AttachmentLink(parent, position, iri) for parent, position in self._wanted.get(own_key, ())
                      if parent != iri]
        for position, attachment in enumerate(note.attachments, 1):
            key = match_key(attachment.title)
            if key is None:
                continue
            earlier = self._notes.get(key)
            if earlier is not None and earlier != iri:  # an attachment that is a note before this one
                found.append(AttachmentLink(iri, position, earlier))
            self._wanted[key].append((iri, position))
        for key in own:
            self._notes.setdefault(key, iri)
        return NoteLinks(url, tuple(dict.fromkeys(found)))

    def url_of(self, iri: URIRef) -> str | None:
        """The document URL of a note seen so far, when known."""
        return self._urls.get(iri)


__all__ = ["BatchLinker", "MIN_KEY", "document_url", "is_url", "match_key"]
