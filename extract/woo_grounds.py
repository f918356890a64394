"""Woo and Wob refusal grounds applied to or cited in a document.

From codes: redaction stamps and citations ("5.1.2e", "5.1.2 e", "art. 10.2.e",
"(10)(2e)", "artikel 5.1, tweede lid, onder e"), and from wording that names
one ground as applied ("…niet openbaar ter bescherming van de persoonlijke
levenssfeer" → 5.1.2e). Wording counts only in a sentence that says
information is withheld; labels that are not grounds never count. The law
follows the document: Wob before the Woo took effect (1 May 2022) or when the
text cites the Wob.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass

from kenmerk.extract import geometry
from kenmerk.extract.candidates import Candidate, FieldExtractor, Inputs
from kenmerk.extract.context import Document
from kenmerk.extract.layout import Line
from kenmerk.extract.model import WooGround
from kenmerk.extract.woo_codes import WOO_GROUND_CODES, canonical_ground

WOO_START = dt.date(2022, 5, 1)

_L = r"[a-i]"
#: code patterns → how to turn a match into a code
CODE_PATTERNS: dict[str, re.Pattern[str]] = {
    # 5.1.2e, 5.1.2 e, 5.1.2.e, 5.1 .2e, 51.2e (OCR), 5.1.1c
    "woo_dotted": re.compile(rf"(?<![\d.,])5\s?(?P<s1>[.,])?\s?1\s?(?P<s2>[.,:])?\s?([125])\s?\.?\s?((?-i:{_L})|¢[a-i]?)?(?![a-z\d])",
                             re.IGNORECASE),
    # art. 5.2 / artikel 5.2 / 5.2.1 (only with an article word or a stamp line)
    "woo_52": re.compile(r"(?:art(?:ikel)?\.?\s*)(5\.[24])(?:\.1)?(?![\d])", re.IGNORECASE),
    # 10.2e, 10.2.e, 10.1c, art. 10.2.e, 10 2e
    "wob_dotted": re.compile(rf"(?<![\d.])1\s?0\s?[.\s]\s?([12])\s?\.?\s?({_L})(?![a-z\d])", re.IGNORECASE),
    # (10)(2e) and (10)(2)(e)
    "wob_brackets": re.compile(rf"\(\s*10\s*\)\s*\(\s*([12])\s*\)?\s*\(?\s*({_L})\s*\)", re.IGNORECASE),
    # artikel 5.1, tweede lid, onder e / artikel 10, tweede lid, aanhef en onder e
    "article_words": re.compile(
        rf"art(?:ikel|\.)\s*(5\.1|10)\s*,?\s*(eerste|tweede|vijfde)\s+lid\s*,?\s*(?:aanhef\s+en\s+)?(?:onder|sub)\s+"
        rf"({_L}(?:\s*(?:,|en|of)\s*{_L})*)\b",
        re.IGNORECASE),
    "wob_11": re.compile(r"art(?:ikel|\.)\s*11(?:\s*,\s*eerste\s+lid|\.1)?\s+(?:van\s+de\s+)?wob\b", re.IGNORECASE),
}
LID = {"eerste": "1", "tweede": "2", "vijfde": "5"}
STAMP_OR_ARTICLE = re.compile(r"art(?:ikel|\.)|woo", re.IGNORECASE)
SECTION_NUMBER = re.compile(r"\.?\s+[A-Z][a-z]")

#: wording of one ground (as the Woo's art. 5.1 and 5.2 word it) → its code in the Woo / in the Wob (None:
#: the Wob had no such ground, or none kenmerk reads so); not the special personal data (5.1.1d), which texts
#: about privacy name without withholding anything
WORDING: dict[str, tuple[str, str | None]] = {
    r"eenheid\s+van\s+de\s+kroon": ("5.1.1a", "10.1a"),
    r"veiligheid\s+van\s+de\s+staat": ("5.1.1b", "10.1b"),
    # "bedrijfs- en fabricagegegevens die X vertrouwelijk aan de provincie heeft meegedeeld"
    r"bedrijfs-\s+en\s+fabricagegegevens\b[^.]{0,80}?\bvertrouwelijk\b[^.]{0,60}?\b(?:meegedeeld|verstrekt)":
        ("5.1.1c", "10.1c"),
    r"concurrentiegevoelige\s+bedrijfs-\s+en\s+fabricagegegevens": ("5.1.2f", None),
    r"bescherming\s+van\s+het\s+milieu": ("5.1.2g", None),
    r"beveiliging\s+van\s+personen\s+(?:of|en)\s+bedrijven|voorkomen\s+van\s+sabotage": ("5.1.2h", None),
    r"persoonlijke\s+levenssfeer|privacy\s+van\s+(?:de\s+)?(?:betrokken|ambtena)": ("5.1.2e", "10.2e"),
    r"economische\s+of\s+financiële\s+belangen": ("5.1.2b", "10.2b"),
    r"onevenredige\s+(?:benadeling|bevoordeling)": ("5.1.5", "10.2g"),
    r"internationale\s+betrekkingen|betrekkingen\s+van\s+nederland\s+met\s+andere\s+staten": ("5.1.2a", "10.2a"),
    r"opsporing\s+en\s+vervolging\s+van\s+strafbare\s+feiten": ("5.1.2c", "10.2c"),
    r"inspectie,\s+controle\s+en\s+toezicht": ("5.1.2d", "10.2d"),
    r"vertrouwelijk\s+(?:aan\s+de\s+overheid\s+)?(?:meegedeelde|verstrekte)\s+bedrijfs-\s+en\s+fabricagegegevens": ("5.1.1c", "10.1c"),
    r"persoonlijke\s+beleidsopvattingen": ("5.2", "11.1"),
    # national identification numbers (art. 5.1.1e: the BSN), withheld in so many words
    r"burgerservicenummers?|nummers?\s+die\s+(?:dien(?:t|en)\s+)?ter\s+identificatie\s+van\s+(?:een\s+)?person":
        ("5.1.1e", None),
    r"goed\s+functioneren\s+van\s+de\s+staat": ("5.1.2i", "10.2g"),
}
WITHHELD = re.compile(
    r"niet\s+openbaar|gelakt|weggelakt|zwartgelakt|onleesbaar\s+gemaakt|geanonimiseerd|niet\s+verstrekt|"
    r"geweigerd|weigeringsgrond|uitzonderingsgrond|achterwege\s+gelaten|verwijderd|niet\s+openbaargemaakt|"
    r"niet\s+openbaar\s+gemaakt|openbaarmaking\s+(?:van|achterwege)|nooit\s+openbaar|"
    r"\blaten\s+(?:wij|we|ik)\s+(?:[^.]{0,40}\s)?weg\b|weggelaten|"
    # the weighing of a relative ground: "het belang van X weegt zwaarder dan het belang van openbaarheid"
    r"zwaarder\s+dan\s+het\s+(?:algemene?\s+)?belang\s+van\s+(?:de\s+)?openbaar|"
    # or the other way round: "het belang van openbaarheid weegt niet op tegen …"
    r"openbaarheid\s+(?:weegt|wegen)\s+niet\s+op\s+tegen",
    re.IGNORECASE,
)
#: a ground's wording counts in the sentence that withholds, this many sentences before it, or the one after
#: it ("Die maak ik niet openbaar. Ik doe dat ter bescherming van hun persoonlijke levenssfeer.")
WORDING_REACH = 2
WORDING_AFTER = 1
#: the conditional wording of a law's article ("kan … achterwege blijven indien …"): cited, not applied
LAW_TEXT = re.compile(r"\b(?:indien|voor\s+zover|tenzij|blijft\s+achterwege|kan\s+[^.]{0,60}\bachterwege)\b",
                      re.IGNORECASE)
SENTENCE = re.compile(r"[^.!?]*(?:[.!?]|$)")


@dataclass
class _Hit:
    code: str
    line: Line
    how: str


def _law(doc: Document, date: dt.date | None) -> str:
    text = doc.full_text
    if re.search(r"\bWoo\b|wet\s+open\s+overheid", text):
        return "Woo"
    if re.search(r"\bWob\b|wet\s+openbaarheid\s+van\s+bestuur", text, re.IGNORECASE):
        return "Wob"
    return "Wob" if date is not None and date < WOO_START else "Woo"


def _codes_in(text: str) -> list[tuple[str, int]]:
    codes = []
    for name, rx in CODE_PATTERNS.items():
        for m in rx.finditer(text):
            if name == "woo_dotted":
                lid, letter = m.group(3), (m.group(4) or "").lower()
                if lid in "12" and not letter or not (letter or (m.group("s1") and m.group("s2"))):
                    continue  # "5.1.2" alone, or "515" in a number
                if lid == "5" and SECTION_NUMBER.match(text[m.end():m.end() + 4]) \
                        and not STAMP_OR_ARTICLE.search(text[max(0, m.start() - 12):m.start()]):
                    continue  # "5.1.5 Financiële gevolgen" is a section number
                if letter.startswith("¢"):  # OCR of a stamped e (lid 2) or c (lid 1), maybe followed by it
                    letter = letter[1:] or ("e" if lid == "2" else "c")
                code = f"5.1.{lid}{letter}" if lid in "12" else "5.1.5"
            elif name == "woo_52":
                code = canonical_ground(m.group(1))
            elif name in ("wob_dotted", "wob_brackets"):
                code = f"10.{m.group(1)}{m.group(2).lower()}"
            elif name == "article_words":
                art, lid = m.group(1), LID[m.group(2).lower()]
                for letter in re.findall(rf"\b({_L})\b", m.group(3).lower()):
                    code = f"5.1.{lid}{letter}" if art == "5.1" else f"10.{lid}{letter}"
                    if code in WOO_GROUND_CODES:
                        codes.append((code, m.start()))
                continue
            else:
                code = "11.1"
            if code in WOO_GROUND_CODES:
                codes.append((code, m.start()))
    return codes


#: a section number stands at most this far left of its heading
HEADING_GAP = 40.0
#: a code is kept when its evidence scores at least this (`weigh`)
KEEP = 0.5
#: a code stamped this often makes a lone look-alike on scanned pages a misreading of it
DOMINANT = 4


def _hits(doc: Document, law: str) -> list[_Hit]:
    hits: list[_Hit] = []
    for run in _paragraphs(doc):
        text, starts = _joined(run)
        for code, offset in _codes_in(text):
            hits.append(_Hit(code, run[max(i for i, s in enumerate(starts) if s <= offset)], "code"))
    for ln in doc.content:
        if doc.in_colofon(ln):
            hits.extend(_Hit(code, ln, "code") for code, _ in _codes_in(ln.text))
        elif STAMP_52.fullmatch(ln.text.strip()) and not _numbers_a_heading(doc, ln):
            hits.append(_Hit("5.2", ln, "code"))  # a redaction box stamped "5.2", a code the text has no article for
    # wording, sentence by sentence over the running text of each page
    for section_lines in _paragraphs(doc):
        text = " ".join(ln.text for ln in section_lines)
        sentences = [s for s in SENTENCE.findall(text) if s.strip()]
        for k, sentence in enumerate(sentences):
            if not WITHHELD.search(sentence) or LAW_TEXT.search(sentence):
                continue
            # "Medewerkers geven hun persoonlijke beleidsopvattingen. … Wij maken ze niet openbaar."
            context = " ".join(s for s in sentences[max(0, k - WORDING_REACH):k + 1 + WORDING_AFTER]
                               if not LAW_TEXT.search(s))
            for pattern, (woo, wob) in WORDING.items():
                ground = woo if law == "Woo" else wob  # a wording with no Wob ground counts only under the Woo
                if ground is not None and re.search(pattern, context, re.IGNORECASE):
                    line = next((ln for ln in section_lines if any(w in ln.text for w in sentence.split()[:3])),
                                section_lines[0])
                    hits.append(_Hit(ground, line, "wording"))
    return hits


#: letters OCR takes for each other on a stamped redaction box ("5.1.2a" read from "5.1.2e")
CONFUSED = frozenset({("a", "e"), ("c", "e"), ("e", "o"), ("a", "o"), ("c", "o")})


#: a line that is only the code of art. 5.2 (a stamp on a redaction box)
STAMP_52 = re.compile(r"5\.2(?:\.1)?")


def _numbers_a_heading(doc: Document, line: Line) -> bool:
    """A "5.2" with text right beside it on its row numbers a section ("5.2 Financiële gevolgen")."""
    return any(geometry.beside(line, o) and o.x0 - line.x1 < HEADING_GAP for o in doc.content if o is not line)


def _look_alike(a: str, b: str) -> bool:
    """Codes that differ only in a letter OCR confuses ("5.1.2a" and "5.1.2e")."""
    if len(a) != len(b) or a[:-1] != b[:-1]:
        return False
    return tuple(sorted((a[-1], b[-1]))) in CONFUSED


def propose_woo_grounds(doc: Document, inputs: Inputs) -> list[Candidate]:
    """A candidate per code, scored by how it was read: in text, from a scanned page, from wording."""
    law = _law(doc, inputs.value("date"))
    grouped: dict[str, list[_Hit]] = defaultdict(list)
    for hit in _hits(doc, law):
        grouped[hit.code].append(hit)
    ocr_pages = {p.number for p in doc.layout.pages if p.ocr}
    out = []
    for code, group in grouped.items():
        first = group[0]
        how = "code" if any(h.how == "code" for h in group) else "wording"
        scanned = all(h.line.page in ocr_pages for h in group)
        score, why = (0.9, "a code in the text") if how == "code" and not scanned else \
            (0.8, "a code on a scanned page") if how == "code" else (0.75, "wording that names one ground")
        dominant = [other for other, hits in grouped.items() if other != code and len(hits) >= DOMINANT]
        if scanned and len(group) == 1 and any(_look_alike(code, other) for other in dominant):
            score, why = 0.3, f"read once on a scanned page beside {len(grouped[dominant[0]])} stamps of a look-alike"
        ground = WooGround(code=code, law=WOO_GROUND_CODES[code], count=len(group),
                           pages=sorted({h.line.page for h in group}), how=how, evidence=doc.evidence([first.line]))
        out.append(Candidate(value=ground, rule=how, score=score, lines=(first.line,),
                             why=f"{why}; {len(group)} time(s)"))
    return sorted(out, key=lambda c: c.value.code)


def weigh(candidates) -> tuple[Candidate | None, str]:
    """Every code whose evidence scores at least `KEEP`, as one list."""
    kept = [c for c in candidates if c.score >= KEEP]
    dropped = [c.value.code for c in candidates if c.score < KEEP]
    reason = f"{len(kept)} code(s) kept" + (f"; dropped {', '.join(dropped)}" if dropped else "")
    return Candidate(value=[c.value for c in kept], rule="codes", score=1.0,
                     lines=tuple(ln for c in kept for ln in c.lines), why=reason), reason


WOO_GROUNDS = FieldExtractor("woo_grounds", propose_woo_grounds, reads=("date",), choose=weigh, default=[],
                             scalar=False)


def _joined(lines: list[Line]) -> tuple[str, list[int]]:
    starts, parts, pos = [], [], 0
    for ln in lines:
        starts.append(pos)
        parts.append(ln.text)
        pos += len(ln.text) + 1
    return " ".join(parts), starts


def _paragraphs(doc: Document) -> list[list[Line]]:
    """Runs of body lines, cut at headings, gaps and page ends."""
    runs: list[list[Line]] = []
    current: list[Line] = []
    for ln in doc.body:
        if current and (ln.gap_before or ln.page != current[-1].page):
            runs.append(current)
            current = []
        current.append(ln)
    if current:
        runs.append(current)
    return runs
