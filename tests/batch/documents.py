"""Documents for the batch tests: generated notes, and real hostile PDFs made byte by byte.

- `endless_pdf()`: a well-formed PDF whose page draws form XObject X0, which draws X1
  twice, which draws X2 twice, … 40 levels deep: 2^40 figure renderings, so pdfminer's
  interpreter (which refuses cycles, not shared sub-forms) never finishes the page and its
  memory keeps growing. The "billion laughs" of PDF.
- `deflate_bomb_pdf(mb)`: a page whose content stream is `mb` MiB of spaces, deflated to
  about 1/1000 of that (`tests/safety/hostile.py`): pdfminer inflates it whole, in memory.
- `note_pdfs(n)`: n distinct beslisnota's (kenmerk, date and title vary), drawn by
  `scripts/make_fixtures.py`.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from hostile import deflate_bomb, pdf, stream  # tests/safety: the tiny PDF writer

_PAGE_TREE = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
]


def endless_pdf(depth: int = 40) -> bytes:
    objects = _PAGE_TREE + [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /XObject << /X0 5 0 R >> >> >>",
        stream(b"q /X0 Do Q"),
    ]
    for level in range(depth):
        child = level + 1
        objects.append(stream(
            b"/X%d Do /X%d Do" % (child, child),
            b"/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X%d %d 0 R >> >>"
            % (child, 5 + child)))
    objects.append(stream(b"0 0 1 1 re f", b"/Type /XObject /Subtype /Form /BBox [0 0 10 10]"))
    return pdf(objects)


def deflate_bomb_pdf(mb: int = 400) -> bytes:
    return deflate_bomb(gib=mb / 1024)


def note_pdfs(make_fixtures, n: int) -> dict[str, bytes]:
    """n distinct two-page beslisnota's: file name → PDF bytes."""
    base = make_fixtures.BESLISNOTA
    out = {}
    for i in range(n):
        spec = dataclasses.replace(
            base,
            name=f"nota-{i:03d}",
            kenmerk=f"IENW/BSK-2025/{10000 + i}",
            date=base.date + dt.timedelta(days=i % 300),
            deadline=base.deadline + dt.timedelta(days=i % 300),
            title=f"{base.title} deel {i + 1}",
        )
        out[f"nota-{i:03d}.pdf"] = make_fixtures.beslisnota_pdf(spec)
    return out
