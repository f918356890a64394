"""Colofon and header labels (`kenmerk.extract.labels`) and their label/value pairs
(`kenmerk.extract.colofon`): in text conversions by line order, in PDFs by position.

Values (kenmerken, subjects, units, codes) are made up; the labels and layouts are the conventions.
"""
from __future__ import annotations

import pytest
from builders import layout

from kenmerk.extract import Layout
from kenmerk.extract.colofon import colofon_left, read_pairs
from kenmerk.extract.context import Document
from kenmerk.extract.labels import DESIGNATION, STAGE, match_label
from kenmerk.extract.text import read_text

COLOFON_X = 466.0  # the colofon column of a Rijksoverheid note on an A4 page (595 pt wide)


def text_pairs(text: str) -> list[tuple[str, str, list[str]]]:
    """(role, label, value texts) of every pair of a text conversion."""
    return [(p.role, p.label, p.texts) for p in read_pairs(read_text(text))]


def pdf_pairs(lay: Layout) -> list[tuple[str, str, list[str], bool, int]]:
    return [(p.role, p.label, p.texts, p.in_colofon, p.label_line.page) for p in Document(lay).pairs]


# --- labels ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line, role",
    [
        ("Ons kenmerk", "reference"),
        ("Onze referentie", "reference"),
        ("Kenmerk", "reference"),
        ("Referentie", "reference"),
        ("Ons nummer", "reference"),
        ("Uw kenmerk", "their_reference"),
        ("Uw referentie", "their_reference"),
        ("Uw brief van", "their_reference"),
        ("Zaaknummer", "case_number"),
        ("Registratienummer", "registration_number"),
        ("Datum", "date"),
        ("Datum college", "date"),  # the college's decision dates the paper it sends, as "Datum GS-besluit"
        ("Datum collegebesluit", "date"),
        ("Datum raad", "event_date"),
        ("Beslistermijn", "deadline"),
        ("Datum vergadering", "meeting_date"),
        ("Vergaderdatum", "meeting_date"),
        ("Publicatiedatum", "publication_date"),
        ("Onderwerp", "subject"),
        ("Betreft", "subject"),
        ("Aan", "addressee"),
        ("Van", "sender"),
        ("Kopie aan", "copy_to"),
        ("Bijlage(n)", "attachments"),
        ("Bijlagen", "attachments"),
        ("Aantal bijlagen", "attachments"),
        ("Inlichtingen bij", "author"),
        ("Opgesteld door", "author"),
        ("Telefoon", "phone"),
        ("Aanwezig", "present"),
    ],
)
def test_label_synonyms_map_to_their_role(line, role):
    m = match_label(line)
    assert m is not None, line
    assert m.kind.role == role
    assert m.label == line
    assert m.rest == ""


def test_uw_kenmerk_is_their_reference_not_ours():
    m = match_label("Uw kenmerk 2023-55501")
    assert (m.kind.role, m.label, m.rest) == ("their_reference", "Uw kenmerk", "2023-55501")


@pytest.mark.parametrize(
    "line, role, label, rest",
    [
        ("Ons kenmerk 7001234", "reference", "Ons kenmerk", "7001234"),
        ("Kenmerk: DGKV / 90817263", "reference", "Kenmerk", "DGKV / 90817263"),
        ("Datum: 16 januari 2025", "date", "Datum", "16 januari 2025"),
        ("Datum 16 januari 2025", "date", "Datum", "16 januari 2025"),
        ("Beslistermijn 19-12-2022", "deadline", "Beslistermijn", "19-12-2022"),
        ("Aan: MSZW", "addressee", "Aan", "MSZW"),
        ("Betreft: Verlenging van de proef met nachtbussen", "subject", "Betreft",
         "Verlenging van de proef met nachtbussen"),
        ("Ref.: 23.117/KP/FV", "registration_number", "Ref.", "23.117/KP/FV"),
        ("cc: DGRB", "copy_to", "cc", "DGRB"),
    ],
)
def test_value_on_the_label_line(line, role, label, rest):
    m = match_label(line)
    assert (m.kind.role, m.label, m.rest) == (role, label, rest)


