"""`--cache DIR`: extraction results keyed by document content and extractor version.

    DIR/<fingerprint>/<sha256[:2]>/<sha256>.json      one file per document
    DIR/<fingerprint>/tmp/                              temporaries, renamed into place

The fingerprint is a hash of `kenmerk.extract.__version__`, the pdfminer.six version and
the source of every file of the `kenmerk.extract` package, so any change to the extractor
(even an uncommitted edit) starts a fresh cache and never serves an outdated note. Within
one fingerprint a result is found by the SHA-256 of the document's bytes: a re-run skips
unchanged documents, whatever folder or URL they come from.

Results of other extractor versions (an older kenmerk, an edited extractor) are never read
again by this one; `kenmerk.output.cache_folders` lists their folders and removes them
(`--prune-cache`). The OCR results in `DIR/ocr/` are keyed apart and kept.

Each entry is written to a temporary file and renamed into place (`os.replace`), so an
entry is either whole or absent: a run stopped by Ctrl-C or SIGKILL leaves no half-written
entry, and the next run with the same cache resumes where it stopped. A write that fails
(a full disk) leaves no temporary and is said once per process, in one warning line
`DIR: no space left on device`; the results go on to the output, uncached. Temporaries of
processes that no longer exist are removed when a cache is opened.

An entry holds one header line (JSON, `EntryHeader`: the file name and suffix class it was
extracted under, success or the failure, page count) and, for a success, the note's JSON on
the second line, byte for byte what the extraction printed, and (`explained` in the header) the
JSON of every field's candidates (`kenmerk.extract.explain`) on the third, for `kenmerk review`.
A run that needs the candidates extracts a document cached without them again.

Every entry is checked when read, because a cache on shared storage (NFS for a Dask
cluster) can be truncated or edited behind kenmerk's back: the header must parse, the
note must validate as a `Note` and its `source.sha256` must be the key the entry is
filed under. An entry that fails is removed, reported in one warning line on stderr
(`kenmerk: warning: PATH: bad cache entry (REASON); extracting again`) and treated as a
miss, so the document is extracted again and its entry written anew. A hit under another file name gets
that name in `source.file_name`; a hit under another suffix class (`.md` vs `.txt` vs
`.pdf`, which can change how the bytes are read) is a miss. Failures that depend only on
the bytes (not a PDF, encrypted, no text layer, an invalid note) are cached too; time-outs,
memory, download and internal errors are not.
"""
from __future__ import annotations

import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from kenmerk.output.atomic import output_error
from kenmerk.output.cache_folders import FORMAT, clean_stale, extractor_fingerprint, result_folder

__all__ = ["CacheEntry", "EntryHeader", "ResultCache", "suffix_class"]



def suffix_class(name: str) -> str:
    """What the file name tells the reader: the name of its format in `kenmerk.extract.reader.FORMATS`
    (pdf, text, markdown, email, word, png, …) or other."""
    from kenmerk.extract.reader import format_for_name

    fmt = format_for_name(name)
    return fmt.name if fmt is not None else "other"


class EntryHeader(BaseModel):
    """The first line of a cache entry."""

    model_config = ConfigDict(populate_by_name=True, extra="forbid", strict=True)

    format: int
    class_: str = Field(alias="class")
    file_name: str
    ok: bool
    pages: int = Field(default=0, ge=0)
    explained: bool = False
    stage: str = ""
    error: str = ""
    message: str = ""


class BadEntry(ValueError):
    """A cache entry that is not what kenmerk wrote: truncated, edited, filed under another key."""


@dataclass(frozen=True, slots=True)
class CacheEntry:
    ok: bool
    note_json: str | None = None
    pages: int = 0
    stage: str = ""
    error: str = ""
    message: str = ""
    explanation_json: str | None = None


