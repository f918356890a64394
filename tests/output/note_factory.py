"""Hand-made `Note` objects for the linked-data tests (no extraction involved)."""
from __future__ import annotations

import datetime as dt
import hashlib

from kenmerk.extract import (
    Attachment,
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
    Source,
    WooGround,
)


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def beslisnota(**changes) -> Note:
    """The sample beslisnota (Asiel en Migratie, 9 January 2025), fully populated."""
    ev = Evidence(page=1, bbox=BBox(x0=400, y0=700, x1=520, y1=712), text="Ons kenmerk 6048852")
    note = Note(
        extractor="0.1.0",
        document_type=DocumentType.beslisnota,
        title="Beslisnota bij Kamerbrief opvang Oekraïne",
        kenmerk="6048852",
        identifiers=[
            Identifier(scheme=IdentifierScheme.kenmerk, label="Ons kenmerk", value="6048852", evidence=ev),
            Identifier(scheme=IdentifierScheme.uw_kenmerk, label="Uw kenmerk", value="2024Z12345"),
        ],
        date=dt.date(2025, 1, 9),
        dates=[DatedEvent(role=DateRole.deadline, label="Beslistermijn", date=dt.date(2025, 1, 31),
                          text="Beslistermijn 31 januari 2025")],
        organisation=Organisation(name="Minister van Asiel en Migratie",
                                  units=["Directoraat-Generaal Migratie", "Programmadirectie Oekraïense ontheemden"]),
        addressee="Minister van Asiel en Migratie",
        recommended_decision=RecommendedDecision(
            text="Na instemming van de MR wordt de Verzamelbrief opvang Oekraïne aan de Tweede Kamer verzonden.",
            heading="Geadviseerd besluit"),
        attachments=[Attachment(title="AEF rapport", number=1), Attachment(title=None)],
        woo_grounds=[WooGround(code="5.1.2e", law="Woo", count=3, pages=[2, 3]),
                     WooGround(code="5.2", law="Woo")],
        source=Source(file_name="beslisnota-opvang-oekraine-2025.md", sha256=sha("beslisnota"),
                      media_type="text/markdown", size=4321),
        evidence={"kenmerk": ev, "title": Evidence(page=1, text="Beslisnota bij Kamerbrief opvang Oekraïne")},
        warnings=["addressee read from the colofon"],
    )
    return note.model_copy(update=changes) if changes else note


def minimal(**changes) -> Note:
    """A note with only what the model requires."""
    note = Note(extractor="0.1.0", document_type=DocumentType.other,
                source=Source(file_name="scan.pdf", sha256=sha("minimal"), media_type="application/pdf",
                              size=10, page_count=1))
    return note.model_copy(update=changes) if changes else note


def woo_besluit(**changes) -> Note:
    note = Note(extractor="0.1.0", document_type=DocumentType.woo_besluit, title="Besluit op uw Woo-verzoek",
                kenmerk="WOO-2022-0815", date=dt.date(2022, 8, 9),
                organisation=Organisation(name="Ministerie van Volksgezondheid, Welzijn en Sport"),
                woo_grounds=[WooGround(code="5.1.2e", law="Woo"), WooGround(code="10.2e", law="Wob")],
                source=Source(file_name="besluit.pdf", sha256=sha("woo"), media_type="application/pdf",
                              size=99, page_count=4))
    return note.model_copy(update=changes) if changes else note


def provincial(**changes) -> Note:
    note = Note(extractor="0.1.0", document_type=DocumentType.nota, title="GS-nota intentieverklaring",
                kenmerk="1633913/1633946", date=dt.date(2021, 7, 6),
                organisation=Organisation(name="Gedeputeerde Staten van Noord-Holland", units=["Directie Beleid"]),
                source=Source(file_name="gs-nota.pdf", sha256=sha("pnh"), media_type="application/pdf", size=5))
    return note.model_copy(update=changes) if changes else note


def all_notes() -> list[Note]:
    return [beslisnota(), minimal(), woo_besluit(), provincial()]
