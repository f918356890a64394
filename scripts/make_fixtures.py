#!/usr/bin/env python3
"""Generate fixture documents (and their gold files) in the layout of Dutch ministry notes.

    python scripts/make_fixtures.py OUTDIR      # all fixtures + NAME.gold.json into OUTDIR
    python scripts/make_fixtures.py --samples   # tests/samples/*.pdf for ./scripts/demo
    python scripts/make_fixtures.py --conventions OUTDIR   # the documents of tests/conventions/*.toml

Also importable: `make_fixtures(outdir) -> list[Path]`,
`make_convention_fixtures(outdir) -> list[Path]`.

The PDFs are drawn with reportlab at fixed positions that copy real notes: a
narrow colofon column on the right (x ≈ 466 pt, 7 pt type, each label on its own
line with the value below it), a body column at x ≈ 79 pt (9.5 pt type), "Aan"
and "Van" rows with the value at x ≈ 190 pt, numbered bold section headings, a
colofon repeated on later pages and a "Pagina N van M" footer. Every value the
tests check is planted from the `BESLISNOTA` / `BRIEF` specs below, and the gold
files are written from the same specs, so the truth is never typed twice.
`invariant=1` makes every run byte-identical.

Fixture c, `beslisnota-scan.pdf`, is image-only (the note rendered to a picture,
a black redaction box stamped "5.1.2e" in white): it can only be read by OCR.
It is written by `make_image_fixtures(outdir)` (and by the command line).

The convention fixtures are made-up documents in the layouts of Dutch government
documents the corpus hardly has (header tables, letters from anyone, moties,
persberichten, statenvoorstellen, e-mails, …): each is a data file in
`tests/conventions/` (its gold values and its placed text, see `ConventionSpec`),
drawn by one data-driven renderer, so a new fixture needs no drawing code.

Bad inputs (no gold): empty.pdf, random-bytes.pdf, truncated.pdf, encrypted.pdf,
not-a-pdf.pdf, unknown-encoding.txt; and windows-1252.txt, a valid text note in
Windows-1252 that must extract.
"""
from __future__ import annotations

import argparse
import datetime as dt
import functools
import io
import json
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal, Union, get_args

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas

REPO_ROOT = Path(__file__).resolve().parent.parent
SAMPLES_DIR = REPO_ROOT / "tests" / "samples"

# --- page geometry (PDF points, origin bottom-left), copied from IenW/Rijksoverheid notes
PAGE_W, PAGE_H = A4
COLOFON_X = 466.2
COLOFON_W = PAGE_W - COLOFON_X - 14  # the column runs almost to the page edge
COLOFON_SIZE = 7.0
COLOFON_LEAD = 9.0
COLOFON_TOP = 760.0
BODY_X = 79.0
BODY_W = 360.0  # up to x ≈ 439, clear of the colofon
BODY_SIZE = 9.5
BODY_LEAD = 13.5
BODY_BOTTOM = 80.0
VALUE_X = 190.0  # value column of the "Aan"/"Van" rows and the title
BULLET_X, BULLET_TEXT_X = 97.0, 115.0
FOOTER_Y = 36.0
REGULAR, BOLD = "Helvetica", "Helvetica-Bold"

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december"]

USER_PASSWORD = "geheim"


