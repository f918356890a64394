"""`Note` → RDF graph: the linked-data profile of kenmerk.

    from kenmerk.output.graph import note_graph
    g = note_graph(note)                       # rdflib.Graph, prefixes bound
    g.serialize(format="turtle")

The field-by-field mapping (model field → RDF property → vocabulary) is in
`vocab/MAPPING.md`; the graph conforms to `vocab/shapes.ttl`.

IRIs are minted, never blank nodes, so two graphs of the same note are equal
triple by triple and can be re-published. A note's IRI is built from what
identifies the document, never from the folder it was read from:

    {base}note/{organisation}/{kenmerk}/{date}/{sha256[:16]}   with a kenmerk
    {base}note/sha256/{sha256}                                 without one

`organisation` is the TOOI code (`mnre1162`) or `unknown-org`; `kenmerk` a
lower-case slug; `date` ISO or `undated`. The content hash makes two different
files differ even when they share organisation, kenmerk and date (a beslisnota
and its Kamerbrief often do); the readable part groups a kenmerk's documents.
Child nodes hang below the note IRI (`…/decision`, `…/attachment/1`,
`…/identifier/kenmerk`, `…/ground/5.1.2e`, `…/source`, `…/extraction`, `…/correction/title`).

A field a reviewer corrected (`kenmerk.output.corrections`: its evidence holds a `FieldCorrection`)
is stated as such: `N kmk:correction N/correction/FIELD` (and `prov:wasInfluencedBy`), a
`kmk:Correction` and `prov:Activity` with `kmk:correctedField`, `prov:endedAtTime` and
`prov:wasAssociatedWith` the reviewer, a shared `prov:Agent` at `{base}agent/reviewer/{slug}-{hash}`
named by the correction's `by`. The value the extraction gave is written (`kmk:extractedValue`) only
with `keep_extracted`; without it nothing of the old value is published.

Two graphs per note (`NoteTriples`): the note's own triples (its named graph) and
the descriptions of the **shared resources** it points to — organisations, units,
concepts, refusal grounds, its kenmerk group, the software agent — which a store
keeps once, in the shared graph `{base}shared` (`shared_graph_iri`), so counts
over the union of all graphs are counts of notes, not of copies. Every shared
description is a function of the resource alone (an organisation's one
`skos:prefLabel` is its current TOOI name; the name it had on the note's date is
the note's own `kmk:publisherName`), so merging them from any number of notes
gives the same triples. `note_graph` and `add_note` give both, for a
self-contained description of one note.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SDO, SKOS, XSD

from kenmerk.extract import DateRole, Evidence, IdentifierScheme, Note
from kenmerk.extract.errors import InvalidSetting
from kenmerk.extract.model import FieldCorrection
from kenmerk.extract.personal import scrub_note, text_scrubber
from kenmerk.vocab import (
    ADMS,
    IANA,
    KMK,
    SPDX,
    bind_prefixes,
    document_type,
    file_format,
    ground,
    information_category,
    language,
    resolve_organisation,
)
from kenmerk.vocab.organisations import ResolvedOrganisation

#: default base for minted IRIs; `example.org` is reserved, so nothing real is
#: claimed before a publisher sets its own base (`--base https://data.example.nl/id/`)
DEFAULT_BASE = "https://kenmerk.example.org/id/"

ID_SCHEMES: dict[IdentifierScheme, URIRef] = {
    IdentifierScheme.kenmerk: KMK.idKenmerk,
    IdentifierScheme.uw_kenmerk: KMK.idUwKenmerk,
    IdentifierScheme.zaaknummer: KMK.idZaaknummer,
    IdentifierScheme.registratienummer: KMK.idRegistratienummer,
    IdentifierScheme.dossiernummer: KMK.idDossiernummer,
    IdentifierScheme.kamerstuk: KMK.idKamerstuk,
    IdentifierScheme.other: KMK.idOther,
}
#: the property linking a note to its (TOOI) organisation, for statistics over published notes
ORGANISATION_PROPERTY = DCTERMS.publisher

#: identifiers of the addressee or of a dossier: referenced, not the note's own identifier
REFERENCED_SCHEMES = {IdentifierScheme.uw_kenmerk, IdentifierScheme.dossiernummer}

DATE_ROLES: dict[DateRole, URIRef] = {
    DateRole.document: KMK.roleDocument,
    DateRole.deadline: KMK.roleDeadline,
    DateRole.meeting: KMK.roleMeeting,
    DateRole.received: KMK.roleReceived,
    DateRole.sent: KMK.roleSent,
    DateRole.publication: KMK.rolePublication,
    DateRole.decision: KMK.roleDecision,
    DateRole.other: KMK.roleOther,
}

#: the RDF property each scalar field of `Note` goes to (for evidence)
FIELD_PROPERTIES: dict[str, URIRef] = {
    "document_type": DCTERMS.type,
    "title": DCTERMS.title,
    "kenmerk": KMK.kenmerk,
    "date": DCTERMS.created,
    "organisation": DCTERMS.publisher,
    "addressee": KMK.addressee,
    "recommended_decision": KMK.recommendedDecision,
    "language": DCTERMS.language,
}

#: the RDF property of each field a reviewer may correct (`kmk:correctedProperty`); `sections` has none
CORRECTED_PROPERTIES: dict[str, URIRef] = {
    **FIELD_PROPERTIES,
    "identifiers": ADMS.identifier,
    "dates": KMK.datedEvent,
    "attachments": DCTERMS.hasPart,
    "woo_grounds": KMK.refusalGround,
}

#: the datatype of an extracted value kept with `keep_extracted`, by field: a JSON string is a plain
#: literal unless listed here; any other JSON value (an object, a list, a number) is an `rdf:JSON` literal
EXTRACTED_DATATYPES: dict[str, URIRef] = {"date": XSD.date}

Triple = tuple[URIRef, URIRef, "URIRef | Literal"]

_SLUG_DROP = re.compile(r"[^a-z0-9._~]+")


def slug(text: str, limit: int = 80) -> str:
    """A lower-case IRI path segment: diacritics folded, runs of other characters → '-'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return _SLUG_DROP.sub("-", text).strip("-.")[:limit].strip("-.")


