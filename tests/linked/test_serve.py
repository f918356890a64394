"""`kenmerk serve`: real HTTP requests to a real server over a published store.

Every minted IRI answers GET with HTML, Turtle, JSON-LD or N-Triples (406 otherwise, 404 for an IRI
nobody minted); the vocabulary at its namespace; the SPARQL 1.1 Protocol for queries; the Graph
Store for publishing through the server.
"""
from __future__ import annotations

import json
import re

import requests
from linked_helpers import start_serve
from publish_helpers import BASE, INJECTION_TITLE, write_notes
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF

from kenmerk.output.cli import main
from kenmerk.output.graph import kenmerk_group_iri, note_iri
from kenmerk.vocab import KMK

RDF_PARSERS = {"text/turtle": "turtle", "application/ld+json": "json-ld", "application/n-triples": "nt"}


def get(url: str, accept: str | None = None) -> requests.Response:
    return requests.get(url, headers={"Accept": accept} if accept else {}, timeout=20)


def test_a_note_iri_answers_turtle_html_and_json_ld_and_an_unknown_one_404(served, published):
    """The bar: 200 Turtle with the note's dct:title, 200 HTML showing its kenmerk, 200 JSON-LD; 404."""
    _, notes = published
    note = notes[0]
    iri = note_iri(note, BASE)
    url = served.path_of(str(iri))

    turtle = get(url, "text/turtle")
    assert turtle.status_code == 200 and turtle.headers["content-type"].startswith("text/turtle")
    assert (iri, DCTERMS.title, Literal(note.title, lang="nl")) in Graph().parse(data=turtle.text, format="turtle")
    assert turtle.headers["vary"] == "Accept"

    html = get(url, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")  # what a browser sends
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert note.kenmerk in html.text and note.title in html.text
    assert re.search(r'<link rel="alternate" type="text/turtle" href="[^"]+\.ttl"', html.text)
    assert re.search(r'<link rel="alternate" type="application/ld\+json" href="[^"]+\.jsonld"', html.text)
    assert 'href="https://open.example.nl/documenten/nota-1.pdf"' in html.text  # the document itself
    embedded = re.search(r'<script type="application/ld\+json">(.*?)</script>', html.text, re.S).group(1)
    assert (iri, DCTERMS.title, Literal(note.title, lang="nl")) in Graph().parse(data=embedded, format="json-ld")

    jsonld = get(url, "application/ld+json")
    assert jsonld.status_code == 200 and jsonld.headers["content-type"].startswith("application/ld+json")
    assert (iri, DCTERMS.title, Literal(note.title, lang="nl")) in Graph().parse(data=jsonld.text, format="json-ld")

    unknown = get(served.path_of(str(iri)[:-4] + "0000"), "text/turtle")
    assert unknown.status_code == 404
    assert get(url, "image/png").status_code == 406


def test_alternates_children_shared_resources_and_the_catalog(served, published):
    _, notes = published
    iri = str(note_iri(notes[0], BASE))
    for suffix, media in ((".ttl", "text/turtle"), (".jsonld", "application/ld+json"), (".nt", "application/n-triples")):
        r = get(served.path_of(iri) + suffix)
        assert r.status_code == 200 and r.headers["content-type"].startswith(media)
        graph = Graph().parse(data=r.text, format=RDF_PARSERS[media])
        assert (URIRef(iri), RDF.type, KMK.Note) in graph
        # the note's page carries what it points to: its organisation's one label
        assert graph.value(URIRef("https://identifier.overheid.nl/tooi/id/ministerie/mnre1090"),
                           URIRef("http://www.w3.org/2004/02/skos/core#prefLabel")) is not None
    decision = Graph().parse(data=get(served.path_of(iri + "/decision"), "text/turtle").text, format="turtle")
    assert (URIRef(iri + "/decision"), RDF.type, KMK.RecommendedDecision) in decision
    group = kenmerk_group_iri(notes[0].kenmerk, BASE)
    shared = Graph().parse(data=get(served.path_of(str(group)), "text/turtle").text, format="turtle")
    assert (group, RDF.type, KMK.KenmerkGroup) in shared
    for path in ("/id/catalog", "/id/catalog/dataset"):
        r = get(served.url + path, "text/turtle")
        assert r.status_code == 200 and len(Graph().parse(data=r.text, format="turtle")) > 5
    assert "kenmerk" in get(served.url + "/").text


def test_the_vocabulary_is_served_at_its_namespace(served):
    ttl = get(served.url + "/kenmerk/def", "text/turtle")
    assert ttl.status_code == 200
    graph = Graph().parse(data=ttl.text, format="turtle")
    assert (KMK.Note, RDF.type, OWL.Class) in graph and (KMK.kenmerkKey, RDF.type, OWL.DatatypeProperty) in graph
    html = get(served.url + "/kenmerk/def", "text/html")
    assert html.status_code == 200 and "kenmerkKey" in html.text


def test_html_escapes_what_documents_say(served, published):
    _, notes = published
    page = get(served.path_of(str(note_iri(notes[5], BASE))), "text/html").text
    assert "&lt;b&gt;Titel&lt;/b&gt;" in page and "<b>Titel</b>" not in page
    embedded = re.search(r'<script type="application/ld\+json">(.*?)</script>', page, re.S).group(1)
    assert INJECTION_TITLE in json.dumps(json.loads(embedded), ensure_ascii=False).replace("\\n", "\n")


def test_the_sparql_protocol_answers_queries_and_refuses_updates(served, published):
    _, notes = published
    query = "SELECT (COUNT(DISTINCT ?n) AS ?c) WHERE { ?n a <https://w3id.org/kenmerk/def#Note> }"
    by_get = requests.get(served.url + "/query", params={"query": query},
                          headers={"Accept": "application/sparql-results+json"}, timeout=20).json()
    by_form = requests.post(served.url + "/query", data={"query": query}, timeout=20,
                            headers={"Accept": "application/sparql-results+json"}).json()
    by_body = requests.post(served.url + "/query", data=query.encode(), timeout=20,
                            headers={"Content-Type": "application/sparql-query", "Accept": "text/csv"}).text
    assert by_get == by_form and by_get["results"]["bindings"][0]["c"]["value"] == str(len(notes))
    assert by_body.splitlines() == ["c", str(len(notes))]
    construct = requests.post(served.url + "/query", timeout=20, headers={"Accept": "text/turtle"},
                              data={"query": "CONSTRUCT { ?n a ?t } WHERE { ?n a ?t } LIMIT 3"})
    assert construct.headers["content-type"].startswith("text/turtle") and len(Graph().parse(data=construct.text)) == 3
    assert requests.post(served.url + "/query", data={"query": "SELECT"}, timeout=20).status_code == 400
    assert requests.post(served.url + "/query", data={"update": "DROP ALL"}, timeout=20).status_code == 403
    assert requests.post(served.url + "/query", data={"query": "DROP ALL"}, timeout=20).status_code == 400


def test_publishing_through_the_server_and_not_into_its_folder(tmp_path, monkeypatch, capsys):
    from linked_helpers import six_notes

    (tmp_path / "kenmerk.toml").write_text(f'[publish]\nbase = "{BASE}"\npublisher = "mnre1090"\nlicence = "cc0"\n'
                                          'contact_email = "open-data@example.nl"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    notes = six_notes()
    write_notes(tmp_path / "in", notes[:2])
    assert main(["publish", "in", "-q"]) == 0
    server = start_serve(tmp_path / "kenmerk-store")
    try:
        write_notes(tmp_path / "in", notes[:4])
        assert main(["publish", "in", "-q"]) == 1
        assert "the store is open in `kenmerk serve`" in capsys.readouterr().err
        assert main(["publish", "in", "--endpoint", server.url + "/query", "-q"]) == 0
        assert get(server.path_of(str(note_iri(notes[3], BASE))), "text/turtle").status_code == 200
        assert main(["query", "--endpoint", server.url + "/query", "--example", "notes-by-kenmerk",
                     "--param", "kenmerk=2024-0000000004", "--format", "csv"]) == 0
        assert capsys.readouterr().out.count("\n") == 2  # the header and the one note
    finally:
        assert server.stop() in (0, -15, 143)


def test_read_only_and_hosts_others_can_reach(tmp_path, published):
    store, notes = published
    assert main(["serve", "--store", str(store), "--host", "0.0.0.0", "--port", "0"]) == 2  # writes would be open
    server = start_serve(store, "--read-only")  # a second process may open the folder read-only
    try:
        put = requests.put(server.url + "/store", params={"graph": BASE + "x"}, data=b"",
                           headers={"Content-Type": "application/n-triples"}, timeout=20)
        assert put.status_code == 405
        assert get(server.path_of(str(note_iri(notes[0], BASE))), "text/turtle").status_code == 200
    finally:
        server.stop()
