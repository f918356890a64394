"""The parts of a letter: return address, address block, place and date, salutation, closing, signature.

A Dutch letter, whoever sends it, has the same parts in the same places: a
return-address line ("> Retouradres Postbus 20350 2500 EJ Den Haag") over the
address block in the envelope window (left, in the upper part of page 1), the
address block itself (the addressee on its first line, "T.a.v." and the postal
address under it), a dated line ("Zwolle, 6 december 2022"), a salutation
("Geachte heer De Vries,", "Geacht college,"), a closing ("Hoogachtend,", "Met
vriendelijke groet,") and under that the signature block (the signer's function
and body: "De minister van Justitie en Veiligheid,", "Gedeputeerde Staten van
Overijssel,"). A document with an address block, a salutation and a closing is
a letter.

An address block need not print a street: "Gemeente Wierden", "Provinciale
Staten van Overijssel" or "Aan de bewoners van de Dorpsstraat" alone above the
subject and the salutation is the address block too.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from kenmerk.extract import geometry
from kenmerk.extract.context import Document
from kenmerk.extract.headings import match_heading
from kenmerk.extract.labels import match_label
from kenmerk.extract.layout import Line

#: "Geachte heer", "Beste Anna", "Dear Sir", "L.S."; "Sehr geehrte Damen und Herren" (to a German body)
SALUTATION = re.compile(r"^(?:(?:zeer\s+)?(?:hoog)?geachte?|beste|waarde|dear|excellentie|sehr\s+geehrte[rs]?)\b|"
                        r"^l\.\s?s\.", re.IGNORECASE)
CLOSING = re.compile(
    r"^(?:hoogachtend|met\s+(?:de\s+meeste\s+hoogachting|(?:vriendelijke|hartelijke|collegiale)\s+groet(?:en)?)|"
    r"(?:vriendelijke|hartelijke)\s+groet(?:en)?|namens\s+(?:deze|dezen|het\s+college|de\s+minister)|"
    r"(?:kind|best)\s+regards|yours\s+sincerely)\b",
    re.IGNORECASE,
)
RETURN_ADDRESS = re.compile(r"^\W{0,3}(?:retour\s?adres|return\s+address)\b", re.IGNORECASE)
#: lines of a postal address that only an address has: a P.O. box, a postcode with its place
#: (a foreign address ends in its country in capitals, as the UPU's addressing rules ask)
POSTAL = re.compile(r"^(?i:postbus|antwoordnummer|p\.?\s?o\.?\s?box)\s*\d+|(?:^|\s)\d{4}\s?[A-Z]{2}(?:\s+[A-Z'’][\w'’ -]*)?$"
                    r"|^(?:BELGI[ËE]|BELGIUM|BELGIQUE|DUITSLAND|GERMANY|DEUTSCHLAND|FRANKRIJK|FRANCE|LUXEMBURG|"
                    r"LUXEMBOURG|VERENIGD KONINKRIJK|UNITED KINGDOM|DENEMARKEN|DENMARK|ZWITSERLAND|SWITZERLAND|"
                    r"OOSTENRIJK|AUSTRIA|SPANJE|SPAIN|ITALI[ËE]|ITALY|ZWEDEN|SWEDEN|NOORWEGEN|NORWAY|POLEN|POLAND|"
                    r"IERLAND|IRELAND|PORTUGAL|FINLAND|GRIEKENLAND|GREECE|CURAÇAO|ARUBA|SINT MAARTEN|SURINAME)$")
#: words only a sender's own address block has (a letterhead or colofon, not the addressee's)
SENDER_WORDS = re.compile(r"bezoekadres|postadres|telefoon|\btel\b|www\.|https?:|@|\bkvk\b|iban|\bbic\b|\bbtw\b|"
                          r"\bfax\b|e-?mail|internet|contact|(?:^|[\s·|])[TF]\.?\s?[+0(]\d", re.IGNORECASE)
#: lines that stand in an address block before the addressee ("Per e-mail", "Vertrouwelijk")
PREAMBLE = re.compile(r"^(?:per\s+(?:e-?mail|post|koerier|fax)|aangetekend|vertrouwelijk|persoonlijk|spoed|urgent|"
                      r"dringend|retour)\b", re.IGNORECASE)
#: "Den Haag, 3 februari 2024", "'s-Gravenhage, 14 mei 2025": the place and date of a letter
PLACE_DATE = re.compile(r"^(?:['’]s-)?[A-Z][\w'’. -]{1,30},\s+(?:de\s+)?(?:[a-z]{2,9}\.?,?\s+)?"
                        r"(?:\d{1,2}\s+\w+\.?\s+\d{4}|\d{1,2}[-./]\d{1,2}[-./]\d{4}|\d{4}-\d{2}-\d{2})\s*$")
#: lines of a block stand at most this many line heights apart
BLOCK_GAP = 1.8
#: the most lines an address block has
MAX_BLOCK = 8
#: the address block lies left of this share of the page width (the envelope window)
WINDOW_SHARE = 0.5


@dataclass(frozen=True)
class AddressBlock:
    """The address block: its lines top to bottom, and how it was recognised."""

    lines: tuple[Line, ...]
    how: str

    @property
    def first(self) -> Line:
        return self.lines[0]


@dataclass(frozen=True)
class Letter:
    """The letter parts found on a document (each None when absent)."""

    salutation: Line | None
    closing: Line | None
    return_address: Line | None
    address: AddressBlock | None
    place_date: Line | None
    signature: tuple[Line, ...]
    address_blocks: tuple[AddressBlock, ...] = ()
    """Every address block on page 1 (a letter to several addressees has several); the first is `address`."""

    @property
    def address_lines(self) -> tuple[Line, ...]:
        """The lines of the (first) address block, none without one."""
        return self.address.lines if self.address is not None else ()

    @property
    def is_letter(self) -> bool:
        """A salutation with an address block or a closing: a letter, whoever sent it."""
        return self.salutation is not None and (self.address is not None or self.closing is not None)


def letter(doc: Document) -> Letter:
    """The letter parts of the document (computed once per document)."""
    return doc.once(_letter)


def _letter(doc: Document) -> Letter:
    lines = [ln for ln in doc.content if ln.page == 1 and not doc.in_colofon(ln)]
    salutation = next((ln for ln in lines if _salutes(ln.text)), None)
    closing = None
    if salutation is not None:
        closing = next((ln for ln in doc.content if ln.index > salutation.index and CLOSING.match(ln.text)
                        and len(ln.text) < 60), None)
    first = lines
    before = [ln for ln in first if salutation is None or ln.index < salutation.index]
    return_address = next((ln for ln in before if RETURN_ADDRESS.match(ln.text)), None)
    # a cover's place and date stand on page 2 (under a foreword)
    place_date = next((ln for ln in doc.opening if PLACE_DATE.match(ln.text) and not doc.in_colofon(ln)
                       and not _beside_a_label(doc, ln)), None)
    labelled = any(p.label_line.page == 1 for p in doc.pairs_of("addressee"))
    address = None if labelled else _address_block(doc, before, return_address, salutation)
    others = () if labelled else tuple(b for b in _postal_blocks(doc, before, return_address)
                                       if address is None or b.lines != address.lines)
    return Letter(salutation=salutation, closing=closing, return_address=return_address, address=address,
                  place_date=place_date, signature=_signature(doc, closing),
                  address_blocks=((address,) if address else ()) + others)


def _beside_a_label(doc: Document, line: Line) -> bool:
    """A label's value, not a line of its own: a cell of a header table, or right of a line on its row
    ("Commissie | Ruimte, 16 juni 2025" names a meeting, and looks like a place and date line)."""
    return line.index in doc.table_lines or (line.has_box and any(
        o is not line and o.page == line.page and o.x1 <= line.x0 and geometry.same_row(o, line, strict=True)
        for o in doc.first_page))


def _salutes(text: str) -> bool:
    """"Geachte heer De Vries,", "Geacht college,", "Beste Anna": capitalised, short or ending in a comma."""
    text = text.strip()
    return (SALUTATION.match(text) is not None and text[:1].isupper()
            and (text.endswith(",") or len(text) <= 50) and len(text) < 90)


def blocks(doc: Document, lines: list[Line]) -> list[list[Line]]:
    """Lines grouped into blocks: left-aligned, close under each other (text inputs: between blank lines)."""
    out: list[list[Line]] = []
    if not doc.layout.has_positions:
        for ln in lines:
            if out and not ln.gap_before and ln.index == out[-1][-1].index + 1:
                out[-1].append(ln)
            else:
                out.append([ln])
        return out
    open_blocks: list[list[Line]] = []
    for ln in sorted(lines, key=lambda x: (x.page, -x.y1, x.x0)):
        home = next((b for b in open_blocks if b[-1].page == ln.page and geometry.aligned(b[-1], ln)
                     and 0 <= geometry.vertical_gap(b[-1], ln) + 1 <= BLOCK_GAP * max(geometry.height(b[-1]), 6.0)),
                    None)
        if home is None:
            home = []
            open_blocks.append(home)
            out.append(home)
        home.append(ln)
    return out


#: a word of three letters: a line without one is a code, a number or OCR noise
WORD = re.compile(r"[^\W\d_]{3}")
#: the address block stands in the upper part of page 1: above this share of the page height
UPPER_SHARE = 0.4


#: the letterhead band at the top of page 1: a block all above this share of the page height is no address block
LETTERHEAD_SHARE = 0.9
#: segments of one letterhead strip ("Postbus 301 · 8260 AH Kampenveen · T 088 …") stand this close
STRIP_GAP = 40.0
TAV = re.compile(r"^(?:t\.?\s?a\.?\s?v\.?|attn\.?|attention:?|z\.\s?hd\.?)(?:\s|$)", re.IGNORECASE)


#: label roles a sender's own block holds ("Telefoon 0123 …"): kept in the block, so it shows as the sender's
SENDER_ROLES = frozenset({"phone", "email"})


def _usable(doc: Document, ln: Line) -> bool:
    label = match_label(ln.text)
    attention = TAV.match(ln.text) is not None  # "T.a.v. …" belongs to the address block it stands in
    return (ln.index not in doc.table_lines and (label is None or label.kind.role in SENDER_ROLES or attention)
            and (ln.index not in doc.pair_lines or label is not None)
            and (WORD.search(ln.text) is not None or POSTAL.search(ln.text) is not None or attention))


def _sender_row(doc: Document, block: list[Line]) -> bool:
    """A block that is (part of) the sender's strip: a sender word on a line of it or beside it on its row; not a
    block sent "Per e-mail" or "Aangetekend" (whose e-mail address is the addressee's)."""
    if PREAMBLE.match(block[0].text):
        return False
    strip = list(block)
    boxed = sorted((o for o in doc.first_page if o.has_box), key=lambda o: o.x0)
    for ln in boxed:  # the segments of a strip, left to right, one after another
        if ln not in strip and any(geometry.same_row(ln, s) and 0 <= ln.x0 - s.x1 < STRIP_GAP for s in strip):
            strip.append(ln)
    return any(SENDER_WORDS.search(ln.text) and not PREAMBLE.match(ln.text) for ln in strip)


def _name_like(ln: Line) -> bool:
    """A line that can open an address block without a street: short, capitalised, no sentence, no heading."""
    text = ln.text.strip()
    return (text[:1].isupper() and len(text) <= 70 and not text.endswith((".", ",", ":", ";", "?"))
            and len(re.findall(r"\d", text)) < 3 and match_heading(text, bold=ln.bold) is None)


def _window_blocks(doc: Document, before: list[Line], return_address: Line | None) -> list[list[Line]]:
    """The blocks of lines that can be an address block: left, under the letterhead, not labels or tables."""
    page = doc.layout.pages[0]
    window = [ln for ln in before if ln is not return_address and _usable(doc, ln)
              and not (return_address is not None and geometry.same_row(return_address, ln))
              and (not ln.has_box or ln.x0 < page.width * WINDOW_SHARE)]
    band = page.height * LETTERHEAD_SHARE  # a block all above it is the letterhead; one that reaches under it is not
    return [_without_return_line(b) for b in blocks(doc, window) if not all(ln.has_box and ln.y1 > band for ln in b)]


def _without_return_line(block: list[Line]) -> list[Line]:
    """A block without the sender's address on one line over it ("Provincie Drenthe, Postbus 400, 9400 AK
    Assen": the return line of a window envelope, printed without the word "Retouradres")."""
    first = block[0]
    if len(block) > 1 and "," in first.text and POSTAL.search(first.text):
        return block[1:]
    return block


def _postal(doc: Document, found: list[list[Line]]) -> list[list[Line]]:
    """Blocks that end in a postal address or hold a "T.a.v." line, not the sender's own strip."""
    page = doc.layout.pages[0]
    return [b for b in found if any(POSTAL.search(ln.text) or TAV.match(ln.text) for ln in b[1:])
            and len(b) <= MAX_BLOCK and not _sender_row(doc, b) and not POSTAL.search(b[0].text)
            and (not b[0].has_box or b[0].y1 > page.height * UPPER_SHARE)]


def _postal_blocks(doc: Document, before: list[Line], return_address: Line | None) -> list[AddressBlock]:
    found = [_trimmed(b, "a block ending in a postal address")
             for b in _postal(doc, _window_blocks(doc, before, return_address))]
    return [b for b in found if b is not None]


def _address_block(doc: Document, before: list[Line], return_address: Line | None,
                   salutation: Line | None) -> AddressBlock | None:
    page = doc.layout.pages[0]
    found = _window_blocks(doc, before, return_address)
    if return_address is not None:
        under = [b for b in found if b[0].index > return_address.index
                 and (not return_address.has_box or geometry.vertical_gap(return_address, b[0]) < 90)]
        if under:
            return _trimmed(under[0], "under the return address")
    postal = _postal(doc, found)
    if not doc.layout.has_positions and postal and postal[0] is found[0]:
        # a text input whose first block is its sender's name and address, then the addressee's; or the addressee's
        # block sent "Per e-mail" without a postal address
        sent = [b for b in found if b[0].index > postal[0][-1].index and PREAMBLE.match(b[0].text) and len(b) > 1]
        if sent and (len(postal) == 1 or sent[0][0].index < postal[1][0].index):
            return _trimmed(sent[0], "a block sent by e-mail under the sender's address")
        postal = postal[1:] if len(postal) > 1 else postal
    if postal and (doc.layout.has_positions or salutation is not None):
        # a text input has no envelope window: its first postal block is the letterhead unless it is a letter
        return _trimmed(postal[0], "a block ending in a postal address")
    if salutation is None:
        return None
    # a block without a street, right above what follows it (the date, the subject, a table, the salutation)
    short = [b for b in found if len(b) <= 4 and _name_like(b[0]) and all(len(ln.text) <= 70 for ln in b)
             and not _sender_row(doc, b)
             and (not b[0].has_box or b[0].y1 > page.height * UPPER_SHARE)]
    return _trimmed(short[-1], "the block above the salutation") if short else None


def _trimmed(block: list[Line], how: str) -> AddressBlock | None:
    lines = list(block)
    while lines and PREAMBLE.match(lines[0].text):
        lines.pop(0)
    return AddressBlock(lines=tuple(lines), how=how) if lines else None


def _signature(doc: Document, closing: Line | None) -> tuple[Line, ...]:
    if closing is None:
        return ()
    after = [ln for ln in doc.content if ln.index > closing.index and not doc.in_colofon(ln)]
    out: list[Line] = []
    for ln in after[:10]:
        if out and ln.has_box and (ln.page != out[-1].page or geometry.vertical_gap(out[-1], ln)
                                   > 4 * max(geometry.height(out[-1]), 6.0)):
            break
        out.append(ln)
    return tuple(out)
