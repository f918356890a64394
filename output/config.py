"""Publishing settings: `kenmerk.toml` (table `[publish]`) and command-line options.

The file is looked up as `--config FILE` when given, else `./kenmerk.toml` in
the current folder. Command-line options override the file. Every publish
writes a DCAT-AP-NL catalog, so publisher, licence, contact point and base
IRI are required; missing ones are one `ConfigError` (exit 2) naming every
missing key, never an incomplete catalog. `kenmerk init` writes a commented
`kenmerk.toml` (`TEMPLATE`) to fill in.

The keys, each with what it is for, are those of `TEMPLATE`.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from kenmerk.extract.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CONFIG_FILE = "kenmerk.toml"
TABLE = "publish"

#: licence aliases → licence IRIs (any other value must be an IRI)
LICENCES: dict[str, str] = {
    "cc0": "http://creativecommons.org/publicdomain/zero/1.0/",
    "cc0-1.0": "http://creativecommons.org/publicdomain/zero/1.0/",
    "cc-by-4.0": "http://creativecommons.org/licenses/by/4.0/",
    "eu-cc0": "http://publications.europa.eu/resource/authority/licence/CC0",
    "eu-cc-by-4.0": "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0",
}
#: labels for the licences above (foaf/dct need no label, but people do)
LICENCE_LABELS: dict[str, str] = {
    "http://creativecommons.org/publicdomain/zero/1.0/": "Creative Commons CC0 1.0 Universal",
    "http://creativecommons.org/licenses/by/4.0/": "Creative Commons Naamsvermelding 4.0",
    "http://publications.europa.eu/resource/authority/licence/CC0": "Creative Commons CC0 1.0 Universal",
    "http://publications.europa.eu/resource/authority/licence/CC_BY_4_0": "Creative Commons Naamsvermelding 4.0",
}

#: keys the catalog cannot do without, with the option that also sets them
REQUIRED: dict[str, str] = {
    "base": "--base",
    "publisher": "--publisher",
    "licence": "--licence",
    "contact_email": "--contact-email",
}


@dataclass(frozen=True)
class CatalogValues:
    """What a catalog cannot do without (`REQUIRED`), from a config `require` checked; `download_url` when set
    (always for a catalog with dumps)."""

    base: str
    publisher: str
    licence: str              # the licence's IRI (`PublishConfig.licence_iri`)
    contact_email: str
    download_url: str | None


@dataclass(frozen=True)
class PublishConfig:
    """Values for publishing and for the catalog; see the module docstring for the keys."""

    base: str | None = None
    publisher: str | None = None
    publisher_name: str | None = None
    creator: str | None = None
    creator_name: str | None = None
    licence: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_url: str | None = None
    title: str | None = None
    description: str | None = None
    identifier: str | None = None
    download_url: str | None = None
    download_base: str | None = None
    endpoint_url: str | None = None
    homepage: str | None = None
    store: str | None = None
    language: str = "nl"
    # credentials for --endpoint (after KENMERK_TOKEN / KENMERK_USER / KENMERK_PASSWORD, before ~/.netrc);
    # only in a file that others cannot read, and never printed
    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)
    source: Path | None = field(default=None, compare=False)

    def merged(self, **overrides: Any) -> "PublishConfig":
        """A copy with the given non-None values replacing the file's."""
        known = {f.name for f in fields(self)}
        values = {k: v for k, v in overrides.items() if v is not None and k in known}
        return replace(self, **values)

    @property
    def base_iri(self) -> str | None:
        """The base IRI ending in `/` or `#`, as note and catalog IRIs are minted under it."""
        if not self.base:
            return self.base
        return self.base if self.base.endswith(("/", "#")) else self.base + "/"

    def licence_iri(self) -> str | None:
        if self.licence is None:
            return None
        return LICENCES.get(self.licence.strip().lower(), self.licence.strip())

    def missing(self, *extra: str, catalog: bool = True) -> list[str]:
        """The keys a catalog needs (without `catalog`: the base alone), and the `extra` ones, that have no value."""
        keys = (*REQUIRED, *extra) if catalog else ("base", *extra)
        return [key for key in dict.fromkeys(keys) if not (getattr(self, key) or "").strip()]

    def required_base(self) -> str:
        """`base_iri` of a config that has a base; one ConfigError, as `require` words it, when it has none."""
        base = self.require(catalog=False).base_iri
        if base is None:  # pragma: no cover - require() raised
            raise ConfigError("missing base")
        return base

    def catalog_values(self, *, dumps: bool = False) -> CatalogValues:
        """The values `REQUIRED` names (and `download_url` for a catalog with `dumps`), checked: one ConfigError,
        as `require` words it, when any is missing."""
        self.require(*(("download_url",) if dumps else ()))
        base, publisher, licence, email = self.base, self.publisher, self.licence_iri(), self.contact_email
        if base is None or publisher is None or licence is None or email is None:  # pragma: no cover - require() raised
            raise ConfigError(f"missing {', '.join(self.missing())}")
        return CatalogValues(base, publisher, licence, email, self.download_url)

    def require(self, *extra: str, catalog: bool = True) -> "PublishConfig":
        """Self, or one ConfigError naming every missing key of `missing`, then one for a wrong value."""
        empty = self.missing(*extra, catalog=catalog)
        if empty:
            where = (f"in {self.source}" if self.source
                     else f"in {CONFIG_FILE} ([{TABLE}]; `kenmerk init` writes one to fill in)")
            options = ", ".join(REQUIRED.get(key, "--" + key.replace("_", "-")) for key in empty)
            raise ConfigError(f"missing {', '.join(empty)}: set {'it' if len(empty) == 1 else 'them'} {where} "
                              f"or pass {options}")
        for key in ("base", "download_url", "download_base", "endpoint_url", "homepage", "contact_url"):
            value = getattr(self, key)
            if value:
                check_iri(value, key)
        licence = self.licence_iri()
        if licence and not licence.startswith(("http://", "https://")):
            raise ConfigError(f"licence {self.licence!r}: give an IRI or one of {', '.join(LICENCES)}")
        if self.contact_email and ("@" not in self.contact_email or " " in self.contact_email.strip()):
            raise ConfigError(f"contact_email {self.contact_email!r} is not an e-mail address")
        return self


