"""The organisation a note comes from (its sender), and the units under it as printed.

The sender is who wrote the document, never its addressee. Candidates, by
convention:

- a body printed by name in the letterhead or colofon of page 1 ("Ministerie
  van …", "Provincie …", "Gemeente …", "Waterschap …", "Autoriteit
  Persoonsgegevens", "Adviescollege …"; `BODY`), outside the address block,
  the copy-to list and the other parties' fields;
- the signature block of a letter ("De minister van Justitie en Veiligheid,",
  "Gedeputeerde Staten van Overijssel,", "namens het college van burgemeester
  en wethouders van Wierden"); a minister's or state secretary's title names
  its ministry (`MINISTRIES`, `MINISTERS_FOR`);
- the sender field of a note or form ("Van: Staatssecretaris van EZK");
- an internal note addressed to "Minister van X" (or "MBZK") comes from the
  Ministerie van X;
- a rijksoverheid.nl web address, a ministry's e-mail domain, a province's
  domain, the ministry code a kenmerk starts with ("IENW/BSK-…").

Units are the "Directoraat-generaal …", "Directie …" lines of the colofon or header.
"""
from __future__ import annotations

import re

from kenmerk.extract import geometry
from kenmerk.extract.candidates import Candidate, FieldExtractor, Inputs
from kenmerk.extract.context import Document, join_lines
from kenmerk.extract.labels import STAGE, match_label
from kenmerk.extract.layout import Line
from kenmerk.extract.letter import letter
from kenmerk.extract.mail import top_header
from kenmerk.extract.model import DocumentType as T, Organisation
from kenmerk.extract.noise import mostly_noise

