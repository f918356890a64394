"""Attachments ("bijlagen") the document says it has.

Candidates, by convention, each a whole list:

- an e-mail: the attachment line of the top message's header, or the file names
  printed in that header; a header without either says there are none;
- the "Bijlage(n)" field of the colofon, header or header table: a count ("2"),
  none ("-", "geen", an empty cell), or a short list ("N bijlage(n)" over a
  bulleted list);
- a "Bijlagen" section or table in the body (numbered titles);
- "Bijlage 1 …", "Bijlage II: …" lines: a list after the signature, or the
  headings of the attachments themselves in the same PDF;
- a sentence naming an enclosed document ("Het rapport … wordt als bijlage
  meegestuurd", "een inventarislijst, die als bijlage 2 bij dit besluit is
  gevoegd").

A count from the field makes lists of that length more likely and supplies
untitled entries where no list names them. Where a short list and a fuller
list name the same attachments, the fuller one wins.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from kenmerk.extract import geometry
from kenmerk.extract.candidates import Candidate, FieldExtractor, Inputs
from kenmerk.extract.context import Document, join_lines
from kenmerk.extract.labels import NUMBERED_ITEM, STAGE, match_label
from kenmerk.extract.layout import Line
from kenmerk.extract.mail import FILE_NAME, top_header
from kenmerk.extract.model import Attachment, DocumentType as T

COUNT = re.compile(r"^(\d{1,2})\s*(?:bijlagen?|bijlage\s*\(n\)|stuks?)?\.?$", re.IGNORECASE)
#: attachments named by letters or a range: "A, B, C en D", "1 t/m 4"
LETTERS = re.compile(r"^\(?[A-H]\)?(?:\s*[(,]*\s*(?:,|en|evt\.|en\s+evt\.)\s*\(?[A-H]\)?\)?)+\.?$")
RANGE = re.compile(r"^(\d{1,2})\s*(?:t/m|tot\s+en\s+met|-)\s*(\d{1,2})$", re.IGNORECASE)
NONE = re.compile(r"^(?:-+|geen|nvt|n\.v\.t\.?|0)$", re.IGNORECASE)
NUMBERED = re.compile(r"^(?:bijlage\s+)?(\d{1,2}|[IVX]{1,4}|[a-h])[.)]?(?:\s+|(?=[A-Z])|$)(.*)$")
#: a list item's mark: a bullet, or a form's ticked box ("[X] plattegrond.pdf"); an empty box is no item
BULLETED = re.compile(r"^(?:[•▪●◦\-–*]|\[[xX✓✔]\]|[☒☑])\s*(.*)$")
UNTICKED = re.compile(r"^(?:\[\s?\]|☐)(?:\s|$)")
#: "Bijlage 2: Inventarislijst", "Bijlage II – Kaart", "BIJLAGE A": an attachment's own heading or list line
BIJLAGE_LINE = re.compile(r"^bijlage\s+(?P<num>\d{1,2}|[IVX]{1,5}|[A-H])\b\.?\s*(?:[:.–—-]\s*)?(?P<title>.*)$",
                          re.IGNORECASE)
#: "2 bijlage(n)", "2 bijlagen (1 MB)": a count printed before the word, over a list
COUNT_FIRST = re.compile(r"^(\d{1,2})\s+(?:bijlage(?:\s*\(n\)|n)?|attachments?)(?:\s*\([^)]*\))?:?$", re.IGNORECASE)
#: "Notulen.pdf   184K": a file's size printed beside its name in a webmail print's attachment list
FILE_SIZE = re.compile(r"(?<=\S)\s+\d+(?:[.,]\d+)?\s?[KMG]i?B?$", re.IGNORECASE)
#: a label set between rules: "-- Bijlagen --", "=== Attachments ==="
RULED = re.compile(r"^\s*[-–—=*_]{2,}")
SIZE_ONLY = re.compile(r"\(?\d+(?:[.,]\d+)?\s?[KMG]i?B?\)?", re.IGNORECASE)
TABLE_HEADER = re.compile(r"^(?:volgnummer|nr\.?|nummer|naam|titel|omschrijving|informatie|toelichting)(?:\s+|$)", re.I)
STOP = re.compile(r"^(?:informatie|toelichting|pagina\b)", re.IGNORECASE)
_NP = r"(?P<np>\b(?:het|de|dit|deze|een)\s+[^.;:]{2,120}?)"
_SENT = r"(?:(?:mee)?(?:gestuurd|gezonden)|bijgevoegd|toegevoegd|gevoegd|meegestuurd|meegezonden)"
#: sentences that name an enclosed document, each with the noun phrase that names it
ENCLOSURES: tuple[re.Pattern[str], ...] = tuple(re.compile(p, re.IGNORECASE) for p in (
    # "Het rapport … wordt (hierbij) als bijlage meegestuurd", "… is als bijlage 2 bij dit besluit gevoegd"
    _NP + r"\s*,?\s+(?:die|dat\s+)?(?:wordt|worden|is|zijn|gaat|gaan)?\s*(?:hierbij\s+)?(?:als\s+bijlage(?:\s+(?P<num>\d{1,2}))?"
    r"(?:\s+bij\s+(?:dit|deze|de|het)\s+\w+)?\s*(?:is\s+|wordt\s+|zijn\s+|worden\s+)?" + _SENT + r"|bijgevoegd|"
    r"meegezonden|meegestuurd)(?!\w)",  # ("bijgevoegde conceptbrief" is a mention, not this sentence)
    # "De Monitor …, die ik (eveneens) als bijlage meestuur"
    _NP + r"\s*,\s*(?:die|dat)\s+(?:ik|wij|we)\s+(?:u\s+)?(?:\w+\s+)?als\s+bijlage\s+(?:meestuur|meezend|bijvoeg|toevoeg|"
    r"stuur|zend|meesturen|meezenden)",
    # "Het Programma … treft u (hierbij) als bijlage aan"
    _NP + r"\s+(?:treft|vindt)\s+u\s+(?:hierbij\s+)?(?:als|in\s+de)\s+bijlage(?:\s+aan)?",
    # "Als bijlage stuur ik u …", "Als bijlage bij deze brief ontvangt u de X, die …", "Bijgaand treft u X aan"
    r"\b(?:als\s+bijlage(?:\s+bij\s+(?:deze|dit)\s+\w+)?|bijgaand)\s+(?:(?:stuur|zend|doe)\s+(?:ik|wij)\s+u|"
    r"(?:ontvangt|treft|vindt)\s+u)\s+(?P<np>[^.;]{3,120}?)"
    r"(?=\s*(?:,\s*(?:die|dat|waarin|waarvan|waarmee|zoals|met)\b|\b(?:aan|mee)\b|[.;]|$))",
    # "Het verslag … stuur ik u als bijlage mee", "Het rapport … sturen wij u als bijlage bij deze brief",
    # "Het verslag … stuurt de commissie u hierbij mee"
    _NP + r"\s*,?\s+(?:stuur|zend|doe|stuurt|zendt|sturen|zenden|voeg|voegen)\s+(?:ik|wij|we|(?:de|het)\s+[a-z]+)\s+"
    r"(?:u\s+)?(?:hierbij\s+)?(?:als\s+bijlage|bijgaand|in\s+de\s+bijlage|mee\b)",
    # "Ik stuur u de Monitor … mee", "Hierbij zenden wij u het verslag … mee": what the sender sends along
    r"\b(?:(?:ik|wij|we)\s+(?:stuur|zend|sturen|zenden)|(?:stuur|zend|sturen|zenden)\s+(?:ik|wij|we))\s+u\s+"
    r"(?:(?:hierbij|ook|graag)\s+)*(?P<np>(?:de|het|een|ons|onze|mijn)\s+[^.;]{3,160}?)\s+mee\b",
    # "Wij sturen u hierbij de Monitor …." (what a letter sends, the sentence ending with its name)
    r"\b(?:(?:ik|wij|we)\s+(?:stuur|zend|sturen|zenden)|(?:stuur|zend|sturen|zenden)\s+(?:ik|wij|we))\s+u\s+hierbij\s+"
    r"(?P<np>(?:de|het|ons|onze|mijn)\s+[^.;]{3,160}?)(?=\s+mee\b|\s*(?:[.;]|,\s*(?:die|dat|waarin|waarmee)\b|$))",
    # "Met deze brief sturen wij u de folder … mee": what a letter sends along
    r"\b(?:met|bij)\s+(?:deze|dit)\s+(?:brief|e-?mail|bericht)\s+(?:stuur|zend|sturen|zenden)\s+(?:ik|wij|we)\s+u\s+"
    r"(?:ook\s+)?(?P<np>[^.;]{3,120}?)\s+mee\b",
    # "Bij deze brief vindt u het Beoordelingskader …, waarin …"
    r"\b(?:bij|met)\s+(?:deze|dit)\s+(?:brief|e-?mail|bericht)\s+(?:vindt|treft|ontvangt)\s+u\s+(?:ook\s+)?"
    r"(?P<np>[^.;]{3,120}?)(?=\s*(?:,\s*(?:die|dat|waarin|waarvan|waarmee|zoals|met)\b|\baan\b|[.;]|$))",
    # "Hierbij bieden wij u ons rapport <title> aan": the report offered is the attachment
    r"\bhierbij\s+bied(?:en|t)?\s+(?:ik|wij|we)\s+u\s+(?:ons|onze|mijn|het|de)\s+(?:\w+\s+)?(?:rapport|advies|verslag|"
    r"onderzoek|jaarverslag|evaluatie|notitie)\s+(?P<np>.{3,160}?)\s+aan\b",
))
#: a word every pattern of `ENCLOSURES` needs: texts without one are not searched
ENCLOSURE_HINT = re.compile(r"bijlage|bijgevoegd|meegezonden|meegestuurd|bijgaand|hierbij\s+bied|"
                            r"(?:ik|wij|we)\s+(?:stuur|zend|sturen|zenden)\s+u\b|(?:stuur|zend|sturen|zenden)\s+(?:ik|wij|we)\s+(?:u|mee)\b|"
                            r"(?:stuurt|zendt)\s+(?:de|het)\s+[a-z]+\s+u\b|"
                            r"(?:deze|dit)\s+(?:brief|e-?mail|bericht)\s+(?:stuur|zend|sturen|zenden|vindt|treft|ontvangt)",
                            re.IGNORECASE)
QUOTED = r"[“\"‘'«](?P<title>[^”\"’'»]{6,200})[”\"’'»]"
#: "… de Monitor X en de Afsprakenlijst Y": one noun phrase naming two documents, each with its capital
ANOTHER_DOCUMENT = re.compile(r",?\s+en\s+(?:de|het|een)\s+(?=[A-Z])")
#: what the note itself is about, not an enclosure ("de brief wordt meegestuurd" in a beslisnota)
SUBJECT_OF_NOTE = re.compile(r"\b(?:brief|kamerbrief|nota|beslisnota|concept)\b", re.IGNORECASE)
ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}


#: how many opening characters of a line find it again in the text its section joins
LINE_PROBE = 12

def _number(token: str) -> int:
    token = token.lower()
    if token.isdigit():
        return int(token)
    if token in ROMAN:
        return ROMAN[token]
    return ord(token) - ord("a") + 1


def _listed(items: Sequence[tuple[str | None, list[Line]]], doc: Document) -> list[Attachment]:
    return [Attachment(title=t, number=i + 1, evidence=doc.evidence(ls, t)) for i, (t, ls) in enumerate(items)]


#: a list ends at a vertical gap of this many line heights (or at a page break)
LIST_GAP = 1.6


def _contiguous(lines: list[Line]) -> list[Line]:
    """The lines of a list up to its first paragraph break or page break."""
    out: list[Line] = []
    for ln in lines:
        if out and (ln.gap_before or ln.page != out[-1].page or (ln.has_box and out[-1].has_box and (
                geometry.vertical_gap(out[-1], ln) > LIST_GAP * max(geometry.height(out[-1]), 6.0)))):
            break
        out.append(ln)
    return out


def _items(lines: list[Line]) -> list[tuple[str | None, list[Line]]]:
    """Numbered, bulleted or listed titles in value lines; continuation lines join the item above."""
    items: list[tuple[str | None, list[Line]]] = []
    for row in geometry.rows(lines) if lines and lines[0].has_box else [[ln] for ln in lines]:
        text = " ".join(ln.text for ln in row).strip()
        if len(row) > 1 and all(FILE_NAME.fullmatch(FILE_SIZE.sub("", ln.text.strip())) for ln in row):
            # a webmail print's attachment cards side by side: each file an item
            items.extend((FILE_SIZE.sub("", ln.text.strip()), [ln]) for ln in row)
            continue
        if all(SIZE_ONLY.fullmatch(ln.text.strip()) for ln in row):
            continue  # the cards' sizes under their names ("38K   15K")
        if UNTICKED.match(text):
            continue  # a form's option left unticked
        m = NUMBERED.match(text)
        b = BULLETED.match(text)
        if m and (m.group(2) or len(row) == 1):
            items.append((m.group(2).strip().rstrip(";") or None, list(row)))
        elif b:
            items.append((b.group(1).strip().rstrip(";") or None, list(row)))
        elif FILE_NAME.fullmatch(name := FILE_SIZE.sub("", text)):
            items.append((name, list(row)))  # a file name (and its size) is an item of its own
        elif items and (items[-1][0] is None or text[:1].islower() or not items[-1][0].endswith((".", ";"))):
            title, rows = items[-1]
            items[-1] = ((f"{title} {text}" if title else text).rstrip(";"), rows + list(row))
        else:
            items.append((text.rstrip(";"), list(row)))
    return items


# -- the field ------------------------------------------------------------------------------


def _heads_a_field(doc: Document, pair, pairs: list) -> bool:
    """An attachments label with nothing of its own whose next line is another attachments label."""
    following = [p for p in pairs if p.label_line.index > pair.label_line.index]
    return bool(following) and following[0].label_line.index == pair.label_line.index + 1


def _field(doc: Document, avoid: frozenset[int]) -> tuple[int | None, list[Candidate]]:
    """The count the "Bijlage(n)" field gives (None when no field) and its list, if it lists titles."""
    pairs = sorted(doc.pairs_of("attachments"), key=lambda p: p.label_line.page)
    for pair in pairs:
        lines = [ln for ln in pair.lines if ln.index not in avoid and not TABLE_HEADER.match(ln.text)]
        rows = geometry.rows(lines) if lines and lines[0].has_box else [[ln] for ln in lines]
        texts = ([pair.inline] if pair.inline else []) + [" ".join(ln.text for ln in row) for row in rows]
        where = f"label {pair.label!r}" + (" in a header table" if pair.in_table else "")
        evidence = tuple(pair.all_lines)
        if not texts and pair.lines:
            return None, []  # column headers of a table of attachments: the list is in the body
        if not texts and _heads_a_field(doc, pair, pairs):
            continue  # a form's section "BIJLAGEN" over its "Bijlage *" field: the field says
        if not texts and any(_section(doc, block, avoid) for block in doc.sections_of("attachments")
                             if block.line.index == pair.label_line.index):
            continue  # a label that heads a section listing them (a form's "4  Bijlagen" over ticked files)
        if not texts or NONE.match(texts[0]):
            return 0, [Candidate(value=[], rule="field-none", score=0.9, lines=evidence, why=f"{where}: none")]
        first = texts[0]
        if (m := COUNT.match(first)) and len(texts) == 1:
            return int(m.group(1)), []
        if LETTERS.match(first):
            return len(re.findall(r"\b[A-H]\b", first)), []
        if r := RANGE.match(first):
            return int(r.group(2)) - int(r.group(1)) + 1, []
        count = None
        if m and len(lines) > 1 and not pair.inline and not first.rstrip().endswith((".", ")")):
            lines, count = lines[1:], int(m.group(1))
        items: list[tuple[str | None, list[Line]]]
        if pair.inline and NUMBERED_ITEM.match(pair.inline):
            # the list's first item on the label's line: an item of the list set under it
            items = _items([replace(pair.label_line, text=pair.inline), *lines])
        elif pair.inline:
            items = [(join_lines([pair.inline] + [ln.text for ln in lines]), [pair.label_line, *lines])]
        else:
            items = _items(lines)
        # "Dashboard september; Planning Q4": titles separated by semicolons in one value
        items = [(part.strip(), ls) for title, ls in items for part in (title or "").split(";") if part.strip()]
        listed = [a for a in _listed(items, doc) if a.title]
        return (count if count is not None else len(listed)), [
            Candidate(value=listed, rule="field-list", score=0.9, lines=evidence, why=f"{where}: a list")]
    return None, []


def _count_first(doc: Document) -> list[Candidate]:
    """ "2 bijlage(n)" over a bulleted or numbered list."""
    body = doc.content
    for i, ln in enumerate(body):
        m = COUNT_FIRST.match(ln.text)
        if not m:
            continue
        count = int(m.group(1))
        under: list[Line] = []
        for nxt in body[i + 1:i + 3 * count + 3]:
            if match_label(nxt.text) or STAGE.match(nxt.text) or (nxt.has_box and under and geometry.vertical_gap(
                    under[-1], nxt) > 2.5 * max(geometry.height(under[-1]), 6.0)):
                break
            under.append(nxt)
        items = [(t, ls) for t, ls in _items(under) if t][:count]
        if len(items) == count:
            return [Candidate(value=_listed(items, doc), rule="count-list", score=0.9, lines=(ln, *under),
                              why=f"{ln.text!r} over a list")]
    return []


# -- sections, "Bijlage N" lines, sentences -----------------------------------------------------


def _section(doc: Document, block, avoid: frozenset[int]) -> list[Attachment]:
    """Titles of one "Bijlagen" section or table."""
    lines = []
    for ln in block.lines:
        if match_label(ln.text) or STAGE.match(ln.text):
            break
        if ln.index not in avoid:
            lines.append(ln)
    while lines and TABLE_HEADER.match(lines[0].text):
        lines.pop(0)
    if doc.layout.has_positions and lines:
        numbers = [ln for ln in lines if re.fullmatch(r"\d{1,2}\.?", ln.text)]
        if numbers:
            # a table: number column, title column, maybe an information column to the right
            info_x = min((ln.x0 for ln in block.lines if STOP.match(ln.text) and ln.x0 > numbers[0].x1 + 20),
                         default=None)
            out = []
            tops = sorted(numbers, key=lambda ln: -ln.y1)
            for k, num in enumerate(tops):
                lower = tops[k + 1].y1 if k + 1 < len(tops) else -1
                cells = [ln for ln in lines if ln.page == num.page and ln is not num and lower + 1 < ln.y1 <= num.y1 + 1
                         and ln.x0 > num.x1 and (info_x is None or ln.x0 < info_x - 2)]
                title = join_lines(sorted(cells, key=lambda ln: -ln.y1)) or None
                out.append(Attachment(title=title, number=int(num.text.rstrip(".")),
                                      evidence=doc.evidence([num, *cells], title or num.text)))
            return out
    kept: list[Line] = []
    for ln in _contiguous(lines):
        if STOP.match(ln.text) and kept:
            break
        kept.append(ln)
    if not kept or not any(NUMBERED.match(ln.text) or BULLETED.match(ln.text) for ln in kept):
        return []
    return [a for a in _listed(_items(kept), doc) if a.title and len(a.title) < 200]


def _sections(doc: Document, avoid: frozenset[int]) -> list[Candidate]:
    found = [(block, _section(doc, block, avoid)) for block in doc.sections_of("attachments")]
    found = [(b, items) for b, items in found if items]
    if not found:
        return []
    block, items = max(found, key=lambda f: (len([a for a in f[1] if a.title]), len(f[1])))
    return [Candidate(value=items, rule="section", score=0.85, lines=(block.line,),
                      why=f"the section {block.heading.text!r}")]


def _heading_like(m: re.Match, line: Line) -> bool:
    """A "Bijlage N" line that names an attachment, not a sentence that mentions one ("bijlage 1 bij het plan …")."""
    title = m.group("title").strip()
    return len(line.text) <= 120 and (not title or title[:1].isupper() or title[:1].isdigit()) \
        and not title.endswith((",", ";")) and not re.match(r"^(?:bij|van|in|is|zijn|wordt)\b", title, re.I)


def _bijlage_lines(doc: Document, avoid: frozenset[int]) -> list[Candidate]:
    """ "Bijlage 1 …" lines: a list after the signature or the attachments' own headings."""
    found: dict[int, tuple[str | None, list[Line]]] = {}
    content = doc.content
    for i, ln in enumerate(content):
        m = BIJLAGE_LINE.match(ln.text)
        if not m or ln.index in avoid or ln.index in doc.table_lines or doc.in_colofon(ln) or not _heading_like(m, ln) \
                or ln.text[:1].islower():
            continue  # "Bijlage(n) 2" in the colofon or a header table is a count; "bijlage B. Het …" runs on a sentence
        number = _number(m.group("num"))
        if number in found:
            continue
        title, lines = m.group("title").strip() or None, [ln]
        nxt = content[i + 1] if i + 1 < len(content) else None
        if title and nxt is not None and not BIJLAGE_LINE.match(nxt.text) and (
                nxt.text[:1].islower() or title.endswith(("-", ",")) or re.search(r"\b(?:en|van|de|het|voor)$", title)) \
                and (not nxt.has_box or geometry.aligned(ln, nxt, geometry.Tolerances(aligned=40.0))):
            title, lines = join_lines([title, nxt.text]), [ln, nxt]
        if title is None and nxt is not None and not BIJLAGE_LINE.match(nxt.text) and len(nxt.text) < 120 \
                and (not nxt.has_box or geometry.vertical_gap(ln, nxt) < 2 * max(geometry.height(ln), 6.0)):
            title, lines = nxt.text, [ln, nxt]  # "BIJLAGE 1" over its title
        found[number] = (title, lines)
    if not found:
        return []
    numbers = sorted(found)
    if numbers != list(range(1, len(numbers) + 1)):
        return []  # "bijlage 3" alone is a mention, not a list
    if len(numbers) == 1 and not _standing_out(doc, found[1][1][0]):
        return []  # one "Bijlage 1" line among the text: a list needs two, a heading stands out
    items = [Attachment(title=found[n][0], number=n, evidence=doc.evidence(found[n][1], found[n][0] or ""))
             for n in numbers]
    return [Candidate(value=items, rule="bijlage-lines", score=0.8,
                      lines=tuple(ln for n in numbers for ln in found[n][1]),
                      why=f"{len(items)} 'Bijlage N' line(s)")]


