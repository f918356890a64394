"""`kenmerk eval --gold DIR DOCS...`: accuracy per field against gold files.

`kenmerk eval --gold-corrections FILE DOCS...` takes a reviewer's corrections as the gold: each document
is extracted without them and its corrected fields are scored (how often a field had to be corrected,
and whether a new version of kenmerk needs fewer corrections)."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from kenmerk.extract import KenmerkError, UsageError, read_note
from kenmerk.extract.evaluate import Report, load_gold
from kenmerk.output.atomic import atomic_open


def register(sub) -> None:
    p = sub.add_parser("eval", help="score extraction against gold files (NAME.gold.json)",
                       description="Extract each document and compare its fields with the gold file of the same "
                                   "name: the accuracy per field and overall, and with --misses what did not match.",
                       epilog="examples:\n  kenmerk eval --gold gold/ docs/ --misses\n"
                              "  kenmerk eval --gold gold/ docs/ --json scores.json --min 0.95")
    p.add_argument("--gold", type=Path, metavar="DIR", help="folder of NAME.gold.json files")
    p.add_argument("--gold-corrections", action="append", metavar="FILE",
                   help="score the fields a reviewer corrected (a corrections file, repeatable) instead of --gold")
    p.add_argument("docs", nargs="+", type=Path, metavar="DOC", help="documents (or folders of them) to score")
    p.add_argument("--misses", action="store_true", help="list every field that did not match (document, field, "
                                                          "expected, got)")
    p.add_argument("--json", metavar="FILE", help="also write the scores and the misses as JSON to FILE (- for stdout)")
    p.add_argument("--min", type=float, default=None, help="exit 1 when overall accuracy is below this")
    p.set_defaults(func=run)


def _corrected_gold(files: list[str], docs: list[Path]) -> tuple[dict[str, dict], int]:
    """Gold by document stem from corrections files: each document's corrected fields in the Note's JSON
    shape (what `Report` scores); the refused lines are printed, and counted."""
    from kenmerk.output.corrections import read_corrections

    corrections = read_corrections(files)
    for error in corrections.errors:
        print(error, file=sys.stderr)
    gold = {}
    for path in docs:
        fixed = corrections.for_document(hashlib.sha256(path.read_bytes()).hexdigest())
        if fixed:
            gold[path.stem] = {c.field: c.value for c in fixed}
    return gold, len(corrections.errors)


def run(args) -> int:
    if (args.gold is None) == (args.gold_corrections is None):
        raise UsageError("give either --gold DIR or --gold-corrections FILE")
    docs = []
    for d in args.docs:
        docs.extend(sorted(p for p in d.iterdir() if p.is_file()) if d.is_dir() else [d])
    refused = 0
    if args.gold_corrections:
        gold, refused = _corrected_gold(args.gold_corrections, docs)
    else:
        gold = load_gold(args.gold)
        if not gold:
            print(f"kenmerk: no *.gold.json files in {args.gold}", file=sys.stderr)
            return 2
    report = Report()
    seen = set()
    for path in docs:
        stem = path.stem
        if stem not in gold or stem in seen:
            continue
        seen.add(stem)
        try:
            pred = read_note(path).model_dump(mode="json")
        except KenmerkError as exc:
            print(str(exc), file=sys.stderr)
            pred = None
        report.add(stem, gold[stem], pred)
    if not seen:
        print("kenmerk: none of the documents has a gold file" if args.gold else
              "kenmerk: none of the documents has a correction", file=sys.stderr)
        return 2
    if args.json:
        data = report.model_dump_json(indent=2) + "\n"
        if args.json == "-":
            sys.stdout.write(data)
            return 1 if args.min is not None and report.overall < args.min else 0
        with atomic_open(args.json, "w") as fh:
            fh.write(data)
    if args.misses:
        for miss in report.misses:
            print(f"MISS {miss.line()}"[:300])
    print(f"{len(seen)} document(s) scored")
    print(report.table())
    return 1 if refused or (args.min is not None and report.overall < args.min) else 0
