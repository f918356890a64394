"""Inputs of a batch: files, folders, zip archives, lists of paths and http(s) URLs.

    from kenmerk.output.inputs import gather, load, Fetch
    for item in gather(["notes/", "woo.zip", "https://example.nl/nota.pdf"], globs=["*.pdf"]):
        ...   # DocumentSpec (to extract), JsonSpec (kenmerk JSON, publish only) or Refused

`gather` only describes the inputs (small, picklable specs, in a stable order); the bytes
are read by a `Loader` (or `load`, for one document), in the process that extracts the
document (a worker process, a Dask worker), so reading, unzipping and downloading run in
parallel too. A `Loader` keeps open what the next document may need again — the last zip
archives read (one central-directory read per archive) and an HTTP session (connections kept
alive) — and belongs to whoever reads the documents: `close()` (or its `with` block) lets go.

- **Folders** are searched recursively, in sorted order, for document suffixes (or the
  `--glob` patterns, matched against the name and the path below the folder); hidden
  files and folders are skipped; zip archives found in a folder are read as archives.
  Symbolic links are followed only inside the folder, each folder once (no loops); a link
  out of the folder is refused.
- **Zip archives** are read in memory: a member is never unpacked to disk, and so never
  gets a file name of its own. Members whose name is absolute or climbs out of the
  archive (`../evil.pdf`, `/etc/x.pdf`, `C:\\x.pdf`), symbolic links and encrypted members
  are refused; a member larger than the size cap is refused before it is inflated, and
  inflating stops at the cap whatever the header says (zip bombs). A member's label is
  `archive.zip!dir/name.pdf`.
- **Lists** (`--from-list FILE`, `-` for standard input): one path or URL a line (blank
  lines and `#` comments skipped; relative paths are relative to the current folder),
  or a CSV file with `url_column` naming the column (by header name or 1-based number;
  the delimiter — `;`, `,` or tab — is sniffed from the header line, a UTF-8 BOM is
  dropped). The open.overheid.nl index works as it is:
  `--from-list open-overheid_beslisnotas-2024.csv --url-column dc_source`.
- **URLs** are fetched with requests: http and https only, a connect and read timeout,
  a size cap (the body is streamed and the download stops at the cap), at most
  `max_redirects` redirects (each to http or https), and retries by kenmerk's one retry
  policy (`kenmerk.output.retry`, as for endpoints): connection errors, timeouts, bodies
  cut off mid-way, 429 and 5xx answers, with backoff and `Retry-After`.
"""
from __future__ import annotations

import csv
import fnmatch
import functools
import io
import os
import re
import stat
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, TYPE_CHECKING

from kenmerk.extract.errors import ArchiveMemberRefused, FetchError, KenmerkError, UnreadableInput
from kenmerk.extract.reader import ARCHIVE_SUFFIXES, DOCUMENT_SUFFIXES  # the one table of inputs (FORMATS)

if TYPE_CHECKING:  # requests is imported where a URL is fetched, not when a worker starts
    import requests

    from kenmerk.output.retry import RetryPolicy

__all__ = [
    "DOCUMENT_SUFFIXES",
    "ArchiveMemberRefused",
    "DocumentSpec",
    "Fetch",
    "FetchError",
    "JsonSpec",
    "Loader",
    "Refused",
    "fetch_url",
    "gather",
    "is_url",
    "load",
    "read_list",
]

DEFAULT_MAX_BYTES = 200 * 1024 * 1024

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


# -- specs --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentSpec:
    """One document to extract: where its bytes are, and the label errors and output use.

    kind: `path` (location = absolute path), `zip` (location = absolute path of the archive,
    member = the member name), `url` (location = the URL), `bytes` (data, e.g. standard input).
    `size`: the bytes, when known before reading (a file, a zip member; 0 for a URL): a batch
    starts the larger of the documents at hand first, so a big one does not end the run alone.
    """

    label: str
    kind: str
    location: str = ""
    member: str | None = None
    data: bytes | None = field(default=None, repr=False)
    size: int = 0


