"""A made-up corpus of person fields in many shapes, and of offices that must stay.

Every person here is invented, with names rare enough that finding one of their words
anywhere in an output means it leaked. `VARIANTS` are e-mails and notes that put the
persons in every kind of person field (e-mail headers with and without an address, in
quotes, inverted; greetings; signatures; contact blocks) and write phone numbers and
e-mail addresses in the shapes people use to hide them from harvesters. `OFFICES` are
addressees that are a function or a body, in as many shapes; `PERSONS` are addressees
that are a person.
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass

from kenmerk.extract import (
    DocumentType,
    Evidence,
    Note,
    Section,
    Source,
)

#: words, numbers and addresses of the invented persons: none may be published
PLANTED = (
    "Annemiek", "Vries", "Jansen", "Pieter", "Marloes", "Wubbolt", "Joost", "Zeverijn", "Femke", "Oudhuysen",
    "Radboud", "Kleinjan", "Sjoukje", "Tjallema", "Evertjan", "Brouwhuis",
    "12 34 56 78", "12.34.56.78", "1234 5678", "456 78 90", "4567890",
    "a.devries", "devries", "pieter.jansen", "m.wubbolt", "wubbolt", "zeverijn", "s.tjallema", "tjallema",
    "brouwhuis",
)

#: the bar of issue 13: an e-mail with a sender, a named addressee, a sign-off with a first name,
#: a phone number with spaced hyphen and an obfuscated address
BAR_EMAIL = """Van: Jansen, Pieter <pieter.jansen@minbzk.nl>
Verzonden: dinsdag 10 september 2024 10:12
Aan: Annemiek de Vries <a.devries@minvws.nl>
Onderwerp: Voorbereiding overleg opvang

Dag Annemiek,

Het overleg met MBZK is verplaatst naar vrijdag. Bel gerust op 06 - 12 34 56 78 of mail
naar a.devries[at]minvws.nl.

Groet, Annemiek
"""


@dataclass(frozen=True)
class Variant:
    """One made-up document with its persons in person fields."""

    name: str
    text: str
    #: planted words whose person field a `--keep-personal-data` JSON does not hold (a colofon contact
    #: person is not a field of the note): scrubbed by extraction, not found again by the writers
    json_blind: tuple[str, ...] = ()

    @property
    def is_email(self) -> bool:
        return ":" in self.text.splitlines()[0]


VARIANTS: tuple[Variant, ...] = (
    Variant("bar", BAR_EMAIL),
    Variant("quoted-to", """From: "Marloes Wubbolt" <m.wubbolt@rivm.nl>
Sent: Tuesday, 10 September 2024 10:12
To: 'Joost Zeverijn'
Cc: Minister van Volksgezondheid, Welzijn en Sport
Subject: Planning overleg vaccinatie

Hoi Joost,

Zie de planning hieronder. Mijn nummer is 06.12.34.56.78, mail anders m.wubbolt @ rivm.nl.

Met vriendelijke groet,
Marloes Wubbolt
Senior beleidsmedewerker
"""),
    Variant("inverted-no-address", """Van: Zeverijn, Joost
Verzonden: woensdag 11 september 2024 09:00
Aan: Oudhuysen, F. (Femke); Directie Wetgeving en Juridische Zaken
Onderwerp: Reactie op concept

Beste Femke en Radboud,

Akkoord met het concept. Bellen kan via +31 (0)6 1234 5678 of 070-456 78 90.
Femke, wil jij Radboud Kleinjan vragen het te agenderen?

Groeten,
Joost
"""),
    Variant("first-name-with-address", """Van: Sjoukje <s.tjallema＠minvws.nl>
Verzonden: donderdag 12 september 2024 15:30
Aan: Evertjan Brouwhuis [mailto:e.brouwhuis(at)minbzk.nl]
Onderwerp: Stukken voor het bewindsliedenoverleg

Dag Evertjan,

De stukken staan klaar. Tjallema zal ze toelichten; bel 06 – 12 34 56 78.

Hartelijke groet,
Sjoukje Tjallema
"""),
    Variant("nota-contact-block", """Nota

Aan
Annemiek de Vries

Van
Directeur-generaal Migratie

Datum
12 maart 2024

Ons kenmerk
2024-0004711

Contactpersoon
Marloes Wubbolt

Telefoon
06 - 12 34 56 78

E-mail
m.wubbolt[at]minvws.nl

