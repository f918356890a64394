"""Document type: what the document calls itself, or the form that tells it.

Two kinds of evidence, each a rule with a score:

- **what it calls itself**: a designation printed on its own line near the top
  or opening the title ("Memo", "Besluitenlijst raadsvergadering …", "MOTIE VAN
  HET LID …", "Raadsvoorstel"), a stage line ("TER BESLISSING"), a phrase
  that names the kind ("Besluit op uw Woo-verzoek", "Antwoord van de minister",
  "advies van de Afdeling advisering van de Raad van State"). `DESIGNATIONS`
  maps the designation words to types.
- **its form**: an e-mail header (`kenmerk.extract.mail`), a letter's address
  block, salutation and closing (`kenmerk.extract.letter`) — a letter to the
  Voorzitter of a Kamer is a Kamerbrief, an advisory body's letter whose subject
  is its advice is an advies — and a proposed decision: a note that carries one
  is a beslisnota whatever else its header says.

A document that names no type and has no telling form is `other`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from kenmerk.extract import geometry
from kenmerk.extract.candidates import Candidate, FieldExtractor, Inputs
from kenmerk.extract.context import Document
from kenmerk.extract.decision import asks_for_decision
from kenmerk.extract.labels import STAGE
from kenmerk.extract.layout import Line
from kenmerk.extract.letter import letter
from kenmerk.extract.mail import top_header
from kenmerk.extract.model import DocumentType as T


@dataclass(frozen=True)
class Designation:
    """A word (or phrase) a document calls itself by, and the type it means."""

    type: T
    pattern: str
    regex: re.Pattern[str] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(rf"^\W{{0,3}}(?:{self.pattern})(?![\w-])", re.IGNORECASE))


#: designations, most specific first; each is matched at the start of a line near the top of page 1
DESIGNATIONS: tuple[Designation, ...] = (
    # a note asking for a decision, and the voorstellen of councils and provincial states (annotation: beslisnota)
    Designation(T.beslisnota, r"(?:openbare\s+)?beslisnota|nota\s+ter\s+beslissing|(?:raads|staten|collegee?)voorstel|"
                              r"voorstel\s+aan\s+(?:de\s+(?:gemeente)?raad|provinciale\s+staten)"),
    # the list of documents of a Woo decision
    Designation(T.inventarislijst, r"inventari(?:s|satie)lijst|inventaris"),
    # a decision on a Woo/Wob request ("verzoek om openbaarmaking" is its legal name), also a deelbesluit
    Designation(T.woo_besluit, r"(?:woo|wob)[-\s]?(?:deel)?besluit|besluit\s+op\s+(?:uw\s+|het\s+)?(?:woo|wob)[-\s]?verzoek|"
                               r"(?:deel)?besluit\s+(?:op\s+)?(?:uw\s+)?(?:woo|wob)|"
                               r"(?:deel)?besluit\s+op\s+(?:uw\s+|het\s+)?verzoek\s+om\s+(?:openbaarmaking|informatie)"),
    # other formal decisions ("Besluit actieve openbaarmaking", "Besluit van …")
    Designation(T.besluit, r"besluit(?:\s+(?:van|tot|inzake|over|actieve\s+openbaarmaking|openbaarmaking))?|"
                           r"[a-zà-ÿ]{3,}besluit"),  # a compound: "Mandaatbesluit …", "Aanwijzingsbesluit …"
    # records of a meeting or conversation (annotation: verslag covers notulen, aantekeningen, besluitenlijsten)
    Designation(T.verslag, r"verslag|notulen|aantekeningen|besluitenlijst|actiepuntenlijst|actie-\s?en\s+besluitenlijst|"
                           r"gespreksverslag|gesprek"),
    # the kinds that name themselves in one word
    Designation(T.agenda, r"(?:concept[-\s]?)?agenda"),
    Designation(T.memo, r"memo(?:randum)?"),
    Designation(T.notitie, r"(?:gespreks|staf-?|discussie|informatie)?notitie"),
    Designation(T.kamerbrief, r"kamerbrief"),
    # the letters of a college or GS to their council or states ("Raadsinformatiebrief 2025-027", "Statenbrief")
    Designation(T.brief, r"(?:raads|staten|commissie)?informatiebrief|statenbrief|raadsbrief"),
    # the formal advice of an advisory body, as a letter or a report
    Designation(T.advies, r"advies|adviesrapport"),
    # kamerstukken, press releases, forms, fiches and reports: no type of their own (annotation: other)
    Designation(T.other, r"motie|amendement|persbericht|nieuwsbericht|(?:bnc-)?fiche\b|aanbiedingsformulier|"
                         r"(?:eind|tussen|onderzoeks|evaluatie)?rapport(?:age)?"),
    # a nota that asks nothing (ter informatie, a GS-nota without "Het college besluit")
    Designation(T.nota, r"(?:oplegnota|nota\s+gs|gs-nota|staf-?nota|nota)"),
)
#: a kind named in a phrase of the first lines
PHRASES: tuple[tuple[T, re.Pattern[str], float], ...] = (
    (T.kamervragen, re.compile(r"aanhangsel\s+van\s+de\s+handelingen|antwoord(?:en)?\s+op\s+(?:de\s+)?kamervragen\s+van|"
                               r"^\s*antwoord\s+van\s+(?:de\s+)?(?:minister|staatssecretaris)", re.I | re.M), 0.92),
    (T.advies, re.compile(r"advies\s+(?:van\s+)?(?:de\s+)?afdeling\s+advisering\s+(?:van\s+de\s+)?raad\s+van\s+state|"
                          r"^\s*advies\s+raad\s+van\s+state|nader\s+rapport", re.I | re.M), 0.92),
    (T.woo_besluit, re.compile(r"besluit\s+op\s+(?:uw\s+|het\s+)?(?:(?:woo|wob)[-\s]?verzoek|verzoek\s+om\s+openbaarmaking)|"
                               r"deelbesluit\s+(?:op\s+)?(?:uw\s+)?(?:woo|wob)", re.I), 0.9),
)
#: stage lines and the type they mean in a note
STAGES: tuple[tuple[re.Pattern[str], T], ...] = (
    (re.compile(r"beslissing|besluitvorming|ondertekening|akkoord|instemming|goedkeuring|paraaf", re.I), T.beslisnota),
    (re.compile(r"informatie|kennisname|advisering|bespreking|advies", re.I), T.nota),
)
#: a letter whose subject names its advice ("Advies over …", "Ongevraagd advies …", any compound: "Pakketadvies …",
#: "Wetgevingsadvies …"): an advisory body's advice
ADVICE_SUBJECT = re.compile(r"^\W{0,3}(?:aanbieding\s+(?:van\s+)?(?:het\s+|ons\s+)?)?(?:ongevraagd\s+)?[^\W\d_]*advies\b",
                            re.IGNORECASE)  # ("Aanbieding van het advies over …": the body presenting its advice)
#: a subject that names a request under the Woo (or the Wob before it): "Uw Woo-verzoek over …"
WOO_REQUEST = re.compile(r"\b(?:woo|wob)[-\s]?verzoek|\bverzoek\s+om\s+openbaarmaking", re.IGNORECASE)
#: a compound naming a kind of decision: "Mandaatbesluit …", "Peilbesluit …"
COMPOUND_BESLUIT = re.compile(r"^\W{0,3}[a-zà-ÿ]{3,}besluit\b", re.IGNORECASE)
#: a letter that decides ("Met deze brief beslis ik op uw verzoek", "Mijn besluit", "Ons besluit")
DECIDES = re.compile(r"\bbeslis(?:sen)?\s+(?:ik|wij|we)\b|^(?:mijn|ons)\s+besluit\b|\bbesluit(?:en)?\s+(?:ik|wij|we)\b",
                     re.IGNORECASE)
#: an address to a Kamer: "Tweede Kamer der Staten-Generaal", "De Voorzitter van de Eerste Kamer", "Vaste commissie
#: voor … van de Tweede Kamer" (a committee is the Kamer's), "(… commissie) / van de Eerste Kamer"
KAMER = re.compile(r"^(?:de\s+)?(?:tweede|eerste)\s+kamer\b|\bvan\s+de\s+(?:tweede|eerste)\s+kamer\b", re.IGNORECASE)
#: lines near the top of page 1 where a designation counts
TOP_LINES = 15
#: types that a proposed decision turns into a beslisnota
NOTE_TYPES = (T.nota, T.memo, T.notitie, T.agenda, T.verslag)


def _top(doc: Document) -> list[Line]:
    """The first lines of page 1, before the body starts (its first section or a letter's salutation)."""
    salutation = letter(doc).salutation
    body = next((s.line.index for s in doc.sections if s.heading.role in ("occasion", "decision", "core")
                 and designation_of(s.line.text) is None), None)  # "Advies", "Agenda" on top name the document
    ends = [i for i in (body, salutation.index if salutation is not None else None) if i is not None]
    end = min(ends) if ends else None
    lines = [ln for ln in doc.first_page if not doc.in_colofon(ln)] if doc.layout.has_positions else doc.content
    return [ln for ln in lines if end is None or ln.index < end][:TOP_LINES]


#: designations that stand alone as a line further down page 1 (an "Agenda" over its items), not section headings
LATE_TYPES = (T.agenda, T.memo, T.notitie)
#: lines of page 1 where a late designation counts
PAGE_LINES = 80


def _first_in_row(doc: Document, line: Line) -> bool:
    """A designation may have its title beside it ("Nota" | "Aanwijzing …"): the leftmost cell counts."""
    return not any(o.page == line.page and o.has_box and o.x1 <= line.x0 and geometry.same_row(o, line)
                   for o in doc.first_page)


#: a word printed letter-spaced ("P E R S B E R I C H T")
SPACED = re.compile(r"\b(?:\w ){3,}\w\b")
#: the separators of a header strip ("GRIFFIE · MEMO · 2024")
STRIP = re.compile(r"\s+[·|•]\s+")


def designation_of(text: str) -> tuple[Designation, re.Match] | None:
    """The designation a text opens with, also letter-spaced or as one part of a header strip."""
    text = SPACED.sub(lambda m: m.group(0).replace(" ", ""), text)
    for part in STRIP.split(text):
        if (found := _designation_of(part)) is not None:
            return found
    return None


def _designation_of(text: str) -> tuple[Designation, re.Match] | None:
    """The designation a text opens with: capitalised ("Memo …", "MEMO"), or alone on its line ("memo")."""
    for d in DESIGNATIONS:
        m = d.regex.match(text)
        if m and (m.group(0).strip(" >")[:1].isupper() or len(text.strip(" :.")) <= m.end() + 1):
            return d, m
    return None


def _designations(doc: Document) -> list[Candidate]:
    out = []
    top = _top(doc)
    body_size = doc.body_size
    for rank, ln in enumerate(top):
        if (found := designation_of(ln.text)) is None or ln.index in doc.table_cells and not _first_in_row(doc, ln):
            continue  # a table cell names its row, not the document
        d, m = found
        alone = len(ln.text.strip(" :.")) <= m.end() + 1
        large = body_size is not None and ln.size is not None and ln.size >= body_size * 1.15
        score = 0.85 if alone or large else 0.74
        score -= 0.005 * rank  # the earlier, the more it is the document's own name
        out.append(Candidate(value=d.type, rule="designation", score=round(score, 3), lines=(ln,),
                             why=f"{'a line' if alone else 'a line opening with'} {m.group(0).strip()!r}"))
    for ln in doc.first_page[TOP_LINES:PAGE_LINES] if not out else []:
        found = designation_of(ln.text)
        if found and found[0].type in LATE_TYPES and len(ln.text.strip(" :.")) <= found[1].end() + 1:
            out.append(Candidate(value=found[0].type, rule="designation-late", score=0.6, lines=(ln,),
                                 why=f"a line {ln.text.strip()!r} on page 1"))
            break
    for pair in doc.pairs_of("subject")[:1]:
        if pair.label_line.page == 1 and (found := designation_of(pair.text)) and not COMPOUND_BESLUIT.match(pair.text):
            # ("Peilbesluit Lage Veld": a letter about a decision is no decision itself)
            # what the subject calls the document outweighs the form of a letter it is sent in (0.72)
            out.append(Candidate(value=found[0].type, rule="subject", score=0.8, lines=tuple(pair.all_lines),
                                 why=f"the subject opens with {found[1].group(0).strip()!r}"))
    return out


def _phrases(doc: Document) -> list[Candidate]:
    out = []
    top = _top(doc)
    text = "\n".join(ln.text for ln in top)
    for kind, rx, score in PHRASES:
        if m := rx.search(text):
            line = top[min(text[:m.start()].count("\n"), len(top) - 1)]
            out.append(Candidate(value=kind, rule="phrase", score=score, lines=(line,), why=f"{m.group(0)!r}"))
    return out


#: an item of a numbered list or agenda: "3. Jaarstukken 2024"
NUMBERED_ITEM = re.compile(r"^\d{1,2}\.\s+\S")
#: a stage in brackets after a designation: "Oplegnota (ter beslissing)"
BRACKETED_STAGE = re.compile(r"\((?:ter|voor)\s+\w+\)", re.IGNORECASE)


def _beside_an_item(doc: Document, line: Line) -> bool:
    """Whether a numbered item ("3. Jaarstukken 2024") stands on the line's row or the row above it."""
    return line.has_box and any(
        o is not line and NUMBERED_ITEM.match(o.text) and (geometry.same_row(line, o) or 0 <= o.y0 - line.y1 < 2 * line.height)
        for o in doc.first_page)


def _stages(doc: Document) -> list[Candidate]:
    for ln in (doc.header or doc.first_page)[:60]:
        if ln.index in doc.table_cells or STAGE.match(ln.text) and _beside_an_item(doc, ln):
            continue  # "(ter besluitvorming)" beside an item of an agenda: the item's, not the document's
        if STAGE.match(ln.text) or BRACKETED_STAGE.search(ln.text) and designation_of(ln.text):
            kind = next((t for rx, t in STAGES if rx.search(ln.text)), T.nota)
            return [Candidate(value=kind, rule="stage", score=0.87 if kind == T.beslisnota else 0.6, lines=(ln,),
                              why=f"stage line {ln.text!r}")]
    return []


#: a form's label: a required field marked with an asterisk ("Titel *", "Datum aanbieding *")
FORM_LABEL = re.compile(r"^[\w() ,.-]{2,45}?\s?\d?\s?\*$")
#: labels so marked that make a document a form
FORM_LABELS = 3


def _forms(doc: Document, decision: tuple[Line, ...] | None) -> list[Candidate]:
    out = []
    marked = [ln for ln in doc.first_page if FORM_LABEL.match(ln.text.strip())]
    if len(marked) >= FORM_LABELS:
        out.append(Candidate(value=T.other, rule="form", score=0.88, lines=tuple(marked[:3]),
                             why=f"a form: {len(marked)} labels marked required with '*'"))
    header = top_header(doc)
    if header is not None:
        out.append(Candidate(value=T.email, rule="mail-header", score=0.9, lines=tuple(header.lines[:3]),
                             why=f"e-mail header fields {', '.join(header.fields)}"))
    parts = letter(doc)
    if parts.is_letter:
        lines = tuple(ln for ln in (parts.salutation, parts.closing) if ln is not None)
        addressed = parts.address_lines[:2]
        subject = next((p.text for p in doc.pairs_of("subject") if p.label_line.page == 1 and p.text), "")
        if any(KAMER.search(ln.text) for ln in addressed):
            out.append(Candidate(value=T.kamerbrief, rule="letter-to-kamer", score=0.85, lines=lines,
                                 why="a letter addressed to a Kamer"))
        elif ADVICE_SUBJECT.match(subject):
            out.append(Candidate(value=T.advies, rule="advice-letter", score=0.8, lines=lines,
                                 why=f"a letter whose subject is its advice: {subject[:40]!r}"))
        elif WOO_REQUEST.search(subject) and any(DECIDES.search(ln.text) for ln in doc.content):
            out.append(Candidate(value=T.woo_besluit, rule="woo-decision-letter", score=0.8, lines=lines,
                                 why=f"a letter on a Woo request that decides it: {subject[:40]!r}"))
        else:
            out.append(Candidate(value=T.brief, rule="letter", score=0.72, lines=lines,
                                 why="address block, salutation and closing"))
    elif any(KAMER.search(ln.text) for ln in parts.address_lines[:2]):
        out.append(Candidate(value=T.kamerbrief, rule="addressed-to-kamer", score=0.8, lines=parts.address_lines[:2],
                             why="an address block to a Kamer"))
    if decision is not None:
        out.append(Candidate(value=T.beslisnota, rule="decision", score=0.86, lines=decision[:1],
                             why="carries a proposed decision"))
    return out


#: a plain note (no letter form, no header fields, no type named) is a notitie up to this many pages
NOTITIE_PAGES = 6


def _plain(doc: Document) -> list[Candidate]:
    """A document that names no type and has no telling form: a short plain note is a notitie."""
    header_fields = doc.pairs_of("addressee", "sender", "date", "reference", "subject")
    if doc.has_cover:
        return [Candidate(value=T.other, rule="cover", score=0.25,
                          why="no type named, page 1 a cover: a report or publication")]
    if len(doc.layout.pages) <= NOTITIE_PAGES and not header_fields:
        return [Candidate(value=T.notitie, rule="plain-note", score=0.2,
                          why="no type named, no header fields, no letter form: a plain note")]
    return [Candidate(value=T.other, rule="unnamed", score=0.1, why="no type named and no telling form")]


def propose_type(doc: Document, inputs: Inputs) -> list[Candidate]:
    """Candidates from designations, phrases, stage lines and forms."""
    chosen = inputs["recommended_decision"].chosen
    stage = next((ln for ln in doc.first_page if asks_for_decision(doc) and STAGE.match(ln.text)), None)
    decision = chosen.lines if chosen is not None else (
        (stage,) if stage is not None and doc.section("occasion") is not None else None)
    out = _phrases(doc) + _designations(doc) + _stages(doc) + _forms(doc, decision) + _plain(doc)
    if decision is not None:
        # "a note that carries a proposed decision is a beslisnota whatever else its header says"
        out = [c.weaker(0.1, "the note carries a proposed decision") if c.value in NOTE_TYPES else c for c in out]
    return out


DOCUMENT_TYPE = FieldExtractor("document_type", propose_type, reads=("recommended_decision",), default=T.other)
