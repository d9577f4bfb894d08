"""The one place that decides whether a failed request is tried again, and after how long.

Waits the server asks for (`Retry-After`, `X-RateLimit-Reset`, the time in a 429's detail) are
honoured, and are waits rather than attempts; everything else backs off exponentially with
full jitter (`backoff`'s generators), at most `max_attempts` times.

A write (POST, an action) is repeated only where the server provably did not act on it:

- any 429: refusing for the rate limit happens before a request is handled, at Outreach and
  at any proxy that limits rates;
- a 503 that is the application's own JSON:API `scheduledServerMaintenance` answer;
- a connection that failed before any byte of the request was sent.

A gateway's 502, 503 or 504 (plain text, HTML, no JSON:API body), a 500, a timeout or a
connection dropped after sending may follow a write that happened: such a failure is never
repeated for a write, and the error raised says so (`maybe_applied`).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import attrs
import backoff
import yarl

from ..errors import APIError, OutreachError, RateLimited, TransportError
from ._timeparse import (
    WHOLE_SECOND_GRACE,
    clock_skew,
    find_iso_datetime,
    reset_moment,
    retry_after_moment,
    smallest_number,
    with_whole_second_grace,
)

__all__ = [
    "IDEMPOTENT_METHODS",
    "MAINTENANCE_ERROR_ID",
    "MIN_SERVER_WAIT",
    "RETRY_STATUSES",
    "RetryDecision",
    "RetryPolicy",
    "applied_note",
    "may_have_acted",
    "provably_unacted",
    "server_requested_wait",
]

#: Methods whose repetition cannot act twice.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"})
#: Methods that change nothing on the server.
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

#: Statuses that say "not now" and may succeed later.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

#: The error id of Outreach's own maintenance 503: the application refused the request.
MAINTENANCE_ERROR_ID = "scheduledServerMaintenance"

#: The shortest wait for a server that refuses and names a time already past: waking at
#: once would only be refused again.
MIN_SERVER_WAIT = WHOLE_SECOND_GRACE

#: Statuses whose named time holds every request of the client and costs no attempt.
_WAIT_STATUSES = frozenset({429, 503})

_VERBS = {"POST": "created", "PUT": "changed", "PATCH": "changed", "DELETE": "deleted"}


@attrs.frozen
class RetryDecision:
    """What to do before the next attempt of a failed request."""

    #: Seconds to wait.
    wait: float
    #: The server asked for this wait: every request of the client holds for it, and the
    #: attempt does not count against `max_attempts` (the total is bounded by `max_wait`).
    server_requested: bool
    #: Hold every request of the client, not only this one (any 429, a 503 naming a time).
    pause: bool


@attrs.frozen
class RetryPolicy:
    """What is retried, how often, and how long to wait between attempts.

    `max_attempts` bounds the attempts that back off; waits the server asks for on a 429 or
    503 are not attempts, and are bounded by `max_wait` in total instead: a server that asks
    for more gets a `RateLimited` error carrying `retry_after`, so a caller can reschedule.
    """

    max_attempts: int = attrs.field(default=6, validator=attrs.validators.ge(1))
    base_delay: float = 0.5
    max_delay: float = 30.0
    max_wait: float = 900.0
    jitter: Callable[[float], float] = backoff.full_jitter
    #: Statuses retried for idempotent methods; a caller may narrow them for one request.
    statuses: frozenset[int] = RETRY_STATUSES

    def decide(
        self,
        failure: OutreachError,
        *,
        method: str,
        attempt: int,
        now: float,
        waited: float = 0.0,
    ) -> RetryDecision:
        """How to go on after `failure`; raises what to surface when giving up.

        `attempt` numbers the attempt that failed among those that count (server-requested
        waits do not); `waited` is the seconds already spent in waits the server asked for.
        """
        if not self.is_retryable(failure, method=method):
            raise failure
        requested = server_requested_wait(failure, now) if isinstance(failure, APIError) else None
        status = failure.status if isinstance(failure, APIError) else None
        pause = status == 429
        if requested is not None and isinstance(failure, APIError):
            if status in _WAIT_STATUSES:
                if waited + requested > self.max_wait:
                    raise _too_long(failure, requested)
                return RetryDecision(requested, server_requested=True, pause=True)
            if requested > self.max_wait:
                raise _too_long(failure, requested)
        if attempt >= self.max_attempts:
            raise failure
        if requested is None:
            return RetryDecision(self.jitter(self._exponential(attempt)), False, pause)
        return RetryDecision(requested, server_requested=False, pause=pause)

    def is_retryable(self, failure: OutreachError, *, method: str) -> bool:
        """True where repeating the request may succeed and cannot act twice."""
        idempotent = method.upper() in IDEMPOTENT_METHODS
        if isinstance(failure, TransportError):
            return failure.retryable and (idempotent or not failure.request_sent)
        if isinstance(failure, APIError):
            if failure.status not in self.statuses:
                return False
            return idempotent or provably_unacted(failure)
        return False

    def _exponential(self, attempt: int) -> float:
        return exponential_wait(attempt, self.base_delay, self.max_delay)


def provably_unacted(failure: OutreachError) -> bool:
    """True when the server provably did not act on the request that failed.

    Any 429, the application's `scheduledServerMaintenance` 503, or a connection that never
    carried the request. A 503 without that JSON:API body is a gateway's, which may come
    after the application stored a write.
    """
    if isinstance(failure, TransportError):
        return not failure.request_sent
    if isinstance(failure, APIError):
        return failure.status == 429 or (
            failure.status == 503 and MAINTENANCE_ERROR_ID in failure.error_ids
        )
    return False


def may_have_acted(failure: OutreachError, *, method: str) -> bool:
    """True when `failure` ended a write that the server may nevertheless have carried out.

    Reads never act; a refusal (4xx, which includes a 429) and a request that never left
    never acted; anything else (a 5xx, a timeout, a lost answer) may have.
    """
    if method.upper() in READ_METHODS or provably_unacted(failure):
        return False
    if isinstance(failure, APIError):
        return failure.status >= 500
    return isinstance(failure, TransportError)


def applied_note(method: str, url: str) -> str:
    """What a caller must know about a write that may have happened, worded for its kind."""
    method = method.upper()
    if method == "POST" and "actions" in yarl.URL(url).parts[:-1]:
        return "the server may have acted on it; look it up before retrying"
    verb = _VERBS.get(method, "acted on")
    return f"the server may have {verb} it; look it up before retrying"


def exponential_wait(attempt: int, base_delay: float, max_delay: float) -> float:
    """`base_delay * 2 ** (attempt - 1)` capped at `max_delay`: backoff's `expo`, unjittered."""
    waits = backoff.expo(base=2, factor=base_delay, max_value=max_delay)
    next(waits)  # prime the generator, as backoff does
    return float(next(itertools.islice(waits, attempt - 1, None)))