class ResultCache:
    """One folder of results for one extractor fingerprint."""

    def __init__(self, root: str | os.PathLike[str], fingerprint: str | None = None) -> None:
        self.root = Path(root)
        self.fingerprint = fingerprint or extractor_fingerprint()
        self.folder = result_folder(self.root, self.fingerprint)
        self.tmp = self.folder / "tmp"
        #: a write failed (a full disk): no more results are written by this object
        self.unwritable = False

    def clean_stale(self) -> int:
        """Remove temporaries left by processes that are gone (a worker killed mid-write)."""
        return clean_stale(self.folder)

    def path(self, sha256: str) -> Path:
        return self.folder / sha256[:2] / f"{sha256}.json"

    def get(self, sha256: str, name: str) -> CacheEntry | None:
        """The result for these bytes read under this name, or None (a miss; a bad entry is removed and warned of)."""
        path = self.path(sha256)
        try:
            text = path.read_text(encoding="utf-8")
        except (FileNotFoundError, NotADirectoryError):
            return None
        except (OSError, UnicodeDecodeError) as exc:
            return self._bad(path, getattr(exc, "strerror", None) or type(exc).__name__)
        try:
            header, entry = _parse(text, sha256, name)
        except BadEntry as exc:
            return self._bad(path, str(exc))
        if header.class_ != suffix_class(name):
            return None  # read under another suffix class: extracted again
        return entry

    def _bad(self, path: Path, reason: str) -> CacheEntry | None:
        print(f"kenmerk: warning: {path}: bad cache entry ({reason}); extracting again", file=sys.stderr, flush=True)
        try:
            path.unlink()
        except OSError:
            pass  # replaced when the result is written
        return None

    def put(self, sha256: str, name: str, entry: CacheEntry) -> None:
        """Store a result atomically (temporary file, then rename).

        A write that fails removes its temporary and raises OutputError (`DIR: no space left on
        device`) once; after that this cache takes no more results (a full disk says so once per
        process, not once per document; the result itself goes on to the output).
        """
        if self.unwritable:
            return
        header = EntryHeader(format=FORMAT, class_=suffix_class(name), file_name=os.path.basename(name) or name,
                             ok=entry.ok, pages=entry.pages, explained=entry.explanation_json is not None,
                             stage=entry.stage, error=entry.error, message=entry.message)
        text = header.model_dump_json(by_alias=True) + "\n" + (entry.note_json or "") + "\n"
        if entry.explanation_json is not None:
            text += entry.explanation_json + "\n"
        target = self.path(sha256)
        tmp = None
        try:
            target.parent.mkdir(exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f"{os.getpid()}-", suffix=".tmp", dir=self.tmp)
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException as exc:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
            if isinstance(exc, OSError):
                self.unwritable = True
                raise output_error(self.root, exc) from None
            raise


def _parse(text: str, sha256: str, name: str) -> tuple[EntryHeader, CacheEntry]:
    """The header and the result of an entry's text, checked; BadEntry says what is wrong."""
    from kenmerk.extract import Note

    head, newline, body = text.partition("\n")
    if not newline:
        raise BadEntry("cut off after the header")
    try:
        header = EntryHeader.model_validate_json(head)
    except ValidationError as exc:
        raise BadEntry(f"header: {_first_error(exc)}") from None
    if header.format != FORMAT:
        raise BadEntry(f"header: format {header.format}, not {FORMAT}")
    if not header.ok:
        return header, CacheEntry(False, pages=header.pages, stage=header.stage, error=header.error,
                                  message=header.message)
    note_json, _, rest = body.partition("\n")
    explanation_json = rest.rstrip("\n") if header.explained else None
    if not note_json:
        raise BadEntry("no note after the header")
    if header.explained:
        from kenmerk.extract.explain import Explanation

        try:
            Explanation.model_validate_json(explanation_json or "")
        except ValidationError as exc:
            raise BadEntry(f"candidates: {_first_error(exc)}") from None
    try:
        note = Note.model_validate_json(note_json)
    except ValidationError as exc:
        raise BadEntry(f"note: {_first_error(exc)}") from None
    if note.source.sha256 != sha256:
        raise BadEntry(f"the note is of other bytes ({note.source.sha256[:12]}…), not {sha256[:12]}…")
    file_name = os.path.basename(name) or name
    if header.file_name != file_name:  # the same bytes under another name: the note gets that name
        note_json = note.model_copy(update={"source": note.source.model_copy(update={"file_name": file_name})}
                                    ).model_dump_json()
    return header, CacheEntry(True, note_json=note_json, pages=header.pages, explanation_json=explanation_json)


def _first_error(exc: ValidationError) -> str:
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    return f"{where}: {first.get('msg', '')}" if where else first.get("msg", "invalid")