@pytest.mark.parametrize(
    "line",
    [
        "Aan Bureau Wetgeving is gevraagd of de verordening standhoudt.",
        "Van der Proef heeft namens het waterschap gebeld.",
        "Voor de zekerheid is de planning bijgevoegd.",
        "Bijlage bij de brief is het rapport over de waterbussen.",
        "T.a.v. de heer K.L. Proefmans",
        "Termijnen van de subsidie lopen af.",
    ],
)
def test_sentences_are_not_labels(line):
    assert match_label(line) is None


def test_aan_with_colon_is_a_label():
    m = match_label("Aan: MSZW")
    assert m.kind.role == "addressee" and m.colon


def test_t_before_a_number_is_a_phone_label_but_tav_is_not():
    m = match_label("T +31 6")
    assert (m.kind.role, m.label, m.rest) == ("phone", "T", "+31 6")
    assert match_label("T.a.v. Directie Waterbeheer") is None


@pytest.mark.parametrize("line", ["TER BESLISSING", "ter informatie", "Ter ondertekening", "VOOR AKKOORD"])
def test_stage_lines(line):
    assert STAGE.match(line)


@pytest.mark.parametrize("line", ["Nota", "nota", "Beslisnota", "Memo", "GS-nota", "Notitie:"])
def test_designation_lines(line):
    assert DESIGNATION.match(line)


def test_designation_with_title_is_not_a_bare_designation():
    assert not DESIGNATION.match("Beslisnota bij Kamerbrief over schoolzwemmen")


# --- pairs in text conversions ------------------------------------------------------


def test_aan_van_run_pairs_values_in_order_skipping_the_stage():
    pairs = text_pairs("Aan\nVan\nMSZW\nTER BESLISSING\nDGKV\nDatum\n12 februari 2024\n")
    assert pairs == [
        ("addressee", "Aan", ["MSZW"]),
        ("sender", "Van", ["DGKV"]),
        ("date", "Datum", ["12 februari 2024"]),
    ]


def test_value_under_label_until_next_label():
    pairs = text_pairs("Onderwerp\nStand van zaken onderhoud\nKwartelbrug\nDatum\n14 maart 2024\n")
    assert pairs == [
        ("subject", "Onderwerp", ["Stand van zaken onderhoud", "Kwartelbrug"]),
        ("date", "Datum", ["14 maart 2024"]),
    ]


def test_value_stops_at_a_blank_line():
    pairs = text_pairs("Onderwerp\nDienstregeling waterbussen\n\nDe stuurgroep krijgt elk kwartaal een stand van zaken.\n")
    assert pairs == [("subject", "Onderwerp", ["Dienstregeling waterbussen"])]


def test_value_stops_at_a_heading():
    pairs = text_pairs("Onderwerp\nDienstregeling waterbussen\n1. Aanleiding\nDe stuurgroep vraagt om een planning.\n")
    assert pairs == [("subject", "Onderwerp", ["Dienstregeling waterbussen"])]


def test_value_stops_at_a_stage_line():
    pairs = text_pairs("Aan\nMinister van Financiën\nTER BESLISSING\n")
    assert pairs == [("addressee", "Aan", ["Minister van Financiën"])]


def test_attachment_count_ends_the_field():
    pairs = text_pairs("Bijlage(n)\n2\nDienstregeling waterbussen\n")
    assert pairs == [("attachments", "Bijlage(n)", ["2"])]


def test_inline_value_continues_only_in_lower_case():
    assert text_pairs("Betreft: Dienstregeling waterbussen\nop het Kwartelmeer\n") == [
        ("subject", "Betreft", ["Dienstregeling waterbussen", "op het Kwartelmeer"])]
    assert text_pairs("Betreft: Dienstregeling waterbussen\nDe stuurgroep is op de hoogte.\n") == [
        ("subject", "Betreft", ["Dienstregeling waterbussen"])]


