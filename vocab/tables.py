"""The compact vocabulary tables shipped with kenmerk, and look-ups over them.

Each CSV beside this module holds only the facts kenmerk needs, taken from the
TOOI value lists, the DiWoo 0.9.8 lists, the EU authority tables and the text
of the Woo/Wob (provenance in `MAPPING.md`):

- `document_types.csv`: our `DocumentType` values → TOOI documentsoort (or our
  own SKOS concept where TOOI has none) and the Woo information category.
- `information_categories.csv`: the 17 Woo categories (art. 3.3) and the art. 3.1 concept.
- `woo_grounds.csv`: Woo/Wob refusal grounds → wetten.overheid.nl Juriconnect IRIs.
- `languages.csv`, `formats.csv`: ISO 639-1 codes and media types → EU authority IRIs.
- `ministries.csv`, `organisations.csv`: see `kenmerk.vocab.organisations`.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from rdflib import URIRef

from kenmerk.vocab.namespaces import EUFILETYPE, EULANG, TOOIKERN

#: handelingen of DiWoo's soorthandelinglijst, with their list labels
HANDELINGEN: dict[str, tuple[URIRef, str]] = {
    "vaststelling": (TOOIKERN.c_641ecd76, "vaststelling"),
    "ondertekening": (TOOIKERN.c_e1ec050e, "ondertekening"),
    "ontvangst": (TOOIKERN.c_dfcee535, "ontvangst"),
}


def read_table(name: str) -> list[dict[str, str]]:
    """The rows of a shipped CSV table, as dictionaries."""
    text = resources.files("kenmerk.vocab").joinpath(name).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


@dataclass(frozen=True)
class Concept:
    """An IRI with its Dutch label (the label of the official list where there is one)."""

    iri: URIRef
    label: str
    label_en: str | None = None


@dataclass(frozen=True)
class Ground:
    """A Woo or Wob refusal ground with its Juriconnect IRI."""

    code: str
    law: str
    article: str
    iri: URIRef
    label: str


@lru_cache(maxsize=None)
def _document_types() -> dict[str, tuple[Concept, URIRef]]:
    return {r["value"]: (Concept(URIRef(r["iri"]), r["label_nl"], r["label_en"]), URIRef(r["category"]))
            for r in read_table("document_types.csv")}


@lru_cache(maxsize=None)
def information_categories() -> dict[URIRef, Concept]:
    """All Woo information categories, IRI → concept with DiWoo's (plural) list label."""
    return {URIRef(r["iri"]): Concept(URIRef(r["iri"]), r["label"]) for r in read_table("information_categories.csv")}


@lru_cache(maxsize=None)
def sitemap_codes() -> dict[URIRef, str]:
    """Woo category IRI → the code its DiWoo sitemap index is named by (`infocat014`).

    infocat001–017 are the art. 3.3 categories in TOOI order (KOOP's naming convention
    `sitemapindex-diwoo-infocatNNN.xml`); `infocat018` for the art. 3.1 concept follows the
    OpenCatalogi implementation (not in KOOP's text).
    """
    return {URIRef(r["iri"]): r["code"] for r in read_table("information_categories.csv") if r["code"]}


@lru_cache(maxsize=None)
def woo_grounds() -> dict[str, Ground]:
    """All refusal grounds by canonical code (`5.1.2e`, `10.2e`, `11.1`)."""
    return {r["code"]: Ground(r["code"], r["law"], r["article"], URIRef(r["iri"]), r["label"])
            for r in read_table("woo_grounds.csv")}


@lru_cache(maxsize=None)
def _languages() -> dict[str, tuple[Concept, bool]]:
    return {r["iso639_1"]: (Concept(EULANG[r["code"]], r["label"]), r["diwoo"] == "1") for r in read_table("languages.csv")}


@lru_cache(maxsize=None)
def _formats() -> dict[str, tuple[Concept, bool]]:
    return {r["media_type"]: (Concept(EUFILETYPE[r["code"]], r["label"]), r["diwoo"] == "1") for r in read_table("formats.csv")}


def document_type(value: str) -> Concept:
    """The TOOI documentsoort (or kenmerk concept) for a `DocumentType` value."""
    key = getattr(value, "value", value)
    return _document_types()[key][0]


def document_types() -> dict[str, Concept]:
    """Every `DocumentType` value → its concept."""
    return {k: v[0] for k, v in _document_types().items()}


def information_category(value: str) -> Concept:
    """The Woo information category a document of this type is published under.

    Beslisnota's, nota's and other internal documents fall under none of the 17
    categories of Woo art. 3.3: they are made public under the general duty of
    art. 3.1 (concept c_816e508d); Woo-besluiten under c_3baef532.
    """
    key = getattr(value, "value", value)
    return information_categories()[_document_types()[key][1]]


def ground(code: str) -> Ground:
    """The refusal ground with this canonical code; KeyError when unknown."""
    return woo_grounds()[code]


def language(code: str) -> Concept | None:
    """The EU language IRI for an ISO 639-1 code (`nl` → NLD), None when not in our table."""
    hit = _languages().get(code.lower())
    return hit[0] if hit else None


def file_format(media_type: str) -> Concept | None:
    """The EU file-type IRI for a media type (Markdown counts as plain text), None when unknown."""
    hit = _formats().get(media_type.split(";")[0].strip().lower())
    return hit[0] if hit else None


def is_tooi_document_type(iri: URIRef) -> bool:
    """True when the IRI is a TOOI documentsoort (so DiWoo may carry it), not a kenmerk concept."""
    return str(iri).startswith(str(TOOIKERN))


@lru_cache(maxsize=None)
def diwoo_resources() -> frozenset[str]:
    """Every IRI kenmerk may write as DiWoo `@resource`: all are in the 0.9.8 XSD enumerations."""
    from kenmerk.vocab.organisations import organisations

    uris: set[str] = set()
    uris.update(str(c.iri) for c in document_types().values() if is_tooi_document_type(c.iri))
    uris.update(str(i) for i in information_categories())
    uris.update(str(c.iri) for c, ok in _languages().values() if ok)
    uris.update(str(c.iri) for c, ok in _formats().values() if ok)
    uris.update(str(iri) for iri, _ in HANDELINGEN.values())
    uris.update(str(o.iri) for o in organisations() if o.diwoo)
    return frozenset(uris)
