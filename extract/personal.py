"""Personal data out of a `Note`: names of civil servants, direct phone numbers, e-mail addresses.

Published metadata is public forever. Names of the civil servants who wrote or received a
note ("Contactpersoon", "Auteur", "Opsteller", e-mail headers, greetings, signatures, a
person as addressee), their direct phone numbers and e-mail addresses are therefore left
out by default: `scrub_note(note)` returns a copy in which

- an addressee that is a person ("Ark, T. van (Tamara)", "De heer H.M. de Jonge", "Annemiek
  de Vries") or an OCR scrap ("[EXER INNEREDNNEXEo rivm.ni>", `kenmerk.extract.noise`) is
  None, with its evidence; functions and bodies stay ("Minister van Asiel en Migratie",
  "Directeur-generaal Migratie", "MBZK", "Gedeputeerde Staten", "Gemeente Wierden");
- every free text (evidence, section texts, dated-event texts, title, decision, attachment
  titles, units) has its e-mail addresses, phone numbers and person names replaced by
  `[persoonsgegevens]`.

Names are found by structure and by shape, never by guessing on capitalised words:

- by structure (`kenmerk.extract.roster`): the names the note itself prints in a person
  field (e-mail headers "Van:", "Aan:", "To:", "Cc:" with or without an address; greetings
  "Dag Tamara,"; signatures "Groet, Annemiek"; contact labels), a person as addressee, and
  the `known` values `note_from_layout` passes (the printed values of the personal
  label/value pairs it read, `personal_values`). Each such name is removed wherever else the
  note prints it, its words alone as well ("Tamara", "Van Ark");
- by shape (`kenmerk.extract.names.NAME_PATTERNS`): "Lastname, I. (Firstname)", a form of
  address with a name, initials with a surname;
- phone numbers in any grouping ("06 - 12 34 56 78", "06.12.34.56.78", "+31 (0)6 1234 5678")
  and e-mail addresses also when written to fool harvesters ("a @ b.nl", "a[at]b.nl",
  "a(at)b(dot)nl", a full-width "＠").

Political office holders named with their office ("gedeputeerde Stigter", "wethouder Van
Dolder") are public and stay.

Extraction scrubs by default (`read_note(..., keep_personal_data=False)`); the RDF and
DiWoo writers of `kenmerk.output` always scrub, so a JSON made with `kenmerk extract
--keep-personal-data` brings no personal data into the triples: the person fields the JSON
holds (header lines in evidence and sections, greetings, signatures, the addressee) are
found again. What such a JSON no longer holds (a colofon's contact person is no field of the
note) cannot be: a surname that appears alone elsewhere is then scrubbed by the extraction
only.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel

from kenmerk.extract.labels import LABELS
from kenmerk.extract.model import Evidence, Note
from kenmerk.extract.names import (
    EMAIL,
    INITIAL,
    LEGAL_FORM,
    LOWER,
    NAME_PATTERNS,
    UPPER,
    emails,
    is_office_word,
    is_person,
    name_shaped,
)
from kenmerk.extract.noise import mostly_noise
from kenmerk.extract.roster import PersonField, Roster, person_fields

if TYPE_CHECKING:
    from kenmerk.extract.colofon import LabelledValue

T = TypeVar("T", bound=BaseModel)

__all__ = ["EMAIL", "PLACEHOLDER", "NAME_PATTERNS", "is_person", "personal_values", "scrub_note", "scrub_text",
           "text_scrubber"]

PLACEHOLDER = "[persoonsgegevens]"

#: a phone number candidate: +31/0031/0 and 9 more digits, or another country code with 8-12 digits;
#: digits grouped by spaces, hyphens, dots or dashes ("06 - 12 34 56 78", "06.12.34.56.78")
_SEP = r"(?:\s?[-.–—·]\s?|\s)"
_PHONE = re.compile(
    r"(?<![\w/.,-])(?:(?:\+|00)\s?31\s?(?:\(0\)\s?)?|\+\s?\d{1,3}\s?(?:\(0\)\s?)?|\(0\d{1,3}\)\s?|0)"
    rf"\d(?:{_SEP}?\d){{6,11}}(?![\w/-]|[.,]\d)")
#: a date, not a phone number: "12-03-2024", "1.2.24" (but "06.12.34.56.78" goes on after its "year")
_DATE_LIKE = re.compile(r"^\d{1,2}[-./]\d{1,2}[-./](?:\d{4}|\d{2}(?![-./\s]?\d))")

#: labels whose value is personal: roles of `kenmerk.extract.labels`
PERSONAL_ROLES = ("author", "phone", "email")
#: labels whose value is personal when it names a person (an e-mail header, a person as addressee)
PERSON_FIELD_ROLES = ("addressee", "sender", "copy_to")
_PHONE_LABEL = re.compile(r"\b(?i:telefoonnummer|telefoon|tel\.?|mobiel|mob\.?|doorkiesnummer|doorkies|direct)\s*:?\s*"
                          r"(?P<value>\+?[\d(][\d\s().–-]{5,22}\d)")

_AUTHOR = next(kind.pattern for kind in LABELS if kind.role == "author")
#: a quick pre-check: text without any of these cannot hold personal data of our patterns
_TRIGGERS = re.compile(
    rf"[@＠﹫]|\d\W{{0,3}}\d\W{{0,3}}\d|[\[({{<]\s*(?i:at)\s*[\])}}>]|{INITIAL}|"
    rf"(?i:heer|mevr|mevrouw|dhr|mw\.|mr\.|dr\.|drs\.|ir\.|prof\.|ing\.|herr|frau|groet|regards|hoogachtend|namens|"
    rf"\b(?:dag|beste|hoi|hallo|hi|hey|lieve|goede\w+|geachte|dear|hello)\s|"
    rf"van\s*:|aan\s*:|from\s*:|to\s*:|cc\s*:|{_AUTHOR})|,\s*[{UPPER}]|[{UPPER}][{LOWER}]+\s+(?:van|de|der|den)\s+[{UPPER}]")


def _phone_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _PHONE.finditer(text):
        value = m.group(0)
        digits = re.sub(r"\D", "", value)
        if _DATE_LIKE.match(value):
            continue
        if value.startswith(("+", "00")):
            ok = 9 <= len(digits) <= 15
        else:
            ok = len(digits) == 10
        if ok:
            spans.append(m.span())
    for m in _PHONE_LABEL.finditer(text):
        if len(re.sub(r"\D", "", m.group("value"))) >= 6 and not _DATE_LIKE.match(m.group("value")):
            spans.append(m.span("value"))
    return spans


def _fields(text: str) -> list[PersonField]:
    return person_fields(text) if _TRIGGERS.search(text) else []


def _spans(text: str, known: tuple[str, ...], roster: Roster, fields: list[PersonField]) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for value in known:
        start = text.find(value)
        while start >= 0:
            spans.append((start, start + len(value)))
            start = text.find(value, start + len(value))
    spans += roster.spans(text)
    if not _TRIGGERS.search(text):
        return spans
    spans += emails(text)
    spans += _phone_spans(text)
    for _, pattern in NAME_PATTERNS:
        spans += [m.span() for m in pattern.finditer(text)]
    # names in person fields: e-mail headers, greetings, signatures, contact labels
    spans += [(f.start, f.end) for f in fields]
    return spans


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _scrub(text: str, known: tuple[str, ...], roster: Roster, fields: list[PersonField] | None = None) -> str:
    if not text:
        return text
    found = _fields(text) if fields is None else fields
    spans = _merge([(s, e) for s, e in _spans(text, known, roster, found) if e > s])
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


def _known(known: Iterable[str]) -> tuple[str, ...]:
    return tuple(sorted({k.strip() for k in known if k and len(k.strip()) >= 3}, key=len, reverse=True))


def _roster(known: tuple[str, ...], names: Iterable[str]) -> Roster:
    """The roster of the known values that are names (not numbers or addresses) and of `names`."""
    return Roster([*(v for v in known if not emails(v) and not any(c.isdigit() for c in v)), *names])


def scrub_text(text: str, known: Iterable[str] = ()) -> str:
    """`text` with e-mail addresses, phone numbers and person names replaced by `[persoonsgegevens]`.

    A name the text prints in a person field (an e-mail header, a greeting, a signature) is
    replaced wherever else the text prints it; so are the `known` personal values and names.
    """
    known = _known(known)
    fields = _fields(text)
    return _scrub(text, known, _roster(known, (f.name(text) for f in fields)), fields)


# -- the note ------------------------------------------------------------------------------------


def _texts(note: Note) -> list[str]:
    """Every free text of a note, where its person fields may stand."""
    texts = [ev.text for ev in note.evidence.values()]
    for items in (note.identifiers, note.dates, note.attachments, note.woo_grounds):  # a section has no evidence
        texts += [item.evidence.text for item in items if item.evidence is not None]
    texts += [d.text for d in note.dates] + [s.text for s in note.sections] + [s.heading for s in note.sections]
    if note.recommended_decision is not None:
        texts.append(note.recommended_decision.text)
        if note.recommended_decision.evidence is not None:
            texts.append(note.recommended_decision.evidence.text)
    if note.organisation is not None and note.organisation.evidence is not None:
        texts.append(note.organisation.evidence.text)
    return [t for t in texts if t]


def _note_roster(note: Note, known: tuple[str, ...], fields: dict[str, list[PersonField]],
                 persons: Iterable[str] = ()) -> Roster:
    """The names of a note: its known values, the names in its texts' person fields, an addressee that is
    a person (left out, and their name wherever else it appears; an OCR scrap names nobody) and `persons`."""
    found_names = [part for t, found in fields.items() for f in found for part in _without_firm(f.name(t))]
    # not an office that signs off or sends: "Groet, Projectteam X"
    names = [n for n in found_names if not _office(n)]
    names += [p for p in (note.addressee, *persons) if p is not None and is_person(p)]
    return _roster(known, names)


def _office(text: str) -> bool:
    """Whether `text` names an office or a firm, not a person: a word of a body or a function, or a legal form."""
    return LEGAL_FORM.search(text) is not None or any(is_office_word(w) for w in re.findall(r"[\w'’-]+", text))


def _without_firm(name: str) -> list[str]:
    """A person field's name without the office or firm set after it: "Bas Verhagen, Zuivelfabriek Dommelhof
    B.V." is Bas Verhagen (and Dommelhof no name); an inverted "Verhagen, Bas" stays whole."""
    parts = [p.strip() for p in name.split(",")]
    if len(parts) > 1 and any(_office(p) for p in parts):
        return [p for p in parts if p and not _office(p)]
    return [name]