def test_colon_pairs_of_a_header_block():
    assert text_pairs("Aan: Stuurgroep Waterbussen\nDatum: 2 oktober 2023\nOpsteller: Projectbureau WB-7\n") == [
        ("addressee", "Aan", ["Stuurgroep Waterbussen"]),
        ("date", "Datum", ["2 oktober 2023"]),
        ("author", "Opsteller", ["Projectbureau WB-7"]),
    ]


def test_sentence_starting_with_aan_is_no_pair():
    assert text_pairs("Aan Bureau Wetgeving is gevraagd of de verordening standhoudt.\nDatum\n14 maart 2024\n") == [
        ("date", "Datum", ["14 maart 2024"])]


# --- pairs in PDFs, by position ----------------------------------------------------------


def _colofon(y_top: float = 700.0, kenmerk: str = "IENW/BSK-2024/400123", datum: str = "16 januari 2025") -> list:
    return [
        ("Datum", COLOFON_X, y_top, 7.5, True),
        (datum, COLOFON_X, y_top - 10),
        ("Kenmerk", COLOFON_X, y_top - 30, 7.5, True),
        (kenmerk, COLOFON_X, y_top - 40, 7.5),
    ]


def test_colofon_column_is_found_right_of_the_body():
    lay = layout(_colofon() + [("De stuurgroep vraagt om een brief over de dienstregeling.", 70, 600, 10)])
    assert colofon_left(lay.pages[0]) == pytest.approx(COLOFON_X - 2)


def test_page_without_right_hand_labels_has_no_colofon():
    lay = layout([("Datum", 70, 700), ("16 januari 2025", 130, 700), ("Nota", 70, 760, 14, True)])
    assert colofon_left(lay.pages[0]) is None


def test_value_under_the_label_in_the_colofon():
    pairs = pdf_pairs(layout(_colofon()))
    assert pairs == [
        ("date", "Datum", ["16 januari 2025"], True, 1),
        ("reference", "Kenmerk", ["IENW/BSK-2024/400123"], True, 1),
    ]


def test_value_beside_the_label_on_the_same_row():
    lay = layout(_colofon() + [
        ("Aan", 70, 720), ("de Minister van Sociale Zaken en Werkgelegenheid", 130, 720),
        ("Van", 70, 706), ("DGKV", 130, 706),
    ])
    pairs = pdf_pairs(lay)
    assert ("addressee", "Aan", ["de Minister van Sociale Zaken en Werkgelegenheid"], False, 1) in pairs
    assert ("sender", "Van", ["DGKV"], False, 1) in pairs


def test_multi_line_value_beside_the_label():
    lay = layout(_colofon() + [
        ("Betreft", 70, 600), ("Verlenging van de proef met nacht- en", 130, 600),
        ("weekendbussen", 130, 589),
    ])
    pairs = pdf_pairs(lay)
    assert ("subject", "Betreft", ["Verlenging van de proef met nacht- en", "weekendbussen"], False, 1) in pairs


def test_value_under_label_stops_at_a_large_gap():
    lay = layout(_colofon() + [("Bijlage(n)", COLOFON_X, 620, 7.5, True), ("2", COLOFON_X, 610, 7.5),
                               ("Directie Vaarwegen en Veren", COLOFON_X, 540, 7.5)])
    pairs = pdf_pairs(lay)
    assert ("attachments", "Bijlage(n)", ["2"], True, 1) in pairs


