"""Documents and notes with planted personal data, and the strings that must never be published.

Every planted name, number and address is unusual enough that finding it anywhere in an
output (a literal, an IRI, an XML element) means it leaked. Function titles and
organisations planted next to them must survive.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io

from kenmerk.extract import (
    BBox,
    DatedEvent,
    DateRole,
    DocumentType,
    Evidence,
    Identifier,
    IdentifierScheme,
    Note,
    Organisation,
    RecommendedDecision,
    Section,
    Source,
)

#: must appear nowhere in published output (and not in the default JSON)
PLANTED = (
    "Jongeneel", "H.M. de", "Grootveld", "Pieternel", "Arkelsteijn", "Tamara", "Bakkerzoon", "Zandvoortsma",
    "Wilhelmina", "06-12345678", "0612345678", "070 456 78 90", "+31 (0)6 8765 4321", "8765 4321",
    "p.grootveld@minbzk.nl", "j.bakkerzoon@minjenv.nl", "t.vanarkelsteijn@minvws.nl", "minbzk.nl", "minjenv.nl",
    "Vlieghuis",
)
#: must survive scrubbing (functions and organisations)
KEPT = ("Minister van Asiel en Migratie", "Directeur-generaal Migratie", "Gedeputeerde Staten", "MBZK")

NOTA_TEXT = """Nota

Aan
De heer H.M. de Jongeneel

Van
Directeur-generaal Migratie

Datum
12 maart 2024

Ons kenmerk
2024-0001234

Contactpersoon
Pieternel Grootveld

Telefoon
06-12345678

E-mail
p.grootveld@minbzk.nl

Onderwerp
Opvang van asielzoekers in de regio

1. Geadviseerd besluit
U wordt geadviseerd in te stemmen met het voorstel dat mevrouw T. van Arkelsteijn heeft opgesteld.

2. Toelichting
Het voorstel is besproken met dhr. J. Bakkerzoon (070 456 78 90, j.bakkerzoon@minjenv.nl) en met
Gedeputeerde Staten. Beslistermijn 20 maart 2024, na overleg met de heer Vlieghuis.

Met vriendelijke groet,
Wilhelmina Zandvoortsma
"""

EMAIL_TEXT = """Van: Grootveld, Pieternel <p.grootveld@minbzk.nl>
Verzonden: dinsdag 10 september 2024 10:12
Aan: Arkelsteijn, T. van (Tamara) <t.vanarkelsteijn@minvws.nl>
CC: Minister van Asiel en Migratie
Onderwerp: Voorbereiding overleg opvang

Het overleg met MBZK is verplaatst naar vrijdag. Bel mij gerust op +31 (0)6 8765 4321.

Met vriendelijke groet,
Pieternel Grootveld
"""

FUNCTION_TEXT = """Nota

Aan
Minister van Asiel en Migratie

Van
Directeur-generaal Migratie

Datum
9 januari 2025

Ons kenmerk
6048852

Onderwerp
Kamerbrief over de opvang van ontheemden uit Oekraïne

