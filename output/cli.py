"""The `kenmerk` command line: a thin layer over the library.

Each sub-command lives in its own module under `kenmerk.output.commands` and
exposes `register(subparsers)`; the module sets `func(args) -> int` as handler.
Exit codes: 0 success, 1 some input or note failed, 2 wrong usage.
"""
from __future__ import annotations

import argparse
import importlib
import sys

from kenmerk.extract import KenmerkError, __version__

#: sub-command modules, in the order `kenmerk --help` lists them
COMMANDS = ["extract", "schema", "eval", "validate", "publish", "query", "serve", "catalog", "review"]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with one line
        self.print_usage(sys.stderr)
        print(f"kenmerk: error: {message}", file=sys.stderr)
        raise SystemExit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kenmerk", description="Dutch government notes → validated metadata and linked data")
    parser.add_argument("--version", action="version", version=f"kenmerk {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    for name in COMMANDS:
        importlib.import_module(f"kenmerk.output.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KenmerkError as exc:
        print(f"kenmerk: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print("kenmerk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 1


if __name__ == "__main__":
    sys.exit(main())
