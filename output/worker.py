"""The per-document work of a batch, and the worker processes that run it.

`Workspace(options).run(spec)` is what every executor runs per document — in the main
process (`--jobs 0`), in a worker process of the local pool, or in a Dask task: read the
bytes (file, zip member, URL), look the content hash up in the cache, extract, store the
result in the cache, and return a small picklable `Result` with the note's JSON. The
workspace holds what its documents share (the open zip archives and HTTP session of its
`Loader`, the result cache) and belongs to the executor or worker process that runs them;
`process_document` runs one document in a workspace of its own.

A worker process is a fresh interpreter (`python -m kenmerk.output.worker --fd-in R
--fd-out W --fd-notice N`), not a fork: it can be started from anywhere (a Dask worker
thread, a daemonic process) and owns nothing of its parent. It talks over two pipes with
pickled messages (`multiprocessing.connection.Connection`); its standard output goes to
standard error, so nothing it prints can end up in the JSON Lines. It

- sets `RLIMIT_AS` to `max_memory` MB after its imports, so a document that needs more
  gets a `MemoryError` (reported as stage `memory`; the worker then retires);
- ignores SIGINT (Ctrl-C reaches the whole process group; the parent decides);
- runs a watchdog thread that ends the process when its parent is gone, so a worker stuck
  in an endless parse never outlives a killed run;
- counts the **CPU time** of each document (`CpuLimit`: its own, and that of the Tesseract
  calls it waited for): at the limit (`timeout`) the kernel's profiling timer (SIGPROF)
  writes a byte to the notice pipe — from the signal handler, so even a parse stuck in C
  code is noticed — and the parent kills the worker. A loaded machine slows a document
  down but does not make it use more CPU time, so it is not killed for that. The parent
  also keeps a wall-clock backstop, `BACKSTOP` (5) times the limit, for a worker stuck
  waiting (a read that never returns);
- sends `(EXTEND, seconds)` before each Tesseract call (the document's `Deadline`, passed to
  OCR in `ReadLimits.deadline`) and moves its own CPU limit: both limits then reach at least that call's own time limit
  beyond what the document has used, up to `OCR_STRETCH` (30) times the document's limit in
  all. The limit bounds parsing and extraction; OCR is bounded per call, so a long scan is
  not cut off, and a stuck parse still is;
- sends `(PAGE, done, total)` as pages are read (`on_page` of the extract API; at most every
  `PAGE_INTERVAL` seconds, and the first and last page), so progress moves inside a long
  document.

`Child` is the parent's handle: `send` a task, `take` what the worker said, `kill`
(SIGKILL) a stuck one. `GuardedRunner` runs one task at a time in a child with the same
limits (used by Dask tasks, where a thread cannot be killed).
"""
from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from multiprocessing.connection import Connection, wait
from typing import IO, TYPE_CHECKING, Any, Literal

from kenmerk.extract import KenmerkError, ReadLimits
from kenmerk.extract.errors import WorkerStartError
from kenmerk.extract.ocr import Deadline
from kenmerk.output.inputs import DocumentSpec, Fetch, JsonSpec, Loader, PassedOver

if TYPE_CHECKING:
    from kenmerk.extract.note import Extraction
    from kenmerk.output.cache import ResultCache
    from kenmerk.output.corrections import Corrections

__all__ = ["Child", "CpuLimit", "GuardedRunner", "Result", "WorkOptions", "Workspace", "process_document"]

EXTEND = "extend"  # the worker's message that a Tesseract call starts
PAGE = "page"  # the worker's message that pages of its document are read
PAGE_INTERVAL = 0.2  # seconds between two page messages of a worker
OCR_GRACE = 10.0  # seconds past a Tesseract call's own limit, for rendering the page and what follows
OCR_STRETCH = 30  # OCR moves a document's limit to at most this many times its first value in all
BACKSTOP = 5  # the wall-clock limit of a document in a worker: this many times its CPU-time limit


