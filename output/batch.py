"""Batch extraction: many documents on all cores (or a Dask cluster), streamed, resumable.

    from kenmerk.output.batch import BatchOptions, run_batch
    from kenmerk.output.inputs import gather
    for result in run_batch(gather(["notes/"]), BatchOptions(jobs=4, cache_dir="cache")):
        print(result.note_json if result.ok else result.line)

`run_batch` takes the items of `kenmerk.output.inputs.gather` and yields one `Result` per
item as the documents finish (`ordered=True`: in input order). Executors:

- **local pool** (`jobs >= 1`, the default: one worker per core). Each worker is a
  process of its own (`kenmerk.output.worker`) holding `DEPTH` (2) documents: the one it
  reads and the next, so it never waits for the main process between two. The main
  process waits on the workers' pipes; it reads a window of inputs ahead and starts the
  largest first. The time limit per document (`timeout`, default
  60 s) is **CPU time**: the worker's own and that of the Tesseract calls it waits for, so a
  loaded machine does not kill a document that would finish. Each Tesseract call moves it to
  at least the call's own limit beyond what the document has used, up to 30 times the limit
  in all, so OCR of a long scan is not cut off. A worker past its CPU time, or past the
  wall-clock backstop (5 times the limit: a worker stuck waiting), is killed with SIGKILL —
  which stops any parse, however stuck — its document is reported as failed (stage
  `timeout`, the message names the option), and a fresh worker takes its place. A worker
  that dies (the kernel's OOM killer, a crash in C code) is reported and replaced the same
  way; a `MemoryError` under the per-worker address-space limit (`max_memory_mb`,
  RLIMIT_AS) is reported as stage `memory`.
- **in process** (`jobs = 0`): the same function, one document after the other, with the
  time limits as signals (SIGPROF for CPU time, SIGALRM for the backstop; main thread only)
  and without a memory limit (the library default, and a single document on the command line).
- **Dask** (`dask = "tcp://scheduler:8786"`): the same function as Dask tasks; inside a task
  the document runs in a worker process of that Dask worker's thread, so the time and
  memory limits hold there too. Documents must be reachable from the Dask workers (shared
  storage or URLs), and so must the cache folder.

Pages are counted as they are read (`on_page` of `run_batch`: in a worker process they come
over its pipe), so progress moves inside a long document; Dask tasks report whole documents.
Results are never collected: the main process holds at most a window of results (for
`ordered`), so memory does not grow with the batch. `Reporter` shows a progress bar on a
terminal (pages, documents, rate, an ETA from pages) or log lines otherwise, prints the `path: reason`
line of each failure, writes `--errors FILE` (one JSON line per failure: path, stage,
error, message) and ends with the summary line.
"""
from __future__ import annotations

import dataclasses
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing.connection import wait as wait_connections
from typing import TYPE_CHECKING, Any, NoReturn, Protocol, TextIO

from kenmerk.extract import KenmerkError, ReadLimits
from kenmerk.extract.errors import BatchFailure, InvalidSetting
from kenmerk.output.inputs import DocumentSpec, Fetch, JsonSpec, PassedOver, Refused, read_capped
from kenmerk.output.worker import (
    BACKSTOP,
    Child,
    CpuLimit,
    PageListener,
    Result,
    WorkOptions,
    Workspace,
    extended_limit,
    failure,
    guarded_process,
    timeout_failure,
)

if TYPE_CHECKING:
    from kenmerk.output.corrections import Corrections

__all__ = ["BatchFailure", "BatchOptions", "Reporter", "Result", "cache_notice", "default_jobs", "run_batch"]