#: ministry names by the short forms printed in web addresses, kenmerken, codes and titles ("MBZK", "Stas IenW")
MINISTRIES: dict[str, str] = {
    "az": "Ministerie van Algemene Zaken",
    "bz": "Ministerie van Buitenlandse Zaken",
    "buza": "Ministerie van Buitenlandse Zaken",
    "bzk": "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
    "def": "Ministerie van Defensie",
    "defensie": "Ministerie van Defensie",
    "mindef": "Ministerie van Defensie",
    "ezk": "Ministerie van Economische Zaken en Klimaat",
    "ez": "Ministerie van Economische Zaken",
    "kgg": "Ministerie van Klimaat en Groene Groei",
    "fin": "Ministerie van Financiën",
    "financien": "Ministerie van Financiën",
    "ienw": "Ministerie van Infrastructuur en Waterstaat",
    "ienm": "Ministerie van Infrastructuur en Milieu",
    "jenv": "Ministerie van Justitie en Veiligheid",
    "venj": "Ministerie van Veiligheid en Justitie",
    "lnv": "Ministerie van Landbouw, Natuur en Voedselkwaliteit",
    "lvvn": "Ministerie van Landbouw, Visserij, Voedselzekerheid en Natuur",
    "ocw": "Ministerie van Onderwijs, Cultuur en Wetenschap",
    "szw": "Ministerie van Sociale Zaken en Werkgelegenheid",
    "vws": "Ministerie van Volksgezondheid, Welzijn en Sport",
    "vro": "Ministerie van Volkshuisvesting en Ruimtelijke Ordening",
    "aenm": "Ministerie van Asiel en Migratie",
}
#: ministers without a ministry of their own ("Minister voor …") and the ministry that hosts them
MINISTERS_FOR: dict[str, str] = {
    "natuur en stikstof": "lnv",
    "klimaat en energie": "ezk",
    "primair en voortgezet onderwijs": "ocw",
    "basis- en voortgezet onderwijs": "ocw",
    "medische zorg": "vws",
    "langdurige zorg": "vws",
    "rechtsbescherming": "jenv",
    "migratie": "jenv",
    "buitenlandse handel en ontwikkelingssamenwerking": "bz",
    "volkshuisvesting en ruimtelijke ordening": "bzk",
    "wonen en rijksdienst": "bzk",
    "armoedebeleid, participatie en pensioenen": "szw",
    "immigratie, integratie en asiel": "bzk",
}
#: a body printed by name: its head word and the name that follows
BODY = re.compile(
    r"\b((?:Ministerie|Provincie|Gemeente|Waterschap|Hoogheemraadschap|Wetterskip|Autoriteit|Adviescollege|Adviesraad|"
    r"Raad\s+voor|Rijksinstituut|Agentschap|Inspectie|Rijksdienst|Rijkswaterstaat|Centraal\s+Planbureau|Planbureau|"
    r"Algemene\s+Rekenkamer|Rekenkamer|Nationale\s+ombudsman|Raad\s+van\s+State|Kiesraad|Veiligheidsregio|"
    r"Omgevingsdienst|(?:Tweede|Eerste)\s+Kamer|(?:Provinciale|Gedeputeerde)\s+Staten\s+van|"
    r"(?:College\s+van\s+)?[Bb]urgemeester\s+en\s+wethouders\s+van|Gemeenteraad\s+van|Stichting|Vereniging|"
    r"Co[öo]peratie)"
    r"(?:\s+(?:van|voor|der|de|het|en|&|[A-Z][\w'’-]*|\w*-\w+)){0,8})"
)
#: a minister's or state secretary's title: "De minister van Justitie en Veiligheid", "Staatssecretaris van EZK"
MINISTER = re.compile(r"^(?:de\s+)?(?:minister|staatssecretaris)\s+(?P<prep>van|voor)\s+(?P<rest>[^;]+)", re.IGNORECASE)
#: the governing boards of provinces, municipalities and water boards, as they sign
BOARD = re.compile(
    r"(?:gedeputeerde\s+staten|provinciale\s+staten)\s+van\s+(?P<province>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)?)|"
    r"(?:burgemeester\s+en\s+wethouders|(?:de\s+)?gemeenteraad)\s+van\s+(?P<municipality>['’A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+)*)|"
    r"(?:dagelijks\s+bestuur|algemeen\s+bestuur)\s+van\s+(?:het\s+)?(?P<water>(?:waterschap|hoogheemraadschap)\s+[\w'’ -]+)",
    re.IGNORECASE,
)
NAMENS = re.compile(r"^namens\s+(?:het|de)?\s*(?P<who>[A-Z][\w'’ -]{3,80}?)\s*,?$", re.IGNORECASE)
CODE = re.compile(r"^(?:stas\s*|min|m|s)(?P<code>[a-z]{2,6})$", re.IGNORECASE)
MINISTRY_MAIL = re.compile(r"@(minvws|minbzk|minezk|minienw|minjenv|minocw|minszw|minfin|minlnv|mindef|minaz|minbuza)\.nl",
                           re.IGNORECASE)
RIJKSOVERHEID = re.compile(r"rijksoverheid\.nl/(?:ministeries/)?(?:ministerie-van-)?([a-z-]+)", re.IGNORECASE)
PROVINCE_DOMAIN = re.compile(r"(?:@|www\.)(noord-holland|zuid-holland|utrecht|gelderland|brabant|limburg|zeeland|overijssel|"
                             r"drenthe|provinciegroningen|fryslan|flevoland)\.nl\b", re.IGNORECASE)
PROVINCES = {"noord-holland": "Noord-Holland", "zuid-holland": "Zuid-Holland", "utrecht": "Utrecht",
             "gelderland": "Gelderland", "brabant": "Noord-Brabant", "limburg": "Limburg", "zeeland": "Zeeland",
             "overijssel": "Overijssel", "drenthe": "Drenthe", "provinciegroningen": "Groningen",
             "fryslan": "Fryslân", "flevoland": "Flevoland"}
