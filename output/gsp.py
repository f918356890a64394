"""A client for SPARQL 1.1 stores: Graph Store HTTP Protocol writes, Protocol queries.

One named graph per note: `PUT GSP?graph=IRI` with an N-Triples body replaces
it (PUT is idempotent, so it is retried). Oxigraph, Fuseki, GraphDB and
Virtuoso speak the protocol; `endpoint_urls` knows where each keeps it.

Every call has a timeout. kenmerk's one retry policy (`kenmerk.output.retry.RetryPolicy`,
the same as for URL downloads) covers every call: connection errors, timeouts, answers
cut off mid-body and 429/5xx answers of idempotent calls (PUT, DELETE, GET) are retried
with exponential backoff, honouring `Retry-After`; a POSTed query is sent again only
when the connection failed before it went out. TLS certificates
are verified unless the caller turns that off. Credentials come from the
environment, never from the command line:

- `KENMERK_TOKEN`: sent as `Authorization: Bearer …`;
- `KENMERK_USER` and `KENMERK_PASSWORD`: HTTP Basic, or Digest when a server refuses Basic without
  asking for it (Virtuoso's `/sparql-graph-crud-auth`; requests' `HTTPDigestAuth`);
- else `token` or `user`/`password` in kenmerk.toml ([publish]), which is refused when
  others may read it (`kenmerk.output.config`);
- otherwise `~/.netrc` (or `$NETRC`), which requests reads by itself.

Error messages are one line: the URL (never with credentials), the HTTP status and the
start of the answer's body. Any text quoted from a server is first cleared of the
credentials in use (token, password, the Basic value, in plain, URL- and JSON-escaped
form), so an endpoint that echoes the request's headers cannot put them on stderr,
in a log or in `--errors`.
"""
from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, quote_plus, urlsplit, urlunsplit

import requests

from kenmerk.extract.errors import EndpointRefused, EndpointUnreachable, InvalidSetting, PublishError
from kenmerk.output.formats import GSP_FORMATS, by_name
from kenmerk.output.retry import GaveUp, RetryPolicy, send, short_reason, tries

TOKEN_ENV = "KENMERK_TOKEN"
USER_ENV = "KENMERK_USER"
PASSWORD_ENV = "KENMERK_PASSWORD"

#: media types of the graph bodies we send, by format name (`kenmerk.output.formats`)
GSP_CONTENT_TYPES = {name: by_name(name).media_type for name in GSP_FORMATS}


@dataclass(frozen=True)
class Credentials:
    """User and password, or a token, from kenmerk.toml; never printed."""

    user: str | None = field(default=None, repr=False)
    password: str | None = field(default=None, repr=False)
    token: str | None = field(default=None, repr=False)


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait for a connection and for an answer."""

    connect: float = 10.0
    read: float = 60.0

    def as_tuple(self) -> tuple[float, float]:
        return (self.connect, self.read)


def redact(url: str) -> str:
    """`url` without user info, query string or fragment: safe to print."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def check_url(url: str, what: str = "--endpoint") -> str:
    """An http(s) URL without credentials in it, or `InvalidSetting`."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InvalidSetting(f"{what} {redact(url)!s}: expected an http:// or https:// URL")
    if parts.username or parts.password:
        raise InvalidSetting(
            f"{what}: do not put credentials in the URL; set {USER_ENV}/{PASSWORD_ENV} or {TOKEN_ENV}, or use ~/.netrc"
        )
    return url


def endpoint_urls(endpoint: str | None, gsp: str | None = None) -> tuple[str | None, str]:
    """(query URL, Graph Store URL) from `--endpoint` and an optional `--gsp`.

    Without `--gsp` the Graph Store URL follows the store's own convention:
    Oxigraph `…/query` → `…/store`; Fuseki `…/DATASET/query|sparql` → `…/DATASET/data`;
    GraphDB `…/repositories/REPO` → `…/repositories/REPO/rdf-graphs/service`;
    Virtuoso `…/sparql` → `…/sparql-graph-crud-auth` (with credentials) or `…/sparql-graph-crud`.
    """
    if endpoint:
        check_url(endpoint, "--endpoint")
    if gsp:
        return endpoint, check_url(gsp, "--gsp")
    if not endpoint:
        raise InvalidSetting("give --endpoint URL (the SPARQL query URL) or --gsp URL")
    parts = urlsplit(endpoint)
    path = parts.path.rstrip("/")
    segments = path.split("/")
    if path == "/query":  # Oxigraph
        new = "/store"
    elif len(segments) >= 3 and segments[-1] in ("query", "sparql"):  # Fuseki: /DATASET/query
        new = "/".join(segments[:-1]) + "/data"
    elif len(segments) >= 3 and segments[-2] == "repositories":  # GraphDB / RDF4J
        new = path + "/rdf-graphs/service"
    elif path == "/sparql":  # Virtuoso
        new = "/sparql-graph-crud-auth" if _env_credentials() else "/sparql-graph-crud"
    else:
        raise InvalidSetting(f"cannot tell the Graph Store URL of {redact(endpoint)}; pass --gsp URL")
    return endpoint, urlunsplit((parts.scheme, parts.netloc, new, "", ""))


def _env_credentials() -> bool:
    return bool(os.environ.get(TOKEN_ENV) or os.environ.get(USER_ENV))


def _excerpt(response: requests.Response, secrets: tuple[str, ...], limit: int = 200) -> str:
    """The start of the answer's body on one line, scrubbed of `secrets` before it is cut."""
    try:
        text = response.text
    except Exception:  # noqa: BLE001 - a body we cannot decode is no reason to fail differently
        return ""
    text = " ".join(scrub(text, secrets).split())
    return text[:limit] + ("…" if len(text) > limit else "")