def dutch_date(day: dt.date) -> str:
    """'9 januari 2025'."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# --- the planted values ------------------------------------------------------------

@dataclass(frozen=True)
class Beslisnota:
    name: str
    units: tuple[str, ...]
    stamp: str
    date: dt.date
    kenmerk: str
    uw_kenmerk: str
    deadline: dt.date
    addressee: str
    sender: str
    title: str
    aanleiding: tuple[str, ...]
    decision: str
    kernpunten_intro: str
    kernpunten: tuple[str, ...]
    toelichting: tuple[str, ...]
    redaction_before: str
    redaction_after: str
    redaction_code: str
    niet_openbaar: str
    niet_openbaar_grounds: tuple[str, ...]
    attachments: tuple[str, ...]

    def gold(self) -> dict:
        grounds = sorted({self.redaction_code, *self.niet_openbaar_grounds})
        return {
            "document_type": "beslisnota",
            "title": self.title,
            "kenmerk": self.kenmerk,
            "date": self.date.isoformat(),
            "addressee": self.addressee,
            "recommended_decision": {"text": self.decision},
            "attachments": [{"title": t} for t in self.attachments],
            "woo_grounds": grounds,
        }


@dataclass(frozen=True)
class Brief:
    name: str
    return_address: str
    address_block: tuple[str, ...]  # first line is the addressee
    units: tuple[str, ...]
    kenmerk: str
    date: dt.date
    subject: str
    salutation: str
    paragraphs: tuple[str, ...]
    attachment: str
    attachment_sentence: str
    closing: tuple[str, ...]

    @property
    def addressee(self) -> str:
        return self.address_block[0]

    def gold(self) -> dict:
        return {
            "document_type": "brief",
            "title": self.subject,
            "kenmerk": self.kenmerk,
            "date": self.date.isoformat(),
            "addressee": self.addressee,
            "recommended_decision": None,
            "attachments": [{"title": self.attachment}],
            "woo_grounds": [],
        }


BESLISNOTA = Beslisnota(
    name="beslisnota-twee-paginas",
    units=("Directoraat-generaal Milieu en Internationaal", "Directie Duurzaamheid"),
    stamp="TER BESLISSING",
    date=dt.date(2025, 1, 9),
    kenmerk="IENW/BSK-2025/12345",
    uw_kenmerk="2024-0099",
    deadline=dt.date(2025, 1, 16),
    addressee="Minister van Infrastructuur en Waterstaat",
    sender="DGMI",
    title="Kamerbrief over het programma schone lucht",
    aanleiding=(
        "U heeft de Tweede Kamer toegezegd voor het einde van het jaar een programma voor "
        "schone lucht aan te bieden. Met deze nota legt de directie u de Kamerbrief en het "
        "programmaplan voor.",
    ),
    decision="U wordt geadviseerd de Kamerbrief over het programma schone lucht te ondertekenen "
             "en met het programmaplan aan de Tweede Kamer te sturen.",
    kernpunten_intro="Het programma richt zich op drie opgaven:",
    kernpunten=(
        "Het verder terugdringen van de uitstoot van fijnstof en stikstofdioxide in steden.",
        "Het ondersteunen van gemeenten bij het invoeren van milieuzones.",
        "Het beter meten en openbaar maken van de luchtkwaliteit.",
    ),
    toelichting=(
        "Het programma schone lucht bouwt voort op het Schone Lucht Akkoord dat in 2020 met "
        "provincies en gemeenten is gesloten. De partijen in het akkoord hebben afgesproken de "
        "gezondheidsschade door luchtverontreiniging in 2030 met de helft terug te brengen ten "
        "opzichte van 2016. De tussentijdse evaluatie laat zien dat de meeste maatregelen op "
        "schema liggen, maar dat de uitstoot van houtstook en van mobiele werktuigen minder daalt "
        "dan verwacht.",
        "In de Kamerbrief schetst u hoe het kabinet de resterende opgave wil aanpakken. Het "
        "zwaartepunt ligt bij de grote steden, waar de concentraties het hoogst zijn en de meeste "
        "mensen wonen. Gemeenten krijgen ruimte om zelf maatregelen te kiezen, zoals zero-emissiezones "
        "voor stadslogistiek, en het Rijk ondersteunt hen met kennis en met een bijdrage in de "
        "kosten van de uitvoering.",
        "Het meetnet van het RIVM wordt uitgebreid met sensoren in woonwijken, zodat bewoners de "
        "luchtkwaliteit in hun eigen straat kunnen volgen. De gegevens worden als open data "
        "gepubliceerd. Daarnaast wordt onderzocht of de normen voor fijnstof kunnen worden "
        "aangescherpt in lijn met de advieswaarden van de Wereldgezondheidsorganisatie.",
        "Financieel past het programma binnen de bestaande begroting. Voor de bijdrage aan "
        "gemeenten is in de jaren 2025 tot en met 2030 in totaal 120 miljoen euro gereserveerd. "
        "Over de verdeling van dit bedrag is overleg gevoerd met de VNG en het IPO; beide "
        "organisaties steunen de voorgestelde verdeelsleutel. Er zijn geen juridische "
        "belemmeringen voor de voorgestelde maatregelen.",
        "Over de communicatie is afstemming geweest met de directie Communicatie. De Kamerbrief "
        "wordt na verzending op rijksoverheid.nl gepubliceerd, samen met een vraag-en-antwoordlijst "
        "voor gemeenten. Het programmaplan wordt in het voorjaar toegelicht in een bijeenkomst met "
        "provincies, gemeenten en maatschappelijke organisaties.",
    ),
    redaction_before="Het programmaplan is op 5 december 2024 besproken met",
    redaction_after="van het RIVM.",
    redaction_code="5.1.2e",
    niet_openbaar="De persoonsgegevens van de ambtenaren zijn niet openbaar ter bescherming van de "
                  "persoonlijke levenssfeer.",
    niet_openbaar_grounds=("5.1.2e",),  # what the wording names unambiguously (ANNOTATION.md)
    attachments=("Aanbiedingsbrief aan de Tweede Kamer", "Programmaplan schone lucht 2025-2030"),
)

BRIEF = Brief(
    name="brief-adresblok",
    return_address="> Retouradres Postbus 20901 2500 EX Den Haag",
    address_block=("Gemeente Utrecht", "T.a.v. het college van burgemeester en wethouders",
                   "Postbus 16200", "3500 CE Utrecht"),
    units=("Directoraat-generaal Milieu en Internationaal", "Directie Duurzaamheid"),
    kenmerk="IENW/BSK-2024/777",
    date=dt.date(2024, 2, 3),
    subject="Luchtkwaliteit in de Utrechtse binnenstad",
    salutation="Geacht college,",
    paragraphs=(
        "In uw brief van 12 januari 2024 vraagt u om steun bij het verbeteren van de "
        "luchtkwaliteit in de binnenstad van Utrecht. Graag ga ik op uw verzoek in.",
        "De metingen van het afgelopen jaar laten zien dat de concentratie stikstofdioxide langs "
        "de drukste straten van de binnenstad nog boven de advieswaarden ligt. Ik ben bereid de "
        "gemeente te ondersteunen bij het uitbreiden van de milieuzone en bij het meten van de "
        "effecten daarvan.",
    ),
    attachment="Luchtkwaliteit in steden 2023",
    attachment_sentence="Als bijlage stuur ik u het rapport Luchtkwaliteit in steden 2023.",
    closing=("Hoogachtend,", "De directeur Duurzaamheid,"),
)

# --- a tiny page composer: ops per page, then draw --------------------------------


@dataclass
class _Page:
    ops: list[tuple] = field(default_factory=list)


def _wrap(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and stringWidth(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


class _Composer:
    """Flows body lines down the body column, starting a new page at the bottom margin."""

    def __init__(self, first_top: float, next_top: float) -> None:
        self.pages: list[_Page] = [_Page()]
        self.y = first_top
        self.next_top = next_top

    @property
    def page(self) -> _Page:
        return self.pages[-1]

    def _room(self, lines: int = 1) -> None:
        if self.y - (lines - 1) * BODY_LEAD < BODY_BOTTOM:
            self.pages.append(_Page())
            self.y = self.next_top

    def text(self, x: float, text: str, font: str = REGULAR, size: float = BODY_SIZE) -> None:
        self._room()
        self.page.ops.append(("text", x, self.y, font, size, text))
        self.y -= BODY_LEAD

    def paragraph(self, text: str, x: float = BODY_X, width: float = BODY_W) -> None:
        for line in _wrap(text, REGULAR, BODY_SIZE, width):
            self.text(x, line)

    def heading(self, text: str) -> None:
        self.gap()
        self._room(3)  # keep a heading with at least two lines of its text
        self.text(BODY_X, text, BOLD)

    def gap(self, lines: float = 1.0) -> None:
        if self.y != self.next_top or len(self.pages) == 1:
            self.y -= BODY_LEAD * lines

    def bullet(self, text: str) -> None:
        lines = _wrap(text, REGULAR, BODY_SIZE, BODY_W - (BULLET_TEXT_X - BODY_X))
        self._room()
        self.page.ops.append(("text", BULLET_X, self.y, REGULAR, BODY_SIZE, "-"))
        for line in lines:
            self.text(BULLET_TEXT_X, line)

    def redacted_line(self, before: str, code: str, after: str, box_w: float = 92.0) -> None:
        """A body line with a black redaction box in it, its ground code stamped in white."""
        self._room()
        y = self.y
        x = BODY_X
        self.page.ops.append(("text", x, y, REGULAR, BODY_SIZE, before))
        x += stringWidth(before + " ", REGULAR, BODY_SIZE)
        self.page.ops.append(("box", x, y - 2.5, box_w, BODY_SIZE + 2.0))
        code_w = stringWidth(code, BOLD, 8.0)
        self.page.ops.append(("white", x + (box_w - code_w) / 2, y, BOLD, 8.0, code))
        x += box_w + stringWidth(" ", REGULAR, BODY_SIZE)
        self.page.ops.append(("text", x, y, REGULAR, BODY_SIZE, after))
        self.y -= BODY_LEAD


def _colofon_ops(blocks: list[list[tuple[str, str]]], top: float = COLOFON_TOP) -> list[tuple]:
    """Colofon blocks: each a list of (font, text) lines, a blank line between blocks."""
    ops = []
    y = top
    for block in blocks:
        for font, text in block:
            for line in _wrap(text, font, COLOFON_SIZE, COLOFON_W):
                ops.append(("text", COLOFON_X, y, font, COLOFON_SIZE, line))
                y -= COLOFON_LEAD
        y -= COLOFON_LEAD * 0.5
    return ops


def _label(label: str, value: str) -> list[tuple[str, str]]:
    return [(BOLD, label), (REGULAR, value)]


def _render(pages: list[_Page], encrypt: StandardEncryption | None = None, title: str = "") -> bytes:
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, encrypt=encrypt, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("kenmerk fixtures")
    c.setCreator("kenmerk scripts/make_fixtures.py")
    for page in pages:
        for op in page.ops:
            kind = op[0]
            if kind in ("text", "white"):
                _, x, y, font, size, text = op
                c.setFillGray(1 if kind == "white" else 0)
                c.setFont(font, size)
                c.drawString(x, y, text)
            elif kind == "box":
                _, x, y, w, h = op
                c.setFillGray(0)
                c.rect(x, y, w, h, stroke=0, fill=1)
            elif kind == "rule":
                _, x0, y, x1, width = op
                c.setLineWidth(width)
                c.line(x0, y, x1, y)
        c.setFillGray(0)
        c.showPage()
    c.save()
    return buf.getvalue()


# --- fixture a: a two-page beslisnota --------------------------------------------


def beslisnota_pages(spec: Beslisnota = BESLISNOTA) -> list[_Page]:
    unit_block = [(REGULAR, u) for u in spec.units]
    first_colofon = [
        unit_block,
        [(BOLD, spec.stamp)],
        _label("Datum", dutch_date(spec.date)),
        _label("Onze referentie", spec.kenmerk),
        _label("Uw kenmerk", spec.uw_kenmerk),
        _label("Beslistermijn", dutch_date(spec.deadline)),
        _label("Bijlage(n)", str(len(spec.attachments))),
    ]
    next_colofon = [unit_block, _label("Datum", dutch_date(spec.date)), _label("Onze referentie", spec.kenmerk)]

    body = _Composer(first_top=650.0, next_top=COLOFON_TOP)
    for label, value in (("Aan", spec.addressee), ("Van", spec.sender)):
        body.page.ops.append(("text", BODY_X, body.y, REGULAR, BODY_SIZE, label))
        body.text(VALUE_X, value)
    body.gap()
    body.text(VALUE_X, spec.title, BOLD)
    body.heading("1. Aanleiding")
    for p in spec.aanleiding:
        body.paragraph(p)
    body.heading("2. Geadviseerd besluit")
    body.paragraph(spec.decision)
    body.heading("3. Kernpunten")
    body.paragraph(spec.kernpunten_intro)
    for item in spec.kernpunten:
        body.bullet(item)
    body.heading("4. Toelichting")
    for i, p in enumerate(spec.toelichting):
        if i:
            body.gap(0.5)
        body.paragraph(p)
        if i == 1:
            body.gap(0.5)
            body.redacted_line(spec.redaction_before, spec.redaction_code, spec.redaction_after)
    body.heading("5. Informatie die niet openbaar gemaakt kan worden")
    body.paragraph(spec.niet_openbaar)
    body.heading("Bijlagen")
    for n, title in enumerate(spec.attachments, 1):
        body.text(BODY_X, f"{n}. {title}")

    total = len(body.pages)
    for number, page in enumerate(body.pages, 1):
        page.ops[:0] = _colofon_ops(first_colofon if number == 1 else next_colofon)
        page.ops.append(("text", COLOFON_X, FOOTER_Y, REGULAR, COLOFON_SIZE, f"Pagina {number} van {total}"))
    return body.pages


def beslisnota_pdf(spec: Beslisnota = BESLISNOTA, encrypt: StandardEncryption | None = None) -> bytes:
    pages = beslisnota_pages(spec)
    if len(pages) != 2:  # the tests rely on the colofon repeating on page 2
        raise AssertionError(f"{spec.name}: expected 2 pages, laid out {len(pages)}")
    return _render(pages, encrypt=encrypt, title=spec.title)


# --- fixture b: a one-page letter ------------------------------------------------


def brief_pages(spec: Brief = BRIEF) -> list[_Page]:
    colofon = [
        [(BOLD, spec.units[0])] + [(REGULAR, u) for u in spec.units[1:]],
        _label("Ons kenmerk", spec.kenmerk),
        _label("Datum", dutch_date(spec.date)),
        _label("Bijlage(n)", "1"),
    ]
    body = _Composer(first_top=700.0, next_top=COLOFON_TOP)
    body.page.ops.append(("text", BODY_X, body.y, REGULAR, 6.5, spec.return_address))
    body.y -= BODY_LEAD * 1.5
    for line in spec.address_block:
        body.text(BODY_X, line)
    body.gap(3)
    body.page.ops.append(("text", BODY_X, body.y, REGULAR, BODY_SIZE, "Betreft"))
    body.text(135.0, spec.subject)
    body.gap(2)
    body.text(BODY_X, spec.salutation)
    body.gap()
    for p in spec.paragraphs:
        body.paragraph(p)
        body.gap()
    body.paragraph(spec.attachment_sentence)
    body.gap()
    for line in spec.closing:
        body.text(BODY_X, line)
    if len(body.pages) != 1:
        raise AssertionError(f"{spec.name}: expected 1 page, laid out {len(body.pages)}")
    page = body.pages[0]
    page.ops[:0] = _colofon_ops(colofon)
    page.ops.append(("text", COLOFON_X, FOOTER_Y, REGULAR, COLOFON_SIZE, "Pagina 1 van 1"))
    return body.pages


def brief_pdf(spec: Brief = BRIEF) -> bytes:
    return _render(brief_pages(spec), title=spec.subject)


# --- bad inputs ------------------------------------------------------------------

WINDOWS_1252_NOTE = """Nota

