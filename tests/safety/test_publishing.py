"""Secure publishing: credentials, TLS, timeouts, retries, and text from documents that never changes a query.

Against the real `oxigraph serve` of tests/publish (fixture `oxigraph_server`) and a small
recording HTTP server for what a store cannot show (headers, retries).
"""
from __future__ import annotations

import base64
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests
from publish_helpers import (  # noqa: F401 - workdir and oxigraph_server are fixtures
    BASE,
    CONFIG_TOML,
    make_note,
    oxigraph_server,
    workdir,
    write_notes,
)

from kenmerk.extract.errors import KenmerkError
from kenmerk.output.cli import main
from kenmerk.output.config import ConfigError, load_config
from kenmerk.output.gsp import GraphStoreClient, RetryPolicy, Timeouts

SECRET = "Pa55-w0rd-7f3c9e"  # never printed, logged, or put in an error


class Recorder(BaseHTTPRequestHandler):
    status = 204
    seen: list[dict] = []

    def log_message(self, *args) -> None:
        pass

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        type(self).seen.append({"method": self.command, "headers": dict(self.headers)})
        one = {"type": "literal", "value": "1"}
        body = json.dumps({"head": {"vars": ["triples", "notes", "organisations"]}, "results": {"bindings": [
            {"triples": one, "notes": one, "organisations": one}]}}).encode() if self.command == "POST" else b""
        status = type(self).status
        self.send_response(200 if status == 204 and body else status)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_PUT = do_POST = do_GET = do_DELETE = _answer


@pytest.fixture
def recorder():
    Recorder.status, Recorder.seen = 204, []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", Recorder
    finally:
        server.shutdown()
        server.server_close()


# -- credentials ----------------------------------------------------------------------------------


def test_config_with_credentials_must_not_be_readable_by_others(workdir, recorder, capsys):
    url, rec = recorder
    config = workdir / "kenmerk.toml"
    config.write_text(CONFIG_TOML + f'user = "kenmerk"\npassword = "{SECRET}"\n', encoding="utf-8")
    write_notes(workdir / "in", [make_note(1)])
    for mode in (0o644, 0o640, 0o604):
        os.chmod(config, mode)
        with pytest.raises(ConfigError) as info:
            load_config()
        assert "chmod 600" in str(info.value) and SECRET not in str(info.value)
        assert main(["publish", "in", "--endpoint", url + "/query", "-q"]) == 2
        err = capsys.readouterr().err
        assert len(err.splitlines()) == 1 and "others may read it" in err and SECRET not in err
    assert rec.seen == []  # refused before anything was sent
    os.chmod(config, 0o600)
    assert SECRET not in repr(load_config())
    assert main(["publish", "in", "--endpoint", url + "/query", "-q", "--retries", "0"]) == 0
    expected = "Basic " + base64.b64encode(f"kenmerk:{SECRET}".encode()).decode()
    assert {r["headers"].get("Authorization") for r in rec.seen} == {expected}
    out = capsys.readouterr()
    assert SECRET not in out.out + out.err


def test_environment_wins_over_the_file_and_a_config_without_credentials_may_be_public(workdir, recorder,
                                                                                     monkeypatch):
    url, rec = recorder
    os.chmod(workdir / "kenmerk.toml", 0o644)
    load_config()  # no credentials in it: readable by all is fine
    monkeypatch.setenv("KENMERK_TOKEN", SECRET)
    write_notes(workdir / "in", [make_note(1)])
    assert main(["publish", "in", "--endpoint", url + "/query", "-q"]) == 0
    assert {r["headers"].get("Authorization") for r in rec.seen} == {f"Bearer {SECRET}"}


def test_no_credential_options_on_the_command_line(capsys):
    for command in ("publish", "query", "catalog"):
        with pytest.raises(SystemExit):
            main([command, "--help"])
        text = capsys.readouterr().out.lower()
        assert "--password" not in text and "--token" not in text and "--user" not in text


def test_password_never_printed_by_publish_or_query(workdir, oxigraph_server, monkeypatch, capsys):
    """Against the real server, with KENMERK_PASSWORD set: success, refusals and unreachable endpoints."""
    monkeypatch.setenv("KENMERK_USER", "kenmerk")
    monkeypatch.setenv("KENMERK_PASSWORD", SECRET)
    write_notes(workdir / "in", [make_note(1), make_note(2)])
    runs = [
        (["publish", "in", "--endpoint", oxigraph_server.query_url], 0),
        (["query", "--endpoint", oxigraph_server.query_url, "SELECT * WHERE { ?s ?p ?o } LIMIT 1"], 0),
        (["query", "--endpoint", oxigraph_server.query_url, "SELECT * WHERE { broken"], None),
        (["publish", "in", "--endpoint", oxigraph_server.query_url, "--gsp", oxigraph_server.base + "/nowhere"], 1),
        (["publish", "in", "--endpoint", "http://127.0.0.1:9/query", "--retries", "0", "--timeout", "2"], 1),
        (["query", "--endpoint", "http://127.0.0.1:9/query", "--timeout", "2", "ASK {}"], None),
    ]
    for argv, code in runs:
        result = main(argv)
        out = capsys.readouterr()
        if code is not None:
            assert result == code, (argv, out.err)
        assert SECRET not in out.out and SECRET not in out.err, argv
        assert base64.b64encode(f"kenmerk:{SECRET}".encode()).decode() not in out.out + out.err