@lru_cache(maxsize=4096)
def _resolve(name: str | None, on: dt.date | None) -> ResolvedOrganisation | None:
    return resolve_organisation(name, on) if name else None


def note_organisation(note: Note) -> ResolvedOrganisation | None:
    """The TOOI organisation of the note's printed organisation, on the note's date."""
    return _resolve(note.organisation.name if note.organisation else None, note.date)


_NOT_IN_IRI = frozenset(' <>"{}|\\^`') | frozenset(chr(c) for c in range(0x21))


@lru_cache(maxsize=64)
def _base(base: str | None) -> str:
    """The base IRI ending in / or #; a base that would mint broken IRIs (spaces, <>"{}|\\^`) is refused."""
    base = base or DEFAULT_BASE
    bad = sorted({c for c in base if c in _NOT_IN_IRI})
    if bad or ":" not in base:
        shown = ", ".join("space" if c == " " else repr(c) for c in bad) or "no scheme"
        raise InvalidSetting(f"base IRI {base!r} is not a valid IRI ({shown}; escape a space as %20)")
    return base if base.endswith(("/", "#")) else base + "/"


def note_iri(note: Note, base: str | None = DEFAULT_BASE) -> URIRef:
    """The stable IRI of a note (see the module docstring for the scheme)."""
    root = _base(base)
    sha = note.source.sha256
    key = slug(note.kenmerk) if note.kenmerk else ""
    if not key:
        return URIRef(f"{root}note/sha256/{sha}")
    org = note_organisation(note)
    day = note.date.isoformat() if note.date else "undated"
    return URIRef(f"{root}note/{org.code if org else 'unknown-org'}/{key}/{day}/{sha[:16]}")


