"""A cap on what one compressed PDF stream may inflate to (decompression bombs).

pdfminer.six inflates a FlateDecode stream whole, in memory (`zlib.decompress`), so a
1 MiB stream of zeros can ask for gigabytes. Importing this module gives pdfminer's
`pdftypes` a `zlib` whose `decompress` and `decompressobj` stop at `MAX_STREAM_BYTES`
per stream and raise `StreamTooLarge` (a `PSException`, so the reader reports it as a
broken PDF in one line). Nothing else changes: the real `zlib` module is untouched.
"""
from __future__ import annotations

import zlib

import pdfminer.pdftypes as _pdftypes
from pdfminer.psparser import PSException

#: the most one stream may inflate to; the largest legitimate content or image streams are tens of MiB
MAX_STREAM_BYTES = 256 * 1024 * 1024


class StreamTooLarge(PSException):
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


_pdftypes.zlib = _CappedZlib()
