"""The reasons a PDF cannot be read, worded once: both readers give the same one-line `UnreadableInput`."""
from __future__ import annotations

NOT_A_PDF = "not a PDF (no %PDF header)"
ENCRYPTED = "encrypted PDF: a password is needed to open it"
NO_EXTRACTION = "encrypted PDF that forbids text extraction"
NO_PAGES = "PDF has no pages (empty or truncated)"
OUT_OF_MEMORY = "out of memory reading PDF"
#: a reading note (not an error): the pages before the break were read
BROKEN = "PDF broken after page {pages}: {error}"


def broken(exc: BaseException) -> str:
    """'broken PDF (what went wrong)', one line."""
    detail = " ".join(str(exc).split())[:80]
    return f"broken PDF ({exc.__class__.__name__}: {detail})" if detail else f"broken PDF ({exc.__class__.__name__})"