def agent_iri(version: str, base: str | None = DEFAULT_BASE) -> URIRef:
    """The IRI of the kenmerk software agent of one version."""
    return URIRef(f"{_base(base)}agent/kenmerk/{slug(version) or 'unknown'}")


def reviewer_iri(by: str, base: str | None = DEFAULT_BASE) -> URIRef:
    """The IRI of the reviewer who made a correction: a readable slug of `by` and a hash of it exactly,
    so two spellings that slug alike stay two agents and each agent has one name."""
    digest = hashlib.sha256(by.encode("utf-8")).hexdigest()[:12]
    return URIRef(f"{_base(base)}agent/reviewer/{slug(by, 60) or 'x'}-{digest}")


def shared_graph_iri(base: str | None = DEFAULT_BASE) -> URIRef:
    """The named graph holding the descriptions of shared resources (organisations, concepts, …)."""
    return URIRef(f"{_base(base)}shared")


_SPACES = re.compile(r"\s+")
_DASHES = str.maketrans({c: "-" for c in "‐‑‒–—―−"})


def kenmerk_key(kenmerk: str) -> str:
    """A kenmerk folded for look-up: Unicode compatibility forms, case, spaces and dash variants.

    `IENW/BSK-2022/248639`, `ienw / bsk–2022 / 248639` and `IENW/BSK-2022/248639 ` give the same key.
    """
    text = unicodedata.normalize("NFKC", kenmerk).translate(_DASHES).casefold()
    return _SPACES.sub("", text)


def kenmerk_group_iri(kenmerk: str, base: str | None = DEFAULT_BASE) -> URIRef:
    """The shared node every note with this kenmerk (in any spelling) points to."""
    return URIRef(f"{_base(base)}kenmerk/{slug(kenmerk_key(kenmerk), 120) or 'x'}")


@dataclass(frozen=True)
class AttachmentLink:
    """Attachment `position` of note `parent` is the document of note `document` (both in one batch)."""

    parent: URIRef
    position: int
    document: URIRef


@dataclass(frozen=True)
class NoteLinks:
    """What a note links to beyond its own fields (`kenmerk.output.links` finds them in a batch).

    `document_url`: where the document itself can be downloaded; `attachments`: links between
    an attachment of one note and another note of the batch, written in this note's graph.
    """

    document_url: str | None = None
    attachments: Sequence[AttachmentLink] = field(default_factory=tuple)


@dataclass(frozen=True)
class NoteTriples:
    """The note's IRI, its own triples (its named graph) and those describing the shared resources it uses."""

    iri: URIRef
    triples: list[Triple]
    shared: list[Triple]


