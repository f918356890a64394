"""The parts of a letter (`kenmerk.extract.letter`): return address, address block, place and date,
salutation, closing and signature, found by where a Dutch letter prints them.

Senders, addressees, places and subjects are made up.
"""
from __future__ import annotations

from builders import layout

from kenmerk.extract.context import Document
from kenmerk.extract.letter import Letter, letter
from kenmerk.extract.text import read_text


def parts(*lines: tuple) -> Letter:
    return letter(Document(layout(list(lines))))


def texts(lines) -> list[str]:
    return [ln.text for ln in lines]


RETURN_ADDRESS = ("> Retouradres Postbus 40123 9999 ZZ Zilverdam", 70, 720, 6.5)
WINDOW = [("Voorzitter veiligheidsregio Kwartelmeer", 70, 700, 9.5), ("T.a.v. de heer P. Voorbeeld", 70, 688, 9.5),
          ("Postbus 777", 70, 676, 9.5), ("9999 AB Kwartelmeer", 70, 664, 9.5)]
COLOFON = [("Ministerie van Infrastructuur en Waterstaat", 400, 800, 9, True),
           ("Datum", 466, 700, 7.5, True), ("6 maart 2023", 466, 690, 7.5),
           ("Kenmerk", 466, 670, 7.5, True), ("4711001-300222-XY", 466, 660, 7.5)]
BODY = [("Betreft", 70, 600, 9.5), ("Verlenging van de proef met nachtbussen", 130, 600, 9.5),
        ("Geachte voorzitter,", 70, 570, 9.5), ("Hierbij stuur ik u de planning van de proef.", 70, 556, 9.5),
        ("Hoogachtend,", 70, 500, 9.5), ("De minister van Infrastructuur en Waterstaat,", 70, 486, 9.5),
        ("K.L. Proefmans", 70, 440, 9.5)]
CLOSE = [("Betreft: Vaarschema van de waterbussen", 70, 580, 10), ("Geacht college,", 70, 550, 10),
         ("Hierbij ontvangt u het vaarschema.", 70, 536, 10), ("Met vriendelijke groet,", 70, 500, 10)]


# --- the address block -------------------------------------------------------------------


def test_address_block_under_the_return_address():
    found = parts(*COLOFON, RETURN_ADDRESS, *WINDOW, *BODY)
    assert found.return_address.text.startswith("> Retouradres")
    assert texts(found.address.lines) == [text for text, *_ in WINDOW]
    assert found.address.how == "under the return address"
    assert found.address.first.text == "Voorzitter veiligheidsregio Kwartelmeer"


def test_address_block_without_a_street_line():
    found = parts(("Provincie Zeeland", 70, 800, 12, True), ("Gemeente Zilverdam", 70, 700, 10),
                  ("t.a.v. het college van burgemeester en wethouders", 70, 688, 10), *CLOSE)
    assert texts(found.address.lines) == ["Gemeente Zilverdam", "t.a.v. het college van burgemeester en wethouders"]


def test_a_name_alone_above_the_salutation_is_the_address_block():
    found = parts(("Waterschap Kwartelmeer", 70, 800, 12, True), ("Provinciale Staten van Zeeland", 70, 700, 10),
                  ("Zilverdam, 7 februari 2024", 70, 650, 10), ("Geachte leden,", 70, 600, 10),
                  ("Wij sturen u het jaarverslag.", 70, 586, 10))
    assert texts(found.address.lines) == ["Provinciale Staten van Zeeland"]
    assert found.address.how == "the block above the salutation"


def test_without_a_salutation_a_name_alone_is_no_address_block():
    found = parts(("Waterschap Kwartelmeer", 70, 800, 12, True), ("Provinciale Staten van Zeeland", 70, 700, 10),
                  ("Wij sturen u het jaarverslag.", 70, 586, 10))
    assert found.address is None and not found.is_letter


ADDRESSEE = [("Gemeente Wilgenoord", 70, 660, 10), ("T.a.v. de afdeling Verkeer", 70, 648, 10),
             ("Postbus 5", 70, 636, 10), ("9999 BB Wilgenoord", 70, 624, 10)]


