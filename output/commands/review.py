"""`kenmerk review INPUT... -o report/`: a self-contained HTML report to check what was extracted.

For each note a page shows its pages (PDF, rendered with pypdfium2) with a coloured,
labelled box on every piece of evidence, or its text with the evidence marked (text
inputs); a table of the fields with value and page, and under each field the rule that
chose its value and the runners-up (the other candidates, folded; their boxes dashed);
and what is missing or doubtful.
`report/index.html` lists every note (sortable, filterable) with counts per field,
per document type and per month. Each input is read once: the note is extracted from
the bytes (`extract_layout`, keeping every field's candidates) and the pages are
rendered from the same bytes.

Each failing input gives one line `path: reason` on stderr; the others go on. Exit 0
when every input went through, 1 when one failed, 2 for wrong usage.
"""
from __future__ import annotations

import sys

from kenmerk.extract import KenmerkError, ReadLimits, UsageError, read_bytes
from kenmerk.extract.note import extract_layout
from kenmerk.output.inputs import DocumentSpec, Refused, gather, load
from kenmerk.output.review_explain import explain_for_review
from kenmerk.output.review_html import DEFAULT_MAX_PAGES, DEFAULT_SCALE, ReviewWriter
from kenmerk.output.review_i18n import DEFAULT_LANG, LANGUAGES, labels


def register(sub) -> None:
    p = sub.add_parser("review", help="write an HTML report showing on each page what was extracted, and why")
    p.add_argument("files", nargs="+", metavar="INPUT",
                   help="a document (PDF, .txt, .md), a folder, a zip archive or an http(s) URL")
    p.add_argument("-o", "--output", default="kenmerk-review", metavar="DIR",
                   help="folder to write index.html and notes/ into (default: kenmerk-review)")
    p.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANG, help="language of the report (default: nl)")
    p.add_argument("--scale", type=float, default=DEFAULT_SCALE,
                   help=f"pixels per PDF point of the page images (default: {DEFAULT_SCALE})")
    p.add_argument("--max-pages", type=int, default=DEFAULT_MAX_PAGES, metavar="N",
                   help=f"pages shown per note besides those with evidence (default: {DEFAULT_MAX_PAGES})")
    p.add_argument("--ocr", choices=("auto", "always", "never"), default="auto",
                   help="OCR pages without a usable text layer (default: auto)")
    p.add_argument("--keep-personal-data", action="store_true",
                   help="keep names of civil servants in the extracted values (as `extract`)")
    p.add_argument("--glob", action="append", metavar="PATTERN", help="only files in folders matching PATTERN")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    p.set_defaults(func=run)


def _reason(exc: BaseException) -> str:
    """The one-line reason of an error, without the path KenmerkError puts in front."""
    if isinstance(exc, KenmerkError):
        text = exc.args[0] if exc.args else exc.__class__.__name__
    else:
        text = f"{exc.__class__.__name__}: {exc}"
    return " ".join(str(text).split())


def run(args) -> int:
    if not 0.25 <= args.scale <= 4:
        raise UsageError(f"--scale {args.scale} is out of range (0.25-4)")
    if args.max_pages < 1:
        raise UsageError("--max-pages must be at least 1")
    if "-" in args.files:
        raise UsageError("review reads files, folders, zip archives and URLs, not standard input")
    limits = ReadLimits(ocr=args.ocr)
    failed = 0
    writer = ReviewWriter(args.output, lang=args.lang, scale=args.scale, max_pages=args.max_pages)

    def fail(label: str, reason: str) -> None:
        nonlocal failed
        failed += 1
        writer.fail(label, reason)
        print(f"{label}: {reason}", file=sys.stderr, flush=True)

    for item in gather(args.files, globs=args.glob, max_bytes=limits.max_bytes):
        if isinstance(item, Refused):
            fail(item.label, _reason(item.error) if getattr(item, "error", None) else "refused")
            continue
        if not isinstance(item, DocumentSpec):
            continue
        try:
            data, name = load(item, max_bytes=limits.max_bytes)
            layout, source = read_bytes(data, name, limits)
            extraction = extract_layout(layout, source, keep_personal_data=args.keep_personal_data)
            writer.add(extraction.note, item.label, data, explain_for_review(extraction))
        except KeyboardInterrupt:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad input must not stop the batch
            fail(item.label, _reason(exc))
    index = writer.close()
    if not args.quiet:
        key = "written_one" if len(writer.reports) == 1 else "written"
        print(labels(args.lang)(key, path=index, count=len(writer.reports), failed=failed), file=sys.stderr)
    return 1 if failed else 0
