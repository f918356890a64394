"""The DCAT-AP-NL 3.0 description of a published collection of notes.

One `dcat:Catalog` with one `dcat:Dataset` (the notes), a `dcat:Distribution`
for each dump file and for the SPARQL endpoint, a `dcat:DataService` for the
endpoint, and VoID statistics on the dataset (`void:triples`, the number of
notes as `void:entities`, the number of organisations as a property
partition). Publisher and creator are TOOI organisation IRIs; access rights
are EU NAL `access-right/PUBLIC`, the theme EU NAL `data-theme/GOVE`.

DCAT-AP-NL's recommended properties are there too: `dct:issued` (kept from
the catalog published before, else the publication date), `dct:temporal` (the
first and last date of the notes), `dcat:landingPage` and `foaf:homepage` (the
configured homepage, else the HTML pages `kenmerk serve` answers on the
dataset's and the catalog's IRI), `dct:conformsTo` (DCAT-AP-NL for the
description, the `kmk:` vocabulary for the data), `dcat:accessService`.

The SPARQL endpoint is described only at a URL others can reach: a loopback
or private address (`http://127.0.0.1:7878/query`, the one publish wrote to)
goes into the catalog only when given as `endpoint_url` (`--endpoint-url`);
`catalog_endpoint` says why it is left out otherwise.

Every node has an IRI under the base (`BASE catalog`, `BASE dataset`, …): no
blank nodes, so the same inputs give the same graph. The EU NAL concepts and
the agents the catalog points to are described in it with their type and label,
as DCAT-AP's class-range shapes expect of a self-contained description.
Validated in the tests against the DCAT-AP 3.0.1 and DCAT-AP-NL 3.0 shapes.
"""
from __future__ import annotations

import datetime as dt
import ipaddress
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, VOID, XSD, DefinedNamespace, Namespace

from kenmerk.output.config import LICENCE_LABELS, CatalogValues, ConfigError, PublishConfig
from kenmerk.output.dump import DumpFile
from kenmerk.output.formats import get_format
from kenmerk.vocab import KMK_NS

TOOI_ID = "https://identifier.overheid.nl/tooi/id/"
EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"
SPARQL_PROTOCOL = URIRef("https://www.w3.org/TR/sparql11-protocol/")
DCAT_AP_NL = URIRef("https://docs.geostandaarden.nl/dcat/dcat-ap-nl30/")
#: the vocabulary the notes are written in (its HTML and Turtle are served at this IRI)
KENMERK_VOCABULARY = URIRef(KMK_NS.rstrip("#"))


class VCARD(DefinedNamespace):
    """The vCard terms a DCAT contact point uses."""

    _NS = Namespace("http://www.w3.org/2006/vcard/ns#")
    Kind: URIRef
    Organization: URIRef
    fn: URIRef
    hasEmail: URIRef
    hasURL: URIRef


class SPDX(DefinedNamespace):
    """SPDX checksum terms (DCAT-AP `spdx:checksum`)."""

    _NS = Namespace("http://spdx.org/rdf/terms#")
    Checksum: URIRef
    checksum: URIRef
    algorithm: URIRef
    checksumValue: URIRef
    ChecksumAlgorithm: URIRef
    checksumAlgorithm_sha256: URIRef


class DCATAP(DefinedNamespace):
    """DCAT-AP's own terms."""

    _NS = Namespace("http://data.europa.eu/r5r/")
    availability: URIRef


#: EU NAL concepts used, with (scheme, Dutch label, English label, extra types)
_NAL: dict[str, tuple[str, str, str, tuple[URIRef, ...]]] = {
    "access-right/PUBLIC": ("access-right", "publiek", "public", (DCTERMS.RightsStatement,)),
    "data-theme/GOVE": ("data-theme", "Overheid en publieke sector", "Government and public sector", ()),
    "language/NLD": ("language", "Nederlands", "Dutch", (DCTERMS.LinguisticSystem,)),
    "language/ENG": ("language", "Engels", "English", (DCTERMS.LinguisticSystem,)),
    "country/NLD": ("country", "Nederland", "Netherlands", (DCTERMS.Location,)),
    "file-type/RDF_N_QUADS": ("file-type", "N-Quads", "N-Quads", (DCTERMS.MediaTypeOrExtent,)),
    "file-type/RDF_TRIG": ("file-type", "TriG", "TriG", (DCTERMS.MediaTypeOrExtent,)),
    "file-type/RDF_N_TRIPLES": ("file-type", "N-Triples", "N-Triples", (DCTERMS.MediaTypeOrExtent,)),
    "file-type/RDF_TURTLE": ("file-type", "Turtle", "Turtle", (DCTERMS.MediaTypeOrExtent,)),
    "file-type/SPARQLQ": ("file-type", "SPARQL-query", "SPARQL query", (DCTERMS.MediaTypeOrExtent,)),
    "planned-availability/STABLE": ("planned-availability", "stabiel", "stable", ()),
}
#: the SPDX term (http://, as SPDX mints it; DCAT-AP 3.0.1's mdr-vocabularies shape has an https pattern by mistake)
SHA256 = SPDX.checksumAlgorithm_sha256
DATA_THEMES = URIRef(EU + "data-theme")