def text_scrubber(note: Note, known: Iterable[str] = (), *, texts: Iterable[str] = (),
                  persons: Iterable[str] = ()) -> Callable[[str], str]:
    """A function that scrubs any text of what `scrub_note(note, known)` leaves out of the note, and of
    the names in the person fields of `texts` and the `persons` that are people (for texts beside the
    note, such as the runners-up `kenmerk extract --explain` shows)."""
    k = _known(known)
    fields = {t: _fields(t) for t in (*_texts(note), *texts)}
    roster = _note_roster(note, k, fields, persons)
    return lambda text: _scrub(text, k, roster) if text else text


def scrub_note(note: Note, known: Iterable[str] = ()) -> Note:
    """A copy of `note` without personal data (see the module docstring); `note` is not changed.

    `known`: printed values known to be personal (the values of "Contactpersoon", "Telefoon",
    "E-mail" pairs, a person named in an "Aan"/"Van" pair), removed wherever they appear. The
    names in the note's own person fields are found in its texts, so a JSON made with
    `--keep-personal-data` is scrubbed as well as the extraction itself.
    """
    k = _known(known)
    fields = {t: _fields(t) for t in _texts(note)}
    roster = _note_roster(note, k, fields)
    addressee = note.addressee
    drop_addressee = addressee is not None and (addressee in roster.names or addressee.strip() in k
                                                or mostly_noise(addressee))

    def text(value: str) -> str:
        return _scrub(value, k, roster, fields.get(value))

    def opt(value: str | None) -> str | None:
        """A scrubbed value, or None when nothing but personal data was left."""
        if value is None:
            return None
        scrubbed = text(value)
        return scrubbed if scrubbed.replace(PLACEHOLDER, "").strip(" ,;:.") else None

    def ev(evidence: Evidence | None) -> Evidence | None:
        if evidence is None:
            return None
        clean = text(evidence.text)
        return evidence if clean == evidence.text else evidence.model_copy(update={"text": clean})

    def scrubbed(item: T, **fields: Any) -> T:
        """`item` itself, or a copy with its evidence scrubbed and the `fields` given where they differ."""
        update = {name: value for name, value in fields.items() if value != getattr(item, name)}
        old = getattr(item, "evidence", None)
        clean = ev(old)
        if clean is not old:
            update["evidence"] = clean
        return item.model_copy(update=update) if update else item

    update: dict = {}
    evidence = {name: ev(e) for name, e in note.evidence.items()}
    addressee = None if drop_addressee else opt(addressee)
    if addressee != note.addressee:
        update["addressee"] = addressee
    title = opt(note.title)
    if title != note.title:
        update["title"] = title
    for name, value in (("addressee", addressee), ("title", title)):
        if value is None and name in evidence:
            evidence.pop(name)
    if any(evidence.get(name) is not e for name, e in note.evidence.items()):
        update["evidence"] = evidence

    lists = {  # list fields: each item scrubbed, the list replaced when one item changed
        "identifiers": lambda i: scrubbed(i),
        "dates": lambda d: scrubbed(d, text=text(d.text)),
        "attachments": lambda a: scrubbed(a, title=opt(a.title)),
        "sections": lambda sec: scrubbed(sec, text=text(sec.text), heading=text(sec.heading)),
        "woo_grounds": lambda g: scrubbed(g),
    }
    for name, scrub in lists.items():
        items = getattr(note, name)
        new = [scrub(item) for item in items]
        if any(a is not b for a, b in zip(new, items, strict=False)):
            update[name] = new
    if note.organisation is not None:
        o = note.organisation
        units = [text(u) for u in o.units if not is_person(u) and u.strip() not in k]
        units = [u for u in units if u.replace(PLACEHOLDER, "").strip(" ,;:.")]
        org = scrubbed(o, units=units, name=opt(o.name) if o.name else o.name)
        if org is not o:
            update["organisation"] = org
    if note.recommended_decision is not None:
        d = note.recommended_decision
        decision = scrubbed(d, text=text(d.text))
        if decision is not d:
            update["recommended_decision"] = decision
    return note.model_copy(update=update) if update else note


def personal_values(pairs: Iterable[LabelledValue]) -> list[str]:
    """The printed values of personal label/value pairs (`LabelledValue`s) that are a name, a phone
    number or an e-mail address: every value of a contact, phone or e-mail label ("Opgesteld door:
    Bestuurskern" names a body), and a person named by an "Aan", "Van" or "Cc" pair."""
    values: list[str] = []
    for pair in pairs:
        if pair.role not in PERSONAL_ROLES + PERSON_FIELD_ROLES:
            continue
        for value in pair.texts:
            value = value.strip(" :;,")
            if len(value) < 3:
                continue
            if pair.role in PERSON_FIELD_ROLES:
                if is_person(value):
                    values.append(value)
            elif EMAIL.search(value) or len(re.sub(r"\D", "", value)) >= 6 or name_shaped(value):
                values.append(value)
    return values
