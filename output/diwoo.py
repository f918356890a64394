"""`Note` → DiWoo metadata XML (Woo-index sitemap extension, XSD 0.9.8).

    xml_bytes = notes_to_diwoo(notes, base=None)

Several notes are written the way the Woo-harvester reads them: one sitemap
`urlset` (sitemaps.org 0.9) with one `url` per note, each holding a
`diwoo:Document`. `loc` is the note's IRI (kenmerk does not know where the
file will be hosted: publish the files under the same `--base` or rewrite
`loc`). A single note is wrapped the same way, so the shape never changes.

Each `diwoo:Document` has the four blocks the XSD requires: `publisher`,
`titelcollectie/officieleTitel`, `classificatiecollectie/informatiecategorieen`
and `documenthandelingen/documenthandeling` (`vaststelling` at the note's date);
plus identifiers, creatiedatum, documentsoort, language, format and the
attachments as `hasParts`. `@resource` is written only with IRIs from
`kenmerk.vocab.diwoo_resources()`, all of which the DiWoo 0.9.8 lists
enumerate (a test checks this against the XSD): an organisation TOOI does not
list in 0.9.8, or a document type without a TOOI concept, is written as text only.
A note without any date cannot carry the required `atTime`: `DiwooError`.
"""
from __future__ import annotations

import datetime as dt
import io
import xml.etree.ElementTree as ET
from typing import Sequence

from rdflib import URIRef

from kenmerk.extract import DateRole, IdentifierScheme, KenmerkError, Note
from kenmerk.extract.personal import scrub_note
from kenmerk.output.graph import DEFAULT_BASE, REFERENCED_SCHEMES, note_iri, note_organisation
from kenmerk.vocab import (
    DIWOO,
    HANDELINGEN,
    diwoo_resources,
    document_type,
    file_format,
    information_category,
    language,
)
from kenmerk.vocab.tables import is_tooi_document_type

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
DIWOO_NS = str(DIWOO)
DIWOO_XSD = "https://standaarden.overheid.nl/diwoo/metadata/0.9.8/xsd/diwoo/diwoo-metadata.xsd"
#: dates that may stand for the note's own date when `Note.date` is missing, best first
FALLBACK_ROLES = (DateRole.document, DateRole.decision, DateRole.sent)

try:
    from zoneinfo import ZoneInfo

    _AMSTERDAM: dt.tzinfo | None = ZoneInfo("Europe/Amsterdam")
except Exception:  # no time-zone data on this system: write local midnight without offset
    _AMSTERDAM = None


class DiwooError(KenmerkError):
    """A note lacks what DiWoo requires (a date for `documenthandeling/atTime`)."""

    stage = "output"


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


def note_to_diwoo_element(note: Note) -> ET.Element:
    """The `diwoo:Document` element of one note (never with personal data: `scrub_note`)."""
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
        parts = _sub(diwoo, DIWOO.hasParts)
        for i, a in enumerate(note.attachments, 1):
            _sub(parts, DIWOO.hasPart, a.title or f"bijlage {a.number or i}")

    acts = _sub(diwoo, DIWOO.documenthandelingen)
    act = _sub(acts, DIWOO.documenthandeling)
    iri, label = HANDELINGEN["vaststelling"]
    _sub(act, DIWOO.soortHandeling, label, iri)
    _sub(act, DIWOO.atTime, _at_time(day))
    return doc


def notes_to_diwoo(notes: Sequence[Note], *, base: str | None = None) -> bytes:
    """A sitemap `urlset` with one `url` (`loc` = note IRI) and `diwoo:Document` per note."""
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("diwoo", DIWOO_NS)
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for note in notes:
        url = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = str(note_iri(note, base or DEFAULT_BASE))
        url.append(note_to_diwoo_element(note))
    ET.indent(root, space=" ")
    buffer = io.BytesIO()
    ET.ElementTree(root).write(buffer, encoding="UTF-8", xml_declaration=True)
    return buffer.getvalue() + b"\n"