def local_store_config(config: PublishConfig, default_base: str) -> tuple[PublishConfig, bool, str | None]:
    """What publishing into the local embedded store alone, which needs no configuration, goes on with.

    Returns the config (with `default_base` when none is set), whether the catalog can be written
    (publisher, licence and contact are set), and the one line to tell the user, or None.
    """
    said = []
    if not (config.base or "").strip():
        config = config.merged(base=default_base)
        said.append(f"the notes' IRIs are local ({default_base}…): before publishing for others set `base` in "
                    f"{CONFIG_FILE} (`kenmerk init` writes one) or pass --base IRI")
    empty = config.missing()
    if empty:
        said.append(f"no catalog without {', '.join(empty)}")
    return config, not empty, "; ".join(said) or None


#: what `kenmerk init` writes: every key, commented out, with what it is for
TEMPLATE = """\
# kenmerk.toml: settings of `kenmerk publish`, `catalog`, `serve` and `query`, written by `kenmerk init`.
# Options on the command line override what is set here. Remove the # before a key to set it.

# A reviewer's corrections (the files the review report downloads), applied by extract, publish, review
# and validate before those given with --corrections (the later line for a field wins):
# corrections = ["corrections.jsonl"]       # paths relative to this file

[publish]
# The base IRI under which notes and the catalog get their IRIs: a domain you control, whose
# paths you can serve (`kenmerk serve` does). Without it the local store uses
# https://kenmerk.example.org/id/, IRIs that nobody else can resolve.
# base = "https://data.example.nl/id/"

# Needed for the DCAT-AP-NL catalog that `publish --out`, `publish --endpoint` and `kenmerk catalog` write:
# publisher = "mnre1090"                    # TOOI code, TOOI IRI or organisation name
# licence = "cc0"                           # cc0, cc-by-4.0, eu-cc0, eu-cc-by-4.0 or a licence IRI
# contact_email = "open-data@example.nl"    # the catalog's contact point
# download_url = "https://data.example.nl/downloads/"  # where the `publish --out` folder is served

# Optional:
# contact_name = "Team Open Data"           # defaults to the publisher's name
# contact_url = "https://data.example.nl/contact"
# publisher_name = "Ministerie van Financiën"  # needed when the publisher is an IRI TOOI does not list
# creator = "mnre1090"                      # who made the notes; defaults to the publisher
# creator_name = "Ministerie van Financiën"
# title = "Nota's van het Ministerie van Financiën"
# description = "Metadata van beslisnota's, …"
# identifier = "kenmerk-nota-minfin"        # the dataset's identifier; defaults to its IRI
# download_base = "https://open.example.nl/documenten/"  # where the documents (PDFs) themselves are served
# endpoint_url = "https://data.example.nl/sparql"        # your public SPARQL endpoint
# homepage = "https://data.example.nl/"
# language = "nl"                           # of the catalog's titles: nl or en
# store = "kenmerk-store"                   # the embedded store folder (default ./kenmerk-store)

# Credentials for --endpoint: rather KENMERK_TOKEN, KENMERK_USER/KENMERK_PASSWORD or ~/.netrc.
# A file that holds them must be readable by you alone (chmod 600 kenmerk.toml), else it is refused.
# user = "kenmerk"                          # with password: HTTP Basic (or Digest when asked)
# password = "…"
# token = "…"                               # sent as Authorization: Bearer …
"""

