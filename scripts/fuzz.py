#!/usr/bin/env python3
"""Fuzz the PDF reader: mutate the fixture PDFs and extract each mutant under a time and memory limit.

    python scripts/fuzz.py --cases 500 [--seed 1] [--timeout 20] [--memory 2048] [--jobs 2] [--keep DIR] [--cli]
                           [--pdf-reader pdfium|pdfminer|both]

Seeds are the fixture PDFs of `scripts/make_fixtures.py` (as reportlab writes them, and
rewritten with their streams inflated, so mutations also hit the page content) and the
PDFs in `tests/samples/`. Each case applies one to three mutations: byte flips, bit
flips, cuts, a removed slice, a duplicated object, swapped or bent xref offsets, a
changed number, inserted PDF tokens, deep nesting, a stream's /Length that lies.

Each case runs in a child process (forked from this one after the imports, or with
`--cli` a fresh `kenmerk extract FILE`) with `RLIMIT_AS` = `--memory` MB and killed at
`--timeout` seconds, with the reader `--pdf-reader` names (`both`, the default: every case is
read by pdfium and by pdfminer.six, each in its own child). OCR is off unless `--ocr auto`: the fuzzer targets the PDF parser, and
Tesseract runs in a subprocess with its own time limit (`ReadLimits.ocr_timeout`). It reads the note with `kenmerk.extract.read_note`, serialises it
to JSON and N-Triples, and is classified:

- `result`: a note came out;
- `error`: a `KenmerkError` whose message is one line naming the file;
- `bad-error`: a `KenmerkError` on several lines or without the file name;
- `traceback`: any other exception (a "Traceback" on stderr, an exit by an uncaught
  exception; with `--cli` also an "internal error" line);
- `hang`: still running at the time limit (killed);
- `crash`: ended by a signal (segfault, abort, the kernel's OOM killer).

Prints the counts (per class and per mutation) and the first examples of each failing
class; the failing inputs are kept in `--keep DIR`. Exit 1 when any case is a
traceback, bad-error, hang or crash.
"""
from __future__ import annotations

import argparse
import collections
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import traceback
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kenmerk.extract.ocr import OcrMode
    from kenmerk.extract.pdf_readers import PdfReader

REPO = Path(__file__).resolve().parent.parent
FAILING = ("traceback", "bad-error", "hang", "crash")
#: `--pdf-reader` → the readers each case is read by
READERS: dict[str, tuple[PdfReader, ...]] = {"pdfium": ("pdfium",), "pdfminer": ("pdfminer",), "both": ("pdfium", "pdfminer")}
CLASSES = ("result", "error") + FAILING


# -- seeds ----------------------------------------------------------------------------------------


def _load_make_fixtures():
    import importlib.util

    spec = importlib.util.spec_from_file_location("kenmerk_make_fixtures", REPO / "scripts" / "make_fixtures.py")
    if spec is None or spec.loader is None:
        raise SystemExit("scripts/make_fixtures.py not found")
    module = importlib.util.module_from_spec(spec)
    sys.modules["kenmerk_make_fixtures"] = module
    spec.loader.exec_module(module)
    return module


_OBJECT = re.compile(rb"(\d+)\s+(\d+)\s+obj\b(.*?)\bendobj", re.S)
_STREAM = re.compile(rb"^(.*?)stream\r?\n(.*?)\r?\n?endstream\s*$", re.S)


def _decoded(head: bytes, raw: bytes) -> tuple[bytes, bytes] | None:
    """(head without the filters, decoded data) of a stream with ASCII85 and/or Flate filters."""
    from pdfminer.ascii85 import ascii85decode

    filters = re.findall(rb"/(ASCII85Decode|FlateDecode|A85|Fl)\b", head)
    if not filters:
        return None
    data = raw
    try:
        for f in filters:
            data = ascii85decode(data) if f in (b"ASCII85Decode", b"A85") else zlib.decompress(data)
    except (ValueError, zlib.error):
        return None
    head = re.sub(rb"/Filter\s*(?:\[[^\]]*\]|/\w+)", b"", head)
    head = re.sub(rb"/Length\s+\d+", b"/Length %d" % len(data), head)
    return head, data