ADDRESS_WORD = re.compile(r"^(?:bezoekadres|postadres|postbus|www\.|telefoon|t\s|e-?mail)", re.IGNORECASE)
UNIT = re.compile(
    r"^(?:directoraat[-\s]generaal|directie|dir\.?\s|afdeling|afd\.|programmadirectie|bestuurskern|cluster|"
    r"dienst|inspectie|sector|team|portefeuille|hoofddirectie|staf|kabinet|programma)\b",
    re.IGNORECASE,
)
INTERNAL = (T.beslisnota, T.nota, T.memo, T.notitie)


def ministry_from_code(code: str) -> str | None:
    """"IenW", "minvws", "BZK" → the ministry's name."""
    code = code.lower()
    if code.startswith("min") and code != "mindef":
        code = code[3:]
    return MINISTRIES.get(code) or MINISTRIES.get(code.replace("-", ""))


def ministry_of(title: str) -> str | None:
    """The ministry of a minister's or state secretary's title ("Minister voor Natuur en Stikstof")."""
    m = MINISTER.match(title.strip())
    if m is None:
        if re.match(r"^(?:de\s+)?minister-president\b", title.strip(), re.IGNORECASE):
            return MINISTRIES["az"]
        return None
    rest = _name_words(re.sub(r"\s+", " ", m.group("rest")))  # "Onderwijs, Cultuur en Wetenschap, mevrouw X" → the name
    if m.group("prep").lower() == "voor":
        code = MINISTERS_FOR.get(rest.lower())
        return MINISTRIES[code] if code else None
    return ministry_from_code(rest.replace(" ", "")) or f"Ministerie van {rest}"


def unit_blocks(doc: Document) -> list[tuple[str, list[Line]]]:
    """The organisational units printed on page 1, with their lines (computed once)."""
    return doc.once(_units)


def _units(doc: Document) -> list[tuple[str, list[Line]]]:
    units: list[tuple[str, list[Line]]] = []
    address = {ln.index for ln in letter(doc).address_lines}
    zone = [ln for ln in doc.first_page if ln.index not in address]
    if doc.layout.has_positions:
        zone = [ln for ln in zone if doc.in_colofon(ln)] or zone[:30]
    else:
        zone = [ln for ln in doc.header][:40]
    i = 0
    while i < len(zone):
        ln = zone[i]
        if UNIT.match(ln.text) and len(ln.text) < 70:
            block = [ln]
            for nxt in zone[i + 1:i + 3]:
                if UNIT.match(nxt.text) or nxt.gap_before or len(nxt.text) > 50 or re.search(r"\d", nxt.text) \
                        or match_label(nxt.text) or STAGE.match(nxt.text) or re.match(r"^aan\b", nxt.text, re.I):
                    break
                if ADDRESS_WORD.match(nxt.text):
                    break
                if not (re.search(r"(?:\b(?:en|van|voor)|&)$", block[-1].text) or nxt.text[:1].islower()
                        or (nxt.text[:1].isupper() and len(block[-1].text.split()) <= 2)):
                    break
                block.append(nxt)
            units.append((join_lines(block), block))
            i += len(block)
        else:
            i += 1
    return units[:4]


def _others(doc: Document, inputs: Inputs) -> set[int]:
    """Lines that name other parties: the addressee, the address block, copy-to, client and coordination fields."""
    parts = letter(doc)
    lines = {ln.index for p in doc.pairs_of("addressee", "copy_to", "coordination", "client") for ln in p.all_lines}
    lines |= {ln.index for block in parts.address_blocks for ln in block.lines}
    return lines | set(inputs.consumed("addressee"))


#: an article before a body's name in a letterhead ("De Nationale ombudsman")
ARTICLE = re.compile(r"^\s*(?:de|het)\s+$", re.IGNORECASE)
#: a logo's word alone on its line over the place ("gemeente" / "Wolderwijk")
KIND_ALONE = re.compile(r"(?:gemeente|provincie|waterschap|hoogheemraadschap|veiligheidsregio|omgevingsdienst)",
                        re.IGNORECASE)
#: a logo's abbreviation ("CBS", "DUO") over the name it stands for
ACRONYM = re.compile(r"[A-Z]{2,6}")
#: what is left of a letterhead line after the name when the name goes on on the next line
BROKEN_OFF = re.compile(r",|en|van|voor|der|de|&")


