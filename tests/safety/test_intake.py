"""Safe intake (`kenmerk.output.inputs`): http(s) URLs only, bounded redirects, capped sizes,
no zip member outside the archive, no symbolic link out of the input folder."""
from __future__ import annotations

import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import hostile
import pytest

from kenmerk.output.inputs import (
    DocumentSpec,
    Fetch,
    FetchError,
    Refused,
    fetch_url,
    gather,
    load,
    unsafe_member_name,
)

NOTE = hostile.TEXT_NOTE.encode("utf-8")


class Server(BaseHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802
        path = self.path
        if path.startswith("/loop"):
            self._redirect(f"/loop{int(path[5:] or 0) + 1}")
        elif path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif path == "/to-ftp":
            self._redirect("ftp://example.org/nota.pdf")
        elif path.startswith("/hops"):
            left = int(path[5:])
            self._redirect(f"/hops{left - 1}" if left else "/nota.txt")
        elif path == "/big-declared":
            self.send_response(200)
            self.send_header("Content-Length", str(10 << 20))
            self.end_headers()
            self.wfile.write(b" " * (10 << 20))
        elif path == "/big-chunked":
            self.send_response(200)
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b" " * 65536
            for _ in range(160):  # 10 MiB, no length announced
                self.wfile.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(len(NOTE)))
            self.end_headers()
            self.wfile.write(NOTE)

    def _redirect(self, where: str) -> None:
        self.send_response(302)
        self.send_header("Location", where)
        self.send_header("Content-Length", "0")
        self.end_headers()


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:  # the client hung up on a capped download
        pass


@pytest.fixture
def server():
    httpd = QuietServer(("127.0.0.1", 0), Server)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


FAST = Fetch(connect_timeout=2, read_timeout=5, retries=0, max_redirects=5)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/nota.pdf", "gopher://x/1",
                                 "FILE:///etc/passwd", "data://text/plain;base64,AAAA"])
def test_only_http_and_https_urls(url):
    [item] = list(gather([url]))
    assert isinstance(item, Refused) and "only http and https" in str(item.error)
    with pytest.raises(FetchError, match="only http and https"):
        fetch_url(url, fetch=FAST)


def test_a_url_is_fetched(server):
    data, name = fetch_url(server + "/dir/nota.txt", fetch=FAST)
    assert data == NOTE and name == "nota.txt"


def test_redirects_are_bounded_and_stay_on_http(server):
    assert fetch_url(server + "/hops4", fetch=FAST)[0] == NOTE  # five redirects
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch_url(server + "/hops5", fetch=FAST)  # six
    with pytest.raises(FetchError, match="more than 5 redirects"):
        fetch_url(server + "/loop", fetch=FAST)
    for where in ("/to-file", "/to-ftp"):
        with pytest.raises(FetchError) as info:
            fetch_url(server + where, fetch=FAST)
        assert "/etc/passwd" not in str(info.value) or "cannot fetch" in str(info.value)


@pytest.mark.parametrize("path", ["/big-declared", "/big-chunked"])
def test_downloads_are_capped(server, path):
    with pytest.raises(FetchError, match="too large"):
        fetch_url(server + path, fetch=FAST, max_bytes=1 << 20)


@pytest.mark.parametrize("name, unsafe", [
    ("../evil.pdf", True), ("a/../../evil.pdf", True), ("/etc/evil.pdf", True), ("C:\\evil.pdf", True),
    ("c:/evil.pdf", True), ("..\\evil.pdf", True), ("nota\x00.pdf", True),
    ("nota.pdf", False), ("map/nota.pdf", False), ("..nota.pdf", False),
])
def test_unsafe_member_names(name, unsafe):
    assert (unsafe_member_name(name) is not None) is unsafe


def test_zip_members_outside_the_archive_are_refused_and_never_written(tmp_path):
    archive = tmp_path / "slip.zip"
    archive.write_bytes(hostile.zip_slip(NOTE))
    items = list(gather([archive]))
    refused = sorted(i.label.split("!", 1)[1] for i in items if isinstance(i, Refused))
    assert refused == sorted(["../../evil.txt", "/etc/evil.txt", "C:\\evil.txt", "sub/../../evil2.txt"])
    [good] = [i for i in items if isinstance(i, DocumentSpec)]
    assert load(good)[0] == NOTE
    with pytest.raises(Exception, match="zip member refused"):  # a forged spec is refused when loaded too
        load(DocumentSpec(f"{archive}!../../evil.txt", "zip", str(archive), member="../../evil.txt"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slip.zip"]


def test_zip_bomb_is_refused_or_stopped_at_the_cap(tmp_path):
    (tmp_path / "bomb.zip").write_bytes(hostile.zip_bomb(1.0))
    (tmp_path / "liar.zip").write_bytes(hostile.zip_bomb(1.0, lie=True))
    [bomb] = list(gather([tmp_path / "bomb.zip"], max_bytes=1 << 20))
    assert isinstance(bomb, Refused) and "larger than the limit" in str(bomb.error)
    [liar] = list(gather([tmp_path / "liar.zip"], max_bytes=1 << 20))
    with pytest.raises(Exception) as info:  # the header lies: inflating stops at the claimed size or the cap
        load(liar, max_bytes=1 << 20)
    assert "liar.zip!bomb.txt" in str(info.value)


def test_symbolic_links_out_of_the_folder_are_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_bytes(NOTE)
    folder = hostile.symlink_loop(tmp_path / "in", outside)
    os.symlink("/etc", folder / "etc")
    items = list(gather([folder]))
    docs = sorted(os.path.relpath(i.label, folder) for i in items if isinstance(i, DocumentSpec))
    assert docs == ["nota.txt", os.path.join("sub", "nota2.md")]
    refused = sorted(os.path.basename(i.label) for i in items if isinstance(i, Refused))
    assert refused == ["etc", "outside-dir", "outside-secret.txt"]
    assert all("symbolic link out of the input folder" in str(i.error) for i in items if isinstance(i, Refused))
