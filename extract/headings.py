"""Section headings of notes: the numbered parts of a beslisnota and their synonyms.

A beslisnota has "1. Aanleiding", "2. Geadviseerd besluit", "3. Kernpunten",
"4. Toelichting", "5. Informatie die niet openbaar gemaakt kan worden";
templates vary ("Kern", "Advies", "Beslispunten", "Het college besluit:").
`HEADINGS` maps each role to the printed forms; `match_heading` also accepts
other short numbered lines ("4.1. Politieke context") as untyped headings.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: role → pattern of the heading text (number already removed)
HEADINGS: dict[str, str] = {
    # why the note was written: the first part of a beslisnota ("1. Aanleiding")
    "occasion": r"aanleiding(?:\s+en\s+\w+|\s+(?:voor|van|tot)\s+deze\s+nota)?|inleiding|achtergrond|"
                r"waarom\s+deze\s+nota",
    # a decision heading: "(Samenvatting van het) geadviseerd(e)/voorgesteld(e)/gevraagd(e)/te nemen besluit(en)",
    # "Voorstel tot besluitvorming", "Beslispunten", "Het college/Gedeputeerde Staten/De raad besluit(en)"
    "decision": r"(?:samenvatting\s+van\s+(?:het|de)\s+)?(?:geadviseerde?|voorgestelde?|gevraagde?|te\s+nemen|"
                r"concept|ontwerp)[\s-]?(?:besluit(?:en)?|beslissing(?:en)?)|beslispunt(?:en)?(?:,\s.{3,50})?|"
                r"besluitpunt(?:en)?|voorstel\s+(?:tot|voor)\s+(?:besluit(?:vorming)?|beslissing)|"
                r"(?:het\s+college|gedeputeerde\s+staten|(?:de\s+)?raad|burgemeester\s+en\s+wethouders|"
                r"(?:het\s+)?(?:dagelijks|algemeen)\s+bestuur)\s+besluit(?:en)?|"
                r"ontwerpbesluit|advies|voorstel",
    # the gist: "Kernpunten", "Kern", a summary
    "core": r"kernpunten|kern|samenvatting|managementsamenvatting|kernboodschap",
    # the argument after the decision: explanation, considerations, context, follow-up, risks, finance
    "explanation": r"toelichting|overwegingen|argumentatie|politieke\s+context|krachtenveld|"
                   r"financiële(?:/juridische)?\s+overwegingen|juridische\s+overwegingen|communicatie|"
                   r"voorgaande\s+ontwikkelingen(?:\s+en\s+alternatieven)?|vervolg|vervolgstappen|risico'?s|"
                   r"uitvoering|draagvlak|consultatie|financiën(?:\s+en\s+\w+)?|juridisch|planning|context|"
                   # the parts of a council's or board's proposal ("raadsvoorstel", "DB-voorstel")
                   r"beoogd\s+(?:effect|resultaat)|argumenten|kanttekeningen(?:\s+en\s+risico'?s)?|alternatieven|"
                   r"duurzaamheid|participatie",
    # the beslisnota's closing part on what is not made public (Woo)
    "not_public": r"informatie\s+die\s+niet\s+openbaar\s+(?:gemaakt\s+kan\s+worden|wordt\s+gemaakt)|"
                  r"informatie\s+die\s+niet\s+openbaargemaakt\s+kan\s+worden|openbaarmaking|"
                  r"niet\s+openbaar\s+te\s+maken\s+informatie",
    # a list or table of attachments in the body
    "attachments": r"bijlagen?|bijlage\s?\(n\)|overzicht\s+bijlagen|lijst\s+van\s+bijlagen",
    # the items of a meeting
    "agenda": r"agenda",
}

_NUMBER = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?\s*(?P<rest>\S.*)$")
#: a heading may end in a colon, or in a form's asterisk of a required field ("Voorgesteld besluit *")
_COMPILED = {role: re.compile(rf"^(?:{pat})\s*[:*]?$", re.IGNORECASE) for role, pat in HEADINGS.items()}


@dataclass(frozen=True)
class Heading:
    role: str | None
    number: str | None
    text: str


def match_heading(text: str, *, bold: bool = False) -> Heading | None:
    """The heading a line is, if any: a known heading, numbered or not, or a short numbered title."""
    text = text.strip().lstrip("•▪-– ").strip()
    if not text or len(text) > 80:
        return None
    number = None
    m = _NUMBER.match(text)
    rest = text
    if m and not re.match(r"^\d{1,2}\.\d", text[len(m.group("num")):] or ""):
        number, rest = m.group("num"), m.group("rest").strip()
    for role, rx in _COMPILED.items():
        if rx.match(rest):
            return Heading(role=role, number=number, text=rest.rstrip(":*").strip())
    if number and rest[:1].isupper() and not rest.rstrip().endswith((".", ",", ";")) and len(rest) <= 60 \
            and len(rest.split()) <= 8 and bold:
        return Heading(role=None, number=number, text=rest)
    return None