Aan
Minister van Financiën

Datum
12 maart 2024

Ons kenmerk
2024-0001234

Onderwerp
Financiële bijdrage aan het Rijksmuseum

1. Geadviseerd besluit
U wordt geadviseerd in te stemmen met een bijdrage van € 250.000 aan de renovatie van de collectie.

2. Toelichting
De bijdrage wordt gedekt uit de begroting van 2024. Het museum draagt zelf € 75.000 bij.
"""


def unknown_encoding_bytes(n: int = 2048) -> bytes:
    """C0 control bytes mixed with high bytes: neither UTF-8 nor sensible Windows-1252 (no NULs)."""
    rng = random.Random(11)
    controls = [b for b in range(1, 32) if b not in (9, 10, 12, 13)]
    high = list(range(0x80, 0x100))
    out = bytearray(b"Nota ")
    while len(out) < n:
        out.append(rng.choice(controls if rng.random() < 0.5 else high))
    return bytes(out)


def bad_inputs(a_bytes: bytes) -> dict[str, bytes]:
    return {
        "empty.pdf": b"",
        "random-bytes.pdf": random.Random(7).randbytes(4096),
        "truncated.pdf": a_bytes[: int(len(a_bytes) * 0.4)],
        "encrypted.pdf": beslisnota_pdf(encrypt=StandardEncryption(USER_PASSWORD, ownerPassword="eigenaar", strength=128)),
        "not-a-pdf.pdf": "Dit is geen PDF maar een korte tekst in UTF-8: één nota.\n".encode("utf-8"),
        "unknown-encoding.txt": unknown_encoding_bytes(),
        "windows-1252.txt": WINDOWS_1252_NOTE.encode("cp1252"),
    }


#: the fixture names: documents with a gold file, and bad inputs without one
DOCUMENTS: dict[str, Beslisnota | Brief] = {BESLISNOTA.name: BESLISNOTA, BRIEF.name: BRIEF}
BAD_INPUTS = ("empty.pdf", "random-bytes.pdf", "truncated.pdf", "encrypted.pdf", "not-a-pdf.pdf",
              "unknown-encoding.txt")
GOOD_TEXT = ("windows-1252.txt",)


def _gold_json(gold: dict) -> bytes:
    return (json.dumps(gold, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def document_pdfs() -> dict[str, bytes]:
    """The document fixtures (a, b) as file name → PDF bytes."""
    return {f"{BESLISNOTA.name}.pdf": beslisnota_pdf(), f"{BRIEF.name}.pdf": brief_pdf()}


def make_fixtures(outdir: Path) -> list[Path]:
    """Write every fixture (and NAME.gold.json for the documents) into `outdir`; return the paths."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    files: dict[str, bytes] = {}
    docs = document_pdfs()
    for spec in DOCUMENTS.values():
        files[f"{spec.name}.pdf"] = docs[f"{spec.name}.pdf"]
        files[f"{spec.name}.gold.json"] = _gold_json(spec.gold())
    files.update(bad_inputs(docs[f"{BESLISNOTA.name}.pdf"]))
    written = []
    for name, data in files.items():
        path = outdir / name
        path.write_bytes(data)
        written.append(path)
    return written


def make_samples(samples_dir: Path = SAMPLES_DIR) -> list[Path]:
    """Write fixtures a and b (PDFs only, no gold) into tests/samples for ./scripts/demo."""
    samples_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in document_pdfs().items():
        path = samples_dir / name
        path.write_bytes(data)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", nargs="?", type=Path, help="folder to write the fixtures into")
    parser.add_argument("--samples", action="store_true", help="regenerate tests/samples/*.pdf (fixtures a and b)")
    parser.add_argument("--conventions", type=Path, metavar="OUTDIR",
                        help="write the convention fixtures of tests/conventions/*.toml (and their gold) into OUTDIR")
    args = parser.parse_args(argv)
    if not args.samples and args.outdir is None and args.conventions is None:
        parser.error("give OUTDIR, --samples or --conventions OUTDIR")
    written = []
    if args.conventions is not None:
        try:
            written += make_convention_fixtures(args.conventions)
        except SpecError as exc:
            print(exc, file=sys.stderr)
            return exc.exit_code
    if args.samples:
        written += make_samples()
    if args.outdir is not None:
        written += make_fixtures(args.outdir)
        written += make_image_fixtures(args.outdir)
        written += make_input_fixtures(args.outdir)
    for path in written:
        print(path)
    return 0



