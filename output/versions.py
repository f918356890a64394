"""Earlier versions of a document: other note graphs of the same source file, found by its content hash.

A note's IRI holds its organisation, kenmerk and date (`kenmerk.output.graph.note_iri`), so a
correction of one of them (`--corrections`), or a newer extraction that reads one differently,
mints a new IRI for the same document. Every note graph records the SHA-256 of its source
(`N/source/checksum spdx:checksumValue "…"^^xsd:hexBinary`): a note graph under the base's
`note/` holding the hash of a note being published, under another IRI, is an earlier version
of that note, and publishing removes it (`kenmerk.output.publish.Publisher`):

- embedded store: looked up in the store's index (`older_in_store`) and dropped in the same
  transaction that writes the new graph (`EmbeddedStore.replace_graphs(supersedes=…)`);
- SPARQL store: one SELECT per batch of notes sent (`older_versions_query`, the notes as a
  `VALUES` block of escaped terms), then a Graph Store `DELETE` of each graph found, after the
  new graphs' PUTs succeeded. Without a query URL (`--gsp` alone) they cannot be found.
"""
from __future__ import annotations

from collections.abc import Mapping

import pyoxigraph as ox
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kenmerk.extract.errors import PublishError
from kenmerk.output.atomic import os_reason
from kenmerk.output.gsp import GraphStoreClient
from kenmerk.output.store import EmbeddedStore
from kenmerk.vocab import SPDX

__all__ = ["SOURCE_HASH", "older_in_store", "older_on_endpoint", "older_versions_query", "source_hash"]

#: the property whose value is a note's source hash (on `N/source/checksum`, `kenmerk.output.graph`)
SOURCE_HASH = SPDX.checksumValue


def source_hash(sha256: str) -> Literal:
    """The literal a note graph records its source's SHA-256 as."""
    return Literal(sha256, datatype=XSD.hexBinary)


def older_in_store(store: EmbeddedStore, sources: Mapping[str, str], base: str) -> dict[str, list[str]]:
    """For each note IRI of `sources` (IRI → source SHA-256), the other note graphs of its document in `store`.

    The graphs named in `sources` themselves are never listed. Raises PublishError (`store: reason`).
    """
    scope = base + "note/"
    hash_node = ox.NamedNode(str(SOURCE_HASH))
    datatype = ox.NamedNode(str(XSD.hexBinary))
    older: dict[str, list[str]] = {}
    try:
        for iri, sha in sources.items():
            found = store.graphs_with(hash_node, ox.Literal(sha, datatype=datatype))
            names = sorted(g for g in found if g.startswith(scope) and g not in sources)
            if names:
                older[iri] = names
    except OSError as exc:
        raise PublishError(f"{store.path}: cannot look up earlier versions: {os_reason(exc)}") from None
    return older


def older_versions_query(sources: Mapping[str, str], base: str) -> str:
    """SELECT ?g: the note graphs under `base` holding the hash of a note in `sources` (IRI → SHA-256), not it."""
    rows = " ".join(f"({URIRef(iri).n3()} {source_hash(sha).n3()})" for iri, sha in sources.items())
    scope = Literal(base + "note/").n3()
    return (f"SELECT DISTINCT ?g WHERE {{ VALUES (?note ?hash) {{ {rows} }} "
            f"GRAPH ?g {{ ?checksum {URIRef(SOURCE_HASH).n3()} ?hash }} "
            f"FILTER(?g != ?note && STRSTARTS(STR(?g), {scope})) }}")


def older_on_endpoint(client: GraphStoreClient, sources: Mapping[str, str], base: str) -> list[str]:
    """The earlier versions of the notes in `sources` (IRI → SHA-256) on the client's query URL.

    Raises PublishError when the query fails or its answer is not SPARQL JSON results.
    """
    if not sources:
        return []
    answer = client.query(older_versions_query(sources, base))
    try:
        names = {row["g"]["value"] for row in answer.json()["results"]["bindings"]  # unbound: no "g"
                 if row.get("g", {}).get("type") == "uri"}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise PublishError(f"{client.query_url}: the answer to the query for earlier versions is not "
                           "SPARQL JSON results") from None
    return sorted(names - set(sources))
