"""Document type from the designations of `kenmerk.extract.doctype.DESIGNATIONS` and the forms, one header per type.

Every header is made up (invented subjects, places, people); only its shape is the convention.
"""
from __future__ import annotations

import pytest

from kenmerk.extract import DocumentType as T
from kenmerk.extract.doctype import DESIGNATIONS
from kenmerk.extract.note import extract_note


def doc_type(text: str) -> T:
    return extract_note(text.encode("utf-8"), "x.txt").document_type


#: type → a short made-up header that says what it is, in the shape of its convention
HEADERS: dict[T, str] = {
    T.inventarislijst: "Inventarisatielijst Woo-besluit windpark Kwartelmeer maart tot en met juni 2023\n"
                       "Nr. Document(naam)\nDatum\nBeoordeling\nWoo-grond\n1\nMemo verslag overleg 20230315\n"
                       "15-3-2023\nDeels openbaar\n5.1.2e\n",
    T.kamervragen: "Aanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer, met de daarop door de regering "
                   "gegeven antwoorden\n4711\nVragen van het lid Voorbeeld (XYZ) aan de minister van Infrastructuur en "
                   "Waterstaat over de waterbussen op het Kwartelmeer (ingezonden 3 maart 2023).\n",
    T.advies: "Advies Raad van State\nBij Kabinetsmissive van 14 maart 2023 heeft Uwe Majesteit het voorstel van wet "
              "over de waterbussen ter overweging aanhangig gemaakt.\n",
    T.other: "BNC-fiche 9: Verordening over drijvende zonneparken\n1. Algemene gegevens\n"
             "Titel voorstel: Proposal for a Regulation on floating solar parks\n",
    T.email: "Van: Proefmans, K. (Karin)\nVerzonden: dinsdag 3 oktober 2023 16:45\nAan: Voorbeeld, F. van\n"
             "Onderwerp: RE: dienstregeling waterbussen\n\nDag Fleur, zie hieronder.\n",
    T.woo_besluit: "Besluit op uw Woo-verzoek over de dienstregeling van de waterbussen\n\nGeachte heer Proefmans,\n\n"
                   "In uw verzoek van 2 mei 2023 vraagt u om documenten.\n",
    T.besluit: "Besluit openbaarmaking stukken windpark Kwartelmeer\n\nHet college van Zilverdam besluit de stukken "
               "openbaar te maken.\n",
    T.beslisnota: "Beslisnota\nAan\nMinister van Landbouw, Natuur en Voedselkwaliteit\nDatum\n5 april 2024\n\n"
                  "Beantwoording Kamervragen over drijvende zonneparken\n",
    T.memo: "Memo\nAan\nGedeputeerde Staten\nDatum\n8 mei 2023\nOnderwerp\nSamenwerkingsovereenkomst windpark "
            "Kwartelmeer\n\nDeze memo schetst de voortgang.\n",
    T.notitie: "Notitie\nAan: Stuurgroep Waterbussen\nDatum: 2 oktober 2023\nTitel: Draaiboek voor hoogwater\n\n"
               "De notitie beschrijft de stappen.\n",
    T.agenda: "Agenda\nOverleg windpark Kwartelmeer\nDatum: 9 november 2023\n1. Opening\n2. Mededelingen\n",
    T.verslag: "Verslag overleg waterbussen\nVergaderdatum 3 oktober 2023\n"
               "Aanwezig: Gemeente Zilverdam, Waterschap Kwartelmeer\n\nDe voorzitter opent de vergadering.\n",
    T.kamerbrief: "> Retouradres Postbus 40123 9999 ZZ Zilverdam\nAan de Voorzitter van de Tweede Kamer\n"
                  "der Staten-Generaal\nPostbus 40555\n9999 KA Zilverdam\nDatum 6 maart 2023\n"
                  "Betreft: Proef met waterbussen\n\nGeachte voorzitter,\n",
    T.brief: "> Retouradres Postbus 40123 9999 ZZ Zilverdam\nVoorzitter veiligheidsregio Kwartelmeer\nPostbus 777\n"
             "9999 AB Kwartelmeer\nDatum 14 OKT. 2022\nBetreft: Verlenging van de proef\n\nGeachte voorzitter,\n",
    T.nota: "Nota\nTER INFORMATIE\nAan\nMinister van Financiën\nDatum\n14 maart 2024\n\nStand van zaken waterbussen\n\n"
            "Aanleiding\nU vroeg om een stand van zaken.\n",
}


def test_every_designation_type_has_a_header_here():
    assert {d.type for d in DESIGNATIONS} <= set(HEADERS)


@pytest.mark.parametrize("expected", list(HEADERS), ids=lambda t: t.value)
def test_type_from_its_header(expected):
    assert doc_type(HEADERS[expected]) == expected