def secret_forms(secrets: list[str]) -> tuple[str, ...]:
    """Each secret as a server may echo it: plain, URL-encoded, JSON-escaped; longest first."""
    forms = set()
    for secret in secrets:
        if secret:
            forms.update({secret, quote(secret, safe=""), quote_plus(secret), json.dumps(secret)[1:-1]})
    return tuple(sorted(forms, key=len, reverse=True))


def scrub(text: str, secrets: tuple[str, ...]) -> str:
    """`text` with every form in `secrets` replaced by `***`."""
    for secret in secrets:
        text = text.replace(secret, "***")
    return text


class GraphStoreClient:
    """Writes named graphs over the Graph Store Protocol and runs SPARQL queries."""

    def __init__(
        self,
        gsp_url: str | None,
        query_url: str | None = None,
        *,
        verify: bool = True,
        timeouts: Timeouts = Timeouts(),
        retry: RetryPolicy = RetryPolicy(),
        content_type: str = GSP_CONTENT_TYPES["nt"],
        session: requests.Session | None = None,
        credentials: "Credentials | None" = None,
    ) -> None:
        self.gsp_url = check_url(gsp_url, "--gsp") if gsp_url else None
        self.query_url = check_url(query_url, "--endpoint") if query_url else None
        self.timeouts = timeouts
        self.retry = retry
        self.content_type = content_type
        self.session = session or requests.Session()
        self.session.verify = verify
        self.session.headers["User-Agent"] = "kenmerk"
        token = os.environ.get(TOKEN_ENV)
        user = os.environ.get(USER_ENV)
        password = os.environ.get(PASSWORD_ENV, "")
        if not (token or user) and credentials is not None:  # kenmerk.toml (readable by its owner only)
            token, user, password = credentials.token, credentials.user, credentials.password or ""
        secrets = [token or ""]
        self._password_auth: tuple[str, str] | None = None  # for Digest, should the server ask for it
        if token:
            self.session.headers["Authorization"] = f"Bearer {token}"
        elif user:
            self.session.auth = self._password_auth = (user, password)
            secrets.append(password)
        else:  # requests falls back to ~/.netrc for the host
            for url in (self.gsp_url, self.query_url):
                found = requests.utils.get_netrc_auth(url) if url else None
                if found:
                    user, password = found
                    self._password_auth = (user, password)
                    secrets.append(password)
        if user:
            secrets.append(base64.b64encode(f"{user}:{password}".encode()).decode())
        self._secrets = secret_forms(secrets)

    def close(self) -> None:
        self.session.close()

    def __enter__(self) -> "GraphStoreClient":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def scrub(self, text: str) -> str:
        """`text` (quoted from a server) without the credentials this client sends."""
        return scrub(text, self._secrets)

    # -- plumbing -------------------------------------------------------------------------------

    def _request(self, method: str, url: str, *, what: str, **kwargs: Any) -> requests.Response:
        """One call with timeout, tried by the policy: the answer, or EndpointUnreachable or PublishError.

        An answer with an error status is returned (`_check` words it), also when the policy
        gave up asking again. A 401 to a user and password sent as Basic that does not ask for Basic
        (Virtuoso asks for Digest, or answers a Basic header with no challenge at all) switches this
        client to Digest and sends the call again.
        """
        response = self._send(method, url, what=what, **kwargs)
        challenge = response.headers.get("WWW-Authenticate", "")
        if response.status_code == 401 and self._password_auth and "basic" not in challenge.lower():
            self.session.auth = requests.auth.HTTPDigestAuth(*self._password_auth)
            self._password_auth = None
            response = self._send(method, url, what=what, **kwargs)
        return response

    def _send(self, method: str, url: str, *, what: str, **kwargs: Any) -> requests.Response:
        try:
            return send(self.session, self.retry, method, url, timeout=self.timeouts.as_tuple(), **kwargs)
        except GaveUp as exc:
            if exc.answer is not None:
                return exc.answer
            if exc.cut_off:  # the endpoint answers: this note fails, the run goes on
                raise PublishError(self.scrub(f"{redact(url)}: the answer was cut off ({short_reason(exc.error)}) "
                                              f"after {tries(exc.tries)}"), path=what) from None
            raise EndpointUnreachable(self.scrub(f"{redact(url)} unreachable after {tries(exc.tries)}: "
                                                 f"{short_reason(exc.error)}"), path=what) from None
        except requests.exceptions.SSLError:
            raise PublishError(
                f"{redact(url)}: TLS certificate not trusted "
                "(set REQUESTS_CA_BUNDLE to your CA file; --insecure skips the check)", path=what,
            ) from None
        except (requests.ConnectionError, requests.Timeout) as exc:  # not classed by urllib3: not retried
            raise EndpointUnreachable(self.scrub(f"{redact(url)} unreachable: {short_reason(exc)}"),
                                      path=what) from None
        except requests.RequestException as exc:  # invalid URL, TLS setup, …: retrying will not help
            raise PublishError(self.scrub(f"{redact(url)}: {type(exc).__name__}: {exc}"), path=what) from None

    def _check(self, response: requests.Response, what: str, url: str) -> requests.Response:
        if response.status_code >= 400:
            raise EndpointRefused(
                f"HTTP {response.status_code} from {redact(url)}: {_excerpt(response, self._secrets)}".rstrip(": "),
                status=response.status_code, path=what,
            )
        return response

    # -- Graph Store Protocol -------------------------------------------------------------------

    def put_graph(self, graph: str, body: bytes, *, what: str | None = None) -> None:
        """Replace the named graph `graph` with the triples in `body` (N-Triples)."""
        if not self.gsp_url:
            raise InvalidSetting("no Graph Store URL (gsp_url) to send graphs to")
        what = what or graph
        response = self._request(
            "PUT", self.gsp_url, what=what, params={"graph": graph}, data=body,
            headers={"Content-Type": f"{self.content_type}; charset=utf-8"},
        )
        self._check(response, what, self.gsp_url)

    def post_graph(self, graph: str, body: bytes, *, what: str | None = None) -> None:
        """Add the triples in `body` (N-Triples) to the named graph `graph` (merged, not replaced)."""
        if not self.gsp_url:
            raise InvalidSetting("no Graph Store URL (gsp_url) to send graphs to")
        what = what or graph
        response = self._request(
            "POST", self.gsp_url, what=what, params={"graph": graph}, data=body,
            headers={"Content-Type": f"{self.content_type}; charset=utf-8"},
        )
        self._check(response, what, self.gsp_url)

    def delete_graph(self, graph: str, *, what: str | None = None) -> bool:
        """Remove a named graph; False when it was not there."""
        if not self.gsp_url:
            raise InvalidSetting("no Graph Store URL (gsp_url) to send graphs to")
        what = what or graph
        response = self._request("DELETE", self.gsp_url, what=what, params={"graph": graph})
        if response.status_code == 404:
            return False
        self._check(response, what, self.gsp_url)
        return True

    # -- SPARQL Protocol ------------------------------------------------------------------------

    def query(self, sparql: str, *, accept: str = "application/sparql-results+json") -> requests.Response:
        """POST a query URL-encoded (`query=…`, which every SPARQL 1.1 server takes; Virtuoso 7.2
        hangs on a raw `application/sparql-query` body); the answer, or EndpointRefused."""
        if not self.query_url:
            raise InvalidSetting("no SPARQL query URL (query_url) to send queries to")
        response = self._request(
            "POST", self.query_url, what="query", data={"query": sparql}, headers={"Accept": accept},
        )
        return self._check(response, "query", self.query_url)