def inflated(data: bytes) -> bytes | None:
    """The PDF rewritten with its ASCII85/Flate streams decoded and a fresh xref table (None if none changed)."""
    objects: dict[int, bytes] = {}
    root = re.search(rb"/Root\s+(\d+)\s+0\s+R", data)
    info = re.search(rb"/Info\s+(\d+)\s+0\s+R", data)
    changed = False
    for m in _OBJECT.finditer(data):
        number, body = int(m.group(1)), m.group(3).strip()
        s = _STREAM.match(body)
        decoded = _decoded(s.group(1), s.group(2)) if s else None
        if decoded is not None:
            body = decoded[0] + b"stream\n" + decoded[1] + b"\nendstream"
            changed = True
        objects[number] = body
    if not changed or root is None:
        return None
    size = max(objects) + 1
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    extra = b" /Info %s 0 R" % info.group(1) if info else b""
    out += b"trailer\n<< /Size %d /Root %s 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (size, root.group(1), extra, xref)
    return bytes(out)


def seeds() -> dict[str, bytes]:
    fixtures = _load_make_fixtures()
    found = {name if name.endswith(".pdf") else f"{name}.pdf": data
             for name, data in fixtures.document_pdfs().items()}
    for path in sorted((REPO / "tests" / "samples").glob("*.pdf")):
        if path.read_bytes() not in found.values():
            found[path.name] = path.read_bytes()
    for name, data in list(found.items()):
        plain = inflated(data)
        if plain is not None:
            found[name[:-4] + "-inflated.pdf"] = plain
    return found


# -- mutations ------------------------------------------------------------------------------------

TOKENS = [b"<<", b">>", b"[", b"]", b"(", b")", b"<", b">", b"/Type", b"/Page", b"/Pages", b"/Kids", b"/Count",
          b"/Length", b"/Filter", b"/FlateDecode", b"/Font", b"/Resources", b"R", b"0 R", b"obj", b"endobj",
          b"stream", b"endstream", b"xref", b"trailer", b"startxref", b"%%EOF", b"null", b"true", b"-1",
          b"99999999999999999999", b"1e308", b"3.4.5", b"BT", b"ET", b"Tj", b"TJ", b"Tf", b"Td", b"Tm", b"Do",
          b"q", b"Q", b"cm", b"\\", b"\x00", b"\xff", b"#", b"/F1", b"/XObject", b"/Subtype /Form", b"BI", b"ID",
          b"EI"]


def m_flip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def m_bitflip(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        i = rng.randrange(len(out))
        out[i] ^= 1 << rng.randrange(8)
    return bytes(out)


def m_cut(data: bytes, rng: random.Random) -> bytes:
    return data[: rng.randrange(1, len(data))]


def m_splice(data: bytes, rng: random.Random) -> bytes:
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 2000):]


def _objects(data: bytes) -> list[re.Match]:
    return list(_OBJECT.finditer(data))


def m_dup_object(data: bytes, rng: random.Random) -> bytes:
    objs = _objects(data)
    if not objs:
        return m_flip(data, rng)
    obj = rng.choice(objs)
    copy = obj.group(0)
    if rng.random() < 0.5:  # the same number with other contents, or another number
        copy = re.sub(rb"^\d+", str(rng.choice([int(obj.group(1)), rng.randint(0, 50)])).encode(), copy)
        if rng.random() < 0.5:
            copy = m_flip(copy, rng)
    at = rng.choice([obj.end(), rng.randrange(len(data)), len(data)])
    return data[:at] + b"\n" + copy + b"\n" + data[at:]


def m_xref(data: bytes, rng: random.Random) -> bytes:
    entries = list(re.finditer(rb"(\d{10}) (\d{5}) ([nf])", data))
    if len(entries) < 2:
        return m_flip(data, rng)
    out = bytearray(data)
    kind = rng.random()
    if kind < 0.5:  # swap two offsets
        a, b = rng.sample(entries, 2)
        out[a.start(1):a.end(1)], out[b.start(1):b.end(1)] = b.group(1), a.group(1)
    elif kind < 0.8:  # bend one
        e = rng.choice(entries)
        out[e.start(1):e.end(1)] = b"%010d" % rng.choice([0, rng.randrange(len(data)), 9999999999,
                                                          int(e.group(1)) + rng.randint(-20, 20) % 10**10])
    else:  # bend startxref
        m = re.search(rb"startxref\s+(\d+)", data)
        if m:
            return data[:m.start(1)] + str(rng.choice([0, 1, rng.randrange(len(data)), 10**12])).encode() + data[m.end(1):]
    return bytes(out)


