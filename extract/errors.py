"""The errors kenmerk raises: one hierarchy, each class with the CLI's exit code (`EXIT_CODES`).

    KenmerkError            1  base: `str(err)` is one line, `path: reason`
    ├── UnreadableInput     1  the bytes are not a document kenmerk can read (not a PDF, broken,
    │   │                      encrypted, empty, an unknown text encoding)
    │   ├── NoTextLayer     1  a PDF or an image without usable text (a scan without OCR)
    │   ├── FetchError      1  a URL that could not be fetched (scheme, HTTP error, too large, unreachable)
    │   └── ArchiveMemberRefused  1  a zip member kenmerk will not read (unsafe name, link, encrypted, big)
    ├── InvalidNote         1  extracted values that fail the `Note` validators
    ├── InputError          1  a kenmerk JSON input (publish) that is not a valid note
    ├── OcrError            1  OCR of a page failed: Tesseract missing, crashed or timed out
    ├── OutputError         1  a file, a store folder or a cache entry that cannot be written
    ├── DiwooError          1  a note that lacks what DiWoo requires (a date, an https URL)
    ├── PublishError        1  a store or an endpoint did not take the triples of a note
    │   ├── StoreBusy       1  the store folder is open read-write in another process
    │   ├── EndpointUnreachable  1  no connection to the endpoint after all retries
    │   └── EndpointRefused 1  the endpoint answered with an HTTP error (`status`)
    ├── BatchFailure        1  a document of a batch that failed (`stage`, `error` say where and what)
    ├── WorkerStartError    2  a batch worker process that could not start (its memory limit, the install)
    └── InvalidSetting      2  a value kenmerk was given that it cannot use (an argument, a setting)
        ├── ConfigError     2  a missing or wrong publishing setting (kenmerk.toml, catalog values)
        ├── QueryError      2  a query or a query parameter that cannot be run
        └── UsageError      2  wrong use of the command line: raised by the CLI only, never by the library

Library code raises the typed errors; the CLI (`kenmerk.output.cli`) prints `kenmerk: {err}` and
exits with `err.exit_code`. This module sits in `kenmerk.extract`, which depends on no other
kenmerk package, so every package can import it; the modules that raise an error re-export it
(`kenmerk.output.store.PublishError` is this module's class).
"""
from __future__ import annotations

from collections.abc import Mapping
from enum import IntEnum
from typing import Protocol


class ExitCode(IntEnum):
    """How the `kenmerk` command ends."""

    OK = 0  # everything went through
    FAILED = 1  # at least one input failed (unreadable, no text layer, invalid note, not published)
    USAGE = 2  # wrong usage or missing configuration


#: what each exit code means, for `--help` and the README's table
EXIT_CODES: Mapping[ExitCode, str] = {
    ExitCode.OK: "everything went through",
    ExitCode.FAILED: "at least one input failed (unreadable, no text layer, invalid note, not published)",
    ExitCode.USAGE: "wrong usage or missing configuration",
}


class KenmerkError(Exception):
    """Base of all kenmerk errors; `str(err)` is a one-line reason, `path: reason` when `path` is known."""

    exit_code: ExitCode = ExitCode.FAILED
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
    """A PDF without usable text on any page (needs OCR), or an image that cannot be OCR'd."""


class FetchError(UnreadableInput):
    """A URL could not be fetched (refused scheme, HTTP error, too large, unreachable)."""

    stage = "fetch"


class ArchiveMemberRefused(UnreadableInput):
    """A zip member kenmerk will not read: an unsafe name, a link, encrypted or too large."""

    stage = "archive"


class InvalidNote(KenmerkError):
    """The extracted values do not make a valid `Note`."""

    stage = "validate"


class InputError(KenmerkError):
    """A kenmerk JSON input (`kenmerk publish`) that is not a valid note."""

    stage = "read"


class OcrError(KenmerkError):
    """OCR of one page failed (Tesseract missing, crashed or timed out); the message is one line."""

    stage = "ocr"


class OutputError(KenmerkError):
    """A file, a store or a cache entry could not be written: `path: reason`."""

    stage = "write"


class DiwooError(KenmerkError):
    """A note lacks what DiWoo requires: a date for `documenthandeling/atTime`, an https URL for `loc`."""

    stage = "output"


class PublishError(KenmerkError):
    """A store or an endpoint did not take the triples of a note."""

    stage = "publish"


class StoreBusy(PublishError):
    """The store folder is open read-write in another process."""


class EndpointUnreachable(PublishError):
    """No connection to the endpoint after all retries: later notes would fail too."""


class EndpointRefused(PublishError):
    """The endpoint answered with an HTTP error."""

    def __init__(self, message: str, *, status: int, path: str | None = None) -> None:
        super().__init__(message, path=path)
        self.status = status

    @property
    def fatal(self) -> bool:
        """401/403: the credentials are wrong for every note, not only this one."""
        return self.status in (401, 403)


class FailedDocument(Protocol):
    """What `BatchFailure` is made from: a failed batch result (`kenmerk.output.worker.Result`)."""

    label: str
    stage: str
    error: str
    message: str


class BatchFailure(KenmerkError):
    """A document of a batch that failed; `stage` and `error` say where and what, `result` is the whole result."""

    def __init__(self, result: FailedDocument) -> None:
        super().__init__(result.message, path=result.label)
        self.stage = result.stage
        self.error = result.error
        self.result = result


class WorkerStartError(KenmerkError):
    """A worker process of a batch could not start (a memory limit below what it needs, kenmerk not installed)."""

    exit_code = ExitCode.USAGE
    stage = "worker"


class InvalidSetting(KenmerkError):
    """A value kenmerk was given that it cannot use: a function's argument, an option, a setting (exit 2)."""

    exit_code = ExitCode.USAGE
    stage = "settings"


class ConfigError(InvalidSetting):
    """A missing or wrong publishing setting (exit 2)."""

    stage = "config"


class QueryError(InvalidSetting):
    """A query or a parameter that cannot be run (exit 2)."""

    stage = "query"


class UsageError(InvalidSetting):
    """Wrong use of the command line (a flag, a missing argument): raised by the CLI only (exit 2)."""

    stage = "usage"


__all__ = [
    "EXIT_CODES",
    "ArchiveMemberRefused",
    "BatchFailure",
    "ConfigError",
    "DiwooError",
    "EndpointRefused",
    "EndpointUnreachable",
    "ExitCode",
    "FailedDocument",
    "FetchError",
    "InputError",
    "InvalidNote",
    "InvalidSetting",
    "KenmerkError",
    "NoTextLayer",
    "OcrError",
    "OutputError",
    "PublishError",
    "QueryError",
    "StoreBusy",
    "UnreadableInput",
    "UsageError",
    "WorkerStartError",
]
