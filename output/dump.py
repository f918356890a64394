"""Dump files for a portal: one N-Quads or TriG file per run, optional per-note files.

Every file is written atomically (temporary sibling + rename) and is
deterministic: the same notes give byte-identical files. N-Quads lines are
sorted; TriG is written from sorted quads; gzip files carry mtime 0 and no
file name.
"""
from __future__ import annotations

import gzip
import hashlib
import io
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kenmerk.output.atomic import write_atomic

#: dump formats: name → (file suffix, media type, EU file-type NAL code)
DUMP_FORMATS: dict[str, tuple[str, str, str]] = {
    "nquads": (".nq", "application/n-quads", "RDF_N_QUADS"),
    "trig": (".trig", "application/trig", "RDF_TRIG"),
}
#: per-note file formats follow the dump format: triples only
NOTE_FILE_FORMATS: dict[str, tuple[str, str, str]] = {
    "nquads": (".nt", "application/n-triples", "RDF_N_TRIPLES"),
    "trig": (".ttl", "text/turtle", "RDF_TURTLE"),
}
DUMP_NAME = "notes"
NOTES_DIR = "notes"


@dataclass(frozen=True)
class DumpFile:
    """A written file, as the catalog describes it."""

    path: Path
    media_type: str
    file_type: str  # EU file-type NAL code
    byte_size: int
    sha256: str
    gzip: bool = False

    @property
    def name(self) -> str:
        return self.path.name


def _sort_key(q: ox.Quad) -> tuple[str, str, str, str]:
    return (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object))


def nquads_bytes(quads: Iterable[ox.Quad]) -> bytes:
    """Sorted, de-duplicated N-Quads lines."""
    lines = {f"{q} .\n" for q in quads}
    return "".join(sorted(lines)).encode("utf-8")


def ntriples_bytes(triples: Iterable[ox.Triple | ox.Quad]) -> bytes:
    """Sorted, de-duplicated N-Triples lines (graph names dropped)."""
    lines = {f"{t.subject} {t.predicate} {t.object} .\n" for t in triples}
    return "".join(sorted(lines)).encode("utf-8")


def trig_bytes(quads: Iterable[ox.Quad], prefixes: Mapping[str, str] | None = None) -> bytes:
    """TriG from sorted, de-duplicated quads."""
    ordered = sorted(set(quads), key=_sort_key)
    return ox.serialize(ordered, format=ox.RdfFormat.TRIG, prefixes=dict(sorted((prefixes or {}).items())))


def turtle_bytes(triples: Iterable[ox.Triple | ox.Quad], prefixes: Mapping[str, str] | None = None) -> bytes:
    """Turtle from sorted, de-duplicated triples."""
    ordered = sorted({ox.Triple(t.subject, t.predicate, t.object) for t in triples},
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return ox.serialize(ordered, format=ox.RdfFormat.TURTLE, prefixes=dict(sorted((prefixes or {}).items())))


def gzip_bytes(data: bytes) -> bytes:
    """gzip without time stamp or file name: the same input gives the same bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as fh:
        fh.write(data)
    return buffer.getvalue()


def _write(path: Path, data: bytes, media_type: str, file_type: str, compressed: bool) -> DumpFile:
    write_atomic(path, data)
    return DumpFile(path, media_type, file_type, len(data), hashlib.sha256(data).hexdigest(), compressed)


def write_dump(
    out_dir: str | os.PathLike[str],
    quads: Iterable[ox.Quad],
    *,
    fmt: str = "nquads",
    compress: bool = False,
    prefixes: Mapping[str, str] | None = None,
    name: str = DUMP_NAME,
) -> DumpFile:
    """Write all `quads` to `out_dir/notes.nq` (or `.trig`, `+.gz`)."""
    suffix, media_type, file_type = DUMP_FORMATS[fmt]
    data = nquads_bytes(quads) if fmt == "nquads" else trig_bytes(quads, prefixes)
    path = Path(out_dir) / f"{name}{suffix}"
    if compress:
        data = gzip_bytes(data)
        path = path.with_name(path.name + ".gz")
    return _write(path, data, media_type, file_type, compress)


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def note_file_stem(note_iri: str, base: str | None = None) -> str:
    """A file name stem for a note IRI: its part after `base` (or last segment), made safe."""
    rest = note_iri[len(base):] if base and note_iri.startswith(base) else note_iri.rstrip("/").rsplit("/", 1)[-1]
    stem = _UNSAFE.sub("_", rest.replace("/", "_")).strip("._") or "note"
    if stem != rest.replace("/", "_") or len(stem) > 120:
        stem = f"{stem[:100]}-{hashlib.sha256(note_iri.encode()).hexdigest()[:10]}"
    return stem


def write_note_files(
    out_dir: str | os.PathLike[str],
    graphs: Mapping[str, Iterable[ox.Quad]],
    *,
    fmt: str = "nquads",
    base: str | None = None,
    prefixes: Mapping[str, str] | None = None,
) -> list[Path]:
    """One file per note graph under `out_dir/notes/`: N-Triples (nquads) or Turtle (trig)."""
    suffix, _, _ = NOTE_FILE_FORMATS[fmt]
    folder = Path(out_dir) / NOTES_DIR
    written: list[Path] = []
    used: set[str] = set()
    for iri in sorted(graphs):
        stem = note_file_stem(iri, base)
        if stem in used:
            stem = f"{stem}-{hashlib.sha256(iri.encode()).hexdigest()[:10]}"
        used.add(stem)
        triples = list(graphs[iri])
        data = ntriples_bytes(triples) if fmt == "nquads" else turtle_bytes(triples, prefixes)
        path = folder / f"{stem}{suffix}"
        write_atomic(path, data)
        written.append(path)
    return written
