"""Personal data out of a `Note`: names of civil servants, direct phone numbers, e-mail addresses.

Published metadata is public forever. Names of the civil servants who wrote or received a
note ("Contactpersoon", "Auteur", "Opsteller", e-mail headers, signatures, a person as
addressee), their direct phone numbers and e-mail addresses are therefore left out by
default: `scrub_note(note)` returns a copy in which

- an addressee that is a person ("Ark, T. van (Tamara)", "De heer H.M. de Jonge") is None
  (with its evidence); function titles and organisations stay ("Minister van Asiel en
  Migratie", "Directeur-generaal Migratie", "MBZK", "Gedeputeerde Staten");
- every free text (evidence, section texts, dated-event texts, title, decision,
  attachment titles, units) has its e-mail addresses, phone numbers and person names
  replaced by `[persoonsgegevens]`.

Names are found with the patterns of `NAME_PATTERNS` (each one a shape that only names
have: "Lastname, I. (Firstname)", a form of address with a name, initials with a
surname) and after the personal labels of `kenmerk.extract.labels` (roles `author`,
`phone`, `email`; e-mail headers "Van:", "Aan:", "From:", "To:" with an address;
signatures after "Met vriendelijke groet"), never by guessing on capitalised words.
Political office holders named with their office ("gedeputeerde Stigter", "wethouder
Van Dolder") are public and stay. `note_from_layout` also passes the printed values of
the personal label/value pairs it read (`known`), so a value printed under its label in
the colofon is removed wherever else it appears.

Extraction scrubs by default (`read_note(..., keep_personal_data=False)`); the RDF and
DiWoo writers of `kenmerk.output` always scrub, so a JSON made with
`kenmerk extract --keep-personal-data` never brings personal data into the triples.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from kenmerk.extract.labels import LABELS, match_label
from kenmerk.extract.model import DatedEvent, Evidence, Identifier, Note, Section

__all__ = ["PLACEHOLDER", "NAME_PATTERNS", "is_person", "scrub_note", "scrub_text"]

PLACEHOLDER = "[persoonsgegevens]"

# -- building blocks -----------------------------------------------------------------------------

_UPPER = "A-ZÀ-ÖØ-Þ"
_LOWER = "a-zß-öø-ÿ"
#: initials: "H.", "H.M.", "Th.", "IJ."
_INITIAL = rf"(?:Th|Ch|Chr|Ph|IJ|Sj|[{_UPPER}])\."
_INITIALS = rf"(?:{_INITIAL}\s?){{1,5}}"
#: surname prefixes (tussenvoegsels), as words
_PREFIX = r"(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Hh]et|[Tt]er|[Tt]en|[Tt]e|[Ii]n\s+'t|'t|[Vv]on|[Ll]a|[Ll]e|[Dd]u|[Dd]a|[Ee]l|[Aa]l|[Oo]p|[Uu]it|[Bb]ij)"
_WORD = rf"[{_UPPER}][{_LOWER}'’]+"
_SURNAME = rf"{_WORD}(?:-{_WORD})?"
_FIRST = rf"{_WORD}(?:-{_WORD})?"

#: words after which a "name" is an office or a body, not a person ("mevrouw de Minister")
FUNCTION_WORDS = (
    "minister", "minister-president", "staatssecretaris", "secretaris-generaal", "directeur-generaal",
    "directeur", "plaatsvervangend", "voorzitter", "burgemeester", "wethouder", "gedeputeerde", "gedeputeerden",
    "commissaris", "koning", "koningin", "kamer", "college", "raad", "staten", "leden", "griffier",
    "ombudsman", "landsadvocaat", "president", "hoofd", "secretaris", "afdelingshoofd", "teamleider",
    "directie", "afdeling", "team", "ministerie", "bureau", "cluster", "unit", "dienst", "gemeente",
    "provincie", "secretariaat", "servicedesk", "helpdesk", "rijksoverheid", "staf", "directoraat-generaal",
    "inspectie", "programma", "projectteam", "kabinet", "bestuurskern", "dir", "dg", "afd", "directoraat",
    "cdir", "fez", "hdfez", "dco", "pdg", "sg", "ministerraad", "kamerbrief",
    # job titles that follow a name in a signature
    "senior", "junior", "beleidsmedewerker", "beleidsadviseur", "adviseur", "coördinator", "coordinator",
    "projectleider", "programmamanager", "jurist", "woordvoerder", "medewerker", "manager", "specialist",
    "strategisch", "plv", "waarnemend",
)
#: parts of words that name a body ("Programmadirectie", "Autoriteit Persoonsgegevens"): never a name
ORGANISATION_STEMS = ("directie", "afdeling", "ministerie", "dienst", "bureau", "inspectie", "programma", "secretariaat",
                      "autoriteit", "persoonsgegevens", "commissie", "raad", "stichting", "vereniging", "college",
                      "gemeente", "provincie", "rijks", "agentschap", "centrum", "instituut", "universiteit", "kamer",
                      "overheid", "staten", "cluster", "team", "unit", "bestuur", "fonds", "ggd", "politie")
_ORGANISATION = re.compile("|".join(ORGANISATION_STEMS), re.IGNORECASE)
_FUNCTION = r"(?i:(?:" + "|".join(re.escape(w) for w in FUNCTION_WORDS) + r")\b)"
_NOT_FUNCTION = rf"(?!(?:{_PREFIX}\s+)*{_FUNCTION})"

#: abbreviations that look like initials ("N.B. Dit is …")
_NOT_ABBREVIATION = r"(?!(?:N\.\s?B|P\.\s?S|Z\.\s?S\.\s?M|I\.\s?O\.\s?V|B\.\s?V|N\.\s?V|C\.\s?Q|E\.\s?D|I\.\s?V\.\s?M|U\.\s?S)\.)"

_ADDRESS = r"(?:(?i:de\s+heer|mevrouw|meneer|dhr|mevr|mw|mr|dr|drs|ir|ing|prof|heer)\b\.?\s*)"

#: (name, pattern) of text shapes that are person names; the whole match is replaced
NAME_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # "Ark, T. van (Tamara)", "Jonge, H.M. de", "Vries, J.P. (Jan-Pieter)"
    ("inverted", re.compile(
        rf"(?<![\w.])(?:{_PREFIX}\s+)?{_SURNAME},\s*{_NOT_ABBREVIATION}{_INITIALS}(?:\s*{_PREFIX}\b)*"
        rf"(?:\s*\(\s*{_FIRST}(?:\s+{_FIRST})?\s*\)|(?![\s.]*(?:{_INITIAL}\s*)*(?:{_PREFIX}\s+)*{_WORD}))")),
    # "De heer H.M. de Jonge", "mevrouw Van der Berg", "dhr. J. Jansen", "Mr. drs. A. Bakker"
    ("address", re.compile(
        rf"(?<![\w])(?:{_ADDRESS}){{1,3}}{_NOT_FUNCTION}(?:{_INITIALS}\s*)?(?:{_FIRST}\s+(?={_PREFIX}\s|{_WORD}))?"
        rf"(?:{_PREFIX}\s+){{0,3}}{_SURNAME}")),
    # "H.M. de Jonge", "J.P. Balkenende", "T. van Ark" (one initial only with a prefix)
    ("initials", re.compile(
        rf"(?<![\w.]){_NOT_ABBREVIATION}(?:(?:{_INITIAL}\s?){{2,5}}(?:{_PREFIX}\s+){{0,3}}|{_INITIAL}\s?(?:{_PREFIX}\s+){{1,3}})"
        rf"{_NOT_FUNCTION}{_SURNAME}")),
)

EMAIL = re.compile(r"[\w.+'-]*@\s?[\w-]+(?:\.[\w-]+)+", re.UNICODE)
#: a phone number candidate: +31/0031/0 and 9 more digits, or another country code with 8-12 digits
_PHONE = re.compile(
    r"(?<![\w/.,-])(?:(?:\+|00)\s?31\s?(?:\(0\)\s?)?|\+\s?\d{1,3}\s?(?:\(0\)\s?)?|\(0\d{1,3}\)\s?|0)"
    r"\d(?:(?:\s?[-.]\s?|\s)?\d){6,11}(?![\w/-]|[.,]\d)")
_DATE_LIKE = re.compile(r"^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}\b")

#: labels whose value is personal: roles of `kenmerk.extract.labels`
PERSONAL_ROLES = ("author", "phone", "email")
_LABEL_PATTERNS = {kind.role: kind.pattern for kind in LABELS if kind.role in PERSONAL_ROLES}
_AUTHOR_LABEL = re.compile(rf"\b(?i:{_LABEL_PATTERNS['author']})\b\s*:?\s*")
_PHONE_LABEL = re.compile(r"\b(?i:telefoonnummer|telefoon|tel\.?|mobiel|mob\.?|doorkiesnummer|doorkies|direct)\s*:?\s*"
                          r"(?P<value>\+?[\d(][\d\s().-]{5,22}\d)")
#: e-mail header labels: a display name before an address, or "Lastname, Firstname"
_HEADER_LABEL = re.compile(r"(?:^|(?<=\s)|(?<=[;,]))(?i:van|aan|from|to|cc|bcc|kopie\s+aan|afzender|verzonden\s+door)\s*:\s*")
_SIGN_OFF = re.compile(r"\b(?i:met\s+vriendelijke\s+groet(?:en)?|vriendelijke\s+groet(?:en)?|hartelijke\s+groet(?:en)?|"
                       r"groet(?:en)?|kind\s+regards|best\s+regards|regards|hoogachtend|namens\s+deze)\s*,?\s*")

#: "Jansen, Jan" (Outlook's display name) after an e-mail header label
_INVERTED_FIRST = re.compile(rf"(?:{_PREFIX}\s+)?{_SURNAME},\s*{_NOT_FUNCTION}(?:{_FIRST}|{_INITIALS})(?:\s*{_PREFIX}\b)*")

_TOKEN = re.compile(rf"\s*(?:\(\s*{_FIRST}\s*\)|{_INITIALS}|{_PREFIX}(?=\s)|{_SURNAME}|,(?=\s*{_INITIAL}))")

#: a quick pre-check: text without any of these cannot hold personal data of our patterns
_TRIGGERS = re.compile(
    rf"@|\d{{3}}|{_INITIAL}|(?i:heer|mevr|mevrouw|dhr|mw\.|mr\.|dr\.|drs\.|ir\.|prof\.|ing\.|groet|regards|hoogachtend|"
    rf"namens|van\s*:|aan\s*:|from\s*:|to\s*:|cc\s*:|{_LABEL_PATTERNS['author']})|,\s*[{_UPPER}]")


def _phone_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _PHONE.finditer(text):
        value = m.group(0)
        digits = re.sub(r"\D", "", value)
        if _DATE_LIKE.match(value):
            continue
        if value.startswith(("+", "00")):
            ok = 9 <= len(digits) <= 15
        elif value.startswith("("):
            ok = len(digits) == 10
        else:
            ok = len(digits) == 10
        if ok:
            spans.append(m.span())
    for m in _PHONE_LABEL.finditer(text):
        if len(re.sub(r"\D", "", m.group("value"))) >= 6 and not _DATE_LIKE.match(m.group("value")):
            spans.append(m.span("value"))
    return spans


def _name_run(text: str, start: int, *, need_surname: bool = True, limit: int = 7) -> int:
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
        if re.match(_FUNCTION, token) or _ORGANISATION.search(token):
            break
        if token[:1].isupper() and not re.fullmatch(_PREFIX, token) and not re.fullmatch(_INITIALS.strip(), token) \
                and not token.startswith("("):
            if match_label(text[pos:].lstrip()) is not None:
                break
            surname = True
        pos = m.end()
        if token != ",":
            end = pos
    if need_surname and not surname:
        return start
    return end


def _starts_with_function(text: str, at: int) -> bool:
    return bool(re.match(rf"\s*(?:{_PREFIX}\s+)*{_FUNCTION}", text[at:]))


def _spans(text: str, known: Iterable[str] = ()) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for value in known:
        start = text.find(value)
        while start >= 0:
            spans.append((start, start + len(value)))
            start = text.find(value, start + len(value))
    if not _TRIGGERS.search(text):
        return spans
    emails = [m.span() for m in EMAIL.finditer(text)]
    spans += emails
    spans += _phone_spans(text)
    for _, pattern in NAME_PATTERNS:
        spans += [m.span() for m in pattern.finditer(text)]
    # a name after a personal label: "Contactpersoon J. Jansen", "Opgesteld door: Tamara van Ark"
    for m in _AUTHOR_LABEL.finditer(text):
        # a label as printed in a colofon ("Contactpersoon", "Opgesteld door:"), not running text
        # ("… opgesteld door Google"); the name starts with a capital or initials
        label_like = m.group(0)[:1].isupper() or ":" in m.group(0)
        if label_like and text[m.end():m.end() + 1].isupper() and not _starts_with_function(text, m.end()):
            end = _name_run(text, m.end())
            if end > m.end():
                spans.append((m.end(), end))
    # e-mail headers: the display name before an address, or "Lastname, Firstname"
    for m in _HEADER_LABEL.finditer(text):
        at = m.end()
        if _starts_with_function(text, at):
            continue
        end = _name_run(text, at)
        after = text[end:end + 3].lstrip(" <[(\"'")
        if end > at and (any(s == end or (end <= s <= end + 3) for s, _ in emails) or after.startswith("@")):
            spans.append((at, end))
            continue
        inverted = _INVERTED_FIRST.match(text, at)
        if inverted:
            spans.append(inverted.span())
    # a signature: "Met vriendelijke groet, Jan Jansen"
    for m in _SIGN_OFF.finditer(text):
        at = m.end()
        if _starts_with_function(text, at):
            continue
        end = _name_run(text, at, limit=5)
        words = [w for w in re.split(r"\s+", text[at:end]) if w and not re.fullmatch(_PREFIX, w)]
        if end > at and (len(words) >= 2 or re.search(_INITIAL, text[at:end])):
            spans.append((at, end))
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def scrub_text(text: str, known: Iterable[str] = ()) -> str:
    """`text` with e-mail addresses, phone numbers and person names replaced by `[persoonsgegevens]`."""
    if not text:
        return text
    spans = _merge([(s, e) for s, e in _spans(text, known) if e > s])
    if not spans:
        return text
    out, last = [], 0
    for start, end in spans:
        # keep the white space around a name: "groet,\nJan Jansen\n" → "groet,\n[persoonsgegevens]\n"
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end <= start:
            continue
        out.append(text[last:start])
        if not (out and "".join(out).endswith(PLACEHOLDER)):
            out.append(PLACEHOLDER)
        last = end
    out.append(text[last:])
    return "".join(out)


def is_person(text: str) -> bool:
    """Whether `text` (an addressee, a unit) names a person rather than an office or a body."""
    text = text.strip()
    if not text:
        return False
    if EMAIL.search(text):
        return True
    if re.match(rf"^(?:de\s+|het\s+)?{_FUNCTION}", text, re.IGNORECASE):
        # an office, possibly with a person: "Minister van BZK, t.a.v. de heer Jansen" is scrubbed, not dropped
        return False
    if any(p.search(text) for _, p in NAME_PATTERNS):
        scrubbed = scrub_text(text)
        rest = re.sub(r"[\s,;:()]+", " ", scrubbed.replace(PLACEHOLDER, "")).strip()
        return not re.search(rf"[{_LOWER}]{{4,}}", rest) or rest.lower().startswith(("t.a.v", "ter attentie"))
    # "Jansen, Jan" as printed in an e-mail header
    return bool(re.fullmatch(rf"(?:{_PREFIX}\s+)?{_SURNAME},\s*{_FIRST}(?:\s+{_PREFIX})*", text))


# -- the note ------------------------------------------------------------------------------------


def _ev(ev: Evidence | None, known: tuple[str, ...]) -> Evidence | None:
    if ev is None:
        return None
    text = scrub_text(ev.text, known)
    return ev if text == ev.text else ev.model_copy(update={"text": text})


def _scrubbed(item, known: tuple[str, ...], **fields):
    """`item` itself, or a copy with its evidence scrubbed and the `fields` given (already
    scrubbed values) where they differ."""
    update = {name: value for name, value in fields.items() if value != getattr(item, name)}
    ev = getattr(item, "evidence", None)
    clean = _ev(ev, known)
    if clean is not ev:
        update["evidence"] = clean
    return item.model_copy(update=update) if update else item


def _opt(text: str | None, known: tuple[str, ...]) -> str | None:
    if text is None:
        return None
    scrubbed = scrub_text(text, known)
    return scrubbed if scrubbed.replace(PLACEHOLDER, "").strip(" ,;:.") else None


def scrub_note(note: Note, known: Iterable[str] = ()) -> Note:
    """A copy of `note` without personal data (see the module docstring); `note` is not changed.

    `known`: printed values known to be personal (the values of "Contactpersoon",
    "Telefoon", "E-mail" pairs), removed wherever they appear.
    """
    known_values = tuple(sorted({k.strip() for k in known if k and len(k.strip()) >= 3}, key=len, reverse=True))
    update: dict = {}
    evidence = {name: _ev(ev, known_values) for name, ev in note.evidence.items()}
    evidence_changed = any(evidence[k] is not note.evidence[k] for k in evidence)

    addressee = note.addressee
    if addressee is not None:
        if is_person(addressee) or (known_values and addressee.strip() in known_values):
            addressee = None
        else:
            addressee = _opt(addressee, known_values)
        if addressee is None and "addressee" in evidence:
            evidence.pop("addressee")
            evidence_changed = True
    if addressee != note.addressee:
        update["addressee"] = addressee

    if note.title is not None:
        title = _opt(note.title, known_values)
        if title != note.title:
            update["title"] = title
            if title is None and "title" in evidence:
                evidence.pop("title")
                evidence_changed = True
    if evidence_changed:
        update["evidence"] = evidence

    k = known_values
    lists = {  # list fields: each item scrubbed, the list replaced when one item changed
        "identifiers": lambda i: _scrubbed(i, k),
        "dates": lambda d: _scrubbed(d, k, text=scrub_text(d.text, k)),
        "attachments": lambda a: _scrubbed(a, k, title=_opt(a.title, k)),
        "sections": lambda sec: _scrubbed(sec, k, text=scrub_text(sec.text, k), heading=scrub_text(sec.heading, k)),
        "woo_grounds": lambda g: _scrubbed(g, k),
    }
    for name, scrub in lists.items():
        items = getattr(note, name)
        scrubbed = [scrub(item) for item in items]
        if any(a is not b for a, b in zip(scrubbed, items)):
            update[name] = scrubbed
    if note.organisation is not None:
        o = note.organisation
        units = [scrub_text(u, k) for u in o.units if not is_person(u) and u.strip() not in k]
        units = [u for u in units if u.replace(PLACEHOLDER, "").strip(" ,;:.")]
        org = _scrubbed(o, k, units=units, name=_opt(o.name, k) if o.name else o.name)
        if org is not o:
            update["organisation"] = org
    if note.recommended_decision is not None:
        d = note.recommended_decision
        decision = _scrubbed(d, k, text=scrub_text(d.text, k))
        if decision is not d:
            update["recommended_decision"] = decision
    if not update:
        return note
    return note.model_copy(update=update)


_NAME_VALUE = re.compile(
    rf"(?:{_ADDRESS})*(?:{_INITIALS}\s*)?(?:{_FIRST}\s+)?(?:{_PREFIX}\s+){{0,3}}{_SURNAME}"
    rf"(?:\s*\(\s*{_FIRST}\s*\))?|(?:{_PREFIX}\s+)?{_SURNAME},\s*(?:{_INITIALS}|{_FIRST})(?:\s*{_PREFIX}\b)*"
    rf"(?:\s*\(\s*{_FIRST}\s*\))?")


def _looks_like_name(text: str) -> bool:
    """A label's value that is a person's name: "J. Jansen", "Tamara van Ark", "Ark, T. van (Tamara)"."""
    if _starts_with_function(text, 0) or not _NAME_VALUE.fullmatch(text):
        return False
    words = text.split()
    return len(words) >= 2 or bool(re.search(_INITIAL, text))


def personal_values(pairs) -> list[str]:
    """The printed values of personal label/value pairs (`LabelledValue`s of roles author, phone, email)
    that are a name, a phone number or an e-mail address ("Opgesteld door: Bestuurskern" names a body)."""
    values: list[str] = []
    for pair in pairs:
        if pair.role not in PERSONAL_ROLES:
            continue
        for text in pair.texts:
            text = text.strip(" :;,")
            if len(text) < 3:
                continue
            if EMAIL.search(text) or len(re.sub(r"\D", "", text)) >= 6 or _looks_like_name(text):
                values.append(text)
    return values


# keep the model imports used (for type checkers and readers of this module)
_ = (DatedEvent, Identifier, Section)