_LANGUAGES = {"nl": "language/NLD", "en": "language/ENG"}


def _nal(code: str) -> URIRef:
    if code not in _NAL:
        raise KeyError(code)
    return URIRef(EU + code)


@dataclass(frozen=True)
class Stats:
    """What a collection holds: triples in note graphs, notes, distinct organisations (VoID);
    the first and last date of its notes (`dct:temporal`); when it was first issued, if known."""

    triples: int = 0
    notes: int = 0
    organisations: int = 0
    first: dt.date | None = None
    last: dt.date | None = None
    issued: dt.date | None = None


@dataclass(frozen=True)
class CatalogIris:
    """The IRIs of the catalog's nodes, all under the base."""

    base: str

    @classmethod
    def of(cls, base: str) -> "CatalogIris":
        return cls(base if base.endswith(("/", "#")) else base + "/")

    @property
    def catalog(self) -> URIRef:
        return URIRef(self.base + "catalog")

    @property
    def dataset(self) -> URIRef:
        return URIRef(self.base + "catalog/dataset")

    @property
    def contact(self) -> URIRef:
        return URIRef(self.base + "catalog/contact")

    @property
    def service(self) -> URIRef:
        return URIRef(self.base + "catalog/sparql")

    @property
    def service_distribution(self) -> URIRef:
        return URIRef(self.base + "catalog/distribution/sparql")

    @property
    def period(self) -> URIRef:
        return URIRef(self.base + "catalog/dataset/period")

    @property
    def organisations_partition(self) -> URIRef:
        return URIRef(self.base + "catalog/dataset/organisations")

    def distribution(self, name: str) -> URIRef:
        return URIRef(self.base + "catalog/distribution/" + re.sub(r"[^A-Za-z0-9._-]", "_", name))


def catalog_graph_iri(base: str) -> str:
    """The named graph (and IRI) of the catalog in a store."""
    return str(CatalogIris.of(base).catalog)


def period_query(base: str) -> str:
    """SPARQL for ?first and ?last (the notes' dates) and ?issued (the published catalog's)."""
    iris = CatalogIris.of(base)
    note_prefix = Literal(iris.base + "note/").n3()
    return (  # two aggregates of one row each: an unbound ?d or ?i in one MIN would leave both unbound
        "SELECT ?first ?last ?issued WHERE { "
        "{ SELECT (MIN(?d) AS ?first) (MAX(?d) AS ?last) WHERE { "
        f"GRAPH ?g {{ ?g <{DCTERMS.created}> ?d }} FILTER(STRSTARTS(STR(?g), {note_prefix})) }} }} "
        "{ SELECT (MIN(?i) AS ?issued) WHERE { "
        f"GRAPH <{iris.catalog}> {{ <{iris.dataset}> <{DCTERMS.issued}> ?i }} }} }} }}"
    )


def parse_date(value: object) -> dt.date | None:
    """An ISO date from a SPARQL answer, None when there is none."""
    try:
        return dt.date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def issued_in_file(path: Path, base: str) -> dt.date | None:
    """The dataset's `dct:issued` in a catalog file written before (Turtle), None when there is none."""
    try:
        triples = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
        dataset, issued = ox.NamedNode(str(CatalogIris.of(base).dataset)), ox.NamedNode(str(DCTERMS.issued))
        return min((d for t in triples if t.subject == dataset and t.predicate == issued
                    and (d := parse_date(t.object.value)) is not None), default=None)
    except (OSError, SyntaxError):
        return None


