"""Publishing settings: `kenmerk.toml` (table `[publish]`) and command-line options.

The file is looked up as `--config FILE` when given, else `./kenmerk.toml` in
the current folder. Command-line options override the file. Every publish
writes a DCAT-AP-NL catalog, so publisher, licence, contact point and base
IRI are required; a missing one is a `ConfigError` (exit 2) naming the key,
never an incomplete catalog.

    [publish]
    base = "https://data.example.nl/id/"                  # base IRI of notes and catalog
    publisher = "mnre1090"                                # TOOI code, TOOI IRI or organisation name
    licence = "cc0"                                       # alias or licence IRI
    contact_email = "open-data@example.nl"
    contact_name = "Team Open Data"
    # optional
    creator = "mnre1090"                                  # defaults to the publisher
    title = "Nota's van het Ministerie van Financiën"
    description = "Metadata van beslisnota's, …"
    identifier = "kenmerk-nota-minfin"                  # dataset identifier; defaults to its IRI
    download_url = "https://data.example.nl/downloads/"   # where the --out folder is served
    download_base = "https://open.example.nl/documenten/" # where the documents (PDFs) themselves are served
    endpoint_url = "https://data.example.nl/sparql"       # public SPARQL endpoint
    homepage = "https://data.example.nl/"
    store = "/var/lib/kenmerk-store"
    # credentials for --endpoint, only in a file others cannot read (chmod 600), else refused:
    user = "kenmerk"                                      # with password: HTTP Basic
    password = "…"
    token = "…"                                           # sent as Authorization: Bearer …
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

    def require(self, *extra: str) -> "PublishConfig":
        """Self, or a ConfigError for the first missing required key (and the `extra` ones)."""
        where = f"in {self.source}" if self.source else f"in {CONFIG_FILE} ([{TABLE}])"
        for key in (*REQUIRED, *extra):
            value = getattr(self, key)
            if value is None or (isinstance(value, str) and not value.strip()):
                option = REQUIRED.get(key, "--" + key.replace("_", "-"))
                raise ConfigError(f"missing {key}: set `{key} = …` {where} or pass {option}")
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
