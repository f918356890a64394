"""`kenmerk validate FILE...`: check notes against the shipped SHACL shapes.

A FILE is a note to extract (PDF, .txt, .md), JSON or JSON Lines written by
`kenmerk extract`, or an RDF file (.ttl, .nt, .trig, .jsonld, .rdf). Each
file's graph is checked with pySHACL against `vocab/shapes.ttl`; every problem
prints one line: which note, which field, what is wrong. Exit 0 when every
graph conforms (warnings allowed), 1 when one does not or a file cannot be read.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from kenmerk.extract import KenmerkError, Note, read_note

RDF_SUFFIXES = {".ttl": "turtle", ".nt": "nt", ".trig": "trig", ".jsonld": "json-ld", ".rdf": "xml", ".owl": "xml"}
JSON_SUFFIXES = {".json", ".jsonl", ".ndjson"}


def register(sub) -> None:
    p = sub.add_parser("validate", help="check notes (PDF/txt/md, JSON/JSONL, Turtle…) against the SHACL shapes")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--base", default=None, help="base IRI for the graphs of extracted or JSON notes")
    p.add_argument("--evidence", action="store_true", help="include evidence in the graphs checked")
    p.add_argument("-q", "--quiet", action="store_true", help="print problems only, not the files that conform")
    p.set_defaults(func=run)


def _json_notes(path: Path) -> list[Note]:
    text = path.read_text(encoding="utf-8")
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = [json.loads(line) for line in text.splitlines() if line.strip()]
    items = data if isinstance(data, list) else [data]
    return [Note.model_validate(item) for item in items]


def load_graph(path: str, base: str | None = None, evidence: bool = False):
    """The RDF graph to check for one FILE (see the module docstring)."""
    from pydantic import ValidationError
    from rdflib import Dataset, Graph

    from kenmerk.output.serialize import notes_graph

    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in RDF_SUFFIXES:
        fmt = RDF_SUFFIXES[suffix]
        try:
            if fmt == "trig":
                dataset = Dataset()
                dataset.parse(p, format=fmt)
                graph = Graph()
                for g in dataset.graphs():
                    for triple in g:
                        graph.add(triple)
                return graph
            return Graph().parse(p, format=fmt)
        except FileNotFoundError:
            raise KenmerkError("no such file", path=path) from None
        except Exception as exc:  # rdflib raises many kinds of parser errors
            raise KenmerkError(f"not valid {fmt}: {exc}", path=path) from None
    if suffix in JSON_SUFFIXES:
        try:
            notes = _json_notes(p)
        except FileNotFoundError:
            raise KenmerkError("no such file", path=path) from None
        except (ValueError, ValidationError) as exc:
            reason = str(exc).splitlines()[0] if isinstance(exc, ValidationError) else str(exc)
            if isinstance(exc, ValidationError):
                reason = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()[:5])
            raise KenmerkError(f"not a kenmerk note: {reason}", path=path) from None
        return notes_graph(notes, base, evidence)
    return notes_graph([read_note(path)], base, evidence)


def run(args) -> int:
    from kenmerk.output.shacl import validate_graph

    failed = 0
    for path in args.files:
        try:
            graph = load_graph(path, args.base, args.evidence)
        except KenmerkError as exc:
            failed += 1
            print(str(exc) if exc.path else f"{path}: {exc}", file=sys.stderr)
            continue
        report = validate_graph(graph)
        for result in report.results:
            print(f"{path}: {result.line()}")
        if not report.conforms:
            failed += 1
            print(f"{path}: does not conform ({len(report.violations)} violations)")
        elif not args.quiet:
            print(f"{path}: conforms")
        sys.stdout.flush()
    return 1 if failed else 0
