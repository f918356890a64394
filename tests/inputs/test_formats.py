"""The one table of inputs (`kenmerk.extract.reader.FORMATS`): content before name, refusals in one line,
and the batch and cache reading the same table."""
from __future__ import annotations

import io
import json
import zipfile

import pytest
from batch_helpers import jsonl, kenmerk

from kenmerk.extract import KenmerkError, ReadLimits, UnreadableInput, read_bytes
from kenmerk.extract.reader import DOCUMENT_SUFFIXES, OLE2_MAGIC, input_format
from kenmerk.output.cache import suffix_class
from kenmerk.output.inputs import DocumentSpec, gather

NEVER = ReadLimits(ocr="never")
RAW_MAIL = (b"Received: from mail.example.nl\r\nMessage-ID: <1@example.nl>\r\nFrom: Team Water <w@example.nl>\r\n"
            b"To: Projectbureau <p@example.nl>\r\nSubject: Planning\r\nDate: Mon, 4 Mar 2024 16:02:00 +0100\r\n\r\n"
            b"Beste collega's,\r\n\r\nHierbij de planning.\r\n")
PRINTED_MAIL = b"From: Team Water\nSent: maandag 4 maart 2024 16:02\nTo: Projectbureau\nSubject: Planning\n\nTekst.\n"
MSG = OLE2_MAGIC + bytes(504) + "__substg1.0_0037001F".encode("utf-16-le") + bytes(64)


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _one_line(exc: KenmerkError, name: str) -> str:
    text = str(exc)
    assert "\n" not in text and text.startswith(f"{name}: ")
    return text


@pytest.mark.parametrize("fixture, expected", [
    ("email-twee-bijlagen.eml", "email"), ("beslisnota-word.docx", "word"), ("beslisnota-scan-png.png", "png"),
    ("beslisnota-twee-paginas-scan.tif", "tiff"), ("email-twee-bijlagen-outlook.msg", "msg"),
])
def test_every_fixture_is_known_by_its_content_under_any_name(input_dir, fixture, expected):
    data = (input_dir / fixture).read_bytes()
    if expected != "email":  # an .eml has no signature: its name (or a raw header) tells it
        assert input_format(data, "document")[0].name == expected
    assert input_format(data, fixture)[0].name == expected
    assert suffix_class(fixture) == expected


def test_a_pdf_that_is_really_a_word_document_is_read_as_word_with_a_warning(input_dir):
    layout, source = read_bytes((input_dir / "beslisnota-word.docx").read_bytes(), "nota.pdf", NEVER)
    assert source.media_type.endswith("wordprocessingml.document")
    assert layout.notes[0] == "read as a Word document by its content, although its name (.pdf) says a PDF"


def test_the_cli_reads_a_word_document_named_pdf_and_says_so(tmp_path, input_dir):
    path = tmp_path / "nota.pdf"
    path.write_bytes((input_dir / "beslisnota-word.docx").read_bytes())
    proc = kenmerk("extract", path, "--ocr", "never")
    assert proc.returncode == 0, proc.stderr
    note = json.loads(proc.stdout)
    assert note["kenmerk"] == "IENW/BSK-2025/54321"
    assert "read as a Word document by its content, although its name (.pdf) says a PDF" in note["warnings"]


@pytest.mark.parametrize("name, data, reason", [
    ("bericht.msg", MSG, "broken Outlook .msg file (Unsupported byte order"),
    ("bericht.bin", MSG, "broken Outlook .msg file ("),  # known by its streams whatever its name
    ("nota.doc", OLE2_MAGIC + bytes(600), "a legacy Office file (OLE2: .doc, .xls, .ppt): not read; save it as .docx"),
    ("lijst.pdf", _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
     "an Office file other than a Word .docx"),
    ("stukken.pdf", _zip({"a.pdf": b"%PDF-1.4"}), "an archive, not a document (use a folder or zip input)"),
    ("scan.png", b"dit is tekst", "not a PNG image (no PNG signature)"),
    ("scan.tif", b"dit is tekst", "not a TIFF image (no TIFF signature)"),
    ("nota.docx", b"dit is tekst", "not a Word document (no word/document.xml in a readable zip: broken or cut off?)"),
    ("nota.docx", _zip({"word/document.xml": b"<niet-af"}), "broken Word document ("),
    ("nota.pdf", b"dit is tekst", "not a PDF (no %PDF header)"),
])
def test_what_is_not_read_is_one_line_naming_the_file_and_the_reason(name, data, reason):
    with pytest.raises(UnreadableInput) as info:
        read_bytes(data, name, NEVER)
    assert reason in _one_line(info.value, name)


