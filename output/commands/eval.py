"""`kenmerk eval --gold DIR DOCS...`: accuracy per field against gold files."""
from __future__ import annotations

import sys
from pathlib import Path

from kenmerk.extract import KenmerkError, read_note
from kenmerk.extract.evaluate import Report, load_gold
from kenmerk.output.atomic import atomic_open


def register(sub) -> None:
    p = sub.add_parser("eval", help="score extraction against gold files (NAME.gold.json)")
    p.add_argument("--gold", required=True, type=Path, metavar="DIR", help="folder of NAME.gold.json files")
    p.add_argument("docs", nargs="+", type=Path, metavar="DOC", help="documents (or folders of them) to score")
    p.add_argument("--misses", action="store_true", help="list every field that did not match (document, field, "
                                                          "expected, got)")
    p.add_argument("--json", metavar="FILE", help="also write the scores and the misses as JSON to FILE (- for stdout)")
    p.add_argument("--min", type=float, default=None, help="exit 1 when overall accuracy is below this")
    p.set_defaults(func=run)


def run(args) -> int:
    gold = load_gold(args.gold)
    if not gold:
        print(f"kenmerk: no *.gold.json files in {args.gold}", file=sys.stderr)
        return 2
    docs = []
    for d in args.docs:
        docs.extend(sorted(p for p in d.iterdir() if p.is_file()) if d.is_dir() else [d])
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
        print("kenmerk: none of the documents has a gold file", file=sys.stderr)
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
    return 1 if args.min is not None and report.overall < args.min else 0
