"""Document type from the designations of `kenmerk.extract.doctype.DESIGNATIONS` and the forms, one header per type."""
from __future__ import annotations

import pytest

from kenmerk.extract import DocumentType as T
from kenmerk.extract.doctype import DESIGNATIONS
from kenmerk.extract.note import extract_note


def doc_type(text: str) -> T:
    return extract_note(text.encode("utf-8"), "x.txt").document_type


#: type → a short header that says what it is
HEADERS: dict[T, str] = {
    T.inventarislijst: "Inventarisatielijst Wob-besluit inzake zonneweide Jaagweg sept okt nov dec 2021\n"
                       "Nr. Document(naam)\nDatum\nBeoordeling\nWob-grond\n1\nMemo BO verslag gesprek 20210324\n"
                       "19-7-2021\nDeels openbaar\n10.2.e\n",
    T.kamervragen: "Aanhangsel van de Handelingen\nVragen gesteld door de leden der Kamer, met de daarop door de regering "
                   "gegeven antwoorden\n3235\nVragen van het lid Van Weyenberg (D66) aan de minister van Sociale Zaken en "
                   "Werkgelegenheid over de Tozo (ingezonden 2 juli 2021).\n",
    T.advies: "Advies Raad van State\nBij Kabinetsmissive van 2 juli 2020 heeft Uwe Majesteit het voorstel van wet "
              "ter overweging aanhangig gemaakt.\n",
    T.other: "BNC-fiche 5: Herziening MiFID en MiFIR\n1. Algemene gegevens\nTitel voorstel: Proposal for a Directive\n",
    T.email: "Van: Jansen, P. (Piet)\nVerzonden: donderdag 24 september 2020 10:12\nAan: Vries, A. de\n"
             "Onderwerp: RE: WIP richtlijn PBM\n\nHoi Anne, zie hieronder.\n",
    T.woo_besluit: "Besluit op uw Woo-verzoek over het advies van de landsadvocaat\n\nGeachte heer Jansen,\n\n"
                   "In uw verzoek van 3 juni 2025 vraagt u om documenten.\n",
    T.besluit: "Besluit actieve openbaarmaking Zonneweide Jaagweg\n\nGedeputeerde Staten van Noord-Holland besluiten "
               "de documenten openbaar te maken.\n",
    T.beslisnota: "Beslisnota\nAan\nMinister van Landbouw, Natuur en Voedselkwaliteit\nDatum\n3 mei 2024\n\n"
                  "Beantwoording Kamervragen over de wolf\n",
    T.memo: "Memo\nAan\nGedeputeerde Staten\nDatum\n6 juli 2021\nOnderwerp\nIntentieovereenkomst zonneweide Jaagweg\n\n"
            "Hierbij informeren wij u over de stand van zaken.\n",
    T.notitie: "Notitie\nAan: ACC-19\nDatum: 10 september 2020\nTitel: Gereedschapskist escalatieladder\n\n"
               "De notitie beschrijft de stappen.\n",
    T.agenda: "Agenda\nBestuurlijk overleg zonneweide Jaagweg\nDatum: 18 november 2021\n1. Opening\n2. Mededelingen\n",
    T.verslag: "Verslag bestuurlijk overleg IC-opschaling\nVergaderdatum 24 september 2020\n"
               "Aanwezig: DG Curatieve Zorg, NZa\n\nDe voorzitter opent de vergadering.\n",
    T.kamerbrief: "> Retouradres Postbus 20301 2500 EH Den Haag\nAan de Voorzitter van de Tweede Kamer\n"
                  "der Staten-Generaal\nPostbus 20018\n2500 EA Den Haag\nDatum 1 maart 2011\nBetreft: Draagmoederschap\n\n"
                  "Geachte voorzitter,\n",
    T.brief: "> Retouradres Postbus 20350 2500 EJ Den Haag\nVoorzitter veiligheidsregio Utrecht\nPostbus 3154\n"
             "3502 GD Utrecht\nDatum 11 SEP. 2020\nBetreft: Aanvullende aanwijzing\n\nGeachte voorzitter,\n",
    T.nota: "Nota\nTER INFORMATIE\nAan\nMinister van Financiën\nDatum\n3 mei 2024\n\nStand van zaken toeslagen\n\n"
            "Aanleiding\nU heeft gevraagd om een overzicht.\n",
}


