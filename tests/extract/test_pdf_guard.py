"""The form-bomb guard's cheap look at form XObjects: only a file whose forms draw something is parsed."""
from __future__ import annotations

import zlib

import pytest

from kenmerk.extract.pdf_guard import FORM, _form_draws


def _form(content: bytes, filters: bytes = b"") -> bytes:
    return (b"5 0 obj\n<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] " + filters
            + b" /Length %d >>\nstream\n" % len(content) + content + b"\nendstream\nendobj\n")


@pytest.mark.parametrize("data, draws", [
    (_form(b"BT /F1 9 Tf (tekst) Tj ET"), False),
    (_form(b"q /Fm2 Do Q"), True),
    (_form(zlib.compress(b"BT (tekst) Tj ET"), b"/Filter /FlateDecode"), False),
    (_form(zlib.compress(b"q /Im1 Do Q"), b"/Filter [/FlateDecode]"), True),
    (_form(b"garbled", b"/Filter /LZWDecode"), True),  # not decoded here: counted as drawing
    (_form(b"garbled", b"/Filter /FlateDecode"), True),  # not zlib data: counted as drawing
    (b"<< /Subtype /Form >> endobj 6 0 obj << >> stream\nq /X Do Q\nendstream", False),  # not a stream's dictionary
])
def test_a_form_draws_when_its_content_has_do(data, draws):
    [found] = FORM.finditer(data)
    assert _form_draws(data, found) is draws
