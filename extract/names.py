"""What a person's name looks like, and how an office or a body differs from it.

Text shapes only names have ("Lastname, I. (Firstname)", a form of address with a name,
initials with a surname) are `NAME_PATTERNS`. A value that is nothing but name words
("Annemiek de Vries", "Jansen, Pieter", "De heer M. Wubbolt") is `name_shaped`: as an
addressee, a unit or the value of an e-mail header it is a person (`is_person`).

Offices and bodies are told apart by general conventions, not by lists of names: a
function word first ("Minister van …", "Voorzitter …"), a word naming a body ("Gemeente",
"…directie", "Staten", "…zorg", "…regio"), an adjective that opens an organisation's name
("Koninklijke", "Provinciale", "Nederlandse"), capitals only ("ROYAL SCHIPHOL GROUP",
"MBZK"), lower-case words ("NAAM van verzoeker"), and text that is mostly non-words
(`kenmerk.extract.noise`). Limits: a surname that holds such a word ("Kamerling",
"Zorgman") is taken for an office, and a body named by two plain capitalised words
without one ("Ouderen Vereniging" is caught, "Jong Talent" is not) for a person.
"""
from __future__ import annotations

import re

from kenmerk.extract.labels import match_label
from kenmerk.extract.noise import mostly_noise

__all__ = [
    "EMAIL", "FUNCTION_WORDS", "NAME_PATTERNS", "ORGANISATION_ENDINGS", "ORGANISATION_STEMS", "emails", "is_office_word",
    "is_person", "name_run", "name_shaped", "name_words", "starts_with_function",
]

# -- building blocks -----------------------------------------------------------------------------

UPPER = "A-ZÀ-ÖØ-Þ"
LOWER = "a-zß-öø-ÿ"
#: initials: "H.", "H.M.", "Th.", "IJ."
INITIAL = rf"(?:Th|Ch|Chr|Ph|IJ|Sj|[{UPPER}])\."
INITIALS = rf"(?:{INITIAL}\s?){{1,5}}"
#: surname prefixes (tussenvoegsels), as words
PREFIX = r"(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Hh]et|[Tt]er|[Tt]en|[Tt]e|[Ii]n\s+'t|'t|[Vv]on|[Ll]a|[Ll]e|[Dd]u|[Dd]a|[Ee]l|[Aa]l|[Oo]p|[Uu]it|[Bb]ij)"
WORD = rf"[{UPPER}][{LOWER}'’]+"
SURNAME = rf"{WORD}(?:-{WORD})?"
FIRST = rf"{WORD}(?:-{WORD})?"

#: words after which a "name" is an office or a body, not a person ("mevrouw de Minister")
FUNCTION_WORDS = (
    "minister", "minister-president", "staatssecretaris", "secretaris-generaal", "directeur-generaal",
    "directeur", "plaatsvervangend", "voorzitter", "burgemeester", "wethouder", "gedeputeerde", "gedeputeerden",
    "commissaris", "koning", "koningin", "kamer", "college", "raad", "staten", "leden", "griffier",
    "ombudsman", "landsadvocaat", "president", "hoofd", "secretaris", "afdelingshoofd", "teamleider",
    "directie", "afdeling", "team", "ministerie", "bureau", "cluster", "unit", "dienst", "gemeente",
    "provincie", "secretariaat", "servicedesk", "helpdesk", "rijksoverheid", "staf", "directoraat-generaal",
    "inspectie", "programma", "projectteam", "kabinet", "bestuurskern", "dir", "dg", "afd", "directoraat",
    "cdir", "fez", "hdfez", "dco", "pdg", "sg", "ministerraad", "kamerbrief", "stas", "namens", "postbus",
    # job titles that follow a name in a signature
    "senior", "junior", "beleidsmedewerker", "beleidsadviseur", "adviseur", "coördinator", "coordinator",
    "projectleider", "programmamanager", "jurist", "woordvoerder", "medewerker", "manager", "specialist",
    "strategisch", "plv", "waarnemend",
)
#: parts of words that name a body ("Programmadirectie", "Autoriteit Persoonsgegevens"): never a name
ORGANISATION_STEMS = ("directie", "afdeling", "ministerie", "dienst", "bureau", "inspectie", "programma", "secretariaat",
                      "autoriteit", "persoonsgegevens", "commissie", "raad", "stichting", "vereniging", "college",
                      "gemeente", "provincie", "rijks", "agentschap", "centrum", "instituut", "universiteit", "kamer",
                      "overheid", "staten", "cluster", "team", "unit", "bestuur", "fonds", "ggd", "politie", "griffie",
                      "waterschap", "hoogheemraadschap", "omgevingsdienst", "adviesraad", "kantoor", "loket",
                      "redactie", "bedrijf", "fractie",
                      # the German bodies a border municipality or province writes to
                      "landkreis", "gemeinde", "bezirk", "verwaltung", "regierung", "behörde", "ministerium")