def test_without_a_known_suffix_a_raw_email_is_told_from_a_printed_one():
    assert input_format(RAW_MAIL, "<stdin>")[0].name == "email"
    assert input_format(PRINTED_MAIL, "<stdin>")[0].name == "text"  # a print's text conversion stays text
    assert input_format(RAW_MAIL, "bericht.txt")[0].name == "text"  # the name says text: text it is


def test_the_batch_picks_up_every_format_in_folders_and_zip_archives(tmp_path, input_dir):
    folder = tmp_path / "release"
    (folder / "sub").mkdir(parents=True)
    for name in ("email-twee-bijlagen.eml", "beslisnota-word.docx", "beslisnota-scan-png.png"):
        (folder / name).write_bytes((input_dir / name).read_bytes())
    (folder / "sub" / "bericht.msg").write_bytes((input_dir / "email-twee-bijlagen-outlook.msg").read_bytes())
    (folder / "sub" / "stukken.zip").write_bytes(_zip({
        "mail.eml": (input_dir / "email-twee-bijlagen.eml").read_bytes(),
        "nota.docx": (input_dir / "beslisnota-word.docx").read_bytes(),
        "lees-mij.xyz": b"not a document"}))
    specs = [item for item in gather([folder]) if isinstance(item, DocumentSpec)]
    assert sorted(s.label.replace(str(folder), "") for s in specs) == [
        "/beslisnota-scan-png.png", "/beslisnota-word.docx", "/email-twee-bijlagen.eml", "/sub/bericht.msg",
        "/sub/stukken.zip!mail.eml", "/sub/stukken.zip!nota.docx"]
    assert {".eml", ".docx", ".png", ".jpg", ".tif", ".tiff", ".msg"} <= set(DOCUMENT_SUFFIXES)

    proc = kenmerk("extract", folder, "--ocr", "never", "--jobs", "1")
    assert proc.returncode == 1  # the image is not read (OCR is off)
    notes = {n["source"]["file_name"]: n for n in jsonl(proc.stdout)}
    assert set(notes) == {"email-twee-bijlagen.eml", "beslisnota-word.docx", "bericht.msg", "mail.eml", "nota.docx"}
    assert notes["mail.eml"]["document_type"] == notes["bericht.msg"]["document_type"] == "email"
    assert notes["nota.docx"]["kenmerk"] == "IENW/BSK-2025/54321"
    errors = [ln for ln in proc.stderr.splitlines() if not ln.startswith("kenmerk:")]
    assert errors == [f"{folder / 'beslisnota-scan-png.png'}: an image: its text can only be read by OCR (OCR is off)"]


def test_the_cache_keeps_a_word_document_apart_from_the_same_bytes_named_pdf(tmp_path, input_dir):
    data = (input_dir / "beslisnota-word.docx").read_bytes()
    (tmp_path / "a.docx").write_bytes(data)
    (tmp_path / "b.pdf").write_bytes(data)
    cache = tmp_path / "cache"
    first = kenmerk("extract", tmp_path / "a.docx", tmp_path / "b.pdf", "--cache", cache, "--ocr", "never")
    again = kenmerk("extract", tmp_path / "a.docx", tmp_path / "b.pdf", "--cache", cache, "--ocr", "never")
    assert first.returncode == again.returncode == 0, (first.stderr, again.stderr)
    notes = {n["source"]["file_name"]: n for n in jsonl(again.stdout)}
    assert notes["a.docx"]["warnings"] == []
    assert notes["b.pdf"]["warnings"][0].startswith("read as a Word document by its content")
    assert "from the cache" in again.stderr  # one entry per content: the name read last is a hit, the other a miss
    assert sorted(jsonl(again.stdout), key=str) == sorted(jsonl(first.stdout), key=str)


