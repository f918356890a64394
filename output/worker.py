"""The per-document work of a batch, and the worker processes that run it.

`process_document(spec, options)` is the one function every executor runs — in the main
process (`--jobs 0`), in a worker process of the local pool, or in a Dask task: read the
bytes (file, zip member, URL), look the content hash up in the cache, extract, store the
result in the cache, and return a small picklable `Result` with the note's JSON.

A worker process is a fresh interpreter (`python -m kenmerk.output.worker --fd-in R
--fd-out W`), not a fork: it can be started from anywhere (a Dask worker thread, a daemonic
process) and owns nothing of its parent. It talks over two pipes with pickled messages
(`multiprocessing.connection.Connection`); its standard output goes to standard error, so
nothing it prints can end up in the JSON Lines. It

- sets `RLIMIT_AS` to `max_memory` MB after its imports, so a document that needs more
  gets a `MemoryError` (reported as stage `memory`; the worker then retires);
- ignores SIGINT (Ctrl-C reaches the whole process group; the parent decides);
- runs a watchdog thread that ends the process when its parent is gone, so a worker stuck
  in an endless parse never outlives a killed run;
- sends `(EXTEND, seconds)` before each Tesseract call (`kenmerk.extract.ocr.announce_calls`):
  the parent then moves the document's deadline to at least that call's own time limit from
  now, up to `OCR_STRETCH` (30) times the document's limit in all. The time limit per
  document bounds parsing and extraction; OCR is bounded per call, so a long scan is not
  cut off, and a stuck parse still is.

`Child` is the parent's handle: `send` a task, `recv` the result, `kill` (SIGKILL) a stuck
one. `GuardedRunner` runs one task at a time in a child with a deadline (used by Dask
tasks, where a thread cannot be killed).
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait

from kenmerk.extract import KenmerkError, ReadLimits
from kenmerk.output.inputs import DocumentSpec, Fetch, load

__all__ = ["Child", "GuardedRunner", "Result", "WorkOptions", "process_document"]

EXTEND = "extend"  # the worker's message that a Tesseract call starts
OCR_GRACE = 10.0  # seconds past a Tesseract call's own limit, for rendering the page and what follows
OCR_STRETCH = 30  # OCR moves a document's deadline to at most this many times its time limit in all


def extended_deadline(started: float, timeout: float, deadline: float, call_seconds: float) -> float:
    """The deadline of a document (started at `started`, limit `timeout`) when a Tesseract call
    of at most `call_seconds` starts now: the call's own limit from now, capped at
    `OCR_STRETCH` times the document's limit, so a scan of a thousand pages still ends."""
    if not timeout:
        return deadline
    wanted = time.monotonic() + call_seconds + OCR_GRACE
    return max(deadline, min(wanted, started + OCR_STRETCH * timeout))


@dataclass(frozen=True)
class WorkOptions:
    """Everything the per-document function needs; sent once to every worker."""

    limits: ReadLimits = ReadLimits()
    fetch: Fetch = Fetch()
    cache_dir: str | None = None
    fingerprint: str | None = None
    max_memory_mb: int = 0  # 0: no limit
    timeout: float = 0.0  # seconds per document; 0: none (used by GuardedRunner)
    keep_personal_data: bool = False  # names, phone numbers, e-mail addresses (kenmerk.extract.personal)


@dataclass(slots=True)
class Result:
    """The outcome of one document. status: ok, failed, skipped (not read: run halted), item (passthrough)."""

    index: int
    label: str
    status: str
    note_json: str | None = None
    pages: int = 0
    cached: bool = False
    stage: str = ""
    error: str = ""
    message: str = ""
    seconds: float = 0.0
    retire: bool = False  # the worker should be replaced (after a MemoryError)
    item: object = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def line(self) -> str:
        """The one-line error `label: reason` of a failure."""
        return f"{self.label}: {self.message}"

    def error_record(self) -> dict:
        return {"path": self.label, "stage": self.stage, "error": self.error, "message": self.message}


def failure(index: int, label: str, stage: str, error: str, message: str, **kw) -> Result:
    return Result(index, label, "failed", stage=stage, error=error, message=" ".join(message.split()), **kw)


def _reason(exc: KenmerkError) -> str:
    return " ".join(str(exc.args[0] if exc.args else exc).split())


