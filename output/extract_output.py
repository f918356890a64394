"""What `kenmerk extract --format FORMAT` writes besides JSON: RDF of the batch, or DiWoo XML.

The notes of a batch are written together, so links between them (attachments that are files of
the batch, `kenmerk.output.links`) and each document's URL (a URL input, or `--download-base`) go
in. DiWoo output is written note by note: a note that cannot be written (no date, no URL for
`<loc>`) is one line `path: reason` and one `--errors` entry, and the others are written.

- `-o FILE` (or stdout): the RDF, or one sitemap `urlset`;
- `-o DIR/` (an existing folder, or a path ending in `/`) with `--format diwoo`: the DiWoo delivery
  folder (`sitemapindex-diwoo-infocatNNN.xml`, the sitemaps, `robots.txt`), served at
  `--sitemap-url` (default: `--download-base`).
"""
from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from kenmerk.extract import Note
from kenmerk.extract.errors import DiwooError, InvalidSetting
from kenmerk.output.atomic import atomic_open, write_atomic


def _is_folder(path: str) -> bool:
    return path.endswith(("/", os.sep)) or os.path.isdir(path)


def write_diwoo(items: Sequence[tuple[str, Note]], output: str | None, *, base: str | None,
                download_base: str | None, sitemap_url: str | None,
                failed: Callable[[DiwooError], None]) -> int:
    """Write the DiWoo XML of `items` (label, note); each note that cannot be written goes to `failed`.

    Returns the number of notes written.
    """
    from kenmerk.output.diwoo import diwoo_documents, sitemap_folder, urlset

    docs = diwoo_documents(items, base=base, download_base=download_base)
    if output and _is_folder(output):
        where = sitemap_url or download_base
        if not where:
            raise InvalidSetting(f"{output}: a sitemap folder needs --sitemap-url URL (where its files are served) "
                             "or --download-base URL")
        files, errors = sitemap_folder(docs, where)
        for name, data in files.items():
            write_atomic(Path(output) / name, data)
    else:
        data, errors = urlset(docs)
        if output:
            with atomic_open(output, "wb") as fh:
                fh.write(data)
        else:
            sys.stdout.buffer.write(data)
    for error in errors:
        failed(error)
    return len(docs) - len(errors)


def write_rdf(items: Sequence[tuple[str, Note]], fmt: str, output: str | None, *, base: str | None,
              evidence: bool, download_base: str | None, keep_extracted: bool = False) -> None:
    """Write the notes of `items` in an RDF format (`kenmerk.output.serialize`), with the batch's links."""
    from kenmerk.output.links import BatchLinker
    from kenmerk.output.serialize import serialize_notes

    linker = BatchLinker(base, download_base)
    links = [linker.add(note, label) for label, note in items]
    data = serialize_notes([note for _, note in items], fmt, base=base, evidence=evidence, links=links,
                           keep_extracted=keep_extracted)
    if output:
        with atomic_open(output, "wb") as fh:
            fh.write(data)
    else:
        sys.stdout.buffer.write(data)


__all__ = ["write_diwoo", "write_rdf"]
