"""The labels of the colofon and header block, with their synonyms.

The *colofon* is the narrow column on the right of a Dutch government note that
lists its metadata as label/value pairs ("Datum" / "9 januari 2025", "Ons
kenmerk" / "DGED / 44314491", "Bijlage(n)" / "2"). Letters and GS-nota's have a
header block on the left with the same kind of pairs ("Aan", "Betreft:").

`LABELS` maps each label *role* to the patterns that print it. A pattern matches
the start of a line; what follows (after a colon or spaces) is the value on the
same line, else the value is read from the lines under or beside the label.
Forms (the aanbiedingsformulier of the ministerraad and its committees) mark a
required field with an asterisk ("Titel *", "Kenmerk *"): a label so marked is
read like one with a colon.
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Literal

#: a value on the label's own line: "colon" only after a colon, "colon_required" the label only counts with
#: its colon ("Titel:"), "count" after a colon or a count ("Bijlagen 2"), "any" always, "never" never
Inline = Literal["colon", "colon_required", "count", "any", "never"]


@dataclass(frozen=True)
class LabelKind:
    """A label role: the printed forms and what its value may look like."""

    role: str
    pattern: str
    max_lines: int = 1  # value lines to read under the label
    max_chars: int = 200  # longer lines are not a value of this label
    inline: Inline = "colon"
    """What may follow the label on its own line as its value (see `Inline`)."""

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.pattern)


@functools.cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^[\W_]{{0,6}}(?:{pattern})(?=$|[\s:.])\s*:?\s*", re.IGNORECASE)


#: the kinds of document whose own date "Datum <kind>" labels ("Datum nota", "Datum rapport"), and the executive
#: board whose decision dates the paper it sends ("Datum college", "Datum collegebesluit", as "Datum GS-besluit")
_OWN_DATE = (r"aanbieding|nota|brief|memo|document|besluit|aanvraag|indiening|rapport|rapportage|verslag|advies|"
             r"notitie|melding|vaststelling|ondertekening|voorstel|college(?:besluit)?")
#: month names that may follow "Datum" in a value printed on the label's line
_MONTH_WORDS = r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
#: Head nouns of reference labels, alone or at the end of a compound: "Kenmerk",
#: "Registratiekenmerk", "GS-kenmerk", "Zaakkenmerk" are one form with a qualifier in front.
_COMPOUND = r"(?:[a-z]{2,16}-?|[A-Z]{2,6}-)?"
#: a possessive in front of a label: "Ons kenmerk", "Onze referentie"
_OURS = r"(?:ons|onze)\s+"


def _any(*forms: str) -> str:
    return "|".join(forms)


#: Roles in priority order: the first role whose pattern matches a line wins,
#: so longer forms ("Uw kenmerk", "Datum vergadering") come before shorter ones
#: ("Kenmerk", "Datum"). Each pattern is built from the parts of a label's form:
#: a head noun ("datum", "kenmerk", "nummer") and the qualifier that gives it its
#: role ("vergader-", "uw", "zaak-").
LABELS: tuple[LabelKind, ...] = (
    # dates with a qualifier before ("vergaderdatum") or after the head ("datum vergadering"): a meeting's,
    # a publication's, a deadline, a sending or a receipt; never the document's own date
    # … and the meetings a proposal goes to: "Raadsvergadering", "Commissievergadering" (a header row's label)
    LabelKind("meeting_date", _any(r"datum\s+(?:van\s+(?:de|het)\s+)?(?:vergadering|overleg|bespreking|bijeenkomst|"
                                   r"ministerraad|zitting)", r"(?:vergader|overleg|zittings?|bijeenkomst)datum",
                                   r"(?:raads|commissie|staten|college|bestuurs)vergadering"),
              1, 60, "any"),
    LabelKind("publication_date", _any(r"(?:publicatie|openbaarmakings?)datum",
                                       r"datum\s+(?:van\s+)?(?:publicatie|openbaarmaking)"), 1, 60, "any"),
    LabelKind("deadline", _any(r"beslistermijn", r"deadline", r"uiterste\s+(?:beslis)?datum",
                               r"(?:gewenste\s+)?(?:beslis|besluit)datum", r"(?:reactie)?termijn"), 1, 60, "any"),
    LabelKind("sent_date", _any(r"verzond[a-z]{2,4}", r"sent", r"verzenddatum", r"datum\s+(?:van\s+)?verzending",
                                r"date\s+sent"), 1, 80, "any"),
    LabelKind("received_date", _any(r"datum\s+(?:van\s+)?(?:ontvangst|binnenkomst)", r"ontvangstdatum"), 1, 60, "any"),
    # "Ontvangen: 3 mei": a received stamp, only with its colon (the word alone is a verb in running text)
    LabelKind("received_date", r"ontvangen", 1, 60, "colon"),
    # "Uw brief (van)", "Uw kenmerk": the addressee's own reference and date, never ours
    LabelKind("their_reference", _any(r"uw\s+(?:kenmerk|referentie|ref\.?|brief|bericht|verzoek|e-?mail|schrijven)"
                                      r"(?:\s+van)?", r"your\s+ref(?:erence|\.)?",
                                      r"uw\s+(?:klant|cliënt|client|relatie|burger)(?:nummer|nr\.?)"), 1, 60, "any"),
    # the date of something the document is about: "Datum bezoek", "Datum hoorzitting", "Datum evenement" (any
    # other noun after "Datum" than the document's own kinds below, and no month)
    LabelKind("event_date", rf"datum\s+(?!(?:{_OWN_DATE}|{_MONTH_WORDS})\b)[a-zà-ÿ]{{4,}}", 1, 60, "any"),
    # the document's own date: "Datum", "Datum nota", "Datum rapport", a form's "Datum aanbieding" or "Datum aanvraag",
    # the old "Dagtekening"
    LabelKind("date", _any(rf"datum(?:\s+(?:{_OWN_DATE}))?", r"date", r"dagtekening"),
              1, 60, "any"),
    # a case-management number, the kenmerk when no reference is labelled ("Zaaknummer", "Zaakkenmerk")
    LabelKind("case_number", _any(r"zaak\s*(?:nummer|nr\.?|kenmerk)", r"zaak\s+nr\.?", r"dossier\s*(?:nummer|nr\.?)"),
              1, 60, "any"),
    # the sender's reference: "Ons kenmerk", "Onze referentie", any compound ending in -kenmerk ("GS-kenmerk")
    LabelKind("reference", _any(rf"{_OURS}(?:kenmerk|referentie|ref\.?|nummer|nr\.?)", rf"{_COMPOUND}kenmerk",
                                r"referentie(?:nummer)?", r"our\s+ref(?:erence|\.)?"), 1, 60, "any"),
    # a registration number of a document system or of the case the document settles ("Registratienummer",
    # "Documentnummer", "Onderzoeksnummer", "Besluitnummer", "Meldingsnummer", "Briefnummer", "Projectnummer", "Ref.",
    # the Raad van State's "No.")
    LabelKind("registration_number", _any(r"(?:registratie|document|corsa|archief|onderzoeks?|besluit|verzoek|"
                                          r"aanvraag|meldings?|klacht|brief|project)\s*(?:nummer|nr\.?)",
                                          r"reg\.\s*nr\.?", r"ref\.", r"no\."), 1, 60, "any"),
    # the subject of a letter, note or e-mail; "Titel" only with a colon (alone it heads a table column)
    LabelKind("subject", _any(r"onderwerp(?:\s+(?:aanvraag|verzoek|melding))?", r"betreft", r"inzake", r"subject"), 4,
              200, "colon"),
    LabelKind("subject", r"titel", 4, 200, "colon_required"),
    # the other parties of a note's or e-mail's header: copies, addressee, sender
    LabelKind("copy_to", _any(r"kopie\s+aan", r"(?:in\s+)?afschrift\s+aan", r"b?cc"), 2, 80, "colon"),
    LabelKind("addressee", _any(r"aan", r"voor", r"to", r"geadresseerde"), 2, 90, "colon"),
    LabelKind("sender", _any(r"van", r"from", r"afzender"), 2, 60, "colon"),
    # the attachments field: a count ("Bijlage(n) 2") or a list under it
    LabelKind("attachments", _any(r"bijlage\s*\(n\)", r"bijlagen?\s*\((?:optioneel|facultatief|indien\s+van\s+toepassing)\)",
                                  r"bijlagen?", r"aantal\s+bijlagen", r"bijl\.", r"enclosures?", r"enclosure\s*\(s\)",
                                  r"attachments?"), 8, 160, "count"),
    # people: who wrote it, who to call, how to reach them (personal data, `kenmerk.extract.personal`)
    LabelKind("author", r"opgesteld\s+door|auteur|opsteller|steller|behandeld\s+door|uw\s+contactpersoon|contactpersoon|"
                        r"inlichtingen\s+bij|inlichtingen|behandelaar|contact", 2, 40, "colon"),
    LabelKind("phone", r"telefoonnummer|telefoon|doorkiesnummer|doorkies|tel\.|mobiel|t(?=\s*\+?\d)", 1, 40, "any"),
    # the page count of a header table's "Pagina" column ("1 van 3"), never a value of another label
    LabelKind("page", r"pagina|blad", 1, 20, "never"),
    LabelKind("email", r"e-?mail", 1, 60, "any"),
    # the rest of a ministry note's header: coordination, openness, portfolio, place, attendance
    # who commissioned a report: another party, not the sender
    LabelKind("client", r"opdrachtgever|in\s+opdracht\s+van", 2, 80, "colon"),
    LabelKind("coordination", r"samengewerkt\s+met|afgestemd\s+met|(?:extern|intern)\s+\w+\s+afgestemd|parafenroute|paraaf\s+\w+|mede\s+ondertekend\s+door", 2, 60, "colon"),
    LabelKind("public", r"nota\s+actief\s+openbaar|actief\s+openbaar", 1, 10, "colon"),
    LabelKind("portfolio", r"portefeuillehouder|portefeuille", 1, 80, "colon"),
    LabelKind("location", r"locatie|plaats", 1, 80, "colon"),
    LabelKind("present", r"aanwezig|aanwezigen|afwezig", 3, 200, "colon"),
    # "Ontvangen door" in a stamp: never with a value on its line
    LabelKind("received_by", r"ontvangen\s+\w+", 1, 40, "never"),
)

#: a form's mark of a required field, after its label: "Titel *"
REQUIRED_MARK = re.compile(r"\s*\*\s*$")


@dataclass(frozen=True)
class LabelMatch:
    kind: LabelKind
    label: str  # the label as printed
    rest: str  # text after the label on the same line ('' when none)
    colon: bool


def _squeezed(pattern: str) -> str:
    return pattern.replace(r"\s+", r"\s*")


@functools.cache
def _squeezed_regex(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"^(?:{_squeezed(pattern)})$", re.IGNORECASE)


#: lines seen per run of a batch worker; a line's label depends on its text alone
MATCH_CACHE = 65536


@functools.lru_cache(maxsize=MATCH_CACHE)
def match_label(text: str) -> LabelMatch | None:
    """The label a line starts with, if any, and what follows it on the line.

    Short lines are also tried with their spaces removed, for conversions that
    break words ("Ref erentie", "Extern OCW af gestemd").
    """
    found = _match(text)
    if found is None and len(text) <= 30 and " " in text and not any(c.isdigit() for c in text):
        squeezed = text.replace(" ", "")
        for kind in LABELS:
            if _squeezed_regex(kind.pattern).match(squeezed):
                return LabelMatch(kind=kind, label=text, rest="", colon=False)
    if found is None and (spaced := LETTER_SPACED.match(text)):
        # "O N S N U M M E R  HM-2025-006241": a label set letter-spaced, then its value
        squeezed = spaced.group(1).replace(" ", "").rstrip(":")
        for kind in LABELS:
            if _squeezed_regex(kind.pattern).match(squeezed):
                return LabelMatch(kind=kind, label=squeezed, rest=(spaced.group(2) or "").strip(), colon=False)
    return found


#: a line opening with letters set apart ("O N D E R W E R P Vervanging …"): four or more single letters
LETTER_SPACED = re.compile(r"^((?:[^\W\d_] ){3,}[^\W\d_]:?)(?: +(.*))?$")
#: dashes or rules around a label ("-- Bijlagen --", "=== Attachments ===")
RULE_MARKS = re.compile(r"[-–—=*_ ]+")
#: a parenthetical note after a form's label, perhaps cut off at the line's end, with no digit in it
NOTE_ON_LABEL = re.compile(r"\([^\d()]*\)?")
#: roles whose value has digits: a word after their label is a qualifier of it ("Registratienummer gemeente")
NUMBERED_ROLES = frozenset({"reference", "case_number", "registration_number"})
QUALIFIER = re.compile(r"[a-zà-ÿ]{4,}")


#: the first item of a numbered list set on a label's line ("Bijlagen  1. Conceptbrief aan …")
NUMBERED_ITEM = re.compile(r"\d{1,2}[.)]\s+[^\W\d]")
#: "b) Datum ontvangst": the letter or number of an item in a form's list of labels
ENUMERATOR = re.compile(r"^\(?(?:[a-z]|\d{1,2})\)\s+")


@functools.cache
def _any_label() -> re.Pattern[str]:
    """Every label form in one pattern: most lines open with none, and one match says so."""
    return _compiled("|".join(f"(?:{kind.pattern})" for kind in LABELS))


def _match(text: str) -> LabelMatch | None:
    text = ENUMERATOR.sub("", text)
    marked = REQUIRED_MARK.search(text) is not None and len(text) <= 45
    if marked:
        text = REQUIRED_MARK.sub("", text)
    if not _any_label().match(text):
        return None
    for kind in LABELS:
        m = kind.regex.match(text)
        if not m:
            continue
        label = re.sub(r"^[\W_]+", "", text[: m.end()]).strip().rstrip(":").strip()
        rest = text[m.end():].strip()
        if RULE_MARKS.fullmatch(rest):
            rest = ""  # "-- Bijlagen --": a label set between rules
        if NOTE_ON_LABEL.fullmatch(rest) or (kind.role in NUMBERED_ROLES and QUALIFIER.fullmatch(rest)):
            # "Zaaknummer (in te vullen door de gemeente)", "Registratienummer gemeente": a note on the label,
            # not its value (a number or a date has digits)
            rest = ""
        if marked and rest:
            continue  # "Mede namens 1 *": not this label's form
        colon = marked or ":" in text[: m.end()]
        if rest and not colon and kind.inline == "never":
            continue
        if not colon and kind.inline == "colon_required":
            continue  # "Titel" alone is a column header; "Titel: …" is the subject
        if rest and not colon and kind.inline == "colon":
            continue  # "Aan Juridische Zaken is voorgelegd…" is a sentence, not a label
        if rest and not colon and kind.inline == "count" and not re.fullmatch(r"\d{1,2}|geen|-", rest, re.IGNORECASE) \
                and not NUMBERED_ITEM.match(rest):
            continue  # (a count, or the first item of a numbered list: "Bijlagen 1. Conceptbrief …")
        if rest and not colon and kind.inline == "any" and rest[:1].islower() and not re.search(r"\d", rest):
            continue  # "Uw verzoek om een …": words running on, not a reference or a date after its label
        if len(label) > 40:
            continue
        return LabelMatch(kind=kind, label=label, rest=rest, colon=colon)
    return None


#: Lines that print the stage of a note, not a value ("TER BESLISSING").
STAGE = re.compile(
    r"^\(?(?:ter|voor)\s+(?:beslissing|besluitvorming|ondertekening|informatie|kennisname|advisering|akkoord|"
    r"bespreking|instemming|paraaf|goedkeuring|advies)\b\.?\)?$",
    re.IGNORECASE,
)

#: A line that is only a document designation ("Nota", "Memo", "Beslisnota", "nota").
DESIGNATION = re.compile(
    r"^(?:beslisnota|nota|memo|memorandum|notitie|gespreksnotitie|brief|agenda|verslag|notulen|aantekeningen|"
    r"besluit|advies|e-?mail|oplegnota|staf(?:-|\s)?notitie|nota\s+gs|gs-nota)\s*:?$",
    re.IGNORECASE,
)