def _garbled_member(data: bytes, member: str) -> bytes:
    """The zip with bytes in the middle of `member`'s compressed data overwritten (its directory intact)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        info = zf.getinfo(member)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    middle = start + info.compress_size // 2
    return data[:middle] + bytes([0xFF]) * 16 + data[middle + 16:]


def test_damaged_word_image_and_mail_files_are_one_line_each(input_dir):
    """Cut off, garbled or nested beyond reason: a one-line reason each, never a traceback."""
    docx_bytes = (input_dir / "beslisnota-word.docx").read_bytes()
    tiff = (input_dir / "beslisnota-twee-paginas-scan.tif").read_bytes()
    deep = "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n' for i in range(1500))
    cases = {
        "cut.docx": (docx_bytes[: len(docx_bytes) // 2], "not a Word document (no word/document.xml in a readable zip"),
        "garbled.docx": (_garbled_member(docx_bytes, "word/document.xml"), "broken Word document ("),
        "cut.tif": (tiff[: int(len(tiff) * 0.9)], "broken image ("),
        "deep.eml": ((RAW_MAIL.split(b"\r\n\r\n")[0] + b"\nMIME-Version: 1.0\n" + deep.encode()
                      + b"Content-Type: text/plain\n\nhoi\n"), "e-mail with MIME parts nested too deeply to read"),
    }
    for name, (data, reason) in cases.items():
        with pytest.raises(UnreadableInput) as info:
            read_bytes(data, name, ReadLimits(ocr="auto"))
        assert reason in _one_line(info.value, name), name


@pytest.fixture()
def web(tmp_path, input_dir):
    """A loopback web server whose documents have no suffix in their URLs (as a document system serves them)."""
    import functools
    import http.server
    import threading

    root = tmp_path / "www" / "document"
    root.mkdir(parents=True)
    for url_name, fixture in (("1", "beslisnota-word.docx"), ("2", "email-twee-bijlagen-outlook.msg"),
                              ("3", "email-twee-bijlagen.eml"), ("4", "beslisnota-scan-png.png"),
                              ("nota.pdf", "beslisnota-word.docx")):
        (root / url_name).write_bytes((input_dir / fixture).read_bytes())
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(
        http.server.SimpleHTTPRequestHandler, directory=str(root.parent)))
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/document"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_url_list_reads_each_format_by_its_content(tmp_path, web):
    """URLs without a suffix: Word, Outlook, a raw e-mail and an image told by their bytes; a Word document
    served as nota.pdf read as Word with the warning."""
    listing = tmp_path / "urls.txt"
    listing.write_text("".join(f"{web}/{n}\n" for n in ("1", "2", "3", "4", "nota.pdf")), encoding="utf-8")
    proc = kenmerk("extract", "--from-list", listing, "--ocr", "never", "--ordered", "--jobs", "1")
    assert proc.returncode == 1, proc.stderr  # the image: OCR is off
    notes = {n["source"]["file_name"]: n for n in jsonl(proc.stdout)}
    assert {name: n["source"]["media_type"] for name, n in notes.items()} == {
        "1": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "2": "application/vnd.ms-outlook", "3": "message/rfc822",
        "nota.pdf": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
    assert notes["1"]["kenmerk"] == notes["nota.pdf"]["kenmerk"] == "IENW/BSK-2025/54321"
    assert notes["2"]["title"] == notes["3"]["title"] == "RE: concept bestuursrapportage kustversterking Q3"
    warning = "read as a Word document by its content, although its name (.pdf) says a PDF"
    assert warning in notes["nota.pdf"]["warnings"]
    errors = [ln for ln in proc.stderr.splitlines() if not ln.startswith("kenmerk:")]
    assert errors == [f"{web}/4: an image: its text can only be read by OCR (OCR is off)"]
