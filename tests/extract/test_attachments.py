"""Attachments ("bijlagen") a note says it has (`kenmerk.extract.attachments`).

The titles, subjects and kenmerken are made up; the shapes are the conventions: a count in
the "Bijlage(n)" field, a list under it, a numbered table under a "Bijlagen" heading, a
sentence naming an enclosed document.
"""
from __future__ import annotations

import pytest
from builders import note, pdf_note


def titles(n) -> list[str | None]:
    return [a.title for a in n.attachments]


def test_count_only_gives_untitled_entries():
    n = note("Nota\nDatum\n14 maart 2024\nBijlage(n)\n2\n\nAanleiding\nDe Kamer stelt vragen.\n")
    assert titles(n) == [None, None]
    assert [a.number for a in n.attachments] == [1, 2]


def test_aantal_bijlagen():
    n = note("Nota\nOnze referentie\nKV2024-0417\nAantal bijlagen\n1\nAanleiding\nTekst.\n")
    assert titles(n) == [None]


def test_count_after_a_colon():
    assert titles(note("Nota\nBijlage(n): 3\n")) == [None, None, None]


def test_numbered_list_under_the_label():
    n = note("Nota\nBijlagen\n1. Kamerbrief over de proef met waterbussen\n2. Evaluatie waterbussen Zilverdam 2023\n\n"
             "Aanleiding\nTekst.\n")
    assert titles(n) == ["Kamerbrief over de proef met waterbussen", "Evaluatie waterbussen Zilverdam 2023"]
    assert [a.number for a in n.attachments] == [1, 2]
    assert n.attachments[0].evidence.text == "Kamerbrief over de proef met waterbussen"


def test_bijlagen_inline_after_a_colon():
    n = note("Memo\nAan: Gedeputeerde Staten\n"
             "Bijlagen: samenwerkingsovereenkomst windpark Kwartelmeer met kaartbijlage\nDatum: 8 mei 2023\n")
    assert titles(n) == ["samenwerkingsovereenkomst windpark Kwartelmeer met kaartbijlage"]


def test_inline_value_continues_in_lower_case():
    n = note("Memo\nBijlagen: samenwerkingsovereenkomst windpark Kwartelmeer\nmet kaartbijlage\nDatum: 8 mei 2023\n")
    assert titles(n) == ["samenwerkingsovereenkomst windpark Kwartelmeer met kaartbijlage"]


def test_enclosed_report_named_in_a_sentence_takes_the_quoted_title():
    n = note("# nota\n\n## 3. Kernpunten\n\nIn de brief reageert de minister op het rapport *Verkenning van drijvende "
             "zonneparken op het Kwartelmeer*. Het rapport wordt als bijlage meegestuurd.\n", "x.md")
    assert titles(n) == ["Verkenning van drijvende zonneparken op het Kwartelmeer"]


def test_enclosed_sentence_fills_the_counted_attachment():
    n = note("Nota\nBijlage(n)\n1\n\nKernpunten\nDe brief reageert op het rapport “Stand van de waterbussen”. "
             "Het rapport wordt als bijlage meegestuurd.\n")
    assert titles(n) == ["Stand van de waterbussen"]


def test_enclosed_report_without_a_quoted_title():
    n = note("Nota\nKernpunten\nHet jaarverslag van de Adviesraad Waterbussen wordt als bijlage meegestuurd.\n")
    assert titles(n) == ["jaarverslag van de Adviesraad Waterbussen"]


def test_the_letter_the_note_is_about_is_not_an_enclosure():
    n = note("Nota\nKernpunten\nDe Kamerbrief wordt als bijlage meegestuurd.\n")
    assert n.attachments == []


@pytest.mark.parametrize("value", ["Bijlage(n)\n-", "Bijlage(n) -", "Bijlagen: geen", "Bijlage(n): n.v.t.",
                                   "Bijlagen\n0"])
def test_no_attachments(value):
    n = note(f"Nota\nOnderwerp: Onderhoud van de Kwartelbrug\n{value}\nDatum 14 maart 2024\n")
    assert n.attachments == []


