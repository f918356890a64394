"""Header tables (`kenmerk.extract.header_table`): a row of labels with the values under them, paired by column.

A made-up letter of a province to a municipality prints its metadata as such a table under
the address block, instead of a colofon column.
"""
from __future__ import annotations

import datetime as dt

from builders import layout, pdf_note

from kenmerk.extract.header_table import MAX_VALUE_ROWS, header_tables

LETTERHEAD = [
    ("Provincie Zeeland", 70, 800, 12, True),
    ("Gemeente Zilverdam", 70, 700, 10), ("T.a.v. het college van burgemeester en wethouders", 70, 688, 10),
    ("Postbus 5", 70, 676, 10), ("9999 BB Zilverdam", 70, 664, 10),
]
LABELS = [("Datum", 70, 600, 7), ("Kenmerk", 150, 600, 7), ("Zaaknummer", 260, 600, 7), ("Pagina", 340, 600, 7),
          ("Bijlagen", 390, 600, 7), ("Uw kenmerk", 450, 600, 7)]
VALUES = [("12.04.2023", 70, 588, 9), ("Z2023-04-000417", 150, 588, 9), ("2023-031337", 260, 588, 9),
          ("1 van 2", 340, 588, 9), ("ZD-2023-88", 450, 588, 9)]
SECOND_VALUE = [("Doc 7001234", 150, 577, 9)]  # the document system's number under the kenmerk
BODY = [("Geacht college,", 70, 540, 10), ("In uw brief vraagt u om een bijdrage voor de waterbussen.", 70, 526, 10)]


def cells(*lines: tuple) -> dict[str, list[str]]:
    """label → value texts of the page's one header table."""
    (table,) = header_tables(layout(list(lines)).pages[0])
    return {cell.label_line.text: [v.text for v in cell.values] for cell in table}


def test_values_under_a_row_of_labels_are_paired_by_column():
    table = cells(*LETTERHEAD, *LABELS, *VALUES, *BODY)
    assert table == {"Datum": ["12.04.2023"], "Kenmerk": ["Z2023-04-000417"], "Zaaknummer": ["2023-031337"],
                     "Pagina": ["1 van 2"], "Bijlagen": [], "Uw kenmerk": ["ZD-2023-88"]}  # "Pagina": a page count


def test_each_cell_knows_its_label_role():
    (table,) = header_tables(layout(LETTERHEAD + LABELS + VALUES).pages[0])
    assert [c.label.kind.role for c in table] == ["date", "reference", "case_number", "page", "attachments",
                                                "their_reference"]


def test_two_values_in_one_cell_stay_in_their_column_top_to_bottom():
    table = cells(*LETTERHEAD, *LABELS, *VALUES, *SECOND_VALUE, *BODY)
    assert table["Kenmerk"] == ["Z2023-04-000417", "Doc 7001234"]
    assert table["Datum"] == ["12.04.2023"]


def test_an_empty_cell_is_a_label_without_a_value():
    assert cells(*LABELS, *VALUES)["Bijlagen"] == []


def test_the_note_reads_its_fields_from_the_header_table():
    n = pdf_note(LETTERHEAD + LABELS + VALUES + SECOND_VALUE + BODY)
    assert n.date == dt.date(2023, 4, 12)
    assert n.kenmerk == "Z2023-04-000417"  # two values in the cell: the first is the kenmerk
    assert [(i.scheme.value, i.value) for i in n.identifiers] == [
        ("kenmerk", "Z2023-04-000417"), ("zaaknummer", "2023-031337"), ("uw_kenmerk", "ZD-2023-88")]
    assert n.attachments == []  # "Bijlagen" over an empty cell: none
    assert n.addressee == "Gemeente Zilverdam"


def test_a_data_table_under_column_headers_is_not_a_header_table():
    headers = [("Nr.", 70, 700, 8), ("Datum", 110, 700, 8), ("Kenmerk", 200, 700, 8), ("Onderwerp", 300, 700, 8)]
    rows = [cell for k in range(MAX_VALUE_ROWS + 2)
            for cell in ((str(k + 1), 70, 688 - 12 * k, 8), (f"{k + 3}-4-2023", 110, 688 - 12 * k, 8),
                         (f"WB-2023-{k + 10}", 200, 688 - 12 * k, 8), (f"Vaarschema lijn {k + 1}", 300, 688 - 12 * k, 8))]
    assert header_tables(layout(headers + rows).pages[0]) == []
    assert len(header_tables(layout(headers + rows[:4 * MAX_VALUE_ROWS]).pages[0])) == 1  # as few rows as a header


def test_labels_with_colons_are_not_a_header_row():
    labels = [("Datum:", 70, 600, 7), ("Kenmerk:", 150, 600, 7), ("Zaaknummer:", 260, 600, 7)]
    values = [("12.04.2023", 70, 588, 9), ("Z2023-04-000417", 150, 588, 9), ("2023-031337", 260, 588, 9)]
    assert header_tables(layout(labels + values).pages[0]) == []


def test_a_row_of_mostly_other_text_is_not_a_header_row():
    row = [("Datum", 70, 600, 7), ("Kenmerk", 150, 600, 7), ("Waterbussen", 260, 600, 7), ("Veerdiensten", 340, 600, 7),
           ("Steigers", 420, 600, 7)]
    assert header_tables(layout(row + VALUES[:3]).pages[0]) == []


def test_labels_in_different_type_are_not_one_header_row():
    mixed = [("Datum", 70, 600, 7), ("Kenmerk", 150, 600, 7, True), ("Zaaknummer", 260, 600, 9)]
    assert header_tables(layout(mixed + VALUES[:3]).pages[0]) == []