def _continuation(doc: Document, line: Line, head: list[Line], i: int, same_type: bool = False) -> Line | None:
    """The line that carries on a body's name: under it (letterheads centre their lines), or next in a text;
    with `same_type`, only a line in the type of the first (a name that ends in no joining word)."""
    if not line.has_box:
        nxt = None if same_type else head[i + 1] if i + 1 < len(head) else None
    else:
        under = [x for x in head if x.page == line.page and geometry.below(line, x, 1.5 * max(geometry.height(line), 6.0))
                 and geometry.overlaps_x(line, x)]
        nxt = max(under, key=lambda x: x.y1) if under else None
        if nxt is not None and same_type and (nxt.bold != line.bold or abs((nxt.size or 0) - (line.size or 0)) > 0.5
                                              or len(nxt.text.split()) > 2):
            nxt = None
    if nxt is not None and len(nxt.text) < 40 and re.fullmatch(r"[A-Z][^\d]*", nxt.text) and not UNIT.match(nxt.text) \
            and not BODY.match(nxt.text):
        return nxt
    return None


#: the small words inside a body's name ("Raad voor de Rechtspraak", "Ministerie van Volksgezondheid, Welzijn en Sport")
NAME_CONNECTORS = frozenset({"van", "voor", "de", "der", "den", "het", "en", "&", "in", "op", "te"})


def _name_words(text: str) -> str:
    """The name at the start of `text`: capitalised words, with the connectors and commas between them
    ("Ministerie van Onderwijs, Cultuur en Wetenschap"); it ends at a word in lower case ("…, mevrouw X")."""
    words: list[str] = []
    for word in text.strip().split():
        bare = word.strip(",;:()")
        if re.fullmatch(r"(?:19|20)\d\d", bare):
            break  # a year ends a name: "Regeling … Veiligheidsregio X 2025" names a regulation, not the body
        if not bare or not (bare[:1].isupper() or bare[:1].isdigit() and words or bare.lower() in NAME_CONNECTORS
                            or "-" in bare or bare.startswith(("’", "'"))):
            break
        words.append(word)
        if word.endswith(";"):
            break
    while words and words[-1].strip(",;").lower() in NAME_CONNECTORS:
        words.pop()
    return " ".join(words).strip(" ,;")


def _printed(doc: Document, inputs: Inputs) -> list[Candidate]:
    others = _others(doc, inputs) | {ln.index for _, block in unit_blocks(doc) for ln in block}
    head = [ln for ln in doc.first_page[:80] if ln.index not in others]
    first = doc.layout.pages[0]
    for i, ln in enumerate(head):
        m = BODY.search(ln.text)
        if not m or (ARTICLE.sub("", ln.text[:m.start()]).strip() and not doc.in_colofon(ln)):
            continue  # a body named inside a sentence is not the letterhead ("De Nationale ombudsman" is)
        name = re.sub(r"\s+", " ", m.group(1)).split(" - ")[0].strip(" ,")
        rest = ""
        if not ARTICLE.sub("", ln.text[:m.start()]).strip():  # the line names it: its name words, up to a separator
            name = _name_words(ln.text[m.start():])
            rest = ln.text[m.start():].strip()[len(name):].strip()
            if rest and not BROKEN_OFF.fullmatch(rest) and not rest.startswith((",", ";", "-", "–", "|", "·", "(")) \
                    and not doc.in_colofon(ln):
                continue  # "Raad voor … meldt per jaar …": a body named in a sentence, not a letterhead
        lines = [ln]
        broken = re.search(r"(?:\b(?:en|van|voor)|,)$", ln.text.strip())
        nxt = _continuation(doc, ln, head, i, same_type=not broken)
        if nxt is not None:
            comma = "," if ln.text[m.end():].strip().startswith(",") or m.group(1).strip().endswith(",") else ""
            joint = f" {rest}" if BROKEN_OFF.fullmatch(rest) and rest != "," else comma
            # a name broken over two lines: "Ministerie van Landbouw," / "Natuur …", "Rijksdienst voor Ondernemend" /
            # "Nederland" in one type
            name = f"{name}{joint} {nxt.text}"
            lines.append(nxt)
        letterhead = doc.in_colofon(ln) or (ln.has_box and ln.y1 > first.height * 0.75) or (not ln.has_box and i < 10)
        return [Candidate(value=name, rule="printed", score=0.85 if letterhead else 0.6, lines=tuple(lines),
                          why="a body printed in the letterhead" if letterhead else "a body printed on page 1")]
    return []


