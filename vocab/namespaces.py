"""Typed namespaces for every vocabulary kenmerk emits.

Each class lists the terms we use, rdflib `DefinedNamespace` style with `_fail`
set, so `KMK.titel` or `TOOIKERN.c_2977c34e` raises `AttributeError` instead of
minting a wrong IRI silently. Standard vocabularies that rdflib ships (DCTERMS,
DCAT, PROV, SKOS, FOAF, ORG, SDO, …) are re-exported from `rdflib.namespace`.

`PREFIXES` maps every prefix we bind to its namespace; `bind_prefixes(graph)`
binds them all (Turtle serialises much faster with bound prefixes).
"""
from __future__ import annotations

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import (
    DCAT,
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    XSD,
    DefinedNamespace,
)

#: namespace of kenmerk's own ontology (`vocab/kenmerk.ttl`)
KMK_NS = "https://w3id.org/kenmerk/def#"


class KMK(DefinedNamespace):
    """kenmerk's own terms, for what no standard vocabulary covers (see `kenmerk.ttl`)."""

    _NS = Namespace(KMK_NS)
    _fail = True

    # classes
    Note: URIRef
    RecommendedDecision: URIRef
    Attachment: URIRef
    DatedEvent: URIRef
    RefusalGround: URIRef
    GroundCitation: URIRef
    Evidence: URIRef
    Extraction: URIRef
    SourceFile: URIRef
    KenmerkGroup: URIRef
    Correction: URIRef
    # properties
    kenmerk: URIRef
    kenmerkKey: URIRef
    kenmerkGroup: URIRef
    publisherName: URIRef
    addresseeOrganisation: URIRef
    attachmentDocument: URIRef
    identifierScheme: URIRef
    printedLabel: URIRef
    printedOrganisation: URIRef
    addressee: URIRef
    recommendedDecision: URIRef
    informationCategory: URIRef
    refusalGround: URIRef
    groundCitation: URIRef
    ground: URIRef
    citationCount: URIRef
    page: URIRef
    datedEvent: URIRef
    dateRole: URIRef
    evidence: URIRef
    forProperty: URIRef
    text: URIRef
    bbox: URIRef
    ocr: URIRef
    attachmentNumber: URIRef
    warning: URIRef
    schemaVersion: URIRef
    correction: URIRef
    correctedField: URIRef
    correctedProperty: URIRef
    extractedValue: URIRef
    # concept schemes and concepts
    documentTypes: URIRef
    docNota: URIRef
    docEmail: URIRef
    docMemo: URIRef
    docNotitie: URIRef
    docInventarislijst: URIRef
    docOther: URIRef
    identifierSchemes: URIRef
    idKenmerk: URIRef
    idUwKenmerk: URIRef
    idZaaknummer: URIRef
    idRegistratienummer: URIRef
    idDossiernummer: URIRef
    idKamerstuk: URIRef
    idOther: URIRef
    dateRoles: URIRef
    roleDocument: URIRef
    roleDeadline: URIRef
    roleMeeting: URIRef
    roleReceived: URIRef
    roleSent: URIRef
    rolePublication: URIRef
    roleDecision: URIRef
    roleOther: URIRef


class TOOIONT(DefinedNamespace):
    """TOOI ontology: organisation classes and the properties we read or write."""

    _NS = Namespace("https://identifier.overheid.nl/tooi/def/ont/")
    _fail = True

    Ministerie: URIRef
    Gemeente: URIRef
    Provincie: URIRef
    Waterschap: URIRef
    Zbo: URIRef
    Overheidsorganisatie: URIRef
    Samenwerkingsorganisatie: URIRef
    CaribischOpenbaarLichaam: URIRef
    organisatiecode: URIRef
    afkorting: URIRef


class TOOIKERN(DefinedNamespace):
    """TOOI kern thesaurus concepts we emit (document types, Woo categories, handelingen)."""

    _NS = Namespace("https://identifier.overheid.nl/tooi/def/thes/kern/")
    _fail = True

    # documentsoorten (ccw_plooi_documentsoorten)
    c_2977c34f: URIRef  # beslisnota
    c_49599e6c: URIRef  # Kamerbrief
    c_7652d853: URIRef  # brief
    c_42e406dd: URIRef  # vergaderverslag
    c_f90465b3: URIRef  # agenda
    c_4f50ca9c: URIRef  # beslissing op Wob-/Woo-verzoek
    c_465163c9: URIRef  # besluit
    c_d506b718: URIRef  # advies
    c_6d494ab6: URIRef  # Kamervraag met antwoord
    c_9376c730: URIRef  # beleidsnota
    c_10eb451d: URIRef  # beleidsdocument
    # Woo informatiecategorieën (scw_woo_informatiecategorieen)
    c_139c6280: URIRef
    c_aab6bfc7: URIRef
    c_759721e2: URIRef
    c_40a05794: URIRef
    c_89ee6784: URIRef
    c_8c840238: URIRef
    c_c76862ab: URIRef
    c_db4862c3: URIRef
    c_3a248e3a: URIRef
    c_99a836c7: URIRef
    c_8fc2335c: URIRef
    c_c6cd1213: URIRef
    c_cf268088: URIRef
    c_3baef532: URIRef  # Woo-verzoeken en -besluiten
    c_fdaee95e: URIRef
    c_46a81018: URIRef
    c_a870c43d: URIRef
    c_816e508d: URIRef  # inspanningsverplichting art 3.1 Woo
    # soorten handeling (ccw_plooi_documenthandelingen)
    c_641ecd76: URIRef  # vaststelling
    c_e1ec050e: URIRef  # ondertekening
    c_dfcee535: URIRef  # ontvangst