@dataclass(frozen=True, slots=True)
class JsonSpec:
    """A kenmerk JSON / JSON Lines file (`kenmerk publish` reads these itself)."""

    label: str
    path: str


@dataclass(frozen=True, slots=True)
class Refused:
    """An input that cannot be read at all (no such file, an unsafe zip member, a bad list)."""

    label: str
    error: KenmerkError


@dataclass(frozen=True, slots=True)
class PassedOver:
    """A file in a folder or an archive that is no document kenmerk reads (`kind`: its extension, `.csv`):
    not read, but counted in the batch's summary."""

    label: str
    kind: str


def file_kind(name: str) -> str:
    """What a passed-over file is, for the summary: its extension in lower case, or `no extension`."""
    return os.path.splitext(name)[1].lower() or "no extension"


Item = DocumentSpec | JsonSpec | Refused | PassedOver


@dataclass(frozen=True)
class Fetch:
    """How URLs are fetched."""

    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    retries: int = 3
    max_redirects: int = 5
    backoff: float = 0.5

    def policy(self) -> RetryPolicy:
        """kenmerk's one retry policy (`kenmerk.output.retry.RetryPolicy`) with these retries and backoff."""
        from kenmerk.output.retry import RetryPolicy

        return RetryPolicy(attempts=max(0, self.retries) + 1, backoff=self.backoff)


def is_url(text: str) -> bool:
    return bool(_URL.match(text))


# -- gathering ----------------------------------------------------------------------------------


@dataclass
class _Select:
    globs: tuple[str, ...]
    suffixes: tuple[str, ...]
    json_suffixes: tuple[str, ...]
    max_bytes: int

    def wants(self, relative: str) -> str | None:
        """'doc', 'json', 'zip' or None for a file found in a folder or an archive."""
        name = relative.rsplit("/", 1)[-1]
        suffix = os.path.splitext(name)[1].lower()
        if suffix in ARCHIVE_SUFFIXES:
            return "zip"
        if suffix in self.json_suffixes:
            return "json"
        if self.globs:
            if any(fnmatch.fnmatchcase(name, g) or fnmatch.fnmatchcase(relative, g) for g in self.globs):
                return "doc"
            return None
        return "doc" if suffix in self.suffixes else None


def gather(
    paths: Iterable[str | os.PathLike[str]] = (),
    *,
    from_list: str | os.PathLike[str] | None = None,
    url_column: str | None = None,
    globs: Iterable[str] | None = None,
    suffixes: Iterable[str] = DOCUMENT_SUFFIXES,
    json_suffixes: Iterable[str] = (),
    max_bytes: int = DEFAULT_MAX_BYTES,
    list_lines: list[str | Refused] | None = None,
    stdin_name: str | None = None,
) -> Iterator[Item]:
    """Every input, in order: the paths first, then the entries of the list.

    A path that names a file is taken whatever its suffix (zip archives are opened);
    folders are searched. `json_suffixes` (publish: .json, .jsonl) yield `JsonSpec`s.
    `list_lines` replaces reading `from_list` (for a list read once from standard input).
    `stdin_name` is the file name standard input (`-`) is read as (`--name`): its label and type.
    """
    select = _Select(tuple(globs or ()), tuple(s.lower() for s in suffixes),
                     tuple(s.lower() for s in json_suffixes), max_bytes)
    for raw in paths:
        if raw == "-" and stdin_name:
            yield DocumentSpec(stdin_name, "path", "-")
            continue
        yield from _expand(os.fspath(raw), select)
    if from_list is not None:
        lines = list_lines if list_lines is not None else read_list(from_list, url_column)
        for entry in lines:
            if isinstance(entry, Refused):
                yield entry
            else:
                yield from _expand(entry, select)


