"""The errors kenmerk raises, one hierarchy mapped 1:1 to CLI exit codes.

- `KenmerkError` (exit 1): base class; its message is one line a user can act on.
- `UnreadableInput`: the bytes are not a document we can read (not a PDF, broken,
  truncated, encrypted, an unknown text encoding, empty).
- `NoTextLayer`: a PDF whose pages carry no usable text (a scan without OCR).
- `InvalidNote`: extraction produced values that fail the `Note` validators.
- `PublishError` (in `kenmerk.output`): a store or endpoint refused the triples.
- `UsageError` (exit 2): wrong command-line use.
"""
from __future__ import annotations


class KenmerkError(Exception):
    """Base of all kenmerk errors; `str(err)` is a one-line reason."""

    exit_code = 1
    stage = "extract"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.path = path

    def __str__(self) -> str:
        msg = " ".join(super().__str__().split())
        return f"{self.path}: {msg}" if self.path else msg


class UnreadableInput(KenmerkError):
    """The input is not a document kenmerk can read."""

    stage = "read"


class NoTextLayer(UnreadableInput):
    """A PDF without usable text on any page (needs OCR)."""


class InvalidNote(KenmerkError):
    """The extracted values do not make a valid `Note`."""

    stage = "validate"


class UsageError(KenmerkError):
    """Wrong use of the command line or the API."""

    exit_code = 2
    stage = "usage"