def test_a_letterhead_strip_is_not_the_address_block():
    strip = ("Postbus 12 · 9999 AA Zilverdam · T 0123 456 789 · www.kwartelmeer.example", 70, 733, 8)
    found = parts(("Waterschap Kwartelmeer", 70, 745, 10, True), strip, *ADDRESSEE, *CLOSE)
    assert found.address.first.text == "Gemeente Wilgenoord"


def test_the_senders_own_address_block_is_not_the_address_block():
    sender = [("Waterschap Kwartelmeer", 70, 740, 10, True), ("Postbus 12", 70, 728, 10),
              ("9999 AA Zilverdam", 70, 716, 10), ("www.kwartelmeer.example", 70, 704, 10)]
    found = parts(*sender, *ADDRESSEE, *CLOSE)
    assert found.address.first.text == "Gemeente Wilgenoord"


def test_nothing_in_the_letterhead_band_is_an_address_block():
    found = parts(("Waterschap Kwartelmeer", 70, 800, 10, True), ("Postbus 12", 70, 788, 10),
                  ("9999 AA Zilverdam", 70, 776, 10), *CLOSE)
    assert found.address is None


def test_a_preamble_line_is_not_the_first_line_of_the_block():
    found = parts(RETURN_ADDRESS, ("Per e-mail", 70, 700, 9.5), *[(t, x, y - 12, s) for t, x, y, s in WINDOW], *BODY)
    assert found.address.first.text == "Voorzitter veiligheidsregio Kwartelmeer"


def test_address_block_of_a_text_conversion_between_blank_lines():
    doc = Document(read_text("> Retouradres Postbus 40123 9999 ZZ Zilverdam\n\nGemeente Wilgenoord\nPostbus 5\n"
                             "9999 BB Wilgenoord\n\nBetreft: Vaarschema\n\nGeacht college,\n\nHierbij.\n"))
    assert texts(letter(doc).address.lines) == ["Gemeente Wilgenoord", "Postbus 5", "9999 BB Wilgenoord"]


# --- salutation, closing, place and date, signature ------------------------------------------


def test_salutation_and_closing_make_a_letter():
    found = parts(*COLOFON, RETURN_ADDRESS, *WINDOW, *BODY)
    assert found.salutation.text == "Geachte voorzitter,"
    assert found.closing.text == "Hoogachtend,"
    assert found.is_letter


def test_salutation_forms():
    for greeting in ("Geacht college,", "Zeer geachte mevrouw Voorbeeld,", "Beste Fleur", "Dear Mr Proefmans,"):
        assert parts(("Gemeente Zilverdam", 70, 700, 10), (greeting, 70, 600, 10)).salutation.text == greeting


def test_a_sentence_opening_with_a_greeting_word_is_no_salutation():
    found = parts(("Geachte aanwezigen hebben de planning van de waterbussen tijdens het overleg besproken en goedgekeurd",
                   70, 600, 10), ("Met vriendelijke groet,", 70, 560, 10))
    assert found.salutation is None and found.closing is None and not found.is_letter


def test_closing_only_after_the_salutation():
    found = parts(("Met vriendelijke groet,", 70, 700, 10), ("Beste Fleur,", 70, 650, 10), ("Tot morgen.", 70, 636, 10))
    assert found.salutation.text == "Beste Fleur,"
    assert found.closing is None


def test_place_and_date_line():
    found = parts(("Provinciale Staten van Zeeland", 70, 700, 10), ("Zilverdam, 7 februari 2024", 70, 650, 10),
                  ("Geachte leden,", 70, 600, 10))
    assert found.place_date.text == "Zilverdam, 7 februari 2024"
    sentence = parts(("Zilverdam, 7 februari 2024 is de proef met waterbussen begonnen.", 70, 650, 10))
    assert sentence.place_date is None


def test_signature_lines_under_the_closing_until_a_wide_gap():
    found = parts(*COLOFON, RETURN_ADDRESS, *WINDOW, *BODY, ("Bijlage: vaarschema", 70, 300, 9.5))
    assert texts(found.signature) == ["De minister van Infrastructuur en Waterstaat,", "K.L. Proefmans"]


def test_no_closing_no_signature():
    found = parts(("Gemeente Zilverdam", 70, 700, 10), ("Geacht college,", 70, 600, 10), ("Tekst.", 70, 586, 10))
    assert found.closing is None and found.signature == ()
