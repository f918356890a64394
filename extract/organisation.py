"""The organisation a note comes from, and the units under it as printed.

The body is named by cues in a table (`BODY_CUES`): a printed "Ministerie van
…", "Provincie …", "Gemeente …", a rijksoverheid.nl web address, an e-mail
domain, the prefix of the kenmerk ("IENW/BSK-…"). An internal note addressed
to "Minister van X" comes from the Ministerie van X. Units are the
"Directoraat-generaal …", "Directie …" lines of the colofon or header.
"""
from __future__ import annotations

import re

from kenmerk.extract.context import Document, join_lines
from kenmerk.extract.labels import match_label
from kenmerk.extract.layout import Line
from kenmerk.extract.model import DocumentType, Organisation

#: ministry names by the short forms printed in web addresses, kenmerken and addressee codes
MINISTRIES: dict[str, str] = {
    "az": "Ministerie van Algemene Zaken",
    "bz": "Ministerie van Buitenlandse Zaken",
    "bzk": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
    "def": "Ministerie van Defensie",
    "defensie": "Ministerie van Defensie",
    "mindef": "Ministerie van Defensie",
    "ezk": "Ministerie van Economische Zaken en Klimaat",
    "ez": "Ministerie van Economische Zaken",
    "kgg": "Ministerie van Klimaat en Groene Groei",
    "fin": "Ministerie van Financiën",
    "financien": "Ministerie van Financiën",
    "ienw": "Ministerie van Infrastructuur en Waterstaat",
    "jenv": "Ministerie van Justitie en Veiligheid",
    "venj": "Ministerie van Veiligheid en Justitie",
    "lnv": "Ministerie van Landbouw, Natuur en Voedselkwaliteit",
    "lvvn": "Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur",
    "ocw": "Ministerie van Onderwijs, Cultuur en Wetenschap",
    "szw": "Ministerie van Sociale Zaken en Werkgelegenheid",
    "vws": "Ministerie van Volksgezondheid, Welzijn en Sport",
    "vro": "Ministerie van Volkshuisvesting en Ruimtelijke Ordening",
    "aenm": "Ministerie van Asiel en Migratie",
}
#: (pattern, how to name the body from the match)
BODY_CUES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(Ministerie\s+van\s+[A-Z][\w,’' -]+?)(?=\s{2,}|$|\.|\s+\(|\s+Directoraat|\s+Postbus)"), "{0}"),
    (re.compile(r"\b(Provincie\s+[A-Z][\w-]+(?:[ -][A-Z][\w-]+)?)"), "{0}"),
    (re.compile(r"\b(Gemeente\s+[A-Z][\w'-]+(?:[ -][A-Z][\w-]+)?)"), "{0}"),
    (re.compile(r"rijksoverheid\.nl/(?:ministeries/)?(?:ministerie-van-)?([a-z-]+)", re.I), "ministry"),
    (re.compile(r"@(minvws|minbzk|minezk|minienw|minjenv|minocw|minszw|minfin|minlnv|mindef|minaz|minbuza)\.nl", re.I),
     "ministry"),
    (re.compile(r"@([a-z-]+)\.nl\b", re.I), "domain"),
)
PROVINCE_DOMAINS = {"noord-holland": "Provincie Noord-Holland", "zuid-holland": "Provincie Zuid-Holland",
                    "utrecht": "Provincie Utrecht", "gelderland": "Provincie Gelderland",
                    "noord-brabant": "Provincie Noord-Brabant", "brabant": "Provincie Noord-Brabant",
                    "limburg": "Provincie Limburg", "zeeland": "Provincie Zeeland", "overijssel": "Provincie Overijssel",
                    "drenthe": "Provincie Drenthe", "groningen": "Provincie Groningen", "fryslan": "Provincie Fryslân",
                    "flevoland": "Provincie Flevoland", "rivm": "Rijksinstituut voor Volksgezondheid en Milieu",
                    "autoriteitpersoonsgegevens": "Autoriteit Persoonsgegevens"}
ADDRESSED_MINISTER = re.compile(r"^(?:minister|staatssecretaris)\s+(?:van|voor)\s+(?P<rest>.+)$", re.IGNORECASE)
CODE_ADDRESSEE = re.compile(r"^(?:m|s|stas\s*|min)(?P<code>[a-z]{2,6})$", re.IGNORECASE)
UNIT = re.compile(
    r"^(?:directoraat[-\s]generaal|directie|dir\.?\s|afdeling|afd\.|programmadirectie|bestuurskern|cluster|"
    r"dienst|inspectie|sector|team|portefeuille|hoofddirectie|staf\b|kabinet\b|programma\b)",
    re.IGNORECASE,
)


def _ministry_from_code(code: str) -> str | None:
    code = code.lower().replace("min", "", 1) if code.lower().startswith("min") and code.lower() != "mindef" else code.lower()
    return MINISTRIES.get(code) or MINISTRIES.get(code.replace("-", ""))


def unit_blocks(doc: Document) -> list[tuple[str, list[Line]]]:
    """The organisational units printed on page 1, with their lines (computed once)."""
    if not hasattr(doc, "_units"):
        doc._units = _units(doc)
    return doc._units


def _units(doc: Document) -> list[tuple[str, list[Line]]]:
    units: list[tuple[str, list[Line]]] = []
    zone = [ln for ln in doc.first_page if ln.index not in doc.claimed]
    if doc.layout.has_positions:
        zone = [ln for ln in zone if doc.in_colofon(ln)] or zone[:30]
    else:
        zone = [ln for ln in doc.header][:40]
    i = 0
    while i < len(zone):
        ln = zone[i]
        if UNIT.match(ln.text) and len(ln.text) < 70:
            block = [ln]
            for nxt in zone[i + 1:i + 3]:
                if UNIT.match(nxt.text) or nxt.gap_before or len(nxt.text) > 50 or re.search(r"\d", nxt.text) \
                        or match_label(nxt.text) or re.match(r"^aan\b", nxt.text, re.IGNORECASE):
                    break
                if not (re.search(r"\b(?:en|van|voor|&)$", block[-1].text) or nxt.text[:1].islower()
                        or (nxt.text[:1].isupper() and len(block[-1].text.split()) <= 2)):
                    break
                block.append(nxt)
            units.append((join_lines(block), block))
            i += len(block)
        else:
            i += 1
    return units[:4]


def extract_organisation(doc: Document, values: dict) -> None:
    """Set `organisation`."""
    name: str | None = None
    lines: list[Line] = []
    head = doc.first_page[:80]
    for rx, how in BODY_CUES:
        for ln in head:
            m = rx.search(ln.text)
            if not m:
                continue
            if how == "ministry":
                name = _ministry_from_code(m.group(1).replace("ministerie-van-", ""))
            elif how == "domain":
                name = PROVINCE_DOMAINS.get(m.group(1).lower())
            else:
                name = re.sub(r"\s+", " ", m.group(1)).strip(" ,")
            if name:
                lines = [ln]
                break
        if name:
            break
    addressee = values.get("addressee") or ""
    internal = values.get("document_type") in (DocumentType.beslisnota, DocumentType.nota, DocumentType.memo,
                                                DocumentType.notitie)
    m = ADDRESSED_MINISTER.match(addressee)
    if internal and re.match(r"^minister-president\b", addressee, re.IGNORECASE):
        name, lines, ev = MINISTRIES["az"], [], values["evidence"].get("addressee")
    elif internal and m and (not name or not name.lower().startswith("ministerie")):
        name = f"Ministerie van {m.group('rest').strip()}"
        lines = []
        ev = values["evidence"].get("addressee")
    else:
        ev = None
    if not name and internal and (cm := CODE_ADDRESSEE.match(addressee.replace(" ", ""))):
        name = _ministry_from_code(cm.group("code"))
        ev = values["evidence"].get("addressee")
    if not name and values.get("kenmerk"):
        prefix = re.match(r"^([A-Za-z]+)[/ -]", values["kenmerk"])
        if prefix:
            name = _ministry_from_code(prefix.group(1))
    units = unit_blocks(doc)
    if not name and not units:
        values["organisation"] = None
        return
    evidence = doc.evidence(lines or (units[0][1] if units else []), name or units[0][0]) if (lines or units) else ev
    values["organisation"] = Organisation(name=name, units=[u for u, _ in units], evidence=evidence)
