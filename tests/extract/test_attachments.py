"""Attachments ("bijlagen") a note says it has (`kenmerk.extract.attachments`)."""
from __future__ import annotations

import pytest


from builders import note, pdf_note


def titles(n) -> list[str | None]:
    return [a.title for a in n.attachments]


def test_count_only_gives_untitled_entries():
    n = note("Nota\nDatum\n3 mei 2024\nBijlage(n)\n2\n\nAanleiding\nDe Kamer vraagt.\n")
    assert titles(n) == [None, None]
    assert [a.number for a in n.attachments] == [1, 2]


def test_aantal_bijlagen():
    n = note("Nota\nOnze referentie\nBS2024021319\nAantal bijlagen\n1\nAanleiding\nTekst.\n")
    assert titles(n) == [None]


def test_count_after_a_colon():
    assert titles(note("Nota\nBijlage(n): 3\n")) == [None, None, None]


def test_numbered_list_under_the_label():
    n = note("Nota\nBijlagen\n1. Kamerbrief over het actieplan luchtvaartveiligheid\n2. NALV rapportage 2022\n\n"
             "Aanleiding\nTekst.\n")
    assert titles(n) == ["Kamerbrief over het actieplan luchtvaartveiligheid", "NALV rapportage 2022"]
    assert [a.number for a in n.attachments] == [1, 2]
    assert n.attachments[0].evidence.text == "Kamerbrief over het actieplan luchtvaartveiligheid"


def test_bijlagen_inline_after_a_colon():
    n = note("Memo\nAan: Gedeputeerde Staten\n"
             "Bijlagen: intentieovereenkomst zonneweide Jaagweg inclusief locatiekaart\nDatum: 6 juli 2021\n")
    assert titles(n) == ["intentieovereenkomst zonneweide Jaagweg inclusief locatiekaart"]


def test_inline_value_continues_in_lower_case():
    n = note("Memo\nBijlagen: intentieovereenkomst zonneweide Jaagweg\ninclusief locatiekaart\nDatum: 6 juli 2021\n")
    assert titles(n) == ["intentieovereenkomst zonneweide Jaagweg inclusief locatiekaart"]


def test_enclosed_report_named_in_a_sentence_takes_the_quoted_title():
    n = note("# nota\n\n## 3. Kernpunten\n\nIn deze Verzamelbrief wordt een appreciatie gegeven van het AEF rapport "
             "*Onderzoek naar de kwaliteit van gemeentelijke opvang voor ontheemden uit Oekraïne*. "
             "Het AEF rapport wordt als bijlage meegestuurd.\n", "x.md")
    assert titles(n) == ["Onderzoek naar de kwaliteit van gemeentelijke opvang voor ontheemden uit Oekraïne"]


def test_enclosed_sentence_fills_the_counted_attachment():
    n = note("Nota\nBijlage(n)\n1\n\nKernpunten\nDe brief geeft een appreciatie van het AEF rapport “Onderzoek naar "
             "opvang”. Het AEF rapport wordt als bijlage meegestuurd.\n")
    assert titles(n) == ["Onderzoek naar opvang"]


def test_enclosed_report_without_a_quoted_title():
    n = note("Nota\nKernpunten\nHet evaluatierapport van het College wordt als bijlage meegestuurd.\n")
    assert titles(n) == ["evaluatierapport van het College"]


def test_the_letter_the_note_is_about_is_not_an_enclosure():
    n = note("Nota\nKernpunten\nDe Kamerbrief wordt als bijlage meegestuurd.\n")
    assert n.attachments == []


@pytest.mark.parametrize("value", ["Bijlage(n)\n-", "Bijlage(n) -", "Bijlagen: geen", "Bijlage(n): n.v.t.",
                                   "Bijlagen\n0"])
def test_no_attachments(value):
    n = note(f"Nota\nOnderwerp: Opvang van ontheemden\n{value}\nDatum 3 mei 2024\n")
    assert n.attachments == []