_caches: dict[tuple[str, str | None], object] = {}


def _cache(options: WorkOptions):
    if not options.cache_dir:
        return None
    key = (options.cache_dir, options.fingerprint)
    cache = _caches.get(key)
    if cache is None:
        from kenmerk.output.cache import ResultCache

        cache = _caches[key] = ResultCache(options.cache_dir, options.fingerprint)
    return cache


def process_document(spec: DocumentSpec, options: WorkOptions, index: int = 0) -> Result:
    """Read, look up, extract and cache one document. Never raises for a bad document."""
    from kenmerk.extract import note_from_layout, read_bytes
    from kenmerk.output.cache import CacheEntry

    start = time.perf_counter()
    label = spec.label
    try:
        data, name = load(spec, max_bytes=options.limits.max_bytes, fetch=options.fetch)
    except KenmerkError as exc:
        return failure(index, label, exc.stage, exc.__class__.__name__, _reason(exc),
                       seconds=time.perf_counter() - start)
    except MemoryError:
        return failure(index, label, "memory", "MemoryError", _memory_message(options), retire=True)
    cache = _cache(options)
    sha = hashlib.sha256(data).hexdigest() if cache is not None else ""
    if cache is not None:
        entry = cache.get(sha, name)
        if entry is not None:
            elapsed = time.perf_counter() - start
            if entry.ok:
                return Result(index, label, "ok", note_json=entry.note_json, pages=entry.pages, cached=True,
                              seconds=elapsed)
            return failure(index, label, entry.stage, entry.error, entry.message, cached=True, seconds=elapsed)
    cacheable = True
    try:
        layout, source = read_bytes(data, name, options.limits)
        del data
        note = note_from_layout(layout, source, keep_personal_data=options.keep_personal_data)
        del layout
        note_json = note.model_dump_json()
        result = Result(index, label, "ok", note_json=note_json, pages=source.page_count or 0)
        entry = CacheEntry(True, note_json=note_json, pages=result.pages)
    except KenmerkError as exc:
        if _caused_by(exc, MemoryError):  # the reader turned a MemoryError into its own error: not the bytes' fault
            return failure(index, label, "memory", "MemoryError", _memory_message(options), retire=True,
                           seconds=time.perf_counter() - start)
        result = failure(index, label, exc.stage, exc.__class__.__name__, _reason(exc))
        entry = CacheEntry(False, stage=result.stage, error=result.error, message=result.message)
    except MemoryError:
        return failure(index, label, "memory", "MemoryError", _memory_message(options), retire=True,
                       seconds=time.perf_counter() - start)
    except RecursionError:
        cacheable = False
        result = failure(index, label, "extract", "RecursionError", "too deeply nested to read")
    except Exception as exc:  # a bug in an extractor must not stop the batch
        cacheable = False
        result = failure(index, label, "extract", exc.__class__.__name__,
                         f"internal error: {exc.__class__.__name__}: {str(exc)[:200]}")
    if cache is not None and cacheable:
        try:
            cache.put(sha, name, entry)
        except OSError as exc:  # a full disk must not lose the result itself
            print(f"kenmerk: warning: cache not written for {label}: {exc.strerror or exc}", file=sys.stderr)
    result.seconds = time.perf_counter() - start
    return result


def _caused_by(exc: BaseException, kind: type) -> bool:
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
    while True:
        time.sleep(0.5)
        if os.getppid() != parent:  # the run that started us is gone: stop, even in the middle of a parse
            _kill_group()
            os._exit(3)


def _kill_group() -> None:
    """SIGKILL this worker's process group: the worker and what it started (a `tesseract`)."""
    try:
        import signal

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
    import signal
    import warnings

    parser = argparse.ArgumentParser(prog="kenmerk-worker")
    parser.add_argument("--fd-in", type=int, required=True)
    parser.add_argument("--fd-out", type=int, required=True)
    parser.add_argument("--parent", type=int, required=True)
    args = parser.parse_args(argv)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    warnings.simplefilter("ignore")
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
    from kenmerk.extract.ocr import announce_calls

    def extend(seconds: float) -> None:  # a Tesseract call starts: the parent moves the deadline
        try:
            tx.send((EXTEND, seconds))
        except OSError:
            pass

    with announce_calls(extend):
        return _serve(rx, tx, options)