def test_vague_mention_adds_nothing():
    n = note("Nota\nKernpunten\nZie bijlage voor de cijfers over het onderhoud.\n")
    assert n.attachments == []


def test_count_in_the_pdf_colofon():
    n = pdf_note([
        ("Nota", 70, 770, 14, True),
        ("Datum", 466, 700, 7.5, True), ("6 november 2023", 466, 690, 7.5),
        ("Kenmerk", 466, 670, 7.5, True), ("IENW/BSK-2023/400123", 466, 660, 7.5),
        ("Bijlage(n)", 466, 640, 7.5, True), ("2", 466, 630, 7.5),
        ("Aanleiding", 70, 600, 10, True), ("Tekst over het onderhoud van de Kwartelbrug.", 70, 586, 10),
    ])
    assert titles(n) == [None, None]


#: a note whose last page lists its attachments as a table under a "Bijlagen" heading:
#: a number column, a title column and an information column
_TABLE_PAGE = [
    ("Nota", 70, 770, 14, True), ("Proef met waterbussen", 70, 740, 12, True),
    ("Datum", 466, 700, 7.5, True), ("17 april 2023", 466, 690, 7.5),
    ("Kenmerk", 466, 670, 7.5, True), ("IENW/BSK-2023/400456", 466, 660, 7.5),
    ("Aanleiding", 70, 640, 10, True), ("De proef is afgerond.", 70, 626, 10),
    ("Bijlagen", 79, 201, 9, True),
]
_TABLE_ROWS = [
    ("1.", 82, 161), ("Kamerbrief over de", 157, 161), ("Met deze brief gaat de", 307, 161),
    ("proef met waterbussen", 157, 149), ("evaluatie naar de Kamer", 307, 149),
    ("2.", 82, 115), ("Evaluatie van de", 157, 115), ("Het rapport van het", 307, 115),
    ("waterbussen 2022-2023", 157, 103), ("onderzoeksbureau", 307, 103),
]
_TABLE_TITLES = ["Kamerbrief over de proef met waterbussen", "Evaluatie van de waterbussen 2022-2023"]


def test_numbered_table_under_a_bijlagen_heading_in_a_pdf():
    header = [("Volgnummer", 82, 184, 9, True), ("Naam", 157, 184, 9, True), ("Informatie", 307, 184, 9, True)]
    n = pdf_note(_TABLE_PAGE + header + _TABLE_ROWS)
    assert titles(n) == _TABLE_TITLES  # the "Informatie" column is left out
    assert [a.number for a in n.attachments] == [1, 2]
    assert n.title == "Proef met waterbussen"


def test_table_with_nr_titel_header():
    # regression: "Titel" cut the section as a label, "Toelichting" as a heading, and the field kept "Nr."
    header = [("Nr.", 82, 184, 9, True), ("Titel", 157, 184, 9, True), ("Toelichting", 307, 184, 9, True)]
    assert titles(pdf_note(_TABLE_PAGE + header + _TABLE_ROWS)) == _TABLE_TITLES


def test_fuller_list_wins_over_a_count():
    n = note("Nota\nBijlage(n)\n2\n\nAanleiding\nTekst.\n\nBijlagen\n1. Kamerbrief over de waterbussen\n"
             "2. Dienstregeling waterbussen Zilverdam\n")
    assert titles(n) == ["Kamerbrief over de waterbussen", "Dienstregeling waterbussen Zilverdam"]


def test_count_on_the_label_line_without_colon():
    # regression: "Bijlage(n) 2" without a colon was no label, so the count was lost
    n = note("Nota\nDatum 14 maart 2024\nBijlage(n) 2\nOnderwerp: Onderhoud van de Kwartelbrug\n")
    assert titles(n) == [None, None]


def test_an_enclosure_in_running_text_points_at_the_line_that_names_it(fixtures_dir):
    from kenmerk.extract import read_note

    note = read_note(fixtures_dir / "brief-adresblok.pdf")
    [enclosure] = note.attachments
    assert enclosure.evidence.text.startswith("Als bijlage")
    assert enclosure.evidence.bbox is not None and enclosure.evidence.bbox.y1 < 500  # the body line, not the return address at the top


