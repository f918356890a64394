"""`publish --out DIR --per-note` files at the IRI paths, served by a real nginx and a real Apache.

The nginx and Apache rules are the ones `output/PUBLISHING.md` documents (read from it), run on
127.0.0.1 over a published folder; every answer is compared with `kenmerk serve`'s for the same IRI.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest
import requests
from linked_helpers import start_serve
from publish_helpers import BASE, REPO_ROOT, free_port, write_notes

from kenmerk.output.cli import main
from kenmerk.output.graph import kenmerk_group_iri, note_iri
from kenmerk.output.layout import iri_path

PUBLISHING = REPO_ROOT / "output" / "PUBLISHING.md"
ACCEPTS = {  # what a client sends → the media type it gets
    "text/turtle": "text/turtle",
    "application/ld+json": "application/ld+json",
    "application/n-triples": "application/n-triples",
    "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8": "text/html",
}


def snippet(language: str) -> str:
    """The fenced ```language block of PUBLISHING.md."""
    found = re.findall(rf"```{language}\n(.*?)```", PUBLISHING.read_text(encoding="utf-8"), re.S)
    assert len(found) == 1, f"one ```{language} block in {PUBLISHING}"
    return found[0]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The linked tests' notes published to a store and, with --per-note, to a folder a web server may read."""
    from linked_helpers import DOCS, letter_with_attachment, six_notes

    work = tmp_path_factory.mktemp("static")
    notes = six_notes() + list(letter_with_attachment())
    write_notes(work / "in", notes)
    root = Path(tempfile.mkdtemp(prefix="kenmerk-site-"))  # under /tmp, readable by the server's user
    root.chmod(0o755)
    config = work / "kenmerk.toml"
    config.write_text(f'[publish]\nbase = "{BASE}"\npublisher = "mnre1090"\nlicence = "cc0"\n'
                      f'contact_email = "open-data@example.nl"\ndownload_url = "https://data.example.nl/downloads/"\n'
                      f'download_base = "{DOCS}"\n', encoding="utf-8")
    args = ["publish", str(work / "in"), "--config", str(config), "-q"]
    assert main([*args, "--out", str(root / "out"), "--per-note"]) == 0
    assert main([*args, "--store", str(work / "store")]) == 0
    served = start_serve(work / "store")
    try:
        yield root, notes, served
    finally:
        served.stop()
        shutil.rmtree(root)


def wait_for(url: str, process: subprocess.Popen, log: Path) -> None:
    """Poll until the server answers (no fixed sleep); fail with its log when it exits."""
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the web server exited with {process.returncode}: {log.read_text(errors='replace')[-2000:]}")
        try:
            requests.get(url, timeout=1)
            return
        except requests.ConnectionError:
            time.sleep(0.05)
    pytest.fail("the web server did not answer in 30 s")


def start_nginx(docroot: Path, work: Path) -> tuple[subprocess.Popen, str]:
    nginx = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").is_file() else None)
    if nginx is None:
        pytest.skip("nginx is not installed (scripts/test installs Debian's nginx)")
    http_part, server_part = snippet("nginx").replace("/srv/kenmerk", str(docroot)).split("# server { … }")
    port = free_port()
    temp = " ".join(f"{kind}_temp_path {work}/{kind};" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    (work / "nginx.conf").write_text(
        f"daemon off;\nmaster_process off;\nworker_processes 1;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
        f"events {{ worker_connections 64; }}\nhttp {{\naccess_log off;\n{temp}\n{http_part}\n"
        f"server {{\nlisten 127.0.0.1:{port};\n# server {server_part}\n}}\n}}\n", encoding="utf-8")
    process = subprocess.Popen([nginx, "-e", str(work / "error.log"), "-p", str(work), "-c", str(work / "nginx.conf")],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    return process, f"http://127.0.0.1:{port}"


def start_apache(docroot: Path, work: Path) -> tuple[subprocess.Popen, str]:
    apache = shutil.which("apache2") or ("/usr/sbin/apache2" if Path("/usr/sbin/apache2").is_file() else None)
    modules = Path("/usr/lib/apache2/modules")
    if apache is None or not modules.is_dir():
        pytest.skip("Apache httpd is not installed (scripts/test installs Debian's apache2)")
    port = free_port()
    loads = "\n".join(f"LoadModule {m}_module {modules}/mod_{m}.so" for m in ("mpm_event", "authz_core", "mime",
                                                                             "rewrite", "headers"))
    (work / "httpd.conf").write_text(
        f"{loads}\nServerName 127.0.0.1\nTypesConfig /dev/null\nListen 127.0.0.1:{port}\n"
        f"PidFile {work}/httpd.pid\nErrorLog {work}/error.log\nUser nobody\nGroup nogroup\n"
        f"<VirtualHost 127.0.0.1:{port}>\n{snippet('apache').replace('/srv/kenmerk', str(docroot))}\n</VirtualHost>\n",
        encoding="utf-8")
    process = subprocess.Popen([apache, "-d", str(work), "-f", str(work / "httpd.conf"), "-DFOREGROUND"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    return process, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module", params=["nginx", "apache"])
def web_server(request, site):
    root, _, _ = site
    work = root / request.param
    work.mkdir()
    process, url = (start_nginx if request.param == "nginx" else start_apache)(root / "out", work)
    try:
        wait_for(url + "/", process, work / "error.log")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


def get(url: str, accept: str | None) -> requests.Response:
    return requests.get(url, headers={"Accept": accept} if accept is not None else {}, timeout=20)


def test_files_follow_the_iri_paths(site):
    root, notes, _ = site
    for note in notes:
        path = iri_path(str(note_iri(note, BASE)), BASE)
        assert path.parts[:2] == ("id", "note")
        for suffix in (".ttl", ".jsonld", ".nt", ".html"):
            assert (root / "out" / f"{path}{suffix}").is_file(), f"{path}{suffix}"
    group = iri_path(str(kenmerk_group_iri(notes[0].kenmerk, BASE)), BASE)
    assert (root / "out" / f"{group}.ttl").is_file()  # shared resources minted under the base too
    assert not (root / "out" / "notes").exists()


def test_the_documented_rules_serve_every_format_as_kenmerk_serve_does(site, web_server):
    """Each note IRI: the bytes and media type `kenmerk serve` answers, by Accept; direct suffixes; 406; 404."""
    _, notes, served = site
    for note in notes:
        iri = str(note_iri(note, BASE))
        path = iri[len("https://data.example.nl"):]
        for accept, media in ACCEPTS.items():
            static, live = get(web_server + path, accept), get(served.url + path, accept)
            assert (static.status_code, live.status_code) == (200, 200), (path, accept)
            assert static.headers["content-type"].split(";")[0] == media == live.headers["content-type"].split(";")[0]
            assert "utf-8" in static.headers["content-type"].lower()
            assert static.content == live.content, (path, accept)
            assert "Accept" in static.headers.get("vary", "")
        assert get(web_server + path, None).headers["content-type"].startswith("text/html")  # no Accept: a page
        direct = get(web_server + path + ".ttl", "text/html")
        assert direct.status_code == 200 and direct.headers["content-type"].startswith("text/turtle")
    first = str(note_iri(notes[0], BASE))[len("https://data.example.nl"):]
    assert get(web_server + first, "application/pdf").status_code == 406
    assert get(served.url + first, "application/pdf").status_code == 406
    unknown = "/id/note/mnre1090/2099-1/2099-01-01/0000000000000000"
    assert get(web_server + unknown, "text/turtle").status_code == 404
