"""kenmerk.output: `Note` → RDF graphs, files, stores and SPARQL endpoints; and the CLI.

>>> from kenmerk.extract import read_note
>>> from kenmerk.output import note_graph, serialize_notes
>>> note = read_note("nota.pdf")
>>> graph = note_graph(note, base="https://data.example.nl/id/")  # an rdflib Graph
>>> turtle = serialize_notes([note], "turtle", base="https://data.example.nl/id/")
>>> b"IENW/BSK-2025/12345" in turtle
True

The public names are in `__all__` and loaded on first use (PEP 562), so `import kenmerk.output`
imports neither rdflib nor pyoxigraph; everything else in the package's modules may change.
The errors are `kenmerk.extract.errors`'s.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

#: each public name → the module of this package that defines it
EXPORTS: dict[str, str] = {
    **dict.fromkeys(["BatchOptions", "run_batch"], "batch"),
    **dict.fromkeys(["build_catalog"], "catalog"),
    **dict.fromkeys(["PublishConfig", "load_config"], "config"),
    **dict.fromkeys(["notes_to_diwoo"], "diwoo"),
    **dict.fromkeys(["note_graph", "note_iri"], "graph"),
    **dict.fromkeys(["GraphStoreClient"], "gsp"),
    **dict.fromkeys(["gather"], "inputs"),
    **dict.fromkeys(["Publisher"], "publish"),
    **dict.fromkeys(["run_query"], "query"),
    **dict.fromkeys(["RetryPolicy"], "retry"),
    **dict.fromkeys(["serialize_notes"], "serialize"),
    **dict.fromkeys(["validate_graph"], "shacl"),
    **dict.fromkeys(["EmbeddedStore"], "store"),
    **dict.fromkeys(["Result"], "worker"),
}

__all__ = sorted(EXPORTS)


def __getattr__(name: str) -> Any:
    """Import the module that defines `name` when it is first asked for."""
    if name not in EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{EXPORTS[name]}"), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *EXPORTS})


if TYPE_CHECKING:  # the same names for type checkers and editors
    from kenmerk.output.batch import BatchOptions as BatchOptions, run_batch as run_batch
    from kenmerk.output.catalog import build_catalog as build_catalog
    from kenmerk.output.config import PublishConfig as PublishConfig, load_config as load_config
    from kenmerk.output.diwoo import notes_to_diwoo as notes_to_diwoo
    from kenmerk.output.graph import note_graph as note_graph, note_iri as note_iri
    from kenmerk.output.gsp import GraphStoreClient as GraphStoreClient
    from kenmerk.output.inputs import gather as gather
    from kenmerk.output.publish import Publisher as Publisher
    from kenmerk.output.query import run_query as run_query
    from kenmerk.output.retry import RetryPolicy as RetryPolicy
    from kenmerk.output.serialize import serialize_notes as serialize_notes
    from kenmerk.output.shacl import validate_graph as validate_graph
    from kenmerk.output.store import EmbeddedStore as EmbeddedStore
    from kenmerk.output.worker import Result as Result
