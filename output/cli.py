"""The `kenmerk` command line: a thin layer over the library.

Each sub-command lives in its own module under `kenmerk.output.commands` and
exposes `register(subparsers)`; the module sets `func(args) -> int` as handler.
Every sub-command's `--help` has a description and examples (`epilog`). A usage error is one
line naming the sub-command, then `see 'kenmerk CMD --help'`.
Exit codes: 0 success, 1 some input or note failed, 2 wrong usage; a run stopped by
a signal (`STOP_SIGNALS`: Ctrl-C, SIGTERM, SIGHUP) exits 128 + the signal's number
(130, 143, 129) after the same clean-up: workers stopped, temporaries removed, nothing
half-written or half-published left.
"""
from __future__ import annotations

import argparse
import importlib
import logging
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from kenmerk.extract import __version__
from kenmerk.extract.errors import ConfigError, KenmerkError, UsageError

#: sub-command modules, in the order `kenmerk --help` lists them
COMMANDS = ["extract", "schema", "eval", "validate", "init", "publish", "query", "serve", "catalog", "review"]


def help_hint(prog: str) -> str:
    """The line after a usage error."""
    return f"see '{prog} --help'"


class _Formatter(argparse.HelpFormatter):
    """Descriptions wrapped to the terminal; a text with line breaks (the examples) shown as written."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line and a pointer to `--help`; examples shown as written."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:  # usage errors exit 2 with one line, not the whole usage
        print(f"{self.prog}: {message}\n{help_hint(self.prog)}", file=sys.stderr)
        raise SystemExit(2)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser of every sub-command, or of `command` alone (its module is the only one imported, so
    `kenmerk extract` does not load the publishing, query and review code)."""
    parser = _Parser(prog="kenmerk", description="Dutch government notes → validated metadata and linked data")
    parser.add_argument("--version", action="version", version=f"kenmerk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in [command] if command in COMMANDS else COMMANDS:
        importlib.import_module(f"kenmerk.output.commands.{name}").register(sub)
    return parser


#: signals that stop a run the way Ctrl-C does, and what is said then
STOP_SIGNALS = {"SIGINT": "interrupted", "SIGTERM": "terminated (SIGTERM)", "SIGHUP": "hung up (SIGHUP)"}


class Stopped(KeyboardInterrupt):
    """A stop signal arrived: unwinds like Ctrl-C (a KeyboardInterrupt), so every clean-up runs."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@contextmanager
def stop_signals() -> Iterator[None]:
    """Within the block, `STOP_SIGNALS` raise `Stopped`; after the first, they are ignored, so a
    second signal does not cut the clean-up short (main thread only; SIGKILL still stops it)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    signums = [getattr(signal, name) for name in STOP_SIGNALS if hasattr(signal, name)]

    def stop(signum, frame):
        for other in signums:
            signal.signal(other, signal.SIG_IGN)
        raise Stopped(signum)

    previous = {signum: signal.signal(signum, stop) for signum in signums}
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser(argv[0] if argv else None).parse_args(argv)
    # what the library logs (an OCR failure) is in the note's warnings or the input's error line
    # already: one line on stderr per failed input, no second one from logging's last resort
    logger = logging.getLogger("kenmerk")
    if not logger.handlers:
        logger.addHandler(logging.NullHandler())
    with stop_signals():
        try:
            return int(args.func(args) or 0)
        except KenmerkError as exc:
            print(f"kenmerk: {exc}", file=sys.stderr)
            if isinstance(exc, UsageError) and not isinstance(exc, ConfigError):
                print(help_hint(f"kenmerk {args.command}"), file=sys.stderr)
            return exc.exit_code
        except KeyboardInterrupt as exc:
            signum = exc.signum if isinstance(exc, Stopped) else signal.SIGINT
            print(f"kenmerk: {STOP_SIGNALS.get(signal.Signals(signum).name, 'stopped')}", file=sys.stderr)
            return 128 + signum
        except BrokenPipeError:
            return 1


if __name__ == "__main__":
    sys.exit(main())