def extended_limit(limit: float, current: float, used: float, call_seconds: float) -> float:
    """The limit of a document (`limit` at first, `current` now, `used` so far; seconds of CPU
    or of the clock alike) when a Tesseract call of at most `call_seconds` starts: at least the
    call's own limit beyond what is used, and at most `OCR_STRETCH` times `limit`, so a scan of
    a thousand pages still ends."""
    if not limit:
        return current
    return max(current, min(used + call_seconds + OCR_GRACE, OCR_STRETCH * limit))


def cpu_seconds() -> float:
    """CPU time of this process and of the child processes it has waited for (Tesseract calls)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


class CpuLimit:
    """The CPU-time limit of one document in this process: a profiling timer (SIGPROF).

    The timer counts this process's CPU time; the CPU time of the Tesseract calls (child
    processes) is charged when the next call starts (`extend`), and each call moves the
    limit as `extended_limit` says. At the limit, and every CPU second after it, SIGPROF is
    delivered: the caller's handler decides what happens (POSIX only; main thread)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.budget = seconds
        self.start = cpu_seconds()

    def used(self) -> float:
        return cpu_seconds() - self.start

    def arm(self) -> None:
        signal.setitimer(signal.ITIMER_PROF, max(self.budget - self.used(), 0.001), 1.0)

    def extend(self, call_seconds: float) -> None:
        """A Tesseract call of at most `call_seconds` starts: move the limit and re-arm the timer."""
        self.budget = extended_limit(self.seconds, self.budget, self.used(), call_seconds)
        self.arm()

    @staticmethod
    def disarm() -> None:
        signal.setitimer(signal.ITIMER_PROF, 0)


@dataclass(frozen=True)
class WorkOptions:
    """Everything the per-document function needs; sent once to every worker."""

    limits: ReadLimits = ReadLimits()
    fetch: Fetch = Fetch()
    cache_dir: str | None = None
    fingerprint: str | None = None
    max_memory_mb: int = 0  # 0: no limit
    timeout: float = 0.0  # CPU seconds per document; 0: none
    keep_personal_data: bool = False  # names, phone numbers, e-mail addresses (kenmerk.extract.personal)
    timeout_option: str = "--timeout"  # how the user sets `timeout`, for messages
    explain: bool = False  # also every field's candidates (`kenmerk.extract.explain`), kept in the cache too
    #: run in the worker on each document that went through, with its bytes (a picklable callable, such as
    #: `kenmerk review`'s page writer); what it returns is the result's `extra`
    finish: Callable[[bytes, "Result"], object] | None = None
    #: a reviewer's corrections (`kenmerk.output.corrections`), applied to each note after the cache
    corrections: "Corrections | None" = None


#: ok, failed, skipped (not read: the run halted), item (a passthrough), passed (a file that is no document)
Status = Literal["ok", "failed", "skipped", "item", "passed"]


@dataclass(slots=True)
class Result:
    """The outcome of one document. status: ok, failed, skipped (not read: run halted), item (passthrough),
    passed (a file that is no document, `item` its `PassedOver`)."""

    index: int
    label: str
    status: Status
    note_json: str | None = None
    pages: int = 0
    cached: bool = False
    stage: str = ""
    error: str = ""
    message: str = ""
    seconds: float = 0.0
    retire: bool = False  # the worker should be replaced (after a MemoryError)
    item: JsonSpec | PassedOver | None = field(default=None, repr=False)
    explanation_json: str | None = field(default=None, repr=False)  # with `WorkOptions.explain`
    extra: object = field(default=None, repr=False)  # what `WorkOptions.finish` returned

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def note_text(self) -> str:
        """The note's JSON of a result that went through (`ok`); a ValueError for any other."""
        if self.note_json is None:
            raise ValueError(f"{self.label}: no note ({self.status})")
        return self.note_json

    @property
    def line(self) -> str:
        """The one-line error `label: reason` of a failure."""
        return f"{self.label}: {self.message}"

    def error_record(self) -> dict:
        return {"path": self.label, "stage": self.stage, "error": self.error, "message": self.message}


def failure(index: int, label: str, stage: str, error: str, message: str, **kw: Any) -> Result:
    return Result(index, label, "failed", stage=stage, error=error, message=" ".join(message.split()), **kw)


def _reason(exc: KenmerkError) -> str:
    return " ".join(str(exc.args[0] if exc.args else exc).split())


