"""Labels by their form."""
from kenmerk.extract.labels import match_label


def test_a_label_set_between_rules():
    m = match_label("-- Bijlagen --")
    assert m is not None and m.kind.role == "attachments" and m.rest == ""


def test_a_label_set_letter_spaced_before_its_value():
    m = match_label("O N S N U M M E R HM-2025-006241")
    assert m is not None and m.kind.role == "reference" and m.rest == "HM-2025-006241"
