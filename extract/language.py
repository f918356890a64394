"""The language of a note (ISO 639-1): Dutch unless English words clearly dominate."""
from __future__ import annotations

import re

from kenmerk.extract.candidates import Candidate, FieldExtractor, Inputs
from kenmerk.extract.context import Document

ENGLISH = re.compile(r"\b(?:the|and|of|to|is|with|for)\b", re.IGNORECASE)
DUTCH = re.compile(r"\b(?:de|het|een|en|van|is|met|voor|dat|niet)\b", re.IGNORECASE)
#: characters of text sampled
SAMPLE = 20000


def propose_language(doc: Document, inputs: Inputs) -> list[Candidate]:
    """One candidate from counts of common function words."""
    sample = doc.full_text[:SAMPLE]
    english, dutch = len(ENGLISH.findall(sample)), len(DUTCH.findall(sample))
    value = "en" if english > 2 * dutch + 5 else "nl"
    return [Candidate(value=value, rule="function-words", score=1.0, why=f"{english} English, {dutch} Dutch words")]


LANGUAGE = FieldExtractor("language", propose_language, default="nl", scalar=False)
