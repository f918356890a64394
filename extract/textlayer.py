"""Is a page's text layer usable? Missing, garbage, a noisy OCR layer, or born-digital text.

A PDF page can carry:

- **born-digital text**: what the author typed; clean.
- **an OCR layer**: invisible text laid over a scanned page image by the publisher's
  OCR (Woo tooling such as ZyLAB does this). Usable, but noisy: `Dalum`, `51.2e`,
  `Paging 1 van 1`. Recognised by the page being covered by images.
- **garbage**: text that is not language: glyph ids (`(cid:12)`), fonts without a
  Unicode map (`ÐÑÒ`, private-use characters), symbol soup from a bad OCR layer.
- **nothing**: an image-only scan.

`assess_page` decides from the text alone plus how much of the page images cover.
The thresholds were measured on the shared corpus (28 born-digital PDFs, 125 pages;
31 with an OCR layer, 75 pages; 2 image-only): the worst born-digital page (an
inventory table) still has 0.73 letters among its characters, 0.53 word-like tokens,
0.027 common words, 0.77 of its letters among the twelve most frequent and ≤ 0.02
odd characters; the worst OCR-layer page 0.73, 0.62, 0.12, 0.74 and ≤ 0.01. Garbage
sits far below: shifted-encoding text has 0.55 frequent letters and 0.007 common
words, glyph soup 0.07 word-like tokens. Every OCR-layer page is covered by images
(1.0); born-digital pages at most 0.06 (logos).
"""
from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import partial
from itertools import groupby
from typing import Iterable, Literal

#: the text-layer verdicts of one page
LayerStatus = Literal["digital", "ocr-layer", "garbage", "missing"]
DIGITAL: LayerStatus = "digital"
OCR_LAYER: LayerStatus = "ocr-layer"
GARBAGE: LayerStatus = "garbage"
MISSING: LayerStatus = "missing"

#: a page at least this much covered by images is a scanned page
SCAN_COVERAGE = 0.80
#: fewer non-space characters than this is no text layer at all (a stray page number, a "5.1.2e")
MIN_CHARS = 25
#: below this many tokens the ratios say too little: the text counts as usable
MIN_TOKENS = 12

# thresholds of the garbage test (see the module docstring for the measured margins)
MIN_LETTER_RATIO = 0.45
MIN_WORD_RATIO = 0.35
MIN_KNOWN_RATIO = 0.03  # only together with a letter profile below WEAK_COMMON_LETTERS
MIN_COMMON_LETTERS = 0.62
WEAK_COMMON_LETTERS = 0.68
MAX_ODD_RATIO = 0.15
MAX_CID_RATIO = 0.05

CID = re.compile(r"\(cid:\d+\)")
TOKEN = re.compile(r"\S+")
STRIP = "\"'`.,:;!?()[]{}<>«»“”‘’„*•·-–—/\\|_"
VOWELS = set("aeiouyàáâäèéêëìíîïòóôöùúûüý")
WORD_MARKS = str.maketrans("", "", "-'’")  # what a word may hold besides letters
#: the most frequent letters of Dutch (and English) text: ~80% of the letters of running text
COMMON_LETTERS = set("enatirodslgh")
COMMON_PUNCT = set(".,:;!?'\"()[]{}-–—/\\&%€$@#*+=<>§°’‘“”„…•·|_~^`«»")

#: frequent Dutch (and a few English) words: any running text has many of them
KNOWN_WORDS = frozenset("""
de het een en van in op te dat die is voor met aan er niet zijn om ook als bij of door
naar dan maar wordt worden werd kan kunnen zal zullen heeft hebben had moet moeten
deze dit wat we wij u uw ik je zij hij ze ons onze hun haar zich over uit tot na nog
meer geen al wel zo nu hoe waar omdat wanneer welke onder tegen tussen binnen zonder
via per vanuit daarom daarnaast echter alle andere eigen nieuwe graag ten ter hier
datum kenmerk onderwerp betreft bijlage bijlagen aan van minister ministerie directie
staatssecretaris kamer tweede brief nota besluit pagina postbus den haag gemeente
provincie rijksoverheid advies verzoek vragen antwoord overleg zaak
the of and to a in is for on that with as be by this are from it at not or an will
""".split())


@dataclass(frozen=True)
class TextQuality:
    """What the text of one page looks like, and the verdict."""

    status: LayerStatus
    reason: str
    chars: int = 0
    tokens: int = 0
    letter_ratio: float = 0.0
    word_ratio: float = 0.0
    known_ratio: float = 0.0
    odd_ratio: float = 0.0
    common_letter_ratio: float = 0.0
    cid_ratio: float = 0.0
    image_coverage: float = 0.0

    @property
    def usable(self) -> bool:
        """The text can be read as it is (perhaps noisy); no OCR needed."""
        return self.status in (DIGITAL, OCR_LAYER)


