"""What a review report may say of where it was made, and of the people in its documents.

    from kenmerk.output.review_share import shareable_name, strip_paths, personal_spans
    shareable_name("/tmp/x/docs/2024/nota.pdf", roots=["/tmp/x/docs"])   # '2024/nota.pdf'
    shareable_name("/tmp/x/scans.zip!a/nota.pdf")                         # 'scans.zip!a/nota.pdf'
    strip_paths("cannot read /home/ann/docs/a.pdf", ["/home/ann/docs"])   # 'cannot read a.pdf'
    personal_spans("Van: Pieter Jansen <p.jansen@minbzk.nl>")             # [(5, 38)]

A report is made to be passed on (to a colleague, an intranet share), so it names each input
by its file name, or by its path inside the folder named on the command line, never by a
path of the machine it was made on; messages from a failing input go through `strip_paths`.
`personal_spans` finds what `kenmerk.extract.personal.scrub_text` leaves out of a text, so the
report can black it out where the page prints it.
"""
from __future__ import annotations

import os
from collections.abc import Iterable
from urllib.parse import unquote, urlsplit

from kenmerk.extract.personal import PLACEHOLDER, scrub_text

__all__ = ["personal_spans", "shareable_name", "strip_paths"]

#: what separates an archive from its member in a batch's labels (`kenmerk.output.inputs`)
MEMBER = "!"


def _is_url(label: str) -> bool:
    return label.lower().startswith(("http://", "https://"))


def shareable_name(label: str, roots: Iterable[str] = ()) -> str:
    """The name a report shows for the input `label` (a path, `archive!member` or URL as a batch names it).

    A path inside one of `roots` (the folders named on the command line) is shown relative to it;
    any other path by its file name; a zip member as `archive-name!member`; a URL by its last part.
    """
    if _is_url(label):
        parts = urlsplit(label)
        return unquote(parts.path.rstrip("/").rsplit("/", 1)[-1]) or parts.hostname or "document"
    archive, sep, member = label.partition(MEMBER)
    if sep and archive.lower().endswith(".zip"):
        return shareable_name(archive, roots) + MEMBER + member
    path = os.path.abspath(label)
    for root in sorted((os.path.abspath(r) for r in roots), key=len, reverse=True):
        if path.startswith(root.rstrip(os.sep) + os.sep):
            return os.path.relpath(path, root).replace(os.sep, "/")
    return os.path.basename(path) or label


def strip_paths(text: str, folders: Iterable[str]) -> str:
    """`text` without the absolute `folders` (longest first) in it: what follows them stays, relative."""
    for folder in sorted({os.path.abspath(f).rstrip(os.sep) for f in folders if f}, key=len, reverse=True):
        if len(folder) > 1:
            text = text.replace(folder + os.sep, "").replace(folder, ".")
    return text


def personal_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of what `scrub_text` replaces in `text`: names in person fields and
    wherever else the text prints them, e-mail addresses, phone numbers."""
    pieces = scrub_text(text).split(PLACEHOLDER)
    spans = []
    start = len(pieces[0])
    for i, piece in enumerate(pieces[1:], start=1):
        if i == len(pieces) - 1:
            end = len(text) - len(piece)
        elif not piece:  # two replacements in a row: one span
            continue
        else:
            end = text.find(piece, start + 1)
        if end < start:  # the text printed the placeholder itself: stop rather than guess
            break
        spans.append((start, end))
        start = end + len(piece)
    return spans
