"""`kenmerk validate FILE...`: check notes against the shipped SHACL shapes.

A FILE is read by what its name says (`--format` overrides it):

- RDF in any format of `kenmerk.output.formats` (`.ttl`/`.turtle`, `.nt`, `.rdf`/`.xml`, `.jsonld`,
  `.trig`, `.nq`), gzipped too (`notes.nq.gz`, what `publish --out --gzip` writes): parsed as RDF,
  every named graph included;
- JSON or JSON Lines written by `kenmerk extract` (`.json`, `.jsonl`, `.ndjson`);
- a document kenmerk reads (PDF, Word, e-mail, image, `.txt`, `.md`): extracted first;
- a folder: each such file in it, recursively (files in it that hold no notes, such as
  `catalog.ttl`, are named and passed over);
- `-`: standard input, in the format `--format` names.

`--corrections FILE` (repeatable) corrects the notes of documents and JSON files before they are
checked (`kenmerk.output.corrections`); each refused line is one line on stderr and exit 1.

Each graph is checked with pySHACL against `vocab/shapes.ttl`; every problem prints one line:
which note, which field, what is wrong. A file that cannot be read or parsed, or that holds no
note, is one line `path: reason` on stderr and never "conforms". Exit 0 when every graph
conforms (warnings allowed), 1 when one does not or a file fails, 2 for wrong usage.
"""
from __future__ import annotations

import gzip
import io
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kenmerk.extract import KenmerkError, UsageError
from kenmerk.output.commands.options import add_corrections_option, corrections_from_args
from kenmerk.output.formats import RDF_FORMATS, Format, by_name, format_help, format_type, formats_for_path

if TYPE_CHECKING:
    from kenmerk.output.corrections import Corrections

#: what `--format` takes: an RDF format, or kenmerk's JSON
VALIDATE_FORMATS = (*RDF_FORMATS, "json", "jsonl")
#: bytes read from one file, decompressed (a gzip bomb stops here)
MAX_BYTES = 1024**3
GZIP_MAGIC = b"\x1f\x8b"

EXAMPLES = """examples:
  kenmerk validate notes.jsonl                      # notes written by kenmerk extract
  kenmerk validate out.ttl site/notes.nq.gz         # RDF, gzipped or not
  kenmerk validate site/                            # every RDF, JSON and document file in a folder
  kenmerk extract nota.pdf -f ttl | kenmerk validate - --format turtle"""


def register(sub) -> None:
    p = sub.add_parser("validate", help="check notes (RDF, kenmerk JSON, documents, folders) against the SHACL shapes",
                       description="Check the notes in RDF files (any format, gzipped too), kenmerk JSON, "
                                   "documents or folders against kenmerk's SHACL shapes: one line per problem.",
                       epilog=EXAMPLES)
    p.add_argument("files", nargs="+", metavar="FILE", help="a file, a folder, or - for standard input")
    p.add_argument("--format", "-f", type=format_type(VALIDATE_FORMATS), metavar="FORMAT",
                   help=f"read FILE (and standard input) as {format_help(VALIDATE_FORMATS)} "
                        "(default: by its extension)")
    p.add_argument("--base", default=None, help="base IRI for the graphs of extracted or JSON notes")
    p.add_argument("--evidence", action="store_true", help="include evidence in the graphs checked")
    p.add_argument("-q", "--quiet", action="store_true", help="print problems only, not the files that conform")
    add_corrections_option(p)
    p.set_defaults(func=run)


@dataclass(frozen=True)
class Target:
    """One file to check: its path (or `-`), the format to read it in (None: a document), and whether
    it was found in a folder (then a file without notes is passed over)."""

    path: str
    fmt: Format | None
    in_folder: bool = False


