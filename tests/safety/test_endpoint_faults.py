"""Endpoints that misbehave: echo the credentials, cut answers off, ask to wait, fail for ever.

Regression for issue 13, items 5 and 8. The server here is a real HTTP server on 127.0.0.1
that answers from a script (`Script.answers`, one per request, then 204) and records what it
was sent and when.
"""
from __future__ import annotations

import base64
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

import pytest
from publish_helpers import BASE, make_note, workdir, write_notes  # noqa: F401 - workdir is a fixture
from urllib3 import HTTPResponse

from kenmerk.output.cli import main
from kenmerk.output.gsp import GraphStoreClient, RetryPolicy, Timeouts
from kenmerk.output.store import PublishError

TOKEN = "tok-5ecret-9f2a"
PASSWORD = "Pa55-w0rd-7f3c9e"


class Script(BaseHTTPRequestHandler):
    """Answers in order: an int is a status (`echo` puts the request headers in the body),
    "cut" a 200 whose body stops short, ("retry-after", status, seconds) a status with Retry-After."""

    answers: list = []
    seen: list[dict] = []
    echo = False

    def log_message(self, *args) -> None:
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        cls = type(self)
        cls.seen.append({"method": self.command, "time": time.monotonic(), "headers": dict(self.headers)})
        answer = cls.answers.pop(0) if cls.answers else 204
        if answer == "cut":
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b"only the start")
            self.close_connection = True
            return
        extra = {}
        if isinstance(answer, tuple):
            _, answer, seconds = answer
            extra["Retry-After"] = str(seconds)
        body = b""
        if answer >= 400:
            auth = self.headers.get("Authorization", "")
            headers = "\n".join(f"{k}: {v}" for k, v in self.headers.items())
            body = (f"error {answer}; you sent Authorization: {auth}, {quote(auth)}\n{headers}"
                    if cls.echo else f"error {answer}").encode()
        self.send_response(answer)
        for key, value in extra.items():
            self.send_header(key, value)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_PUT = do_POST = do_GET = do_DELETE = _answer


@pytest.fixture
def server():
    Script.answers, Script.seen, Script.echo = [], [], False
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Script)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", Script
    finally:
        httpd.shutdown()
        httpd.server_close()


def client(url: str, attempts: int = 3, **kwargs) -> GraphStoreClient:
    return GraphStoreClient(url + "/store", url + "/query", retry=RetryPolicy(attempts=attempts, backoff=0.01),
                            timeouts=Timeouts(connect=2, read=5), **kwargs)


# -- secrets never echoed --------------------------------------------------------------------------


@pytest.mark.parametrize("credentials", ["token", "basic"])
def test_an_echoing_server_never_gets_the_credentials_onto_stderr_or_into_errors(workdir, server, monkeypatch,
                                                                                 capsys, credentials):
    url, script = server
    script.echo = True
    if credentials == "token":
        monkeypatch.setenv("KENMERK_TOKEN", TOKEN)
        secrets = [TOKEN]
    else:
        monkeypatch.setenv("KENMERK_USER", "kenmerk")
        monkeypatch.setenv("KENMERK_PASSWORD", PASSWORD)
        secrets = [PASSWORD, base64.b64encode(f"kenmerk:{PASSWORD}".encode()).decode()]
    write_notes(workdir / "in", [make_note(1), make_note(2)])
    script.answers = [500] * 20
    assert main(["publish", "in", "--endpoint", url + "/query", "--errors", "errors.jsonl", "--retries", "1"]) == 1
    script.answers = [500] * 20
    assert main(["query", "--endpoint", url + "/query", "ASK {}"]) == 1
    err = capsys.readouterr().err
    errors = (workdir / "errors.jsonl").read_text()
    scheme = "Bearer" if credentials == "token" else "Basic"
    assert f"Authorization: {scheme} ***" in err and f"Authorization: {scheme} ***" in errors  # quoted, scrubbed
    sent = {r["headers"].get("Authorization") for r in script.seen}
    assert all(any(s in header for s in secrets) for header in sent)  # the server did get them
    for secret in secrets + [quote(s, safe="") for s in secrets]:
        assert secret not in err and secret not in errors
    assert [json.loads(line)["stage"] for line in errors.splitlines()] == ["publish", "publish"]


# -- cut-off answers, Retry-After, a server that fails for ever -------------------------------------


def test_an_answer_cut_off_mid_body_is_retried_for_a_put(server):
    url, script = server
    script.answers = ["cut", "cut"]
    with client(url) as c:
        c.put_graph(BASE + "g", b"")
    assert [r["method"] for r in script.seen] == ["PUT"] * 3


def test_answers_cut_off_every_time_give_one_line_and_a_query_is_not_repeated(server):
    url, script = server
    script.answers = ["cut"] * 3
    with client(url) as c, pytest.raises(PublishError) as info:
        c.put_graph(BASE + "g", b"", what="nota.pdf")
    assert str(info.value) == f"nota.pdf: {url}/store: the answer was cut off (IncompleteRead) after 3 tries"
    assert type(info.value) is PublishError  # the endpoint answers: the run goes on with the next note
    script.seen.clear()
    script.answers = ["cut"]
    with client(url) as c, pytest.raises(PublishError) as info:
        c.query("ASK {}")
    assert str(info.value) == f"query: {url}/query: the answer was cut off (IncompleteRead) after 1 try"
    assert [r["method"] for r in script.seen] == ["POST"]


def test_retry_after_is_honoured(server):
    url, script = server
    script.answers = [("retry-after", 503, 1), ("retry-after", 429, 1)]
    with client(url) as c:
        c.put_graph(BASE + "g", b"")
    first, second, third = (r["time"] for r in script.seen)
    assert second - first >= 0.95 and third - second >= 0.95  # without the header the first retry goes at once


def test_retry_after_is_capped():
    response = HTTPResponse(body=b"", headers={"Retry-After": "3600"}, status=503)
    assert RetryPolicy(max_retry_after=5).urllib3_retry().get_retry_after(response) == 5
    assert RetryPolicy().urllib3_retry().new(total=1).get_retry_after(response) == 60


def test_a_server_failing_every_note_stops_the_run_after_max_failures(workdir, server, capsys):
    url, script = server
    write_notes(workdir / "in", [make_note(i) for i in range(12)])
    script.answers = [500] * 100
    assert main(["publish", "in", "--endpoint", url + "/query", "--retries", "1", "--max-failures", "5",
                 "--errors", "errors.jsonl"]) == 1
    assert len(script.seen) == 5 * 2  # five notes, two tries each; nothing after, no catalog either
    err = capsys.readouterr().err.splitlines()
    assert [line.split(": ", 2)[1] for line in err[:-1]] == ["not published"] * 5  # then one line for the rest
    assert err[-1] == ("kenmerk: stopped: 5 notes in a row were not published (--max-failures 5) "
                       "(7 notes not attempted)")
    assert len((workdir / "errors.jsonl").read_text().splitlines()) == 12  # each note in --errors


def test_failures_that_are_not_in_a_row_do_not_stop_the_run(workdir, server, capsys):
    url, script = server
    write_notes(workdir / "in", [make_note(i) for i in range(8)])
    script.answers = [500, 204] * 4
    assert main(["publish", "in", "--gsp", url + "/store", "--retries", "0", "--max-failures", "2", "-q"]) == 1
    err = capsys.readouterr().err
    assert err.count("not published: HTTP 500") == 4 and "stopped" not in err
    assert main(["publish", "in", "--gsp", url + "/store", "--max-failures", "-1"]) == 2