def is_public_url(url: str) -> bool:
    """False for a loopback, private, link-local or single-label host (`127.0.0.1`, `10.0.0.5`, `localhost`)."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "." in host and not host.endswith((".localhost", ".local", ".internal", ".lan", ".home.arpa"))
    return address.is_global


def catalog_endpoint(explicit: str | None, used: str | None) -> tuple[str | None, str | None]:
    """(the endpoint URL the catalog names, a warning when the one publish used is left out)."""
    if explicit:
        return explicit, None
    if not used or is_public_url(used):
        return used, None
    return None, (f"{used}: a loopback or private address; the catalog names no SPARQL endpoint "
                  "(give the public one with --endpoint-url or endpoint_url in kenmerk.toml)")


def publication_date() -> dt.date:
    """Today, or the day of `$SOURCE_DATE_EPOCH` (reproducible builds)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
    return dt.date.today()


# -- organisations ------------------------------------------------------------------------------

_TOOI_CODE = re.compile(r"^(mnre|gm|pv|ws|zb|oorg|so|col)(\d+)$", re.I)
_TOOI_KIND = {"mnre": "ministerie", "gm": "gemeente", "pv": "provincie", "ws": "waterschap",
              "zb": "zbo", "oorg": "oorg", "so": "so", "col": "col"}


def resolve_agent(value: str, name: str | None = None, *, key: str = "publisher") -> tuple[URIRef, str]:
    """(TOOI IRI, name) of a publisher or creator given as TOOI IRI, TOOI code or name."""
    value = value.strip()
    match = _TOOI_CODE.match(value)
    if match:
        iri = f"{TOOI_ID}{_TOOI_KIND[match.group(1).lower()]}/{match.group(1).lower()}{match.group(2)}"
    elif value.startswith(("http://", "https://")):
        iri = value
    else:
        iri = None
    looked_up = _lookup_organisation(iri or value)
    if looked_up is not None:
        iri = iri or looked_up[0]
        name = name or looked_up[1]
    if iri is None:
        raise ConfigError(f"{key} {value!r}: not a TOOI organisation; give its TOOI IRI or code (e.g. mnre1090)")
    if not name:
        raise ConfigError(f"{key} {iri}: unknown organisation name; set {key}_name")
    return URIRef(iri), name


def _lookup_organisation(value: str) -> tuple[str, str] | None:
    """(IRI, label) from the TOOI tables in `kenmerk.vocab`, when they know `value` (IRI or name)."""
    try:
        from kenmerk.vocab import organisation_by_iri, resolve_organisation
    except ImportError:
        return None
    if value.startswith(("http://", "https://")):
        org = organisation_by_iri(value)
        return (str(org.iri), org.label) if org is not None else None
    found = resolve_organisation(value)
    return (str(found.iri), found.label) if found is not None else None


# -- the catalog --------------------------------------------------------------------------------


def build_catalog(
    config: PublishConfig,
    stats: Stats,
    *,
    dumps: Sequence[DumpFile] = (),
    dump_root: str | os.PathLike[str] | None = None,
    endpoint_url: str | None = None,
    organisation_property: URIRef | None = None,
    modified: dt.date | None = None,
) -> Graph:
    """The catalog graph; raises ConfigError when a required value is missing."""
    values = config.catalog_values(dumps=bool(dumps))
    c = _Context.of(config, values, stats, modified or publication_date())
    endpoint, _ = catalog_endpoint(config.endpoint_url, endpoint_url)
    _describe_catalog(c)
    _describe_dataset(c, stats, organisation_property)
    _describe_agents(c)
    if values.download_url is not None:  # set whenever there are dumps (catalog_values requires it then)
        _describe_dumps(c, values.download_url, dumps, dump_root)
    if endpoint:
        _describe_endpoint(c, endpoint)
    _label_concepts(c.graph)
    return c.graph


