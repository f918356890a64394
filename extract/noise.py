"""Text that is mostly non-words: OCR scraps read from a redaction box or a cut-off e-mail address.

A redacted name or address on a scanned page comes back from OCR as letters without words
("[EXER INNEREDNNEXEo rivm.ni>", "EERB", "minvws.ni]"). Such a value must never become an
addressee, a title or a person's name. `word_share(text)` is the share of its tokens that
look like words; `mostly_noise(text)` says whether the text should be dropped. Both judge by
general properties only, never by a list of known scraps:

- a word-like token has a regular case shape ("zorg", "Zorg", "ZORG", "IenW", "DG's") and a
  syllable structure a Dutch or English word can have: vowels between consonant clusters that
  a word can begin or end with ("str", "ngst"; not "rb", "dnn"), no letter three times in a row;
- a short all-capital token without a doubled vowel is an acronym ("MBZK", "RIVM", "AIVD");
- numbers and codes ("2024", "5.1.2e", "ACC-19"), initials and abbreviations ("T.", "H.M.",
  "m.b.t."), file names ("bijlage.pdf"), a capital alone ("Bijlage A") and the single-letter
  words "u", "a", "e", "o" are words; an acronym glued to a word ("WIPrichtlijn") is both;
- noise: a run of capitals ending in small letters ("INNEREDNNEXEo"), a fragment of an e-mail
  domain ("rivm.ni", "minvws.nl"), an "@", a stray single letter ("n");
- every bracket without its partner ("[", ">") counts as one more non-word.

Limits: the judgement is statistical. A single unknown token that breaks the syllable rules
(a foreign name such as "Brzęczyszczykiewicz", an acronym with a doubled vowel such as "AAW")
is noise on its own; in a value of several words it is outweighed.
"""
from __future__ import annotations

import functools
import re

__all__ = ["mostly_noise", "word_share"]

#: below this share of word-like tokens a text is noise
NOISE_BELOW = 0.5
#: a text damaged like an address scrap (a stray bracket, a domain fragment) is noise below this share
DAMAGED_NOISE_BELOW = 0.75

_VOWELS = "aeiouyàáâäèéêëìíîïòóôöùúûüý"
#: consonant clusters a word (Dutch or English) can begin with
ONSETS = frozenset(
    "b c d f g h j k l m n p q r s t v w x z "
    "bl br ch chr cl cr dj dr dw fl fr gh gl gn gr kl kn kr kw ph phr pl pr ps sc sch schl schm schn schr schw "
    "scr sf sh sj sk skr sl sm sn sp sph spl spr sr st str sw th thr tj tr ts tw vl vr wh wr zj zw".split())
#: consonant clusters a word (Dutch or English) can end with
CODAS = frozenset(
    "b c d f g h k l m n p r s t v w x z "
    "bb ch cht chts ck ct dd ds dt fd ff ft fts gd gg gh ght ghts gs gt hd ht hts kk ks kst kt ld lds lf lfs lft "
    "lg lgd lk lks lkt ll lm lms lp ls lst lt lts mb mbt md mm mp mpt ms mst mt nc nch nd nds ndt ng ngd ngs ngst "
    "ngt nk nks nkt nn ns nst nt nth nts pp ps pt rch rcht rd rds rdt rf rfs rft rg rgd rgs rk rks rkt rl rm rmd "
    "rms rn rns rp rps rs rst rt rth rts rv rz sch sh sk sp ss st sts th ts tsch tst tt tch tz wd wl wn ws wt "
    "xt zz".split())

_TOKEN = re.compile(r"\S+")
_DOMAIN = re.compile(r"[\w-]+\.(?:nl|ni|n1|nI|com|org|net|eu|be|de|gov|int)(?![\w])", re.IGNORECASE)
_CAPS_THEN_SMALL = re.compile(r"[A-Z]{3,}[a-z]")
_PLURAL_CAPS = re.compile(r"[A-Z]+['’]?s")
_INITIALS = re.compile(r"(?:(?:Th|Ch|IJ|[A-Z])\.)+")
_TRIPLE = re.compile(r"(\w)\1\1", re.IGNORECASE)
_SINGLE_WORDS = frozenset("uaeo")
#: a lower-case abbreviation with dots ("m.b.t.", "t.a.v.", "ins.")
_ABBREVIATION = re.compile(r"(?:[a-z]{1,4}\.)+[a-z]{0,4}", re.IGNORECASE)
#: the plural marker of a label: "Bijlage(n)", "document(en)"
_PLURAL_MARK = re.compile(r"\((?:n|en|s|e)\)$")
#: a file name's extension ("bijlage.pdf", "A.docx", "verslag.pptx.eml")
_FILE_EXTENSION = re.compile(r"(?:\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|eml|msg|txt|csv|zip|jpe?g|png))+$", re.IGNORECASE)
#: an acronym glued to a word by text extraction ("WIPrichtlijn")
_GLUED = re.compile(r"([A-Z]{2,})([a-z]{3,})")
_PAIRS = {")": "(", "]": "[", "}": "{", ">": "<"}
_VOWEL_RUN = re.compile(f"[{_VOWELS}]+")
_APOSTROPHE_DOT = re.compile(r"['’]s$|['’.]")
_DOUBLE_VOWEL = re.compile(r"([AEIOUY])\1")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]|[A-Z]{2}")
_PART_SPLIT = re.compile(r"[-/–()\[\]{}<>]")


