#!/usr/bin/env python3
"""Generate fixture documents (and their gold files) in the layout of Dutch ministry notes.

    python scripts/make_fixtures.py OUTDIR      # all fixtures + NAME.gold.json into OUTDIR
    python scripts/make_fixtures.py --samples   # tests/samples/*.pdf for ./scripts/demo

Also importable: `make_fixtures(outdir) -> list[Path]`.

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

Bad inputs (no gold): empty.pdf, random-bytes.pdf, truncated.pdf, encrypted.pdf,
not-a-pdf.pdf, unknown-encoding.txt; and windows-1252.txt, a valid text note in
Windows-1252 that must extract.
"""
from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

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
DOCUMENTS = {BESLISNOTA.name: BESLISNOTA, BRIEF.name: BRIEF}
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
    args = parser.parse_args(argv)
    if not args.samples and args.outdir is None:
        parser.error("give OUTDIR or --samples")
    written = []
    if args.samples:
        written += make_samples()
    if args.outdir is not None:
        written += make_fixtures(args.outdir)
        written += make_image_fixtures(args.outdir)
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


if __name__ == "__main__":
    sys.exit(main())