@dataclass(frozen=True)
class _Context:
    """What every part of the catalog uses: the graph it is written to, the IRIs, names, licence and dates."""

    graph: Graph
    config: PublishConfig
    contact_email: str
    iris: CatalogIris
    lang: str
    publisher: URIRef
    publisher_name: str
    creator: URIRef
    creator_name: str
    licence: URIRef
    modified: Literal
    issued: Literal
    title: str
    description: str
    language: URIRef
    public: URIRef
    gove: URIRef

    @classmethod
    def of(cls, config: PublishConfig, values: CatalogValues, stats: Stats, modified: dt.date) -> _Context:
        lang = config.language or "nl"
        publisher, publisher_name = resolve_agent(values.publisher, config.publisher_name)
        creator, creator_name = (
            resolve_agent(config.creator, config.creator_name, key="creator") if config.creator
            else (publisher, publisher_name)
        )
        graph = Graph()
        for prefix, ns in (("dcat", DCAT), ("dct", DCTERMS), ("foaf", FOAF), ("void", VOID), ("skos", SKOS),
                           ("vcard", VCARD._NS), ("spdx", SPDX._NS), ("dcatap", DCATAP._NS)):
            graph.bind(prefix, ns)
        return cls(
            graph=graph, config=config, contact_email=values.contact_email, iris=CatalogIris.of(values.base), lang=lang,
            publisher=publisher, publisher_name=publisher_name, creator=creator, creator_name=creator_name,
            licence=URIRef(values.licence), modified=Literal(modified.isoformat(), datatype=XSD.date),
            issued=Literal((stats.issued or modified).isoformat(), datatype=XSD.date),
            title=config.title or f"Nota's van {publisher_name}",
            description=config.description or (
                f"Metadata van nota's, beslisnota's, brieven en Woo-besluiten van {publisher_name}, "
                "uit de documenten gehaald met kenmerk."),
            language=_nal(_LANGUAGES.get(lang, "language/NLD")),
            public=_nal("access-right/PUBLIC"), gove=_nal("data-theme/GOVE"),
        )


def _responsible(c: _Context, subject: URIRef) -> None:
    """Who publishes, made and answers for `subject` (the catalog, the dataset, the SPARQL service)."""
    c.graph.add((subject, DCTERMS.publisher, c.publisher))
    c.graph.add((subject, DCTERMS.creator, c.creator))
    c.graph.add((subject, DCAT.contactPoint, c.iris.contact))


def _describe_catalog(c: _Context) -> None:
    """The catalog: its title, publisher, licence, dates, theme taxonomy and homepage."""
    add = c.graph.add
    cat = c.iris.catalog
    add((cat, RDF.type, DCAT.Catalog))
    add((cat, DCTERMS.title, Literal(f"Catalogus: {c.title}", lang=c.lang)))
    add((cat, DCTERMS.description, Literal(c.description, lang=c.lang)))
    _responsible(c, cat)
    add((cat, DCTERMS.language, c.language))
    add((cat, DCTERMS.license, c.licence))
    add((cat, DCTERMS.issued, c.issued))
    add((cat, DCTERMS.modified, c.modified))
    add((cat, DCAT.dataset, c.iris.dataset))
    add((cat, DCAT.themeTaxonomy, DATA_THEMES))
    add((DATA_THEMES, RDF.type, SKOS.ConceptScheme))
    add((DATA_THEMES, DCTERMS.title, Literal("Data theme", lang="en")))
    homepage = URIRef(c.config.homepage or str(cat) + ".html")
    add((cat, FOAF.homepage, homepage))
    add((homepage, RDF.type, FOAF.Document))
    add((cat, DCTERMS.conformsTo, DCAT_AP_NL))


