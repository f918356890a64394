"""The explanation of a note as the review report shows it: scrubbed as the note, with each candidate's box.

    from kenmerk.output.review_explain import explain_for_review
    explained = explain_for_review(extraction)      # from kenmerk.extract.note.extract_layout
    explained.explanation                           # kenmerk.extract.explain.Explanation, best first
    explained.evidence["kenmerk"]                   # per candidate, in the same order: page and box, or None

`kenmerk.extract.explain.explain` gives every field's candidates with the page and
box they were read from (the first page, the union of the boxes there); the report
draws a runner-up's box on the page image from them.

Personal data: `explain` scrubs every value and text the way the note is scrubbed
(`Extraction.scrub`: the names of the document's person fields and of addressee
candidates that are people), so a runner-up never shows a name the note leaves out.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from kenmerk.extract import Evidence
from kenmerk.extract.explain import Explanation, explain
from kenmerk.extract.note import Extraction

__all__ = ["Explained", "explain_for_review", "explained_from"]


@dataclass(frozen=True)
class Explained:
    """A note's explanation and, per field, the evidence (page and box) of each candidate in the same order."""

    explanation: Explanation
    evidence: dict[str, tuple[Evidence | None, ...]] = field(default_factory=dict)

    def candidate_evidence(self, name: str, rank: int) -> Evidence | None:
        """The evidence of the field's candidate at `rank` (0 = best), if it was read from lines."""
        found = self.evidence.get(name, ())
        return found[rank] if rank < len(found) else None


def explained_from(explanation: Explanation) -> Explained:
    """An explanation (made in a batch worker, or read from the cache) with the evidence of every candidate."""
    evidence = {f.field: tuple(Evidence(page=v.page, bbox=v.bbox, text=v.text) if v.page is not None else None
                               for v in f.candidates) for f in explanation.fields}
    return Explained(explanation=explanation, evidence=evidence)


def explain_for_review(extraction: Extraction) -> Explained:
    """The explanation of an extraction, scrubbed as its note is, with the evidence of every candidate."""
    return explained_from(explain(extraction))
