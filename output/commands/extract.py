"""`kenmerk extract FILE...`: extract notes and print them as JSON, JSON Lines or RDF.

One file with `--format json` prints one JSON object; several print JSON Lines.
Each failing file gives one line `path: reason` on stderr; the others go on.
"""
from __future__ import annotations

import io
import sys

from kenmerk.extract import KenmerkError, Note, read_note
from kenmerk.output.atomic import atomic_open

JSON_FORMATS = ("json", "jsonl")


def rdf_formats() -> tuple[str, ...]:
    """RDF serialisations offered by `kenmerk.output.serialize`, when it is there."""
    try:
        from kenmerk.output.serialize import NOTE_FORMATS
    except ImportError:
        return ()
    return tuple(NOTE_FORMATS)


def register(sub) -> None:
    p = sub.add_parser("extract", help="extract metadata from notes (PDF, .txt, .md, - for stdin)")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--format", "-f", default=None, choices=JSON_FORMATS + rdf_formats(),
                   help="json (one file), jsonl (default for several files) or an RDF format")
    p.add_argument("-o", "--output", metavar="OUT", help="write to this file (atomically) instead of stdout")
    p.add_argument("--keep-personal-data", action="store_true", help="keep names of civil servants in JSON")
    p.add_argument("--base", default=None, help="base IRI for RDF output")
    p.add_argument("--evidence", action="store_true", help="include evidence in RDF output")
    p.set_defaults(func=run)


def _json_line(note: Note, indent: int | None) -> str:
    return note.model_dump_json(indent=indent, exclude_none=False)


def run(args) -> int:
    fmt = args.format or ("json" if len(args.files) == 1 else "jsonl")
    if fmt == "json" and len(args.files) > 1:
        fmt = "jsonl"
    failed = 0
    notes: list[Note] = []
    buffer = io.StringIO()
    for path in args.files:
        try:
            note = read_note(path)
        except KenmerkError as exc:
            failed += 1
            print(str(exc) if exc.path else f"{path}: {exc}", file=sys.stderr)
            continue
        if fmt in JSON_FORMATS:
            text = _json_line(note, 2 if fmt == "json" else None)
            if args.output:
                buffer.write(text + "\n")
            else:
                sys.stdout.write(text + "\n")
                sys.stdout.flush()
        else:
            notes.append(note)
    if fmt not in JSON_FORMATS and notes:
        from kenmerk.output.serialize import serialize_notes

        data = serialize_notes(notes, fmt, base=args.base, evidence=args.evidence)
        if args.output:
            with atomic_open(args.output, "wb") as fh:
                fh.write(data)
        else:
            sys.stdout.buffer.write(data)
    elif args.output and fmt in JSON_FORMATS and buffer.tell():
        with atomic_open(args.output, "w") as fh:
            fh.write(buffer.getvalue())
    return 1 if failed else 0
