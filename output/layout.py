"""`publish --out DIR --per-note`: each note's description at its IRI's path, as `kenmerk serve` answers it.

The note `https://data.example.nl/id/note/mnre1090/2024-1/2024-03-01/abcd` is written to
`DIR/id/note/mnre1090/2024-1/2024-03-01/abcd.ttl`, `.jsonld`, `.nt` and `.html`; so is every
shared resource minted under the base (kenmerk groups, the software agent, kmk concepts). The bytes
are those `kenmerk serve` answers for the IRI (`kenmerk.output.web`: the note's graph with the
shared descriptions it points to), so a static web server whose document root is `DIR`, with the
nginx or Apache rewrite rules in `output/PUBLISHING.md`, serves every IRI with content negotiation.
Files are written atomically and are byte-identical for the same notes.
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pyoxigraph as ox

from kenmerk.output.atomic import OutputError, write_atomic
from kenmerk.output.graph import shared_graph_iri
from kenmerk.output.web import DOC_FORMATS, Describer, Renderer


def iri_path(iri: str, base: str) -> PurePosixPath:
    """The file path (relative to the document root) of an IRI on the base's host: its URL path, decoded.

    Raises OutputError for an IRI on another host, or a path a web server would not map to a file.
    """
    parts, root = urlsplit(iri), urlsplit(base)
    segments = [unquote(s) for s in parts.path.split("/")[1:]]
    if (parts.scheme, parts.netloc) != (root.scheme, root.netloc) or parts.query or parts.fragment or any(
            s in ("", ".", "..") or "/" in s or "\0" in s for s in segments):
        raise OutputError(f"no file path for {iri} (not a path under {base})", path=iri)
    return PurePosixPath(*segments)


def _minted(store: ox.Store, base: str, notes: Iterable[str]) -> list[str]:
    """The notes, then the shared resources minted under the base (subjects of the shared graph)."""
    shared = {q.subject.value for q in store.quads_for_pattern(None, None, None, ox.NamedNode(str(shared_graph_iri(base))))
              if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(base)}
    notes = sorted(notes)
    return notes + sorted(shared - set(notes))


def write_iri_files(
    out_dir: str | os.PathLike[str],
    graphs: Mapping[str, Iterable[ox.Quad]],
    shared: Iterable[ox.Quad],
    base: str,
) -> list[Path]:
    """Write the files of every note in `graphs` (note IRI → its quads) and of the shared resources."""
    store = ox.Store()  # in memory: the same Describer as `kenmerk serve`
    store.bulk_extend([q for quads in graphs.values() for q in quads])
    store.bulk_extend(list(shared))
    describer, renderer = Describer(store, base), Renderer(base)
    written: list[Path] = []
    for iri in _minted(store, base, graphs):
        path = iri_path(iri, base)
        triples = describer.describe(iri)
        url_path = "/" + path.as_posix()
        for fmt in DOC_FORMATS:
            data = renderer.html(iri, triples, url_path) if fmt.name == "html" else renderer.rdf(triples, fmt.ox())
            target = Path(out_dir) / f"{path}{fmt.extension}"
            write_atomic(target, data)
            written.append(target)
    return written


__all__ = ["iri_path", "write_iri_files"]