def test_colofon_repeated_on_page_2_gives_page_1_pairs_first():
    lay = layout(
        _colofon() + [("Nota", 70, 760, 14, True)],
        _colofon(kenmerk="IENW/BSK-2024/499999", datum="17 januari 2025")
        + [("Beslistermijn", COLOFON_X, 620, 7.5, True), ("31-01-2025", COLOFON_X, 610, 7.5)],
    )
    doc = Document(lay)
    refs = doc.pairs_of("reference")
    assert [(p.texts, p.label_line.page) for p in refs] == [(["IENW/BSK-2024/400123"], 1),
                                                           (["IENW/BSK-2024/499999"], 2)]
    assert [p.texts for p in doc.pairs_of("deadline")] == [["31-01-2025"]]


def test_table_header_row_is_not_a_label():
    lay = layout([
        ("Inventarislijst Woo-besluit windpark Kwartelmeer", 70, 780, 12, True),
        ("Nr.", 70, 700, 9, True), ("Datum", 110, 700, 9, True), ("Beoordeling", 200, 700, 9, True),
        ("Woo-grond", 300, 700, 9, True),
        ("1", 70, 686), ("15-3-2023", 110, 686), ("Deels openbaar", 200, 686), ("5.1.2e", 300, 686),
    ])
    assert pdf_pairs(lay) == []


def test_running_footer_is_not_read_as_a_value():
    lay = layout(
        _colofon() + [("Bijlage(n)", COLOFON_X, 60, 7.5, True), ("Pagina 1 van 2", COLOFON_X, 50, 7.5)],
        [("Vervolg van de toelichting over de waterbussen.", 70, 700, 10), ("Pagina 2 van 2", COLOFON_X, 50, 7.5)],
    )
    (pair,) = Document(lay).pairs_of("attachments")
    assert pair.texts == []


def test_a_left_colofon_under_a_wider_letterhead_with_body_lines_on_its_rows():
    # the sender's name set from the colofon's edge runs wider than the column; two labels happen to share a row
    # with the body beside them, but each has its value under it: a colofon column, whose values stay its own
    lay = layout([
        ("Adviesraad Dijkbeheer Velderland", 40, 802, 13, True),
        ("De minister van Waterbeheer", 190, 757, 10.5),
        ("Postbus 123", 40, 758, 7), ("Postbus 456", 190, 743, 10.5),
        ("Datum", 40, 722, 7, True), ("3 maart 2025", 40, 713, 7),
        ("Ons kenmerk", 40, 695, 7, True), ("ADV/2025/017", 40, 686, 7),
        ("Onderwerp:", 190, 677, 10.5), ("Advies over de versterking van de dijk bij", 255, 677, 10.5),
        ("Uw kenmerk", 40, 668, 7, True), ("Noordoever en Zuidhaven", 255, 663.5, 10.5),
        ("WB-2025/88", 40, 659, 7),
        ("Bijlage", 40, 641, 7, True), ("Geachte minister,", 190, 637.5, 10.5), ("Rekenrapport", 40, 632, 7),
    ] + [(f"Regel {i} van de brief over de versterking van de dijk.", 190, 610 - 14 * i, 10.5) for i in range(8)])
    doc = Document(lay)
    assert doc.page_labels[1].colofon is not None
    pairs = {p.kind.role: p.text for p in doc.pairs}
    assert pairs["their_reference"] == "WB-2025/88"
    assert pairs["subject"] == "Advies over de versterking van de dijk bij Noordoever en Zuidhaven"


def test_a_row_of_labels_over_a_row_of_values_in_a_text_conversion():
    # a Word table saved as text: the labels' row, then the values' row, cells a tab apart
    pairs = text_pairs("Gemeente Velderveen\n\nDatum\tOns kenmerk\tUw verzoek van\tBijlagen\n"
                       "7 oktober 2025\tVV-2025-WOO-0101\t14 augustus 2025\t2\n\nOnderwerp: Besluit\n")
    assert [(role, values) for role, _, values in pairs][:4] == [
        ("date", ["7 oktober 2025"]), ("reference", ["VV-2025-WOO-0101"]),
        ("their_reference", ["14 augustus 2025"]), ("attachments", ["2"])]