def _expand(raw: str, select: _Select) -> Iterator[Item]:
    if raw == "-":
        yield DocumentSpec("-", "path", "-")
        return
    if is_url(raw):
        if raw.split(":", 1)[0].lower() in ("http", "https"):
            yield DocumentSpec(raw, "url", raw)
        else:
            yield Refused(raw, FetchError(f"unsupported URL scheme {raw.split(':', 1)[0]!r} (only http and https)",
                                          path=raw))
        return
    path = Path(raw)
    if path.is_dir():
        yield from _walk(path, path, select)
        return
    suffix = path.suffix.lower()
    if suffix in ARCHIVE_SUFFIXES and path.is_file():
        yield from _zip_members(raw, select)
    elif suffix in select.json_suffixes:
        yield JsonSpec(raw, raw)
    else:  # a file named on the command line is read whatever its suffix
        yield DocumentSpec(raw, "path", os.path.abspath(raw), size=_size(path))


def _size(path: Path | os.DirEntry) -> int:
    """The size of a file, 0 when it cannot be told (the reader reports why)."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def _walk(root: Path, folder: Path, select: _Select, seen: set[str] | None = None) -> Iterator[Item]:
    """Sorted like `sorted(folder.rglob('*'))`: by path components, files and folders mixed.

    Symbolic links are followed only to files and folders inside the input folder, and each
    folder is read once (a link back to a parent is no loop); a link out of the folder is
    refused with one line.
    """
    real_root = os.path.realpath(root)
    if seen is None:
        seen = set()
    real = os.path.realpath(folder)
    if real in seen:
        return
    seen.add(real)
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield Refused(str(folder), UnreadableInput(f"cannot list the folder ({exc.strerror or exc})", path=str(folder)))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        full = Path(folder, entry.name)
        if entry.is_symlink() and not _inside(os.path.realpath(full), real_root):
            yield Refused(str(full), UnreadableInput("a symbolic link out of the input folder (not followed)",
                                                     path=str(full)))
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if is_dir:
            yield from _walk(root, full, select, seen)
            continue
        if not entry.is_file():
            continue
        kind = select.wants(full.relative_to(root).as_posix())
        label = str(full)
        if kind == "doc":
            yield DocumentSpec(label, "path", os.path.abspath(label), size=_size(entry))
        elif kind == "json":
            yield JsonSpec(label, label)
        elif kind == "zip":
            yield from _zip_members(label, select)
        elif not select.globs:  # files --glob leaves out are not counted
            yield PassedOver(label, file_kind(entry.name))


def unsafe_member_name(name: str) -> str | None:
    """Why a zip member name is unsafe (absolute, a drive, climbing out with ..), or None."""
    norm = name.replace("\\", "/")
    if "\x00" in norm:
        return "a NUL byte in its name"
    if norm.startswith("/") or re.match(r"^[A-Za-z]:", norm):
        return "an absolute path"
    if any(part == ".." for part in norm.split("/")):
        return "a path that climbs out of the archive (..)"
    return None


def _zip_members(archive: str, select: _Select) -> Iterator[Item]:
    try:
        with zipfile.ZipFile(archive) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or exc.__class__.__name__
        yield Refused(archive, UnreadableInput(f"not a readable zip archive ({reason})", path=archive))
        return
    location = os.path.abspath(archive)
    for info in infos:
        if info.is_dir():
            continue
        name = info.filename
        label = f"{archive}!{name}"
        relative = name.replace("\\", "/")
        kind = select.wants(PurePosixPath(relative).as_posix())
        if kind != "doc":
            if kind == "zip":
                yield Refused(label, ArchiveMemberRefused("an archive inside an archive (not read)", path=label))
            elif not select.globs:
                yield PassedOver(label, file_kind(name))
            continue
        why = unsafe_member_name(name)
        if why is None and stat.S_ISLNK(info.external_attr >> 16):
            why = "a symbolic link"
        if why is None and info.flag_bits & 0x1:
            why = "an encrypted member"
        if why is None and info.file_size > select.max_bytes:
            why = f"larger than the limit ({info.file_size} bytes > {select.max_bytes})"
        if why is not None:
            yield Refused(label, ArchiveMemberRefused(f"zip member refused: {why}", path=label))
            continue
        yield DocumentSpec(label, "zip", location, member=name, size=info.file_size)


def read_list(path: str | os.PathLike[str], url_column: str | None = None) -> Iterator[str | Refused]:
    """The entries of a list file: one path or URL a line, or the `url_column` of a CSV file."""
    name = os.fspath(path)
    try:
        if name == "-":
            text = sys.stdin.buffer.read().decode("utf-8-sig")
        else:
            text = Path(name).read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise UnreadableInput("no such list file", path=name) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise UnreadableInput(f"cannot read the list ({getattr(exc, 'strerror', None) or exc})", path=name) from None
    if url_column is None and not name.lower().endswith(".csv"):
        for line in text.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                yield line
        return
    yield from _csv_entries(text, name, url_column)


def _csv_entries(text: str, name: str, url_column: str | None) -> Iterator[str | Refused]:
    from kenmerk.extract.errors import InvalidSetting

    header = text.split("\n", 1)[0]
    delimiter = max(";,\t", key=header.count) if any(d in header for d in ";,\t") else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        columns = next(reader)
    except StopIteration:
        return
    columns = [c.strip() for c in columns]
    if url_column is None:  # a .csv without --url-column: the first column that holds URLs
        index = None
    elif url_column.isdigit():
        index = int(url_column) - 1
        if not 0 <= index < len(columns):
            raise InvalidSetting(f"{name}: --url-column {url_column}: the list has {len(columns)} column(s)")
    else:
        try:
            index = columns.index(url_column)
        except ValueError:
            raise InvalidSetting(f"{name}: no column {url_column!r} (columns: {', '.join(columns)})") from None
    for row_number, row in enumerate(reader, 2):
        if not row or not any(cell.strip() for cell in row):
            continue
        if index is None:
            index = next((i for i, cell in enumerate(row) if is_url(cell.strip())), None)
            if index is None:
                raise InvalidSetting(f"{name}: no column with URLs on line {row_number}; name it with --url-column")
        if index >= len(row) or not row[index].strip():
            yield Refused(f"{name}:{row_number}", UnreadableInput("no URL or path in this row", path=f"{name}:{row_number}"))
            continue
        yield row[index].strip()


# -- loading (in the process that extracts) ------------------------------------------------------

#: zip archives a `Loader` keeps open
OPEN_ARCHIVES = 4


class Loader:
    """Reads the bytes of documents (`load`), keeping open between them the last `OPEN_ARCHIVES` zip
    archives (an archive replaced on disk is opened anew) and an HTTP session for URLs."""

    def __init__(self, fetch: Fetch = Fetch(), *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.fetch = fetch
        self.max_bytes = max_bytes
        self._archive = functools.lru_cache(maxsize=OPEN_ARCHIVES)(_open_archive)
        self._session: requests.Session | None = None

    def load(self, spec: DocumentSpec) -> tuple[bytes, str]:
        """(bytes, name for the reader) of a document; raises `UnreadableInput` (or `FetchError`)."""
        if spec.kind == "bytes":
            return spec.data or b"", "<stdin>" if spec.label == "-" else spec.label
        if spec.kind == "path":
            return _read_path(spec, self.max_bytes), "<stdin>" if spec.location == "-" else spec.label
        if spec.kind == "zip":  # the reader takes the file name from the member's own name
            return _read_member(spec, self.max_bytes, self.archive), (spec.member or "").replace("\\", "/")
        if spec.kind == "url":
            return fetch_url(spec.location, fetch=self.fetch, max_bytes=self.max_bytes, session=self.session())
        raise UnreadableInput(f"unknown input kind {spec.kind!r}", path=spec.label)

    def archive(self, location: str) -> zipfile.ZipFile:
        """The open archive at `location` (one central-directory read per archive and version)."""
        st = os.stat(location)
        return self._archive(location, st.st_mtime, st.st_size)

    def session(self) -> requests.Session:
        """The `requests.Session` of this loader's URLs, made on first use."""
        if self._session is None:
            self._session = new_session(self.fetch)
        return self._session

    def close(self) -> None:
        """Close the session; the archives close as they are let go."""
        self._archive.cache_clear()
        if self._session is not None:
            self._session.close()
            self._session = None

    def __enter__(self) -> Loader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _open_archive(location: str, mtime: float, size: int) -> zipfile.ZipFile:
    """An open archive; `mtime` and `size` are part of the key of `Loader`'s open archives."""
    return zipfile.ZipFile(location)


