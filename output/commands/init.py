"""`kenmerk init [FILE]`: write a commented `kenmerk.toml` to fill in.

Every key of `[publish]` is in it, commented out, with what it is for
(`kenmerk.output.config.TEMPLATE`). An existing file is left alone unless `--force`.
"""
from __future__ import annotations

import sys
from pathlib import Path

from kenmerk.extract import UsageError
from kenmerk.output.config import CONFIG_FILE, TEMPLATE

EXAMPLE = """examples:
  kenmerk init                      # ./kenmerk.toml
  kenmerk init site/kenmerk.toml    # another place (then: kenmerk publish --config site/kenmerk.toml …)"""


def register(sub) -> None:
    p = sub.add_parser("init", help="write a commented kenmerk.toml to fill in",
                       description="Write a kenmerk.toml with every publishing setting commented out, each "
                                   "with what it is for. Remove the # before the keys you set.",
                       epilog=EXAMPLE)
    p.add_argument("file", nargs="?", default=CONFIG_FILE, metavar="FILE",
                   help=f"where to write it (default ./{CONFIG_FILE})")
    p.add_argument("--force", action="store_true", help="replace the file when it exists")
    p.set_defaults(func=run)


def run(args) -> int:
    from kenmerk.output.atomic import write_atomic

    path = Path(args.file)
    if path.exists() and not args.force:
        raise UsageError("exists already: edit it, or give --force to replace it with the template", path=str(path))
    write_atomic(path, TEMPLATE.encode("utf-8"))
    print(f"kenmerk: wrote {path}: set base, publisher, licence and contact_email in it before publishing "
          "for others", file=sys.stderr)
    return 0