def m_number(data: bytes, rng: random.Random) -> bytes:
    numbers = list(re.finditer(rb"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", data))
    if not numbers:
        return m_flip(data, rng)
    m = rng.choice(numbers)
    new = rng.choice([b"0", b"-1", b"-0.5", b"2147483648", b"99999999999999999999", b"1e9", b"3.4.5", b"NaN",
                      str(rng.randint(0, 100000)).encode()])
    return data[:m.start()] + new + data[m.end():]


def m_token(data: bytes, rng: random.Random) -> bytes:
    out = data
    for _ in range(rng.randint(1, 5)):
        at = rng.randrange(len(out))
        out = out[:at] + b" " + rng.choice(TOKENS) + b" " + out[at:]
    return out


def m_nest(data: bytes, rng: random.Random) -> bytes:
    depth = rng.choice([100, 1000, 5000, 20000])
    opener, closer = rng.choice([(b"[", b"]"), (b"<< /A ", b" >>"), (b"(", b")")])
    at = rng.randrange(len(data))
    return data[:at] + opener * depth + b"0" + closer * rng.choice([depth, 0, depth // 2]) + data[at:]


def m_length(data: bytes, rng: random.Random) -> bytes:
    lengths = list(re.finditer(rb"/Length\s+(\d+)", data))
    if not lengths:
        return m_number(data, rng)
    m = rng.choice(lengths)
    new = rng.choice([0, 1, int(m.group(1)) * 2, int(m.group(1)) // 2, 10**9, len(data) * 10])
    return data[:m.start(1)] + str(new).encode() + data[m.end(1):]


MUTATIONS = {
    "flip": m_flip, "bitflip": m_bitflip, "cut": m_cut, "splice": m_splice, "dup-object": m_dup_object,
    "xref": m_xref, "number": m_number, "token": m_token, "nest": m_nest, "length": m_length,
}


def mutate(data: bytes, rng: random.Random) -> tuple[bytes, list[str]]:
    names = [rng.choice(list(MUTATIONS)) for _ in range(rng.choice([1, 1, 1, 2, 3]))]
    for name in names:
        if data:
            data = MUTATIONS[name](data, rng)
    return data, names


# -- running one case -----------------------------------------------------------------------------


@dataclass
class Case:
    number: int
    seed_name: str
    mutations: list[str]
    path: Path
    out: Path
    err: Path
    pid: int = 0
    started: float = 0.0
    kind: str = ""
    detail: str = ""
    seconds: float = 0.0
    reader: PdfReader = "pdfium"
    proc: subprocess.Popen | None = field(default=None, repr=False)


def _limit(memory_mb: int, timeout: float) -> None:
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    # a backstop in CPU seconds: the parent kills at the wall-clock limit first
    cpu = int(timeout) + 5
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def _child(case: Case, memory_mb: int, timeout: float, ocr: OcrMode, reader: PdfReader) -> None:
    """The forked child: limits, then extract; never returns."""
    code = 70
    try:
        out = os.open(case.out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        err = os.open(case.err, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.dup2(out, 1)
        os.dup2(err, 2)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _limit(memory_mb, timeout)
        from kenmerk.extract import KenmerkError, ReadLimits, read_note
        from kenmerk.output.serialize import serialize_notes

        try:
            note = read_note(case.path, ReadLimits(ocr=ocr, pdf_reader=reader))
            note.model_dump_json()
            serialize_notes([note], "nt")
            sys.stdout.write(f"ok {note.document_type.value} {note.source.page_count} pages\n")
            code = 0
        except KenmerkError as exc:
            sys.stderr.write(f"{exc}\n")
            code = 1
    except BaseException:  # noqa: BLE001 - what the fuzzer is looking for
        try:
            traceback.print_exc()
        except BaseException:  # noqa: BLE001
            pass
        code = 70
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except BaseException:  # noqa: BLE001
            pass
        os._exit(code)


def _start(case: Case, memory_mb: int, timeout: float, cli: bool, ocr: OcrMode) -> None:
    case.started = time.monotonic()
    if cli:
        out = open(case.out, "wb")
        err = open(case.err, "wb")
        case.proc = subprocess.Popen([sys.executable, "-m", "kenmerk.output.cli", "extract", str(case.path),
                                      "--ocr", ocr, "--pdf-reader", case.reader],
                                     stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                     preexec_fn=lambda: _limit(memory_mb, timeout))
        out.close()
        err.close()
        case.pid = case.proc.pid
        return
    pid = os.fork()
    if pid == 0:
        _child(case, memory_mb, timeout, ocr, case.reader)
    case.pid = pid


def _classify(case: Case, status: int | None, cli: bool) -> None:
    case.seconds = time.monotonic() - case.started
    if status is None:
        case.kind, case.detail = "hang", f"killed after {case.seconds:.1f} s"
        return
    stderr = case.err.read_text(encoding="utf-8", errors="replace")
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else str(sig)
        case.kind, case.detail = "crash", f"signal {name}" + (": CPU limit" if sig == signal.SIGXCPU else "")
        return
    code = os.WEXITSTATUS(status)
    if "Traceback" in stderr or code not in (0, 1, 2) or (cli and "internal error" in stderr):
        last = lines[-1] if lines else f"exit code {code}"
        case.kind, case.detail = "traceback", last[:300]
        return
    if code == 0:
        case.kind, case.detail = "result", case.out.read_text(errors="replace").strip()[:100]
        return
    message = lines[-1] if lines else ""
    if cli and message.startswith("kenmerk: "):
        message = message[len("kenmerk: "):]
    # warnings about the same file may come first (logged by the reader); the error is the last line
    ok = (case.path.name in message and len(message) < 400
          and all(str(case.path) in ln or case.path.name in ln for ln in lines))
    case.kind, case.detail = ("error" if ok else "bad-error"), (message if ok else " | ".join(lines))[:300]


def run(args) -> int:
    if not args.cli:  # import once, before forking: each child starts with the extractor loaded
        import kenmerk.extract  # noqa: F401
        import kenmerk.output.serialize  # noqa: F401
    rng = random.Random(args.seed)
    seed_files = seeds()
    names = sorted(seed_files)
    work = Path(tempfile.mkdtemp(prefix="kenmerk-fuzz-"))
    keep = Path(args.keep) if args.keep else None
    pending: list[Case] = []
    for number in range(1, args.cases + 1):
        seed_name = rng.choice(names)
        data, mutations = mutate(seed_files[seed_name], rng)
        path = work / f"case-{number:05d}.pdf"
        path.write_bytes(data)
        for reader in READERS[args.pdf_reader]:
            stem = f"case-{number:05d}-{reader}"
            pending.append(Case(number, seed_name, mutations, path, work / f"{stem}.out", work / f"{stem}.err",
                                reader=reader))
    print(f"fuzz: {args.cases} cases from {len(names)} seed PDFs ({', '.join(names)}), seed {args.seed}, "
          f"limits {args.timeout:g} s and {args.memory} MB, {args.jobs} at a time, "
          f"read by {' and '.join(READERS[args.pdf_reader])}"
          f"{' through the CLI' if args.cli else ''}", flush=True)
    running: dict[int, Case] = {}
    done: list[Case] = []
    start = time.monotonic()
    queue = list(pending)
    try:
        while queue or running:
            while queue and len(running) < args.jobs:
                case = queue.pop(0)
                _start(case, args.memory, args.timeout, args.cli, args.ocr)
                running[case.pid] = case
            finished = False
            for pid, case in list(running.items()):
                try:
                    got, status = os.waitpid(pid, os.WNOHANG)
                except ChildProcessError:
                    got, status = pid, 0
                if got == pid:
                    del running[pid]
                    _classify(case, status, args.cli)
                    done.append(case)
                    finished = True
                elif time.monotonic() - case.started > args.timeout:
                    os.kill(pid, signal.SIGKILL)
                    os.waitpid(pid, 0)
                    del running[pid]
                    _classify(case, None, args.cli)
                    done.append(case)
                    finished = True
            if not finished:
                time.sleep(0.01)
            if args.progress and len(done) % 50 == 0 and finished:
                print(f"fuzz: {len(done)}/{args.cases}", flush=True)
    finally:
        for pid in running:
            try:
                os.kill(pid, signal.SIGKILL)
                os.waitpid(pid, 0)
            except OSError:
                pass
    elapsed = time.monotonic() - start
    counts = collections.Counter(c.kind for c in done)
    per_reader = {reader: collections.Counter(c.kind for c in done if c.reader == reader)
                  for reader in READERS[args.pdf_reader]}
    print(f"fuzz: {len(done)} readings of {args.cases} cases in {elapsed:.1f} s")
    for kind in CLASSES:
        print(f"  {kind:<10} {counts.get(kind, 0):5d}  " + "  ".join(f"{r} {n.get(kind, 0)}" for r, n in per_reader.items()))
    by_mutation: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for c in done:
        for m in set(c.mutations):
            by_mutation[m][c.kind] += 1
    print("  per mutation: " + "; ".join(
        f"{m} " + " ".join(f"{k}={n}" for k, n in sorted(cnt.items())) for m, cnt in sorted(by_mutation.items())))
    slowest = max(done, key=lambda c: c.seconds) if done else None
    if slowest is not None:
        print(f"  slowest: case {slowest.number} ({slowest.kind}) {slowest.seconds:.1f} s")
    errors = collections.Counter(re.sub(r"^\S+: ", "", c.detail)[:60] for c in done if c.kind == "error")
    if args.verbose:
        print("  error messages: " + "; ".join(f"{n}x {m}" for m, n in errors.most_common(12)))
    bad = [c for c in done if c.kind in FAILING]
    if bad:
        print("failing cases:")
        shown: collections.Counter[tuple[str, str]] = collections.Counter()
        for c in bad:
            shown[(c.kind, c.detail)] += 1
            if shown[(c.kind, c.detail)] <= 2:
                print(f"  {c.kind}: case {c.number} ({c.seed_name}; {'+'.join(c.mutations)}; {c.reader}): {c.detail}")
            if keep is not None:
                keep.mkdir(parents=True, exist_ok=True)
                shutil.copy(c.path, keep / f"{c.kind}-{c.path.name}")
                shutil.copy(c.err, keep / f"{c.kind}-{c.err.stem}.stderr.txt")
        if keep is not None:
            print(f"failing inputs kept in {keep}")
    shutil.rmtree(work, ignore_errors=True)
    return 1 if bad else 0


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--cases", type=int, default=500, help="number of mutated PDFs (default 500)")
    p.add_argument("--seed", type=int, default=1, help="random seed: the same seed gives the same cases")
    p.add_argument("--timeout", type=float, default=20.0, help="seconds per case before it counts as a hang")
    p.add_argument("--memory", type=int, default=2048, help="address-space limit per case in MB (RLIMIT_AS)")
    p.add_argument("--jobs", type=int, default=max(1, os.cpu_count() or 1), help="cases at a time")
    p.add_argument("--keep", metavar="DIR", help="copy failing inputs and their stderr here")
    p.add_argument("--cli", action="store_true", help="run `kenmerk extract FILE` per case instead of a forked reader")
    p.add_argument("--ocr", choices=("never", "auto"), default="never",
                   help="OCR of pages without text (default never: the fuzzer targets the PDF parser; OCR runs "
                        "Tesseract in its own subprocess with its own time limit)")
    p.add_argument("--pdf-reader", choices=("pdfium", "pdfminer", "both"), default="both",
                   help="the PDF reader of each case (default both: every case read by each)")
    p.add_argument("--progress", action="store_true", help="a line every 50 cases")
    p.add_argument("-v", "--verbose", action="store_true", help="also list the most common error messages")
    args = p.parse_args(argv)
    if args.cases < 1 or args.jobs < 1 or args.timeout <= 0:
        p.error("--cases, --jobs and --timeout must be positive")
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
