"""Inputs kenmerk cannot read fail with one `KenmerkError` line naming the file and the reason."""
from __future__ import annotations

import pytest

from kenmerk.extract import KenmerkError, ReadLimits, UnreadableInput, read_note, read_path
from kenmerk.extract.pdf_readers import PDF_READERS

#: bad fixture → words one of which the reason must contain
BAD = {
    "empty.pdf": ("empty",),
    "random-bytes.pdf": ("not a pdf", "broken"),
    "truncated.pdf": ("broken", "truncated", "eof"),
    "encrypted.pdf": ("encrypt", "password"),
    "not-a-pdf.pdf": ("not a pdf",),
    "unknown-encoding.txt": ("encoding", "binary"),
}


@pytest.mark.parametrize("reader", PDF_READERS)
@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_input_raises_one_line_error(fixtures_dir, name, reader):
    path = fixtures_dir / name
    with pytest.raises(KenmerkError) as info:
        read_note(path, ReadLimits(pdf_reader=reader))
    err = info.value
    assert isinstance(err, UnreadableInput), f"{type(err).__name__}: {err}"
    message = str(err)
    assert "\n" not in message and "\r" not in message, repr(message)
    assert name in message, message
    reason = message.split(f"{name}:", 1)[-1].strip()
    assert reason, f"no reason after the file name: {message!r}"
    assert any(word in reason.lower() for word in BAD[name]), message
    assert "Traceback" not in message


def test_missing_file_is_unreadable(tmp_path):
    path = tmp_path / "bestaat-niet.pdf"
    with pytest.raises(UnreadableInput, match="no such file"):
        read_note(path)


def test_windows_1252_text_extracts(fixtures_dir):
    path = fixtures_dir / "windows-1252.txt"
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # the fixture really is not UTF-8
    layout, source = read_path(path)
    text = layout.text()
    assert "Financiën" in text and "€ 250.000" in text
    note = read_note(path)
    assert note.source.media_type == "text/plain"
    assert note.source.size == len(raw)
    assert note.source.page_count is None


@pytest.mark.parametrize("name", ["empty.pdf", "encrypted.pdf", "not-a-pdf.pdf"])
def test_either_reader_gives_the_same_message(fixtures_dir, name):
    messages = set()
    for reader in PDF_READERS:
        with pytest.raises(UnreadableInput) as info:
            read_note(fixtures_dir / name, ReadLimits(pdf_reader=reader))
        messages.add(str(info.value))
    assert len(messages) == 1, messages


@pytest.mark.parametrize("name", ["random-bytes.pdf", "truncated.pdf"])
def test_either_reader_calls_a_broken_pdf_broken(fixtures_dir, name):
    for reader in PDF_READERS:
        with pytest.raises(UnreadableInput, match=rf"{name}: (broken PDF \(|not a PDF|PDF has no pages)"):
            read_note(fixtures_dir / name, ReadLimits(pdf_reader=reader))