def _odd(ch: str) -> bool:
    if ch.isalnum() or ch in COMMON_PUNCT:
        return False
    cat = unicodedata.category(ch)
    return cat.startswith("C") or cat in ("So", "Sk", "Sm", "Co", "Cn") or ch == "\ufffd" or cat.startswith("P")


def _wordlike(token: str) -> bool:
    """Two or more letters (hyphens and apostrophes inside allowed), a vowel among them."""
    core = token.strip(STRIP)
    return len(core) >= 2 and core.translate(WORD_MARKS).isalpha() and not VOWELS.isdisjoint(core.lower())


def measure(text: str) -> dict[str, float]:
    """The ratios the verdict is made of (for tests and tuning)."""
    cids = len(CID.findall(text))
    clean = CID.sub(" ", text)
    counts = Counter(clean)  # each distinct character judged once, weighed by how often it occurs
    chars = {c: n for c, n in counts.items() if not c.isspace()}
    n_chars = sum(chars.values()) + cids
    tokens = Counter(TOKEN.findall(clean))  # each distinct token judged once too
    n_tokens = sum(tokens.values()) + cids
    letters = sum(n for c, n in chars.items() if c.isalpha())
    common = sum(n for c, n in Counter(clean.lower()).items() if c in COMMON_LETTERS)
    odd = sum(n for c, n in chars.items() if _odd(c))
    return {
        "chars": n_chars,
        "tokens": n_tokens,
        "letter_ratio": letters / n_chars if n_chars else 0.0,
        "word_ratio": sum(n for t, n in tokens.items() if _wordlike(t)) / n_tokens if n_tokens else 0.0,
        "known_ratio": sum(n for t, n in tokens.items() if t.strip(STRIP).lower() in KNOWN_WORDS) / n_tokens
        if n_tokens else 0.0,
        "odd_ratio": odd / n_chars if n_chars else 0.0,
        "common_letter_ratio": common / letters if letters else 0.0,
        "cid_ratio": cids / n_tokens if n_tokens else 0.0,
    }


def assess_text(text: str | Iterable[str], image_coverage: float = 0.0) -> TextQuality:
    """The verdict on one page's text layer; `image_coverage` is the share of the page under images."""
    if not isinstance(text, str):
        text = "\n".join(text)
    m = measure(text)
    scanned = image_coverage >= SCAN_COVERAGE
    verdict = partial(TextQuality, chars=int(m["chars"]), tokens=int(m["tokens"]),
                      letter_ratio=round(m["letter_ratio"], 3), word_ratio=round(m["word_ratio"], 3),
                      known_ratio=round(m["known_ratio"], 3), odd_ratio=round(m["odd_ratio"], 3),
                      common_letter_ratio=round(m["common_letter_ratio"], 3), cid_ratio=round(m["cid_ratio"], 3),
                      image_coverage=round(image_coverage, 3))
    if m["chars"] < MIN_CHARS:
        what = "no text layer" if not m["chars"] else f"almost no text ({int(m['chars'])} characters)"
        return verdict(MISSING, what + (" on a scanned page" if scanned else ""))
    problems = []
    if m["cid_ratio"] > MAX_CID_RATIO:
        problems.append(f"{m['cid_ratio']:.0%} of the tokens are unmapped glyphs (cid:…)")
    if m["tokens"] >= MIN_TOKENS:
        if m["letter_ratio"] < MIN_LETTER_RATIO:
            problems.append(f"only {m['letter_ratio']:.0%} letters")
        if m["word_ratio"] < MIN_WORD_RATIO:
            problems.append(f"only {m['word_ratio']:.0%} word-like tokens")
        if m["common_letter_ratio"] < MIN_COMMON_LETTERS:
            problems.append(f"letters unlike Dutch ({m['common_letter_ratio']:.0%} frequent letters)")
        elif m["known_ratio"] < MIN_KNOWN_RATIO and m["common_letter_ratio"] < WEAK_COMMON_LETTERS:
            problems.append(f"only {m['known_ratio']:.0%} common words")
        if m["odd_ratio"] > MAX_ODD_RATIO:
            problems.append(f"{m['odd_ratio']:.0%} odd characters")
    if problems:
        return verdict(GARBAGE, "unusable text layer: " + ", ".join(problems))
    if scanned:
        return verdict(OCR_LAYER, "OCR text layer over a scanned page image")
    return verdict(DIGITAL, "born-digital text")


def page_ranges(numbers: Iterable[int]) -> str:
    """[1, 2, 3, 5] → '1-3, 5'."""
    parts: list[str] = []
    # consecutive numbers share their difference with their position in the sorted list
    for _, run in groupby(enumerate(sorted(set(numbers))), key=lambda pos_n: pos_n[1] - pos_n[0]):
        run_numbers = [n for _, n in run]
        first, last = run_numbers[0], run_numbers[-1]
        parts.append(f"{first}-{last}" if last != first else str(first))
    return ", ".join(parts)