def test_a_short_list_in_the_colofon_takes_the_fuller_titles_the_letter_sends_along():
    # ANNOTATION: where a short list in the colofon and a fuller list elsewhere name the same attachments,
    # the fuller titles count; "Ik stuur u de X en de Y mee" names two documents
    n = pdf_note([
        ("Datum", 460, 700, 7, True), ("12 maart 2025", 460, 691, 7),
        ("Ons kenmerk", 460, 670, 7, True), ("VV-2025/0031", 460, 661, 7),
        ("Bijlage(n)", 460, 640, 7, True),
        ("1. Rapportage ijsbanen", 460, 631, 7),
        ("2. Kaart wijken", 460, 622, 7),
        ("Geachte voorzitter,", 80, 600, 9.5),
        ("Ik stuur u de Rapportage onderhoud ijsbanen in de gemeente Velderveen, winter 2025 en de", 80, 580, 9.5),
        ("Kaart van de wijken met kunstijsbanen mee.", 80, 567, 9.5),
    ])
    assert titles(n) == ["Rapportage onderhoud ijsbanen in de gemeente Velderveen, winter 2025",
                         "Kaart van de wijken met kunstijsbanen"]


def test_a_fuller_title_starts_at_the_short_titles_first_word():
    from kenmerk.extract.attachments import _fuller_title

    assert _fuller_title("Toetsrapport", "volledige Toetsrapport regeldruk verhuur van loodsen") == \
        "Toetsrapport regeldruk verhuur van loodsen"
    assert _fuller_title("Afspraken corporaties", "Afspraken met woningcorporaties over vocht") == \
        "Afspraken met woningcorporaties over vocht"
    assert _fuller_title("Kaart wijken", "Rapportage onderhoud ijsbanen") is None  # another document
    assert _fuller_title("Kaart wijken", "Kaart wijken") is None  # no fuller


def test_an_enclosed_title_is_not_cut_inside_a_word_ending_in_de():
    # "kortdurende verhuur": the noun phrase starts at "Het", not at the "de" that ends "kortdurende"
    n = note("Brief\n\nGeachte heer,\n\nHet volledige Toetsrapport regeldruk bij het wetsvoorstel registratie "
             "kortdurende verhuur van loodsen en schuren sturen wij als bijlage mee.\n\nHoogachtend,\n")
    assert titles(n) == ["volledige Toetsrapport regeldruk bij het wetsvoorstel registratie kortdurende verhuur van "
                         "loodsen en schuren"]


def test_a_bijgevoegde_document_is_a_mention_not_an_enclosure_sentence():
    # ANNOTATION: vague mentions ("bijgevoegde brief") leave the field out
    n = note("Besluitenlijst\n\nHet college besluit de vragen te beantwoorden conform de bijgevoegde conceptbrief.\n")
    assert titles(n) == []


def test_a_numbered_list_under_bijlagen_keeps_an_item_that_reads_like_a_heading():
    # "2. Ontwerpbesluit" continues the list "1. …" under "Bijlagen": an item, not a numbered section heading
    n = pdf_note([
        ("Statenvoorstel", 60, 780, 18),
        ("Inleiding", 60, 550, 9, True), ("Het fonds voor dorpsbussen loopt eind 2025 af.", 60, 530, 9),
        ("Bijlagen", 60, 364, 9, True),
        ("1. Kaders fonds dorpsbussen 2026-2030", 60, 343, 9),
        ("2. Ontwerpbesluit", 60, 331, 9),
        ("3. Verslag consultatie gemeenten", 60, 319, 9),
    ])
    assert titles(n) == ["Kaders fonds dorpsbussen 2026-2030", "Ontwerpbesluit", "Verslag consultatie gemeenten"]


