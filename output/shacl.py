"""Check note graphs against the shipped SHACL shapes (`vocab/shapes.ttl`) with pySHACL.

    report = validate_graph(note_graph(note))
    if not report.conforms:
        for r in report.results: print(r.line())

Warnings (a note without date, publisher or language) are reported but do not
make a graph non-conforming.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from rdflib import Graph, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from kenmerk.vocab import KMK, SHAPES, vocab_file


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    """The shipped shapes, parsed once."""
    return Graph().parse(vocab_file(SHAPES), format="turtle")


@dataclass(frozen=True)
class ShapeResult:
    """One SHACL result in words: which note, which field, what is wrong."""

    severity: str  # "Violation", "Warning" or "Info"
    note: str | None
    focus: str
    field: str
    path: str
    message: str
    value: str | None

    def line(self) -> str:
        where = f"note <{self.note}>" if self.note else f"<{self.focus}>"
        if self.note and self.focus != self.note:
            where += f" at <{self.focus}>"
        value = f" (value: {self.value})" if self.value is not None else ""
        return f"{self.severity.lower()}: {where}: {self.field} [{self.path}]: {self.message}{value}"


@dataclass(frozen=True)
class ShapeReport:
    conforms: bool
    results: tuple[ShapeResult, ...]

    @property
    def violations(self) -> tuple[ShapeResult, ...]:
        return tuple(r for r in self.results if r.severity == "Violation")


def _short(graph: Graph, term: Node) -> str:
    try:
        return graph.namespace_manager.normalizeUri(term) if isinstance(term, URIRef) else str(term)
    except Exception:
        return str(term)


def _owner(focus: str, notes: list[str], data: Graph) -> str | None:
    if focus in notes:
        return focus
    inside = [n for n in notes if focus.startswith(n + "/")]
    if inside:
        return max(inside, key=len)
    for s in data.subjects(None, URIRef(focus)):
        if str(s) in notes:
            return str(s)
    return None


def validate_graph(data: Graph) -> ShapeReport:
    """Validate `data` against the shipped shapes; results sorted by note, field and message."""
    from pyshacl import validate

    conforms, results_graph, _ = validate(data, shacl_graph=shapes_graph(), allow_warnings=True,
                                          inference="none", advanced=False)
    notes = sorted(str(n) for n in data.subjects(RDF.type, KMK.Note))
    shapes = shapes_graph()
    found = []
    for result in results_graph.subjects(RDF.type, SH.ValidationResult):
        focus = str(results_graph.value(result, SH.focusNode))
        path = results_graph.value(result, SH.resultPath)
        source = results_graph.value(result, SH.sourceShape)
        name = shapes.value(source, SH.name) if source is not None else None
        message = results_graph.value(result, SH.resultMessage)
        value = results_graph.value(result, SH.value)
        severity = str(results_graph.value(result, SH.resultSeverity) or SH.Violation).rsplit("#", 1)[-1]
        found.append(ShapeResult(
            severity=severity,
            note=_owner(focus, notes, data),
            focus=focus,
            field=str(name) if name is not None else (_short(data, path) if path is not None else "node"),
            path=_short(data, path) if path is not None else "",
            message=str(message) if message is not None else "does not conform",
            value=None if value is None else (value.n3() if hasattr(value, "n3") else str(value)),
        ))
    found.sort(key=lambda r: (r.severity != "Violation", r.note or "", r.field, r.message, r.focus))
    return ShapeReport(bool(conforms), tuple(found))
