"""`kenmerk extract INPUT...`: extract notes and print them as JSON, JSON Lines or RDF.

Inputs are documents (PDF, .txt, .md; - for standard input), folders (searched
recursively), zip archives (read in memory), http(s) URLs, and `--from-list FILE`.

- One document file: read in this process, printed as one JSON object (`--format json`).
- Several document files (`kenmerk extract notes/*.pdf`): extracted in parallel, written
  as JSON Lines in input order; failures as `path: reason` lines, in order.
- A batch (a folder, archive, URL or list, or any batch option such as `--jobs`,
  `--cache`, `--errors`): extracted in parallel and written as the documents finish
  (`--ordered`: in input order), with a progress bar on a terminal or progress lines
  otherwise, and a summary line at the end (`kenmerk.output.batch`).

Each failing input gives one line `path: reason` on stderr; the others go on. Exit 0 when
every input went through, 1 when one failed, 2 for wrong usage.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from kenmerk.extract.errors import UsageError
from kenmerk.extract.pdf_readers import DEFAULT_READER, PDF_READERS
from kenmerk.output.atomic import AtomicWriter
from kenmerk.output.batch import BatchOptions, Reporter, cache_notice, run_batch
from kenmerk.output.commands.options import (
    add_batch_options,
    add_input_options,
    batch_options_from_args,
    batch_requested,
    is_terminal,
)
from kenmerk.output.formats import EXTRACT_FORMATS, format_help, format_type, output_format
from kenmerk.output.inputs import DocumentSpec, Refused, gather, is_url, read_list

if TYPE_CHECKING:
    from kenmerk.extract import Note

JSON_FORMATS = ("json", "jsonl")
EXAMPLES = """examples:
  kenmerk extract nota.pdf                        # one note as JSON
  kenmerk extract notes/ -o notes.jsonl           # a folder, in parallel, as JSON Lines
  kenmerk extract a.pdf b.pdf -o notes.json       # several notes as one JSON array
  kenmerk extract nota.pdf -o nota.ttl            # Turtle, told by the extension (or --format ttl)
  kenmerk extract - --name nota.txt < nota.txt    # standard input, read as the file nota.txt would be"""


def register(sub) -> None:
    p = sub.add_parser("extract", help="extract metadata from notes: files, folders, zip archives, URLs, lists",
                       description="Extract each note's metadata (type, title, kenmerk, dates, organisation, "
                                   "decision, attachments, Woo grounds, with evidence) as JSON, JSON Lines, RDF "
                                   "or DiWoo XML. Failures are one line each on stderr; the others go on.",
                       epilog=EXAMPLES)
    p.add_argument("files", nargs="*", metavar="INPUT",
                   help="a document (PDF, .txt, .md), a folder, a zip archive or an http(s) URL; - for stdin")
    p.add_argument("--format", "-f", default=None, type=format_type(EXTRACT_FORMATS), metavar="FORMAT",
                   help=f"{format_help(EXTRACT_FORMATS)}; default: the extension of -o, else json for one "
                        "document and jsonl for several (json for several: one array)")
    p.add_argument("-o", "--output", metavar="OUT", help="write to this file (atomically) instead of stdout; "
                   "its extension says the format (.json, .jsonl, .ttl, .nt, .jsonld, .trig, .rdf)")
    p.add_argument("--name", metavar="FILE", help="the file name of standard input (-): its type is told by it, "
                   "and the note is the one the file FILE gives")
    p.add_argument("--keep-personal-data", action="store_true", help="keep names of civil servants, phone numbers and e-mail addresses in the JSON "
                        "(RDF and DiWoo output never carry them)")
    p.add_argument("--base", default=None, help="base IRI for RDF output")
    p.add_argument("--evidence", action="store_true", help="include evidence in RDF output")
    p.add_argument("--keep-extracted", action="store_true", help="RDF output: keep, beside each correction "
                   "(--corrections), the value the extraction gave (kmk:extractedValue)")
    p.add_argument("--download-base", metavar="URL", help="where the documents are published: their URL "
                   "(DiWoo <loc>, dcat:downloadURL) is URL + file name (default: download_base in kenmerk.toml)")
    p.add_argument("--sitemap-url", metavar="URL", help="--format diwoo -o DIR/: where DIR's sitemaps are served "
                   "(default: --download-base)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary line")
    p.add_argument("--ocr", choices=("auto", "always", "never"), default="auto",
                   help="OCR PDF pages with Tesseract: auto (pages without a usable text layer, and redaction "
                        "stamps on scanned pages; the default), always (every page) or never")
    p.add_argument("--pdf-reader", choices=PDF_READERS, default=DEFAULT_READER,
                   help="how PDFs are laid out: pdfium (fast, the default) or pdfminer (pure Python); "
                        "both give the same lines")
    p.add_argument("--explain", action="store_true",
                   help="instead of the notes, show per field every candidate the rules proposed and why the "
                        "winner won (text; --format json for JSON), for the documents named")
    add_input_options(p)
    add_batch_options(p, timeout_flags=("--timeout", "--doc-timeout"))
    p.set_defaults(func=run)


