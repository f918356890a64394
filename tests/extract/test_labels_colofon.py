"""Colofon and header labels (`kenmerk.extract.labels`) and their label/value pairs
(`kenmerk.extract.colofon`): in text conversions by line order, in PDFs by position."""
from __future__ import annotations

import pytest

from kenmerk.extract import Layout
from kenmerk.extract.colofon import colofon_left, read_pairs
from kenmerk.extract.context import Document
from kenmerk.extract.labels import DESIGNATION, STAGE, match_label
from kenmerk.extract.text import read_text

from builders import layout

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
    m = match_label("Uw kenmerk 2020217241")
    assert (m.kind.role, m.label, m.rest) == ("their_reference", "Uw kenmerk", "2020217241")


@pytest.mark.parametrize(
    "line, role, label, rest",
    [
        ("Ons kenmerk 6048852", "reference", "Ons kenmerk", "6048852"),
        ("Kenmerk: DGED / 44314491", "reference", "Kenmerk", "DGED / 44314491"),
        ("Datum: 9 januari 2025", "date", "Datum", "9 januari 2025"),
        ("Datum 9 januari 2025", "date", "Datum", "9 januari 2025"),
        ("Beslistermijn 16-12-2022", "deadline", "Beslistermijn", "16-12-2022"),
        ("Aan: MOCW", "addressee", "Aan", "MOCW"),
        ("Betreft: Aanvullende aanwijzing leerlingenvervoer", "subject", "Betreft",
         "Aanvullende aanwijzing leerlingenvervoer"),
        ("Ref.: 20.023/MJ/MR", "registration_number", "Ref.", "20.023/MJ/MR"),
        ("cc: DGB", "copy_to", "cc", "DGB"),
    ],
)
def test_value_on_the_label_line(line, role, label, rest):
    m = match_label(line)
    assert (m.kind.role, m.label, m.rest) == (role, label, rest)


@pytest.mark.parametrize(
    "line",
    [
        "Aan Juridische Zaken is voorgelegd of de regeling juridisch houdbaar is.",
        "Van der Meer heeft namens de gemeente gebeld.",
        "Voor de volledigheid is de brief bijgevoegd.",
        "Bijlage bij de brief is het rapport van AEF.",
        "T.a.v. de heer H.M. de Jonge",
        "Termijnen van de regeling lopen af.",
    ],
)
def test_sentences_are_not_labels(line):
    assert match_label(line) is None


def test_aan_with_colon_is_a_label():
    m = match_label("Aan: MOCW")
    assert m.kind.role == "addressee" and m.colon


def test_t_before_a_number_is_a_phone_label_but_tav_is_not():
    m = match_label("T +31 6")
    assert (m.kind.role, m.label, m.rest) == ("phone", "T", "+31 6")
    assert match_label("T.a.v. Directie Wetgeving") is None


@pytest.mark.parametrize("line", ["TER BESLISSING", "ter informatie", "Ter ondertekening", "VOOR AKKOORD"])
def test_stage_lines(line):
    assert STAGE.match(line)


@pytest.mark.parametrize("line", ["Nota", "nota", "Beslisnota", "Memo", "GS-nota", "Notitie:"])
def test_designation_lines(line):
    assert DESIGNATION.match(line)


def test_designation_with_title_is_not_a_bare_designation():
    assert not DESIGNATION.match("Beslisnota bij Kamerbrief opvang Oekraïne")


# --- pairs in text conversions ------------------------------------------------------


def test_aan_van_run_pairs_values_in_order_skipping_the_stage():
    pairs = text_pairs("Aan\nVan\nMINDEF\nTER BESLISSING\nDGB\nDatum\n7 juni 2024\n")
    assert pairs == [
        ("addressee", "Aan", ["MINDEF"]),
        ("sender", "Van", ["DGB"]),
        ("date", "Datum", ["7 juni 2024"]),
    ]


def test_value_under_label_until_next_label():
    pairs = text_pairs("Onderwerp\nStand van zaken herstel\nkinderopvangtoeslag\nDatum\n3 mei 2024\n")
    assert pairs == [
        ("subject", "Onderwerp", ["Stand van zaken herstel", "kinderopvangtoeslag"]),
        ("date", "Datum", ["3 mei 2024"]),
    ]


def test_value_stops_at_a_blank_line():
    pairs = text_pairs("Onderwerp\nOpvang ontheemden uit Oekraïne\n\nDe Kamer wordt periodiek geïnformeerd.\n")
    assert pairs == [("subject", "Onderwerp", ["Opvang ontheemden uit Oekraïne"])]


def test_value_stops_at_a_heading():
    pairs = text_pairs("Onderwerp\nOpvang ontheemden uit Oekraïne\n1. Aanleiding\nDe Kamer wordt geïnformeerd.\n")
    assert pairs == [("subject", "Onderwerp", ["Opvang ontheemden uit Oekraïne"])]


def test_value_stops_at_a_stage_line():
    pairs = text_pairs("Aan\nMinister van Financiën\nTER BESLISSING\n")
    assert pairs == [("addressee", "Aan", ["Minister van Financiën"])]


def test_attachment_count_ends_the_field():
    pairs = text_pairs("Bijlage(n)\n2\nOpvang ontheemden uit Oekraïne\n")
    assert pairs == [("attachments", "Bijlage(n)", ["2"])]


