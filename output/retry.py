"""One retry policy for every HTTP call kenmerk makes: Graph Store writes, queries, URL downloads.

`RetryPolicy` says how often a call is tried and how long to wait between tries; `send`
carries it out with urllib3's `Retry` as the one budget of a call, whatever went wrong:

- a connection that could not be made (refused, timed out) is tried again for any method:
  the request did not go out;
- an error after the request went out (a reset, no answer in time, an answer cut off or
  stalled mid-body) is tried again for idempotent methods only (`IDEMPOTENT`: GET, PUT,
  DELETE, …), so a POSTed query is never sent twice;
- an answer with a status in `retry_statuses` (408, 425, 429, 5xx) to an idempotent call is
  asked again, after what `Retry-After` asks (at most `max_retry_after` seconds) or else
  after urllib3's exponential backoff.

`attempts` counts every try of the call, whatever failed in each; when the policy stops,
`send` raises `GaveUp` with the last answer or error and how many tries were made.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import requests
from urllib3.exceptions import HTTPError, MaxRetryError
from urllib3.util.retry import Retry

__all__ = ["IDEMPOTENT", "GaveUp", "RetryPolicy", "send", "short_reason", "tries"]

#: methods that may be repeated after a lost connection: the same request twice leaves the same state
IDEMPOTENT = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})

T = TypeVar("T")


class _Retry(Retry):
    """urllib3's `Retry` with a ceiling on the wait a server may ask for in `Retry-After`."""

    def __init__(self, *args: Any, max_retry_after: float = 60.0, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_retry_after = max_retry_after

    def new(self, **kwargs: Any) -> "_Retry":
        kwargs.setdefault("max_retry_after", self.max_retry_after)
        return super().new(**kwargs)

    def get_retry_after(self, response: Any) -> float | None:  # urllib3's BaseHTTPResponse
        seconds = super().get_retry_after(response)
        return None if seconds is None else min(seconds, self.max_retry_after)


@dataclass(frozen=True)
class RetryPolicy:
    """How often to try an HTTP call, how long to wait between tries, and after what.

    `attempts` tries in all. The first retry goes at once, the next after 2, 4, … times
    `backoff` seconds, at most `max_backoff` (urllib3's backoff); a `Retry-After` header is
    honoured up to `max_retry_after` seconds.
    """

    attempts: int = 4
    backoff: float = 0.5
    max_backoff: float = 8.0
    max_retry_after: float = 60.0
    retry_statuses: frozenset[int] = field(
        default_factory=lambda: frozenset({408, 425, 429, 500, 502, 503, 504}))

    def urllib3_retry(self) -> Retry:
        """The policy as urllib3's `Retry`, the budget `send` spends (its `is_retry`, `increment`, `sleep`)."""
        n = max(0, self.attempts - 1)
        return _Retry(
            total=n, connect=n, read=n, status=n, other=0,
            allowed_methods=IDEMPOTENT, status_forcelist=self.retry_statuses,
            backoff_factor=self.backoff, backoff_max=self.max_backoff,
            respect_retry_after_header=True, raise_on_status=False,
            max_retry_after=self.max_retry_after,
        )



class GaveUp(Exception):
    """The policy stopped trying a call: `tries` made, and the last `answer` (a status it retries) or `error`.

    `cut_off`: the error broke the answer off after its headers (a cut-off or stalled body).
    """

    def __init__(self, tries: int, *, answer: requests.Response | None = None,
                 error: requests.RequestException | None = None, cut_off: bool = False) -> None:
        super().__init__(f"gave up after {tries} tries")
        self.tries = tries
        self.answer = answer
        self.error = error
        self.cut_off = cut_off


def _loaded(response: requests.Response) -> requests.Response:
    """The answer with its body read (`.content`, `.text` and `.json()` work once it is closed)."""
    response.content  # noqa: B018 - reading the body is the point
    return response


def _after_error(budget: Retry, method: str, url: str, exc: requests.RequestException, *, cut_off: bool) -> Retry:
    """The budget after a failed try, or GaveUp; an error urllib3 cannot class is raised as it is."""
    cause = exc.args[0] if exc.args else None
    if isinstance(cause, MaxRetryError):
        cause = cause.reason
    if not isinstance(cause, HTTPError):
        raise exc
    try:
        return budget.increment(method, url, error=cause)
    except HTTPError:  # used up (MaxRetryError), or an error after sending a request that is not idempotent
        raise GaveUp(len(budget.history) + 1, error=exc, cut_off=cut_off) from None


def send(session: requests.Session, policy: RetryPolicy, method: str, url: str, *,
         read: Callable[[requests.Response], T] = _loaded,  # type: ignore[assignment]  # T is Response then: mypy cannot tie a generic to its default
         **kwargs: Any) -> T:
    """`read(answer)` of one HTTP call (`session.request(method, url, **kwargs)`), tried by `policy`.

    `read` reads the body (by default all of it, returning the answer); an answer that breaks off
    while it reads is tried again like any read error. Raises `GaveUp` when the policy stops, and
    what `read` raises; TLS and usage errors (requests' other exceptions) are raised at once.
    The session must not retry by itself (requests' default adapter does not).
    """
    budget = policy.urllib3_retry()
    while True:
        try:
            response = session.request(method, url, stream=True, **kwargs)
        except requests.exceptions.SSLError:
            raise
        except (requests.ConnectionError, requests.Timeout) as exc:
            budget = _after_error(budget, method, url, exc, cut_off=False)
            budget.sleep()
            continue
        with response:
            if budget.is_retry(method, response.status_code, "Retry-After" in response.headers):
                try:
                    budget = budget.increment(method, url, response=response.raw)
                except MaxRetryError:
                    raise GaveUp(len(budget.history) + 1, answer=_loaded(response)) from None
                budget.sleep(response.raw)
                continue
            try:
                return read(response)
            except (requests.exceptions.ChunkedEncodingError, requests.ConnectionError) as exc:
                budget = _after_error(budget, method, url, exc, cut_off=True)
        budget.sleep()


def tries(n: int) -> str:
    """`1 try`, `3 tries`."""
    return f"{n} {'try' if n == 1 else 'tries'}"


#: words of a connection error's text that say what happened, in the order they are looked for
REASONS = ("Connection refused", "Name or service not known", "Temporary failure in name resolution",
           "No route to host", "timed out", "Connection reset", "Remote end closed", "Connection aborted",
           "IncompleteRead", "Response ended prematurely", "certificate verify failed")


def short_reason(exc: BaseException | None) -> str:
    """What went wrong with a call, in a few words: `Connection refused`, `IncompleteRead`, …"""
    if exc is None:
        return "no answer"
    text = str(exc).lower()
    return next((words for words in REASONS if words.lower() in text), type(exc).__name__)
