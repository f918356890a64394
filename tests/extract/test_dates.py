"""Dates as printed in Dutch notes (`kenmerk.extract.dates`) and the date fields of a note
(`kenmerk.extract.dating`): the own date, and deadlines, meetings and publication dates in `dates`.

Subjects, places, people and kenmerken are made up; the date forms and labels are the conventions.
"""
from __future__ import annotations

import datetime as dt

import pytest
from builders import note, pdf_note

from kenmerk.extract import DateRole
from kenmerk.extract.dates import find_dates, has_time, parse_date

D = dt.date


# --- kenmerk.extract.dates ---------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("16 januari 2025", D(2025, 1, 16)),
        ("16-01-2025", D(2025, 1, 16)),
        ("16-1-2025", D(2025, 1, 16)),
        ("2025-01-16", D(2025, 1, 16)),
        ("14 OKT. 2022", D(2022, 10, 14)),
        ("16 jan. 2025", D(2025, 1, 16)),
        ("19/12/2022", D(2022, 12, 19)),
        ("Zilverdam, 7 februari 2024", D(2024, 2, 7)),
        ("Beslistermijn: uiterlijk 19 december 2022 vanwege het commissiedebat", D(2022, 12, 19)),
    ],
)
def test_parse_date_formats(text, expected):
    assert parse_date(text) == expected


def test_stamp_date_with_month_abbreviation_keeps_its_text():
    (found,) = find_dates("Datum 14 OKT. 2022")
    assert found.date == D(2022, 10, 14)
    assert found.text == "14 OKT. 2022"
    assert found.has_year


def test_ocr_digit_slips_are_tolerated():
    # OCR layers read 0 as O and 1 as l
    assert parse_date("16 januari 2O25") == D(2025, 1, 16)
    assert parse_date("l2-3-2024") == D(2024, 3, 12)


def test_dates_are_found_left_to_right():
    text = "Na het overleg van 24 januari 2025 gaat de planning uiterlijk 6-2-2025 naar de stuurgroep."
    assert [f.date for f in find_dates(text)] == [D(2025, 1, 24), D(2025, 2, 6)]


def test_weekday_and_yearless_date_resolves_against_reference():
    (found,) = find_dates("Na het overleg op vrijdag 24 januari", reference=D(2025, 1, 16))
    assert found.date == D(2025, 1, 24)
    assert not found.has_year
    assert found.text == "vrijdag 24 januari"


def test_yearless_date_without_reference_has_no_value():
    (found,) = find_dates("vrijdag 24 januari")
    assert found.date is None
    assert parse_date("vrijdag 24 januari") is None


def test_aanstaande_rolls_over_to_next_year():
    # written on 20 December 2024: "1 februari a.s." is February 2025
    assert parse_date("reactie graag vóór 1 februari a.s.", reference=D(2024, 12, 20)) == D(2025, 2, 1)


def test_yearless_date_without_aanstaande_stays_in_reference_year():
    assert parse_date("het overleg van 1 februari", reference=D(2024, 12, 20)) == D(2024, 2, 1)


def test_aanstaande_in_same_year_is_not_rolled_over():
    assert parse_date("1 februari a.s.", reference=D(2025, 1, 16)) == D(2025, 2, 1)


@pytest.mark.parametrize("text", ["31-02-2024", "2024-02-31", "31 februari 2024", "30-13-2024", "00-01-2024"])
def test_impossible_dates_are_ignored(text):
    assert find_dates(text) == []
    assert parse_date(text) is None


def test_impossible_yearless_date_has_no_value():
    (found,) = find_dates("op 30 februari", reference=D(2024, 1, 1))
    assert found.date is None


def test_impossible_date_does_not_hide_a_later_real_one():
    assert parse_date("niet 31-02-2024 maar 29-02-2024") == D(2024, 2, 29)


