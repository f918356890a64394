"""Woo and Wob refusal grounds applied to or cited in a document (`kenmerk.extract.woo_grounds`).

The documents are made up; the stamps, citations and wordings are the forms the laws and their practice use.
"""
from __future__ import annotations

import pytest
from builders import note, pdf_note

from kenmerk.extract.woo_codes import canonical_ground


def codes(n) -> list[str]:
    return [g.code for g in n.woo_grounds]


@pytest.mark.parametrize(
    "written, code",
    [("5.1.2 e", "5.1.2e"), ("5.1.2.e", "5.1.2e"), ("5.2.1", "5.2"), ("10.2.e", "10.2e"), ("11.1", "11.1"),
     ("5.1.5", "5.1.5")],
)
def test_canonical_ground(written, code):
    assert canonical_ground(written) == code


@pytest.mark.parametrize(
    "stamp, code, law",
    [
        ("5.1.2e", "5.1.2e", "Woo"),
        ("5.1.2 e", "5.1.2e", "Woo"),
        ("5.1.2.e", "5.1.2e", "Woo"),
        ("51.2e", "5.1.2e", "Woo"),  # OCR drops the first dot
        ("5.1.2i", "5.1.2i", "Woo"),
        ("5.1.1c", "5.1.1c", "Woo"),
        ("5.1.5", "5.1.5", "Woo"),
        ("(10)(2e)", "10.2e", "Wob"),
        ("(10)(2)(e)", "10.2e", "Wob"),
        ("art. 10.2.e", "10.2e", "Wob"),
        ("Art. 10.2.e", "10.2e", "Wob"),
        ("10.2e", "10.2e", "Wob"),
        ("10.1c", "10.1c", "Wob"),
    ],
)
def test_code_stamped_in_the_text(stamp, code, law):
    n = note(f"Memo\nDatum: 12 oktober 2021\n\nOverleg met {stamp} over de dienstregeling van de waterbussen.\n")
    (ground,) = n.woo_grounds
    assert (ground.code, ground.law, ground.how) == (code, law, "code")


def test_article_5_2_with_its_article_word():
    n = note("Nota\nDatum\n16 januari 2025\n\nDe persoonlijke beleidsopvattingen zijn gelakt op grond van art. 5.2 Woo.\n")
    assert codes(n) == ["5.2"]


def test_bare_5_2_without_article_word_is_no_ground():
    assert codes(note("Nota\nDatum\n16 januari 2025\n\nZie paragraaf 5.2 van het rapport.\n")) == []


def test_wob_article_with_several_letters():
    n = note("Besluit openbaarmaking stukken windpark Kwartelmeer\nDatum: 21 juni 2021\n\nDe gegevens worden niet openbaar gemaakt op "
             "grond van artikel 10, tweede lid, aanhef en onder b, e en g, van de Wob.\n")
    assert codes(n) == ["10.2b", "10.2e", "10.2g"]
    assert all(g.law == "Wob" for g in n.woo_grounds)


def test_woo_article_in_words():
    n = note("Besluit op uw Woo-verzoek\nDatum: 4 december 2023\n\nDe namen zijn niet openbaar gemaakt op grond van "
             "artikel 5.1, tweede lid, onder e, van de Woo.\n")
    assert codes(n) == ["5.1.2e"]


def test_wording_in_a_2025_note_is_the_woo_ground():
    n = note("Nota\nDatum\n16 januari 2025\n\n5. Informatie die niet openbaar gemaakt kan worden\n"
             "Namen en telefoonnummers van medewerkers zijn weggelakt ter bescherming van de persoonlijke levenssfeer.\n")
    (ground,) = n.woo_grounds
    assert (ground.code, ground.law, ground.how) == ("5.1.2e", "Woo", "wording")


def test_wording_in_a_text_citing_the_wob_is_the_wob_ground():
    n = note("Besluit openbaarmaking stukken windpark Kwartelmeer\nDatum: 21 juni 2021\n\nVolgens de Wob blijven de "
             "namen van omwonenden niet openbaar ter bescherming van de persoonlijke levenssfeer.\n")
    (ground,) = n.woo_grounds
    assert (ground.code, ground.law, ground.how) == ("10.2e", "Wob", "wording")


