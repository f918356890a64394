"""`on_page(done, total)`: told once per final page, growing to the total; a text input tells (1, 1)."""
from __future__ import annotations

import hostile  # tests/safety: the tiny PDF writer

from kenmerk.extract import ReadLimits, extract_note, read_bytes, read_note


def _calls(fn, *args, **kwargs) -> list[tuple[int, int]]:
    calls: list[tuple[int, int]] = []
    fn(*args, on_page=lambda done, total: calls.append((done, total)), **kwargs)
    return calls


def test_every_page_of_a_pdf_is_told_once_in_order(fixtures_dir):
    path = fixtures_dir / "beslisnota-twee-paginas.pdf"
    layout, _ = read_bytes(path.read_bytes(), path.name, ReadLimits(ocr="never"))
    calls = _calls(read_note, path, ReadLimits(ocr="never"))
    n = len(layout.pages)
    assert n >= 2
    assert calls == [(i, n) for i in range(1, n + 1)]


def test_the_page_limit_is_the_total():
    calls = _calls(read_bytes, hostile.many_pages(30), "many.pdf", ReadLimits(ocr="never", max_pages=12))
    assert calls == [(i, 12) for i in range(1, 13)]


def test_a_text_input_is_one_page():
    calls = _calls(extract_note, b"Nota\n\nOnderwerp\nDe begroting 2024\n", "nota.txt", ReadLimits(ocr="never"))
    assert calls == [(1, 1)]