@pytest.mark.parametrize(
    "text",
    ["15 maart 2023 van 10:00 – 11:30 uur", "13.00 uur", "dinsdag 3 oktober 2023 16:45", "om 9:30"],
)
def test_has_time(text):
    assert has_time(text)


@pytest.mark.parametrize("text", ["16 januari 2025", "19-12-2022", "2025-01-16", "14 OKT. 2022"])
def test_plain_dates_have_no_time(text):
    assert not has_time(text)


def test_dotted_numeric_date_is_not_a_time():
    # regression: "16.01" was read as a time of day, so "Datum 16.01.2025" became a meeting
    assert not has_time("16.01.2025")
    n = note("Nota\nDatum\n16.01.2025\nOns kenmerk\n7001234\n")
    assert n.date == D(2025, 1, 16)


# --- kenmerk.extract.dating: the note's own date and its other dates --------------------


def test_datum_field_is_the_own_date():
    n = note("Nota\nAan\nMinister van Financiën\nDatum\n16 januari 2025\nOns kenmerk\n7001234\n")
    assert n.date == D(2025, 1, 16)
    assert n.dates == []
    assert n.evidence["date"].text == "Datum 16 januari 2025"


def test_datum_in_colofon_wins_over_datum_in_body_header():
    n = pdf_note([
        ("Nota", 70, 770, 14, True),
        ("Datum: 12 december 2024", 70, 740),  # header block at the left, higher on the page
        ("Datum", 466, 700, 7.5, True),
        ("16 januari 2025", 466, 690, 7.5),
        ("Ons kenmerk", 466, 670, 7.5, True),
        ("7001234", 466, 660, 7.5),
    ])
    assert n.date == D(2025, 1, 16)
    assert n.evidence["date"].page == 1
    assert n.evidence["date"].bbox.x0 == pytest.approx(466)


def test_datum_with_time_is_a_meeting_not_the_own_date():
    n = note("Memo\nOnderwerp: Overleg windpark Kwartelmeer\n"
             "Datum: 15 maart 2023 van 10:00 – 11:30 uur\nLocatie: Gemeentehuis Zilverdam\n")
    assert n.date is None
    (event,) = n.dates
    assert event.role == DateRole.meeting
    assert event.date == D(2023, 3, 15)
    assert event.label == "Datum"
    assert "10:00" in event.text


def test_datum_vergadering_is_a_meeting():
    n = note("GS-nota\nDatum vergadering 11 april 2023\nRegistratienummer 2023-77/8812\n")
    assert [(e.role, e.date) for e in n.dates] == [(DateRole.meeting, D(2023, 4, 11))]
    assert n.date is None


def test_beslistermijn_is_a_deadline_beside_the_own_date():
    n = note("Nota\nTER BESLISSING\nDatum\n2 december 2022\nBeslistermijn\n19-12-2022\nKenmerk\nIENW/BSK-2022/400789\n")
    assert n.date == D(2022, 12, 2)
    (event,) = n.dates
    assert (event.role, event.label, event.date, event.text) == (DateRole.deadline, "Beslistermijn", D(2022, 12, 19),
                                                                 "19-12-2022")


def test_yearless_deadline_resolves_against_own_date_across_year_end():
    n = note("Nota\nDatum\n20 december 2024\nBeslistermijn\n10 januari a.s.\n")
    assert n.date == D(2024, 12, 20)
    (event,) = n.dates
    assert event.role == DateRole.deadline
    assert event.date == D(2025, 1, 10)


def test_publicatiedatum_is_the_date_when_there_is_no_datum():
    n = note("Besluit openbaarmaking stukken windpark Kwartelmeer\nPublicatiedatum\n21 juni 2023\n\n"
             "Het college maakt de stukken over het windpark openbaar.\n")
    assert n.date == D(2023, 6, 21)


def test_datum_wins_over_publicatiedatum():
    n = note("Besluit openbaarmaking stukken windpark Kwartelmeer\nPublicatiedatum\n21 juni 2023\n"
             "Datum\n19 juni 2023\n")
    assert n.date == D(2023, 6, 19)
    assert [(e.role, e.date) for e in n.dates] == [(DateRole.publication, D(2023, 6, 21))]


