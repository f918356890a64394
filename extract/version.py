"""The installed kenmerk version (the extractor version recorded in every note)."""
from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kenmerk")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+local"
