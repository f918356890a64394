"""Inputs of a batch: folders with --glob, zip archives read in memory, lists of paths and URLs."""
from __future__ import annotations

import http.server
import os
import threading
import zipfile
from pathlib import Path

import pytest
from batch_helpers import jsonl, kenmerk, write

from kenmerk.output.inputs import DocumentSpec, PassedOver, Refused, gather, read_list, unsafe_member_name

# -- folders ---------------------------------------------------------------------------------------


def test_folders_are_searched_recursively_in_sorted_order_and_glob_selects(tmp_path, good_documents):
    folder = write(tmp_path / "in", {"b/brief.pdf": good_documents["brief-adresblok.pdf"],
                                     "a.txt": good_documents["windows-1252.txt"],
                                     "b/c/nota.md": good_documents["opvang-oekraine.md"],
                                     ".hidden/x.pdf": good_documents["brief-adresblok.pdf"],
                                     "notes.csv": b"a;b\n"})
    items = list(gather([folder]))
    labels = [item.label for item in items if isinstance(item, DocumentSpec)]
    assert [os.path.relpath(p, folder) for p in labels] == ["a.txt", "b/brief.pdf", "b/c/nota.md"]
    assert [(os.path.relpath(i.label, folder), i.kind) for i in items if isinstance(i, PassedOver)] == [
        ("notes.csv", ".csv")]  # counted in the summary, not read
    assert [os.path.relpath(i.label, folder) for i in gather([folder], globs=["*.pdf"])] == ["b/brief.pdf"]
    assert [os.path.relpath(i.label, folder) for i in gather([folder], globs=["b/c/*"])] == ["b/c/nota.md"]
    proc = kenmerk("extract", folder, "--glob", "*.pdf", "--glob", "*.md", "--ordered", "-q")
    assert proc.returncode == 0, proc.stderr
    assert [n["source"]["file_name"] for n in jsonl(proc.stdout)] == ["brief.pdf", "nota.md"]


# -- zip archives ----------------------------------------------------------------------------------


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            info = zipfile.ZipInfo(name)  # ZipInfo keeps the name as written, ../ included
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, data)
    return path


def test_unsafe_member_names():
    assert unsafe_member_name("notes/a.pdf") is None
    assert unsafe_member_name("a..b.pdf") is None
    for name in ("../evil.pdf", "notes/../../evil.pdf", "/etc/evil.pdf", "C:\\evil.pdf", "..\\evil.pdf"):
        assert unsafe_member_name(name), name


