"""The kenmerk (the sender's own reference) and the other identifiers of a note.

*Kenmerk* is the reference a body gives its own document ("Ons kenmerk",
"Onze referentie", "Kenmerk", "Registratiekenmerk", "GS-kenmerk"); formats vary
by body: `DGED / 44314491`, `IENW/BSK-2022/248639`, `2023-0000700225`,
`6048852`. When no reference is labelled so, a registration number counts
("Zaaknummer", "Registratienummer", "Ref."). "Uw kenmerk" is the addressee's
reference and never the kenmerk; neither is a parliamentary paper's number.
Two values in one cell (the reference over a document-system number): the
first is the kenmerk.
"""
from __future__ import annotations

import re

from kenmerk.extract import geometry
from kenmerk.extract.candidates import Candidate, FieldExtractor, Inputs
from kenmerk.extract.colofon import LabelledValue
from kenmerk.extract.context import Document
from kenmerk.extract.dates import find_dates
from kenmerk.extract.model import Identifier, IdentifierScheme

#: label role → identifier scheme
SCHEMES: dict[str, IdentifierScheme] = {
    "reference": IdentifierScheme.kenmerk,
    "case_number": IdentifierScheme.zaaknummer,
    "registration_number": IdentifierScheme.registratienummer,
    "their_reference": IdentifierScheme.uw_kenmerk,
}
#: label roles whose value may be the kenmerk, with the score of each: a labelled
#: kenmerk over a case number over a registration number
KENMERK_SCORES: dict[str, float] = {"reference": 0.95, "case_number": 0.8, "registration_number": 0.7}

#: what a reference looks like: a token with digits, possibly with / - . and spaced slashes
#: ("UIT 24-0871 / WBA": a prefix, the number, a spaced slash and the writer's initials; a unit "O&I" inside it)
REFERENCE = re.compile(r"^[A-Za-z0-9][\w.\-/&]*(?:\s*[/|-]\s*[\w.\-/&]+)*"
                       r"(?:\s+[A-Z0-9][\w.\-/&]*\d[\w.\-/&]*(?:\s*[/|-]\s*[\w.\-/&]+)*)?"
                       r"(?:\s[A-Z]{1,2}$)?")  # a series letter after the number, as printed: "24004417 R"
#: parliamentary and publication identifiers printed in footers ("kst-35538-4")
#: "Nummer 2025-019", "Nr. 14": a number printed on its own beside the document's name
TITLE_NUMBER = re.compile(r"^(?:nummer|nr\.?)\s*:?\s*([A-Z]{0,4}\s?\d[\w./-]{2,20})$", re.IGNORECASE)
#: the lines at the top of page 1 where the title row stands
TITLE_ROW_LINES = 8
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
    dates = find_dates(text)
    if dates and dates[0].start == 0:
        return None  # a date, not a reference
    m = REFERENCE.match(text)
    if not m:
        return None
    value = m.group(0).strip().rstrip(".,;")
    if not re.search(r"\d", value) or len(value) > 60 or REDACTED.match(value):
        return None
    return value


def _value(pair: LabelledValue) -> str | None:
    """The first text of a pair that reads as a reference (two values in a cell: the first)."""
    return next((v for v in (clean_reference(t) for t in pair.texts) if v), None)


def _where(pair: LabelledValue) -> str:
    place = "a header table" if pair.in_table else "the colofon" if pair.in_colofon else "page %d" % pair.label_line.page
    return f"label {pair.label!r} in {place}"


def propose_kenmerk(doc: Document, inputs: Inputs) -> list[Candidate]:
    """Every labelled reference that may be the kenmerk; page 1 before later pages."""
    out = []
    for role, score in KENMERK_SCORES.items():
        for pair in doc.pairs_of(role):
            value = _value(pair)
            if value is None:
                continue
            late = pair.label_line.page > 1
            out.append(Candidate(value=value, rule=f"label:{role}", score=round(score - (0.1 if late else 0.0), 3),
                                 lines=tuple(pair.all_lines), why=_where(pair)))
    out.extend(_title_number(doc))
    out.extend(_formula_number(doc))
    return out


#: the title formula of a published decision: "Besluit van de Minister van X van 14 april 2025, nr. WJZ/25104433,
#: houdende …" (Staatscourant, Provinciaal blad, Gemeenteblad): its "nr." is the decision's own reference
FORMULA_NUMBER = re.compile(r"\b(?:besluit|regeling|beschikking)\s+van\s+[^,]{3,160}?\s+van\s+\d{1,2}\s+[a-z]+\s+\d{4}"
                            r"\s*,\s*(?:nr\.?|nummer|kenmerk)\s*(?P<ref>[A-Z0-9][\w./\-&]*\d[\w./\-&]*)", re.IGNORECASE)
#: how many lines at the top of page 1 the formula is looked for in
FORMULA_LINES = 6


def _formula_number(doc: Document) -> list[Candidate]:
    """The number in a published decision's title formula ("Besluit van … van <date>, nr. <ref>, houdende …")."""
    top = doc.first_page[:FORMULA_LINES]
    m = FORMULA_NUMBER.search(" ".join(ln.text for ln in top))
    if m is None:
        return []
    lines = tuple(ln for ln in top if m.group("ref")[:6] in ln.text) or top[:1]
    return [Candidate(value=m.group("ref").rstrip("."), rule="formula-number", score=0.85, lines=tuple(lines),
                      why="the number in the decision's title formula ('van <date>, nr. …')")]


def _title_number(doc: Document) -> list[Candidate]:
    """"Raadsinformatiebrief | Nummer 2025-019": the document's number printed beside its name in the title row."""
    top = [ln for ln in doc.first_page[:TITLE_ROW_LINES] if ln.has_box]
    for ln in top:
        m = TITLE_NUMBER.match(ln.text)
        value = clean_reference(m.group(1)) if m else None
        if value and any(o is not ln and geometry.same_row(ln, o) and (o.size or 0) >= (ln.size or 0) - 0.5
                         and o.x1 <= ln.x0 and not TITLE_NUMBER.match(o.text) for o in top):
            return [Candidate(value=value, rule="title-number", score=0.85, lines=(ln,),
                              why="a number beside the document's name in its title row")]
    return []


def propose_identifiers(doc: Document, inputs: Inputs) -> list[Candidate]:
    """One candidate: every identifier printed, labelled or a publication number."""
    identifiers: list[Identifier] = []
    seen: set[tuple[str, str]] = set()
    for role, scheme in SCHEMES.items():
        for pair in doc.pairs_of(role):
            value = _value(pair)
            if value is None or (role, value.replace(" ", "").lower()) in seen:
                continue
            seen.add((role, value.replace(" ", "").lower()))
            identifiers.append(Identifier(scheme=scheme, label=pair.label, value=value,
                                          evidence=doc.evidence(pair.all_lines)))
    for ln in doc.lines:
        for m in PUBLICATION_ID.finditer(ln.text):
            if ("kamerstuk", m.group(0).lower()) not in seen:
                seen.add(("kamerstuk", m.group(0).lower()))
                identifiers.append(Identifier(scheme=IdentifierScheme.kamerstuk, label="publicatie",
                                              value=m.group(0), evidence=doc.evidence([ln])))
    return [Candidate(value=identifiers, rule="labels", score=1.0, why=f"{len(identifiers)} identifier(s)")]


KENMERK = FieldExtractor("kenmerk", propose_kenmerk)
IDENTIFIERS = FieldExtractor("identifiers", propose_identifiers, default=[], scalar=False)