@pytest.mark.parametrize(
    "header, expected",
    [
        ("Nota ter beslissing\nAan\nMinister van IenW\nDatum\n6 maart 2023\n", T.beslisnota),
        ("Oplegnota (ter beslissing)\nAan\nMinister van IenW\n", T.beslisnota),
        ("Nota\nTER BESLISSING\nAan\nMOCW\n", T.beslisnota),
        ("Nota\nTER KENNISNAME\nAan\nMOCW\n", T.nota),
        ("GS-nota\nDatum vergadering 11 april 2023\n", T.nota),
        ("Gespreksnotitie\nGesprek 12-5-2023\n", T.notitie),
        ("Notulen\nOverleg onderhoud Kwartelbrug\n", T.verslag),
        ("Aantekeningen intern overleg waterbussen\n", T.verslag),
        ("Aanbiedingsformulier\nVan: Minister van BZK\nTitel: Notitie rolverdeling bij hoogwater\n", T.other),
        ("From: Proefmans, K.\nSent: Tuesday, October 3, 2023 4:45 PM\nTo: Voorbeeld, F. van\nSubject: RE: Ferries\n", T.email),
        ("Woo-deelbesluit dienstregeling waterbussen maart 2023\n", T.woo_besluit),
        ("Advies van de Afdeling advisering van de Raad van State en nader rapport\n", T.advies),
    ],
)
def test_type_variants(header, expected):
    assert doc_type(header) == expected


def test_geadviseerd_besluit_makes_a_beslisnota_even_ter_ondertekening():
    text = ("Nota\nTER ONDERTEKENING\nAan\nMOCW\nVan\nDGHO/ZW\nDatum\n4 december 2023\n\n"
            "Evaluatie van het schoolzwemmen\n\n"
            "Geadviseerd besluit\nGeadviseerd wordt de brief over het schoolzwemmen te tekenen.\n\n"
            "Kern\nDe evaluatie is klaar.\n")
    assert doc_type(text) == T.beslisnota


def test_memo_with_beslispunten_is_a_beslisnota():
    text = ("Memo\nAan: Gedeputeerde Staten\nDatum: 2 mei 2023\n\nAanleiding\nDe gemeente vraagt om een bijdrage.\n\n"
            "Beslispunten\n• Instemmen met de samenwerkingsovereenkomst\n")
    assert doc_type(text) == T.beslisnota


def test_decision_without_any_type_cue_is_a_beslisnota():
    text = "Aan\nMinister van Financiën\n\nAanleiding\nDe Kamer stelt vragen.\n\nGeadviseerd besluit\nInstemmen met de brief.\n"
    assert doc_type(text) == T.beslisnota


def test_letter_keeps_its_type_despite_an_advies_heading():
    text = HEADERS[T.brief] + "\nAdvies\nWij adviseren u de proef te verlengen.\n"
    assert doc_type(text) == T.brief


def test_a_short_plain_note_is_a_notitie():
    # no type named, no header fields, no letter or e-mail form: a plain written note
    assert doc_type("Lessen uit de proef met deelbakfietsen\n\n• Het gebruik verschilt per wijk.\n") == T.notitie


def test_a_long_document_without_any_cue_is_other():
    text = "\f".join(f"Hoofdstuk {i}\nTekst over het onderwerp van dit hoofdstuk.\n" for i in range(1, 9))
    assert doc_type(text) in (T.notitie, T.other)


def test_inventarislijst_spelling():
    # regression: the cue knew 'Inventarisatielijst' but not the spelling 'Inventarislijst'
    assert doc_type("Inventarislijst Woo-besluit waterbussen\nNr. Document Datum Beoordeling Grond\n"
                    "1 E-mail 6-3-2023 Deels openbaar 5.1.2e\n") == T.inventarislijst


def test_a_letter_to_a_committee_of_the_kamer_is_a_kamerbrief():
    # ANNOTATION: a kamerbrief is a letter to the Eerste or Tweede Kamer; a committee is the Kamer's
    assert doc_type("Stichting Waterrecht\n\nVaste commissie voor Waterbeheer van de Tweede Kamer\nPostbus 20018\n"
             "2500 EA  Den Haag\n\nDatum: 4 maart 2025\nOnderwerp: Reactie op het wetsvoorstel\n\n"
             "Geachte leden van de commissie,\n\nHierbij reageren wij op het wetsvoorstel.\n\nMet vriendelijke groet,\n") \
        == T.kamerbrief


def test_a_raadsinformatiebrief_is_a_letter():
    assert doc_type("RAADSINFORMATIEBRIEF\nAan\nGemeenteraad van Velderveen\nVan\ncollege van burgemeester en "
                    "wethouders\nDatum\n22 mei 2025\n\nWij informeren u over de stand van zaken.\n") == T.brief