class Workspace:
    """Runs the documents of one batch in this process (`run`), with what they share: a `Loader`
    (open zip archives, an HTTP session) and the result cache (opened on first use). Its owner
    (an executor, a worker process) closes it when the batch is done."""

    def __init__(self, options: WorkOptions) -> None:
        self.options = options
        self.loader = Loader(options.fetch, max_bytes=options.limits.max_bytes)
        self._cache: ResultCache | None = None

    def cache(self) -> ResultCache | None:
        """The `ResultCache` of `options.cache_dir`, or None without one."""
        if self._cache is None and self.options.cache_dir:
            from kenmerk.output.cache import ResultCache

            self._cache = ResultCache(self.options.cache_dir, self.options.fingerprint)
        return self._cache

    def close(self) -> None:
        self.loader.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def run(self, spec: DocumentSpec, index: int = 0, *, on_page: Callable[[int, int], None] | None = None,
            deadline: Deadline | None = None) -> Result:
        """Read, look up, extract and cache one document. Never raises for a bad document.

        `on_page(done, total)` is told as pages are read (a text input counts as one page);
        `deadline` (the document's time limit) of every Tesseract call."""
        from kenmerk.extract import read_bytes
        from kenmerk.extract.note import extract_layout
        from kenmerk.output.cache import CacheEntry

        options = self.options
        start = time.perf_counter()
        label = spec.label
        try:
            data, name = self.loader.load(spec)
        except KenmerkError as exc:
            return failure(index, label, exc.stage, exc.__class__.__name__, _reason(exc),
                           seconds=time.perf_counter() - start)
        except MemoryError:
            return failure(index, label, "memory", "MemoryError", _memory_message(options), retire=True)
        cache = self.cache()
        sha = hashlib.sha256(data).hexdigest() if cache is not None else ""
        if cache is not None:
            entry = cache.get(sha, name)
            if entry is not None and options.explain and entry.ok and entry.explanation_json is None:
                entry = None  # cached without the candidates: extracted again, with them
            if entry is not None:
                elapsed = time.perf_counter() - start
                if entry.ok:
                    return _finish(Result(index, label, "ok", note_json=entry.note_json, pages=entry.pages,
                                          cached=True, explanation_json=entry.explanation_json), data, options, start)
                return failure(index, label, entry.stage, entry.error, entry.message, cached=True, seconds=elapsed)
        fresh: CacheEntry | None = None  # what the cache keeps: nothing of a failure that may not come again
        try:
            limits = options.limits if deadline is None else replace(options.limits, deadline=deadline)
            layout, source = read_bytes(data, name, limits, on_page=on_page)
            kept = data if options.finish is not None else b""
            del data
            extraction = extract_layout(layout, source, keep_personal_data=options.keep_personal_data)
            del layout
            note_json = extraction.note.model_dump_json()
            explanation_json = _explain(extraction) if options.explain else None
            del extraction
            result = Result(index, label, "ok", note_json=note_json, pages=source.page_count or 1,
                            explanation_json=explanation_json)
            fresh = CacheEntry(True, note_json=note_json, pages=result.pages, explanation_json=explanation_json)
        except KenmerkError as exc:
            if _caused_by(exc, MemoryError):  # the reader made a MemoryError its own error: not the bytes' fault
                return failure(index, label, "memory", "MemoryError", _memory_message(options), retire=True,
                               seconds=time.perf_counter() - start)
            result = failure(index, label, exc.stage, exc.__class__.__name__, _reason(exc))
            fresh = CacheEntry(False, stage=result.stage, error=result.error, message=result.message)
        except MemoryError:
            return failure(index, label, "memory", "MemoryError", _memory_message(options), retire=True,
                           seconds=time.perf_counter() - start)
        except RecursionError:
            result = failure(index, label, "extract", "RecursionError", "too deeply nested to read")
        except Exception as exc:  # a bug in an extractor must not stop the batch
            result = failure(index, label, "extract", exc.__class__.__name__,
                             f"internal error: {exc.__class__.__name__}: {str(exc)[:200]}")
        if cache is not None and fresh is not None:
            try:
                cache.put(sha, name, fresh)
            except KenmerkError as exc:  # a full disk must not lose the result itself; said once per worker
                print(f"kenmerk: warning: {exc} (results are not cached from here on)", file=sys.stderr)
        return _finish(result, kept if result.ok else b"", options, start)


