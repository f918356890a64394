"""`Note` → DiWoo metadata XML (Woo-index sitemap extension, XSD 0.9.8), as the Woo-harvester reads it.

    docs = diwoo_documents([(label, note), …], base=None, download_base="https://…/documenten/")
    data, failed = urlset(docs)                                  # one sitemap `urlset`
    files, failed = sitemap_folder(docs, "https://…/sitemaps/")  # indexes per category, sitemaps, robots.txt

KOOP's rules for the harvester (standaarden.overheid.nl/diwoo/metadata, "Technische implementatie"
and "Sitemapindex en Sitemaps"), and how they are kept:

- `<loc>` is the direct **https** URL of the document file itself (not a landing page, not the
  note's IRI): a URL input, or `download_base` + the file name (`kenmerk.output.links`). A note
  whose URL is not known, or not https, is refused with one line; the others are written.
- `<lastmod>` tells the harvester the document changed and must be fetched again: the day the
  metadata was written (`SOURCE_DATE_EPOCH`, else today), or the `lastmod` given.
- At most 50,000 URLs per sitemap (`MAX_URLS`). Each sitemap is listed in a sitemap index named
  `sitemapindex-diwoo-infocatNNN.xml` after its Woo category (an index with another name is not
  read), and `robots.txt` at the root of the host lists the indexes (`Sitemap: URL`), not the
  sitemaps.
- `hasPart` carries `@resource` = the URL of the attachment's own document where the attachment is
  a file of the same batch.

Each `diwoo:Document` has the four blocks the XSD requires: `publisher`,
`titelcollectie/officieleTitel`, `classificatiecollectie/informatiecategorieen`
and `documenthandelingen/documenthandeling` (`vaststelling` at the note's date);
plus identifiers, creatiedatum, documentsoort, language, format and the
attachments as `hasParts`. Coded `@resource` values come only from
`kenmerk.vocab.diwoo_resources()`, all of which the DiWoo 0.9.8 lists
enumerate (a test checks this against the XSD): an organisation TOOI does not
list in 0.9.8, or a document type without a TOOI concept, is written as text only.
A note without any date cannot carry the required `atTime`: `DiwooError`.
"""
from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from rdflib import URIRef

from kenmerk.extract import DateRole, Note
from kenmerk.extract.errors import DiwooError
from kenmerk.extract.personal import scrub_note
from kenmerk.output.graph import REFERENCED_SCHEMES, note_iri, note_organisation
from kenmerk.output.links import BatchLinker
from kenmerk.vocab import (
    DIWOO,
    HANDELINGEN,
    diwoo_resources,
    document_type,
    file_format,
    information_category,
    language,
)
from kenmerk.vocab.tables import is_tooi_document_type, sitemap_codes

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
#: URLs per sitemap and sitemaps per index (sitemaps.org, KOOP)
MAX_URLS = 50_000
DIWOO_NS = str(DIWOO)
#: dates that may stand for the note's own date when `Note.date` is missing, best first
FALLBACK_ROLES = (DateRole.document, DateRole.decision, DateRole.sent)

try:
    from zoneinfo import ZoneInfo

    _AMSTERDAM: dt.tzinfo | None = ZoneInfo("Europe/Amsterdam")
except Exception:  # no time-zone data on this system: write local midnight without offset
    _AMSTERDAM = None


@dataclass(frozen=True)
class DiwooDocument:
    """One `url` of a sitemap: the note, its label, its document's URL and those of its attachments."""

    note: Note
    label: str
    url: str | None
    parts: Mapping[int, str] = field(default_factory=dict)  # attachment position → the attachment's URL


def _q(term: URIRef) -> str:
    return f"{{{DIWOO_NS}}}{str(term)[len(DIWOO_NS):]}"


def _sub(parent: ET.Element, term: URIRef, text: str | None = None, resource: URIRef | str | None = None) -> ET.Element:
    el = ET.SubElement(parent, _q(term))
    if resource is not None and str(resource) in diwoo_resources():
        el.set("resource", str(resource))
    if text is not None:
        el.text = text
    return el


def _date_of(note: Note) -> dt.date | None:
    if note.date is not None:
        return note.date
    for role in FALLBACK_ROLES:
        for d in note.dates:
            if d.role is role and d.date is not None:
                return d.date
    return None


def _at_time(day: dt.date) -> str:
    midnight = dt.datetime.combine(day, dt.time(0, 0), tzinfo=_AMSTERDAM)
    return midnight.isoformat()