def test_wording_before_the_woo_took_effect_is_the_wob_ground():
    n = note("Nota\nDatum\n12 oktober 2021\n\nNamen van medewerkers van het waterschap zijn gelakt ter bescherming "
             "van de persoonlijke levenssfeer.\n")
    assert codes(n) == ["10.2e"]


def test_wording_over_two_lines():
    n = note("Nota\nDatum\n12 februari 2024\n\nInformatie die niet openbaar wordt gemaakt\n"
             "Namen van de opstellers zijn onleesbaar gemaakt om hun persoonlijke\nlevenssfeer te beschermen.\n")
    assert codes(n) == ["5.1.2e"]


def test_wording_in_a_sentence_that_withholds_nothing_is_no_ground():
    n = note("Nota\nDatum\n16 januari 2025\n\nToelichting\nDe waterbusapp is ontworpen met oog voor de bescherming "
             "van de persoonlijke levenssfeer van reizigers.\n")
    assert n.woo_grounds == []


@pytest.mark.parametrize("label", ["buiten verzoek", "niet relevant", "Dubbel", "Persoonsgegevens"])
def test_labels_that_are_not_grounds(label):
    n = note(f"Memo\nDatum: 12 oktober 2021\n\nDocument 12: {label}\n")
    assert n.woo_grounds == []


def test_count_and_pages():
    n = note("Memo\nDatum: 12 oktober 2021\n\nOverleg met 5.1.2e en 5.1.2e over de dienstregeling.\n"
             "\fVervolg van het overleg met 5.1.2e.\n\nDe bedragen zijn gelakt: 5.1.2i\n")
    grounds = {g.code: g for g in n.woo_grounds}
    assert sorted(grounds) == ["5.1.2e", "5.1.2i"]
    assert (grounds["5.1.2e"].count, grounds["5.1.2e"].pages) == (3, [1, 2])
    assert (grounds["5.1.2i"].count, grounds["5.1.2i"].pages) == (1, [2])
    assert grounds["5.1.2e"].evidence.page == 1


def test_stamp_in_the_colofon_counts():
    n = pdf_note([
        ("Memo", 70, 770, 14, True),
        ("Directie Zwemwater", 466, 780, 7.5),
        ("Datum", 466, 700, 7.5, True), ("12 oktober 2021", 466, 690, 7.5),
        ("Inlichtingen bij", 466, 670, 7.5, True), ("5.1.2e", 466, 660, 7.5),
        ("De dienstregeling van de waterbussen is vastgesteld.", 70, 600, 10),
    ])
    assert codes(n) == ["5.1.2e"]


def test_no_grounds():
    n = note("Nota\nDatum\n14 maart 2024\n\nAanleiding\nDe Kamer stelt vragen over artikel 5 van de Wet waterbussen.\n")
    assert n.woo_grounds == []


def test_letters_joined_by_en_add_no_ground():
    # regression: the 'e' of 'en' (and the 'f' of 'of') in 'onder a en b' became a ground
    n = note("Besluit openbaarmaking stukken windpark Kwartelmeer\nDatum: 21 juni 2021\n\nDe passages zijn niet openbaar gemaakt op "
             "grond van artikel 10, tweede lid, onder a en b, van de Wob.\n")
    assert codes(n) == ["10.2a", "10.2b"]


def test_wordings_of_withholding_the_other_way_round():
    # "nooit openbaar", "laten wij weg", "het belang van openbaarheid weegt niet op tegen …": the decision
    # withholds in other words than "niet openbaar"; the BSN is art. 5.1.1e
    n = note("Besluit op uw Woo-verzoek\n\nDatum: 3 november 2025\n\n"
             "Nummers die dienen ter identificatie van personen, zoals burgerservicenummers, maken wij nooit "
             "openbaar.\n\nNamen van medewerkers laten wij weg. Het belang van openbaarheid weegt niet op tegen de "
             "eerbiediging van de persoonlijke levenssfeer van deze mensen.\n", "besluit.txt")
    assert codes(n) == ["5.1.1e", "5.1.2e"]


def test_a_burgerservicenummer_mentioned_without_withholding_is_no_ground():
    n = note("Besluit op uw Woo-verzoek\n\nDatum: 3 november 2025\n\nU heeft uw burgerservicenummer op het "
             "formulier gezet. Wij maken alle documenten openbaar.\n", "besluit.txt")
    assert codes(n) == []