DEFAULT_TIMEOUT = 60.0
#: documents read ahead, and (`ordered`) results held back until the ones before them are done:
#: at least `WINDOW`, `WINDOW_PER_JOB` per worker. A note's JSON is some 10-50 KB, so the main
#: process holds a few MB at most; a small window (it was 16 for two workers) let one slow
#: document stop the other workers of an ordered run once they were that far ahead of it: a
#: 12-second PDF among 0.4-second ones left a core idle (89 % busy instead of 97 %).
WINDOW = 256
WINDOW_PER_JOB = 16
#: documents a worker of the local pool holds: the one it reads and the next, so that it goes
#: on at once instead of waiting for the main process between two (which, on a busy machine,
#: waits for a core of its own first)
DEPTH = 2
DEFAULT_MAX_MEMORY_MB = 2048


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class BatchOptions:
    """How a batch runs. `jobs=0`: in this process; `dask`: a Dask scheduler address."""

    jobs: int = field(default_factory=default_jobs)
    ordered: bool = False
    timeout: float = DEFAULT_TIMEOUT  # CPU seconds per document (and 5 times as long by the clock); 0: none
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB  # per worker; 0: none
    cache_dir: str | None = None
    dask: str | None = None
    limits: ReadLimits = ReadLimits()
    fetch: Fetch = Fetch()
    keep_personal_data: bool = False  # `kenmerk extract --keep-personal-data`
    timeout_option: str = "--timeout"  # how the user sets `timeout`, for messages
    explain: bool = False  # every field's candidates too (`Result.explanation_json`, cached)
    finish: Callable[[bytes, Result], object] | None = None  # run in the worker per document (`WorkOptions.finish`)
    corrections: Corrections | None = None  # applied in the worker after the cache (`WorkOptions.corrections`)

    def work_options(self) -> WorkOptions:
        fingerprint = None
        cache_dir = None
        if self.cache_dir:
            from kenmerk.output.cache_folders import clean_stale, extractor_fingerprint, result_folder

            # results of other extraction settings (personal data kept, OCR mode, page limit) are cached apart
            fingerprint = extractor_fingerprint() + ("-personal" if self.keep_personal_data else "") + \
                _settings_key(self.limits)
            cache_dir = os.path.abspath(self.cache_dir)
            clean_stale(result_folder(cache_dir, fingerprint))
        return WorkOptions(limits=self.limits, fetch=self.fetch, cache_dir=cache_dir, fingerprint=fingerprint,
                           max_memory_mb=self.max_memory_mb, timeout=self.timeout,
                           keep_personal_data=self.keep_personal_data, timeout_option=self.timeout_option,
                           explain=self.explain, finish=self.finish, corrections=self.corrections)


def _settings_key(limits: ReadLimits) -> str:
    """A short hash of the reading settings that change what a document yields ('' for the defaults)."""
    import hashlib

    ignore = {"max_bytes", "cache_dir", "ocr_timeout", "deadline"}  # limits on input, where OCR keeps its cache
    values = {k: v for k, v in dataclasses.asdict(limits).items() if k not in ignore}
    defaults = {k: v for k, v in dataclasses.asdict(ReadLimits()).items() if k not in ignore}
    if values.get("ocr", "never") != "never":  # what OCR can do here: a scan read without Tesseract differs
        values["tesseract"] = defaults["tesseract"] = _tesseract()
    if values == defaults and "tesseract" not in values:
        return ""
    return "-" + hashlib.sha256(repr(sorted(values.items())).encode()).hexdigest()[:8]


def _tesseract() -> str:
    try:
        from kenmerk.extract.ocr import find_tesseract
    except ImportError:
        return "no OCR"
    tess = find_tesseract()
    return f"{tess.version} {' '.join(sorted(tess.languages))}" if tess is not None else "no tesseract"


# -- executors ----------------------------------------------------------------------------------


class _Executor(Protocol):
    """Where documents run: in this process (`_Inline`), worker processes (`_LocalPool`) or Dask (`_Dask`)."""

    def capacity(self) -> int: ...

    @property
    def busy(self) -> int: ...

    def submit(self, index: int, spec: DocumentSpec) -> None: ...

    def collect(self, timeout: float | None) -> list[Result]: ...

    def close(self) -> None: ...


class _Inline:
    """jobs=0: documents run in this process, one at a time."""

    def __init__(self, options: WorkOptions, on_page: PageListener | None = None) -> None:
        self.options = options
        self.on_page = on_page
        self.workspace = Workspace(options)
        self.done: list[Result] = []

    def capacity(self) -> int:
        return 0 if self.done else 1

    @property
    def busy(self) -> int:
        return len(self.done)

    def submit(self, index: int, spec: DocumentSpec) -> None:
        on_page = self.on_page
        pages = (lambda done, total: on_page(index, done, total)) if on_page is not None else None
        try:
            with _time_limit(self.options.timeout) as deadline:
                result = self.workspace.run(spec, index, on_page=pages, deadline=deadline)
        except _Expired as exc:
            result = timeout_failure(index, spec.label, self.options, waited=exc.args[0], killed=False)
        self.done.append(result)

    def collect(self, timeout: float | None) -> list[Result]:
        done, self.done = self.done, []
        return done

    def close(self) -> None:
        self.workspace.close()