#: the legal form that ends a company's or foundation's name: "B.V.", "N.V.", "V.O.F.", "U.A."
LEGAL_FORM = re.compile(r"(?<!\w)(?:B\.?\s?V\.?|N\.?\s?V\.?|V\.?O\.?F\.?|C\.?V\.?|U\.?A\.?|Ltd\.?|GmbH|Inc\.?)(?!\w)")
#: endings of words that name a body ("Werkgroep", "Jeugdzorg", "Veiligheidsregio", "Rabobank")
ORGANISATION_ENDINGS = ("groep", "group", "zorg", "regio", "regio's", "regio’s", "bank", "school", "ziekenhuis", "platform",
                        "netwerk", "overleg", "organisatie", "nederland", "zaken", "office", "ministry", "council", "agency", "board",
                        "committee", "holding", "inrichting", "instelling", "kliniek", "academie", "museum",
                        "bibliotheek", "archief", "blad", "krant", "courant", "omroep", "media",
                        # English names of bodies (letters of ministries in English)
                        "programme", "program", "organization", "foundation", "institute", "association",
                        "authority", "department", "commission", "fund", "university")
_ORGANISATION = re.compile("|".join(ORGANISATION_STEMS) + "|(?:" + "|".join(map(re.escape, ORGANISATION_ENDINGS)) + r")\b",
                           re.IGNORECASE)
#: the adjectives that open an organisation's name ("Koninklijke Marechaussee", "Nederlandse Spoorwegen",
#: "Provinciale Staten", "Centrale Dienst", "Europese Commissie", "Algemene Rekenkamer", "Tweede Kamer",
#: "Justitiële Jeugdinrichting")
_ORGANISATION_ADJECTIVE = re.compile(r"(?:lijke|ische|ionale|iale|iële|rale|andse|aanse|opese|gemene|eede|erste)$",
                                     re.IGNORECASE)
#: endings of compound job titles: "Omgevingsmanager", "Communicatieadviseur", "Projectsecretaris"
FUNCTION_ENDINGS = ("manager", "adviseur", "medewerker", "coördinator", "coordinator", "leider", "directeur",
                    "secretaris", "specialist", "functionaris", "ambtenaar", "consulent", "inspecteur", "officier",
                    "agent")
FUNCTION = (r"(?i:(?:" + "|".join(re.escape(w) for w in FUNCTION_WORDS) + r")\b|[^\W\d_]{2,}(?:"
            + "|".join(FUNCTION_ENDINGS) + r")\b)")
NOT_FUNCTION = rf"(?!(?:{PREFIX}\s+)*{FUNCTION})"

#: abbreviations that look like initials ("N.B. Dit is …")
NOT_ABBREVIATION = r"(?!(?:N\.\s?B|P\.\s?S|Z\.\s?S\.\s?M|I\.\s?O\.\s?V|B\.\s?V|N\.\s?V|C\.\s?Q|E\.\s?D|I\.\s?V\.\s?M|U\.\s?S)\.)"

#: forms of address and titles before a name ("Herr", "Frau": a letter to a German body)
_ADDRESS_WORD = r"(?i:de\s+heer|mevrouw|meneer|dhr|mevr|mw|mr|dr|drs|ir|ing|prof|heer|herrn?|frau)"
ADDRESS = rf"(?:{_ADDRESS_WORD}\b\.?\s*)"

