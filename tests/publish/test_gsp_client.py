"""The Graph Store client against a small local HTTP server: auth, retries, error messages.

The server here is not a store: it answers with scripted statuses and records
what it was sent, so the client's HTTP behaviour can be checked exactly.
"""
from __future__ import annotations

import base64
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from publish_helpers import write_notes

from kenmerk.output.cli import main
from kenmerk.output.gsp import EndpointRefused, GraphStoreClient, RetryPolicy, Timeouts
from kenmerk.output.publish import Publisher


class Recorder(BaseHTTPRequestHandler):
    statuses: list[int] = []  # answered in order; 204 once they run out
    requests: list[dict] = []

    def log_message(self, *args) -> None:  # keep test output clean
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        type(self).requests.append({"method": self.command, "path": self.path, "headers": dict(self.headers),
                                    "body": body})
        status = type(self).statuses.pop(0) if type(self).statuses else 204
        payload = f"status {status}: sorry, <b>no</b> " + "x" * 400 if status >= 400 else ""
        self.send_response(status)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload.encode())

    do_PUT = do_POST = do_DELETE = do_GET = _answer


@pytest.fixture
def http_server():
    Recorder.statuses, Recorder.requests = [], []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", Recorder
    finally:
        server.shutdown()
        server.server_close()


def client_for(url: str, **kwargs) -> GraphStoreClient:
    return GraphStoreClient(url + "/store", url + "/query", retry=RetryPolicy(attempts=3, backoff=0.01),
                            timeouts=Timeouts(connect=2, read=5), **kwargs)


def test_put_sends_ntriples_with_graph_parameter(http_server):
    url, rec = http_server
    with client_for(url) as client:
        client.put_graph("https://x.nl/id/note/a?b=c&d", b"<a:b> <a:c> <a:d> .\n")
    req = rec.requests[0]
    assert req["method"] == "PUT"
    assert req["path"] == "/store?graph=https%3A%2F%2Fx.nl%2Fid%2Fnote%2Fa%3Fb%3Dc%26d"
    assert req["headers"]["Content-Type"].startswith("application/n-triples")
    assert req["body"] == b"<a:b> <a:c> <a:d> .\n"


def test_5xx_is_retried_then_succeeds(http_server):
    url, rec = http_server
    rec.statuses = [503, 502]
    with client_for(url) as client:
        client.put_graph("urn:g", b"")
    assert len(rec.requests) == 3


def test_persistent_5xx_names_status_and_body(http_server):
    url, rec = http_server
    rec.statuses = [500, 500, 500]
    with client_for(url) as client, pytest.raises(EndpointRefused) as info:
        client.put_graph("urn:g", b"", what="nota.pdf")
    message = str(info.value)
    assert message.startswith(f"nota.pdf: HTTP 500 from {url}/store: status 500: sorry, <b>no</b> x")
    assert len(message) < 400 and message.endswith("…")
    assert len(rec.requests) == 3


def test_basic_credentials_from_environment_never_printed(http_server, monkeypatch):
    url, rec = http_server
    monkeypatch.setenv("KENMERK_USER", "publisher")
    monkeypatch.setenv("KENMERK_PASSWORD", "s3cret-pw")
    rec.statuses = [401, 401]  # Basic refused without a challenge, then Digest's first call too
    with client_for(url) as client, pytest.raises(EndpointRefused) as info:
        client.put_graph("urn:g", b"")
    sent = rec.requests[0]["headers"]["Authorization"]
    assert sent == "Basic " + base64.b64encode(b"publisher:s3cret-pw").decode()
    assert len(rec.requests) == 2 and "Authorization" not in rec.requests[1]["headers"]
    assert "s3cret" not in str(info.value) and info.value.fatal


def test_token_from_environment(http_server, monkeypatch):
    url, rec = http_server
    monkeypatch.setenv("KENMERK_TOKEN", "tok-123")
    with client_for(url) as client:
        client.put_graph("urn:g", b"")
    assert rec.requests[0]["headers"]["Authorization"] == "Bearer tok-123"


def test_netrc_is_used_without_environment_credentials(http_server, monkeypatch, tmp_path):
    url, rec = http_server
    for var in ("KENMERK_USER", "KENMERK_PASSWORD", "KENMERK_TOKEN"):
        monkeypatch.delenv(var, raising=False)
    netrc = tmp_path / "netrc"
    netrc.write_text("machine 127.0.0.1 login robot password from-netrc\n")
    netrc.chmod(0o600)
    monkeypatch.setenv("NETRC", str(netrc))
    with client_for(url) as client:
        client.put_graph("urn:g", b"")
    assert rec.requests[0]["headers"]["Authorization"] == "Basic " + base64.b64encode(b"robot:from-netrc").decode()


def test_refused_credentials_stop_the_run(http_server, config, notes):
    url, rec = http_server
    rec.statuses = [403]
    failed: list[str] = []
    with client_for(url) as client, Publisher(config, client=client, on_failed=failed.append) as pub:
        for i, note in enumerate(notes[:3]):
            pub.add(f"n{i}", note)
    assert len(rec.requests) == 1  # no PUT after the refusal, no catalog either
    assert len(failed) == 1 and failed[0].startswith(f"n0: not published: HTTP 403 from {url}/store")
    assert pub.report.failed[1:] == ["n1: not attempted: the endpoint refused the credentials (HTTP 403)",
                                     "n2: not attempted: the endpoint refused the credentials (HTTP 403)"]
    assert pub.report.not_attempted == 2  # recorded, not said one by one


def test_a_4xx_note_fails_alone(http_server, config, notes):
    url, rec = http_server
    rec.statuses = [204, 400, 204, 204, 204]  # a PUT per note, then one POST of the shared resources
    failed: list[str] = []
    with client_for(url) as client, Publisher(config, client=client, on_failed=failed.append) as pub:
        for i, note in enumerate(notes[:3]):
            pub.add(f"n{i}", note)
    assert pub.report.published and len(pub.report.published) == 2
    assert failed[0].startswith("n1: not published: HTTP 400")
    # this server is no SPARQL endpoint: the queries for earlier versions and statistics fail with a clear line
    assert failed[1:] == [f"earlier versions: not removed: {url}/query: the answer to the query for earlier "
                          "versions is not SPARQL JSON results",
                          f"catalog: not published: {url}/query: the answer to the statistics query "
                          "is not SPARQL JSON results with numbers"]


def test_insecure_warns(workdir, notes, http_server, capsys):
    url, _ = http_server
    write_notes(workdir / "in", notes[:1])
    assert main(["publish", "in", "--gsp", url + "/store", "--insecure", "-q"]) == 0
    assert "--insecure: TLS certificates are not verified" in capsys.readouterr().err