_ALIASES = {"license": "licence", "base_iri": "base", "email": "contact_email"}
#: keys whose values are secrets: the file holding them must not be readable by others
CREDENTIAL_KEYS = ("user", "password", "token")
#: characters an IRI may not hold (RFC 3987): a base with them would mint broken IRIs, or change a query
_NOT_IN_IRI = set(' <>"{}|\\^`') | {chr(c) for c in range(0x21)}


def check_iri(value: str, key: str = "base") -> str:
    """`value` when it is an absolute http(s) IRI without spaces or <>"{}|\\^`, else a ConfigError."""
    bad = sorted({c for c in value if c in _NOT_IN_IRI})
    if bad:
        shown = ", ".join("space" if c == " " else repr(c) for c in bad)
        raise ConfigError(f"{key} {value!r} is not a valid IRI: it holds {shown} (escape them, e.g. %20 for a space)")
    if not value.startswith(("http://", "https://")):
        raise ConfigError(f"{key} {value!r} is not an http(s) IRI")
    return value


def _check_private(path: Path) -> None:
    """A config file with credentials must be readable by its owner only."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return
    if mode & 0o077:
        raise ConfigError(
            f"{path}: holds credentials ({'/'.join(CREDENTIAL_KEYS)}) but others may read it "
            f"(mode {mode & 0o777:03o}): run `chmod 600 {path}`, or use KENMERK_TOKEN, "
            "KENMERK_USER/KENMERK_PASSWORD or ~/.netrc")


def find_config(explicit: str | os.PathLike[str] | None = None) -> Path | None:
    """`explicit` (which must exist), else `./kenmerk.toml` when there, else None."""
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found")
        return path
    path = Path.cwd() / CONFIG_FILE
    return path if path.is_file() else None


def configured_corrections(explicit: str | os.PathLike[str] | None = None) -> list[str]:
    """`corrections = [...]` at the top of the config file (`--config FILE` or ./kenmerk.toml): the
    corrections files every command applies, relative to the file's folder; [] without a file."""
    path = find_config(explicit)
    if path is None:
        return []
    try:
        value = tomllib.loads(path.read_text(encoding="utf-8")).get("corrections", [])
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: corrections must be a list of file names")
    return [str(path.parent / v) for v in value]


def load_config(explicit: str | os.PathLike[str] | None = None, **overrides: Any) -> PublishConfig:
    """Read the config file (if any) and apply `overrides` (option values; None = not given)."""
    path = find_config(explicit)
    config = PublishConfig()
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: not valid TOML: {exc}") from None
        table = data.get(TABLE, {})
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: [{TABLE}] must be a table")
        known = {f.name for f in fields(PublishConfig)} - {"source"}
        values: dict[str, Any] = {}
        for key, value in table.items():
            key = _ALIASES.get(key, key)
            if key not in known:
                raise ConfigError(f"{path}: unknown key {key!r} in [{TABLE}] (known: {', '.join(sorted(known))})")
            if not isinstance(value, str):
                raise ConfigError(f"{path}: {key} must be a string")
            values[key] = value.strip()
        if any(values.get(key) for key in CREDENTIAL_KEYS):
            _check_private(path)
        config = PublishConfig(**values, source=path)
    return config.merged(**overrides)