def explain_documents(args) -> int:
    """`--explain`: each named document read in this process, its explanation printed; failures one line each."""
    from kenmerk.extract import KenmerkError, ReadLimits, explain_path
    from kenmerk.extract.explain import render

    if args.format not in (None, "json"):
        raise UsageError("--explain prints text, or JSON with --format json")
    if not all(_plain_file(a) for a in args.files) or args.from_list is not None:
        raise UsageError("--explain takes document files (PDF, .txt, .md or -), not folders, archives, URLs or lists")
    limits = ReadLimits(ocr=args.ocr, pdf_reader=args.pdf_reader)
    failed = 0
    for path in args.files:
        try:
            explanation = explain_path(path, limits, keep_personal_data=args.keep_personal_data)
        except KenmerkError as exc:
            print(str(exc), file=sys.stderr)
            failed += 1
            continue
        text = explanation.model_dump_json(indent=2) if args.format == "json" else render(explanation)
        sys.stdout.write(text + "\n")
    return 1 if failed else 0


def _plain_file(arg: str) -> bool:
    """A document named on the command line (not a folder, an archive or a URL)."""
    return arg == "-" or not (is_url(arg) or os.path.isdir(arg) or arg.lower().endswith(".zip"))


@dataclass(frozen=True)
class Plan:
    """How one `kenmerk extract` run goes: its output format, where documents are read, what it shows."""

    fmt: str
    array: bool  # several notes as JSON: one array
    single: bool  # one plain file, read in this process
    options: BatchOptions
    progress: str
    summary: bool


def _check_usage(args: argparse.Namespace) -> None:
    if not args.files and args.from_list is None:
        raise UsageError("give at least one INPUT (file, folder, zip, URL) or --from-list FILE")
    if args.from_list == "-" and "-" in args.files:
        raise UsageError("standard input cannot be both a document (-) and the list (--from-list -)")
    if args.name and "-" not in args.files:
        raise UsageError("--name names standard input: give - as INPUT")


def _plan(args: argparse.Namespace) -> Plan:
    """The output format, the batch options (OCR mode and its cache, the PDF reader), progress and summary."""
    plain = not batch_requested(args) and all(_plain_file(a) for a in args.files)
    single = plain and len(args.files) == 1
    folder = bool(args.output) and (args.output.endswith(("/", os.sep)) or os.path.isdir(args.output))
    fmt = output_format(None if folder else args.output, args.format, EXTRACT_FORMATS,
                        "json" if single else "jsonl")
    options = batch_options_from_args(args, ordered=True if plain else None)
    if single:  # read in this process (the limits on input still hold)
        options = replace(options, jobs=0, ordered=True)
    if args.keep_personal_data:  # names, phone numbers and e-mail addresses stay in the JSON (never in RDF)
        options = replace(options, keep_personal_data=True)
    # OCR mode; OCR results are kept in the batch cache folder (DIR/ocr/) when there is one
    ocr_cache = os.path.abspath(options.cache_dir) if options.cache_dir else options.limits.cache_dir
    options = replace(options, limits=replace(
        options.limits, ocr=getattr(args, "ocr", "auto"), cache_dir=ocr_cache,
        pdf_reader=getattr(args, "pdf_reader", DEFAULT_READER)))
    if args.quiet or args.no_progress or single:
        progress = "none"
    elif plain:
        progress = "bar" if is_terminal(sys.stderr) else "none"
    else:
        progress = "auto"
    summary = not args.quiet and not single and (not plain or is_terminal(sys.stderr))
    return Plan(fmt, fmt == "json" and not single, single, options, progress, summary)


