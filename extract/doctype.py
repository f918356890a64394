"""Document type: what the document calls itself, from cues in a table.

`CUES` lists, in priority order, the type and the pattern that marks it, and
where to look: the header zone of page 1 (`header`), the first lines of the
document (`top`), or the whole text (`text`). A note with a proposed decision
is a beslisnota whatever its header says.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kenmerk.extract.context import Document
from kenmerk.extract.labels import STAGE
from kenmerk.extract.layout import Line
from kenmerk.extract.model import DocumentType as T


@dataclass(frozen=True)
class Cue:
    type: T
    pattern: str
    where: str  # "top" (first lines), "header" (page 1 before the sections), "line" (a whole line of page 1), "text"
    hits: int = 1  # distinct matches needed (e-mail header fields)

    @property
    def regex(self) -> re.Pattern[str]:
        return re.compile(self.pattern, re.IGNORECASE | re.MULTILINE)


#: e-mail header fields; OCR drops colons and garbles "Verzonden"
EMAIL_HEADER = (r"^\s*(?:(?P<from>from|van)\s*:|(?P<to>to|aan)\s*:|(?P<cc>cc)\b\s*:?|(?P<sent>sent|verzond\w*)\s*:?|"
                r"(?P<subject>subject|onderwerp)\s*:|(?P<received>received)\s*:|(?P<attachments>attachments)\s*:)")
#: header fields that only e-mails have
EMAIL_ONLY = {"sent", "received", "cc", "attachments"}

CUES: tuple[Cue, ...] = (
    Cue(T.inventarislijst, r"^\s*inventari(?:s|satie)lijst\b|^\s*inventaris\b", "top"),
    Cue(T.kamervragen, r"aanhangsel\s+van\s+de\s+handelingen|antwoord(?:en)?\s+op\s+(?:de\s+)?kamervragen\s+van|"
                       r"^\s*antwoord\s+van\s+(?:de\s+)?(?:minister|staatssecretaris)", "top"),
    Cue(T.advies, r"advies\s+(?:van\s+)?(?:de\s+)?afdeling\s+advisering\s+(?:van\s+de\s+)?raad\s+van\s+state|"
                  r"^\s*advies\s+raad\s+van\s+state|nader\s+rapport", "top"),
    Cue(T.other, r"^\s*(?:fiche\s*\d*\s*:|bnc-fiche|aanbiedingsformulier)", "top"),
    Cue(T.other, r"^\s*(?:voor\s*)?acc-?19\b|aanbiedingsformulier|^\s*type\s+voorstel\b", "top"),
    Cue(T.email, EMAIL_HEADER, "mail", hits=3),
    Cue(T.woo_besluit, r"besluit\s+op\s+(?:uw\s+|het\s+)?(?:woo|wob)[-\s]?verzoek|^\s*(?:woo|wob)-?(?:deel)?besluit\b|"
                       r"deelbesluit\s+(?:op\s+)?(?:uw\s+)?(?:woo|wob)", "top"),
    Cue(T.besluit, r"^\s*(?:betreft\s*:\s*)?besluit\s+(?:actieve\s+)?openbaarmaking|^\s*besluit\s+van\s+", "top"),
    Cue(T.beslisnota, r"^\s*(?:openbare\s+)?beslisnota\b|^\s*nota\s+ter\s+beslissing|\(ter\s+beslissing\)|"
                      r"^\s*ter\s+(?:beslissing|besluitvorming)\s*$", "header"),
    Cue(T.memo, r"^\s*memo(?:randum)?\s*$", "line"),
    Cue(T.notitie, r"^\s*(?:gespreks|staf-?)?notitie\s*$", "line"),
    Cue(T.agenda, r"^\s*agenda\s*$", "line"),
    Cue(T.verslag, r"^\s*(?:verslag|notulen|aantekeningen|besluitenlijst)\b", "top"),
    Cue(T.kamerbrief, r"^\s*(?:aan\s+)?de\s+voorzitter\s+van\s+de\s+(?:tweede|eerste)\s+kamer|"
                      r"^\s*(?:tweede|eerste)\s+kamer\s+der\s+staten-generaal\s*$", "header"),
    Cue(T.brief, r"retouradres|^\s*geachte\s+|^\s*hoogachtend", "text"),
    Cue(T.nota, r"^\s*(?:nota|oplegnota|nota\s+gs|gs-nota)\b|^\s*ter\s+(?:informatie|kennisname|ondertekening|advisering)\s*$",
        "header"),
)

TOP_LINES = 15


def _region(doc: Document, where: str) -> list[Line]:
    if where == "top":
        if doc.layout.has_positions:
            return [ln for ln in doc.first_page if not doc.in_colofon(ln)][:TOP_LINES]
        return doc.content[:TOP_LINES]
    if where == "header":
        return (doc.header or doc.first_page)[:60]
    if where == "line":
        return doc.first_page[:80]
    if where == "mail":
        return doc.first_page[:50] if doc.layout.has_positions else doc.content[:50]
    return doc.content


def detect_type(doc: Document, has_decision: bool) -> tuple[T, list[Line]]:
    """The document type and the lines that told it."""
    for cue in CUES:
        lines = _region(doc, cue.where)
        text = "\n".join(ln.text for ln in lines)
        m = cue.regex.search(text)
        if not m:
            continue
        if cue.hits > 1:
            fields = {k for hit in cue.regex.finditer(text) for k, v in hit.groupdict().items() if v}
            if len(fields) < cue.hits or not fields & EMAIL_ONLY:
                continue
        line_no = text[: m.start()].count("\n")
        hit = lines[min(line_no, len(lines) - 1)] if lines else None
        if has_decision and cue.type in (T.nota, T.memo, T.notitie, T.agenda, T.verslag):
            return T.beslisnota, [hit] if hit else []
        return cue.type, [hit] if hit else []
    if has_decision:
        return T.beslisnota, []
    return T.other, []


def extract_document_type(doc: Document, values: dict) -> None:
    """Set `document_type`."""
    doc_type, lines = detect_type(doc, has_decision=values.get("recommended_decision") is not None)
    values["document_type"] = doc_type
    if lines:
        values["evidence"]["document_type"] = doc.evidence(lines)


def has_stage_for_decision(doc: Document) -> bool:
    """Whether the header says the note asks for a decision ("TER BESLISSING")."""
    return any(STAGE.match(ln.text) and re.search(r"beslis|besluit", ln.text, re.I) for ln in doc.first_page)