def note_to_diwoo_element(note: Note, parts: Mapping[int, str] | None = None) -> ET.Element:
    """The `diwoo:Document` element of one note (never with personal data: `scrub_note`).

    `parts`: URLs of attachments that are documents of their own, by position (`hasPart/@resource`).
    """
    note = scrub_note(note)
    day = _date_of(note)
    if day is None:
        raise DiwooError("no date in the note: DiWoo needs one for documenthandeling/atTime",
                         path=note.source.file_name)
    doc = ET.Element(_q(DIWOO.Document))
    diwoo = _sub(doc, DIWOO.DiWoo)

    own = [note.kenmerk] if note.kenmerk else []
    own += [i.value for i in note.identifiers if i.scheme not in REFERENCED_SCHEMES]
    own = list(dict.fromkeys(own))
    if own:
        ids = _sub(diwoo, DIWOO.identifiers)
        for value in own:
            _sub(ids, DIWOO.identifier, value)

    org = note_organisation(note)
    printed = note.organisation.name if note.organisation and note.organisation.name else None
    if org is not None:
        _sub(diwoo, DIWOO.publisher, org.label, org.iri if org.diwoo else None)
    else:
        _sub(diwoo, DIWOO.publisher, printed or "onbekend")
    if note.organisation and note.organisation.units:
        _sub(diwoo, DIWOO.opsteller, note.organisation.units[-1])

    titles = _sub(diwoo, DIWOO.titelcollectie)
    _sub(titles, DIWOO.officieleTitel, note.title or note.source.file_name)

    classes = _sub(diwoo, DIWOO.classificatiecollectie)
    cats = _sub(classes, DIWOO.informatiecategorieen)
    category = information_category(note.document_type)
    _sub(cats, DIWOO.informatiecategorie, category.label, category.iri)
    doc_type = document_type(note.document_type)
    if is_tooi_document_type(doc_type.iri):
        kinds = _sub(classes, DIWOO.documentsoorten)
        _sub(kinds, DIWOO.documentsoort, doc_type.label, doc_type.iri)

    if note.date is not None:
        _sub(diwoo, DIWOO.creatiedatum, note.date.isoformat())
    lang = language(note.language)
    if lang is not None:
        _sub(diwoo, DIWOO.language, lang.label, lang.iri)
    fmt = file_format(note.source.media_type)
    if fmt is not None:
        _sub(diwoo, DIWOO.format, fmt.label, fmt.iri)

    if note.attachments:
        hasparts = _sub(diwoo, DIWOO.hasParts)
        for i, a in enumerate(note.attachments, 1):
            part = _sub(hasparts, DIWOO.hasPart, a.title or f"bijlage {a.number or i}")
            if i in (parts or {}):  # a free string in the XSD: the attachment's own URL
                part.set("resource", parts[i])

    acts = _sub(diwoo, DIWOO.documenthandelingen)
    act = _sub(acts, DIWOO.documenthandeling)
    iri, label = HANDELINGEN["vaststelling"]
    _sub(act, DIWOO.soortHandeling, label, iri)
    _sub(act, DIWOO.atTime, _at_time(day))
    return doc


def diwoo_documents(items: Sequence[tuple[str, Note]], *, base: str | None = None,
                    download_base: str | None = None) -> list[DiwooDocument]:
    """The sitemap entries of a batch of (label, note): document URLs and attachments that are documents."""
    linker = BatchLinker(base, download_base)
    links = [linker.add(note, label) for label, note in items]
    parts: dict[URIRef, dict[int, str]] = defaultdict(dict)
    for found in links:
        for link in found.attachments:
            url = linker.url_of(link.document)
            if url:
                parts[link.parent][link.position] = url
    return [DiwooDocument(note, label, found.document_url, parts.get(note_iri(note, base), {}))
            for (label, note), found in zip(items, links, strict=False)]


def lastmod_today() -> str:
    """`lastmod` of what is written now: the day of `$SOURCE_DATE_EPOCH`, else today."""
    from kenmerk.output.catalog import publication_date

    return publication_date().isoformat()


def url_element(doc: DiwooDocument, lastmod: str) -> ET.Element:
    """The sitemap `url` of one document, or DiwooError (no https URL, no date)."""
    if not doc.url:
        raise DiwooError("no URL for the document, which DiWoo's <loc> needs: pass --download-base URL "
                         "(where the files are published) or give the documents as URLs", path=doc.label)
    if urlsplit(doc.url).scheme != "https":
        raise DiwooError(f"the document's URL {doc.url} is not https, which the Woo-harvester requires",
                         path=doc.label)
    try:
        element = note_to_diwoo_element(doc.note, doc.parts)
    except DiwooError as exc:  # no date: named by the input it came from
        raise DiwooError(exc.args[0], path=doc.label) from None
    url = ET.Element(f"{{{SITEMAP_NS}}}url")
    ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = doc.url
    ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = lastmod
    url.append(element)
    return url