def _signed(doc: Document) -> list[Candidate]:
    for ln in letter(doc).signature:
        text = ln.text.strip(" ,")
        name = ministry_of(text)
        if name is None and (m := BOARD.search(text)):
            if m.group("province"):
                name = f"Provincie {m.group('province')}"
            elif m.group("municipality"):
                name = f"Gemeente {m.group('municipality')}"
            else:
                name = m.group("water").strip().title()
        if name is None and (m := NAMENS.match(text)) and BODY.match(m.group("who")):
            name = m.group("who")
        if name is not None:
            return [Candidate(value=name, rule="signature", score=0.8, lines=(ln,), why=f"signed by {text!r}")]
    return []


def _sender_field(doc: Document) -> list[Candidate]:
    """The sender field of a note, form or e-mail: a minister's title, or a body named in it ("namens …")."""
    header = top_header(doc)
    fields = [(p.text, tuple(p.all_lines)) for p in doc.pairs_of("sender") if p.label_line.page == 1]
    if header is not None and "from" in header.fields:
        f = header.fields["from"]
        fields.insert(0, (f.text, (f.label_line, *f.lines)))
    for text, lines in fields:
        name = ministry_of(text)
        if name is None and (m := BODY.search(text)):
            name = re.split(r"\s*[<(\[;]|\s+[-–|]\s+", text[m.start():])[0].strip(" ,")
        if name:
            return [Candidate(value=name, rule="sender-field", score=0.75, lines=lines,
                              why=f"the sender field {text!r}")]
    return []


#: the letterhead: the first line of page 1, in this top share of the page
LETTERHEAD_BAND = 0.92
#: what separates a sender's name from the rest of its letterhead line ("Regio X – samenwerkende …", "X | secretariaat")
LETTERHEAD_SEPARATOR = re.compile(r"\s+[-–—|·•]\s+|\s*[|·•]\s*")


def _initials(text: str) -> str:
    """The initials of a name's capitalised words: "Centraal Bureau voor de Statistiek" → "CBS"."""
    return "".join(w[0] for w in re.findall(r"[A-Z][\w'’-]*", text))


def _letterhead(doc: Document, inputs: Inputs) -> list[Candidate]:
    """The name on top of page 1 when no known kind of body is printed: a company, a foundation, a partnership."""
    if not doc.layout.has_positions:
        return []
    page = doc.layout.pages[0]
    others = _others(doc, inputs)
    # the letterhead may repeat on every page (a running header): page 1's own lines, running or not
    top = [ln for ln in page.lines if ln.index not in others and ln.y1 >= page.height * LETTERHEAD_BAND]
    top = sorted(top, key=lambda x: -x.y1)
    for i, ln in enumerate(top):
        text = LETTERHEAD_SEPARATOR.split(ln.text.strip())[0].strip(" ,")
        below = [x for x in top[i + 1:i + 4] if geometry.below(ln, x, 2.0 * max(geometry.height(ln), 6.0))]
        if KIND_ALONE.fullmatch(text) and below and below[0].text[:1].isupper() and _name_words(below[0].text):
            name = f"{text.capitalize()} {_name_words(below[0].text)}"  # "gemeente" / "Wolderwijk"
            return [Candidate(value=name, rule="letterhead", score=0.55, lines=(ln, below[0]),
                              why="the logo's kind of body over its name (the letterhead)")]
        if ACRONYM.fullmatch(text) and (full := next((x for x in below if _initials(x.text) == text), None)):
            return [Candidate(value=_name_words(full.text), rule="letterhead", score=0.55, lines=(ln, full),
                              why=f"the name {text!r} stands for, under it (the letterhead)")]
        if (3 <= len(text) <= 80 and text[:1].isupper() and _name_words(text) == text and not re.search(r"\d{3}|@|www\.|:$", text)
                and not match_label(text) and not mostly_noise(text) and len(text.split()) <= 10):
            return [Candidate(value=text, rule="letterhead", score=0.5, lines=(ln,),
                              why="the name on top of page 1 (the letterhead)")]
    return []