def test_zip_members_are_read_in_memory_and_unsafe_ones_refused(tmp_path, good_documents, hostile):
    work = tmp_path / "work"
    work.mkdir()
    archive = _zip(work / "woo.zip", {
        "notes/brief.pdf": good_documents["brief-adresblok.pdf"],
        "notes/nota.md": good_documents["opvang-oekraine.md"],
        "../evil.pdf": good_documents["brief-adresblok.pdf"],
        "/abs.pdf": good_documents["brief-adresblok.pdf"],
        "notes/not-a-pdf.pdf": hostile["not-a-pdf.pdf"],
        "readme.html": b"<p>not selected</p>",
    })
    errors = tmp_path / "errors.jsonl"
    proc = kenmerk("extract", "woo.zip", "--ordered", "--errors", errors, "--jobs", "2", cwd=work)
    assert proc.returncode == 1, proc.stderr
    notes = jsonl(proc.stdout)
    assert [n["source"]["file_name"] for n in notes] == ["brief.pdf", "nota.md"]
    records = {r["path"]: r for r in jsonl(errors.read_text(encoding="utf-8"))}
    assert set(records) == {"woo.zip!../evil.pdf", "woo.zip!/abs.pdf", "woo.zip!notes/not-a-pdf.pdf"}
    assert records["woo.zip!../evil.pdf"]["stage"] == "archive"
    assert "climbs out of the archive" in records["woo.zip!../evil.pdf"]["message"]
    assert "absolute path" in records["woo.zip!/abs.pdf"]["message"]
    assert "woo.zip!../evil.pdf: zip member refused: a path that climbs out of the archive (..)" in proc.stderr
    # nothing was unpacked: the folders hold what they held
    assert sorted(p.name for p in work.iterdir()) == ["woo.zip"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["errors.jsonl", "work"]
    assert archive.exists()


def test_zip_member_over_the_size_cap_is_refused_before_and_while_inflating(tmp_path, good_documents):
    big = b"%PDF-1.4\n" + b" " * (3 * 1024 * 1024)  # 3 MB that deflates to a few kB
    archive = _zip(tmp_path / "bomb.zip", {"big.pdf": big, "brief.pdf": good_documents["brief-adresblok.pdf"]})
    proc = kenmerk("extract", archive, "--max-size", "1", "--jobs", "1", "--ordered")
    assert proc.returncode == 1
    assert f"{archive}!big.pdf: zip member refused: larger than the limit" in proc.stderr
    assert [n["source"]["file_name"] for n in jsonl(proc.stdout)] == ["brief.pdf"]
    # a header that understates the size: inflating stops at the declared size, and the member is refused
    from kenmerk.extract import UnreadableInput
    from kenmerk.output.inputs import load

    lying = _zip(tmp_path / "lying.zip", {"big.pdf": big})
    data = bytearray(lying.read_bytes())
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):  # uncompressed size in both headers
        at = data.find(sig)
        data[at + offset:at + offset + 4] = (1000).to_bytes(4, "little")
    lying.write_bytes(bytes(data))
    [spec] = list(gather([lying]))
    with pytest.raises(UnreadableInput, match="cannot read the zip member .*CRC"):
        load(spec, max_bytes=1024 * 1024)


# -- lists and URLs --------------------------------------------------------------------------------


class _Handler(http.server.SimpleHTTPRequestHandler):
    hits: dict[str, int] = {}

    def log_message(self, *args) -> None:
        pass

    def do_GET(self):  # noqa: N802 - http.server's naming
        hits = self.hits[self.path] = self.hits.get(self.path, 0) + 1
        if self.path == "/flaky/brief.pdf" and hits == 1:
            self.send_error(503, "try again")
            return
        if self.path == "/flaky/brief.pdf":
            self.path = "/brief-adresblok.pdf"
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path == "/redirect":
            self.send_response(301)
            self.send_header("Location", "/beslisnota-twee-paginas.pdf")
            self.end_headers()
            return
        if self.path == "/to-file":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.end_headers()
            return
        if self.path.startswith("/documenten/"):  # open.overheid.nl style: /documenten/UUID/file
            self.send_response(200)
            body = self.server.documents["beslisnota-twee-paginas.pdf"]
            self.send_header("Content-Type", "application/pdf")
            self.send_header("Content-Disposition", 'attachment; filename="beslisnota.pdf"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()


@pytest.fixture()
def server(tmp_path, good_documents):
    root = write(tmp_path / "www", {**good_documents, "big.pdf": b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024)})
    _Handler.hits = {}
    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), lambda *a, **kw: _Handler(*a, directory=str(root), **kw))
    httpd.documents = good_documents
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_url_list_is_fetched_with_retries_redirect_limits_and_a_size_cap(tmp_path, server, good_documents):
    urls = [f"{server}/brief-adresblok.pdf", f"{server}/flaky/brief.pdf", f"{server}/redirect",
            f"{server}/missing.pdf", f"{server}/loop", f"{server}/big.pdf", f"{server}/to-file",
            "ftp://example.org/x.pdf", f"{server}/windows-1252.txt"]
    listing = tmp_path / "urls.txt"
    listing.write_text("# a list of documents\n\n" + "\n".join(urls) + "\n", encoding="utf-8")
    errors = tmp_path / "errors.jsonl"
    proc = kenmerk("extract", "--from-list", listing, "--ordered", "--errors", errors, "--max-size", "1",
                   "--fetch-retries", "2", "--jobs", "2")
    assert proc.returncode == 1, proc.stderr
    notes = jsonl(proc.stdout)
    assert [n["source"]["file_name"] for n in notes] == [
        "brief-adresblok.pdf", "brief.pdf", "beslisnota-twee-paginas.pdf", "windows-1252.txt"]
    assert notes[1]["source"]["sha256"] == notes[0]["source"]["sha256"]  # the flaky one, after a retry
    assert _Handler.hits["/flaky/brief.pdf"] == 2
    records = {r["path"]: r for r in jsonl(errors.read_text(encoding="utf-8"))}
    assert records[f"{server}/missing.pdf"]["message"] == "HTTP 404 File not found"
    assert records[f"{server}/loop"]["message"] == "more than 5 redirects"
    assert "too large" in records[f"{server}/big.pdf"]["message"]
    assert records[f"{server}/to-file"]["stage"] == "fetch"
    assert "unsupported URL scheme 'ftp'" in records["ftp://example.org/x.pdf"]["message"]
    assert {r["stage"] for r in records.values()} == {"fetch"}
    assert _Handler.hits.get("/loop", 0) <= 6  # redirects are bounded


