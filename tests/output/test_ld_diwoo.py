"""DiWoo XML: valid against the 0.9.8 XSD (MDTO import stubbed); resources only from the lists."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from note_factory import all_notes, beslisnota, minimal, provincial, woo_besluit

from kenmerk.extract import DatedEvent, DateRole, Organisation
from kenmerk.output.diwoo import DiwooError, notes_to_diwoo
from kenmerk.vocab import diwoo_resources

FILES = Path(__file__).resolve().parents[3] / "shared" / "vocab" / "files"
XSD_FILE = FILES / "diwoo-metadata-0.9.8.xsd"
DIWOO = "{https://standaarden.overheid.nl/diwoo/metadata/}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
MDTO_STUB = ('<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="https://www.nationaalarchief.nl/mdto"'
             ' elementFormDefault="qualified"><xs:element name="MDTO" type="xs:anyType"/></xs:schema>')


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    etree = pytest.importorskip("lxml.etree")
    if not XSD_FILE.is_file():
        pytest.skip("DiWoo XSD not present in ../shared/vocab/files")
    folder = tmp_path_factory.mktemp("diwoo-xsd")
    text = XSD_FILE.read_text(encoding="utf-8").replace(
        'schemaLocation="https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd"', 'schemaLocation="mdto-stub.xsd"')
    (folder / "diwoo-metadata.xsd").write_text(text, encoding="utf-8")
    shutil.copy(FILES / "diwoo-metadata-lijsten-0.9.8.xsd", folder / "diwoo-metadata-lijsten.xsd")
    (folder / "mdto-stub.xsd").write_text(MDTO_STUB, encoding="utf-8")
    return etree.XMLSchema(etree.parse(str(folder / "diwoo-metadata.xsd")))


def documents(data: bytes):
    from lxml import etree

    root = etree.fromstring(data)
    assert root.tag == f"{SITEMAP}urlset"
    return root, list(root.iter(f"{DIWOO}Document"))


def assert_valid(schema, data: bytes) -> None:
    from lxml import etree

    _, docs = documents(data)
    assert docs
    for doc in docs:
        assert schema.validate(etree.ElementTree(doc)), schema.error_log


def dated_notes():
    return [n for n in all_notes() if n.date]


def test_documents_validate_against_the_xsd(schema):
    data = notes_to_diwoo(dated_notes(), download_base="https://open.example.nl/documenten/")
    assert_valid(schema, data)
    root, docs = documents(data)
    assert len(root.findall(f"{SITEMAP}url")) == len(docs) == len(dated_notes())


def test_required_blocks_and_values(schema):
    _, (doc,) = documents(notes_to_diwoo([beslisnota()], download_base="https://open.example.nl/documenten/"))
    publisher = doc.find(f".//{DIWOO}publisher")
    assert publisher.get("resource") == "https://identifier.overheid.nl/tooi/id/ministerie/mnre1162"
    assert doc.find(f".//{DIWOO}officieleTitel").text == "Beslisnota bij Kamerbrief opvang Oekraïne"
    assert doc.find(f".//{DIWOO}informatiecategorie").get("resource").endswith("c_816e508d")
    assert doc.find(f".//{DIWOO}documentsoort").get("resource").endswith("c_2977c34f")
    assert doc.find(f".//{DIWOO}soortHandeling").get("resource").endswith("c_641ecd76")
    assert doc.find(f".//{DIWOO}atTime").text.startswith("2025-01-09T00:00:00")
    _, (woo,) = documents(notes_to_diwoo([woo_besluit()], download_base="https://open.example.nl/documenten/"))
    assert woo.find(f".//{DIWOO}informatiecategorie").get("resource").endswith("c_3baef532")


def test_resources_only_from_the_lists(schema):
    notes = dated_notes() + [beslisnota(organisation=Organisation(name="Stichting Onbekend")),
                             provincial(document_type="memo")]
    data = notes_to_diwoo(notes, download_base="https://open.example.nl/documenten/")
    assert_valid(schema, data)
    _, docs = documents(data)
    used = {el.get("resource") for doc in docs for el in doc.iter() if el.get("resource")}
    assert used and used <= diwoo_resources()


def test_a_note_without_any_date_is_an_error():
    with pytest.raises(DiwooError):
        notes_to_diwoo([minimal()], download_base="https://open.example.nl/documenten/")


def test_a_dated_event_stands_in_for_a_missing_date(schema):
    note = minimal(dates=[DatedEvent(role=DateRole.sent, date=dt.date(2020, 9, 11), text="Verzonden 11-9-2020")])
    data = notes_to_diwoo([note], download_base="https://open.example.nl/documenten/")
    assert_valid(schema, data)
    _, (doc,) = documents(data)
    assert doc.find(f".//{DIWOO}atTime").text.startswith("2020-09-11")
    assert doc.find(f".//{DIWOO}officieleTitel").text == "scan.pdf"  # no title: the file name, as DiWoo publishers do