def _addressed_minister(doc: Document, inputs: Inputs) -> list[Candidate]:
    """An internal note to "Minister van X" (or "MBZK") comes from the Ministerie van X."""
    if inputs.value("document_type") not in INTERNAL:
        return []
    addressee = inputs.value("addressee") or ""
    name = ministry_of(addressee)
    if name is None and (cm := CODE.match(addressee.replace(" ", "").split("en")[0])):
        name = ministry_from_code(cm.group("code"))
    if name is None:
        return []
    return [Candidate(value=name, rule="addressed-minister", score=0.6, lines=inputs["addressee"].lines,
                      why=f"an internal note to {addressee!r}")]


def _address_cues(doc: Document) -> list[Candidate]:
    """A rijksoverheid.nl web address, a ministry's or a province's e-mail domain on page 1."""
    for ln in doc.first_page[:80]:
        for rx, name_of in ((RIJKSOVERHEID, lambda c: ministry_from_code(c.replace("ministerie-van-", ""))),
                            (MINISTRY_MAIL, ministry_from_code),
                            (PROVINCE_DOMAIN, lambda c: f"Provincie {PROVINCES[c.lower()]}")):
            if (m := rx.search(ln.text)) and (name := name_of(m.group(1))):
                return [Candidate(value=name, rule="address", score=0.55, lines=(ln,),
                                  why=f"the web or e-mail address {m.group(0)!r}")]
    return []


def _kenmerk_prefix(doc: Document, inputs: Inputs) -> list[Candidate]:
    """The ministry code a kenmerk starts with ("IENW/BSK-2022/…")."""
    m = re.match(r"^([A-Za-z]+)[/ -]", inputs.value("kenmerk") or "")
    if m is None or (name := ministry_from_code(m.group(1))) is None:
        return []
    return [Candidate(value=name, rule="kenmerk-prefix", score=0.5, lines=inputs["kenmerk"].lines,
                      why=f"the kenmerk starts with {m.group(1)!r}")]


def propose_organisation(doc: Document, inputs: Inputs) -> list[Candidate]:
    """Candidates for the sender, each an `Organisation` with the units printed on page 1."""
    named = (_printed(doc, inputs) + _signed(doc) + _sender_field(doc) + _addressed_minister(doc, inputs)
             + _address_cues(doc) + _kenmerk_prefix(doc, inputs) + _letterhead(doc, inputs))
    units = unit_blocks(doc)
    names = [u for u, _ in units]
    out = []
    for c in named:
        lines = list(c.lines) or (units[0][1] if units else [])
        org = Organisation(name=c.value, units=names, evidence=doc.evidence(lines, c.value) if lines else None)
        out.append(Candidate(value=org, rule=c.rule, score=c.score, lines=c.lines, text=c.value, why=c.why))
    if units:
        org = Organisation(name=None, units=names, evidence=doc.evidence(units[0][1], units[0][0]))
        out.append(Candidate(value=org, rule="units-only", score=0.05, lines=tuple(units[0][1]),
                             why="units printed, no body named"))
    return out


ORGANISATION = FieldExtractor("organisation", propose_organisation, reads=("addressee", "document_type", "kenmerk"),
                              scalar=False)