# --- fixture c: an image-only scan of a one-page beslisnota (needs OCR) ---------------
#
# The note is drawn like fixture a, rasterised with pypdfium2 (grayscale, SCAN_DPI)
# and the picture placed on an otherwise empty PDF page: no text layer at all, the
# redaction box and its white "5.1.2e" stamp are pixels too. Written by
# `make_image_fixtures` (not by `make_fixtures`, whose output the other tests pin);
# the command line writes both.

SCAN_DPI = 200


@dataclass(frozen=True)
class ScanNota:
    name: str
    units: tuple[str, ...]
    stamp: str
    date: dt.date
    kenmerk: str
    addressee: str
    sender: str
    title: str
    aanleiding: str
    decision: str
    toelichting: str
    redaction_before: str
    redaction_after: str
    redaction_code: str

    def gold(self) -> dict:
        return {
            "document_type": "beslisnota",
            "title": self.title,
            "kenmerk": self.kenmerk,
            "date": self.date.isoformat(),
            "addressee": self.addressee,
            "recommended_decision": {"text": self.decision},
            "attachments": [],
            "woo_grounds": [self.redaction_code],
        }


SCAN_NOTA = ScanNota(
    name="beslisnota-scan",
    units=("Directoraat-generaal Mobiliteit", "Directie Maritieme Zaken"),
    stamp="TER BESLISSING",
    date=dt.date(2024, 3, 14),
    kenmerk="IENW/BSK-2024/31415",
    addressee="Minister van Infrastructuur en Waterstaat",
    sender="DGMo",
    title="Subsidieregeling walstroom in binnenhavens",
    aanleiding="Gemeenten en havenbedrijven vragen om een bijdrage van het Rijk voor de aanleg van "
               "walstroom in binnenhavens. Met deze nota legt de directie u een subsidieregeling voor.",
    decision="U wordt geadviseerd in te stemmen met de subsidieregeling walstroom en deze ter "
             "publicatie in de Staatscourant aan te bieden.",
    toelichting="De regeling is afgestemd met het ministerie van Financien en met de Unie van "
                "Waterschappen. Er zijn geen juridische belemmeringen.",
    redaction_before="De regeling is op 4 maart 2024 besproken met",
    redaction_after="van de havendienst.",
    redaction_code="5.1.2e",
)


def scan_pages(spec: ScanNota = SCAN_NOTA) -> list[_Page]:
    colofon = [
        [(REGULAR, u) for u in spec.units],
        [(BOLD, spec.stamp)],
        _label("Datum", dutch_date(spec.date)),
        _label("Onze referentie", spec.kenmerk),
    ]
    body = _Composer(first_top=650.0, next_top=COLOFON_TOP)
    for label, value in (("Aan", spec.addressee), ("Van", spec.sender)):
        body.page.ops.append(("text", BODY_X, body.y, REGULAR, BODY_SIZE, label))
        body.text(VALUE_X, value)
    body.gap()
    body.text(VALUE_X, spec.title, BOLD)
    body.heading("1. Aanleiding")
    body.paragraph(spec.aanleiding)
    body.heading("2. Geadviseerd besluit")
    body.paragraph(spec.decision)
    body.heading("3. Toelichting")
    body.paragraph(spec.toelichting)
    body.redacted_line(spec.redaction_before, spec.redaction_code, spec.redaction_after)
    if len(body.pages) != 1:
        raise AssertionError(f"{spec.name}: expected 1 page, laid out {len(body.pages)}")
    page = body.pages[0]
    page.ops[:0] = _colofon_ops(colofon)
    page.ops.append(("text", COLOFON_X, FOOTER_Y, REGULAR, COLOFON_SIZE, "Pagina 1 van 1"))
    return body.pages


def rasterise(pdf: bytes, dpi: int = SCAN_DPI) -> list:
    """Every page of a PDF as a grayscale PIL image (pypdfium2)."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for i in range(len(doc)):
            page = doc[i]
            bitmap = page.render(scale=dpi / 72.0, grayscale=True)
            images.append(bitmap.to_pil().convert("L"))
            bitmap.close()
            page.close()
        return images
    finally:
        doc.close()


def image_only_pdf(images: list, title: str = "") -> bytes:
    """A PDF whose pages are only the pictures, each filling an A4 page: no text layer."""
    from reportlab.lib.utils import ImageReader

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setAuthor("kenmerk fixtures")
    c.setCreator("kenmerk scripts/make_fixtures.py (scan)")
    for image in images:
        c.drawImage(ImageReader(image), 0, 0, width=PAGE_W, height=PAGE_H)
        c.showPage()
    c.save()
    return buf.getvalue()


def scan_pdf(spec: ScanNota = SCAN_NOTA, dpi: int = SCAN_DPI) -> bytes:
    """Fixture c: the note drawn as text, rasterised, and put back as a picture."""
    return image_only_pdf(rasterise(_render(scan_pages(spec), title=spec.title), dpi), title=spec.title)


IMAGE_DOCUMENTS = {SCAN_NOTA.name: SCAN_NOTA}


def make_image_fixtures(outdir: Path) -> list[Path]:
    """Write the image-only fixtures (NAME.pdf and NAME.gold.json) into `outdir`; return the paths."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for spec in IMAGE_DOCUMENTS.values():
        for name, data in ((f"{spec.name}.pdf", scan_pdf(spec)), (f"{spec.name}.gold.json", _gold_json(spec.gold()))):
            path = outdir / name
            path.write_bytes(data)
            written.append(path)
    return written


# --- convention fixtures: documents drawn from data files ---------------------------------
#
# Each file `tests/conventions/NAME.toml` describes one made-up document in a layout of
# Dutch government documents the corpus hardly has, and its gold: the `[gold]` table holds
# the truth, the text of the document refers to it (`{title}`, `{kenmerk}`, `{date:%e %B %Y}`,
# `{attachments[0]}`), so every value is typed once. `ConventionSpec` below is the format;
# `make_convention_fixtures(outdir)` writes NAME.pdf (or NAME.txt) and NAME.gold.json.
#
# A PDF is a list of `blocks`, drawn in order. A block with `y` is placed there, on the page
# the flow has reached, and leaves the flow alone; a block without `y` flows down the body
# column from the cursor (`at` moves the cursor first, `gap` adds lines of space, `keep` keeps
# that many lines together, `new_page` starts a page) and breaks onto the next page at the
# bottom margin. `every_page` blocks are placed on all pages (or the rest after page 1) once
# the page count is known; their text may use `{page}` and `{pages}`. In any text,
# `[[5.1.2e]]` is a black redaction box with its ground code stamped in white (`[[5.1.2i|80]]`:
# 80 pt wide); its code joins the gold Woo grounds.

CONVENTIONS_DIR = REPO_ROOT / "tests" / "conventions"

#: the conventions a fixture exercises (issue 12), each covered by at least two documents
Convention = Literal[
    "header-table", "letter-from-anyone", "sender-not-addressee",
    "date-weekday-line", "date-without-year", "date-status-line", "date-in-title", "date-under-title",
    "date-dated-line", "title-stops-at-block", "press-headline",
    "attachments-after-signature", "attachments-roman", "attachments-list", "email-attachment-line",
    "email-no-attachment-line", "label-forms",
    "motie", "persbericht", "voorstel", "besluitenlijst", "rapport", "agenda", "memo", "notitie", "email",
    "kamerbrief", "woo-besluit", "ministry-template", "woo-redaction", "text-conversion",
]
FieldName = Literal["document_type", "title", "kenmerk", "date", "addressee", "recommended_decision",
                    "attachments", "woo_grounds"]
