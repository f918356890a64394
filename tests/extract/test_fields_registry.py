"""The registry of field extractors (`kenmerk.extract.fields`) and the candidates they propose
(`kenmerk.extract.candidates`): the order follows the declared reads, undeclared reads are refused,
one selection step chooses."""
from __future__ import annotations

import pytest

from kenmerk.extract.candidates import Candidate, FieldExtractor, FieldResult, Inputs, agreeing, highest
from kenmerk.extract.context import Document
from kenmerk.extract.fields import FIELDS, ORDER, ordered, run_fields
from kenmerk.extract.layout import Line
from kenmerk.extract.text import read_text


def line(index: int, text: str = "x") -> Line:
    return Line(text=text, page=1, index=index)


def nothing(doc, inputs) -> list[Candidate]:
    return []


def field(name: str, *reads: str, propose=nothing) -> FieldExtractor:
    return FieldExtractor(name, propose, reads=reads)


# --- the order ------------------------------------------------------------------------


def test_every_registered_extractor_runs_after_the_fields_it_reads():
    seen: set[str] = set()
    for extractor in ORDER:
        assert set(extractor.reads) <= seen, f"{extractor.field} reads {set(extractor.reads) - seen} before they run"
        seen.add(extractor.field)
    assert seen == {e.field for e in FIELDS}


def test_order_follows_the_reads_not_the_listing():
    title, addressee, doctype = field("title", "addressee"), field("addressee", "document_type"), field("document_type")
    assert [e.field for e in ordered((title, addressee, doctype))] == ["document_type", "addressee", "title"]


def test_a_cycle_is_refused_at_once_naming_the_fields():
    with pytest.raises(ValueError, match="cycle") as info:
        ordered((field("title", "addressee"), field("addressee", "title"), field("date")))
    assert "title" in str(info.value) and "addressee" in str(info.value)


def test_a_read_nobody_decides_is_refused_at_once():
    with pytest.raises(ValueError) as info:
        ordered((field("title", "addressee", "subject_line"), field("addressee")))
    assert str(info.value) == "field extractor 'title' reads ['subject_line'], which no extractor decides"


def test_two_extractors_for_one_field_are_refused():
    with pytest.raises(ValueError, match="same field"):
        ordered((field("title"), field("title")))


def test_run_fields_gives_each_extractor_the_results_it_declared():
    seen = {}

    def propose_a(doc, inputs):
        return [Candidate("A", "rule-a", 0.9, lines=(doc.lines[0],))]

    def propose_b(doc, inputs):
        seen["value"] = inputs.value("a")
        seen["consumed"] = inputs.consumed("a")
        seen["declared"] = list(inputs)
        return [Candidate("B", "rule-b", 0.5)]

    doc = Document(read_text("Memo\nOnderwerp: Dienstregeling waterbussen\n"))
    results = run_fields(doc, ordered((field("b", "a", propose=propose_b), field("a", propose=propose_a))))
    assert list(results.fields) == ["a", "b"]
    assert seen == {"value": "A", "consumed": frozenset({0}), "declared": ["a"]}
    assert results.value("b") == "B"


# --- Inputs ----------------------------------------------------------------------------


def _result(name: str, value, *indexes: int) -> FieldResult:
    chosen = Candidate(value, "rule", 0.9, lines=tuple(line(i) for i in indexes))
    return FieldResult(name, (chosen,), chosen, "only value found")


def test_inputs_refuse_a_field_not_declared():
    results = {"addressee": _result("addressee", "Stuurgroep Waterbussen", 2),
               "kenmerk": _result("kenmerk", "WB-2023-17", 5)}
    inputs = Inputs("title", results, ("addressee",))
    assert inputs.value("addressee") == "Stuurgroep Waterbussen"
    with pytest.raises(KeyError, match="field extractor 'title' reads 'kenmerk' without declaring it"):
        inputs.value("kenmerk")
    with pytest.raises(KeyError):
        inputs.consumed("addressee", "kenmerk")
    assert list(inputs) == ["addressee"] and len(inputs) == 1


def test_inputs_consumed_is_the_union_of_the_winners_lines():
    results = {"addressee": _result("addressee", "Gemeente Zilverdam", 2, 3), "title": _result("title", "Proef", 7)}
    assert Inputs("organisation", results, ("addressee", "title")).consumed("addressee", "title") == {2, 3, 7}


# --- candidates and the selection step --------------------------------------------------


def test_highest_score_wins():
    low, high = Candidate("a", "fallback", 0.5), Candidate("b", "label", 0.95)
    chosen, reason = highest([low, high])
    assert chosen is high
    assert reason == "highest score: label 0.95 over fallback 0.50"


def test_on_a_tie_the_rule_listed_first_wins_and_says_so():
    first, second = Candidate("a", "label", 0.9), Candidate("b", "aan-line", 0.9)
    chosen, reason = highest([first, second])
    assert chosen is first
    assert "a tie" in reason


def test_one_value_found_by_several_rules_is_no_contest():
    chosen, reason = highest([Candidate("a", "label", 0.9), Candidate("a", "aan-line", 0.85)])
    assert chosen.rule == "label" and reason.startswith("only value found")


def test_candidates_under_the_floor_never_win():
    weak = Candidate("a", "guess", 0.3)
    assert highest([weak], floor=0.5) == (None, "no candidate reaches 0.50")
    strong = Candidate("b", "label", 0.6)
    assert highest([weak, strong], floor=0.5)[0] is strong
    assert highest([]) == (None, "no rule found a value")


def test_agreeing_rules_lift_a_value_over_a_single_stronger_one():
    alone = Candidate("Provincie Zeeland", "printed", 0.6)
    twice = [Candidate("Gemeente Zilverdam", "signature", 0.58), Candidate("gemeente  zilverdam", "address", 0.55)]
    assert highest([alone, *twice])[0] is alone
    chosen, _ = agreeing([alone, *twice])
    assert chosen is twice[0]


def test_a_score_outside_zero_to_one_is_refused():
    with pytest.raises(ValueError, match="outside 0..1"):
        Candidate("a", "label", 1.2)


def test_weaker_lowers_the_score_but_not_below_zero_and_keeps_the_reason():
    c = Candidate("a", "label", 0.3, why="label 'Datum'")
    weaker = c.weaker(0.5, "a time of day")
    assert weaker.score == 0.0 and weaker.why == "label 'Datum'; a time of day"
    assert c.score == 0.3  # candidates are values


def test_field_result_consumed_is_the_winners_lines_only():
    winner = Candidate("Dienstregeling waterbussen", "label", 0.95, lines=(line(4), line(5)))
    other = Candidate("Memo", "designation", 0.5, lines=(line(0),))
    result = FieldResult("title", (other, winner), winner, "highest score")
    assert result.consumed == {4, 5}
    assert result.runners_up == (other,)
    assert result.value == "Dienstregeling waterbussen"
    nobody = FieldResult("title", (other,), None, "no candidate reaches 0.60")
    assert nobody.consumed == frozenset() and nobody.value is None