def test_a_mail_clients_print_lists_its_attachments_under_a_ruled_label():
    # Thunderbird prints the top message's attachments at the end, under "-- Bijlagen --"
    n = note("Onderwerp: Andere datum\nVan: Bewonersgroep Het Veld <info@hetveld.example>\n"
             "Datum: vrijdag 19 sep. 2025 om 21:14\nAan: Team Omgeving <omgeving@waterschap.example>\n\n"
             "Geachte heer, mevrouw,\n\nWij sturen u de uitkomst van onze enquête.\n\nMet vriendelijke groet,\n"
             "Bewonersgroep Het Veld\n\n-- Bijlagen --\nEnquete peilbesluit 2025.pdf\nFotos kelders.zip\n", "mail.txt")
    assert titles(n) == ["Enquete peilbesluit 2025.pdf", "Fotos kelders.zip"]


def test_a_webmail_prints_attachment_cards_side_by_side():
    # "2 bijlagen" over two cards, each a file name over its size
    n = pdf_note([
        ("Zwembadrooster", 50, 780, 14, True),
        ("Vereniging De Snoek <info@desnoek.example>", 50, 760, 9),
        ("ma 16 jun 2025 om 14:02", 400, 760, 9),
        ("Aan: sport@gemeente.example", 50, 748, 9),
        ("Hierbij onze reactie op het voorstel.", 50, 720, 9.5),
        ("2 bijlagen", 50, 456, 8.5, True),
        ("Rooster badwatertijden 2025-2026.pdf", 50, 442, 8.5), ("Ledenaantallen juni 2025.xlsx", 290, 442, 8.5),
        ("38K", 50, 431, 8.5), ("15K", 290, 431, 8.5),
    ])
    assert titles(n) == ["Rooster badwatertijden 2025-2026.pdf", "Ledenaantallen juni 2025.xlsx"]


@pytest.mark.parametrize("sentence, title", [
    # the title quoted after the verb
    ("De voortgangsrapportage over het eerste kwartaal is bijgevoegd: 'Rapportage voortgang dijkversterking Noord, "
     "eerste kwartaal 2025'.", "Rapportage voortgang dijkversterking Noord, eerste kwartaal 2025"),
    # a third person sends it along
    ("Het verslag van dat gesprek stuurt de commissie u hierbij mee: \"Verslag deskundigengesprek dijken, 30 "
     "september 2025\".", "Verslag deskundigengesprek dijken, 30 september 2025"),
    # the noun phrase, a comma, then the verb
    ("Het meetplan dat u moet volgen, sturen wij mee: 'Meetplan grondwaterstanden bouwput Velderveen'.",
     "Meetplan grondwaterstanden bouwput Velderveen"),
])
def test_enclosure_sentences_with_the_title_quoted_after_them(sentence, title):
    n = note(f"Brief\n\nGeachte heer,\n\n{sentence}\n\nMet vriendelijke groet,\n")
    assert titles(n) == [title]


def test_a_letter_that_sends_a_named_report_hierbij():
    n = note("Brief\n\nGeachte voorzitter,\n\nWij sturen u hierbij de Monitor wachttijden dijkwerken derde kwartaal "
             "2025. Daarin staan de cijfers per regio.\n\nMet vriendelijke groet,\n")
    assert titles(n) == ["Monitor wachttijden dijkwerken derde kwartaal 2025"]


def test_the_first_item_of_a_numbered_list_on_the_labels_line():
    # "Bijlagen 1. Conceptbrief aan …" in the colofon, the list going on under it
    n = pdf_note([
        ("Datum", 440, 686, 7, True), ("19 november 2025", 440, 677, 7),
        ("Kenmerk", 440, 659, 7, True), ("2025-0000718842", 440, 650, 7),
        ("Bijlagen 1. Conceptbrief aan de Vereniging van", 440, 622, 7, True),
        ("Dijkbeheerders", 449, 613, 7),
        ("2. Planning invoering dijkregister", 440, 604, 7),
        ("Beslispunten", 79, 588, 8.5, True), ("1. Instemmen met de brief.", 79, 574, 8.5),
    ])
    assert titles(n) == ["Conceptbrief aan de Vereniging van Dijkbeheerders", "Planning invoering dijkregister"]