def _describe_dataset(c: _Context, stats: Stats, organisation_property: URIRef | None) -> None:
    """The dataset: its description, rights, period, keywords and statistics."""
    add = c.graph.add
    ds = c.iris.dataset
    add((ds, RDF.type, DCAT.Dataset))
    add((ds, RDF.type, VOID.Dataset))
    add((ds, DCTERMS.title, Literal(c.title, lang=c.lang)))
    add((ds, DCTERMS.description, Literal(c.description, lang=c.lang)))
    add((ds, DCTERMS.identifier, Literal(c.config.identifier or str(ds))))
    _responsible(c, ds)
    add((ds, DCTERMS.accessRights, c.public))
    add((ds, DCAT.theme, c.gove))
    add((ds, DCTERMS.language, c.language))
    add((ds, DCTERMS.spatial, _nal("country/NLD")))
    add((ds, DCTERMS.issued, c.issued))
    add((ds, DCTERMS.modified, c.modified))
    add((ds, DCTERMS.conformsTo, DCAT_AP_NL))
    add((ds, DCTERMS.conformsTo, KENMERK_VOCABULARY))
    for standard, name in ((DCAT_AP_NL, "DCAT-AP-NL 3.0"), (KENMERK_VOCABULARY, "kenmerk vocabulary")):
        add((standard, RDF.type, DCTERMS.Standard))
        add((standard, DCTERMS.title, Literal(name, lang="en")))
    landing = URIRef(c.config.homepage or str(ds) + ".html")
    add((ds, DCAT.landingPage, landing))
    add((landing, RDF.type, FOAF.Document))
    add((ds, FOAF.page, KENMERK_VOCABULARY))
    add((KENMERK_VOCABULARY, RDF.type, FOAF.Document))
    if stats.first is not None and stats.last is not None:
        period = c.iris.period
        add((ds, DCTERMS.temporal, period))
        add((period, RDF.type, DCTERMS.PeriodOfTime))
        add((period, DCAT.startDate, Literal(stats.first.isoformat(), datatype=XSD.date)))
        add((period, DCAT.endDate, Literal(stats.last.isoformat(), datatype=XSD.date)))
    for word in ("nota", "beslisnota", "Kamerbrief", "Woo-besluit"):
        add((ds, DCAT.keyword, Literal(word, lang="nl")))
    add((ds, VOID.triples, Literal(stats.triples, datatype=XSD.integer)))
    add((ds, VOID.entities, Literal(stats.notes, datatype=XSD.integer)))
    if organisation_property is not None:
        part = c.iris.organisations_partition
        add((ds, VOID.propertyPartition, part))
        add((part, RDF.type, VOID.Dataset))
        add((part, VOID.property, organisation_property))
        add((part, VOID.distinctObjects, Literal(stats.organisations, datatype=XSD.integer)))


def _describe_agents(c: _Context) -> None:
    """The publisher and creator as agents, the contact point, the licence's label."""
    add = c.graph.add
    for agent, name in {c.publisher: c.publisher_name, c.creator: c.creator_name}.items():
        add((agent, RDF.type, FOAF.Agent))
        add((agent, FOAF.name, Literal(name, lang="nl")))
    contact = c.iris.contact
    add((contact, RDF.type, VCARD.Kind))
    add((contact, RDF.type, VCARD.Organization))
    add((contact, VCARD.fn, Literal(c.config.contact_name or c.publisher_name, lang=c.lang)))
    add((contact, VCARD.hasEmail, URIRef("mailto:" + c.contact_email.strip())))
    if c.config.contact_url:
        add((contact, VCARD.hasURL, URIRef(c.config.contact_url)))

    add((c.licence, RDF.type, DCTERMS.LicenseDocument))
    if str(c.licence) in LICENCE_LABELS:
        add((c.licence, SKOS.prefLabel, Literal(LICENCE_LABELS[str(c.licence)], lang="nl")))


def _describe_dumps(c: _Context, download_url: str, dumps: Sequence[DumpFile],
                    dump_root: str | os.PathLike[str] | None) -> None:
    """One distribution per dump file: its download URL (under `download_url`), format, size and checksum."""
    add = c.graph.add
    root = Path(dump_root) if dump_root is not None else None
    for dump in sorted(dumps, key=lambda d: str(d.path)):
        relative = dump.path.relative_to(root).as_posix() if root is not None else dump.name
        url = URIRef(_join_url(download_url, relative))
        dist = c.iris.distribution(relative)
        add((c.iris.dataset, DCAT.distribution, dist))
        add((dist, RDF.type, DCAT.Distribution))
        add((dist, DCTERMS.title, Literal(f"Alle nota's als {get_format(dump.media_type).label}"
                                          + (" (gzip)" if dump.gzip else ""), lang="nl")))
        add((dist, DCTERMS.description, Literal(
            "Eén bestand met alle gepubliceerde nota's; elke nota staat in een eigen named graph.", lang="nl")))
        add((dist, DCTERMS.language, c.language))
        add((dist, DCAT.accessURL, url))
        add((dist, DCAT.downloadURL, url))
        add((dist, DCTERMS.license, c.licence))
        add((dist, DCTERMS.format, _nal("file-type/" + dump.file_type)))
        add((dist, DCTERMS.conformsTo, KENMERK_VOCABULARY))
        add((dist, DCAT.mediaType, URIRef(IANA + dump.media_type)))
        add((URIRef(IANA + dump.media_type), RDF.type, DCTERMS.MediaType))
        if dump.gzip:
            add((dist, DCAT.compressFormat, URIRef(IANA + "application/gzip")))
            add((URIRef(IANA + "application/gzip"), RDF.type, DCTERMS.MediaType))
        add((dist, DCAT.byteSize, Literal(dump.byte_size, datatype=XSD.nonNegativeInteger)))
        checksum = URIRef(str(dist) + "#sha256")
        add((dist, SPDX.checksum, checksum))
        add((checksum, RDF.type, SPDX.Checksum))
        add((checksum, SPDX.algorithm, SHA256))
        add((SHA256, RDF.type, SPDX.ChecksumAlgorithm))
        add((checksum, SPDX.checksumValue, Literal(dump.sha256, datatype=XSD.hexBinary)))
        add((dist, DCATAP.availability, _nal("planned-availability/STABLE")))
        add((dist, DCTERMS.issued, c.issued))
        add((dist, DCTERMS.modified, c.modified))
        add((c.iris.dataset, VOID.dataDump, url))


