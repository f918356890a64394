"""`kenmerk review INPUT... -o report/`: a self-contained HTML report to check what was extracted.

For each note a page shows its pages (PDF, rendered with pypdfium2) with a coloured,
labelled box on every piece of evidence, or its text with the evidence marked (text
inputs); a table of the fields with value and page, and under each field the rule that
chose its value and the other candidates ("also considered", folded; their boxes dashed);
and what is missing or doubtful. `report/index.html` lists every note (sortable,
filterable) with counts per field, per document type and per month.

Inputs and batch options are `extract`'s (folders, zip archives, URLs, `--from-list`;
`--jobs`, `--cache`, `--errors`, progress): each document is extracted with its candidates
in a worker process, which also renders its pages and writes its page
(`kenmerk.output.review_batch`); `--cache` keeps the candidates beside the note, so a
second run extracts nothing again.

Each failing input gives one line `path: reason` on stderr and a line in the index; the
others go on. Exit 0 when every input went through, 1 when one failed, 2 for wrong usage.
"""
from __future__ import annotations

import dataclasses
import os
import sys

from kenmerk.extract import UsageError
from kenmerk.output.batch import Reporter, cache_notice, run_batch
from kenmerk.output.commands.options import add_batch_options, add_input_options, batch_options_from_args
from kenmerk.output.inputs import DocumentSpec, Refused, gather, read_list
from kenmerk.output.review import IndexEntry, build_index
from kenmerk.output.review_batch import NotePages, ReportFolder, plan_pages
from kenmerk.output.review_html import DEFAULT_MAX_PAGES, DEFAULT_SCALE, RenderSettings, render_index, timestamp
from kenmerk.output.review_i18n import LANGUAGES, labels
from kenmerk.output.review_share import strip_paths


def register(sub) -> None:
    p = sub.add_parser("review", help="write an HTML report showing on each page what was extracted, and why",
                       description="Write a self-contained HTML report: each note's pages with a box on every "
                                   "piece of evidence, its fields with the rule that chose each value and the "
                                   "runners-up, and an index of the batch.",
                       epilog="examples:\n  kenmerk review notes/ -o report/\n"
                              "  kenmerk review nota.pdf -o report/ --lang nl     # labels and summary in Dutch")
    p.add_argument("files", nargs="*", metavar="INPUT",
                   help="a document (PDF, .txt, .md), a folder, a zip archive or an http(s) URL")
    p.add_argument("-o", "--output", default="kenmerk-review", metavar="DIR",
                   help="folder to write index.html and notes/ into (default: kenmerk-review)")
    p.add_argument("--lang", choices=LANGUAGES, default="en",
                   help="language of the report and its summary line (default: en, like every message)")
    p.add_argument("--scale", type=float, default=DEFAULT_SCALE,
                   help=f"pixels per PDF point of the page images (default: {DEFAULT_SCALE})")
    p.add_argument("--max-pages", type=int, default=DEFAULT_MAX_PAGES, metavar="N",
                   help=f"pages shown per note besides those with evidence (default: {DEFAULT_MAX_PAGES})")
    p.add_argument("--ocr", choices=("auto", "always", "never"), default="auto",
                   help="OCR pages without a usable text layer (default: auto)")
    p.add_argument("--keep-personal-data", action="store_true",
                   help="keep names, phone numbers and e-mail addresses in the values, the text and on the page "
                        "images (default: left out, covered in grey where a page's text layer prints them)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary lines")
    add_input_options(p)
    add_batch_options(p)
    p.set_defaults(func=run)


def run(args) -> int:
    if not 0.25 <= args.scale <= 4:
        raise UsageError(f"--scale {args.scale} is out of range (0.25-4)")
    if args.max_pages < 1:
        raise UsageError("--max-pages must be at least 1")
    if not args.files and args.from_list is None:
        raise UsageError("give at least one INPUT (file, folder, zip, URL) or --from-list FILE")
    if "-" in args.files:
        raise UsageError("review reads files, folders, zip archives and URLs, not standard input")
    options = batch_options_from_args(args)
    ocr_cache = os.path.abspath(options.cache_dir) if options.cache_dir else options.limits.cache_dir
    options = dataclasses.replace(options, explain=True, keep_personal_data=args.keep_personal_data,
                                  limits=dataclasses.replace(options.limits, ocr=args.ocr, cache_dir=ocr_cache))
    list_lines = list(read_list("-", args.url_column)) if args.from_list == "-" else None
    items = list(gather(args.files, from_list=args.from_list, url_column=args.url_column, globs=args.glob,
                        max_bytes=options.limits.max_bytes, list_lines=list_lines))
    documents = sum(1 for item in items if isinstance(item, (DocumentSpec, Refused)))
    if args.jobs is None and documents <= 1:  # one document: no worker to start
        options = dataclasses.replace(options, jobs=0)
    roots = [a for a in args.files if os.path.isdir(a)]
    plan = plan_pages(items, roots)
    settings = RenderSettings(lang=args.lang, scale=args.scale, max_pages=args.max_pages,
                              keep_personal_data=args.keep_personal_data)
    generated = timestamp()
    folder = ReportFolder(args.output)
    options = dataclasses.replace(options, finish=NotePages(str(folder.notes.resolve()), settings, plan, generated))
    # folders of this machine that a message may name: never written into the report
    machine = [*roots, args.output, options.cache_dir or "", os.getcwd(), os.path.expanduser("~")]
    quiet = args.quiet or args.no_progress
    reporter = Reporter(total=documents, progress="none" if quiet else "auto", errors_file=args.errors,
                        interval=args.log_interval if args.log_interval is not None else 10.0)
    notice = cache_notice(options.cache_dir, bool(args.prune_cache))
    if notice and not args.quiet:
        reporter.echo(notice)
    entries: dict[int, IndexEntry] = {}
    failed: list[tuple[str, str]] = []
    results = run_batch(items, options, on_tick=reporter.tick, on_page=reporter.page)
    try:
        jobs = options.jobs
        reporter.start_line("in this process" if jobs <= 0 else f"{jobs} worker process{'es' if jobs != 1 else ''}")
        for result in results:
            reporter.add(result)
            if result.ok and isinstance(result.extra, IndexEntry):  # what the page writer returned
                entries[result.index] = result.extra
            elif result.status == "failed":
                name, reason = plan.names[result.index], strip_paths(result.message, machine)
                failed.append((name, reason))
                folder.write_failed(plan.slugs[result.index], name, reason, lang=args.lang,
                                    nav=plan.nav(result.index), generated=generated)
        data = build_index([entries[i] for i in sorted(entries)], failed)
        index = folder.commit(render_index(data, lang=args.lang, generated=generated))
    except BaseException:  # an error, Ctrl-C or SIGTERM: the workers stop, nothing half-written stays
        results.close()
        reporter.close(summary=False, ok=False)
        folder.discard()
        raise
    reporter.close(summary=not args.quiet)
    if not args.quiet:
        key = "written_one" if len(entries) == 1 else "written"
        print(labels(args.lang)(key, path=index, count=len(entries), failed=len(failed)), file=sys.stderr)
    if documents == 0:
        print(f"kenmerk: no documents found in {' '.join(args.files)}", file=sys.stderr)
        return 1
    return 1 if failed else 0
