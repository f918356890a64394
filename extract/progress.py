"""Page progress: tell a caller each time a page of a document is final (laid out, and OCR'd if it needs that)."""
from __future__ import annotations

from collections.abc import Callable, Iterable

#: called with (pages_done, pages_total)
PageCallback = Callable[[int, int], None]


class PageProgress:
    """Calls `on_page(done, total)` once per final page, so `done` grows by one up to `total`."""

    def __init__(self, on_page: PageCallback | None, total: int) -> None:
        self._on_page = on_page
        self.total = total
        self._done: set[int] = set()

    def final(self, number: int) -> None:
        """Page `number` (1-based) is final; each page counts once."""
        if number in self._done:
            return
        self._done.add(number)
        if self._on_page is not None:
            self._on_page(len(self._done), max(self.total, len(self._done)))

    def finish(self, numbers: Iterable[int]) -> None:
        """Every page in `numbers` is final (those not told yet are told now, in order); the last call
        says (done, done) even when the document gave fewer pages than it announced."""
        for number in numbers:
            self.final(number)
        done = len(self._done)
        if done < self.total:
            self.total = done
            if self._on_page is not None and done:
                self._on_page(done, done)