class _Expired(BaseException):
    """Raised by the timers of `_time_limit` (args: the seconds waited when the backstop stopped
    it, else 0): a BaseException, so no `except Exception` in a parser swallows it."""


class _InlineDeadline:
    """The time limit of a document in this process: `seconds` of CPU time (SIGPROF) and `BACKSTOP`
    times that by the clock (SIGALRM). A Tesseract call (`extend`) moves both to at least the call's
    own limit beyond what is used, up to 30 times the limit in all (see `kenmerk.output.worker`)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.cpu = CpuLimit(seconds)
        self.started = time.monotonic()
        self.wall = BACKSTOP * seconds

    def arm(self) -> None:
        self.cpu.arm()
        signal.setitimer(signal.ITIMER_REAL, self.wall)

    def extend(self, call_seconds: float) -> None:
        """A Tesseract call of at most `call_seconds` starts: give it its own time limit."""
        self.cpu.extend(call_seconds)
        self.wall = extended_limit(BACKSTOP * self.seconds, self.wall, time.monotonic() - self.started, call_seconds)
        signal.setitimer(signal.ITIMER_REAL, max(self.started + self.wall - time.monotonic(), 0.001))


@contextmanager
def _time_limit(seconds: float) -> Iterator[_InlineDeadline | None]:
    """The time limit of a document in this process (main thread only, else none), as a deadline for
    OCR (`kenmerk.extract.ocr.Deadline`); raises `_Expired` when it is reached."""
    if not seconds or threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield None
        return

    deadline = _InlineDeadline(seconds)

    def expire(signum: int, frame: object) -> NoReturn:
        raise _Expired(deadline.wall if signum == signal.SIGALRM else 0.0)

    previous = {signum: signal.signal(signum, expire) for signum in (signal.SIGPROF, signal.SIGALRM)}
    deadline.arm()
    try:
        yield deadline
    finally:
        deadline.cpu.disarm()
        signal.setitimer(signal.ITIMER_REAL, 0)
        for signum, handler in previous.items():
            signal.signal(signum, handler)


class _LocalPool:
    """`jobs` worker processes, each holding up to `DEPTH` documents with the limits of the one under way."""

    def __init__(self, jobs: int, options: WorkOptions, on_page: PageListener | None = None) -> None:
        self.options = options
        self.on_page = on_page
        self.children: list[Child] = []
        try:
            for _ in range(jobs):
                self.children.append(Child(options, on_page))
            for child in self.children:
                child.wait_ready()
        except BaseException:
            self.close()
            raise

    def capacity(self) -> int:
        return sum(DEPTH - len(child.tasks) for child in self.children)

    @property
    def busy(self) -> int:
        return sum(len(child.tasks) for child in self.children)

    def submit(self, index: int, spec: DocumentSpec) -> None:
        child = min(self.children, key=lambda c: len(c.tasks))  # an idle worker first
        try:
            child.send(index, spec)
        except (BrokenPipeError, ConnectionResetError, EOFError):  # it died: a new one takes its documents
            child.kill()
            self._replace(child).send(index, spec)

    def collect(self, timeout: float | None) -> list[Result]:
        running = [child for child in self.children if child.tasks]
        if not running:
            return []
        wait_for = max(0.0, min(child.deadline for child in running) - time.monotonic())
        if timeout is not None:
            wait_for = min(wait_for, timeout)
        ready = set(wait_connections([h for child in running for h in child.waitables()], wait_for))
        results: list[Result] = []
        for child in running:
            if ready.intersection(child.waitables()):
                self._finish(child, child.take(ready), results)
        now = time.monotonic()
        for child in running:
            self._finish(child, child.overdue(now), results)
        return results

    def _finish(self, child: Child, result: Result | None, results: list[Result]) -> None:
        """A document is done (`result`); a worker that is gone (killed at a limit, died, retired)
        is replaced, and the documents it had not started go to the new one."""
        if result is None:
            return
        results.append(result)
        if result.retire:
            child.kill()
        if child.proc.poll() is not None:
            self._replace(child)

    def _replace(self, child: Child) -> Child:
        fresh = Child(self.options, self.on_page)
        self.children[self.children.index(child)] = fresh
        for index, spec in child.tasks:
            fresh.send(index, spec)
        return fresh

    def close(self) -> None:
        killed = False
        for child in self.children:
            if child.tasks:
                child.kill()
                killed = True
            else:
                try:
                    child.tx.send(None)
                except (OSError, ValueError):
                    pass
        if killed and self.options.cache_dir:  # what a killed worker was writing into the cache
            from kenmerk.output.cache_folders import clean_stale, extractor_fingerprint, result_folder

            clean_stale(result_folder(self.options.cache_dir, self.options.fingerprint or extractor_fingerprint()))
        for child in self.children:
            if not child.tasks:
                child.stop()
        self.children.clear()


def _import_distributed() -> Any:  # the module (untyped)
    try:
        import distributed
    except ImportError:
        raise InvalidSetting("a Dask scheduler address was given, but the Dask distributed scheduler is not "
                             "installed: pip install 'kenmerk[dask]'") from None
    return distributed


class _Dask:
    """Documents as tasks on a Dask cluster; at most two tasks per worker thread in flight."""

    def __init__(self, address: str, options: WorkOptions) -> None:
        distributed = _import_distributed()
        self.distributed = distributed
        self.options = options
        try:
            self.client = distributed.Client(address, timeout="30s", set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise KenmerkError(f"cannot reach the Dask scheduler at {address}: {exc}") from None
        threads = sum(self.client.nthreads().values()) or 1
        self.window = max(2, 2 * threads)
        self.futures: dict[str, tuple[Any, int, str]] = {}  # distributed.Future (untyped)
        import queue
        import uuid

        self.finished: queue.Queue = queue.Queue()

        self.run_id = uuid.uuid4().hex[:12]

    def capacity(self) -> int:
        return self.window - len(self.futures)

    @property
    def busy(self) -> int:
        return len(self.futures)

    def submit(self, index: int, spec: DocumentSpec) -> None:
        key = f"kenmerk-extract-{self.run_id}-{index}"
        future = self.client.submit(guarded_process, spec, self.options, index, key=key, pure=False, retries=0)
        self.futures[key] = (future, index, spec.label)
        future.add_done_callback(lambda f: self.finished.put(f.key))

    def collect(self, timeout: float | None) -> list[Result]:
        import queue

        if not self.futures:
            return []
        keys = []
        try:
            keys.append(self.finished.get(timeout=timeout or 1.0))
            while True:
                keys.append(self.finished.get_nowait())
        except queue.Empty:
            pass
        results = []
        for key in keys:
            entry = self.futures.pop(key, None)
            if entry is None:
                continue
            future, index, label = entry
            try:
                results.append(future.result())
            except Exception as exc:  # KilledWorker, a task that could not run on the worker, …
                name = exc.__class__.__name__
                stage = "worker" if name == "KilledWorker" else "dask"
                results.append(failure(index, label, stage, name, f"the Dask task failed: {name}: {str(exc)[:200]}"))
            future.release()
        return results

    def close(self) -> None:
        try:
            if self.futures:
                self.client.cancel([f for f, _, _ in self.futures.values()])
        finally:
            self.futures.clear()
            self.client.close()


# -- the scheduler ------------------------------------------------------------------------------


def run_batch(
    items: Iterable[object],
    options: BatchOptions | None = None,
    *,
    stop: Callable[[], bool] | None = None,
    on_tick: Callable[[], None] | None = None,
    on_page: PageListener | None = None,
) -> Generator[Result, None, None]:
    """One `Result` per item: documents extracted, `JsonSpec`s passed through (status `item`),
    `Refused` inputs as failures. Once `stop()` is true, documents are no longer started:
    they come back with status `skipped`. `on_page(index, done, total)` is told as the pages
    of document `index` (its place in `items`) are read; `on_tick()` about once a second."""
    options = options or BatchOptions()
    work = options.work_options()
    executor: _Executor | None
    if options.dask:
        executor = _Dask(options.dask, work)
        window = max(WINDOW, WINDOW_PER_JOB * executor.window)
    elif options.jobs <= 0:
        executor = _Inline(work, on_page)
        window = 1
    else:
        executor = None  # started lazily: a run with nothing to extract starts no process
        window = max(WINDOW, WINDOW_PER_JOB * options.jobs)
    if options.corrections is not None:  # a refused correction: one failure line each, the others apply
        for n, err in enumerate(options.corrections.errors, start=1):
            yield failure(-n, err.path or "corrections", "corrections", err.__class__.__name__,
                          " ".join(str(err.args[0]).split()))
    emitter = _Emitter(options.ordered)
    source = iter(items)
    index = 0
    exhausted = False
    pending: list[tuple[int, DocumentSpec]] = []  # read ahead, not started: at most `window`

    def feed() -> list[Result]:
        """Read ahead; start the largest documents at hand while a worker is free (so a big one
        does not run alone at the end); passthrough items and refusals come back at once."""
        nonlocal executor, exhausted, index
        ready: list[Result] = []
        while not exhausted and len(pending) < window and (not options.ordered or index - emitter.next < window):
            try:
                item = next(source)
            except StopIteration:
                exhausted = True
                break
            current, index = index, index + 1
            if isinstance(item, Refused):
                err = item.error
                ready.append(failure(current, item.label, err.stage, err.__class__.__name__,
                                     " ".join(str(err.args[0] if err.args else err).split())))
            elif isinstance(item, JsonSpec):
                ready.append(Result(current, item.label, "item", item=item))
            elif isinstance(item, PassedOver):
                ready.append(Result(current, item.label, "passed", item=item))
            elif isinstance(item, DocumentSpec):
                pending.append((current, item))
            else:
                raise TypeError(f"not a batch item: {item!r}")
        while pending and (executor is None or executor.capacity() > 0):
            if stop is not None and stop():
                ready.extend(Result(i, spec.label, "skipped") for i, spec in pending)
                pending.clear()
                break
            current, item = pending.pop(max(range(len(pending)), key=lambda k: pending[k][1].size))
            if item.kind == "path" and item.location == "-":  # standard input is read here, once
                data = read_capped(sys.stdin.buffer, options.limits.max_bytes)
                item = DocumentSpec(item.label, "bytes", data=data, size=len(data))  # a --name it was given
            if executor is None:
                executor = _LocalPool(options.jobs, work, on_page)
            executor.submit(current, item)
        return ready

    try:
        while True:
            ready = feed()
            if ready:
                yield from emitter.push(ready)
                continue
            if exhausted and not pending and (executor is None or executor.busy == 0):
                break
            results = executor.collect(1.0) if executor is not None else []
            if results:
                results += feed()  # the freed workers start on their next documents before these are written
                yield from emitter.push(results)
            if on_tick is not None:
                on_tick()
    finally:
        if executor is not None:
            executor.close()


class _Emitter:
    def __init__(self, ordered: bool) -> None:
        self.ordered = ordered
        self.next = 0
        self.held: dict[int, Result] = {}

    def push(self, results: list[Result]) -> Iterator[Result]:
        if not self.ordered:
            self.next += len(results)
            yield from results
            return
        for result in results:
            self.held[result.index] = result
        while self.next in self.held:
            yield self.held.pop(self.next)
            self.next += 1


# -- progress, error lines, error file, summary -------------------------------------------------


@dataclass
class Counts:
    done: int = 0
    cached: int = 0
    failed: int = 0
    not_read: int = 0
    pages: int = 0
    passed_over: dict[str, int] = field(default_factory=dict)  # files that are no documents, by extension

    @property
    def documents(self) -> int:
        return self.done + self.cached + self.failed + self.not_read


@dataclass
class PageTally:
    """Pages read so far — of finished documents and of those under way — and an estimate of
    the batch's pages in all, from the pages per document seen so far."""

    documents: int | None = None  # documents in the batch, when counted
    read: int = 0  # pages read
    finished: int = 0  # documents finished
    finished_pages: int = 0  # their pages
    under_way: dict[int, tuple[int, int]] = field(default_factory=dict)  # index -> (pages read, pages in all)

    def page(self, index: int, done: int, total: int) -> int:
        """Document `index` has read `done` of its `total` pages; returns how many pages that adds."""
        before = self.under_way.get(index, (0, 0))[0]
        self.under_way[index] = (max(done, before), total)
        added = max(0, done - before)
        self.read += added
        return added

    def finish(self, index: int, pages: int) -> int:
        """Document `index` is done with `pages` pages (0: failed or not read); returns the pages that adds."""
        before = self.under_way.pop(index, (0, 0))[0]
        self.finished += 1
        self.finished_pages += pages
        added = max(0, pages - before)
        self.read += added
        return added

    def estimate(self) -> int | None:
        """The batch's pages in all: known for the documents seen, the mean of those for the rest."""
        seen = self.finished + len(self.under_way)
        pages = self.finished_pages + sum(total for _, total in self.under_way.values())
        if self.documents is None or not seen or not pages:
            return None
        return max(self.read, round(pages + max(0, self.documents - seen) * pages / seen))


