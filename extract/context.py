"""`Document`: the laid-out input plus what several extractors share (colofon, body, fields)."""
from __future__ import annotations

from functools import cached_property

from kenmerk.extract.layout import Layout, Line


class Document:
    """A laid-out document with lazily computed shared views."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.warnings: list[str] = []

    @cached_property
    def lines(self) -> list[Line]:
        return list(self.layout.lines())
