"""One retry policy (`kenmerk.output.retry`) for URL downloads and endpoint calls, one budget per call.

Issue 13, item 6 and the developers' guide: downloads had their own retry loop while the
endpoint client used urllib3's `Retry`, and an answer cut off mid-body was counted apart from
the other faults, so a server mixing them got more tries than `--retries` allows. The server
here is a real HTTP server on 127.0.0.1 answering from a script, one answer per request.
"""
from __future__ import annotations

import socket
import struct
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from kenmerk.output.gsp import GraphStoreClient, RetryPolicy, Timeouts
from kenmerk.output.inputs import Fetch, FetchError, fetch_url
from kenmerk.output.store import PublishError

NOTE = b"Nota\n\nOnderwerp: opgehaald\nOns kenmerk 2024-77\n"


class Scripted(BaseHTTPRequestHandler):
    """Answers in turn: "cut" (a 200 whose body stops short), "reset" (RST, no answer),
    ("wait", status, seconds) (a status with Retry-After), a status, or "ok" (the note)."""

    answers: list = []
    seen: list[tuple[float, str]] = []

    def log_message(self, *args) -> None:
        pass

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        cls = type(self)
        cls.seen.append((time.monotonic(), self.command))
        answer = cls.answers.pop(0) if cls.answers else "ok"
        if answer == "reset":
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        if answer == "cut":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"only the start")
            self.close_connection = True
            return
        status, headers, body = 200, {}, NOTE
        if isinstance(answer, tuple):
            _, status, seconds = answer
            headers["Retry-After"] = str(seconds)
            body = b""
        elif isinstance(answer, int):
            status, body = answer, b"error"
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_PUT = do_POST = _answer


@pytest.fixture
def server():
    Scripted.answers, Scripted.seen = [], []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Scripted)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", Scripted
    finally:
        httpd.shutdown()
        httpd.server_close()


FETCH = Fetch(connect_timeout=2, read_timeout=5, retries=3, backoff=0.01)


def test_a_download_rides_out_mixed_faults_within_its_tries_and_honours_retry_after(server):
    url, script = server
    script.answers = [("wait", 503, 1), "cut", "reset"]
    data, name = fetch_url(url + "/stukken/nota.txt", fetch=FETCH)
    assert (data, name) == (NOTE, "nota.txt")
    times = [t for t, _ in script.seen]
    assert len(times) == 4 and times[1] - times[0] >= 0.95  # Retry-After: 1; without it the retry goes at once


def test_a_download_gets_its_tries_in_all_whatever_fails(server):
    url, script = server
    script.answers = ["cut", "reset", 500, 500, 500, 500]
    with pytest.raises(FetchError) as info:
        fetch_url(url + "/nota.txt", fetch=FETCH)
    assert str(info.value) == f"{url}/nota.txt: not fetched after 4 tries: HTTP 500"
    assert len(script.seen) == 4  # one budget: a cut-off body counts like any other fault
    script.seen.clear()
    script.answers = ["cut"] * 5
    with pytest.raises(FetchError, match=r"not fetched after 2 tries: the answer was cut off \(IncompleteRead\)"):
        fetch_url(url + "/nota.txt", fetch=Fetch(retries=1, backoff=0.01))
    assert len(script.seen) == 2


def test_a_put_gets_its_tries_in_all_whatever_fails_and_a_query_is_sent_once(server):
    url, script = server
    policy = RetryPolicy(attempts=3, backoff=0.01)
    with GraphStoreClient(url + "/store", url + "/query", retry=policy, timeouts=Timeouts(2, 5)) as client:
        script.answers = ["reset", "cut", 503]
        with pytest.raises(PublishError, match="HTTP 503"):
            client.put_graph("https://kenmerk.example.org/id/note/x", b"", what="nota.pdf")
        assert [m for _, m in script.seen] == ["PUT"] * 3
        script.seen.clear()
        script.answers = ["reset", "cut"]
        client.put_graph("https://kenmerk.example.org/id/note/x", b"")  # the third try is answered
        assert len(script.seen) == 3
        for fault in ("reset", "cut", 503):
            script.seen.clear()
            script.answers = [fault]
            with pytest.raises(PublishError):
                client.query("ASK {}")
            assert [m for _, m in script.seen] == ["POST"], fault  # it went out: never sent twice
