"""Evaluation: accuracy per field of extracted notes against hand-made gold files.

A gold file `NAME.gold.json` describes the document `NAME.pdf` (or `.txt`,
`.md`) with the fields of the annotation guide; only the fields present in a
gold file are scored, and `null`/`[]` there means "the document has none".
Matching: type, kenmerk (spaces and case ignored) and date exactly; title,
addressee and recommended decision by string similarity; attachments by count
and one-to-one title similarity; Woo grounds as a set of canonical codes.
"""
from __future__ import annotations

import json
import re
import unicodedata
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field, computed_field

from kenmerk.extract.woo_codes import canonical_ground

FIELDS = ("document_type", "title", "kenmerk", "date", "addressee", "recommended_decision", "attachments", "woo_grounds")
SIMILARITY = {"title": 0.90, "addressee": 0.85, "recommended_decision": 0.85}
ATTACHMENT_SIMILARITY = 0.80


def fold(text: Any) -> str:
    """Case- and white-space-folded text for comparison."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFC", str(text)).casefold()
    return re.sub(r"[\s\u00a0]+", " ", text).strip(" .;:,")


def similarity(a: Any, b: Any) -> float:
    a, b = fold(a), fold(b)
    if not a and not b:
        return 1.0
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _value(obj: dict, name: str) -> Any:
    value = obj.get(name)
    if name == "recommended_decision" and isinstance(value, dict):
        return value.get("text")
    if name == "attachments":
        return [a.get("title") if isinstance(a, dict) else a for a in (value or [])]
    if name == "woo_grounds":
        return sorted({canonical_ground(v["code"] if isinstance(v, dict) else str(v)) for v in (value or [])})
    return value


def _empty(value: Any) -> bool:
    return value in (None, "", [], {})


def field_matches(name: str, gold: Any, pred: Any) -> bool:
    """Whether a predicted value matches the gold value of field `name`."""
    if _empty(gold):
        return _empty(pred)
    if _empty(pred):
        return False
    if name == "kenmerk":
        return fold(gold).replace(" ", "") == fold(pred).replace(" ", "")
    if name in SIMILARITY:
        return similarity(gold, pred) >= SIMILARITY[name]
    if name == "attachments":
        if len(gold) != len(pred):
            return False
        left = [p for p in pred if p]
        for title in (g for g in gold if g):
            best = max(range(len(left)), key=lambda i: similarity(title, left[i]), default=None)
            if best is None or similarity(title, left[best]) < ATTACHMENT_SIMILARITY:
                return False
            left.pop(best)
        return True
    if name == "document_type":
        return fold(gold) == fold(pred)
    return str(gold) == str(pred)


class Miss(BaseModel):
    """A field that did not match: the document, the field, the gold value and what was extracted."""

    document: str
    field: str
    expected: Any = None
    got: Any = None
    extracted: bool = Field(True, description="false when the document failed to extract")

    def line(self) -> str:
        got = repr(self.got) if self.extracted else "not extracted"
        return f"{self.document}  {self.field}: expected {self.expected!r}, got {got}"


class FieldScore(BaseModel):
    """Matches of one field over the documents whose gold has it."""

    right: int = 0
    total: int = 0

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form; mypy does not read decorated properties
    @property
    def accuracy(self) -> float | None:
        return self.right / self.total if self.total else None


class Report(BaseModel):
    """Per-field counts and the misses, for `kenmerk eval` (its `--json` is this model)."""

    documents: int = 0
    fields: dict[str, FieldScore] = Field(default_factory=lambda: {f: FieldScore() for f in FIELDS})
    misses: list[Miss] = Field(default_factory=list)

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented form; mypy does not read decorated properties
    @property
    def overall(self) -> float:
        total = sum(s.total for s in self.fields.values())
        return sum(s.right for s in self.fields.values()) / total if total else 0.0

    @property
    def right(self) -> dict[str, int]:
        return {name: s.right for name, s in self.fields.items()}

    @property
    def total(self) -> dict[str, int]:
        return {name: s.total for name, s in self.fields.items()}

    def add(self, doc: str, gold: dict, pred: dict | None) -> None:
        self.documents += 1
        for name in FIELDS:
            if name not in gold:
                continue
            g, p = _value(gold, name), _value(pred or {}, name)
            score = self.fields[name]
            score.total += 1
            if pred is not None and field_matches(name, g, p):
                score.right += 1
            else:
                self.misses.append(Miss(document=doc, field=name, expected=g, got=p, extracted=pred is not None))

    def table(self) -> str:
        rows = [f"{n:22s} {s.right:4d}/{s.total:<4d} {s.right / s.total:6.1%}"
                for n, s in self.fields.items() if s.total]
        total = sum(s.total for s in self.fields.values())
        rows.append(f"overall accuracy {self.overall:.3f} ({sum(s.right for s in self.fields.values())}/{total} fields)")
        return "\n".join(rows)


def load_gold(gold_dir: Path) -> dict[str, dict]:
    """Gold annotations by document stem."""
    return {p.name[: -len(".gold.json")]: json.loads(p.read_text(encoding="utf-8"))
            for p in sorted(Path(gold_dir).glob("*.gold.json"))}