def _where(options: BatchOptions) -> str:
    """Where the documents are read, for the start line."""
    if options.dask:
        return f"on the Dask cluster at {options.dask}"
    if options.jobs <= 0:
        return "in this process"
    return f"{options.jobs} worker process{'es' if options.jobs != 1 else ''}"


def run(args: argparse.Namespace) -> int:
    _check_usage(args)
    if args.explain:
        return explain_documents(args)
    plan = _plan(args)
    list_lines = list(read_list("-", args.url_column)) if args.from_list == "-" else None

    def items():
        return gather(args.files, from_list=args.from_list, url_column=args.url_column, globs=args.glob,
                      max_bytes=plan.options.limits.max_bytes, list_lines=list_lines, stdin_name=args.name)

    total = None
    if plan.progress != "none":
        total = sum(1 for item in items() if isinstance(item, (DocumentSpec, Refused)))
    reporter = Reporter(total=total, progress=plan.progress, errors_file=args.errors,
                        interval=args.log_interval if args.log_interval is not None else 10.0)
    notice = cache_notice(plan.options.cache_dir, bool(getattr(args, "prune_cache", False)))
    if notice and not args.quiet:
        reporter.echo(notice)
    notes, failed, documents = _extract(args, plan, items(), reporter)
    if plan.fmt not in JSON_FORMATS and notes:
        failed += _write_rdf(args, plan.fmt, notes, reporter)
    reporter.close(summary=plan.summary)
    if documents == 0:
        where_from = " ".join(args.files + ([f"--from-list {args.from_list}"] if args.from_list else []))
        print(f"kenmerk: no documents found in {where_from}", file=sys.stderr)
        return 1
    return 1 if failed else 0


def _note(text: str) -> Note:
    """A worker's note JSON as a `Note` (the model is imported when first needed: JSON Lines pass through)."""
    from kenmerk.extract import Note

    return Note.model_validate_json(text)


def _extract(args: argparse.Namespace, plan: Plan, items: Iterable, reporter: Reporter,
             ) -> tuple[list[tuple[str, Note]], int, int]:
    """Run the batch: JSON written as the documents finish (to `-o` all or nothing), notes kept for RDF.
    Returns the notes for RDF, the failed count and the documents count."""
    out = AtomicWriter(args.output, "w") if args.output and plan.fmt in JSON_FORMATS else None
    notes: list[tuple[str, Note]] = []
    written = failed = documents = 0
    results = run_batch(items, plan.options, on_tick=reporter.tick, on_page=reporter.page)
    try:
        reporter.start_line(_where(plan.options))
        for result in results:
            reporter.add(result)
            if result.status == "failed":
                failed += 1
                documents += 1
                continue
            if not result.ok:
                continue
            documents += 1
            written += 1
            if plan.fmt == "json":
                text = _note(result.note_text).model_dump_json(indent=2)
                if plan.array:
                    text = ("[\n" if written == 1 else ",\n") + text
            elif plan.fmt == "jsonl":
                text = result.note_text
            else:
                notes.append((result.label, _note(result.note_text)))
                continue
            _emit(out, text if plan.array else text + "\n")
        if plan.array and written:
            _emit(out, "\n]\n")
    except BaseException:  # an error, Ctrl-C or SIGTERM: the workers stop, nothing half-written stays
        results.close()
        reporter.close(summary=False, ok=False)
        if out is not None:
            out.discard()
        raise
    if out is not None:
        if written:
            out.commit()
        else:
            out.discard()  # nothing extracted: no output file
    return notes, failed, documents


def _write_rdf(args: argparse.Namespace, fmt: str, notes: list[tuple[str, Note]], reporter: Reporter) -> int:
    """The notes as RDF or DiWoo; returns how many could not be written (a note DiWoo cannot carry is one
    error line, the others are written)."""
    from kenmerk.output import extract_output
    from kenmerk.output.config import load_config

    download_base = args.download_base or load_config().download_base
    if fmt == "diwoo":
        return len(notes) - extract_output.write_diwoo(
            notes, args.output, base=args.base, download_base=download_base, sitemap_url=args.sitemap_url,
            failed=lambda exc: reporter.not_written(exc.path or "", exc))  # diwoo.url_element names each one
    extract_output.write_rdf(notes, fmt, args.output, base=args.base, evidence=args.evidence,
                             download_base=download_base, keep_extracted=args.keep_extracted)
    return 0


def _emit(out: AtomicWriter | None, text: str) -> None:
    """Write to the output file, or to stdout at once."""
    if out is not None:
        out.write(text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
