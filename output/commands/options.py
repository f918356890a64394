"""Command-line options shared by several sub-commands, and what they become for the library.

- inputs (`add_input_options`) and batch options (`add_batch_options`) of `extract`, `publish`
  and `review`, turned into a `kenmerk.output.batch.BatchOptions` by `batch_options_from_args`
  (the batch engine itself takes no argparse namespace);
- catalog values (`add_config_options`) of `publish` and `catalog`, turned into a
  `PublishConfig` by `config_from_args`;
- endpoint options (`add_endpoint_options`) of `publish`, `catalog` and `query`, turned into a
  `GraphStoreClient` by `make_client`.

Wrong use of these options is a `UsageError` (exit 2) worded here, in terms of the flags.
"""
from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import TYPE_CHECKING, TextIO

from kenmerk.extract import ReadLimits, UsageError
from kenmerk.output.batch import BACKSTOP, DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT, BatchOptions, default_jobs
from kenmerk.output.inputs import DEFAULT_MAX_BYTES, Fetch

if TYPE_CHECKING:  # requests and rdflib are loaded by the commands that talk to a store
    from kenmerk.output.config import PublishConfig
    from kenmerk.output.corrections import Corrections
    from kenmerk.output.gsp import GraphStoreClient

#: options whose presence makes `kenmerk extract FILE...` a batch run (progress, summary, as-they-finish order)
BATCH_OPTIONS = ("jobs", "ordered", "doc_timeout", "max_memory", "cache", "prune_cache", "errors", "dask",
                 "no_progress", "log_interval", "glob", "from_list")


def is_terminal(stream: TextIO) -> bool:
    """Whether `stream` is a terminal (a captured or closed stream is not)."""
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


# -- inputs and batch ---------------------------------------------------------------------------


def add_input_options(p: argparse.ArgumentParser) -> None:
    """`--glob`, `--from-list`, `--url-column`, the size limits and the fetch settings."""
    g = p.add_argument_group("inputs")
    g.add_argument("--glob", action="append", metavar="PATTERN",
                   help="in folders and zip archives take files matching PATTERN (name or relative path; "
                        "repeatable; default: the document suffixes)")
    g.add_argument("--from-list", metavar="FILE",
                   help="also read the paths or http(s) URLs listed in FILE (one a line, or a CSV column; - for stdin)")
    g.add_argument("--url-column", metavar="NAME",
                   help="the column of --from-list CSV holding the URL or path (header name or 1-based number), "
                        "e.g. dc_source for the open.overheid.nl index")
    g.add_argument("--max-size", type=float, metavar="MB",
                   help=f"largest document, zip member or download (default {DEFAULT_MAX_BYTES // 2**20} MB)")
    g.add_argument("--max-text-size", type=float, metavar="MB",
                   help=f"largest text or Markdown document (default {ReadLimits().max_text_bytes // 2**20} MB)")
    g.add_argument("--fetch-timeout", type=float, metavar="SECONDS",
                   help="connect and read timeout for URLs (default 10 s connect, 30 s read)")
    g.add_argument("--fetch-retries", type=int, metavar="N",
                   help="retries of a URL on connection errors, time-outs, 429 and 5xx (default 3)")
    g.add_argument("--max-redirects", type=int, metavar="N", help="redirects followed per URL (default 5)")


def add_batch_options(p: argparse.ArgumentParser, *, timeout_flags: tuple[str, ...] = ("--timeout",)) -> None:
    """`--jobs`, `--ordered`, the time and memory limits, `--cache`, `--errors`, `--dask` and progress."""
    g = p.add_argument_group("batch")
    g.add_argument("-j", "--jobs", type=int, metavar="N",
                   help=f"worker processes (default: one per core, here {default_jobs()}; 0: in this process)")
    g.add_argument("--ordered", action="store_true", default=None,
                   help="write results in input order (default for a batch: as they finish)")
    g.add_argument(*timeout_flags, dest="doc_timeout", type=float, metavar="SECONDS",
                   help=f"time limit per document in CPU seconds (OCR calls add their own), and {BACKSTOP} times "
                        f"as long by the clock; a stuck worker is killed (default {DEFAULT_TIMEOUT:g}; 0: none)")
    p.set_defaults(timeout_option=timeout_flags[0])
    g.add_argument("--max-memory", type=int, metavar="MB",
                   help=f"address-space limit per worker process (default {DEFAULT_MAX_MEMORY_MB}; 0: none)")
    g.add_argument("--cache", metavar="DIR",
                   help="reuse results of unchanged documents (content hash + extractor version); resumes a stopped run")
    g.add_argument("--prune-cache", action="store_true", default=None,
                   help="first remove the results of other kenmerk versions from the --cache folder")
    g.add_argument("--errors", metavar="FILE", help="write one JSON line per failure: path, stage, error, message")
    add_corrections_option(g)
    g.add_argument("--dask", metavar="ADDRESS",
                   help="run on a Dask cluster (tcp://scheduler:8786); needs kenmerk[dask]")
    g.add_argument("--no-progress", action="store_true", default=None, help="no progress bar or progress lines")
    g.add_argument("--log-interval", type=float, metavar="SECONDS",
                   help="seconds between progress lines when standard error is not a terminal (default 10)")