class Reporter:
    """Progress (a bar on a terminal, log lines otherwise), failure lines, the error file, the summary.

    progress: `bar`, `log`, `none` or `auto` (bar when `stream` is a terminal, else log). The
    bar counts pages as they are read (`page`, from `run_batch`'s `on_page`), so it moves inside
    a long document, and its ETA comes from pages.
    """

    def __init__(self, *, total: int | None = None, progress: str = "auto", stream: TextIO | None = None,
                 errors_file: str | None = None, echo_failures: bool = True, interval: float = 10.0) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if progress == "auto":
            progress = "bar" if _isatty(self.stream) else "log"
        self.mode = progress
        self.total = total
        self.echo_failures = echo_failures
        self.interval = interval
        self.counts = Counts()
        self.tally = PageTally(total)
        self.start = time.monotonic()
        self.last_log = self.start
        self.last_line = ""
        self.bar = None
        self.errors = None
        if errors_file:
            from kenmerk.output.atomic import AtomicWriter

            self.errors = AtomicWriter(errors_file, "w")
        if self.mode == "bar":
            from tqdm import tqdm

            try:
                width = os.get_terminal_size(self.stream.fileno()).columns
            except (AttributeError, OSError, ValueError):
                width = 0
            sized = {"dynamic_ncols": True} if width else {"ncols": 100}  # a terminal that reports no size
            self.bar = tqdm(total=None, unit="page", file=self.stream, smoothing=0.1, desc="kenmerk",
                            mininterval=0.2, **sized)
            self.bar.set_postfix_str(self._documents(), refresh=False)

    def echo(self, line: str) -> None:
        if self.bar is not None:
            self.bar.write(line, file=self.stream)
        else:
            print(line, file=self.stream, flush=True)

    def start_line(self, what: str) -> None:
        if self.mode == "log":
            total = (f"{self.total} document{'' if self.total == 1 else 's'}" if self.total is not None
                     else "documents")
            self.echo(f"kenmerk: extracting {total} ({what})")

    def page(self, index: int, done: int, total: int) -> None:
        """Document `index` has read `done` of its `total` pages."""
        self._advance(self.tally.page(index, done, total))

    def add(self, result: Result) -> None:
        c = self.counts
        pages = 0
        if result.status == "ok":
            if result.cached:
                c.cached += 1
            else:
                c.done += 1
            c.pages += result.pages
            pages = result.pages
        elif result.status == "failed":
            c.failed += 1
            if self.echo_failures:
                self.echo(result.line)
            self.record(result.error_record())
        elif result.status == "skipped":
            c.not_read += 1
        elif isinstance(result.item, PassedOver):
            c.passed_over[result.item.kind] = c.passed_over.get(result.item.kind, 0) + 1
            return
        else:
            return  # passthrough items are not documents
        if self.bar is not None:
            self.bar.set_postfix_str(self._documents(), refresh=False)
        self._advance(self.tally.finish(result.index, pages), force=True)

    def _advance(self, pages: int, force: bool = False) -> None:
        if self.bar is not None:
            self.bar.total = self.tally.estimate()
            if pages:
                self.bar.update(pages)
            elif force:
                self.bar.refresh()
        else:
            self.tick()

    def _documents(self) -> str:
        c = self.counts
        of = f"/{self.total}" if self.total is not None else ""
        return f"{c.documents}{of} documents, {c.failed} failed"

    def record(self, record: dict) -> None:
        """One line of the error file."""
        if self.errors is not None:
            self.errors.write(json.dumps(record, ensure_ascii=False) + "\n")

    def not_written(self, path: str, error: Exception) -> None:
        """A document extracted but not written to the output (a note DiWoo cannot carry): its line on
        stderr and in the error file, and it counts as failed in the summary, not as done."""
        self.echo(str(error))
        self.record({"path": path, "stage": "output", "error": type(error).__name__, "message": error.args[0]})
        if self.counts.done:
            self.counts.done -= 1
        self.counts.failed += 1

    def tick(self) -> None:
        """About once a second: keep the bar's clock going; a progress line every `interval` seconds."""
        if self.bar is not None:
            self.bar.refresh()
        if self.mode != "log":
            return
        now = time.monotonic()
        if now - self.last_log < self.interval:
            return
        self.last_log = now
        c, tally = self.counts, self.tally
        rate = self._rate(tally.read)
        estimate = tally.estimate()
        pages = f"{tally.read} pages"
        eta = ""
        if estimate is not None and estimate > tally.read:
            pages = f"{tally.read} of about {estimate} pages"
            if rate > 0:
                eta = f", ETA {_duration((estimate - tally.read) / rate)}"
        of = f"/{self.total}" if self.total is not None else ""
        line = f"kenmerk: {c.documents}{of} documents, {pages}, {rate:.1f} pages/s, {c.failed} failed{eta}"
        if line != self.last_line:
            self.last_line = line
            self.echo(line)

    def _rate(self, n: int) -> float:
        elapsed = time.monotonic() - self.start
        return n / elapsed if elapsed > 0 else 0.0

    def summary(self) -> str:
        c = self.counts
        elapsed = time.monotonic() - self.start
        passed = sum(c.passed_over.values())
        skipped = c.cached + c.not_read + passed
        why = []
        if c.cached:
            why.append(f"{c.cached} unchanged, from the cache")
        if c.not_read:
            why.append(f"{c.not_read} not read")
        if passed:
            kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(c.passed_over.items(), key=lambda kv: (-kv[1], kv[0])))
            why.append(f"{passed} not documents: {kinds}")
        why_text = f" ({'; '.join(why)})" if why else ""
        return (f"kenmerk: done {c.done}, failed {c.failed}, skipped {skipped}{why_text}; "
                f"{c.pages} pages in {elapsed:.1f} s, {self._rate(c.pages):.1f} pages/s, "
                f"{self._rate(c.documents):.1f} documents/s")

    def close(self, *, summary: bool = True, ok: bool = True) -> None:
        """End the bar, commit (or, after an interruption, drop) the error file, print the summary."""
        if self.bar is not None:
            self.bar.close()
            self.bar = None
        if self.errors is not None:
            if ok:
                self.errors.commit()
            else:
                self.errors.discard()
            self.errors = None
        if summary and ok:
            print(self.summary(), file=self.stream, flush=True)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _duration(seconds: float) -> str:
    seconds = int(seconds + 0.5)
    h, rest = divmod(seconds, 3600)
    m, s = divmod(rest, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


# -- what a batch says of its cache ----------------------------------------------------------------


def cache_notice(cache_dir: str | None, prune: bool = False) -> str | None:
    """What to say of the results of other kenmerk versions in the cache folder: how much
    there is (and that `--prune-cache` removes it), or, with `prune`, what was removed."""
    if not cache_dir:
        return None
    from kenmerk.output.cache_folders import other_versions, prune_other_versions

    if prune:
        folders, size = prune_other_versions(cache_dir)
        return (f"kenmerk: removed the results of {folders} other kenmerk version(s) from {cache_dir} "
                f"({size / 2**20:.1f} MiB)") if folders else None
    others = other_versions(cache_dir)
    if not others:
        return None
    size = sum(n for _, n in others)
    return (f"kenmerk: {cache_dir} also holds results of {len(others)} other kenmerk version(s) "
            f"({size / 2**20:.1f} MiB) that this one does not read; --prune-cache removes them")