def test_vague_mention_adds_nothing():
    n = note("Nota\nKernpunten\nZie bijlage voor de cijfers over de opvang.\n")
    assert n.attachments == []


def test_count_in_the_pdf_colofon():
    n = pdf_note([
        ("Nota", 70, 770, 14, True),
        ("Datum", 466, 700, 7.5, True), ("29 november 2022", 466, 690, 7.5),
        ("Kenmerk", 466, 670, 7.5, True), ("IENW/BSK-2022/248639", 466, 660, 7.5),
        ("Bijlage(n)", 466, 640, 7.5, True), ("2", 466, 630, 7.5),
        ("Aanleiding", 70, 600, 10, True), ("Tekst over het impulsprogramma.", 70, 586, 10),
    ])
    assert titles(n) == [None, None]


#: page 3 of the IenW beslisnota on the Actieplan Luchtvaartveiligheid: a table under "Bijlagen"
_TABLE_PAGE = [
    ("Nota", 70, 770, 14, True), ("Actieplan luchtvaartveiligheid", 70, 740, 12, True),
    ("Datum", 466, 700, 7.5, True), ("23 maart 2023", 466, 690, 7.5),
    ("Kenmerk", 466, 670, 7.5, True), ("IenW/BSK-2023/32584", 466, 660, 7.5),
    ("Aanleiding", 70, 640, 10, True), ("Het actieplan is gereed.", 70, 626, 10),
    ("Bijlagen", 79, 201, 9, True),
]
_TABLE_ROWS = [
    ("1.", 82, 161), ("Kamerbrief Nederlands", 157, 161), ("Met deze brief wordt het NALV", 307, 161),
    ("Actieplan Luchtvaartveiligheid", 157, 149), ("naar de Tweede Kamer", 307, 149),
    ("2.", 82, 115), ("Nederlands Actieplan", 157, 115), ("Met het NALV wordt uitvoering", 307, 115),
    ("Luchtvaartveiligheid 2023-2026", 157, 103), ("gegeven aan het NLVP", 307, 103),
]
_TABLE_TITLES = ["Kamerbrief Nederlands Actieplan Luchtvaartveiligheid",
                 "Nederlands Actieplan Luchtvaartveiligheid 2023-2026"]


def test_numbered_table_under_a_bijlagen_heading_in_a_pdf():
    header = [("Volgnummer", 82, 184, 9, True), ("Naam", 157, 184, 9, True), ("Informatie", 307, 184, 9, True)]
    n = pdf_note(_TABLE_PAGE + header + _TABLE_ROWS)
    assert titles(n) == _TABLE_TITLES  # the "Informatie" column is left out
    assert [a.number for a in n.attachments] == [1, 2]
    assert n.title == "Actieplan luchtvaartveiligheid"


def test_table_with_nr_titel_header():
    # regression: "Titel" cut the section as a label, "Toelichting" as a heading, and the field kept "Nr."
    header = [("Nr.", 82, 184, 9, True), ("Titel", 157, 184, 9, True), ("Toelichting", 307, 184, 9, True)]
    assert titles(pdf_note(_TABLE_PAGE + header + _TABLE_ROWS)) == _TABLE_TITLES


def test_fuller_list_wins_over_a_count():
    n = note("Nota\nBijlage(n)\n2\n\nAanleiding\nTekst.\n\nBijlagen\n1. Kamerbrief over het actieplan\n"
             "2. Nationaal Actieplan Luchtvaartveiligheid\n")
    assert titles(n) == ["Kamerbrief over het actieplan", "Nationaal Actieplan Luchtvaartveiligheid"]


def test_count_on_the_label_line_without_colon():
    # regression: "Bijlage(n) 2" without a colon was no label, so the count was lost
    n = note("Nota\nDatum 3 mei 2024\nBijlage(n) 2\nOnderwerp: Opvang van ontheemden\n")
    assert titles(n) == [None, None]