1. Geadviseerd besluit
U wordt geadviseerd de Kamerbrief te ondertekenen.
"""


def nota_pdf() -> bytes:
    """A one-page nota drawn with reportlab: colofon with a contact person, phone and e-mail."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1)
    x_col, y = 466.2, 760.0

    def col(text: str, bold: bool = False) -> None:
        nonlocal y
        c.setFont("Helvetica-Bold" if bold else "Helvetica", 7)
        c.drawString(x_col, y, text)
        y -= 9

    col("Directoraat-generaal Migratie")
    col("Directie Opvang")
    y -= 5
    for label, value in (("Datum", "9 januari 2025"), ("Ons kenmerk", "JenV/2025/4711"),
                         ("Contactpersoon", "Pieternel Grootveld"), ("Telefoon", "06-12345678"),
                         ("E-mail", "p.grootveld@minbzk.nl")):
        col(label, bold=True)
        col(value)
        y -= 5
    c.setFont("Helvetica", 9.5)
    yb = 650.0
    for label, value in (("Aan", "De heer H.M. de Jongeneel"), ("Van", "Directeur-generaal Migratie")):
        c.drawString(79, yb, label)
        c.drawString(190, yb, value)
        yb -= 13.5
    yb -= 13.5
    c.setFont("Helvetica-Bold", 9.5)
    c.drawString(190, yb, "Opvang van asielzoekers in de regio")
    yb -= 27
    c.drawString(79, yb, "1. Geadviseerd besluit")
    yb -= 13.5
    c.setFont("Helvetica", 9.5)
    for line in ("U wordt geadviseerd in te stemmen met het voorstel dat mevrouw T. van Arkelsteijn",
                 "heeft opgesteld, na overleg met dhr. J. Bakkerzoon (070 456 78 90)."):
        c.drawString(79, yb, line)
        yb -= 13.5
    yb -= 13.5
    c.setFont("Helvetica-Bold", 9.5)
    c.drawString(79, yb, "2. Toelichting")
    yb -= 13.5
    c.setFont("Helvetica", 9.5)
    for line in ("Het voorstel is afgestemd met Gedeputeerde Staten.", "", "Met vriendelijke groet,",
                 "Wilhelmina Zandvoortsma"):
        if line:
            c.drawString(79, yb, line)
        yb -= 13.5
    c.showPage()
    c.save()
    return buf.getvalue()


def hand_made_note() -> Note:
    """A valid note whose every text field carries personal data (as a JSON made with --keep-personal-data)."""
    ev = lambda text: Evidence(page=1, bbox=BBox(x0=400, y0=700, x1=520, y1=712), text=text)  # noqa: E731
    return Note(
        extractor="0.1.0",
        document_type=DocumentType.beslisnota,
        title="Opvang van asielzoekers in de regio",
        kenmerk="2024-0001234",
        identifiers=[Identifier(scheme=IdentifierScheme.kenmerk, label="Ons kenmerk", value="2024-0001234",
                                evidence=ev("Ons kenmerk 2024-0001234 Contactpersoon Pieternel Grootveld "
                                            "T 06-12345678 p.grootveld@minbzk.nl"))],
        date=dt.date(2024, 3, 12),
        dates=[DatedEvent(role=DateRole.deadline, label="Beslistermijn", date=dt.date(2024, 3, 20),
                          text="Beslistermijn 20 maart 2024 (dhr. J. Bakkerzoon, 070 456 78 90)",
                          evidence=ev("Beslistermijn 20 maart 2024 mevrouw T. van Arkelsteijn"))],
        organisation=Organisation(name="Ministerie van Asiel en Migratie",
                                  units=["Directeur-generaal Migratie", "Arkelsteijn, T. van (Tamara)"],
                                  evidence=ev("Directeur-generaal Migratie Opgesteld door: Wilhelmina Zandvoortsma")),
        addressee="De heer H.M. de Jongeneel",
        recommended_decision=RecommendedDecision(
            text="U wordt geadviseerd in te stemmen met het voorstel van mevrouw T. van Arkelsteijn.",
            heading="Geadviseerd besluit", evidence=ev("2. Geadviseerd besluit mevrouw T. van Arkelsteijn")),
        sections=[Section(number="2", heading="Toelichting",
                          text="Besproken met dhr. J. Bakkerzoon (j.bakkerzoon@minjenv.nl). Met vriendelijke groet, "
                               "Wilhelmina Zandvoortsma", page=1)],
        source=Source(file_name="nota.pdf", sha256=hashlib.sha256(b"planted").hexdigest(),
                      media_type="application/pdf", size=1234, page_count=1),
        evidence={"addressee": ev("Aan De heer H.M. de Jongeneel"),
                  "title": ev("Onderwerp Opvang van asielzoekers in de regio"),
                  "kenmerk": ev("Ons kenmerk 2024-0001234 Telefoon +31 (0)6 8765 4321")},
    )


def function_note() -> Note:
    """The same note addressed to a minister: the function title must stay."""
    note = hand_made_note()
    return note.model_copy(update={"addressee": "Minister van Asiel en Migratie",
                                   "source": note.source.model_copy(update={"sha256": "1" * 64})})


def leaks(text: str) -> list[str]:
    """The planted strings found in `text`."""
    return [p for p in PLANTED if p in text]