def _read(path: str) -> bytes:
    """The bytes of `path` (`-`: standard input), gunzipped when they are gzip."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            with open(path, "rb") as fh:
                data = fh.read(MAX_BYTES + 1)
        if data[:2] == GZIP_MAGIC:
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as fh:
                data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise KenmerkError("no such file", path=path) from None
    except IsADirectoryError:
        raise KenmerkError("is a directory", path=path) from None
    except (OSError, EOFError) as exc:  # gzip's BadGzipFile is an OSError
        raise KenmerkError(f"cannot read ({getattr(exc, 'strerror', None) or exc})", path=path) from None
    if len(data) > MAX_BYTES:
        raise KenmerkError(f"larger than {MAX_BYTES // 1024**3} GiB", path=path)
    return data


def _kind(path: str, given: Format | None) -> Format | None:
    """The format `path` is read in: `given`, else by its extension; None for a document; KenmerkError else."""
    from kenmerk.extract.reader import DOCUMENT_SUFFIXES

    if given is not None:
        return given
    found = formats_for_path(path, VALIDATE_FORMATS)
    if found:
        return found[0]
    if os.path.splitext(path)[1].lower() in DOCUMENT_SUFFIXES:
        return None
    raise KenmerkError(f"not a file validate reads: name it by its format ({format_help(VALIDATE_FORMATS)}: "
                       f".ttl, .nq, .json, …) or give --format", path=path)


def targets(paths: list[str], given: Format | None) -> Iterator[Target | KenmerkError]:
    """The files to check, folders searched recursively (sorted; hidden files left out)."""
    for path in paths:
        if path != "-" and os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if name.startswith("."):
                        continue
                    member = os.path.join(folder, name)
                    try:
                        yield Target(member, _kind(member, given), in_folder=True)
                    except KenmerkError:
                        continue  # a folder holds other files too: only those validate reads are checked
            continue
        try:
            yield Target(path, _kind(path, given))
        except KenmerkError as exc:
            yield exc


def _json_notes(data: bytes, path: str) -> list:
    """The notes of a `kenmerk extract` JSON (one note or an array) or JSON Lines file."""
    from pydantic import ValidationError

    from kenmerk.extract import Note
    from kenmerk.extract.model import invalid_note_reason

    text = data.decode("utf-8-sig", errors="replace")
    try:
        try:
            items = json.loads(text)
            items = items if isinstance(items, list) else [items]
        except json.JSONDecodeError:
            items = [json.loads(line) for line in text.splitlines() if line.strip()]
        return [Note.model_validate(item) for item in items]
    except json.JSONDecodeError as exc:
        raise KenmerkError(f"not valid JSON: {exc}", path=path) from None
    except ValidationError as exc:
        raise KenmerkError(invalid_note_reason(exc), path=path) from None


def _rdf_graph(data: bytes, fmt: Format, path: str):
    """All triples of `data` parsed as `fmt` (named graphs merged), as one rdflib Graph."""
    from rdflib import Dataset, Graph

    from kenmerk.vocab import bind_prefixes

    dataset = Dataset()
    try:
        dataset.parse(data=data, format=fmt.rdflib)
    except Exception as exc:  # rdflib's parsers raise many kinds of errors
        reason = " ".join(str(exc).split()).split(" at ^ in:")[0]  # not the text rdflib quotes after it
        raise KenmerkError(f"not valid {fmt.label}: {reason[:300]}", path=path) from None
    graph = bind_prefixes(Graph())  # kenmerk's prefixes in the messages, whatever the file declared
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    return graph


def load_graph(target: Target, base: str | None = None, evidence: bool = False,
               corrections: Corrections | None = None):
    """The RDF graph to check for one file (see the module docstring), the notes of a document or a JSON
    file corrected first; KenmerkError when it cannot be had."""
    from kenmerk.extract import read_note
    from kenmerk.output.serialize import notes_graph

    fix = corrections.apply if corrections else (lambda note: note)
    if target.fmt is None:
        return notes_graph([fix(read_note(target.path))], base, evidence)
    data = _read(target.path)
    if target.fmt.kind == "json":
        return notes_graph([fix(n) for n in _json_notes(data, target.path)], base, evidence)
    return _rdf_graph(data, target.fmt, target.path)


def _notes_in(graph) -> int:
    from rdflib.namespace import RDF

    from kenmerk.vocab import KMK

    return sum(1 for _ in graph.subjects(RDF.type, KMK.Note))


def check(target: Target, args, corrections: Corrections | None = None) -> bool:
    """Check one file and print what was found; whether it conforms."""
    from kenmerk.output.shacl import validate_graph

    graph = load_graph(target, args.base, args.evidence, corrections)
    if not _notes_in(graph):
        if target.in_folder:
            print(f"{target.path}: no notes in it ({len(graph)} triples): passed over")
            return True
        raise KenmerkError(f"no kenmerk notes in it ({len(graph)} triples): nothing to check", path=target.path)
    report = validate_graph(graph)
    for result in report.results:
        print(f"{target.path}: {result.line()}")
    if not report.conforms:
        print(f"{target.path}: does not conform ({len(report.violations)} violations)")
    elif not args.quiet:
        print(f"{target.path}: conforms")
    return report.conforms


def run(args) -> int:
    given = by_name(args.format) if args.format else None
    if "-" in args.files and given is None:
        raise UsageError(f"standard input (-) needs --format FORMAT ({format_help(VALIDATE_FORMATS)})")
    corrections = corrections_from_args(args)
    failed = 0
    for error in corrections.errors if corrections else ():  # one line each; the other corrections apply
        print(error, file=sys.stderr)
        failed += 1
    for target in targets(args.files, given):
        try:
            if isinstance(target, KenmerkError):
                raise target
            ok = check(target, args, corrections)
        except KenmerkError as exc:
            ok = False
            print(str(exc), file=sys.stderr)
        failed += not ok
        sys.stdout.flush()
    return 1 if failed else 0