class DIWOO(DefinedNamespace):
    """DiWoo metadata XML elements (0.9.8) that `kenmerk.output.diwoo` writes.

    DiWoo is an XML sitemap extension without an RDF binding; these are element
    names (`{namespace}name`), used so that a misspelt element is an error.
    """

    _NS = Namespace("https://standaarden.overheid.nl/diwoo/metadata/")
    _fail = True

    Document: URIRef
    DiWoo: URIRef
    identifiers: URIRef
    identifier: URIRef
    publisher: URIRef
    opsteller: URIRef
    titelcollectie: URIRef
    officieleTitel: URIRef
    classificatiecollectie: URIRef
    informatiecategorieen: URIRef
    informatiecategorie: URIRef
    documentsoorten: URIRef
    documentsoort: URIRef
    creatiedatum: URIRef
    language: URIRef
    format: URIRef
    hasParts: URIRef
    hasPart: URIRef
    documenthandelingen: URIRef
    documenthandeling: URIRef
    soortHandeling: URIRef
    atTime: URIRef
    wasAssociatedWith: URIRef


class ADMS(DefinedNamespace):
    """Asset Description Metadata Schema: typed identifiers."""

    _NS = Namespace("http://www.w3.org/ns/adms#")
    _fail = True

    Identifier: URIRef
    identifier: URIRef
    schemeAgency: URIRef


class SPDX(DefinedNamespace):
    """SPDX terms DCAT-AP uses for checksums, and the file name."""

    _NS = Namespace("http://spdx.org/rdf/terms#")
    _fail = True

    Checksum: URIRef
    checksum: URIRef
    algorithm: URIRef
    checksumValue: URIRef
    checksumAlgorithm_sha256: URIRef
    fileName: URIRef


class OA(DefinedNamespace):
    """Web Annotation terms our evidence terms are mapped to."""

    _NS = Namespace("http://www.w3.org/ns/oa#")
    _fail = True

    TextQuoteSelector: URIRef
    FragmentSelector: URIRef
    exact: URIRef
    hasSelector: URIRef


class BESLUIT(DefinedNamespace):
    """OSLO Besluit terms our decision terms are mapped to."""

    _NS = Namespace("http://data.vlaanderen.be/ns/besluit#")
    _fail = True

    Besluit: URIRef
    heeftOntwerpbesluit: URIRef


class ELI(DefinedNamespace):
    """European Legislation Identifier terms our ground terms are mapped to."""

    _NS = Namespace("http://data.europa.eu/eli/ontology#")
    _fail = True

    LegalResourceSubdivision: URIRef
    cites: URIRef


class EULANG(DefinedNamespace):
    """EU language authority table: the languages of DiWoo's taallijst."""

    _NS = Namespace("http://publications.europa.eu/resource/authority/language/")
    _fail = True

    BUL: URIRef
    CES: URIRef
    DAN: URIRef
    DEU: URIRef
    ELL: URIRef
    ENG: URIRef
    EST: URIRef
    FIN: URIRef
    FRA: URIRef
    FRY: URIRef
    GLE: URIRef
    HRV: URIRef
    HUN: URIRef
    ITA: URIRef
    LAV: URIRef
    LIT: URIRef
    MLT: URIRef
    NLD: URIRef
    POL: URIRef
    POR: URIRef
    RON: URIRef
    SLK: URIRef
    SLV: URIRef
    SPA: URIRef
    SWE: URIRef


class EUFILETYPE(DefinedNamespace):
    """EU file-type authority table: the formats of DiWoo's formatlijst we map to."""

    _NS = Namespace("http://publications.europa.eu/resource/authority/file-type/")
    _fail = True

    PDF: URIRef
    TXT: URIRef
    HTML: URIRef
    CSV: URIRef
    RTF: URIRef
    DOC: URIRef
    DOCX: URIRef
    ODT: URIRef
    XLS: URIRef
    XLSX: URIRef
    ZIP: URIRef


#: TOOI organisation identifiers: `TOOIID["ministerie/mnre1162"]` (open: 1 400 codes, checked by the tables)
TOOIID = Namespace("https://identifier.overheid.nl/tooi/id/")
#: IANA media types as IRIs, as DCAT-AP uses them for dcat:mediaType
IANA = Namespace("https://www.iana.org/assignments/media-types/")

#: every prefix kenmerk binds, in the order Turtle output lists them
PREFIXES: dict[str, str] = {
    "kmk": str(KMK),
    "dct": str(DCTERMS),
    "dcat": str(DCAT),
    "prov": str(PROV),
    "skos": str(SKOS),
    "foaf": str(FOAF),
    "org": str(ORG),
    "adms": str(ADMS),
    "spdx": str(SPDX),
    "schema": str(SDO),
    "tooiont": str(TOOIONT),
    "tooikern": str(TOOIKERN),
    "tooi": str(TOOIID),
    "eulang": str(EULANG),
    "eufiletype": str(EUFILETYPE),
    "iana": str(IANA),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "sh": str(SH),
    "oa": str(OA),
    "besluit": str(BESLUIT),
    "eli": str(ELI),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind all of `PREFIXES` on `graph` (replacing rdflib's defaults) and return it."""
    for prefix, ns in PREFIXES.items():
        graph.bind(prefix, ns, override=True, replace=True)
    return graph


__all__ = [
    "ADMS", "BESLUIT", "DCAT", "DCTERMS", "DIWOO", "ELI", "EUFILETYPE", "EULANG", "FOAF", "IANA", "KMK",
    "KMK_NS", "OA", "ORG", "OWL", "PREFIXES", "PROV", "RDF", "RDFS", "SDO", "SH", "SKOS", "SPDX",
    "TOOIID", "TOOIKERN", "TOOIONT", "XSD", "bind_prefixes",
]