#: how far before and after a hint an enclosure sentence may reach (its noun phrase, its verb)
HINT_REACH = 400


def _hint_windows(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` around each `ENCLOSURE_HINT`, from the sentence start before it (within
    `HINT_REACH`) to `HINT_REACH` after it, merged: the only places an enclosure sentence can be."""
    windows: list[tuple[int, int]] = []
    for hint in ENCLOSURE_HINT.finditer(text):
        start = max(text.rfind(".", 0, hint.start()), text.rfind(";", 0, hint.start()), hint.start() - HINT_REACH) + 1
        end = min(hint.end() + HINT_REACH, len(text))  # a title after the hint may hold a full stop
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((max(start, 0), end))
    return windows


def _lines_at(lines: list[Line], text: str, start: int, end: int) -> list[Line]:
    """The lines whose joined `text` holds `text[start:end]` (each line found by its opening words, in order)."""
    spans: list[tuple[int, Line]] = []
    pos = 0
    for ln in lines:
        at = text.find(ln.text[:LINE_PROBE], pos)
        if at >= 0:
            spans.append((at, ln))
            pos = at + 1
    held = [ln for i, (at, ln) in enumerate(spans) if at < end and (i + 1 == len(spans) or spans[i + 1][0] > start)]
    return held or lines[:1]


def _sentences(doc: Document) -> list[Candidate]:
    """Enclosed documents named in running text."""
    out: list[Attachment] = []
    used: list[Line] = []
    texts = [(s.text, list(s.lines)) for s in doc.sections]
    in_sections = {ln.index for _, lines in texts for ln in lines}
    if rest := [ln for ln in doc.body if ln.index not in in_sections]:  # (the opening before the first heading)
        texts.append((join_lines(rest), rest))
    for text, lines in texts:
        windows = _hint_windows(text)
        for rx in ENCLOSURES:
            for m in (m for start, end in windows for m in rx.finditer(text, start, end)):
                np = re.sub(r"^(?:het|de|dit|deze|een)\s+", "", m.group("np").strip(), flags=re.I)
                if SUBJECT_OF_NOTE.search(np) and rx is ENCLOSURES[0]:
                    continue  # the letter the note is about, not an enclosure
                for title in ANOTHER_DOCUMENT.split(np.strip(" ,.")):
                    _add_enclosure(out, used, doc, title, text, lines, m, rx)
    if not out:
        return []
    return [Candidate(value=out, rule="sentence", score=0.6, lines=tuple(used),
                      why=f"{len(out)} enclosure(s) named in the text")]


def _add_enclosure(out: list[Attachment], used: list[Line], doc: Document, title: str, text: str, lines: list[Line],
                   m: re.Match[str], rx: re.Pattern[str]) -> None:
    """Add the document `title` an enclosure sentence (`m`, found by `rx` in `text`) names, unless named already."""
    if quoted := re.search(QUOTED, title) or re.match(r"\s*:\s*" + QUOTED, text[m.end():]):
        title = quoted.group("title").strip()  # "rapport “X”", "… is bijgevoegd: ‘X’": the quoted title
    head = title.split()[-1] if title.split() else title
    # a quoted or italic title printed after the same noun earlier in the paragraph
    if q := re.search(re.escape(head) + r"\s*(?:,\s*)?" + QUOTED, text, re.I):
        title = q.group("title").strip()
    if not title or any((a.title or "").lower() == title.lower() for a in out):
        return  # one sentence named by two of the forms
    number = int(m.group("num")) if "num" in rx.groupindex and m.group("num") else len(out) + 1
    where = _lines_at(lines, text, m.start(), m.end())
    out.append(Attachment(title=title, number=number, evidence=doc.evidence(where, m.group(0))))
    used.extend(where)


def _standing_out(doc: Document, line: Line) -> bool:
    """A heading: bold, larger than the body, or the first line of its page."""
    body = doc.body_size
    first = next((ln for ln in doc.content if ln.page == line.page), None)
    return line.bold or (body is not None and line.size is not None and line.size > body * 1.1) or first is line


# -- e-mails ------------------------------------------------------------------------------------


def _mail(doc: Document) -> list[Candidate]:
    header = top_header(doc)
    if header is None:
        return []
    names: list[tuple[str, list[Line]]] = []
    field = header.fields.get("attachments")
    if field is not None:
        for part in re.split(r";\s*", field.text):
            if part.strip():
                names.append((part.strip(), [field.label_line, *field.lines]))
    subject = header.fields.get("subject")
    for ln in header.files:
        if subject is not None and ln in (subject.label_line, *subject.lines):
            continue  # the subject line names a file sometimes; it is never an attachment
        if ln.text.strip() not in (n for n, _ in names):
            names.append((ln.text.strip(), [ln]))
    items = [Attachment(title=n, number=i + 1, evidence=doc.evidence(ls, n)) for i, (n, ls) in enumerate(names)]
    if field is None:  # a webmail print lists them under the message: "2 bijlagen" over the file names
        listed = [c for c in _count_first(doc) if all(FILE_NAME.search(a.title or "") for a in c.value)]
        if listed and len(listed[0].value) > len(items):
            return [replace(listed[0], rule="mail-files", score=0.95,
                            why=f"{len(listed[0].value)} file(s) listed under the top message")]
        # a mail client's print ends with its attachments under a ruled label ("-- Bijlagen --": Thunderbird)
        framed = [p for p in doc.pairs_of("attachments") if RULED.match(p.label_line.text) and p.lines
                  and all(FILE_NAME.fullmatch(FILE_SIZE.sub("", ln.text.strip())) for ln in p.lines)]
        if framed and len(framed[-1].lines) > len(items):
            files = [(FILE_SIZE.sub("", ln.text.strip()), [ln]) for ln in framed[-1].lines]
            return [Candidate(value=_listed(files, doc), rule="mail-files", score=0.95,
                              lines=tuple(framed[-1].all_lines), why=f"{len(files)} file(s) under a ruled label")]
    why = f"{len(items)} file(s) in the top message's header" if items else "the top message's header lists none"
    return [Candidate(value=items, rule="mail-header", score=0.95, lines=tuple(header.lines[:2]), why=why)]


def _with_count(candidates: list[Candidate], count: int | None, field_lines: tuple[Line, ...],
                doc: Document) -> list[Candidate]:
    """Weigh lists by the field's count, and add the count alone (untitled entries) as a candidate."""
    if count is None:
        return candidates
    out = []
    for c in candidates:
        if c.rule.startswith("field"):
            out.append(c)
        elif len(c.value) == count:
            out.append(Candidate(c.value, c.rule, min(1.0, round(c.score + 0.12, 3)), c.lines, c.text,
                                 f"{c.why}; as many as the Bijlage(n) field counts"))
        else:
            out.append(c.weaker(0.2, f"{len(c.value)} listed, the field counts {count}"))
    titled = next((c for c in out if c.rule in ("section", "bijlage-lines", "sentence") and c.score > 0.5), None)
    if count and not any(c.rule == "field-list" for c in out):
        known = [a for a in (titled.value if titled else []) if a.title][:count]
        evidence = doc.evidence(list(field_lines)) if field_lines else None
        items = known + [Attachment(title=None, number=i + 1, evidence=evidence) for i in range(len(known), count)]
        out.append(Candidate(value=items, rule="field-count", score=0.7, lines=field_lines,
                             why=f"the Bijlage(n) field counts {count}"))
    return out


def propose_attachments(doc: Document, inputs: Inputs) -> list[Candidate]:
    """Every source's list of attachments."""
    if inputs.value("document_type") == T.email and (mail := _mail(doc)):
        return mail
    avoid = inputs.consumed("title", "addressee")
    count, field = _field(doc, avoid)
    field_lines = next((tuple(p.all_lines) for p in doc.pairs_of("attachments")), ())
    lists = _count_first(doc) + _sections(doc, avoid) + _bijlage_lines(doc, avoid) + _sentences(doc)
    return field + _fuller_lists(field, lists) + _with_count(lists, count, field_lines, doc)


def _fuller_title(short: str, long: str) -> str | None:
    """`long` from where it names `short`, when it is a fuller title of it: the short title's first word
    opens it there and its other words follow in order, each perhaps inside a longer word ("Afsprakenlijst
    corporaties" in "het volledige Afsprakenlijst met woningcorporaties …"); None when it is not."""
    words, longer = short.lower().split(), long.split()
    folded = [w.lower().strip(",.;:()") for w in longer]
    if not words or len(longer) <= len(words) or words[0] not in folded:
        return None
    start = pos = folded.index(words[0]) + 1
    for word in words[1:]:
        pos = next((j for j in range(pos, len(folded)) if word in folded[j]), -1) + 1
        if not pos:
            return None
    return " ".join(longer[start - 1:])


def _fuller_lists(field: list[Candidate], lists: list[Candidate]) -> list[Candidate]:
    """The field's short list with the fuller titles the text gives the same attachments (ANNOTATION: where a
    short list in the colofon and a fuller list elsewhere name the same attachments, the fuller titles count)."""
    short = next((c for c in field if c.rule == "field-list" and c.value and all(a.title for a in c.value)), None)
    if short is None:
        return []
    for other in lists:
        if len(other.value) != len(short.value) or not all(a.title for a in other.value):
            continue
        titles = [_fuller_title(a.title, b.title) for a, b in zip(short.value, other.value, strict=True)]
        if all(titles):
            items = [b.model_copy(update={"title": t, "number": a.number})
                     for a, b, t in zip(short.value, other.value, titles, strict=True)]
            return [Candidate(value=items, rule="field-list-fuller", score=round(short.score + 0.02, 3),
                              lines=short.lines + other.lines, why=f"{short.why}, named in full by the {other.rule}")]
    return []


ATTACHMENTS = FieldExtractor("attachments", propose_attachments, reads=("document_type", "title", "addressee"),
                             default=[], scalar=False)
