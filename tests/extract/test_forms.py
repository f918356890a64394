"""Forms: the aanbiedingsformulier of the ministerraad and its committees.

A form has a column of labels on the left, each required one marked with an asterisk
("Titel *"), and the values in a column to the right; the proposed decision is a ticked
option ("Anders, namelijk") followed by the wording, beside the next label ("Eigen formulering").
The form below is made up (its committee, minister, title and dates); only its layout is the convention.
"""
from __future__ import annotations

import datetime as dt

from builders import pdf_note

from kenmerk.extract.headings import match_heading
from kenmerk.extract.labels import match_label

FORM = [
    ("Aanbiedingsformulier voor de Stuurgroep Hoogwater", 200, 740, 12, True),
    ("Van *", 86, 616), ("Minister van Infrastructuur en Waterstaat", 201, 617),
    ("Type voorstel *", 86, 542), ("Notitie", 201, 541),
    ("Titel en inhoud", 200, 516, 10, True),
    ("Notitie rolverdeling bij hoogwater op het Kwartelmeer", 204, 500),
    ("Titel *", 86, 498),
    ("Inhoud en doelstelling van het", 86, 456), ("voorstel *", 86, 449),
    ("Deze notitie legt de taken van waterschap en gemeente bij hoogwater vast.", 204, 457),
    ("Voorgesteld besluit *", 86, 297),
    ("Anders, namelijk", 201, 294),
    ("Instemmen met de rolverdeling in de notitie.", 204, 277),
    ("Eigen formulering", 86, 275),
    ("Behandeling", 201, 215, 10, True),
    ("Datum aanbieding *", 86, 202), ("27-03-2023", 202, 202),
    ("Kenmerk *", 86, 187), ("nvt", 204, 186),
]


def test_an_asterisk_marks_a_form_label_like_a_colon():
    assert match_label("Titel *").kind.role == "subject"  # "Titel" alone is a column header
    assert match_label("Titel") is None
    assert match_label("Kenmerk *").kind.role == "reference"
    m = match_label("Datum aanbieding *")
    assert (m.kind.role, m.rest) == ("date", "")
    assert match_label("Mede namens 1 *") is None


def test_an_asterisk_after_a_heading_is_not_part_of_it():
    h = match_heading("Voorgesteld besluit *")
    assert (h.role, h.text) == ("decision", "Voorgesteld besluit")


def test_a_form_reads_title_date_and_decision_from_the_value_column():
    n = pdf_note(FORM)
    assert n.title == "Notitie rolverdeling bij hoogwater op het Kwartelmeer"
    assert n.date == dt.date(2023, 3, 27)
    assert n.kenmerk is None  # "nvt"
    assert n.recommended_decision.text == "Instemmen met de rolverdeling in de notitie."
    assert n.recommended_decision.evidence.page == 1