def test_open_overheid_index_csv_works_with_url_column(tmp_path, server):
    header = "\ufeffid;dc_source;dc_title;foi_nrPages;foi_fairiscoreVersions;foi_fairiscore_v2\n"
    rows = [f'nl.mnre1013.2e-b.2024.{i}.doc.1;{server}/documenten/{i:04d}-uuid/file;Beslisnota {i};1.0;'
            f'"{{""v1"": 2, ""v2"": 2}}";2\n' for i in range(3)]
    index = tmp_path / "index.csv"
    index.write_text(header + "".join(rows), encoding="utf-8")
    assert list(read_list(index, "dc_source")) == [f"{server}/documenten/{i:04d}-uuid/file" for i in range(3)]
    assert list(read_list(index, "2"))[0] == f"{server}/documenten/0000-uuid/file"
    assert list(read_list(index))[0] == f"{server}/documenten/0000-uuid/file"  # .csv: the first URL column
    proc = kenmerk("extract", "--from-list", index, "--url-column", "dc_source", "--jobs", "2", "--ordered")
    assert proc.returncode == 0, proc.stderr
    notes = jsonl(proc.stdout)
    assert [n["source"]["file_name"] for n in notes] == ["beslisnota.pdf"] * 3
    assert notes[0]["kenmerk"] == "IENW/BSK-2025/12345"
    bad = kenmerk("extract", "--from-list", index, "--url-column", "nope")
    assert bad.returncode == 2 and "no column 'nope'" in bad.stderr


def test_the_real_open_overheid_index_parses(corpus_dir):
    index = next((corpus_dir / "index").glob("*.csv"))
    entries = list(read_list(index, "dc_source"))
    assert len(entries) > 6000
    assert all(isinstance(e, str) and e.startswith("https://open.overheid.nl/") for e in entries[:100])
    items = list(gather([], from_list=index, url_column="dc_source"))
    assert all(isinstance(i, DocumentSpec) and i.kind == "url" for i in items[:100])


def test_list_with_paths_missing_files_and_folders(tmp_path, good_documents):
    folder = write(tmp_path / "in", {"brief.pdf": good_documents["brief-adresblok.pdf"],
                                     "sub/nota.md": good_documents["opvang-oekraine.md"]})
    listing = tmp_path / "list.txt"
    listing.write_text(f"{folder / 'brief.pdf'}\n{folder / 'gone.pdf'}\n{folder / 'sub'}\n", encoding="utf-8")
    items = list(gather([], from_list=listing))
    assert [type(i) for i in items] == [DocumentSpec, DocumentSpec, DocumentSpec]
    proc = kenmerk("extract", "--from-list", listing, "--ordered", "--jobs", "1")
    assert proc.returncode == 1
    assert f"{folder / 'gone.pdf'}: no such file" in proc.stderr
    assert [n["source"]["file_name"] for n in jsonl(proc.stdout)] == ["brief.pdf", "nota.md"]
    assert isinstance(next(gather(["ftp://x/y.pdf"])), Refused)
