"""The explanation of a note as the review report shows it: scrubbed as the note, with each candidate's box.

    from kenmerk.output.review_explain import explain_for_review
    explained = explain_for_review(extraction)      # from kenmerk.extract.note.extract_layout
    explained.explanation                           # kenmerk.extract.explain.Explanation, best first
    explained.evidence["kenmerk"]                   # per candidate, in the same order: page and box, or None

`kenmerk.extract.explain.explain` gives every field's candidates without their
position; the report draws a runner-up's box on the page image, so the box of each
candidate is taken from the lines it was read from (`Document.evidence`: the first
page, the union of the boxes there). The explanation lists a field's candidates best
first, in the order the rules proposed them on a tie; the same ranking here pairs
each candidate with its view, and a field whose pairing does not match (rule and
score) gets no boxes rather than wrong ones.

Personal data: `explain` scrubs each text with the personal values the extraction
knows (its label/value pairs); the report adds every name the document prints in a
person field (e-mail headers, greetings, signatures, contact labels;
`kenmerk.extract.roster.person_fields` over its whole text) and every addressee
candidate that is a person, so a runner-up never shows a name the note leaves out
("Pieter Jansen" of an e-mail's "To:", "Jansen" alone in a sentence).
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from kenmerk.extract import Evidence
from kenmerk.extract.explain import Explanation, explain
from kenmerk.extract.names import is_person
from kenmerk.extract.note import Extraction
from kenmerk.extract.roster import person_fields

__all__ = ["Explained", "explain_for_review", "personal_names"]

#: fields whose candidates name a person when they are name-shaped
PERSON_FIELDS = ("addressee",)


@dataclass(frozen=True)
class Explained:
    """A note's explanation and, per field, the evidence (page and box) of each candidate in the same order."""

    explanation: Explanation
    evidence: dict[str, tuple[Evidence | None, ...]] = field(default_factory=dict)

    def candidate_evidence(self, name: str, rank: int) -> Evidence | None:
        """The evidence of the field's candidate at `rank` (0 = best), if it was read from lines."""
        found = self.evidence.get(name, ())
        return found[rank] if rank < len(found) else None


def personal_names(extraction: Extraction) -> tuple[str, ...]:
    """Every personal value the document gives: personal pairs, names in person fields, persons as addressee."""
    text = extraction.document.full_text
    names = [f.name(text) for f in person_fields(text)]
    people = [c.value for name in PERSON_FIELDS if name in extraction.results.fields
              for c in extraction.results.fields[name].candidates if isinstance(c.value, str) and is_person(c.value)]
    return tuple(dict.fromkeys([*extraction.personal, *names, *people]))


def explain_for_review(extraction: Extraction) -> Explained:
    """The explanation of an extraction, scrubbed as its note is, with the evidence of every candidate."""
    if not extraction.keep_personal_data:
        extraction = replace(extraction, personal=personal_names(extraction))
    explanation = explain(extraction)
    doc = extraction.document
    evidence: dict[str, tuple[Evidence | None, ...]] = {}
    for f in explanation.fields:
        result = extraction.results.fields.get(f.field)
        if result is None:
            continue
        ranked = sorted(result.candidates, key=lambda c: -c.score)
        if [(c.rule, c.score) for c in ranked] != [(v.rule, v.score) for v in f.candidates]:
            continue
        evidence[f.field] = tuple(
            doc.evidence(list(c.lines), v.text) if c.lines else None
            for c, v in zip(ranked, f.candidates))
    return Explained(explanation=explanation, evidence=evidence)
