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

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class LabelKind:
    """A label role: the printed forms and what its value may look like."""

    role: str
    pattern: str
    max_lines: int = 1  # value lines to read under the label
    max_chars: int = 200  # longer lines are not a value of this label
    inline: str = "colon"  # value on the label's line: "colon" (after ':'), "count" (':' or a number), "any", "never"

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(self.pattern)


_CACHE: dict[str, re.Pattern[str]] = {}


def _compiled(pattern: str) -> re.Pattern[str]:
    if pattern not in _CACHE:
        _CACHE[pattern] = re.compile(rf"^[\W_]{{0,6}}(?:{pattern})(?=$|[\s:.])\s*:?\s*", re.IGNORECASE)
    return _CACHE[pattern]


#: Roles in priority order: the first role whose pattern matches a line wins,
#: so longer forms ("Uw kenmerk") come before shorter ones ("Kenmerk").
LABELS: tuple[LabelKind, ...] = (
    LabelKind("meeting_date", r"datum\s+(?:vergadering|overleg|bespreking)|vergaderdatum|datum\s+ministerraad", 1, 60, "any"),
    LabelKind("publication_date", r"publicatiedatum|datum\s+publicatie|datum\s+openbaarmaking", 1, 60, "any"),
    LabelKind("deadline", r"beslistermijn|deadline|uiterste\s+(?:beslis)?datum|gewenste\s+beslisdatum|beslisdatum|termijn", 1, 60, "any"),
    LabelKind("sent_date", r"verzond[a-z]{2,4}|sent|verzenddatum", 1, 80, "any"),
    LabelKind("received_date", r"datum\s+ontvangst|ontvangstdatum|datum\s+binnenkomst", 1, 60, "any"),
    LabelKind("received_date", r"ontvangen", 1, 60, "colon"),
    LabelKind("date", r"datum\s+aanbieding|datum|date", 1, 60, "any"),
    LabelKind("their_reference", r"uw\s+kenmerk|uw\s+referentie|uw\s+brief(?:\s+van)?|uw\s+bericht|uw\s+verzoek|your\s+reference", 1, 60, "any"),
    LabelKind("reference", r"ons\s+kenmerk|onze\s+referentie|onze\s+ref\.?|ons\s+nummer|kenmerk|referentie|our\s+reference", 1, 60, "any"),
    LabelKind("case_number", r"zaaknummer|zaaknr\.?|zaak\s+nr\.?|zaakkenmerk", 1, 60, "any"),
    LabelKind("registration_number", r"registratienummer|registratienr\.?|reg\.\s*nr\.?|documentnummer|corsanummer|ref\.", 1, 60, "any"),
    LabelKind("subject", r"onderwerp|betreft|inzake|subject", 4, 200, "colon"),
    LabelKind("subject", r"titel", 4, 200, "colon_required"),
    LabelKind("copy_to", r"kopie\s+aan|in\s+afschrift\s+aan|afschrift\s+aan|cc", 2, 80, "colon"),
    LabelKind("addressee", r"aan|voor|to", 2, 90, "colon"),
    LabelKind("sender", r"van|from", 2, 60, "colon"),
    LabelKind("attachments", r"bijlage\s*\(n\)|bijlage\(n\)|bijlagen|bijlage|aantal\s+bijlagen|bijl\.|enclosures?|attachments?", 8, 160, "count"),
    LabelKind("author", r"opgesteld\s+door|auteur|opsteller|steller|behandeld\s+door|uw\s+contactpersoon|contactpersoon|inlichtingen\s+bij|inlichtingen|behandelaar", 2, 40, "colon"),
    LabelKind("phone", r"telefoonnummer|telefoon|tel\.|mobiel|t(?=\s*\+?\d)", 1, 40, "any"),
    LabelKind("email", r"e-?mail", 1, 60, "any"),
    LabelKind("coordination", r"samengewerkt\s+met|afgestemd\s+met|(?:extern|intern)\s+\w+\s+afgestemd|parafenroute|paraaf\s+\w+|mede\s+ondertekend\s+door", 2, 60, "colon"),
    LabelKind("public", r"nota\s+actief\s+openbaar|actief\s+openbaar", 1, 10, "colon"),
    LabelKind("portfolio", r"portefeuillehouder|portefeuille", 1, 80, "colon"),
    LabelKind("location", r"locatie|plaats", 1, 80, "colon"),
    LabelKind("present", r"aanwezig|aanwezigen|afwezig", 3, 200, "colon"),
    LabelKind("received_by", r"ontvangen\s+\w+", 1, 40, "never"),
)

ROLE_BY_NAME = {kind.role: kind for kind in LABELS}

#: Words that may follow a label on its line without being its value
_NOT_A_VALUE = re.compile(r"^(?:\(n\)|\s*)$")
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


_SQUEEZED: dict[str, re.Pattern[str]] = {}


def match_label(text: str) -> LabelMatch | None:
    """The label a line starts with, if any, and what follows it on the line.

    Short lines are also tried with their spaces removed, for conversions that
    break words ("Ref erentie", "Extern OCW af gestemd").
    """
    found = _match(text)
    if found is None and len(text) <= 30 and " " in text:
        squeezed = text.replace(" ", "")
        for kind in LABELS:
            rx = _SQUEEZED.setdefault(kind.pattern, re.compile(rf"^(?:{_squeezed(kind.pattern)})$", re.IGNORECASE))
            if rx.match(squeezed):
                return LabelMatch(kind=kind, label=text, rest="", colon=False)
    return found


def _match(text: str) -> LabelMatch | None:
    marked = REQUIRED_MARK.search(text) is not None and len(text) <= 45
    if marked:
        text = REQUIRED_MARK.sub("", text)
    for kind in LABELS:
        m = kind.regex.match(text)
        if not m:
            continue
        label = re.sub(r"^[\W_]+", "", text[: m.end()]).strip().rstrip(":").strip()
        rest = text[m.end():].strip()
        if marked and rest:
            continue  # "Mede namens 1 *": not this label's form
        colon = marked or ":" in text[: m.end()]
        if rest and not colon and kind.inline == "never":
            continue
        if not colon and kind.inline == "colon_required":
            continue  # "Titel" alone is a column header; "Titel: …" is the subject
        if rest and not colon and kind.inline == "colon":
            continue  # "Aan Juridische Zaken is voorgelegd…" is a sentence, not a label
        if rest and not colon and kind.inline == "count" and not re.fullmatch(r"\d{1,2}|geen|-", rest, re.IGNORECASE):
            continue
        if len(label) > 40:
            continue
        return LabelMatch(kind=kind, label=label, rest=rest, colon=colon)
    return None


#: Lines that print the stage of a note, not a value ("TER BESLISSING").
STAGE = re.compile(
    r"^(?:ter|voor)\s+(?:beslissing|besluitvorming|ondertekening|informatie|kennisname|advisering|akkoord|"
    r"bespreking|instemming|paraaf|goedkeuring|advies)\b\.?$",
    re.IGNORECASE,
)

#: A line that is only a document designation ("Nota", "Memo", "Beslisnota", "nota").
DESIGNATION = re.compile(
    r"^(?:beslisnota|nota|memo|memorandum|notitie|gespreksnotitie|brief|agenda|verslag|notulen|aantekeningen|"
    r"besluit|advies|e-?mail|oplegnota|staf(?:-|\s)?notitie|nota\s+gs|gs-nota)\s*:?$",
    re.IGNORECASE,
)
