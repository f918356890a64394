"""The names a document itself gives in its person fields, and where else they appear.

A name printed in a person field is personal data wherever else the same document prints
it, alone as well: "Tamara" in "Dag Tamara," once the addressee "Ark, T. van (Tamara)" is
known, "Jansen" in a sentence once "Van: Jansen, Pieter <…>" is read. The person fields:

- e-mail headers ("Van:", "Aan:", "From:", "To:", "Cc:", …): each recipient with a name-shaped
  display name ("Annemiek de Vries", "Jansen, Pieter", in quotes or not), with or without an
  address; one word alone ("Annemiek <a@b.nl>") only before an address;
- greetings ("Dag Tamara,", "Beste Annemiek en Pieter,", "Geachte heer Jansen,");
- signatures after a sign-off ("Groet, Annemiek", "Met vriendelijke groet,\\nPieter Jansen");
- contact labels ("Contactpersoon", "Opgesteld door:", "Behandeld door");
- the names the caller knows (`Roster(names)`: a person as addressee, the values of
  personal label/value pairs).

`person_fields(text)` finds the names (with their place) in one text; a `Roster` holds the
names of a document and finds their words anywhere ("Annemiek", "Vries", "De Vries"), with
the surname that follows a first name known from a greeting ("Radboud Kleinjan").
Functions, bodies and OCR scraps are never names (`kenmerk.extract.names`).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.header import decode_header, make_header
from functools import lru_cache
from typing import Literal

from kenmerk.extract.labels import LABELS
from kenmerk.extract.names import (
    ADDRESS,
    EMAIL,
    INITIALS,
    INVERTED_FIRST,
    LEGAL_FORM,
    NAME_PATTERNS,
    PREFIX,
    is_person,
    name_run,
    name_shaped,
    name_words,
    starts_with_function,
)

__all__ = ["PersonField", "Roster", "person_fields"]


#: where a person's name stands: a header field, the greeting, the signature or a contact line
PersonKind = Literal["header", "greeting", "signature", "contact"]


@dataclass(frozen=True)
class PersonField:
    """A name in a person field: where it stands in the text and what kind of field it is."""

    start: int
    end: int
    kind: PersonKind

    def name(self, text: str) -> str:
        """The name as a reader sees it (an RFC 2047 encoded word decoded)."""
        return _decoded(text[self.start:self.end])


#: an RFC 2047 encoded word, as a raw e-mail header gives a display name: "=?utf-8?q?Jansen=2C_Pieter?="
_ENCODED_WORD = re.compile(r"=\?[\w.-]+\?[BbQq]\?[^?\s]*\?=")


def _decoded(value: str) -> str:
    """`value` with its encoded words decoded by the standard library; as it is when they do not decode."""
    if not _ENCODED_WORD.search(value):
        return value
    try:
        return str(make_header(decode_header(value)))
    except (ValueError, LookupError, UnicodeDecodeError):
        return value


_AUTHOR = next(kind.pattern for kind in LABELS if kind.role == "author")
#: a contact label as printed in a colofon ("Contactpersoon", "Opgesteld door:"), not running text
_AUTHOR_LABEL = re.compile(rf"\b(?i:{_AUTHOR})\b\s*:?\s*")
#: e-mail header labels; the value runs to the end of the line or the next "Label:"
_HEADER_LABEL = re.compile(r"(?:^|(?<=\s)|(?<=[;,]))(?i:van|aan|from|to|cc|bcc|kopie\s+aan|afzender|verzonden\s+door|"
                           r"sender|reply-to)\s*:\s*")
_HEADER_END = re.compile(r"\n|\s(?=[A-Z][\w-]*(?:\s[a-z]+)?\s?:)")
#: where one recipient ends and the next begins: "a <x@y.nl>; b", "a <x@y.nl>, b"
_RECIPIENT_SPLIT = re.compile(r";|(?<=[>\]])\s*,?")
_GREETING = re.compile(r"(?<![\w])(?:Dag|Beste|Hoi|Hallo|Hi|Hey|Lieve|Goedemorgen|Goedemiddag|Goedenavond|Geachte|"
                       r"Dear|Hello)[ \t]+")
_SIGN_OFF = re.compile(r"\b(?i:met\s+vriendelijke\s+groet(?:en)?|vriendelijke\s+groet(?:en)?|hartelijke\s+groet(?:en)?|"
                      r"groet(?:en)?|kind\s+regards|best\s+regards|regards|hoogachtend|namens\s+deze)\s*,?\s*")
_INVERTED = dict(NAME_PATTERNS)["inverted"]
_QUOTE = re.compile(r"[\"'“”‘’«»\s]*")
_TRAILING_PREFIX = re.compile(rf"(?:(?:\s+{PREFIX})+|[\s,'’]+)$")
_ADDRESS = re.compile(ADDRESS)
#: a greeting's name ends at a comma, "!", ":" or the end of the line; "en" joins a second name
_GREETING_END = re.compile(r"[ \t]*(?:[,!:;\n]|$)")
_AND_NAME = re.compile(r"[ \t]+(?:en|and|&)[ \t]+(?=[A-Z])")
_LOWER_WORD_NEXT = re.compile(r"\s+[a-zß-ÿ]")


def _trim(text: str, start: int, end: int) -> int:
    """`end` moved back over trailing prefixes, commas and spaces ("Jan de Vries Het" → "Jan de Vries")."""
    m = _TRAILING_PREFIX.search(text, start, end)
    return m.start() if m and m.start() > start else end


def _run(text: str, at: int, limit: int = 6) -> int:
    """End of a name that starts with a capital (a name never starts with "uit", "van" in running text)."""
    if not text[at:at + 1].isupper() or starts_with_function(text, at):
        return at
    return _trim(text, at, name_run(text, at, limit=limit))


def _sentence_end(text: str, at: int, end: int) -> int:
    """In text without line breaks a name may run into the next sentence ("Groet, Tamara Hieronder
    staan …"): a run followed by a lower-case word loses its last word."""
    if not _LOWER_WORD_NEXT.match(text, end):
        return end
    last = text.rfind(" ", at, end)
    return _trim(text, at, last) if last > at else at


def _after_quotes(text: str, pos: int) -> int:
    """Where the text at `pos` starts after its opening quotes and spaces."""
    quotes = _QUOTE.match(text, pos)
    return quotes.end() if quotes else pos


def _recipients(text: str, start: int, end: int) -> Iterator[int]:
    """Where each recipient of a header value starts (after quotes)."""
    pos = start
    for sep in _RECIPIENT_SPLIT.finditer(text, start, end):
        if sep.start() > pos:
            yield _after_quotes(text, pos)
        pos = sep.end()
    if pos < end:
        yield _after_quotes(text, pos)


def _header_fields(text: str) -> Iterator[PersonField]:
    for label in _HEADER_LABEL.finditer(text):
        stop = _HEADER_END.search(text, label.end())
        for start in _recipients(text, label.end(), stop.start() if stop else len(text)):
            if starts_with_function(text, start):
                continue
            encoded = _ENCODED_WORD.match(text, start)
            if encoded:  # a raw header's display name: a person when it decodes to one
                name = _decoded(encoded.group(0))
                if is_person(name) or name_shaped(name, single=True):
                    yield PersonField(start, encoded.end(), "header")
                continue
            inverted = [m.end() for m in (INVERTED_FIRST.match(text, start), _INVERTED.match(text, start)) if m]
            end = _trim(text, start, max(inverted)) if inverted else _run(text, start)
            if end <= start:
                continue
            name = text[start:end]
            rest = text[end:end + 80].lstrip(" \"'“”‘’")
            addressed = rest.startswith("<") or bool(EMAIL.match(rest.lstrip("[(").replace("mailto:", "", 1)))
            if inverted or is_person(name) or (addressed and name_shaped(name, single=True)):
                yield PersonField(start, end, "header")


def _greeting_fields(text: str) -> Iterator[PersonField]:
    for m in _GREETING.finditer(text):
        at = m.end()
        address = _ADDRESS.match(text, at)
        if address:
            at = address.end()
        while True:
            end = _run(text, at, limit=4)
            if end <= at or not (address or name_shaped(text[at:end], single=True)):
                break
            joined = _AND_NAME.match(text, end)
            if not joined and not _GREETING_END.match(text, end):
                break
            yield PersonField(at, end, "greeting")
            if not joined:
                break
            at = joined.end()


def _signature_fields(text: str) -> Iterator[PersonField]:
    for m in _SIGN_OFF.finditer(text):
        at = m.end()
        end = _run(text, at, limit=5)
        if end > at:
            end = _sentence_end(text, at, end)
        if end > at and name_shaped(text[at:end], single=True):
            yield PersonField(at, end, "signature")


def _contact_fields(text: str) -> Iterator[PersonField]:
    for m in _AUTHOR_LABEL.finditer(text):
        # a label as printed in a colofon ("Contactpersoon", "Opgesteld door:"), not running text
        # ("… opgesteld door Google"); the name starts with a capital or initials
        label_like = m.group(0)[:1].isupper() or ":" in m.group(0)
        if not label_like or not text[m.end():m.end() + 1].isupper() or starts_with_function(text, m.end()):
            continue
        end = _trim(text, m.end(), name_run(text, m.end()))
        if end > m.end():
            yield PersonField(m.end(), end, "contact")


#: the kinds of person field, each a function from a text to the fields found in it
FIELD_FINDERS = (_header_fields, _greeting_fields, _signature_fields, _contact_fields)


def person_fields(text: str) -> list[PersonField]:
    """The names in the person fields of `text`: e-mail headers, greetings, signatures, contact labels."""
    return [f for finder in FIELD_FINDERS for f in finder(text)]


@lru_cache(maxsize=256)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """A name made of the roster's words, with the initials and prefixes around them: "A. de Vries", "Van Ark"."""
    forms = sorted({form for w in words for form in (w, w.upper())}, key=len, reverse=True)
    if not forms:
        return None
    word = "(?:" + "|".join(map(re.escape, forms)) + ")"
    lead = rf"(?:{INITIALS}\s*(?:{PREFIX}\s+)*|(?=[A-Z]){PREFIX}\s+(?:{PREFIX}\s+)*)?"
    return re.compile(rf"(?<![\w@.]){lead}{word}(?:\s+(?:{PREFIX}\s+)*(?:{INITIALS}\s*)?{word})*(?![\w@])")


#: capitalised words and a legal form after a name: the name is part of a company's name
_COMPANY_AFTER = re.compile(r"(?:[ \t]+(?:(?:&|en)[ \t]+)?[A-Z][\w'’.-]*){0,4},?[ \t]+" + LEGAL_FORM.pattern)


@dataclass
class Roster:
    """The persons a document names in its person fields, and the words that identify them."""

    names: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.names = list(dict.fromkeys(n.strip() for n in self.names if n.strip()))
        self._pattern = _words_pattern(tuple(sorted(self.words)))

    @property
    def words(self) -> list[str]:
        """The words that identify a person alone ("Annemiek", "Vries", "Jansen")."""
        return list(dict.fromkeys(w for n in self.names for w in name_words(n)))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the roster's names (or words of them) stand in `text`, with the surname that follows
        a known first name ("Radboud Kleinjan" once "Dag Radboud," is read)."""
        if self._pattern is None or not text:
            return []
        spans = []
        for m in self._pattern.finditer(text):
            if _COMPANY_AFTER.match(text, m.end()):
                continue  # "Kuipers Metaalbewerking B.V.": a company named after a person is no person
            end = m.end()
            if text[end:end + 1] == " " and text[end + 1:end + 2].isupper():
                end = max(end, _trim(text, end, name_run(text, end, limit=4)))
            spans.append((m.start(), end))
        return spans