def _serve(rx: Connection, tx: Connection, options: WorkOptions) -> int:
    while True:
        try:
            message = rx.recv()
        except (EOFError, OSError):
            return 0
        if message is None:
            return 0
        index, spec = message
        result = process_document(spec, options, index)
        try:
            tx.send(result)
        except MemoryError:
            tx.send(failure(index, spec.label, "memory", "MemoryError", _memory_message(options), retire=True))
        except (BrokenPipeError, OSError):
            return 0
        if result.retire:
            return 0


# -- the parent's side ---------------------------------------------------------------------------


class WorkerStartError(KenmerkError):
    stage = "worker"
    exit_code = 2


class Child:
    """One worker process and its two pipes."""

    def __init__(self, options: WorkOptions) -> None:
        self.options = options
        down_r, down_w = os.pipe()
        up_r, up_w = os.pipe()
        env = dict(os.environ)
        env.setdefault("PYTHONDONTWRITEBYTECODE", "1")
        try:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "kenmerk.output.worker", "--fd-in", str(down_r), "--fd-out", str(up_w),
                 "--parent", str(os.getpid())],
                pass_fds=(down_r, up_w), stdin=subprocess.DEVNULL, stdout=sys.stderr.fileno()
                if _has_fileno(sys.stderr) else subprocess.DEVNULL, env=env, close_fds=True,
                start_new_session=os.name == "posix",  # its own process group: a kill takes its children too
            )
        finally:
            os.close(down_r)
            os.close(up_w)
        self.tx = Connection(down_w, readable=False)
        self.rx = Connection(up_r, writable=False)
        self.task: tuple[int, DocumentSpec] | None = None
        self.deadline = 0.0
        self.started = 0.0
        self.timeout = 0.0
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

    def fileno(self) -> int:
        return self.rx.fileno()

    def send(self, index: int, spec: DocumentSpec, timeout: float) -> None:
        self.wait_ready()
        self.task = (index, spec)
        self.timeout = timeout
        self.started = time.monotonic()
        self.deadline = self.started + timeout if timeout else float("inf")
        self.tx.send((index, spec))

    def recv(self) -> Result | None:
        """The result of the current task, or None when the worker only moved its deadline (it
        started a Tesseract call); raises EOFError when the worker died."""
        message = self.rx.recv()
        if isinstance(message, tuple) and message and message[0] == EXTEND:
            self.deadline = extended_deadline(self.started, self.timeout, self.deadline, message[1])
            return None
        self.task = None
        return message

    def died_message(self) -> str:
        code = self.proc.wait()
        try:  # what it started (a tesseract) goes with it
            os.killpg(self.proc.pid, 9)
        except (AttributeError, OSError):
            pass
        self.close()
        if code < 0:
            import signal

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
                os.killpg(self.proc.pid, 9)
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


def _has_fileno(stream) -> bool:
    try:
        stream.fileno()
    except Exception:  # a captured or closed stream (pytest's capsys, io.StringIO)
        return False
    return True


def timeout_failure(index: int, label: str, timeout: float, *, killed: bool = True) -> Result:
    how = ": the worker was killed" if killed else ""
    return failure(index, label, "timeout", "Timeout", f"stopped after {timeout:g} s (the time limit per document){how}",
                   seconds=timeout)


class GuardedRunner:
    """Run documents one at a time in a worker process with a deadline (one runner per thread)."""

    def __init__(self, options: WorkOptions) -> None:
        self.options = options
        self.child: Child | None = None

    def run(self, spec: DocumentSpec, index: int = 0) -> Result:
        if self.child is None:
            self.child = Child(self.options)
        child = self.child
        child.send(index, spec, self.options.timeout)
        result = None
        while result is None:
            remaining = max(0.0, child.deadline - time.monotonic()) if self.options.timeout else None
            if not wait([child.rx], remaining):
                child.kill()
                self.child = None
                return timeout_failure(index, spec.label, self.options.timeout)
            try:
                result = child.recv()
            except (EOFError, OSError):
                message = child.died_message()
                self.child = None
                return failure(index, spec.label, "worker", "WorkerDied", message)
        if result.retire:
            child.kill()
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
    """`process_document` in a worker process of this thread, killed at the deadline (Dask tasks)."""
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