def process_document(spec: DocumentSpec, options: WorkOptions, index: int = 0, *,
                     on_page: Callable[[int, int], None] | None = None, deadline: Deadline | None = None) -> Result:
    """One document in a `Workspace` of its own (see `Workspace.run`)."""
    with Workspace(options) as workspace:
        return workspace.run(spec, index, on_page=on_page, deadline=deadline)


def _explain(extraction: Extraction) -> str:
    from kenmerk.extract.explain import explain

    return explain(extraction).model_dump_json()


def _finish(result: Result, data: bytes, options: WorkOptions, start: float) -> Result:
    """The corrections of a document that went through (after the cache: it keeps extractions), then
    `options.finish` (its return in `extra`); a failure of it fails the document (stage `finish`), not the batch."""
    if (options.finish is not None or options.corrections) and result.ok:
        try:
            if options.corrections:
                result.note_json = options.corrections.apply_json(result.note_text)
            if options.finish is not None:
                result.extra = options.finish(data, result)
        except KenmerkError as exc:
            result = failure(result.index, result.label, exc.stage, exc.__class__.__name__, _reason(exc))
        except MemoryError:
            result = failure(result.index, result.label, "memory", "MemoryError", _memory_message(options),
                             retire=True)
        except Exception as exc:  # a bug in the hook must not stop the batch
            result = failure(result.index, result.label, "finish", exc.__class__.__name__,
                             f"internal error: {exc.__class__.__name__}: {str(exc)[:200]}")
    result.seconds = time.perf_counter() - start
    return result


def _caused_by(exc: BaseException | None, kind: type) -> bool:
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, kind):
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def _memory_message(options: WorkOptions) -> str:
    if options.max_memory_mb:
        return f"needs more memory than the limit of {options.max_memory_mb} MB per worker (--max-memory)"
    return "out of memory"


# -- the worker process --------------------------------------------------------------------------


def _set_memory_limit(mb: int) -> str | None:
    """Limit this process's address space; an error message when that is impossible."""
    if not mb:
        return None
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return None
    limit = mb * 1024 * 1024
    try:
        with open("/proc/self/statm") as fh:
            current = int(fh.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError):
        current = 0
    if current and current > limit * 0.8:
        return (f"--max-memory {mb} MB is below what a worker needs to start "
                f"({current // (1024 * 1024)} MB of address space); raise it or use 0 for no limit")
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY and limit > hard:
        limit = hard
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return None


def _watchdog(parent: int) -> None:
    # SIGPROF (the CPU-time limit) goes to the main thread only: it is then told on the notice pipe
    # before the main thread sends its result, never after
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPROF})
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:  # the run that started us is gone: stop, even in the middle of a parse
            _kill_group()
            os._exit(3)


def _kill_group() -> None:
    """SIGKILL this worker's process group: the worker and what it started (a `tesseract`)."""
    try:
        if os.getpgid(0) == os.getpid():  # only when the worker leads its own group
            os.killpg(os.getpid(), signal.SIGKILL)
    except (AttributeError, OSError):
        pass


#: the cyclic garbage collector's thresholds in a worker. pdfminer.six makes millions of small
#: objects, nearly all freed by reference counting; a young-generation pass every 700 allocations
#: (Python's default) scans them for nothing. Every 5,000: some 5-10 % less CPU time per note
#: (noisy on a shared host), peak worker memory on the corpus 116 MiB instead of 96 (50,000: 386).
GC_THRESHOLDS = (5_000, 10, 10)