def add_corrections_option(p: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """`--corrections FILE` (`extract`, `publish`, `review` with the batch options; `validate`)."""
    p.add_argument("--corrections", action="append", metavar="FILE",
                   help="apply a reviewer's corrections (JSON Lines, as the review report downloads them; "
                        "repeatable, the later line for a field wins)")


def batch_requested(args: argparse.Namespace) -> bool:
    """Whether any option of `BATCH_OPTIONS` was given."""
    return any(getattr(args, name, None) is not None for name in BATCH_OPTIONS)


def _check_batch_args(args: argparse.Namespace) -> None:
    """Refuse combinations and values of the batch options that cannot work."""
    if args.url_column is not None and args.from_list is None:
        raise UsageError("--url-column needs --from-list")
    if getattr(args, "prune_cache", None) and not args.cache:
        raise UsageError("--prune-cache needs --cache DIR")
    for name in ("jobs", "max_memory"):
        value = getattr(args, name)
        if value is not None and value < 0:
            raise UsageError(f"--{name.replace('_', '-')} must be 0 or more")
    if args.doc_timeout is not None and args.doc_timeout < 0:
        raise UsageError("the time limit must be 0 or more seconds")
    for option in ("max_size", "max_text_size"):
        value = getattr(args, option, None)
        if value is not None and value <= 0:
            raise UsageError(f"--{option.replace('_', '-')} must be more than 0 MB")
    if args.dask:
        try:
            import distributed  # noqa: F401 - only whether it imports
        except ImportError:
            raise UsageError("--dask needs the Dask distributed scheduler: pip install 'kenmerk[dask]'") from None


def _limits_from_args(args: argparse.Namespace) -> ReadLimits:
    """`ReadLimits` with `--max-size` and `--max-text-size` (MB)."""
    limits = ReadLimits()
    if getattr(args, "max_size", None) is not None:
        limits = dataclasses.replace(limits, max_bytes=int(args.max_size * 1024 * 1024))
    if getattr(args, "max_text_size", None) is not None:
        limits = dataclasses.replace(limits, max_text_bytes=int(args.max_text_size * 1024 * 1024))
    return limits


def _fetch_from_args(args: argparse.Namespace) -> Fetch:
    """`Fetch` with `--fetch-timeout` (connect at most 10 s), `--fetch-retries` and `--max-redirects`."""
    fetch = Fetch()
    if args.fetch_timeout is not None:
        fetch = dataclasses.replace(fetch, connect_timeout=min(10.0, args.fetch_timeout),
                                    read_timeout=args.fetch_timeout)
    if args.fetch_retries is not None:
        fetch = dataclasses.replace(fetch, retries=max(0, args.fetch_retries))
    if args.max_redirects is not None:
        fetch = dataclasses.replace(fetch, max_redirects=max(0, args.max_redirects))
    return fetch


def batch_options_from_args(args: argparse.Namespace, *, ordered: bool | None = None) -> BatchOptions:
    """The `BatchOptions` the input and batch options ask for; `ordered` overrides `--ordered`."""
    _check_batch_args(args)
    return BatchOptions(
        jobs=default_jobs() if args.jobs is None else args.jobs,
        ordered=bool(args.ordered) if ordered is None else ordered,
        timeout=DEFAULT_TIMEOUT if args.doc_timeout is None else args.doc_timeout,
        max_memory_mb=DEFAULT_MAX_MEMORY_MB if args.max_memory is None else args.max_memory,
        cache_dir=args.cache,
        dask=args.dask,
        limits=_limits_from_args(args),
        fetch=_fetch_from_args(args),
        timeout_option=getattr(args, "timeout_option", "--timeout"),
        corrections=corrections_from_args(args),
    )


def corrections_from_args(args: argparse.Namespace) -> Corrections | None:
    """The corrections files of kenmerk.toml's `corrections = [...]`, then `--corrections` (the later line
    wins), read; its `errors` are the lines refused (in a batch each comes back as a failure)."""
    from kenmerk.output.config import configured_corrections

    files = [*configured_corrections(getattr(args, "config", None)), *(getattr(args, "corrections", None) or [])]
    if not files:
        return None
    from kenmerk.output.corrections import read_corrections

    return read_corrections(files)


# -- catalog values and endpoints ---------------------------------------------------------------


def add_config_options(p: argparse.ArgumentParser) -> None:
    """Options shared by `publish` and `catalog`: config file and catalog values."""
    g = p.add_argument_group("catalog values (override kenmerk.toml [publish])")
    g.add_argument("--config", metavar="FILE", help="config file (default: ./kenmerk.toml when present)")
    g.add_argument("--base", metavar="IRI", help="base IRI of notes and catalog")
    g.add_argument("--publisher", metavar="ORG", help="publisher: TOOI IRI, TOOI code (mnre1090) or name")
    g.add_argument("--licence", "--license", dest="licence", metavar="IRI", help="licence IRI or alias (cc0, cc-by-4.0)")
    g.add_argument("--contact-email", metavar="EMAIL", help="contact point e-mail address")
    g.add_argument("--contact-name", metavar="NAME", help="contact point name")
    g.add_argument("--download-url", metavar="URL", help="public URL of the --out folder")
    g.add_argument("--download-base", metavar="URL",
                   help="public URL of the folder the documents themselves are served from (their dcat:downloadURL)")
    g.add_argument("--endpoint-url", metavar="URL", help="public SPARQL endpoint URL for the catalog")


def add_endpoint_options(p: argparse.ArgumentParser) -> None:
    """Options for talking to a SPARQL store over HTTP."""
    g = p.add_argument_group("SPARQL endpoint (credentials: KENMERK_TOKEN, KENMERK_USER/KENMERK_PASSWORD or ~/.netrc)")
    g.add_argument("--endpoint", metavar="URL", help="SPARQL query URL, e.g. http://127.0.0.1:7878/query")
    g.add_argument("--gsp", metavar="URL", help="Graph Store Protocol URL (default: derived from --endpoint)")
    g.add_argument("--insecure", action="store_true", help="do not verify TLS certificates (warns)")
    g.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS", help="per-request timeout (default 60)")
    g.add_argument("--retries", type=int, default=3, metavar="N",
                   help="retries of a call on connection errors, cut-off answers, 429 and 5xx, with backoff "
                        "and Retry-After; a POSTed query only when it was not sent (default 3)")


def config_from_args(args: argparse.Namespace) -> PublishConfig:
    """The publishing config: `--config` (or ./kenmerk.toml) with the catalog options over it."""
    from kenmerk.output.config import load_config

    return load_config(
        args.config, base=args.base, publisher=args.publisher, licence=args.licence,
        contact_email=args.contact_email, contact_name=args.contact_name,
        download_url=args.download_url, download_base=args.download_base, endpoint_url=args.endpoint_url,
    )


def configured_store(args: argparse.Namespace) -> str | None:
    """`store` from kenmerk.toml (or --config), for commands that need no other config value."""
    from kenmerk.output.config import load_config

    return load_config(getattr(args, "config", None)).store


def make_client(args: argparse.Namespace, *, need_gsp: bool) -> GraphStoreClient | None:
    """A GraphStoreClient from --endpoint/--gsp, or None when neither is given."""
    if not (args.endpoint or getattr(args, "gsp", None)):
        return None
    from kenmerk.output.config import load_config
    from kenmerk.output.gsp import (
        GSP_CONTENT_TYPES,
        Credentials,
        GraphStoreClient,
        RetryPolicy,
        Timeouts,
        endpoint_urls,
    )

    if need_gsp:
        query_url, gsp_url = endpoint_urls(args.endpoint, getattr(args, "gsp", None))
    else:
        query_url, gsp_url = args.endpoint, None
    if args.insecure:
        print("kenmerk: warning: --insecure: TLS certificates are not verified", file=sys.stderr)
        import urllib3

        urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    file = load_config(getattr(args, "config", None))  # refused when it holds credentials others may read
    credentials = Credentials(file.user, file.password, file.token) if (file.user or file.token) else None
    return GraphStoreClient(
        gsp_url, query_url, verify=not args.insecure, credentials=credentials,
        timeouts=Timeouts(connect=min(10.0, args.timeout), read=args.timeout),
        retry=RetryPolicy(attempts=max(0, args.retries) + 1),
        content_type=GSP_CONTENT_TYPES[getattr(args, "gsp_format", "nt")],
    )