class _Builder:
    """Adds the triples of one note to a graph (one instance per note)."""

    def __init__(self, note: Note, base: str | None, evidence: bool, generated_at: dt.datetime | None,
                 links: NoteLinks | None, keep_extracted: bool = False) -> None:
        self.triples: list[Triple] = []
        self.shared: list[Triple] = []
        self.add = self.triples.append
        self.describe = self.shared.append
        # published triples never carry personal data, even from a JSON made with --keep-personal-data
        self.extracted_note = note  # as given: its person fields name whom to scrub from extracted values
        self.note = note = scrub_note(note)
        self.base = base
        self.evidence = evidence
        self.keep_extracted = keep_extracted
        self.generated_at = generated_at
        self.links = links or NoteLinks()
        self.iri = note_iri(note, base)
        self.lang = note.language

    def text(self, value: str) -> Literal:
        return Literal(value, lang=self.lang)

    def child(self, *parts: object) -> URIRef:
        return URIRef("/".join([str(self.iri), *map(str, parts)]))

    def ev(self, subject: URIRef, ev: Evidence | None, prop: URIRef | None = None, field: str | None = None) -> None:
        if not self.evidence or ev is None:
            return
        node = self.child("evidence", field) if field else URIRef(f"{subject}/evidence")
        add = self.add
        add((subject, KMK.evidence, node))
        add((node, RDF.type, KMK.Evidence))
        add((node, KMK.text, Literal(ev.text)))
        if prop is not None:
            add((node, KMK.forProperty, prop))
        if ev.page is not None:
            add((node, KMK.page, Literal(ev.page, datatype=XSD.integer)))
        if ev.bbox is not None:
            b = ev.bbox
            add((node, KMK.bbox, Literal(f"{b.x0:g} {b.y0:g} {b.x1:g} {b.y1:g}")))
        if ev.ocr:
            add((node, KMK.ocr, Literal(True)))

    def build(self) -> URIRef:
        n, s, add, describe = self.note, self.iri, self.add, self.describe
        add((s, RDF.type, KMK.Note))
        add((s, RDF.type, FOAF.Document))
        add((s, KMK.schemaVersion, Literal(n.schema_version)))
        self.title()
        self.identifiers()
        if n.date is not None:
            add((s, DCTERMS.created, Literal(n.date, datatype=XSD.date)))
        doc_type = document_type(n.document_type)
        add((s, DCTERMS.type, doc_type.iri))
        describe((doc_type.iri, RDF.type, SKOS.Concept))
        describe((doc_type.iri, SKOS.prefLabel, Literal(doc_type.label, lang="nl")))
        category = information_category(n.document_type)
        add((s, KMK.informationCategory, category.iri))
        describe((category.iri, RDF.type, SKOS.Concept))
        describe((category.iri, SKOS.prefLabel, Literal(category.label, lang="nl")))
        lang = language(n.language)
        if lang is not None:
            add((s, DCTERMS.language, lang.iri))
        fmt = file_format(n.source.media_type)
        if fmt is not None:
            add((s, DCTERMS.format, fmt.iri))
        self.organisation()
        self.addressee()
        self.decision()
        self.attachments()
        self.dates()
        self.grounds()
        self.provenance()
        self.corrections()
        for name, ev in n.evidence.items():
            if name in FIELD_PROPERTIES:
                self.ev(s, ev, FIELD_PROPERTIES[name], name)
        return s

    def title(self) -> None:
        n = self.note
        if n.title:
            self.add((self.iri, DCTERMS.title, self.text(n.title)))
        else:  # DCAT and DiWoo need a title: fall back to the file name, as DiWoo publishers do
            self.add((self.iri, DCTERMS.title, Literal(n.source.file_name)))

    def identifiers(self) -> None:
        n, s, add = self.note, self.iri, self.add
        label_of_kenmerk = None
        if n.kenmerk:
            node = self.child("identifier", "kenmerk")
            add((s, KMK.kenmerk, Literal(n.kenmerk)))
            add((s, KMK.kenmerkKey, Literal(kenmerk_key(n.kenmerk))))
            add((s, DCTERMS.identifier, Literal(n.kenmerk)))
            add((s, ADMS.identifier, node))
            add((node, RDF.type, ADMS.Identifier))
            add((node, SKOS.notation, Literal(n.kenmerk)))
            add((node, KMK.identifierScheme, KMK.idKenmerk))
            group = kenmerk_group_iri(n.kenmerk, self.base)
            add((s, KMK.kenmerkGroup, group))
            self.describe((group, RDF.type, KMK.KenmerkGroup))
            self.describe((group, KMK.kenmerkKey, Literal(kenmerk_key(n.kenmerk))))
            label_of_kenmerk = node
        for i, ident in enumerate(n.identifiers, 1):
            if label_of_kenmerk is not None and ident.scheme is IdentifierScheme.kenmerk and ident.value == n.kenmerk:
                add((label_of_kenmerk, KMK.printedLabel, Literal(ident.label)))
                self.ev(label_of_kenmerk, ident.evidence)
                label_of_kenmerk = None
                continue
            node = self.child("identifier", i)
            if ident.scheme in REFERENCED_SCHEMES:
                add((s, DCTERMS.references, node))
            else:
                add((s, ADMS.identifier, node))
                add((s, DCTERMS.identifier, Literal(ident.value)))
            add((node, RDF.type, ADMS.Identifier))
            add((node, SKOS.notation, Literal(ident.value)))
            add((node, KMK.identifierScheme, ID_SCHEMES[ident.scheme]))
            add((node, KMK.printedLabel, Literal(ident.label)))
            self.ev(node, ident.evidence)

    def tooi(self, resolved: ResolvedOrganisation) -> URIRef:
        """The TOOI IRI of an organisation, described once: its types and its one (current) Dutch label."""
        org, describe = resolved.organisation, self.describe
        describe((org.iri, RDF.type, FOAF.Organization))
        describe((org.iri, RDF.type, org.tooi_class))
        describe((org.iri, SKOS.prefLabel, Literal(org.label, lang="nl")))
        describe((org.iri, SKOS.notation, Literal(org.code)))
        return org.iri

    def organisation(self) -> None:
        n, s, add, describe = self.note, self.iri, self.add, self.describe
        o = n.organisation
        if o is None:
            return
        publisher: URIRef | None = None
        resolved = note_organisation(n)
        if resolved is not None:
            publisher = self.tooi(resolved)
            add((s, KMK.publisherName, Literal(resolved.label, lang="nl")))
            key = resolved.code
        elif o.name:
            key = slug(o.name) or "x"
            publisher = URIRef(f"{_base(self.base)}organisation/{key}")
            describe((publisher, RDF.type, FOAF.Organization))
            describe((publisher, FOAF.name, self.text(o.name)))
        else:
            key = "unknown-org"
        if o.name:
            add((s, KMK.printedOrganisation, self.text(o.name)))
        if publisher is not None:
            add((s, DCTERMS.publisher, publisher))
        parent, creator = publisher, publisher
        path = f"{_base(self.base)}unit/{key}"
        for unit in o.units:
            path = f"{path}/{slug(unit) or 'x'}"
            node = URIRef(path)
            describe((node, RDF.type, ORG.OrganizationalUnit))
            describe((node, RDFS.label, self.text(unit)))
            if parent is not None:
                describe((node, ORG.unitOf, parent))
            parent = creator = node
        if creator is not None:
            add((s, DCTERMS.creator, creator))
        self.ev(s, o.evidence, DCTERMS.publisher, "organisation")

    def addressee(self) -> None:
        n, s, add = self.note, self.iri, self.add
        if not n.addressee:
            return
        node = self.child("addressee")
        add((s, KMK.addressee, node))
        add((node, RDF.type, FOAF.Agent))
        add((node, FOAF.name, self.text(n.addressee)))
        office = _resolve(n.addressee, n.date)
        if office is not None:  # "Minister van VWS", "College van B&W van Wierden": the body in TOOI
            add((s, KMK.addresseeOrganisation, self.tooi(office)))

    def decision(self) -> None:
        d = self.note.recommended_decision
        if d is None:
            return
        node = self.child("decision")
        self.add((self.iri, KMK.recommendedDecision, node))
        self.add((node, RDF.type, KMK.RecommendedDecision))
        self.add((node, DCTERMS.description, self.text(d.text)))
        if d.heading:
            self.add((node, KMK.printedLabel, Literal(d.heading)))
        self.ev(node, d.evidence)

    def attachments(self) -> None:
        add = self.add
        for i, a in enumerate(self.note.attachments, 1):
            node = self.child("attachment", i)
            add((self.iri, DCTERMS.hasPart, node))
            add((node, RDF.type, KMK.Attachment))
            add((node, SDO.position, Literal(i)))
            if a.title:
                add((node, DCTERMS.title, self.text(a.title)))
            if a.number is not None:
                add((node, KMK.attachmentNumber, Literal(a.number)))
            self.ev(node, a.evidence)
        for link in self.links.attachments:  # an attachment that is another note of the batch
            add((URIRef(f"{link.parent}/attachment/{link.position}"), KMK.attachmentDocument, link.document))
            add((link.document, DCTERMS.isPartOf, link.parent))

    def dates(self) -> None:
        add = self.add
        for i, d in enumerate(self.note.dates, 1):
            node = self.child("date", i)
            add((self.iri, KMK.datedEvent, node))
            add((node, RDF.type, KMK.DatedEvent))
            add((node, KMK.dateRole, DATE_ROLES[d.role]))
            if d.date is not None:
                add((node, DCTERMS.date, Literal(d.date, datatype=XSD.date)))
            if d.label:
                add((node, KMK.printedLabel, Literal(d.label)))
            add((node, KMK.text, Literal(d.text)))
            self.ev(node, d.evidence)

    def grounds(self) -> None:
        add, describe = self.add, self.describe
        for g in self.note.woo_grounds:
            gr = ground(g.code)
            add((self.iri, KMK.refusalGround, gr.iri))
            add((self.iri, DCTERMS.references, gr.iri))  # materialised: plain SPARQL finds it
            describe((gr.iri, RDF.type, KMK.RefusalGround))
            describe((gr.iri, SKOS.notation, Literal(gr.code)))
            describe((gr.iri, SKOS.prefLabel, Literal(f"{gr.law} {gr.article}: {gr.label}", lang="nl")))
            node = self.child("ground", gr.code)
            add((self.iri, KMK.groundCitation, node))
            add((node, RDF.type, KMK.GroundCitation))
            add((node, KMK.ground, gr.iri))
            add((node, KMK.citationCount, Literal(g.count, datatype=XSD.integer)))
            for page in sorted(set(g.pages)):
                if page >= 1:
                    add((node, KMK.page, Literal(page, datatype=XSD.integer)))
            self.ev(node, g.evidence)

    def provenance(self) -> None:
        n, s, add, describe = self.note, self.iri, self.add, self.describe
        src = self.child("source")
        checksum = self.child("source", "checksum")
        add((s, PROV.wasDerivedFrom, src))
        add((src, RDF.type, KMK.SourceFile))
        add((src, SPDX.fileName, Literal(n.source.file_name)))
        add((src, DCAT.mediaType, IANA[n.source.media_type.split(";")[0].strip()]))
        add((src, DCAT.byteSize, Literal(n.source.size, datatype=XSD.integer)))
        if self.links.document_url:
            url = URIRef(self.links.document_url)
            add((src, DCAT.downloadURL, url))
            add((src, SDO.url, url))
        if n.source.page_count is not None:
            add((src, SDO.numberOfPages, Literal(n.source.page_count)))
        add((src, SPDX.checksum, checksum))
        add((checksum, RDF.type, SPDX.Checksum))
        add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
        add((checksum, SPDX.checksumValue, Literal(n.source.sha256, datatype=XSD.hexBinary)))

        activity = self.child("extraction")
        agent = agent_iri(n.extractor, self.base)
        add((s, PROV.wasGeneratedBy, activity))
        add((activity, RDF.type, KMK.Extraction))
        add((activity, PROV.used, src))
        add((activity, PROV.wasAssociatedWith, agent))
        if self.generated_at is not None:
            add((activity, PROV.endedAtTime, Literal(self.generated_at, datatype=XSD.dateTime)))
        if not n.title:
            add((activity, KMK.warning, Literal("no title found: dct:title is the file name")))
        for w in n.warnings:
            add((activity, KMK.warning, Literal(w)))
        describe((agent, RDF.type, PROV.SoftwareAgent))
        describe((agent, RDFS.label, Literal(f"kenmerk {n.extractor}")))
        describe((agent, SDO.softwareVersion, Literal(n.extractor)))

    def corrections(self) -> None:
        """Each corrected field as a `kmk:Correction` (a `prov:Activity`) by its reviewer (a shared `prov:Agent`)."""
        s, add, describe = self.iri, self.add, self.describe
        for name, ev in self.note.evidence.items():
            c = ev.correction
            if c is None:
                continue
            node = self.child("correction", name)
            agent = reviewer_iri(c.by, self.base)
            add((s, KMK.correction, node))
            add((s, PROV.wasInfluencedBy, node))  # materialised: plain PROV queries find it
            add((node, RDF.type, KMK.Correction))
            add((node, RDF.type, PROV.Activity))
            add((node, KMK.correctedField, Literal(name)))
            if name in CORRECTED_PROPERTIES:
                add((node, KMK.correctedProperty, CORRECTED_PROPERTIES[name]))
            add((node, PROV.endedAtTime, Literal(c.at, datatype=XSD.dateTime)))
            add((node, PROV.wasAssociatedWith, agent))
            add((node, PROV.wasInformedBy, self.child("extraction")))
            if c.note:
                add((node, RDFS.comment, Literal(c.note)))
            if self.keep_extracted and c.extracted is not None:
                add((node, KMK.extractedValue, self.extracted(name, c)))
            describe((agent, RDF.type, PROV.Agent))
            describe((agent, RDF.type, FOAF.Agent))
            describe((agent, FOAF.name, Literal(c.by)))
            describe((agent, RDFS.label, Literal(c.by)))

    def extracted(self, name: str, c: FieldCorrection) -> Literal:
        """The extracted value a correction replaced, scrubbed of personal data like the note's own texts."""
        scrub = text_scrubber(self.extracted_note)

        def clean(value: Any) -> Any:
            if isinstance(value, str):
                return scrub(value)
            if isinstance(value, list):
                return [clean(v) for v in value]
            if isinstance(value, dict):
                return {k: clean(v) for k, v in value.items()}
            return value

        value = clean(c.extracted)
        if isinstance(value, str):
            return Literal(value, datatype=EXTRACTED_DATATYPES.get(name))
        return Literal(json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")),
                       datatype=RDF.JSON)


