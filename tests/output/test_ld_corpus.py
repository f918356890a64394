"""Every corpus note (../shared/corpus, or $KENMERK_CORPUS) extracts to Turtle that conforms and DiWoo that validates.

Depends on extraction quality; notes that raise KenmerkError are skipped. The notes are the run's one
extraction of the corpus with the default PDF reader (the session fixture `corpus_extraction`).
"""
from __future__ import annotations

import shutil

import pytest
from rdflib import Graph
from shared_paths import SHARED, corpus_root

from kenmerk.extract import Note
from kenmerk.extract.pdf_readers import DEFAULT_READER
from kenmerk.output.diwoo import DiwooError, notes_to_diwoo
from kenmerk.output.serialize import serialize_notes
from kenmerk.output.shacl import validate_graph

CORPUS = corpus_root() / "raw"
FILES = SHARED / "vocab" / "files"
DIWOO = "{https://standaarden.overheid.nl/diwoo/metadata/}"
SUFFIXES = {".pdf", ".txt", ".md"}
CORPUS_FILES = sorted(p for p in CORPUS.glob("*") if p.suffix.lower() in SUFFIXES) if CORPUS.is_dir() else []


@pytest.fixture(scope="module")
def schema(tmp_path_factory):
    etree = pytest.importorskip("lxml.etree")
    if not (FILES / "diwoo-metadata-0.9.8.xsd").is_file():
        return None
    folder = tmp_path_factory.mktemp("diwoo-xsd-corpus")
    text = (FILES / "diwoo-metadata-0.9.8.xsd").read_text(encoding="utf-8").replace(
        'schemaLocation="https://www.nationaalarchief.nl/mdto/MDTO-XML1.0.1.xsd"', 'schemaLocation="mdto-stub.xsd"')
    (folder / "diwoo-metadata.xsd").write_text(text, encoding="utf-8")
    shutil.copy(FILES / "diwoo-metadata-lijsten-0.9.8.xsd", folder / "diwoo-metadata-lijsten.xsd")
    (folder / "mdto-stub.xsd").write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="https://www.nationaalarchief.nl/mdto"'
        ' elementFormDefault="qualified"><xs:element name="MDTO" type="xs:anyType"/></xs:schema>', encoding="utf-8")
    return etree.XMLSchema(etree.parse(str(folder / "diwoo-metadata.xsd")))


@pytest.mark.skipif(not CORPUS_FILES, reason="shared corpus not present")
@pytest.mark.parametrize("path", CORPUS_FILES, ids=[p.name for p in CORPUS_FILES])
def test_corpus_note_turtle_conforms_and_diwoo_validates(path, schema, corpus_extraction):
    status, kind, detail = corpus_extraction(DEFAULT_READER)[path.name]
    assert status != "crash", detail
    if status != "ok":
        pytest.skip(f"extraction failed: {detail}")
    note = Note.model_validate(detail)
    data = serialize_notes([note], "turtle", base=None, evidence=True)
    report = validate_graph(Graph().parse(data=data, format="turtle"))
    assert report.conforms, [r.line() for r in report.violations]
    try:
        xml = notes_to_diwoo([note], download_base="https://open.example.nl/documenten/")
    except DiwooError:
        assert note.date is None
        return
    if schema is not None:
        from lxml import etree

        docs = list(etree.fromstring(xml).iter(f"{DIWOO}Document"))
        assert len(docs) == 1
        assert schema.validate(etree.ElementTree(docs[0])), schema.error_log