#: (name, pattern) of text shapes that are person names; the whole match is replaced
NAME_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Ark, T. van (Tamara)", "Jonge, H.M. de", "Vries, J.P. (Jan-Pieter)"
    ("inverted", re.compile(
        rf"(?<![\w.])(?:{PREFIX}\s+)?{SURNAME},\s*{NOT_ABBREVIATION}{INITIALS}(?:\s*{PREFIX}\b)*"
        rf"(?:\s*\(\s*{FIRST}(?:\s+{FIRST})?\s*\)|(?![\s.]*(?:{INITIAL}\s*)*(?:{PREFIX}\s+)*{WORD}))")),
    # "De heer H.M. de Jonge", "mevrouw Van der Berg", "dhr. J. Jansen", "Mr. drs. A. Bakker"
    ("address", re.compile(
        rf"(?<![\w])(?:{ADDRESS}){{1,3}}{NOT_FUNCTION}(?:{INITIALS}\s*)?(?:{FIRST}\s+(?={PREFIX}\s|{WORD}))?"
        rf"(?:{PREFIX}\s+){{0,3}}{SURNAME}")),
    # "H.M. de Jonge", "J.P. Balkenende", "T. van Ark" (one initial only with a prefix)
    ("initials", re.compile(
        rf"(?<![\w.]){NOT_ABBREVIATION}(?:(?:{INITIAL}\s?){{2,5}}(?:{PREFIX}\s+){{0,3}}|{INITIAL}\s?(?:{PREFIX}\s+){{1,3}})"
        rf"{NOT_FUNCTION}{SURNAME}")),
)

#: an e-mail address, also written to fool harvesters: "a @ b.nl", "a[at]b.nl", "a(at)b[dot]nl", full-width "＠"
_AT = r"(?:\s*[@＠﹫]\s*|\s*[\[({<]\s*(?i:at|apenstaart)\s*[\])}>]\s*)"
_DOT = r"(?:\.|\s*[\[({<]\s*(?i:dot|punt)\s*[\])}>]\s*)"
EMAIL = re.compile(rf"[\w.+'’-]*{_AT}[\w-]+(?:{_DOT}[\w-]+)+", re.UNICODE)
#: what every e-mail address holds: a quick test before the slower `EMAIL`
_AT_SIGN = re.compile(r"[@＠﹫]|[\[({<]\s*(?i:at|apenstaart)\s*[\])}>]")


def emails(text: str) -> list[tuple[int, int]]:
    """Where the e-mail addresses of `text` stand."""
    return [m.span() for m in EMAIL.finditer(text)] if _AT_SIGN.search(text) else []

#: "Jansen, Jan" (Outlook's display name), "Vries, Annemiek de"
INVERTED_FIRST = re.compile(rf"(?:{PREFIX}\s+)?{SURNAME},\s*{NOT_FUNCTION}(?:{FIRST}|{INITIALS})(?:\s*{PREFIX}\b)*")

_FUNCTION = re.compile(FUNCTION)
_OFFICE_FIRST = re.compile(rf"(?:de\s+|het\s+)?{FUNCTION}", re.IGNORECASE)
_STARTS_WITH_FUNCTION = re.compile(rf"\s*(?:{PREFIX}\s+)*{FUNCTION}")
_PREFIX = re.compile(PREFIX)
_INITIALS = re.compile(INITIALS.strip())
_SURNAME = re.compile(SURNAME)
_NAME_WORD = re.compile(rf"{WORD}(?:-{WORD})*")
_ADDRESS_WORD_RX = re.compile(_ADDRESS_WORD)
_OUTLOOK_NAME = re.compile(rf"(?:{PREFIX}\s+)?{SURNAME},\s*{FIRST}(?:\s+{PREFIX})*")
_REST_SPACE = re.compile(r"[\s,;:()]+")
_LOWER_WORD = re.compile(rf"[{LOWER}]{{4,}}")
_TOKEN = re.compile(rf"\s*(?:\(\s*{FIRST}\s*\)|{INITIALS}|{PREFIX}(?=\s)|{SURNAME}|,(?=\s*{INITIAL}))")
#: one token of a name-shaped value
_SHAPE_TOKEN = re.compile(rf"{ADDRESS}|\(\s*{FIRST}\s*\)|{INITIALS}|{PREFIX}(?=\s|$|,)|{SURNAME}|,")
_QUOTES = "\"'“”‘’«»"


def is_office_word(word: str) -> bool:
    """Whether `word` names a function or a body ("Minister", "Programmadirectie", "Koninklijke")."""
    return bool(_FUNCTION.fullmatch(word) or _ORGANISATION.search(word) or _ORGANISATION_ADJECTIVE.search(word))