def note_parts(note: Note, base: str | None = DEFAULT_BASE, evidence: bool = False,
               generated_at: dt.datetime | None = None, links: NoteLinks | None = None, *,
               keep_extracted: bool = False) -> NoteTriples:
    """The note's own triples and the descriptions of the shared resources it uses, apart (for stores)."""
    builder = _Builder(note, base, evidence, generated_at, links, keep_extracted)
    iri = builder.build()
    return NoteTriples(iri, builder.triples, list(dict.fromkeys(builder.shared)))


def note_triples(note: Note, base: str | None = DEFAULT_BASE, evidence: bool = False,
                 generated_at: dt.datetime | None = None, links: NoteLinks | None = None, *,
                 keep_extracted: bool = False) -> tuple[URIRef, list[Triple]]:
    """(note IRI, the triples of the note's own named graph): the shared descriptions are left out."""
    parts = note_parts(note, base, evidence, generated_at, links, keep_extracted=keep_extracted)
    return parts.iri, parts.triples


def add_note(graph: Graph, note: Note, base: str | None = DEFAULT_BASE, evidence: bool = False,
             generated_at: dt.datetime | None = None, links: NoteLinks | None = None, *,
             keep_extracted: bool = False) -> URIRef:
    """Add the triples of `note` and of the shared resources it uses to `graph`; returns the note's IRI."""
    parts = note_parts(note, base, evidence, generated_at, links, keep_extracted=keep_extracted)
    add = graph.add
    for triple in parts.triples:
        add(triple)
    for triple in parts.shared:
        add(triple)
    return parts.iri


def note_graph(note: Note, base: str | None = DEFAULT_BASE, evidence: bool = False,
               generated_at: dt.datetime | None = None, links: NoteLinks | None = None, *,
               keep_extracted: bool = False) -> Graph:
    """The RDF graph of one note with the shared resources it uses, all prefixes bound.

    Args:
        base: base IRI for minted IRIs (None: `DEFAULT_BASE`).
        evidence: add where each value was read (`kmk:Evidence` nodes).
        generated_at: time of the extraction, written as `prov:endedAtTime`
            only when given, so the same note always gives the same graph.
        links: the document's URL and links to other notes of its batch (`kenmerk.output.links`).
        keep_extracted: with each correction, the value the extraction gave (`kmk:extractedValue`).
    """
    graph = bind_prefixes(Graph())
    add_note(graph, note, base, evidence, generated_at, links, keep_extracted=keep_extracted)
    return graph