def _tune_gc() -> None:
    """Freeze what the imports made (never scanned again) and collect young objects less often."""
    import gc

    gc.collect()
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def worker_main(argv: list[str] | None = None) -> int:
    import argparse
    import logging
    import warnings

    parser = argparse.ArgumentParser(prog="kenmerk-worker")
    parser.add_argument("--fd-in", type=int, required=True)
    parser.add_argument("--fd-out", type=int, required=True)
    parser.add_argument("--fd-notice", type=int, required=True)
    parser.add_argument("--parent", type=int, required=True)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warnings.simplefilter("ignore")
    # what the reader logs (an OCR failure) is in the note's warnings or the document's error
    # line already: one line per failed input, printed by the parent
    logging.getLogger("kenmerk").addHandler(logging.NullHandler())
    # the CPU-time limit: SIGPROF's handler does nothing in Python; the signal's number is
    # written to the notice pipe by the C-level handler, even while a parse is stuck in C code
    os.set_blocking(args.fd_notice, False)
    signal.set_wakeup_fd(args.fd_notice, warn_on_full_buffer=False)
    signal.signal(signal.SIGPROF, lambda signum, frame: None)
    rx = Connection(args.fd_in, writable=False)
    tx = Connection(args.fd_out, readable=False)
    # import the extractor before the memory limit, once
    import kenmerk.extract.note  # noqa: F401
    import kenmerk.output.cache  # noqa: F401

    _tune_gc()

    threading.Thread(target=_watchdog, args=(args.parent,), daemon=True, name="kenmerk-watchdog").start()
    try:
        options: WorkOptions = rx.recv()
    except EOFError:
        return 0
    problem = _set_memory_limit(options.max_memory_mb)
    tx.send(("ready", problem))
    if problem:
        return 2
    return _serve(rx, tx, options)


def _serve(rx: Connection, tx: Connection, options: WorkOptions) -> int:
    with Workspace(options) as workspace:
        while True:
            try:
                message = rx.recv()
            except (EOFError, OSError):
                return 0
            if message is None:
                return 0
            index, spec = message
            deadline = _WorkerDeadline(tx, CpuLimit(options.timeout) if options.timeout else None)
            deadline.arm()
            try:
                result = workspace.run(spec, index, on_page=_PageSender(tx), deadline=deadline)
            finally:  # before the result goes out: a SIGPROF told later belongs to no document
                deadline.disarm()
            try:
                tx.send(result)
            except MemoryError:
                tx.send(failure(index, spec.label, "memory", "MemoryError", _memory_message(options), retire=True))
            except (BrokenPipeError, OSError):
                return 0
            if result.retire:
                return 0


class _WorkerDeadline:
    """The time limit of a document in a worker: its CPU-time limit here (`limit`, none without a
    timeout) and the parent's wall-clock backstop, both moved by each Tesseract call (`extend`)."""

    def __init__(self, tx: Connection, limit: CpuLimit | None) -> None:
        self.tx = tx
        self.limit = limit

    def arm(self) -> None:
        if self.limit is not None:
            self.limit.arm()

    def disarm(self) -> None:
        if self.limit is not None:
            self.limit.disarm()

    def extend(self, call_seconds: float) -> None:
        """A Tesseract call of at most `call_seconds` starts: both limits make room for it."""
        if self.limit is not None:
            self.limit.extend(call_seconds)
        _send(self.tx, (EXTEND, call_seconds))


def _send(tx: Connection, message: tuple) -> None:
    try:
        tx.send(message)
    except OSError:
        pass


