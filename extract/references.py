"""The kenmerk (the sender's own reference) and the other identifiers of a note.

*Kenmerk* is the reference a body gives its own document ("Ons kenmerk",
"Onze referentie", "Kenmerk"); formats vary by body: `DGED / 44314491`,
`IENW/BSK-2022/248639`, `2023-0000700225`, `6048852`. When no reference is
labelled so, a registration number counts ("Zaaknummer", "Registratienummer",
"Ref."). "Uw kenmerk" is the addressee's reference and never the kenmerk.
"""
from __future__ import annotations

import re

from kenmerk.extract.context import Document
from kenmerk.extract.dates import find_dates
from kenmerk.extract.model import Identifier, IdentifierScheme

#: label role → identifier scheme, in the order that decides the kenmerk
SCHEMES: dict[str, IdentifierScheme] = {
    "reference": IdentifierScheme.kenmerk,
    "case_number": IdentifierScheme.zaaknummer,
    "registration_number": IdentifierScheme.registratienummer,
    "their_reference": IdentifierScheme.uw_kenmerk,
}
KENMERK_ROLES = ("reference", "case_number", "registration_number")

#: what a reference looks like: a token with digits, possibly with / - . and spaced slashes
REFERENCE = re.compile(r"^[A-Za-z0-9][\w.\-/]*(?:\s*[/|-]\s*[\w.\-/]+)*(?:\s+[A-Z0-9][\w.\-/]*\d[\w.\-/]*)?")
#: parliamentary and publication identifiers printed in footers ("kst-35538-4")
PUBLICATION_ID = re.compile(r"\b(?:kst|ah-tk|ah-ek|blg|stb|stcrt|trb|h-tk|h-ek)-[0-9][\w-]*\d\b", re.IGNORECASE)
#: redaction marks standing where a value was
REDACTED = re.compile(r"^(?:\(?\d{1,2}\)?(?:\s?[.(]\s?\d{1,2}\)?){1,3}\s?\.?\s?\(?[a-i]?\)?[\s,;]*)+$|^persoonsgegeven",
                      re.IGNORECASE)


def clean_reference(text: str) -> str | None:
    """The reference at the start of `text`, or None when it does not look like one."""
    text = text.strip().strip(":;,").strip()
    if not text or not re.search(r"\d", text):
        return None
    if re.fullmatch(r"\d[\d ]{4,}\d", text):
        return text.replace(" ", "")  # digits broken up by a conversion: "4 8 628954"
    if find_dates(text) and find_dates(text)[0].start == 0:
        return None  # a date, not a reference
    m = REFERENCE.match(text)
    if not m:
        return None
    value = m.group(0).strip().rstrip(".,;")
    if not re.search(r"\d", value) or len(value) > 60 or REDACTED.match(value):
        return None
    return value


def extract_references(doc: Document, values: dict) -> None:
    """Set `kenmerk` and `identifiers`."""
    identifiers: list[Identifier] = []
    seen: set[tuple[str, str]] = set()
    kenmerk_pair = None
    for role in SCHEMES:
        for pair in doc.pairs_of(role):
            value = next((v for v in (clean_reference(t) for t in pair.texts) if v), None)
            if value is None:
                continue
            key = (role, value.replace(" ", "").lower())
            if key in seen:
                continue
            seen.add(key)
            identifiers.append(Identifier(scheme=SCHEMES[role], label=pair.label, value=value,
                                          evidence=doc.evidence(pair.all_lines)))
            if kenmerk_pair is None and role in KENMERK_ROLES:
                kenmerk_pair = (value, pair)
    for ln in doc.lines:
        for m in PUBLICATION_ID.finditer(ln.text):
            key = ("kamerstuk", m.group(0).lower())
            if key not in seen:
                seen.add(key)
                identifiers.append(Identifier(scheme=IdentifierScheme.kamerstuk, label="publicatie",
                                              value=m.group(0), evidence=doc.evidence([ln])))
    values["identifiers"] = identifiers
    if kenmerk_pair:
        value, pair = kenmerk_pair
        values["kenmerk"] = value
        values["evidence"]["kenmerk"] = doc.evidence(pair.all_lines)
