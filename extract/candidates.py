"""Candidates: what a field extractor proposes, and the one step that chooses.

A field extractor does not write its value anywhere: it proposes candidates,
each a value with the lines it was read from, the name of the rule that found
it and a score between 0 and 1 (how sure that rule is, by the convention it
reads). The selection step of the field chooses the winner; the lines of the
winner are what the field consumed, and other fields that must not read them
again (a title is not the addressee's line) ask for them through `Inputs`.

Scores are comparable across the rules of one field. The usual scale:
0.95 a labelled value ("Datum", "Onderwerp"), 0.85 a value in the place a
convention reserves for it (the first line of an address block, the top line
of an e-mail header), 0.7 a typographic cue (the largest print on top), 0.5 a
fallback that is usually right, 0.3 a guess worth showing in `--explain`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from kenmerk.extract.layout import Line


@dataclass(frozen=True)
class Candidate:
    """One proposed value of a field, with where it came from and how sure its rule is."""

    value: Any
    rule: str
    score: float
    lines: tuple[Line, ...] = ()
    text: str | None = None
    """The evidence text when it is not the text of `lines` (a value cut from a longer line)."""
    why: str = ""
    """What the rule saw, for `--explain` ("label 'Ons kenmerk' in the colofon")."""

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise ValueError(f"candidate score {self.score} of rule {self.rule!r} is outside 0..1")

    def weaker(self, by: float, why: str) -> "Candidate":
        """The same candidate with its score lowered by `by` (not below 0), and the reason added."""
        reason = f"{self.why}; {why}" if self.why else why
        return Candidate(self.value, self.rule, max(0.0, round(self.score - by, 3)), self.lines, self.text, reason)


@dataclass(frozen=True)
class FieldResult:
    """The outcome of one field: every candidate, the winner (or none) and why it won."""

    field: str
    candidates: tuple[Candidate, ...]
    chosen: Candidate | None
    reason: str

    @property
    def value(self) -> Any:
        return self.chosen.value if self.chosen is not None else None

    @property
    def lines(self) -> tuple[Line, ...]:
        """The lines the chosen value was read from (none without a winner)."""
        return self.chosen.lines if self.chosen is not None else ()

    @property
    def consumed(self) -> frozenset[int]:
        """Indexes of the lines the chosen value was read from."""
        return frozenset(ln.index for ln in self.lines)

    @property
    def runners_up(self) -> tuple[Candidate, ...]:
        return tuple(c for c in self.candidates if c is not self.chosen)


Chooser = Callable[[Sequence[Candidate]], tuple[Candidate | None, str]]


def highest(candidates: Sequence[Candidate], *, floor: float = 0.0) -> tuple[Candidate | None, str]:
    """The candidate with the highest score; on a tie the one proposed first (rules are listed by priority).

    Candidates under `floor` are kept for `--explain` but never win.
    """
    if not candidates:
        return None, "no rule found a value"
    if all(c.score < floor for c in candidates):
        return None, f"no candidate reaches {floor:.2f}"
    best = max(enumerate(candidates), key=lambda pair: (pair[1].score, -pair[0]))[1]
    others = [c for c in candidates if c is not best and c.value != best.value]
    if not others:
        return best, f"only value found (rule {best.rule}, score {best.score:.2f})"
    second = max(others, key=lambda c: c.score)
    tie = " (a tie: the rule listed first wins)" if second.score == best.score else ""
    return best, (f"highest score: {best.rule} {best.score:.2f} over {second.rule} {second.score:.2f}{tie}")


def agreeing(candidates: Sequence[Candidate], *, bonus: float = 0.05) -> tuple[Candidate | None, str]:
    """Like `highest`, but a value that several rules found independently gains `bonus` per extra rule."""
    if not candidates:
        return None, "no rule found a value"
    support: dict[Any, set[str]] = {}
    for c in candidates:
        support.setdefault(_key(c.value), set()).add(c.rule)
    boosted = [c if len(support[_key(c.value)]) < 2 else
               Candidate(c.value, c.rule, min(1.0, round(c.score + bonus * (len(support[_key(c.value)]) - 1), 3)),
                         c.lines, c.text, f"{c.why}; also found by {len(support[_key(c.value)]) - 1} other rule(s)")
               for c in candidates]
    best, reason = highest(boosted)
    return (candidates[boosted.index(best)] if best is not None else None), reason


def _key(value: Any) -> Any:
    return " ".join(value.casefold().split()) if isinstance(value, str) else repr(value)


class Inputs(Mapping[str, FieldResult]):
    """The results of the fields an extractor declared it reads, and nothing else.

    `inputs.value("document_type")` is a winner's value; `inputs.consumed("addressee")`
    the lines it was read from. Asking for a field that was not declared is an error,
    so the declared inputs are the real ones.
    """

    def __init__(self, owner: str, results: Mapping[str, FieldResult], allowed: Iterable[str]) -> None:
        self._owner = owner
        self._results = results
        self._allowed = frozenset(allowed)

    def __getitem__(self, name: str) -> FieldResult:
        if name not in self._allowed:
            raise KeyError(f"field extractor {self._owner!r} reads {name!r} without declaring it")
        return self._results[name]

    def __iter__(self):
        return iter(sorted(self._allowed))

    def __len__(self) -> int:
        return len(self._allowed)

    def value(self, name: str) -> Any:
        return self[name].value

    def consumed(self, *names: str) -> frozenset[int]:
        """Indexes of the lines the winners of `names` were read from."""
        return frozenset().union(*(self[n].consumed for n in names))


@dataclass(frozen=True)
class FieldExtractor:
    """A registered field extractor: the Note field it decides, the fields it reads, its rules.

    `propose(doc, inputs)` returns the candidates of every rule; `choose` picks one
    (default: the highest score). `default` is the field's value when nothing wins.
    `scalar` fields keep the winner's evidence in `Note.evidence`; list and object
    fields carry evidence in their items.
    """

    field: str
    propose: Callable[..., list[Candidate]]
    reads: tuple[str, ...] = ()
    choose: Chooser = highest
    default: Any = None
    scalar: bool = True


@dataclass(frozen=True)
class Results:
    """Every field's result, in the order the fields ran."""

    fields: dict[str, FieldResult] = field(default_factory=dict)

    def value(self, name: str) -> Any:
        return self.fields[name].value