def _read_member(spec: DocumentSpec, max_bytes: int, archive: Callable[[str], zipfile.ZipFile]) -> bytes:
    label = spec.label
    why = unsafe_member_name(spec.member or "")
    if why is not None:
        raise ArchiveMemberRefused(f"zip member refused: {why}", path=label)
    try:
        zf = archive(spec.location)
        info = zf.getinfo(spec.member or "")
        if info.file_size > max_bytes:
            raise ArchiveMemberRefused(f"zip member refused: larger than the limit ({info.file_size} bytes > {max_bytes})",
                                       path=label)
        with zf.open(info) as fh:  # inflating stops at the cap, whatever the header claims
            data = read_capped(fh, max_bytes)
    except KenmerkError:
        raise
    except FileNotFoundError:
        raise UnreadableInput("the archive is gone", path=label) from None
    except KeyError:
        raise UnreadableInput("no such member in the archive", path=label) from None
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise UnreadableInput(f"cannot read the zip member ({exc.__class__.__name__}: {exc})", path=label) from None
    if len(data) > max_bytes:
        raise ArchiveMemberRefused(f"zip member refused: inflates to more than the limit ({max_bytes} bytes)", path=label)
    return data


def read_capped(fh: IO[bytes], max_bytes: int) -> bytes:
    """At most `max_bytes + 1` bytes of a stream, read in chunks (`read(n)` may allocate n bytes at once)."""
    chunks = []
    size = 0
    while size <= max_bytes:
        chunk = fh.read(min(1 << 20, max_bytes + 1 - size))
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def _read_path(spec: DocumentSpec, max_bytes: int) -> bytes:
    label = spec.label
    if spec.location == "-":
        data = read_capped(sys.stdin.buffer, max_bytes)
    else:
        try:
            st = os.stat(spec.location)
            if stat.S_ISDIR(st.st_mode):
                raise UnreadableInput("is a directory", path=label)
            if st.st_size > max_bytes:
                raise UnreadableInput(f"file too large ({st.st_size} bytes > limit {max_bytes})", path=label)
            with open(spec.location, "rb") as fh:
                data = read_capped(fh, max_bytes)
        except FileNotFoundError:
            raise UnreadableInput("no such file", path=label) from None
        except PermissionError:
            raise UnreadableInput("permission denied", path=label) from None
        except IsADirectoryError:
            raise UnreadableInput("is a directory", path=label) from None
        except OSError as exc:
            raise UnreadableInput(f"cannot read ({exc.strerror or exc})", path=label) from None
    if len(data) > max_bytes:
        raise UnreadableInput(f"file too large (> limit {max_bytes} bytes)", path=label)
    return data


