"""`kenmerk.extract.noise`: OCR scraps of redaction boxes are noise, short real values are not.

The strings are made up in the style of what OCR reads from a blacked-out name or address.
"""
from __future__ import annotations

import pytest

from kenmerk.extract.noise import mostly_noise, word_share

SCRAPS = [
    "[EEXR IMNEREDNEXEa minbzk.ni>",  # stray brackets, a caps run ending in a small letter, a domain fragment
    "GEN C. (BDE) EEE ins. n>",  # a letter three times, a stray letter, a stray bracket
    "EEBR",  # a doubled vowel (no acronym) and an ending no word has
    "minbzk.ni]",  # a domain fragment
    "IEEE EXEEE EEB",
    "(EXETIN @minvws.ni]",
    "BEa E EE EEE @minvws n>",
    "XXXX",
    "",
    "-- // --",
]

VALUES = [
    "MBZK", "Stas IenW", "DG Langdurige Zorg", "Ark, T. van (Tamara)", "ROYAL SCHIPHOL GROUP", "Gemeente Hellendoorn",
    "Voorzitter veiligheidsregio's", "Voorzitter veiligheidsregio’s", "MBZK en SBZK", "MINDEF", "NAAM van verzoeker",
    "Minister-President", "ACC-19", "AIVD", "Gedeputeerde Staten", "Tweede Kamer der Staten-Generaal",
    "De Minister van Volksgezondheid, Welzijn en Sport", "gedeputeerde Stigter, portefeuille klimaat en energie",
    "Bijlage(n)", "N.v.t.", "Toezegging m.b.t. onomkeerbare stappen", "Re: WIPrichtlijn PBM", "Cluster D",
    "input jeugd escalatieladder.docx", "RE: 21092020 Scenario's maatregelen.pptx.eml", "Kamerbrief over 5.1.2e Woo",
    "Beantwoording Kamervragen Lid Kostic 26 november 2024", "FW: ESCV/ENPEN SARS-CoV-2 QUESTIONNAIRE for Comments",
    "Oekraïne", "u", "Voorval Zr.Ms. Tromp in Oost-Chinese Zee",
]


@pytest.mark.parametrize("text", SCRAPS)
def test_scraps_are_noise(text):
    assert mostly_noise(text)


@pytest.mark.parametrize("text", VALUES)
def test_real_values_are_not_noise(text):
    assert not mostly_noise(text)


def test_word_share():
    assert word_share("") == 0.0
    assert word_share("Minister van Asiel en Migratie") == 1.0
    assert word_share("EEBR") == 0.0
    # every stray bracket counts as one more non-word
    assert word_share("Directie Opvang") > word_share("Directie Opvang >") > word_share("Directie Opvang >]")
    # a fragment of an e-mail domain is no word
    assert word_share("Aan collega's van minvws.nl") == pytest.approx(3 / 4)


def test_a_damaged_value_is_noise_sooner():
    """A stray bracket or a domain fragment marks a cut-off address: three quarters of words are needed."""
    assert not mostly_noise("Ark, T. van (Tamara")  # damaged, but all words
    assert word_share("Opvang EEE ins zorg") == 0.75 and not mostly_noise("Opvang EEE ins zorg")
    assert word_share("Opvang EEE ins zorg>") == 0.6 and mostly_noise("Opvang EEE ins zorg>")
    assert word_share("Opvang EEE EEE zorg") == 0.5 and not mostly_noise("Opvang EEE EEE zorg")
    assert mostly_noise("Opvang EEE EEE EEE zorg")