class _PageSender:
    """`on_page` in a worker: `(PAGE, done, total)` to the parent, the first and last page and
    otherwise at most every `PAGE_INTERVAL` seconds."""

    def __init__(self, tx: Connection) -> None:
        self.tx = tx
        self.last = 0.0

    def __call__(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done == 1 or done >= total or now - self.last >= PAGE_INTERVAL:
            self.last = now
            _send(self.tx, (PAGE, done, total))


# -- the parent's side ---------------------------------------------------------------------------


#: told of the pages a worker has read: (document index, pages done, pages in all)
PageListener = Callable[[int, int, int], None]


class Child:
    """One worker process, its two message pipes and its notice pipe (the CPU-time limit)."""

    def __init__(self, options: WorkOptions, on_page: PageListener | None = None) -> None:
        self.options = options
        self.on_page = on_page
        down_r, down_w = os.pipe()
        up_r, up_w = os.pipe()
        notice_r, notice_w = os.pipe()
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "kenmerk.output.worker", "--fd-in", str(down_r), "--fd-out", str(up_w),
                 "--fd-notice", str(notice_w), "--parent", str(os.getpid())],
                pass_fds=(down_r, up_w, notice_w), stdin=subprocess.DEVNULL, stdout=sys.stderr.fileno()
                if _has_fileno(sys.stderr) else subprocess.DEVNULL, close_fds=True,
                start_new_session=os.name == "posix",  # its own process group: a kill takes its children too
            )
        except BaseException:
            for fd in (down_w, up_r, notice_r):
                os.close(fd)
            raise
        finally:
            for fd in (down_r, up_w, notice_w):
                os.close(fd)
        os.set_blocking(notice_r, False)
        self.tx = Connection(down_w, readable=False)
        self.rx = Connection(up_r, writable=False)
        self.notice = notice_r
        self.tasks: deque[tuple[int, DocumentSpec]] = deque()  # sent, in order: the first is under way
        self.deadline = 0.0  # the wall-clock backstop of the task under way
        self.started = 0.0
        self.ready = False
        self.tx.send(options)

    def wait_ready(self, timeout: float = 120.0) -> None:
        """Block until the worker has imported the extractor and set its limits."""
        if self.ready:
            return
        if not self.rx.poll(timeout):
            self.kill()
            raise WorkerStartError(f"a worker process did not start within {timeout:.0f} s")
        try:
            tag, problem = self.rx.recv()
        except (EOFError, OSError):
            code = self.proc.wait()
            self.close()
            raise WorkerStartError(f"a worker process could not start (exit code {code}); "
                                   "is kenmerk installed for this Python?") from None
        if problem:
            self.kill()
            raise WorkerStartError(problem)
        self.ready = True

    def waitables(self) -> tuple[Connection, int]:
        """What `multiprocessing.connection.wait` watches for this worker: its messages and its notices."""
        return self.rx, self.notice

    def send(self, index: int, spec: DocumentSpec) -> None:
        """Give the worker a document; it starts on it when the ones sent before are done."""
        self.wait_ready()
        if not self.tasks:
            self._drain()  # what a finished document's timer said is no news
            self._start_clock()
        self.tasks.append((index, spec))
        self.tx.send((index, spec))

    def _start_clock(self) -> None:
        self.started = time.monotonic()
        timeout = self.options.timeout
        self.deadline = self.started + BACKSTOP * timeout if timeout else float("inf")

    def take(self, ready: set | list) -> Result | None:
        """What the worker has to say, given which of its `waitables` are ready: the result of
        the document under way (also when the worker died or used up its CPU time: then it is
        killed, and `tasks` holds the documents it had not started), or None while it goes on."""
        index, spec = self.tasks[0]
        if self.rx in ready:
            try:
                message = self.rx.recv()
            except (EOFError, OSError):
                self.tasks.popleft()
                return failure(index, spec.label, "worker", "WorkerDied", self.died_message())
            if isinstance(message, Result):
                self.tasks.popleft()
                self._drain()  # a notice sent before the result belongs to this finished document
                if self.tasks:  # the worker goes on with the next one at once
                    self._start_clock()
                return message
            if message[0] == EXTEND:  # a Tesseract call starts: the backstop moves too
                elapsed = time.monotonic() - self.started
                limit = BACKSTOP * self.options.timeout
                self.deadline = self.started + extended_limit(limit, self.deadline - self.started, elapsed,
                                                              message[1])
            elif message[0] == PAGE and self.on_page is not None:
                self.on_page(index, message[1], message[2])
            return None
        if self.notice in ready and self._drain():  # past its CPU-time limit, and no result came
            self.kill()
            self.tasks.popleft()
            return timeout_failure(index, spec.label, self.options)
        return None

    def overdue(self, now: float) -> Result | None:
        """The timeout result of the document under way when it is past its wall-clock backstop
        (the worker is killed), else None."""
        if not self.tasks or now < self.deadline:
            return None
        index, spec = self.tasks.popleft()
        self.kill()
        return timeout_failure(index, spec.label, self.options, waited=self.deadline - self.started)

    def _drain(self) -> bool:
        """Read the notice pipe empty; whether anything was in it."""
        seen = False
        try:
            while os.read(self.notice, 64):
                seen = True
        except BlockingIOError:
            pass
        except OSError:
            return seen
        return seen

    def died_message(self) -> str:
        code = self.proc.wait()
        try:  # what it started (a tesseract) goes with it
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (AttributeError, OSError):
            pass
        self.close()
        if code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            hint = f"; over the memory limit of {self.options.max_memory_mb} MB?" if self.options.max_memory_mb else ""
            return f"the worker process died ({name}{hint})"
        return f"the worker process died (exit code {code})"

    def kill(self) -> None:
        """SIGKILL the worker and everything it started (its own process group), then reap it."""
        if self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (AttributeError, OSError):
                self.proc.kill()
        self.proc.wait()
        self.close()

    def stop(self) -> None:
        """Ask an idle worker to finish; kill it when it does not."""
        try:
            self.tx.send(None)
        except (OSError, ValueError):
            pass
        try:
            self.proc.wait(timeout=2)
        except subprocess.TimeoutExpired:
            self.kill()
        self.close()

    def close(self) -> None:
        for conn in (self.tx, self.rx):
            try:
                conn.close()
            except OSError:
                pass
        if self.notice >= 0:
            os.close(self.notice)
            self.notice = -1


