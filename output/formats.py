"""Every file format kenmerk reads or writes, in one table light to import (no rdflib, no pyoxigraph).

Each `Format` names what the commands accept (`--format turtle`, `ttl`, `text/turtle`), the file
extensions that say it (`-o x.ttl`, `validate out.turtle`), its media type (Graph Store bodies,
catalog distributions), the rdflib plugin that parses it, the pyoxigraph `RdfFormat` that
writes it and whether it holds named graphs. The RDF names are rdflib's own plugin names
(`rdflib.plugin`: `turtle`, `ttl`, `nt`, `ntriples`, `xml`, `json-ld`, `trig`, `nquads` and
their media types), so anything rdflib calls a format means the same here; kenmerk adds the
names its commands used before (`jsonld`, `rdfxml`). `extract`, `validate`, `publish`,
`catalog`, `query` and the Graph Store client all look formats up here.

    fmt = rdf_format("ttl")          # Format(name='turtle', …)
    fmt.media_type, fmt.ox()         # 'text/turtle', pyoxigraph.RdfFormat.TURTLE
    formats_for_path("notes.nq.gz")  # (Format(name='nquads', …),)
"""
from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Literal

from kenmerk.extract.errors import InvalidSetting

if TYPE_CHECKING:
    import pyoxigraph

Kind = Literal["rdf", "json", "xml", "html"]
GZIP_SUFFIX = ".gz"


@dataclass(frozen=True)
class Format:
    """One format: its names, file extensions and media type, and what reads and writes it."""

    name: str
    """The name the commands print (`--format NAME`)."""
    label: str
    media_type: str
    extensions: tuple[str, ...]
    """File suffixes that say this format, the usual one first."""
    kind: Kind = "rdf"
    aliases: tuple[str, ...] = ()
    """Other names taken for it: rdflib's plugin names, kenmerk's older ones."""
    rdflib: str | None = None
    """rdflib's parser and serializer plugin (`Graph.parse(format=…)`); None for a format that is not RDF."""
    oxigraph: str | None = None
    """The `pyoxigraph.RdfFormat` member that reads and writes it."""
    datasets: bool = False
    """It holds named graphs (TriG, N-Quads, JSON-LD)."""
    file_type: str | None = None
    """Its code in the EU file-type list (catalog distributions)."""

    @property
    def names(self) -> tuple[str, ...]:
        """Every name it is looked up by: its name, aliases and media type."""
        return (self.name, *self.aliases, self.media_type)

    @property
    def extension(self) -> str:
        """The usual file suffix."""
        return self.extensions[0]

    def ox(self) -> pyoxigraph.RdfFormat:
        """Its `pyoxigraph.RdfFormat` (imports pyoxigraph)."""
        import pyoxigraph

        if self.oxigraph is None:
            raise ValueError(f"{self.name} is not an RDF format")
        return getattr(pyoxigraph.RdfFormat, self.oxigraph)


FORMATS: tuple[Format, ...] = (
    Format("json", "JSON", "application/json", (".json",), kind="json"),
    Format("jsonl", "JSON Lines", "application/jsonl", (".jsonl", ".ndjson"), kind="json",
           aliases=("ndjson", "application/x-ndjson")),
    Format("turtle", "Turtle", "text/turtle", (".ttl", ".turtle"), aliases=("ttl",), rdflib="turtle",
           oxigraph="TURTLE", file_type="RDF_TURTLE"),
    Format("nt", "N-Triples", "application/n-triples", (".nt", ".ntriples"), aliases=("ntriples", "nt11", "n-triples"),
           rdflib="nt", oxigraph="N_TRIPLES", file_type="RDF_N_TRIPLES"),
    Format("xml", "RDF/XML", "application/rdf+xml", (".rdf", ".owl", ".xml"), aliases=("rdfxml", "rdf/xml", "rdf"),
           rdflib="xml", oxigraph="RDF_XML", file_type="RDF_XML"),
    Format("jsonld", "JSON-LD", "application/ld+json", (".jsonld",), aliases=("json-ld",), rdflib="json-ld",
           oxigraph="JSON_LD", datasets=True, file_type="JSON_LD"),
    Format("trig", "TriG", "application/trig", (".trig",), rdflib="trig", oxigraph="TRIG", datasets=True,
           file_type="RDF_TRIG"),
    Format("nquads", "N-Quads", "application/n-quads", (".nq", ".nquads"), aliases=("nq", "n-quads"),
           rdflib="nquads", oxigraph="N_QUADS", datasets=True, file_type="RDF_N_QUADS"),
    Format("diwoo", "DiWoo XML", "application/xml", (".xml",), kind="xml"),
    Format("html", "HTML", "text/html", (".html",), kind="html"),  # a resource's page (`kenmerk serve`)
)