def test_every_designation_type_has_a_header_here():
    assert {d.type for d in DESIGNATIONS} <= set(HEADERS)


@pytest.mark.parametrize("expected", list(HEADERS), ids=lambda t: t.value)
def test_type_from_its_header(expected):
    assert doc_type(HEADERS[expected]) == expected


@pytest.mark.parametrize(
    "header, expected",
    [
        ("Nota ter beslissing\nAan\nMinister van VWS\nDatum\n7 september 2020\n", T.beslisnota),
        ("Oplegnota (ter beslissing)\nAan\nMinister van VWS\n", T.beslisnota),
        ("Nota\nTER BESLISSING\nAan\nMBZK\n", T.beslisnota),
        ("Nota\nTER KENNISNAME\nAan\nMBZK\n", T.nota),
        ("GS-nota\nDatum vergadering 6 juli 2021\n", T.nota),
        ("Gespreksnotitie\nGesprek 19-6-2020\n", T.notitie),
        ("Notulen\nOverleg COVID-19 en beschermingsmiddelen werkenden\n", T.verslag),
        ("Aantekeningen intern overleg kwetsbare ouderen\n", T.verslag),
        ("Aanbiedingsformulier\nVan: Minister van BZK\nTitel: Notitie verantwoordelijkheidsverdeling\n", T.other),
        ("From: Jansen, P.\nSent: Thursday, September 24, 2020 10:12 AM\nTo: Vries, A. de\nSubject: RE: PBM\n", T.email),
        ("Woo-deelbesluit digitale middelen februari 2021\n", T.woo_besluit),
        ("Advies van de Afdeling advisering van de Raad van State en nader rapport\n", T.advies),
    ],
)
def test_type_variants(header, expected):
    assert doc_type(header) == expected


def test_geadviseerd_besluit_makes_a_beslisnota_even_ter_ondertekening():
    text = ("Nota\nTER ONDERTEKENING\nAan\nMBZK\nVan\nCZW/CZ\nDatum\n13 december 2023\n\n"
            "Evaluaties College voor de Rechten van de Mens\n\n"
            "Geadviseerd besluit\nU wordt geadviseerd de brief aan de Kamer te ondertekenen.\n\n"
            "Kern\nDe evaluaties zijn afgerond.\n")
    assert doc_type(text) == T.beslisnota


def test_memo_with_beslispunten_is_a_beslisnota():
    text = ("Memo\nAan: Gedeputeerde Staten\nDatum: 29 juni 2021\n\nAanleiding\nDe gemeente vraagt om steun.\n\n"
            "Beslispunten\n• Instemmen met de intentieovereenkomst\n")
    assert doc_type(text) == T.beslisnota


def test_decision_without_any_type_cue_is_a_beslisnota():
    text = "Aan\nMinister van Financiën\n\nAanleiding\nDe Kamer vraagt.\n\nGeadviseerd besluit\nInstemmen met de brief.\n"
    assert doc_type(text) == T.beslisnota


def test_letter_keeps_its_type_despite_an_advies_heading():
    text = HEADERS[T.brief] + "\nAdvies\nWij adviseren u de maatregelen te verlengen.\n"
    assert doc_type(text) == T.brief


def test_a_short_plain_note_is_a_notitie():
    # no type named, no header fields, no letter or e-mail form: a plain written note
    assert doc_type("Lessen uit de pilot deelfietsen\n\n• Het gebruik verschilt per wijk.\n") == T.notitie


def test_a_long_document_without_any_cue_is_other():
    text = "\f".join(f"Hoofdstuk {i}\nTekst over het onderwerp van dit hoofdstuk.\n" for i in range(1, 9))
    assert doc_type(text) in (T.notitie, T.other)


def test_inventarislijst_spelling():
    # regression: the cue knew 'Inventarisatielijst' but not the spelling 'Inventarislijst'
    assert doc_type("Inventarislijst Woo-besluit digitale middelen\nNr. Document Datum Beoordeling Grond\n"
                    "1 E-mail 3-2-2021 Deels openbaar 5.1.2e\n") == T.inventarislijst
