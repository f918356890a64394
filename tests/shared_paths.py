"""Where the tests find `../shared`: the corpus of real documents and the vocabulary files.

`KENMERK_CORPUS` points the corpus tests at another copy of the corpus (a folder holding `raw/`
and `gold/`); by default they read `../shared/corpus` beside the repository, and skip when it
is absent.
"""
from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED = (REPO_ROOT / ".." / "shared").resolve()
CORPUS_ENV = "KENMERK_CORPUS"


def corpus_root() -> Path:
    """The corpus folder: `$KENMERK_CORPUS`, else `../shared/corpus`."""
    configured = os.environ.get(CORPUS_ENV)
    return Path(configured).expanduser().resolve() if configured else SHARED / "corpus"
