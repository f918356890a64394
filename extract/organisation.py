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
from kenmerk.extract.labels import STAGE, match_label
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
ADDRESSED_MINISTER = re.compile(r"^(?:minister|staatssecretaris)\s+van\s+(?P<rest>.+)$", re.IGNORECASE)
CODE_ADDRESSEE = re.compile(r"^(?:stas\s*|min|m|s)(?P<code>[a-z]{2,6})$", re.IGNORECASE)
ADDRESS_WORD = re.compile(r"^(?:bezoekadres|postadres|postbus|www\.|telefoon|t\s|e-?mail)", re.IGNORECASE)
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
    return doc.once(_units)


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
                        or match_label(nxt.text) or STAGE.match(nxt.text) or re.match(r"^aan\b", nxt.text, re.I):
                    break
                if ADDRESS_WORD.match(nxt.text):
                    break
                if not (re.search(r"(?:\b(?:en|van|voor)|&)$", block[-1].text) or nxt.text[:1].islower()
                        or (nxt.text[:1].isupper() and len(block[-1].text.split()) <= 2)):
                    break
                block.append(nxt)
            units.append((join_lines(block), block))
            i += len(block)
        else:
            i += 1
    return units[:4]


def _printed(doc: Document, values: dict) -> tuple[str, list[Line]] | None:
    """A body printed by name on page 1 ("Ministerie van …", "Provincie …"), not as someone's value."""
    others = {ln.index for p in doc.pairs_of("addressee", "copy_to", "coordination", "sender") for ln in p.all_lines}
    head = [ln for ln in doc.first_page[:80] if ln.index not in others and ln.index not in doc.claimed]
    for rx, how in BODY_CUES:
        if how != "{0}":
            continue
        for i, ln in enumerate(head):
            m = rx.search(ln.text)
            if not m:
                continue
            name = re.sub(r"\s+", " ", m.group(1)).split(" - ")[0].strip(" ,")
            if re.search(r"(?:\b(?:en|van|voor)|,)$", m.group(1).strip()) and i + 1 < len(head) \
                    and len(head[i + 1].text) < 40 and re.fullmatch(r"[A-Z][^\d]*", head[i + 1].text):
                name = f"{name}{',' if m.group(1).strip().endswith(',') else ''} {head[i + 1].text}"  # broken name
            return name, [ln]
    return None


def _addressed_minister(doc: Document, values: dict) -> tuple[str, list[Line]] | None:
    """An internal note to "Minister van X" comes from the Ministerie van X."""
    if values.get("document_type") not in INTERNAL:
        return None
    addressee = values.get("addressee") or ""
    if re.match(r"^minister-president\b", addressee, re.IGNORECASE):
        return MINISTRIES["az"], []
    if m := ADDRESSED_MINISTER.match(addressee):
        return f"Ministerie van {m.group('rest').strip()}", []
    if cm := CODE_ADDRESSEE.match(addressee.replace(" ", "")):
        if name := _ministry_from_code(cm.group("code")):
            return name, []
    return None


def _address_cues(doc: Document, values: dict) -> tuple[str, list[Line]] | None:
    """A rijksoverheid.nl web address or an e-mail domain on page 1."""
    for rx, how in BODY_CUES:
        if how == "{0}":
            continue
        for ln in doc.first_page[:80]:
            m = rx.search(ln.text)
            if not m:
                continue
            code = m.group(1).lower()
            name = _ministry_from_code(code.replace("ministerie-van-", "")) if how == "ministry" \
                else PROVINCE_DOMAINS.get(code)
            if name:
                return name, [ln]
    return None


def _kenmerk_prefix(doc: Document, values: dict) -> tuple[str, list[Line]] | None:
    """The ministry code a kenmerk starts with ("IENW/BSK-2022/…")."""
    m = re.match(r"^([A-Za-z]+)[/ -]", values.get("kenmerk") or "")
    name = _ministry_from_code(m.group(1)) if m else None
    return (name, []) if name else None


#: cues for the body a note comes from, in priority order
CUES = (_printed, _addressed_minister, _address_cues, _kenmerk_prefix)
INTERNAL = (DocumentType.beslisnota, DocumentType.nota, DocumentType.memo, DocumentType.notitie)


def extract_organisation(doc: Document, values: dict) -> None:
    """Set `organisation`."""
    found = next((hit for cue in CUES if (hit := cue(doc, values))), None)
    units = unit_blocks(doc)
    if not found and not units:
        values["organisation"] = None
        return
    name, lines = found if found else (None, [])
    if lines:
        evidence = doc.evidence(lines, name)
    elif name and values["evidence"].get("addressee") is not None and found and found[1] == [] \
            and values.get("addressee"):
        evidence = values["evidence"]["addressee"]
    else:
        evidence = doc.evidence(units[0][1], units[0][0]) if units else None
    values["organisation"] = Organisation(name=name, units=[u for u, _ in units], evidence=evidence)