def server_requested_wait(failure: APIError, now: float) -> float | None:
    """Seconds the server asked us to wait, or None when it named no time.

    Any status may carry `Retry-After`. A 429 or 503 is read in full: the later of
    `Retry-After` and `X-RateLimit-Reset` (on a 429, or when no budget is left), else a time
    in an error's detail, plus a second of grace for times written in whole seconds, and never
    less than `MIN_SERVER_WAIT`: the server still refuses. Times the server names are read
    on its clock (its `Date` header), so a skewed local clock neither cuts the wait short
    nor stretches it.
    """
    headers = {key.lower(): value for key, value in failure.headers.items()}
    now += clock_skew(headers.get("date"), now)
    retry_after = retry_after_moment(headers.get("retry-after"), now)
    if failure.status not in _WAIT_STATUSES:
        return None if retry_after is None else max(0.0, retry_after - now)
    moments = [] if retry_after is None else [retry_after]
    if failure.status == 429 or smallest_number(headers.get("x-ratelimit-remaining")) == 0:
        reset = reset_moment(headers.get("x-ratelimit-reset"), now)
        if reset is not None:
            moments.append(reset)
    if not moments:  # no header named a time: the one in "please try again at ..." will do
        for error in failure.errors:
            moment = find_iso_datetime(error.detail)
            if moment is not None:
                moments.append(with_whole_second_grace(moment))
    if not moments:
        return None
    return max(MIN_SERVER_WAIT, max(moments) - now)


def _too_long(failure: APIError, wait: float) -> RateLimited:
    """The error to raise when the server asks for a wait beyond the policy's patience."""
    return RateLimited(
        failure.status,
        failure.errors,
        method=failure.method,
        url=failure.url,
        headers=failure.headers,
        retry_after=wait,
    )
