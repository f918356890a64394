"""A cap on what one compressed PDF stream may inflate to (decompression bombs).

pdfminer.six inflates a FlateDecode stream whole, in memory (`zlib.decompress`), so a
1 MiB stream of zeros can ask for gigabytes. `cap_pdfminer()` (called when the pdfminer.six
reader is imported) gives pdfminer's `pdftypes` a `zlib` whose `decompress` and `decompressobj`
stop at `MAX_STREAM_BYTES` per stream and raise `StreamTooLarge` (one of the reader's
`PDFMINER_ERRORS`, so it is reported as a broken PDF in one line). Nothing else changes: the
real `zlib` module is untouched, and the pdfium path never imports pdfminer.six.

pdfium (C++) cannot be told such a cap, and runs out of memory with an abort that takes the
process with it; `check_streams` therefore inflates every Flate stream of a file once, in
chunks it throws away, before pdfium opens it, and raises `StreamTooLarge` at the same cap.
"""
from __future__ import annotations

import re
import zlib

#: the most one stream may inflate to; the largest legitimate content or image streams are tens of MiB
MAX_STREAM_BYTES = 256 * 1024 * 1024


class StreamTooLarge(Exception):
    """A compressed stream inflates to more than `MAX_STREAM_BYTES`."""

    def __init__(self) -> None:
        super().__init__(f"a compressed stream inflates to more than {MAX_STREAM_BYTES >> 20} MiB "
                         "(a decompression bomb?)")


class _Inflater:
    """A `zlib.decompressobj` that counts what it gives out."""

    def __init__(self, inner) -> None:
        self._inner = inner
        self._total = 0

    def _count(self, out: bytes) -> bytes:
        self._total += len(out)
        if self._total > MAX_STREAM_BYTES:
            raise StreamTooLarge()
        return out

    def decompress(self, data: bytes, max_length: int = 0) -> bytes:
        room = MAX_STREAM_BYTES - self._total + 1
        return self._count(self._inner.decompress(data, min(max_length, room) if max_length else room))

    def flush(self, *args) -> bytes:
        return self._count(self._inner.flush(*args))

    def __getattr__(self, name: str):
        return getattr(self._inner, name)


class _CappedZlib:
    """`zlib` as pdfminer's `pdftypes` sees it."""

    error = zlib.error

    def __getattr__(self, name: str):
        return getattr(zlib, name)

    @staticmethod
    def decompress(data: bytes, wbits: int = zlib.MAX_WBITS, bufsize: int = zlib.DEF_BUF_SIZE) -> bytes:
        inflater = zlib.decompressobj(wbits)
        out = inflater.decompress(data, MAX_STREAM_BYTES + 1)
        if len(out) > MAX_STREAM_BYTES:
            raise StreamTooLarge()
        if not inflater.eof:  # what zlib.decompress says of a cut stream (pdfminer then salvages what it can)
            raise zlib.error("Error -5 while decompressing data: incomplete or truncated stream")
        return out

    @staticmethod
    def decompressobj(*args, **kwargs) -> _Inflater:
        return _Inflater(zlib.decompressobj(*args, **kwargs))


def cap_pdfminer() -> None:
    """Give pdfminer.six's `pdftypes` the capped `zlib` (idempotent)."""
    import pdfminer.pdftypes as pdftypes

    pdftypes.zlib = _CappedZlib()  # type: ignore[assignment]  # pdftypes calls decompress/decompressobj only


#: where a stream's data begins (PDF 32000-1, 7.3.8: the keyword, then CRLF or LF)
STREAM_START = re.compile(rb"stream\r?\n")
#: how much compressed input one inflate step is given, and how much output it may give (counted, thrown away)
IN_CHUNK = 1 << 16
OUT_CHUNK = 1 << 22
#: deflate gives at most this many bytes per compressed byte (RFC 1951: a 258-byte match in about 2 bits)
MAX_RATIO = 1032


def check_streams(data: bytes) -> None:
    """Raise `StreamTooLarge` when a Flate stream in `data` inflates to more than `MAX_STREAM_BYTES`.

    Each `stream` keyword is tried as the start of zlib data; what is not zlib data (other filters,
    encrypted or uncompressed streams) stops at its first bytes. The inflated bytes are counted in
    chunks and never kept. A file too small to hold a bomb (`MAX_RATIO`) is not searched.
    """
    if len(data) * MAX_RATIO <= MAX_STREAM_BYTES:
        return
    view = memoryview(data)
    for match in STREAM_START.finditer(data):
        inflater = zlib.decompressobj()
        total = 0
        pos = match.end()
        try:
            while pos < len(data) and not inflater.eof:
                total += len(inflater.decompress(view[pos:pos + IN_CHUNK], OUT_CHUNK))
                pos += IN_CHUNK
                while inflater.unconsumed_tail and total <= MAX_STREAM_BYTES:
                    total += len(inflater.decompress(inflater.unconsumed_tail, OUT_CHUNK))
                if total > MAX_STREAM_BYTES:
                    raise StreamTooLarge()
        except zlib.error:
            continue  # not zlib data, or a broken stream: the reader judges it