#: what `kenmerk extract --format` writes: JSON, JSON Lines, every RDF format but N-Quads, DiWoo XML
EXTRACT_FORMATS: tuple[str, ...] = ("json", "jsonl", "turtle", "jsonld", "nt", "trig", "xml", "diwoo")
#: the RDF formats (`kenmerk validate` reads them all)
RDF_FORMATS: tuple[str, ...] = tuple(f.name for f in FORMATS if f.kind == "rdf")
#: the formats of `kenmerk publish --out`'s dump (named graphs kept)
DUMP_FORMATS: tuple[str, ...] = ("nquads", "trig")
#: Graph Store request bodies (`kenmerk publish --gsp-format`)
GSP_FORMATS: tuple[str, ...] = ("nt", "turtle")
#: what `kenmerk catalog` prints
CATALOG_FORMATS: tuple[str, ...] = ("turtle", "nt", "jsonld", "xml")


def _lookup(name: str) -> Format | None:
    key = name.strip().lower().split(";", 1)[0].strip()  # a media type may carry parameters
    return next((f for f in FORMATS if key in f.names), None)


def get_format(name: str, allowed: Iterable[str] | None = None) -> Format:
    """The format called `name` (its name, an alias or its media type), among `allowed` names if given.

    Raises InvalidSetting naming the formats to choose from.
    """
    choices = tuple(allowed) if allowed is not None else tuple(f.name for f in FORMATS)
    found = _lookup(name)
    if found is None or found.name not in choices:
        raise InvalidSetting(f"unknown format {name!r}: choose one of {', '.join(choices)}")
    return found


def rdf_format(name: str) -> Format:
    """The RDF format called `name` (`ttl`, `turtle`, `text/turtle`, …); InvalidSetting for another."""
    return get_format(name, RDF_FORMATS)


def by_name(name: str) -> Format:
    """The format whose name is `name` (a name of this table, as code passes it; KeyError otherwise)."""
    found = next((f for f in FORMATS if f.name == name), None)
    if found is None:
        raise KeyError(name)
    return found


def split_gzip(path: str | PurePath) -> tuple[str, bool]:
    """(the file name without a final `.gz`, whether it had one)."""
    name = PurePath(path).name
    if name.lower().endswith(GZIP_SUFFIX):
        return name[: -len(GZIP_SUFFIX)], True
    return name, False


def formats_for_path(path: str | PurePath, among: Iterable[str] | None = None) -> tuple[Format, ...]:
    """The formats whose extension the file name has (a final `.gz` aside), among the `among` names."""
    name, _ = split_gzip(path)
    suffix = PurePath(name).suffix.lower()
    names = tuple(among) if among is not None else None
    return tuple(f for f in FORMATS if suffix and suffix in f.extensions and (names is None or f.name in names))


def _suffix(path: str | None) -> str:
    """The extension of `path` without a `.gz`."""
    return PurePath(split_gzip(path)[0]).suffix if path else ""


def output_format(path: str | None, given: str | None, allowed: Iterable[str], default: str) -> str:
    """The format to write `path` in: `given` (`--format`), else what the extension says, else `default`.

    An extension that says another format than `given`, or one not in `allowed`, is refused
    (InvalidSetting), and so is an extension two formats share when nothing says which (`.xml`: RDF/XML
    or DiWoo). An extension no format has (`.out`) leaves the choice to `given` or `default`.
    """
    allowed = tuple(allowed)
    chosen = get_format(given, allowed).name if given is not None else None
    said = formats_for_path(path) if path else ()
    named = tuple(f for f in said if f.name in allowed)
    if said and not named:
        raise InvalidSetting(f"{path}: {' or '.join(f.label for f in said)} is not written here: "
                         f"choose one of {', '.join(allowed)}")
    if not named:
        return chosen or default
    if chosen is not None:
        if chosen in {f.name for f in named}:
            return chosen
        suffix = _suffix(path)
        raise InvalidSetting(f"{path}: its extension {suffix} says {' or '.join(f.name for f in named)}, "
                         f"not --format {given}: name the file {PurePath(path or '').stem}{by_name(chosen).extension} "
                         f"or drop --format")
    if len(named) > 1:
        suffix = _suffix(path)
        raise InvalidSetting(f"{path}: {suffix} is {' and '.join(f.label for f in named)}: "
                         f"give --format {' or --format '.join(f.name for f in named)}")
    return named[0].name


def format_type(allowed: Iterable[str]) -> Callable[[str], str]:
    """An argparse `type=` that takes any name of a format in `allowed` and gives its name."""
    allowed = tuple(allowed)

    def convert(value: str) -> str:
        try:
            return get_format(value, allowed).name
        except InvalidSetting as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    convert.__name__ = "format"
    return convert


def format_help(allowed: Iterable[str]) -> str:
    """`turtle (ttl), nt (ntriples), …`: the names to give, with the aliases people type."""
    shown = []
    for name in allowed:
        fmt = by_name(name)
        short = [a for a in fmt.aliases if "/" not in a and a not in ("nt11",)][:1]
        shown.append(f"{name} ({short[0]})" if short else name)
    return ", ".join(shown)


__all__ = [
    "CATALOG_FORMATS",
    "DUMP_FORMATS",
    "EXTRACT_FORMATS",
    "FORMATS",
    "Format",
    "GSP_FORMATS",
    "RDF_FORMATS",
    "by_name",
    "format_help",
    "format_type",
    "formats_for_path",
    "get_format",
    "output_format",
    "rdf_format",
    "split_gzip",
]