# -- TLS, timeouts, retries ------------------------------------------------------------------------


def test_tls_is_verified_unless_insecure_which_warns(workdir, recorder, capsys):
    url, _ = recorder
    assert GraphStoreClient(url + "/store").session.verify is True
    write_notes(workdir / "in", [make_note(1)])
    assert main(["publish", "in", "--endpoint", url + "/query", "--insecure", "-q"]) == 0
    assert "--insecure: TLS certificates are not verified" in capsys.readouterr().err


def test_every_request_has_a_timeout(workdir, oxigraph_server, recorder, monkeypatch, capsys):
    seen: list[object] = []
    original = requests.Session.request

    def request(self, method, url, **kwargs):
        seen.append((method, kwargs.get("timeout")))
        return original(self, method, url, **kwargs)

    monkeypatch.setattr(requests.Session, "request", request)
    write_notes(workdir / "in", [make_note(1)])
    assert main(["publish", "in", "--endpoint", oxigraph_server.query_url, "-q"]) == 0
    assert main(["query", "--endpoint", oxigraph_server.query_url, "ASK {}"]) == 0
    assert main(["catalog", "--endpoint", oxigraph_server.query_url]) in (0, 1)
    from kenmerk.output.inputs import fetch_url

    url, _ = recorder
    fetch_url(url + "/nota.txt")
    capsys.readouterr()
    assert {m for m, _ in seen} >= {"PUT", "POST", "GET"}
    assert all(t is not None for _, t in seen), seen


def test_put_is_retried_a_posted_query_is_not(recorder):
    url, rec = recorder
    rec.status = 503
    client = GraphStoreClient(url + "/store", url + "/query", retry=RetryPolicy(attempts=3, backoff=0.01),
                              timeouts=Timeouts(connect=2, read=5))
    with pytest.raises(KenmerkError):
        client.put_graph(BASE + "g", b"")
    assert [r["method"] for r in rec.seen] == ["PUT"] * 3
    rec.seen.clear()
    with pytest.raises(KenmerkError):
        client.query("ASK {}")
    assert [r["method"] for r in rec.seen] == ["POST"]


# -- text from documents never changes a query -------------------------------------------------------

HOSTILE_TITLES = [
    '"} ; DROP ALL ; #',
    "a > b <c> \\ ^ ` { | }",
    "regel 1\nregel 2\r\n\"\"\"drie\"\"\"",
    "'} ; CLEAR ALL ; INSERT DATA { <x:a> <x:b> <x:c> } #",
]


def test_hostile_titles_and_kenmerken_round_trip_through_the_server(workdir, oxigraph_server, capsys):
    notes = [make_note(10 + i, title=t, kenmerk=f"K {i} {t}") for i, t in enumerate(HOSTILE_TITLES)]
    write_notes(workdir / "in", notes)
    assert main(["publish", "in", "--endpoint", oxigraph_server.query_url, "-q"]) == 0
    capsys.readouterr()
    graphs = oxigraph_server.count()
    for i, title in enumerate(HOSTILE_TITLES):
        kenmerk = f"K {i} {title}"
        assert main(["query", "--endpoint", oxigraph_server.query_url, "--example", "notes-by-kenmerk",
                     "--param", f"kenmerk={kenmerk}", "--format", "json"]) == 0
        rows = json.loads(capsys.readouterr().out)["results"]["bindings"]
        assert [r["title"]["value"] for r in rows] == [title]
        assert main(["query", "--endpoint", oxigraph_server.query_url, "--format", "json",
                     "SELECT ?n WHERE { GRAPH ?g { ?n <https://w3id.org/kenmerk/def#kenmerk> ?k } }",
                     "--param", f"k={kenmerk}"]) == 0
        bound = json.loads(capsys.readouterr().out)["results"]["bindings"]
        assert len(bound) == 1 and " " not in bound[0]["n"]["value"]  # the kenmerk's spaces are slugged
    assert oxigraph_server.count() == graphs  # nothing was dropped, cleared or inserted


def test_iris_with_spaces_are_refused_with_a_clear_error(workdir, oxigraph_server, capsys):
    write_notes(workdir / "in", [make_note(1)])
    for base in ("https://data.example.nl/my notes/", "https://data.example.nl/> } ; DROP ALL ; #"):
        assert main(["publish", "in", "--endpoint", oxigraph_server.query_url, "--base", base, "-q"]) == 2
        err = capsys.readouterr().err
        assert len(err.splitlines()) == 1 and "is not a valid IRI" in err, err
        assert main(["extract", str(workdir / "in" / "note-01.json"), "--format", "turtle", "--base", base]) in (1, 2)
        capsys.readouterr()
    assert main(["query", "--endpoint", oxigraph_server.query_url, "SELECT * WHERE { ?s ?p ?o }",
                 "--param", "s=<https://data.example.nl/a b>"]) == 2
    assert "not a valid IRI" in capsys.readouterr().err
    assert oxigraph_server.count() == 0