Onderwerp
Opvang van asielzoekers in de regio

1. Geadviseerd besluit
U wordt geadviseerd in te stemmen met het voorstel dat Wubbolt heeft opgesteld.

2. Toelichting
Het voorstel is besproken met Gedeputeerde Staten; Wubbolt licht het toe. Met dank aan
Annemiek voor de snelle reactie.
""", json_blind=("Wubbolt",)),
)

#: addressees that are a function or a body: they stay, in every output
OFFICES = (
    "Minister van VWS", "Gemeente Wierden", "Provinciale Staten van Overijssel", "MBZK", "MBZK en SBZK",
    "Voorzitter veiligheidsregio's", "Voorzitter veiligheidsregio’s", "Stas IenW", "DG Langdurige Zorg",
    "ROYAL SCHIPHOL GROUP", "Gemeente Hellendoorn", "Minister-President", "Gedeputeerde Staten",
    "Koninklijke Marechaussee", "Nederlandse Zorgautoriteit", "Tweede Kamer der Staten-Generaal",
    "Directie Wetgeving en Juridische Zaken", "Veiligheidsregio Twente", "Jeugdzorg Nederland",
    "College van Burgemeester en Wethouders", "Europese Commissie", "Werkgroep Vaccinatie",
    "NAAM van verzoeker", "gedeputeerde Stigter, portefeuille klimaat en energie", "Secretaris-generaal",
    "De Voorzitter van de Tweede Kamer der Staten-Generaal", "ACC-19", "Staatssecretaris van Financiën",
    "Algemene Rekenkamer", "Raad van State", "Defensie Materieel Organisatie",
)

#: addressees that are a person: left out of every output
PERSONS = (
    "Annemiek de Vries", "Marloes Wubbolt", "Wubbolt, Marloes", "Wubbolt, M. (Marloes)", "Oudhuysen, F.",
    "De heer J. Zeverijn", "mevrouw Wubbolt", "J. Zeverijn", "Joost van der Zeverijn", "Zeverijn, Joost van",
    "Ark, T. van (Tamara)", "m.wubbolt@rivm.nl", '"Marloes Wubbolt"', "Sjoukje Tjallema-Brouwhuis",
    "Drs. F. Oudhuysen",
)

#: OCR scraps of redacted addresses (made up in the style of a redaction box read by OCR)
SCRAPS = ("[EEXR IMNEREDNEXEa minbzk.ni>", "EEBR", "GEN C. (BDE) EEE ins. n>", "minbzk.ni]", "IEEE EXEEE EEB")


def hand_made_email(variant: Variant) -> Note:
    """A note as a JSON made with `--keep-personal-data` holds it: header lines in the evidence,
    the body (greeting, signature, numbers) in a section, the addressee as a name."""
    lines = variant.text.splitlines()
    header = [ln for ln in lines[:6] if ":" in ln]
    body = "\n".join(lines[len(header):]).strip()
    to = next((ln for ln in header if ln.lower().startswith(("aan:", "to:"))), header[0])
    sha = hashlib.sha256(variant.text.encode()).hexdigest()
    return Note(
        extractor="0.1.0", document_type=DocumentType.email, title="Planning overleg",
        date=dt.date(2024, 9, 10), addressee=to.split(":", 1)[1].split(";")[0].split("<")[0].split("[")[0].strip(" '\""),
        sections=[Section(number="1", heading="Bericht", text=body, page=1)],
        source=Source(file_name=f"{variant.name}.txt", sha256=sha, media_type="text/plain", size=len(variant.text)),
        evidence={"addressee": Evidence(page=1, text=to),
                  "document_type": Evidence(page=1, text=header[0]),
                  "date": Evidence(page=1, text=" ".join(header[1:]))},
    )


def office_note(addressee: str) -> Note:
    """A dated note addressed to `addressee`."""
    sha = hashlib.sha256(addressee.encode()).hexdigest()
    return Note(extractor="0.1.0", document_type=DocumentType.nota, title="Opvang van ontheemden",
                date=dt.date(2024, 3, 12), addressee=addressee,
                source=Source(file_name="nota.txt", sha256=sha, media_type="text/plain", size=10),
                evidence={"addressee": Evidence(page=1, text=f"Aan {addressee}")})


def leaks(text: str) -> list[str]:
    """The planted strings found in `text`."""
    return [p for p in PLANTED if p in text]
