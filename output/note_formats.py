"""The formats `kenmerk extract --format` writes besides JSON, by name, in a module light to import:
the command line lists them without loading the RDF libraries; `kenmerk.output.serialize` holds
the writer of each (`WRITERS`).
"""
from __future__ import annotations

#: the RDF serialisations and DiWoo XML
NOTE_FORMATS: tuple[str, ...] = ("turtle", "jsonld", "nt", "trig", "xml", "diwoo")