FIELD_NAMES: tuple[str, ...] = get_args(FieldName)  # the gold fields in the corpus' order
Family = Literal["Helvetica", "Times", "Courier"]

#: (family, bold, italic) → the standard PDF font reportlab draws
FONTS = {
    ("Helvetica", False, False): "Helvetica", ("Helvetica", True, False): "Helvetica-Bold",
    ("Helvetica", False, True): "Helvetica-Oblique", ("Helvetica", True, True): "Helvetica-BoldOblique",
    ("Times", False, False): "Times-Roman", ("Times", True, False): "Times-Bold",
    ("Times", False, True): "Times-Italic", ("Times", True, True): "Times-BoldItalic",
    ("Courier", False, False): "Courier", ("Courier", True, False): "Courier-Bold",
    ("Courier", False, True): "Courier-Oblique", ("Courier", True, True): "Courier-BoldOblique",
}
MONTHS_SHORT = ["jan.", "feb.", "mrt.", "apr.", "mei", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."]
WEEKDAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
REDACTION = re.compile(r"\[\[([^\]|]+)(?:\|(\d+(?:\.\d+)?))?\]\]")
DATE_CODE = re.compile(r"%([\^-]?)([ABbdemY])")


class SpecError(ValueError):
    """A spec file that cannot be drawn; `str()` is one line, `path: reason`. (The script stays
    free of kenmerk imports, so fixtures are made whatever state the extractor is in.)"""

    exit_code = 2

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {' '.join(reason.split())}")


class DutchDate(dt.date):
    """A date that formats in Dutch: `%A` weekday, `%B` month, `%b` 'jul.', `%d %m %Y` as
    strftime; `%-d`/`%e`, `%-m` without a leading zero; `%^A` capitalised. Empty: '6 juli 2021'."""

    def __format__(self, spec: str) -> str:
        if not spec:
            return dutch_date(self)
        parts = {
            "A": WEEKDAYS[self.weekday()], "B": MONTHS[self.month - 1], "b": MONTHS_SHORT[self.month - 1],
            "d": f"{self.day:02d}", "e": str(self.day), "m": f"{self.month:02d}", "Y": str(self.year),
        }

        def one(m: re.Match) -> str:
            text = parts[m.group(2)]
            if m.group(1) == "-":
                return text.lstrip("0") or "0"
            return text[:1].upper() + text[1:] if m.group(1) else text

        return DATE_CODE.sub(one, spec)


class _SpecModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Gold(_SpecModel):
    """The truth about a document, in ANNOTATION.md's terms. Every field is given, listed in
    `none` (the document has none: null or []), or listed in `unscored` (left out of the gold);
    `woo_grounds` may be left out: then the gold grounds are the codes on the redaction boxes."""

    document_type: str | None = None
    title: str | None = None
    kenmerk: str | None = None
    date: dt.date | None = None
    addressee: str | None = None
    recommended_decision: str | list[str] | None = None  # a list: numbered items, printed '1. …'
    attachments: list[str] | None = None  # "" for an attachment that is only counted
    woo_grounds: list[str] | None = None  # cited in the text; the codes on redaction boxes are added
    organisation: str  # the sender; not scored, written for the organisation extractor
    none: list[FieldName] = []
    unscored: list[FieldName] = []

    @model_validator(mode="after")
    def _each_field_once(self) -> "Gold":
        for name in FIELD_NAMES:
            said = [getattr(self, name) is not None, name in self.none, name in self.unscored].count(True)
            if said > 1 or said == 0 and name != "woo_grounds":
                raise ValueError(f"gold field {name!r} must be given, or listed in `none` or `unscored` (once)")
        return self


class _Block(_SpecModel):
    font: Family | None = None
    size: float | None = Field(None, ge=5, le=24)
    bold: bool = False
    italic: bool = False
    leading: float | None = None
    x: float | None = None  # default: the layout's left margin
    y: float | None = None  # placed at this baseline (on the page of the cursor); None: flows from the cursor
    at: float | None = None  # flowing: move the cursor to this y first
    gap: float | None = None  # flowing: lines of space before (default: layout.gap)
    keep: int = Field(1, ge=1)  # flowing: lines that must fit on the page before the block starts
    new_page: bool = False
    width: float | None = None  # wrap width (default: to the right margin)
    pages: Literal["all", "rest"] = "all"  # every_page blocks: on which pages


class TextBlock(_Block):
    kind: Literal["text"]
    lines: list[str]
    bold_lines: list[int] = []  # these lines (0-based) in bold: the labels of a colofon


class ParaBlock(_Block):
    kind: Literal["para"]
    text: str


class ListBlock(_Block):
    kind: Literal["list"]
    items: list[str] = []
    items_from: Literal["attachments", "decision_items"] | None = None  # the items are these gold values
    marker: str = "-"  # '{n}.' numbers the items
    markers: list[str] | None = None  # one marker per item ('I', 'II', …)
    indent: float = 18.0


class TableBlock(_Block):
    kind: Literal["table"]
    columns: list[float]  # x of each column
    rows: list[list[str]]  # a cell may hold several lines ('\n')
    header: bool = False  # the first row holds the labels
    header_size: float | None = None
    header_bold: bool = True
    bold_cols: list[int] = []


class RuleBlock(_Block):
    kind: Literal["rule"]
    thickness: float = 0.5


Block = Annotated[Union[TextBlock, ParaBlock, ListBlock, TableBlock, RuleBlock], Field(discriminator="kind")]


class PageLayout(_SpecModel):
    """The body column of an A4 page and the default type."""

    left: float = 72.0
    width: float = 451.0
    top: float = 760.0  # where the flow starts on page 1
    next_top: float = 780.0  # … and on later pages
    bottom: float = 72.0
    font: Family = "Helvetica"
    size: float = Field(10.0, ge=5, le=24)
    leading: float | None = None  # default 1.3 × size
    gap: float = 0.0  # default lines of space before a flowing block


class ConventionSpec(_SpecModel):
    """One made-up document: what it exercises, its gold, and its text (a PDF's blocks or a text file)."""

    description: str
    conventions: list[Convention] = Field(min_length=1)
    format: Literal["pdf", "txt"] = "pdf"
    pages: int | None = Field(None, ge=1)  # the page count the blocks must lay out to
    pdf_title: str = ""
    gold: Gold
    layout: PageLayout = PageLayout()
    blocks: list[Block] = []
    every_page: list[Block] = []
    text: str | None = None

    @model_validator(mode="after")
    def _one_body(self) -> "ConventionSpec":
        if self.format == "pdf" and (self.text is not None or not self.blocks):
            raise ValueError("a pdf is drawn from `blocks` (no `text`)")
        if self.format == "txt" and (self.text is None or self.blocks or self.every_page):
            raise ValueError("a txt fixture is its `text` (no `blocks`)")
        if any(block.y is None for block in self.every_page):
            raise ValueError("every_page blocks are placed: each needs a `y`")
        return self


class _Values(dict):
    """The gold values the text refers to; remembers which were used."""

    def __init__(self, gold: Gold) -> None:
        super().__init__(gold.model_dump(exclude={"none", "unscored"}))
        if gold.date is not None:
            self["date"] = DutchDate(gold.date.year, gold.date.month, gold.date.day)
        self["decision_items"] = gold.recommended_decision if isinstance(gold.recommended_decision, list) else []
        self["decision"] = self["recommended_decision"] = decision_text(gold.recommended_decision)
        self.used: set[str] = set()

    def __getitem__(self, key: str):
        self.used.add(key)
        return super().__getitem__(key)

    def fill(self, text: str, **extra) -> str:
        return text.format_map(_Extra(self, extra)) if "{" in text else text


class _Extra(dict):
    """`_Values` plus the page numbers of an every_page block."""

    def __init__(self, values: _Values, extra: dict) -> None:
        super().__init__(extra)
        self.gold_values = values

    def __missing__(self, key: str):
        return self.gold_values[key]


def decision_text(decision: str | list[str] | None) -> str | None:
    """The gold text of a decision; numbered items as printed: '1. … 2. …'."""
    if isinstance(decision, list):
        return " ".join(f"{n}. {item}" for n, item in enumerate(decision, 1))
    return decision


def _tokens_width(text: str, font: str, size: float) -> float:
    """Width of a line with redaction markers drawn as boxes."""
    width, pos = 0.0, 0
    for m in REDACTION.finditer(text):
        width += stringWidth(text[pos:m.start()], font, size) + _box_width(m, size)
        pos = m.end()
    return width + stringWidth(text[pos:], font, size)


def _box_width(marker: re.Match, size: float) -> float:
    return float(marker.group(2)) if marker.group(2) else stringWidth(marker.group(1), "Helvetica-Bold", size * 0.8) + 2 * size


def _wrap_marked(text: str, font: str, size: float, width: float) -> list[str]:
    lines: list[str] = []
    current = ""
    for word in text.split():
        trial = f"{current} {word}".strip()
        if current and _tokens_width(trial, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = trial
    if current:
        lines.append(current)
    return lines


def _printed(text: str) -> str:
    """A line as a reader sees it: the redaction boxes as their stamped codes."""
    return REDACTION.sub(lambda m: m.group(1), text)


class _Drawing:
    """Lays the blocks of a spec out on pages of `_Page` ops; collects what it printed."""

    def __init__(self, spec: ConventionSpec, values: _Values) -> None:
        self.spec, self.layout, self.values = spec, spec.layout, values
        self.pages: list[_Page] = [_Page()]
        self.flow_page = 0
        self.y = self.layout.top
        self.printed: list[str] = []
        self.grounds: set[str] = set()

    def _page(self, index: int) -> _Page:
        while len(self.pages) <= index:
            self.pages.append(_Page())
        return self.pages[index]

    def _style(self, block: _Block) -> tuple[str, float, float]:
        size = block.size or self.layout.size
        leading = block.leading or (self.layout.leading if block.size is None else None) or size * 1.3
        return FONTS[(block.font or self.layout.font, block.bold, block.italic)], size, leading

    def _line(self, page: _Page, x: float, y: float, font: str, size: float, text: str) -> None:
        """One line of text; redaction markers become black boxes with a white code."""
        pos = 0
        for m in REDACTION.finditer(text):
            before = text[pos:m.start()]
            if before.strip():
                page.ops.append(("text", x, y, font, size, before.rstrip()))
            x += stringWidth(before, font, size)
            box_w, stamp = _box_width(m, size), size * 0.8
            page.ops.append(("box", x, y - size * 0.25, box_w, size * 1.2))
            code_w = stringWidth(m.group(1), "Helvetica-Bold", stamp)
            page.ops.append(("white", x + (box_w - code_w) / 2, y + size * 0.05, "Helvetica-Bold", stamp, m.group(1)))
            self.grounds.add(m.group(1))
            x += box_w
            pos = m.end()
        rest = text[pos:]
        if rest.strip():
            page.ops.append(("text", x + (stringWidth(" ", font, size) if pos and rest[:1] == " " else 0.0),
                             y, font, size, rest.strip()))

    def _rows(self, block: _Block, fill) -> list[list[tuple[float, str, str, float]]]:
        """The block as rows of (x, text, font, size), one row per baseline."""
        font, size, _ = self._style(block)
        x = self.layout.left if block.x is None else block.x
        right = self.layout.left + self.layout.width
        width = block.width or right - x
        if isinstance(block, TextBlock):
            bold = FONTS[(block.font or self.layout.font, True, block.italic)]
            return [[(x, fill(line), bold if i in block.bold_lines else font, size)] for i, line in enumerate(block.lines)]
        if isinstance(block, ParaBlock):
            return [[(x, line, font, size)] for line in _wrap_marked(fill(block.text), font, size, width)]
        if isinstance(block, ListBlock):
            rows = []
            for n, item in enumerate(self.values[block.items_from] if block.items_from else block.items, 1):
                marker = block.markers[n - 1] if block.markers else block.marker.format(n=n)
                for i, line in enumerate(_wrap_marked(fill(item), font, size, width - block.indent)):
                    rows.append(([(x, marker, font, size)] if i == 0 else []) + [(x + block.indent, line, font, size)])
            return rows
        if isinstance(block, TableBlock):
            rows = []
            last = block.columns[0] + block.width if block.width else max(right, block.columns[-1] + 60.0)
            edges = [*block.columns[1:], last]
            for r, row in enumerate(block.rows):
                is_header = block.header and r == 0
                cells = []
                for c, (cx, cell) in enumerate(zip(block.columns, row, strict=False)):
                    cbold = bool((is_header and block.header_bold) or c in block.bold_cols or block.bold)
                    cfont = FONTS[(block.font or self.layout.font, cbold, block.italic)]
                    csize = (block.header_size or size) if is_header else size
                    lines = [w for part in fill(cell).split("\n") for w in (_wrap_marked(part, cfont, csize, edges[c] - cx - 6) or [""])]
                    cells.append([(cx, line, cfont, csize) for line in lines])
                for i in range(max(len(c) for c in cells)):
                    rows.append([c[i] for c in cells if i < len(c) and c[i][1]])
            return rows
        raise AssertionError(f"unknown block {block!r}")

    def _room(self, lines: int, leading: float) -> None:
        if self.y - (lines - 1) * leading < self.layout.bottom:
            self.flow_page += 1
            self._page(self.flow_page)
            self.y = self.layout.next_top

    def _draw_rows(self, page: _Page, rows, y: float) -> None:
        for x, text, font, size in rows:
            self._line(page, x, y, font, size, text)

    def block(self, block: _Block, **extra) -> None:
        """Draw one block, placed or flowing."""
        fill = functools.partial(self.values.fill, **extra)
        _, _, leading = self._style(block)
        if isinstance(block, RuleBlock):
            rows = []
        else:
            rows = self._rows(block, fill)
            self.printed.append(" ".join(_printed(t) for row in rows for _, t, _, _ in row))
        if block.y is not None:
            page, y = self._page(extra["page"] - 1 if extra else self.flow_page), block.y
            if isinstance(block, RuleBlock):
                self._rule(page, block, y)
            for row in rows:
                self._draw_rows(page, row, y)
                y -= leading
            return
        if block.new_page:
            self.y = self.layout.bottom - 1
            self._room(1, leading)
        if block.at is not None:
            self.y = block.at
        self.y -= leading * (self.layout.gap if block.gap is None else block.gap)
        if isinstance(block, RuleBlock):
            self._room(1, leading)
            self._rule(self._page(self.flow_page), block, self.y)
            self.y -= leading * 0.5
            return
        self._room(min(block.keep, len(rows)) or 1, leading)
        for row in rows:
            self._room(1, leading)
            self._draw_rows(self._page(self.flow_page), row, self.y)
            self.y -= leading

    def _rule(self, page: _Page, block: RuleBlock, y: float) -> None:
        x = self.layout.left if block.x is None else block.x
        page.ops.append(("rule", x, y, x + (block.width or self.layout.left + self.layout.width - x), block.thickness))

    def draw(self) -> list[_Page]:
        for block in self.spec.blocks:
            self.block(block)
        total = len(self.pages)
        for number in range(1, total + 1):
            for block in self.spec.every_page:
                if block.pages == "all" or number > 1:
                    self.block(block, page=number, pages=total)
        return self.pages


def load_convention_spec(path: Path) -> ConventionSpec:
    """A spec file, validated; a bad one raises `SpecError` naming the file and the reason."""
    try:
        return ConventionSpec.model_validate(tomllib.loads(Path(path).read_text(encoding="utf-8")))
    except tomllib.TOMLDecodeError as exc:
        raise SpecError(path, f"not valid TOML: {exc}") from None
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "spec"
        more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
        raise SpecError(path, f"{where}: {first['msg']}{more}") from None


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def convention_fixture(path: Path) -> tuple[str, bytes, dict]:
    """The document a spec file describes, as (file name, bytes, gold)."""
    path = Path(path)
    spec = load_convention_spec(path)
    values = _Values(spec.gold)
    try:
        if spec.text is not None:  # a txt fixture: `_one_body` gives a text to txt specs, and to them alone
            text = values.fill(spec.text)
            grounds = {m.group(1) for m in REDACTION.finditer(text)}
            data, printed = _printed(text).encode("utf-8"), [_printed(text)]
        else:
            drawing = _Drawing(spec, values)
            pages = drawing.draw()
            if spec.pages is not None and len(pages) != spec.pages:
                raise ValueError(f"laid out on {len(pages)} page(s), the spec says {spec.pages}")
            data, printed, grounds = _render(pages, title=spec.pdf_title), drawing.printed, drawing.grounds
        gold = _convention_gold(spec.gold, grounds)
        _check_planted(gold, values, printed)
    except (KeyError, IndexError, ValueError) as exc:
        raise SpecError(path, f"{exc.__class__.__name__}: {exc}") from None
    return f"{path.stem}.{spec.format}", data, gold


def _convention_gold(gold: Gold, grounds: set[str]) -> dict:
    """The gold file: the scored fields in the corpus' order, then the organisation."""
    out: dict = {}
    for name in FIELD_NAMES:
        if name in gold.unscored:
            continue
        value = getattr(gold, name)
        if name == "woo_grounds":
            if name in gold.none and grounds:
                raise ValueError(f"woo_grounds listed in `none` but the document has boxes {sorted(grounds)}")
            value = sorted(set(value or []) | grounds)
        elif name == "attachments":
            value = [{"title": title or None} for title in value or []]
        elif name == "recommended_decision":
            value = {"text": decision_text(value)} if value else None
        elif name == "date":
            value = value.isoformat() if value else None
        out[name] = value
    out["organisation"] = gold.organisation
    return out


def _check_planted(gold: dict, values: _Values, printed: list[str]) -> None:
    """Every gold value is printed in one block of the document (so the fixture can be read)."""
    blocks = [_fold(text) for text in printed]
    wanted = [gold.get(name) for name in ("title", "kenmerk", "addressee")]
    wanted += [(gold.get("recommended_decision") or {}).get("text")]
    wanted += [a["title"] for a in gold.get("attachments") or []]
    for value in filter(None, wanted):
        if not any(_fold(value) in block for block in blocks):
            raise ValueError(f"gold value {value!r} is not printed in one block")
    if gold.get("date") and "date" not in values.used:
        raise ValueError("the gold date is never printed: use {date:…} in the text")


def convention_specs(folder: Path = CONVENTIONS_DIR) -> list[Path]:
    """The spec files, sorted by name."""
    return sorted(Path(folder).glob("*.toml"))


def make_convention_fixtures(outdir: Path, folder: Path = CONVENTIONS_DIR) -> list[Path]:
    """Write the document and NAME.gold.json of every spec in `folder` into `outdir`; return the paths."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for spec_path in convention_specs(folder):
        name, data, gold = convention_fixture(spec_path)
        for path, content in ((outdir / name, data), (outdir / f"{spec_path.stem}.gold.json", _gold_json(gold))):
            path.write_bytes(content)
            written.append(path)
    return written


# --- input fixtures beyond PDF (issue 18): an e-mail file, a Word note, image scans ---------------
#
# Written by `make_input_fixtures(outdir)` (not by `make_fixtures`, whose output the other tests pin);
# the command line writes them with the other fixtures. The values are planted from the specs, and the
# gold files written from the same specs.

#: zip entries get this time, so a .docx is byte-identical from run to run
ZIP_TIME = (2025, 1, 1, 0, 0, 0)


@dataclass(frozen=True)
class Mail:
    name: str
    sender: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    subject: str
    sent: dt.datetime
    body: tuple[str, ...]
    attachments: tuple[str, ...]
    html: bool = False

    def gold(self) -> dict:
        return {
            "document_type": "email",
            "title": self.subject,
            "kenmerk": None,
            "date": self.sent.date().isoformat(),
            "addressee": self.to[0].split(" <")[0],
            "recommended_decision": None,
            "attachments": [{"title": t} for t in self.attachments],
            "woo_grounds": [],
        }


MAIL = Mail(
    name="email-twee-bijlagen",
    sender="Team Kust en Water <kustenwater@noord-holland.nl>",
    to=("Projectbureau Kustversterking <projectbureau@kustversterking.example>",
        "Secretariaat Water <secretariaat.water@noord-holland.nl>"),
    cc=("Directie Water en Bodem <water@noord-holland.nl>",),
    subject="RE: concept bestuursrapportage kustversterking Q3",
    # just after midnight in the sender's zone: still the day before in UTC, so a date read in UTC is wrong
    sent=dt.datetime(2022, 11, 19, 0, 35, 12, tzinfo=dt.timezone(dt.timedelta(hours=1))),
    body=(
        "Beste collega's,",
        "Dank voor het concept. In de bijlage onze aanvullingen in de versie met wijzigingen, en de reactie "
        "die Rijkswaterstaat ons gisteren stuurde.",
        "Wil je de nieuwe versie uiterlijk woensdag rondsturen? Dan kan hij donderdag mee in de stukken voor "
        "het portefeuillehoudersoverleg.",
        "Met vriendelijke groet,",
        "Team Kust en Water\nProvincie Noord-Holland",
    ),
    attachments=("Bestuursrapportage_Q3_concept_v2.docx", "Reactie_RWS_bestuursrapportage.pdf"),
)


def mail_eml(spec: Mail = MAIL) -> bytes:
    """The e-mail as an .eml file (standard library `email`): a text or HTML body and the attachments."""
    from email.message import EmailMessage
    from email.policy import SMTP
    from email.utils import format_datetime

    msg = EmailMessage()
    msg["From"] = spec.sender
    msg["To"] = ", ".join(spec.to)
    if spec.cc:
        msg["Cc"] = ", ".join(spec.cc)
    msg["Subject"] = spec.subject
    msg["Date"] = format_datetime(spec.sent)
    msg["Message-ID"] = f"<{spec.name}@fixtures.kenmerk.example>"
    text = "\n\n".join(spec.body) + "\n"
    msg.set_content(text)
    if spec.html:
        msg.add_alternative("<html><body>" + "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in spec.body)
                            + "</body></html>", subtype="html")
    for name in spec.attachments:
        kind = ("application", "pdf") if name.endswith(".pdf") else (
            "application", "vnd.openxmlformats-officedocument.wordprocessingml.document")
        msg.add_attachment(f"bijlage {name}".encode(), maintype=kind[0], subtype=kind[1], filename=name)
    for part in msg.walk():  # fixed MIME boundaries: the file is the same from run to run
        if part.is_multipart():
            part.set_boundary(f"=={spec.name}-{part.get_content_subtype()}==")
    return msg.as_bytes(policy=SMTP)


def mail_msg(spec: Mail = MAIL) -> bytes:
    """The e-mail as Outlook keeps it (.msg, written with aspose-email-foss): the time of sending in UTC and no
    transport headers (a message saved in Outlook), a text and an HTML body whose logo is an inline image
    attachment, then the attachments."""
    from email.utils import getaddresses

    from aspose.email_foss.msg import RECIPIENT_TYPE_CC, RECIPIENT_TYPE_TO, MapiMessage, PropertyId

    msg = MapiMessage.create(spec.subject, "\n\n".join(spec.body) + "\n")
    msg.body_html = ('<html><body><img src="cid:logo@kenmerk.example">'
                     + "".join(f"<p>{p.replace(chr(10), '<br>')}</p>" for p in spec.body) + "</body></html>")
    [(sender_name, sender_address)] = getaddresses([spec.sender])
    msg.set_property(PropertyId.SENDER_NAME, sender_name)
    msg.set_property(PropertyId.SENDER_EMAIL_ADDRESS, sender_address)
    msg.set_property(PropertyId.MESSAGE_DELIVERY_TIME, spec.sent.astimezone(dt.timezone.utc))
    for kind, recipients in ((RECIPIENT_TYPE_TO, spec.to), (RECIPIENT_TYPE_CC, spec.cc)):
        for name, address in getaddresses(list(recipients)):
            msg.add_recipient(address, display_name=name, recipient_type=kind)
    msg.add_attachment("logo.png", b"logo", mime_type="image/png", content_id="logo@kenmerk.example")
    for name in spec.attachments:
        kind = "application/pdf" if name.endswith(".pdf") else (
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        msg.add_attachment(name, f"bijlage {name}".encode(), mime_type=kind)
    return msg.to_bytes()


WORD_NOTA = Beslisnota(
    name="beslisnota-word",
    units=("Directoraat-generaal Water en Bodem", "Directie Waterkeringen"),
    stamp="TER BESLISSING",
    date=dt.date(2025, 3, 6),
    kenmerk="IENW/BSK-2025/54321",
    uw_kenmerk="2025-0123",
    deadline=dt.date(2025, 3, 20),
    addressee="Minister van Infrastructuur en Waterstaat",
    sender="DGWB",
    title="Versterking van de Afsluitdijk: tweede fase",
    aanleiding=("Het Hoogwaterbeschermingsprogramma heeft de tweede fase van de versterking van de "
                "Afsluitdijk voorbereid. Met deze nota legt de directie u het voorkeursalternatief voor.",),
    decision="U wordt geadviseerd in te stemmen met het voorkeursalternatief voor de tweede fase en de "
             "Kamer daarover met bijgaande brief te informeren.",
    kernpunten_intro="Het voorkeursalternatief bestaat uit drie onderdelen:",
    kernpunten=("Een hogere kruin over de hele lengte van de dijk.",
                "Nieuwe spui- en schutsluizen bij Den Oever.",
                "Een fietspad op de dijk."),
    toelichting=("De kosten passen binnen het Deltafonds. De regio steunt het voorkeursalternatief.",),
    redaction_before="",
    redaction_after="",
    redaction_code="5.1.2e",
    niet_openbaar="De persoonsgegevens van de ambtenaren zijn niet openbaar ter bescherming van de "
                  "persoonlijke levenssfeer.",
    niet_openbaar_grounds=("5.1.2e",),
    attachments=("Kamerbrief over de Afsluitdijk", "Voorkeursalternatief tweede fase"),
)


def _fixed_zip(data: bytes) -> bytes:
    """The zip archive again with every entry's time set to `ZIP_TIME` (python-docx writes the clock's)."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=ZIP_TIME), src.read(info),
                         compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def beslisnota_docx(spec: Beslisnota = WORD_NOTA) -> bytes:
    """A beslisnota as Word writes it from a ministry template: the units in the page header, a table for
    Aan/Van/Onderwerp, a colofon table (Datum, Ons kenmerk, Uw kenmerk, Beslistermijn, Bijlagen with the
    titles), numbered sections in the Heading 1 style, a bullet list and a page-number footer."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    header = document.sections[0].header
    header.paragraphs[0].text = spec.units[0]
    header.add_paragraph(spec.units[1])
    document.sections[0].footer.paragraphs[0].text = "Pagina 1 van 1"
    stamp = document.add_paragraph()
    stamp.add_run(spec.stamp).bold = True
    title = document.add_paragraph()
    run = title.add_run("Beslisnota")
    run.bold, run.font.size = True, Pt(16)

    def table(rows: list[tuple[str, list[str]]]) -> None:
        grid = document.add_table(rows=len(rows), cols=2)
        for row, (label, values) in zip(grid.rows, rows, strict=False):
            row.cells[0].paragraphs[0].add_run(label).bold = True
            row.cells[1].paragraphs[0].text = values[0]
            for value in values[1:]:
                row.cells[1].add_paragraph(value)

    table([("Aan", [spec.addressee]), ("Van", [spec.sender]), ("Onderwerp", [spec.title])])
    document.add_paragraph()
    table([("Datum", [dutch_date(spec.date)]), ("Ons kenmerk", [spec.kenmerk]), ("Uw kenmerk", [spec.uw_kenmerk]),
           ("Beslistermijn", [dutch_date(spec.deadline)]),
           ("Bijlagen", [f"{n}. {t}" for n, t in enumerate(spec.attachments, 1)])])
    document.add_heading("1. Aanleiding", level=1)
    for text in spec.aanleiding:
        document.add_paragraph(text)
    document.add_heading("2. Geadviseerd besluit", level=1)
    document.add_paragraph(spec.decision)
    document.add_heading("3. Kernpunten", level=1)
    document.add_paragraph(spec.kernpunten_intro)
    for item in spec.kernpunten:
        document.add_paragraph(item, style="List Bullet")
    document.add_heading("4. Toelichting", level=1)
    for text in spec.toelichting:
        document.add_paragraph(text)
    document.add_heading("5. Informatie die niet openbaar gemaakt kan worden", level=1)
    document.add_paragraph(spec.niet_openbaar)
    document.core_properties.title = spec.title
    buf = io.BytesIO()
    document.save(buf)
    return _fixed_zip(buf.getvalue())


def _png(image, dpi: int | None) -> bytes:
    buf = io.BytesIO()
    image.save(buf, format="PNG", **({"dpi": (dpi, dpi)} if dpi else {}))
    return buf.getvalue()


def scan_png(spec: ScanNota = SCAN_NOTA, dpi: int = SCAN_DPI) -> bytes:
    """Fixture c's page as a PNG (the picture its PDF holds; no resolution recorded, as a screenshot)."""
    [image] = rasterise(_render(scan_pages(spec), title=spec.title), dpi)
    return _png(image, None)


def beslisnota_tiff(spec: Beslisnota = BESLISNOTA, dpi: int = SCAN_DPI) -> bytes:
    """Fixture a scanned to a two-page TIFF (deflate), its resolution recorded."""
    images = rasterise(beslisnota_pdf(spec), dpi)
    buf = io.BytesIO()
    images[0].save(buf, format="TIFF", save_all=True, append_images=images[1:], compression="tiff_adobe_deflate",
                   dpi=(dpi, dpi))
    return buf.getvalue()


def input_fixtures() -> dict[str, bytes]:
    """The input fixtures beyond PDF and their gold, as file name → bytes."""
    return {
        f"{MAIL.name}.eml": mail_eml(),
        f"{MAIL.name}.gold.json": _gold_json(MAIL.gold()),
        f"{MAIL.name}-outlook.msg": mail_msg(),
        f"{MAIL.name}-outlook.gold.json": _gold_json(MAIL.gold()),
        f"{WORD_NOTA.name}.docx": beslisnota_docx(),
        f"{WORD_NOTA.name}.gold.json": _gold_json(WORD_NOTA.gold()),
        f"{SCAN_NOTA.name}-png.png": scan_png(),
        f"{SCAN_NOTA.name}-png.gold.json": _gold_json(SCAN_NOTA.gold()),
        f"{BESLISNOTA.name}-scan.tif": beslisnota_tiff(),
        f"{BESLISNOTA.name}-scan.gold.json": _gold_json(BESLISNOTA.gold()),
    }


def make_input_fixtures(outdir: Path) -> list[Path]:
    """Write the e-mail, Word and image fixtures (and their gold) into `outdir`; return the paths."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, data in input_fixtures().items():
        path = outdir / name
        path.write_bytes(data)
        written.append(path)
    return written


if __name__ == "__main__":
    sys.exit(main())