def _xml(root: ET.Element) -> bytes:
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("diwoo", DIWOO_NS)
    ET.indent(root, space=" ")
    buffer = io.BytesIO()
    ET.ElementTree(root).write(buffer, encoding="UTF-8", xml_declaration=True)
    return buffer.getvalue() + b"\n"


def _urls(docs: Sequence[DiwooDocument], lastmod: str | None) -> tuple[list[tuple[DiwooDocument, ET.Element]],
                                                                       list[DiwooError]]:
    written, failed = [], []
    day = lastmod or lastmod_today()
    for doc in docs:
        try:
            written.append((doc, url_element(doc, day)))
        except DiwooError as exc:
            failed.append(exc)
    return written, failed


def urlset(docs: Sequence[DiwooDocument], *, lastmod: str | None = None) -> tuple[bytes, list[DiwooError]]:
    """One sitemap `urlset` of the documents that can be written, and the errors of those that cannot.

    More than `MAX_URLS` documents do not fit one sitemap: DiwooError (write a folder with `sitemap_folder`).
    """
    written, failed = _urls(docs, lastmod)
    if len(written) > MAX_URLS:
        raise DiwooError(f"{len(written)} documents do not fit one sitemap (at most {MAX_URLS:,} URLs): "
                         "write a sitemap folder instead (-o DIR/)")
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for _, url in written:
        root.append(url)
    return _xml(root), failed


def sitemap_folder(docs: Sequence[DiwooDocument], sitemap_url: str, *, lastmod: str | None = None,
                   max_urls: int = MAX_URLS) -> tuple[dict[str, bytes], list[DiwooError]]:
    """The files of a DiWoo delivery (name → bytes), and the errors of documents that cannot be written.

    Per Woo category: `sitemap-diwoo-infocatNNN-K.xml` (at most `max_urls` each) and the index
    `sitemapindex-diwoo-infocatNNN.xml` listing them at `sitemap_url`; and `robots.txt` with a
    `Sitemap:` line per index (the lines the harvester reads at the root of the host).
    """
    root = sitemap_url if sitemap_url.endswith("/") else sitemap_url + "/"
    day = lastmod or lastmod_today()
    written, failed = _urls(docs, day)
    codes = sitemap_codes()
    by_code: dict[str, list[ET.Element]] = defaultdict(list)
    for doc, url in written:
        by_code[codes[information_category(doc.note.document_type).iri]].append(url)
    files: dict[str, bytes] = {}
    for code in sorted(by_code):
        urls = by_code[code]
        index = ET.Element(f"{{{SITEMAP_NS}}}sitemapindex")
        for k, start in enumerate(range(0, len(urls), max_urls), 1):
            name = f"sitemap-diwoo-{code}-{k}.xml"
            sitemap = ET.Element(f"{{{SITEMAP_NS}}}urlset")
            sitemap.extend(urls[start:start + max_urls])
            files[name] = _xml(sitemap)
            entry = ET.SubElement(index, f"{{{SITEMAP_NS}}}sitemap")
            ET.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = root + name
            ET.SubElement(entry, f"{{{SITEMAP_NS}}}lastmod").text = day
        files[f"sitemapindex-diwoo-{code}.xml"] = _xml(index)
    files["robots.txt"] = "".join(f"Sitemap: {root}sitemapindex-diwoo-{code}.xml\n"
                                  for code in sorted(by_code)).encode("utf-8")
    return files, failed


def notes_to_diwoo(notes: Sequence[Note], *, base: str | None = None, download_base: str | None = None,
                   labels: Sequence[str | None] | None = None, lastmod: str | None = None) -> bytes:
    """A sitemap `urlset` of `notes`; DiwooError for the first note that cannot be written.

    `labels` (one per note) are where each came from: a URL label is the document's URL.
    """
    items = [(label or note.source.file_name, note)
             for note, label in zip(notes, labels or [None] * len(notes), strict=False)]
    docs = diwoo_documents(items, base=base, download_base=download_base)
    data, failed = urlset(docs, lastmod=lastmod)
    if failed:
        raise failed[0]
    return data