def test_inline_value_continues_only_in_lower_case():
    assert text_pairs("Betreft: Opvang ontheemden\nuit Oekraïne\n") == [
        ("subject", "Betreft", ["Opvang ontheemden", "uit Oekraïne"])]
    assert text_pairs("Betreft: Opvang ontheemden\nDe Kamer is geïnformeerd.\n") == [
        ("subject", "Betreft", ["Opvang ontheemden"])]


def test_colon_pairs_of_a_header_block():
    assert text_pairs("Aan: ACC-19\nDatum: 10 september 2020\nOpsteller: Psc-19\n") == [
        ("addressee", "Aan", ["ACC-19"]),
        ("date", "Datum", ["10 september 2020"]),
        ("author", "Opsteller", ["Psc-19"]),
    ]


def test_sentence_starting_with_aan_is_no_pair():
    assert text_pairs("Aan Juridische Zaken is voorgelegd of de regeling houdbaar is.\nDatum\n3 mei 2024\n") == [
        ("date", "Datum", ["3 mei 2024"])]


# --- pairs in PDFs, by position ----------------------------------------------------------


def _colofon(y_top: float = 700.0, kenmerk: str = "IENW/BSK-2022/248639", datum: str = "9 januari 2025") -> list:
    return [
        ("Datum", COLOFON_X, y_top, 7.5, True),
        (datum, COLOFON_X, y_top - 10),
        ("Kenmerk", COLOFON_X, y_top - 30, 7.5, True),
        (kenmerk, COLOFON_X, y_top - 40, 7.5),
    ]


def test_colofon_column_is_found_right_of_the_body():
    lay = layout(_colofon() + [("De Kamer heeft gevraagd om een brief over de voortgang.", 70, 600, 10)])
    assert colofon_left(lay.pages[0]) == pytest.approx(COLOFON_X - 2)


def test_page_without_right_hand_labels_has_no_colofon():
    lay = layout([("Datum", 70, 700), ("9 januari 2025", 130, 700), ("Nota", 70, 760, 14, True)])
    assert colofon_left(lay.pages[0]) is None


def test_value_under_the_label_in_the_colofon():
    pairs = pdf_pairs(layout(_colofon()))
    assert pairs == [
        ("date", "Datum", ["9 januari 2025"], True, 1),
        ("reference", "Kenmerk", ["IENW/BSK-2022/248639"], True, 1),
    ]


def test_value_beside_the_label_on_the_same_row():
    lay = layout(_colofon() + [
        ("Aan", 70, 720), ("de Minister van Economische Zaken en Klimaat", 130, 720),
        ("Van", 70, 706), ("DGED", 130, 706),
    ])
    pairs = pdf_pairs(lay)
    assert ("addressee", "Aan", ["de Minister van Economische Zaken en Klimaat"], False, 1) in pairs
    assert ("sender", "Van", ["DGED"], False, 1) in pairs


def test_multi_line_value_beside_the_label():
    lay = layout(_colofon() + [
        ("Betreft", 70, 600), ("Aanvullende aanwijzing leerling- en", 130, 600),
        ("doelgroepenvervoer", 130, 589),
    ])
    pairs = pdf_pairs(lay)
    assert ("subject", "Betreft", ["Aanvullende aanwijzing leerling- en", "doelgroepenvervoer"], False, 1) in pairs


def test_value_under_label_stops_at_a_large_gap():
    lay = layout(_colofon() + [("Bijlage(n)", COLOFON_X, 620, 7.5, True), ("2", COLOFON_X, 610, 7.5),
                               ("Directie Wegen en Verkeersveiligheid", COLOFON_X, 540, 7.5)])
    pairs = pdf_pairs(lay)
    assert ("attachments", "Bijlage(n)", ["2"], True, 1) in pairs


def test_colofon_repeated_on_page_2_gives_page_1_pairs_first():
    lay = layout(
        _colofon() + [("Nota", 70, 760, 14, True)],
        _colofon(kenmerk="IENW/BSK-2022/999999", datum="10 januari 2025")
        + [("Beslistermijn", COLOFON_X, 620, 7.5, True), ("16-12-2022", COLOFON_X, 610, 7.5)],
    )
    doc = Document(lay)
    refs = doc.pairs_of("reference")
    assert [(p.texts, p.label_line.page) for p in refs] == [(["IENW/BSK-2022/248639"], 1),
                                                           (["IENW/BSK-2022/999999"], 2)]
    assert [p.texts for p in doc.pairs_of("deadline")] == [["16-12-2022"]]


def test_table_header_row_is_not_a_label():
    lay = layout([
        ("Inventarisatielijst Wob-besluit zonneweide Jaagweg", 70, 780, 12, True),
        ("Nr.", 70, 700, 9, True), ("Datum", 110, 700, 9, True), ("Beoordeling", 200, 700, 9, True),
        ("Wob-grond", 300, 700, 9, True),
        ("1", 70, 686), ("19-7-2021", 110, 686), ("Deels openbaar", 200, 686), ("10.2.e", 300, 686),
    ])
    assert pdf_pairs(lay) == []


def test_running_footer_is_not_read_as_a_value():
    lay = layout(
        _colofon() + [("Bijlage(n)", COLOFON_X, 60, 7.5, True), ("Pagina 1 van 2", COLOFON_X, 50, 7.5)],
        [("Vervolg van de toelichting.", 70, 700, 10), ("Pagina 2 van 2", COLOFON_X, 50, 7.5)],
    )
    (pair,) = Document(lay).pairs_of("attachments")
    assert pair.texts == []