def _has_fileno(stream: IO[Any]) -> bool:
    try:
        stream.fileno()
    except Exception:  # a captured or closed stream (pytest's capsys, io.StringIO)
        return False
    return True


def timeout_failure(index: int, label: str, options: WorkOptions, *, waited: float = 0.0,
                    killed: bool = True) -> Result:
    """The failure of a document stopped at its time limit: its CPU time, or the wall-clock backstop
    after `waited` seconds."""
    how = ": the worker was killed" if killed else ""
    if waited:
        message = (f"stopped after {round(waited, 1):g} s without finishing, {BACKSTOP} times the time limit per document "
                   f"({options.timeout:g} s of CPU time, {options.timeout_option}): stuck waiting{how}")
    else:
        message = (f"stopped after {options.timeout:g} s of CPU time (the time limit per document; "
                   f"raise it with {options.timeout_option}){how}")
    return failure(index, label, "timeout", "Timeout", message, seconds=waited or options.timeout)


class GuardedRunner:
    """Run documents one at a time in a worker process with the limits of the pool (one runner per thread)."""

    def __init__(self, options: WorkOptions) -> None:
        self.options = options
        self.child: Child | None = None

    def run(self, spec: DocumentSpec, index: int = 0) -> Result:
        if self.child is None:
            self.child = Child(self.options)
        child = self.child
        child.send(index, spec)
        result = None
        while result is None:
            ready = wait(child.waitables(), max(0.0, child.deadline - time.monotonic())
                         if self.options.timeout else None)
            result = child.take(ready) if ready else child.overdue(time.monotonic())
        if result.retire:
            child.kill()
        if child.proc.poll() is not None:  # killed at a limit, died or retired: the next task gets a new one
            self.child = None
        return result

    def close(self) -> None:
        if self.child is not None:
            self.child.stop()
            self.child = None

    def __del__(self) -> None:  # the thread that owned this runner ended (a Dask worker closing)
        child, self.child = self.child, None
        if child is not None:
            try:
                child.kill()
            except Exception:
                pass


_local = threading.local()


def guarded_process(spec: DocumentSpec, options: WorkOptions, index: int = 0) -> Result:
    """`process_document` in a worker process of this thread, with its time and memory limits (Dask tasks)."""
    if not options.timeout and not options.max_memory_mb:
        return process_document(spec, options, index)
    runner: GuardedRunner | None = getattr(_local, "runner", None)
    if runner is None or runner.options != options:
        if runner is not None:
            runner.close()
        runner = _local.runner = GuardedRunner(options)
    return runner.run(spec, index)


if __name__ == "__main__":
    # run the module's own copy, so pickled results name `kenmerk.output.worker.Result`, not `__main__.Result`
    from kenmerk.output.worker import worker_main as _main

    sys.exit(_main())
