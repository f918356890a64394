"""Fixtures of the review-report tests: reports written once, and a headless Chromium.

The browser is Debian's `chromium` (scripts/test installs it with apt-get), driven by
Playwright for Python with `executable_path`; Playwright's own browser downloads are
never used. Without either, the browser tests skip and say why.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from pathlib import Path

import pytest

from kenmerk.extract import (
    Attachment,
    BBox,
    DatedEvent,
    DateRole,
    DocumentType,
    Evidence,
    Note,
    RecommendedDecision,
    Source,
    WooGround,
)

REPO_ROOT = Path(__file__).resolve().parent.parent.parent
SAMPLES = REPO_ROOT / "tests" / "samples"
BESLISNOTA_PDF = SAMPLES / "beslisnota-twee-paginas.pdf"
BESLISNOTA_MD = SAMPLES / "beslisnota-opvang-oekraine-2025.md"
ARTIFACTS = REPO_ROOT / "test-artifacts"

CHROMIUM = (os.environ.get("KENMERK_CHROMIUM")
            or ("/usr/bin/chromium" if os.path.exists("/usr/bin/chromium") else shutil.which("chromium"))
            or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORT = {"width": 1280, "height": 900}


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def hand_note(name: str = "nota.pdf", **changes) -> Note:
    """A small hand-made note (no extraction), PDF-like with boxes unless changed."""
    ev = lambda text, y: Evidence(page=1, bbox=BBox(x0=100, y0=y, x1=300, y1=y + 10), text=text)  # noqa: E731
    values = dict(
        extractor="0.1.0",
        document_type=DocumentType.beslisnota,
        title="Een nota",
        kenmerk="ABC/123",
        date=dt.date(2024, 3, 1),
        dates=[DatedEvent(role=DateRole.deadline, label="Beslistermijn", date=dt.date(2024, 3, 8),
                          text="8 maart 2024", evidence=ev("Beslistermijn 8 maart 2024", 600))],
        addressee="Minister",
        recommended_decision=RecommendedDecision(text="Akkoord gaan.", evidence=ev("Akkoord gaan.", 500)),
        attachments=[Attachment(title="Bijlage een", number=1, evidence=ev("Bijlage een", 400))],
        woo_grounds=[WooGround(code="5.1.2e", law="Woo", pages=[1], evidence=ev("5.1.2e", 300))],
        source=Source(file_name=name, sha256=sha(name), media_type="application/pdf", size=100, page_count=1),
        evidence={"title": ev("Onderwerp Een nota", 700), "kenmerk": ev("Ons kenmerk ABC/123", 720),
                  "date": ev("Datum 1 maart 2024", 740), "addressee": ev("Aan Minister", 680)},
    )
    values.update(changes)
    return Note(**values)


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture(scope="session")
def fixture_report(tmp_path_factory, fixtures_dir) -> Path:
    """`kenmerk review` of the sample beslisnota, the generated fixtures and the Markdown sample."""
    from kenmerk.output.cli import main

    src = tmp_path_factory.mktemp("review-inputs")
    shutil.copy(BESLISNOTA_PDF, src / BESLISNOTA_PDF.name)
    shutil.copy(BESLISNOTA_MD, src / BESLISNOTA_MD.name)
    for pdf in ("beslisnota-twee-paginas.pdf", "brief-adresblok.pdf"):
        shutil.copy(fixtures_dir / pdf, src / f"fixture-{pdf}")
    out = tmp_path_factory.mktemp("review-report")
    assert main(["review", str(src), "-o", str(out), "-q", "--lang", "nl"]) == 0
    return out


@pytest.fixture(scope="session")
def browser():
    """A headless Debian Chromium driven by Playwright (skips with the reason when unavailable)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("Playwright for Python is not installed (pip install -e '.[test]')")
    if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
        pytest.skip(f"no Chromium at {CHROMIUM}: scripts/test installs Debian's chromium with apt-get "
                    "(or set KENMERK_CHROMIUM)")
    import tempfile

    profile = tempfile.mkdtemp(prefix="kenmerk-chromium-")
    manager = sync_playwright().start()
    try:
        context = manager.chromium.launch_persistent_context(
            profile, executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS, viewport=VIEWPORT)
    except Exception as exc:  # noqa: BLE001
        manager.stop()
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"Chromium at {CHROMIUM} could not be started by Playwright: {exc}")
    try:
        yield context
    finally:
        context.close()
        manager.stop()
        shutil.rmtree(profile, ignore_errors=True)


class Opened:
    """A page opened from a file:// URL, with what went wrong while loading it."""

    def __init__(self, context, path: Path) -> None:
        self.page = context.new_page()
        self.errors: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("requestfailed", lambda r: self.errors.append(f"request failed: {r.url}"))
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.goto(path.resolve().as_uri())
        self.page.wait_for_load_state("load")

    def external_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file:", "data:"))]

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def open_page(browser):
    opened: list[Opened] = []

    def _open(path: Path) -> Opened:
        o = Opened(browser, path)
        opened.append(o)
        return o

    yield _open
    for o in opened:
        o.close()


@pytest.fixture
def make_note():
    """`make_note(name, **changes)`: a hand-made note (see `hand_note`)."""
    return hand_note