def load(spec: DocumentSpec, *, max_bytes: int = DEFAULT_MAX_BYTES, fetch: Fetch = Fetch()) -> tuple[bytes, str]:
    """(bytes, name for the reader) of one document, by a `Loader` of its own; raises `UnreadableInput`."""
    with Loader(fetch, max_bytes=max_bytes) as loader:
        return loader.load(spec)


# -- URLs ---------------------------------------------------------------------------------------


def new_session(fetch: Fetch) -> requests.Session:
    """A `requests.Session` for fetching documents: kenmerk's User-Agent, `fetch.max_redirects`."""
    import requests

    from kenmerk.extract import __version__

    session = requests.Session()
    session.headers["User-Agent"] = f"kenmerk/{__version__} (+batch extraction)"
    session.max_redirects = fetch.max_redirects
    return session


def _file_name(url: str, response: requests.Response) -> str:
    disposition = response.headers.get("Content-Disposition", "")
    match = re.search(r"filename\*=(?:UTF-8'')?\"?([^\";]+)\"?", disposition, re.I) or \
        re.search(r"filename=\"?([^\";]+)\"?", disposition, re.I)
    if match:
        from urllib.parse import unquote

        name = unquote(match.group(1)).replace("\\", "/").rsplit("/", 1)[-1].strip()
        if name and name not in (".", ".."):
            return name
    from urllib.parse import unquote, urlsplit

    segments = [s for s in urlsplit(response.url or url).path.split("/") if s]
    return unquote(segments[-1]) if segments else urlsplit(url).netloc


