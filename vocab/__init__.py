"""kenmerk.vocab: the vocabularies, tables, ontology and shapes of kenmerk's linked data.

- `namespaces`: typed namespaces (`KMK`, `TOOIONT`, `TOOIKERN`, `DIWOO`, `ADMS`, `SPDX`,
  EU authority tables) plus rdflib's standard ones; `bind_prefixes(graph)`.
- `tables`: document types → TOOI documentsoort and Woo information category,
  refusal grounds → Juriconnect IRIs, languages and formats → EU authority IRIs.
- `organisations`: `resolve_organisation(name, on)` → TOOI organisation on a date.
- Shipped files: `kenmerk.ttl` (our ontology), `shapes.ttl` (SHACL for a note
  graph), `context.jsonld` (JSON-LD context); paths via `vocab_file(name)`.
  The field-by-field mapping is in `MAPPING.md`.

Depends on rdflib only; never imports `kenmerk.output`.
"""
from __future__ import annotations

from importlib import resources
from pathlib import Path

from kenmerk.vocab.namespaces import (
    ADMS,
    BESLUIT,
    DCAT,
    DCTERMS,
    DIWOO,
    ELI,
    EUFILETYPE,
    EULANG,
    FOAF,
    IANA,
    KMK,
    KMK_NS,
    OA,
    ORG,
    OWL,
    PREFIXES,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    SPDX,
    TOOIID,
    TOOIKERN,
    TOOIONT,
    XSD,
    bind_prefixes,
)
from kenmerk.vocab.organisations import (
    ResolvedOrganisation,
    TooiOrganisation,
    organisation_by_iri,
    organisations,
    resolve_organisation,
)
from kenmerk.vocab.tables import (
    HANDELINGEN,
    Concept,
    Ground,
    diwoo_resources,
    document_type,
    document_types,
    file_format,
    ground,
    information_categories,
    information_category,
    language,
    woo_grounds,
)

ONTOLOGY = "kenmerk.ttl"
SHAPES = "shapes.ttl"
CONTEXT = "context.jsonld"


def vocab_file(name: str) -> Path:
    """Path of a file shipped in kenmerk.vocab (`kenmerk.ttl`, `shapes.ttl`, `context.jsonld`, tables)."""
    return Path(str(resources.files("kenmerk.vocab").joinpath(name)))


__all__ = [
    "ADMS", "BESLUIT", "CONTEXT", "Concept", "DCAT", "DCTERMS", "DIWOO", "ELI", "EUFILETYPE", "EULANG",
    "FOAF", "Ground", "HANDELINGEN", "IANA", "KMK", "KMK_NS", "OA", "ONTOLOGY", "ORG", "OWL", "PREFIXES",
    "PROV", "RDF", "RDFS", "ResolvedOrganisation", "SDO", "SH", "SHAPES", "SKOS", "SPDX", "TOOIID",
    "TOOIKERN", "TOOIONT", "TooiOrganisation", "XSD", "bind_prefixes", "diwoo_resources", "document_type",
    "document_types", "file_format", "ground", "information_categories", "information_category",
    "language", "organisation_by_iri", "organisations", "resolve_organisation", "vocab_file", "woo_grounds",
]
