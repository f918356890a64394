"""Dump files for a portal: one N-Quads or TriG file per run (the per-note files: `kenmerk.output.layout`).

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
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kenmerk.output.atomic import write_atomic
from kenmerk.output.formats import DUMP_FORMATS, Format, by_name

DUMP_NAME = "notes"


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


def ox_bytes(terms: Iterable[ox.Triple] | Iterable[ox.Quad], fmt: ox.RdfFormat,
             prefixes: Mapping[str, str] | None = None) -> bytes:
    """`ox.serialize` into bytes (it returns them when it is given no output to write to)."""
    data = ox.serialize(terms, format=fmt, prefixes=dict(prefixes) if prefixes is not None else None)
    if data is None:  # pragma: no cover - only with an output
        raise TypeError("pyoxigraph wrote the triples elsewhere")
    return data


def trig_bytes(quads: Iterable[ox.Quad], prefixes: Mapping[str, str] | None = None) -> bytes:
    """TriG from sorted, de-duplicated quads."""
    ordered = sorted(set(quads), key=_sort_key)
    return ox_bytes(ordered, by_name("trig").ox(), dict(sorted((prefixes or {}).items())))


def turtle_bytes(triples: Iterable[ox.Triple | ox.Quad], prefixes: Mapping[str, str] | None = None) -> bytes:
    """Turtle from sorted, de-duplicated triples."""
    ordered = sorted({ox.Triple(t.subject, t.predicate, t.object) for t in triples},
                     key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return ox_bytes(ordered, by_name("turtle").ox(), dict(sorted((prefixes or {}).items())))


def gzip_bytes(data: bytes) -> bytes:
    """gzip without time stamp or file name: the same input gives the same bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as fh:
        fh.write(data)
    return buffer.getvalue()


def dump_file(path: Path, data: bytes, fmt: Format, compressed: bool = False) -> DumpFile:
    """How the catalog describes the file `path` holding `data` in format `fmt`."""
    return DumpFile(path, fmt.media_type, fmt.file_type or "", len(data), hashlib.sha256(data).hexdigest(),
                    compressed)


def dump_path(out_dir: str | os.PathLike[str], fmt: str, compress: bool = False, name: str = DUMP_NAME) -> Path:
    """Where the dump in format `fmt` goes: `out_dir/notes.nq` (or `.trig`, `+.gz`)."""
    path = Path(out_dir) / f"{name}{by_name(fmt).extension}"
    return path.with_name(path.name + ".gz") if compress else path


def write_dump(
    out_dir: str | os.PathLike[str],
    quads: Iterable[ox.Quad],
    *,
    fmt: str = "nquads",
    compress: bool = False,
    prefixes: Mapping[str, str] | None = None,
    name: str = DUMP_NAME,
) -> DumpFile:
    """Write all `quads` to `out_dir/notes.nq` (or `.trig`, `+.gz`): `fmt` is one of `DUMP_FORMATS`."""
    if fmt not in DUMP_FORMATS:
        raise KeyError(fmt)
    data = nquads_bytes(quads) if fmt == "nquads" else trig_bytes(quads, prefixes)
    if compress:
        data = gzip_bytes(data)
    path = dump_path(out_dir, fmt, compress, name)
    write_atomic(path, data)
    return dump_file(path, data, by_name(fmt), compress)