def fetch_url(url: str, *, fetch: Fetch = Fetch(), max_bytes: int = DEFAULT_MAX_BYTES,
              session: requests.Session | None = None) -> tuple[bytes, str]:
    """GET a document: (body, file name from Content-Disposition or the URL path), with `session`
    (`new_session`) or a session of its own for this one call.

    Retried by kenmerk's one retry policy (`kenmerk.output.retry`): connection errors,
    timeouts, transient statuses (429, 5xx, …) with `Retry-After`, and bodies cut off mid-way.
    """
    import requests

    from kenmerk.output.retry import GaveUp, send, short_reason, tries

    scheme = url.split(":", 1)[0].lower()
    if scheme not in ("http", "https"):
        raise FetchError(f"unsupported URL scheme {scheme!r} (only http and https)", path=url)

    def download(response: requests.Response) -> tuple[bytes, str]:
        final = (response.url or url).split(":", 1)[0].lower()
        if final not in ("http", "https"):
            raise FetchError(f"redirected to an unsupported scheme {final!r}", path=url)
        status = response.status_code
        if status >= 400:
            raise FetchError(f"HTTP {status} {response.reason or ''}".strip(), path=url)
        declared = response.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > max_bytes:
            raise FetchError(f"too large ({declared} bytes > limit {max_bytes})", path=url)
        body = bytearray()
        for chunk in response.iter_content(chunk_size=1 << 16):
            body += chunk
            if len(body) > max_bytes:
                raise FetchError(f"too large (more than the limit of {max_bytes} bytes; download stopped)", path=url)
        return bytes(body), _file_name(url, response)

    own = session is None
    used = new_session(fetch) if session is None else session
    try:
        return send(used, fetch.policy(), "GET", url, read=download,
                    timeout=(fetch.connect_timeout, fetch.read_timeout), allow_redirects=True)
    except GaveUp as exc:
        last = (f"HTTP {exc.answer.status_code}" if exc.answer is not None
                else f"the answer was cut off ({short_reason(exc.error)})" if exc.cut_off
                else short_reason(exc.error))
        raise FetchError(f"not fetched after {tries(exc.tries)}: {last}", path=url) from None
    except requests.TooManyRedirects:
        raise FetchError(f"more than {fetch.max_redirects} redirects", path=url) from None
    except (requests.exceptions.InvalidSchema, requests.exceptions.InvalidURL,
            requests.exceptions.MissingSchema) as exc:
        raise FetchError(f"cannot fetch: {exc}", path=url) from None
    except requests.RequestException as exc:
        raise FetchError(f"cannot fetch: {short_reason(exc)}", path=url) from None
    finally:
        if own:
            used.close()
