"""Line geometry (`kenmerk.extract.geometry`): rows, columns, beside and below, reading order, with named tolerances.

Boxes are in PDF points, origin bottom-left: a larger `y1` is higher on the page.
"""
from __future__ import annotations

import pytest

from kenmerk.extract import geometry
from kenmerk.extract.geometry import DEFAULT, Tolerances
from kenmerk.extract.layout import Line


def box(x0: float, top: float, x1: float | None = None, height: float = 9.0, page: int = 1, text: str = "x") -> Line:
    """A line whose top is at `top` (y1) and whose box is `height` high."""
    return Line(text=text, page=page, x0=x0, y0=top - height, x1=x0 + 60 if x1 is None else x1, y1=top, has_box=True)


def unboxed(text: str = "x") -> Line:
    return Line(text=text, page=1)


# --- same_row -------------------------------------------------------------------------


def test_tops_within_the_row_tolerance_share_a_row():
    label, value = box(70, 700), box(140, 700 - DEFAULT.row)
    assert geometry.same_row(label, value)
    assert geometry.same_row(label, value, strict=True)


def test_tops_further_apart_share_a_row_only_when_one_middle_lies_inside_the_other():
    tall = box(70, 700, height=20)  # a two-line cell: 680..700
    short = box(140, 692)  # 683..692, its middle (687.5) inside the tall box
    assert abs(tall.y1 - short.y1) > DEFAULT.row
    assert geometry.same_row(short, tall)
    assert not geometry.same_row(short, tall, strict=True)


def test_lines_one_under_the_other_do_not_share_a_row():
    assert not geometry.same_row(box(70, 700), box(70, 688))


def test_a_wider_row_tolerance_is_named_not_written_in():
    a, b = box(70, 700), box(140, 695)
    assert not geometry.same_row(a, b, strict=True)
    assert geometry.same_row(a, b, Tolerances(row=6.0), strict=True)


def test_lines_on_other_pages_or_without_boxes_share_no_row():
    assert not geometry.same_row(box(70, 700), box(140, 700, page=2))
    assert not geometry.same_row(box(70, 700), unboxed())
    assert not geometry.same_row(unboxed(), unboxed())


# --- beside -------------------------------------------------------------------------------


def test_a_value_right_of_its_label_on_the_row_is_beside_it():
    label = box(70, 600, x1=105, text="Betreft")
    assert geometry.beside(label, box(130, 600, text="Dienstregeling waterbussen"))
    assert geometry.beside(label, box(104.5, 600))  # touching: a point of overlap is allowed


def test_a_line_left_of_the_label_or_on_another_row_is_not_beside_it():
    label = box(130, 600, x1=170)
    assert not geometry.beside(label, box(70, 600))
    assert not geometry.beside(label, box(180, 585))


def test_beside_reaches_as_far_as_its_tolerance():
    label = box(70, 600, x1=100)
    far = box(100 + DEFAULT.beside + 10, 600)
    assert not geometry.beside(label, far)
    assert geometry.beside(label, far, Tolerances(beside=DEFAULT.beside + 20))


# --- below and vertical gaps ----------------------------------------------------------------


def test_a_line_under_another_within_the_gap_is_below_it():
    upper, lower = box(466, 700), box(466, 689)  # 691..700 over 680..689: 2 pt of white between
    assert geometry.vertical_gap(upper, lower) == pytest.approx(2.0)
    assert geometry.below(upper, lower, max_gap=5)
    assert not geometry.below(upper, lower, max_gap=1)


def test_below_needs_a_lower_top_and_the_same_page():
    upper = box(466, 700)
    assert not geometry.below(upper, box(466, 700), max_gap=50)  # same top: a row, not below
    assert not geometry.below(upper, box(466, 720), max_gap=50)  # above
    assert not geometry.below(upper, box(466, 689, page=2), max_gap=50)
    assert not geometry.below(upper, unboxed(), max_gap=50)


def test_overlapping_boxes_have_a_negative_gap():
    assert geometry.vertical_gap(box(70, 700, height=12), box(70, 695)) < 0


# --- columns and alignment ------------------------------------------------------------------


def test_aligned_lines_start_within_the_aligned_tolerance():
    first = box(70, 700)
    assert geometry.aligned(first, box(70 + DEFAULT.aligned, 688))
    assert not geometry.aligned(first, box(70 + DEFAULT.aligned + 1, 688))
    assert geometry.aligned(first, box(75, 688), Tolerances(aligned=5.0))


def test_same_column_is_looser_than_aligned_and_takes_a_slack():
    first = box(466, 700)
    nearby = box(466 + DEFAULT.column - 1, 688)
    assert geometry.same_column(first, nearby) and not geometry.aligned(first, nearby)
    assert not geometry.same_column(first, box(466 + DEFAULT.column + 1, 688))
    assert geometry.same_column(first, box(500, 688), slack=40)
    assert not geometry.same_column(first, unboxed())


def test_overlaps_x_for_a_cell_under_its_column_header():
    header = box(157, 184, x1=190)
    assert geometry.overlaps_x(header, box(150, 170, x1=160))
    assert not geometry.overlaps_x(header, box(200, 170, x1=260))


# --- rows and reading order -----------------------------------------------------------------


def test_rows_group_lines_top_to_bottom_each_left_to_right():
    cells = [box(300, 686, text="Deels openbaar"), box(70, 686, text="1"), box(110, 685, text="15-3-2023"),
             box(70, 700, text="Nr."), box(110, 700, text="Datum"), box(70, 672, page=2, text="vervolg"),
             unboxed("tekst zonder box")]
    assert [[ln.text for ln in row] for row in geometry.rows(cells)] == [
        ["Nr.", "Datum"], ["1", "15-3-2023", "Deels openbaar"], ["vervolg"]]


def test_rows_follow_the_row_tolerance_and_strictness():
    tall = box(70, 700, height=20, text="cel over twee regels")
    low = box(200, 692, text="waarde")
    assert len(geometry.rows([tall, low])) == 1
    assert len(geometry.rows([tall, low], strict=True)) == 2
    assert len(geometry.rows([tall, low], Tolerances(row=10.0), strict=True)) == 1


def test_reading_key_reads_bands_top_to_bottom_and_each_band_left_to_right():
    right_a_hair_higher = box(300, 700.9, text="rechts")
    left = box(70, 700, text="links")
    below = box(70, 680, text="onder")
    ordered = sorted([below, right_a_hair_higher, left], key=geometry.reading_key)
    assert [ln.text for ln in ordered] == ["links", "rechts", "onder"]
    # with a narrower band the higher line reads first
    narrow = Tolerances(reading_row=0.5)
    ordered = sorted([below, right_a_hair_higher, left], key=lambda ln: geometry.reading_key(ln, narrow))
    assert [ln.text for ln in ordered] == ["rechts", "links", "onder"]


def test_union_and_height():
    a, b = box(70, 700, x1=200), box(90, 680, x1=260, height=12)
    assert geometry.union([a, unboxed(), b]) == (70, 668, 260, 700)
    assert geometry.union([unboxed()]) is None
    assert geometry.height(b) == 12 and geometry.height(unboxed()) == 0.0


def test_tolerances_have_names_and_defaults():
    assert DEFAULT == Tolerances()
    assert DEFAULT.row > DEFAULT.reading_row
    assert DEFAULT.column > DEFAULT.aligned
    with pytest.raises(AttributeError):
        DEFAULT.row = 10.0  # frozen: one place to tune, the same for every extractor