def starts_with_function(text: str, at: int = 0) -> bool:
    """Whether the text at `at` starts with a function word, after surname prefixes ("de Minister")."""
    return bool(_STARTS_WITH_FUNCTION.match(text, at))


def name_run(text: str, start: int, *, need_surname: bool = True, limit: int = 7) -> int:
    """End of the run of name tokens (initials, prefixes, capitalised words) at `start`; `start` when none.

    The run stops at a label, a function word or an organisation word, and counts only
    when it holds a surname-like word that is not a prefix.
    """
    pos = start
    end = start
    surname = False
    for _ in range(limit):
        m = _TOKEN.match(text, pos)
        if not m or m.end() == pos:
            break
        token = m.group(0).strip()
        if _FUNCTION.match(token) or is_office_word(token):
            break
        if token[:1].isupper() and not _PREFIX.fullmatch(token) and not _INITIALS.fullmatch(token) \
                and not token.startswith("("):
            if match_label(text[pos:pos + 80].lstrip()) is not None:
                break
            surname = True
        pos = m.end()
        if token != ",":
            end = pos
    if need_surname and not surname:
        return start
    return end


def _shape_tokens(text: str) -> list[str] | None:
    """The tokens of `text` when it consists of name tokens only, else None."""
    tokens: list[str] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        while pos < len(text) and text[pos].isspace():
            pos += 1
        m = _SHAPE_TOKEN.match(text, pos)
        if not m or m.end() == pos:
            return None
        tokens.append(m.group(0).strip())
        pos = m.end()
    return tokens


def name_shaped(text: str, *, single: bool = False) -> bool:
    """Whether `text` is nothing but a person's name: "Annemiek de Vries", "Jansen, Pieter", "T. van Ark".

    Words naming a function or a body, capitals only and lower-case words other than
    surname prefixes make it no name. One word alone counts only with `single`.
    """
    text = text.strip().strip(_QUOTES).strip()
    tokens = _shape_tokens(text)
    if not tokens or len(tokens) > 8 or tokens.count(",") > 1 or tokens[0] == "," or tokens[-1] == ",":
        return False
    words = [t for t in tokens if _SURNAME.fullmatch(t)]
    if not words or any(is_office_word(w) for part in words for w in part.split("-")):
        return False
    if _PREFIX.fullmatch(tokens[0]) and tokens[0][:1].islower():
        return False  # "de Vries" alone reads as a continuation, not a value
    return len(tokens) - tokens.count(",") >= 2 or single


def name_words(name: str) -> list[str]:
    """The words of a person's name that identify them alone: not prefixes, initials or forms of address."""
    words = _NAME_WORD.findall(name)
    out: list[str] = []
    for word in words:
        for part in [word, *word.split("-")] if "-" in word else [word]:
            if len(part) >= 3 and not _PREFIX.fullmatch(part) and not _ADDRESS_WORD_RX.fullmatch(part) \
                    and not is_office_word(part):
                out.append(part)
    return list(dict.fromkeys(out))


def is_person(text: str) -> bool:
    """Whether `text` (an addressee, a unit, a header value) names a person rather than an office or a body:
    a name in a shape only names have, or a value of name words only (`name_shaped`)."""
    text = text.strip().strip(_QUOTES).strip()
    if not text:
        return False
    if emails(text):
        return True
    if _OFFICE_FIRST.match(text) or LEGAL_FORM.search(text):
        # an office, possibly with a person: "Minister van BZK, t.a.v. de heer Jansen" is scrubbed, not dropped;
        # a company by its legal form ("Kuipers Metaalbewerking B.V.")
        return False
    if any(p.search(text) for _, p in NAME_PATTERNS):
        rest = text
        for _, pattern in NAME_PATTERNS:
            rest = pattern.sub(" ", rest)
        rest = _REST_SPACE.sub(" ", rest).strip()
        return not _LOWER_WORD.search(rest) or rest.lower().startswith(("t.a.v", "ter attentie"))
    # "Jansen, Jan" as printed in an e-mail header
    if _OUTLOOK_NAME.fullmatch(text):
        return True
    return name_shaped(text) and not mostly_noise(text)