def _describe_endpoint(c: _Context, endpoint: str) -> None:
    """The SPARQL endpoint as a data service and a distribution."""
    add = c.graph.add
    svc, dist, url = c.iris.service, c.iris.service_distribution, URIRef(endpoint)
    add((c.iris.catalog, DCAT.service, svc))
    add((svc, RDF.type, DCAT.DataService))
    add((svc, DCTERMS.title, Literal(f"SPARQL-endpoint: {c.title}", lang=c.lang)))
    add((svc, DCTERMS.description, Literal(
        "SPARQL 1.1-endpoint met de metadata van de nota's; elke nota staat in een eigen named graph.",
        lang="nl")))
    add((svc, DCTERMS.identifier, Literal(str(svc))))
    add((svc, DCAT.endpointURL, url))
    add((svc, DCAT.endpointDescription, url))
    add((svc, DCTERMS.conformsTo, SPARQL_PROTOCOL))
    add((SPARQL_PROTOCOL, RDF.type, DCTERMS.Standard))
    add((svc, DCAT.servesDataset, c.iris.dataset))
    _responsible(c, svc)
    add((svc, DCTERMS.accessRights, c.public))
    add((svc, DCTERMS.license, c.licence))
    add((svc, DCAT.theme, c.gove))
    add((svc, DCAT.keyword, Literal("SPARQL", lang="nl")))
    add((svc, DCTERMS.language, c.language))
    add((svc, DCTERMS.issued, c.issued))
    add((c.iris.dataset, DCAT.distribution, dist))
    add((dist, RDF.type, DCAT.Distribution))
    add((dist, DCTERMS.title, Literal("SPARQL-endpoint", lang="nl")))
    add((dist, DCTERMS.description, Literal("Bevraag de nota's met SPARQL 1.1.", lang="nl")))
    add((dist, DCATAP.availability, _nal("planned-availability/STABLE")))
    add((dist, DCTERMS.language, c.language))
    add((dist, DCAT.accessURL, url))
    add((dist, DCAT.accessService, svc))
    add((dist, DCTERMS.conformsTo, KENMERK_VOCABULARY))
    add((dist, DCTERMS.issued, c.issued))
    add((dist, DCTERMS.license, c.licence))
    add((c.iris.dataset, VOID.sparqlEndpoint, url))


def _label_concepts(graph: Graph) -> None:
    """The EU NAL concepts the catalog uses, typed and labelled."""
    add = graph.add
    for code, (scheme, nl, en, types) in _NAL.items():
        concept = URIRef(EU + code)
        if (None, None, concept) not in graph:
            continue
        add((concept, RDF.type, SKOS.Concept))
        for extra in types:
            add((concept, RDF.type, extra))
        add((concept, SKOS.prefLabel, Literal(nl, lang="nl")))
        add((concept, SKOS.prefLabel, Literal(en, lang="en")))
        add((concept, SKOS.inScheme, URIRef(EU + scheme)))


def _join_url(base: str, relative: str) -> str:
    return base.rstrip("/") + "/" + relative.lstrip("/")


CATALOG_PREFIXES: Mapping[str, str] = {
    "dcat": str(DCAT), "dct": str(DCTERMS), "foaf": str(FOAF), "void": str(VOID), "skos": str(SKOS),
    "vcard": str(VCARD._NS), "spdx": str(SPDX._NS), "dcatap": str(DCATAP._NS), "xsd": str(XSD),
    "rdf": str(RDF),
}