def test_dated_line_of_a_letter():
    n = note("Gemeente Zilverdam\n\nZilverdam, 7 februari 2024\n\nBetreft: verzoek om een kapvergunning\n\n"
             "Geachte heer Proefmans,\n")
    assert n.date == D(2024, 2, 7)


MAIL = ("Van: Proefmans, K.\nVerzonden: {sent}\nAan: Voorbeeld, F. van\n"
        "Onderwerp: RE: dienstregeling waterbussen\n\nDag Fleur, zie hieronder.\n")


def test_email_sent_date_without_time():
    assert note(MAIL.format(sent="3 oktober 2023")).date == D(2023, 10, 3)


def test_email_sent_date_with_time_is_the_own_date():
    # regression: an own-date candidate with a time was skipped, and a sent date always has one
    assert note(MAIL.format(sent="dinsdag 3 oktober 2023 16:45")).date == D(2023, 10, 3)


def test_datum_ontvangst_is_not_the_own_date():
    # regression: "Datum ontvangst 3 mei 2024" matched the plain "Datum" label
    n = note("Nota\nDatum ontvangst 3 mei 2024\nDatum 10 mei 2024\n")
    assert n.date == D(2024, 5, 10)
    assert [(e.role, e.date) for e in n.dates] == [(DateRole.received, D(2024, 5, 3))]


def test_no_date_anywhere_leaves_date_empty():
    n = note("Notitie\nLessen uit de proef met deelbakfietsen\n\n• Het gebruik verschilt per wijk.\n")
    assert n.date is None
    assert n.dates == []


def test_a_date_label_in_a_letters_body_is_an_events_date_not_the_letters():
    # ANNOTATION: a "Datum:" inside the body is the date of what it tells of; the place and date line dates the letter
    n = note("Bewonersgroep Het Veld\n\nAan de gemeenteraad\nPostbus 10\n9999 AA  Velderveen\n\n"
             "Velderveen, 3 maart 2025\n\nBetreft: Verkeer bij de school\n\nGeachte raadsleden,\n\n"
             "Wij nodigen u uit voor een avond met de bewoners:\n\nDatum: donderdag 20 maart 2025\nTijd: 19.30 uur\n"
             "Plaats: Buurthuis Het Veld\n\nMet vriendelijke groet,\n")
    assert n.date.isoformat() == "2025-03-03"


def test_a_meetings_place_and_date_beside_its_label_is_no_place_and_date_line():
    # "Commissie | Ruimte, 16 juni 2025" names a meeting; the voorstel is dated by the line above its signature
    n = pdf_note([
        ("Raadsvoorstel", 72, 761, 18, True),
        ("Onderwerp", 72, 716, 10, True), ("Vaststellen van het plan voor de Molenbuurt", 200, 716, 10),
        ("Commissie", 72, 677, 10, True), ("Ruimte, 16 juni 2025", 200, 677, 10),
        ("Raadsvergadering", 72, 664, 10, True), ("3 juli 2025", 200, 664, 10),
        ("Beslispunten", 72, 628, 11, True), ("1. Het plan vast te stellen.", 72, 611, 10),
        ("Velderveen, 27 mei 2025", 72, 100, 10),
    ])
    assert n.date.isoformat() == "2025-05-27"


def test_a_besluitenlijst_is_dated_by_its_meeting():
    # a meeting's record is dated by the meeting ("Vergaderdatum"), not by the later adoption
    n = note("Besluitenlijst openbare vergadering algemeen bestuur\n\n"
             "Vergaderdatum       maandag 8 december 2025, 16.00 - 17.45 uur\nLocatie             Raadzaal\n"
             "Datum vastgesteld   26 januari 2026\n\n1. Opening\n   Besluit: de agenda wordt vastgesteld.\n")
    assert n.date.isoformat() == "2025-12-08"