def _clusters_ok(word: str) -> bool:
    """Whether the consonant clusters of `word` (lower case, letters only) fit a word's syllables."""
    word = word.replace("ij", "ei")  # the Dutch digraph is a vowel
    parts = _VOWEL_RUN.split(word)
    if len(parts) == 1:
        return False  # no vowel at all
    first, *middle, last = parts
    if first and first not in ONSETS:
        return False
    if last and last not in CODAS:
        return False
    for cluster in middle:
        if not cluster or not cluster.isascii():
            continue
        if not any((cluster[:i] in CODAS or i == 0) and (cluster[i:] in ONSETS or i == len(cluster))
                   for i in range(len(cluster) + 1)):
            return False
    return True


def _part_is_word(part: str) -> bool:
    """One piece of a token (between hyphens or slashes), without surrounding punctuation."""
    if not part:
        return True
    if any(c.isdigit() for c in part):
        return True  # numbers and codes: "2024", "5.1.2e", "19"
    letters = _APOSTROPHE_DOT.sub("", part)
    if not letters:
        return True
    if not letters.isalpha():
        return False
    if len(letters) == 1:
        return letters in _SINGLE_WORDS or letters.isupper()
    if _TRIPLE.search(letters):
        return False
    if letters.isupper():
        short_acronym = len(letters) <= 5 and not _DOUBLE_VOWEL.search(letters)
        return short_acronym or _clusters_ok(letters.lower())
    glued = _GLUED.fullmatch(letters)
    if glued:
        return all(_part_is_word(p) for p in glued.groups())
    if _CAPS_THEN_SMALL.search(part) and not _PLURAL_CAPS.fullmatch(part):
        return False
    if _INNER_CAPITAL.search(letters):
        return True  # "IenW", "JenV", "McDonald", "DGs"
    return _clusters_ok(letters.lower())


def _token_is_word(token: str) -> bool:
    core = _PLURAL_MARK.sub("", token.strip(",;:!?*")).strip("()[]{}<>\"'“”‘’")
    if not core:
        return True
    if "@" in core or "＠" in core or _DOMAIN.search(core):
        return False
    if _INITIALS.fullmatch(core) or _ABBREVIATION.fullmatch(core):
        return True
    core = _FILE_EXTENSION.sub("", core).rstrip(".")
    return all(_part_is_word(p) for p in _PART_SPLIT.split(core))


def _stray_brackets(text: str) -> int:
    """How many brackets in `text` have no partner."""
    stack: list[str] = []
    stray = 0
    for c in text:
        if c in "([{<":
            stack.append(c)
        elif c in _PAIRS:
            if stack and stack[-1] == _PAIRS[c]:
                stack.pop()
            else:
                stray += 1
    return stray + len(stack)


def _counts(text: str) -> tuple[int, int, int]:
    """(word-like tokens, non-word tokens, stray brackets) of `text`."""
    words = noise = 0
    for token in _TOKEN.findall(text):
        if not any(c.isalnum() for c in token):
            continue  # punctuation alone ("-", "&", "/")
        if _token_is_word(token):
            words += 1
        else:
            noise += 1
    return words, noise, _stray_brackets(text)


@functools.lru_cache(maxsize=16384)
def word_share(text: str) -> float:
    """The share of word-like tokens in `text`, each stray bracket counted as one more non-word (0.0 when none)."""
    words, noise, stray = _counts(text)
    total = words + noise + stray
    return words / total if total else 0.0


@functools.lru_cache(maxsize=16384)
def mostly_noise(text: str) -> bool:
    """Whether `text` is mostly non-words, an OCR scrap rather than a value (see the module docstring).

    Below half word-like tokens it is noise; a text damaged like a cut-off address (a stray
    bracket or a fragment of an e-mail domain) already below three quarters.
    """
    words, noise, stray = _counts(text)
    total = words + noise + stray
    if not words:
        return True
    share = words / total
    damaged = stray > 0 or bool(_DOMAIN.search(text)) or "@" in text
    return share < NOISE_BELOW or (damaged and noise > 0 and share < DAMAGED_NOISE_BELOW)
