"""The one place that decides whether a failed request is tried again, and after how long.

Waits the server asks for (`Retry-After`, `X-RateLimit-Reset`, the time in a 429's detail) are
honoured exactly; everything else backs off exponentially with full jitter (`backoff`'s
generators). A request that may have changed something on the server is only repeated when
the server provably did not act on it.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable

import attrs
import backoff

from ..errors import APIError, OutreachError, RateLimited, TransportError
from ._timeparse import clock_skew, find_iso_datetime, parse_reset, parse_retry_after

__all__ = [
    "IDEMPOTENT_METHODS",
    "RETRY_STATUSES",
    "UNACTED_STATUSES",
    "RetryPolicy",
    "server_requested_wait",
]

#: Methods whose repetition cannot act twice.
IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"})

#: Statuses that say "not now" and may succeed later.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})

#: Statuses after which even a POST is safe to repeat: the server did not act.
UNACTED_STATUSES = frozenset({429, 503})


@attrs.frozen
class RetryPolicy:
    """What is retried, how often, and how long to wait between attempts.

    `max_wait` is the longest single wait worth sleeping through; a server that asks for more
    gets a `RateLimited` error carrying `retry_after`, so a caller can reschedule the work.
    """

    max_attempts: int = attrs.field(default=6, validator=attrs.validators.ge(1))
    base_delay: float = 0.5
    max_delay: float = 30.0
    max_wait: float = 900.0
    jitter: Callable[[float], float] = backoff.full_jitter
    #: Statuses retried for idempotent methods; a caller may narrow them for one request.
    statuses: frozenset[int] = RETRY_STATUSES

    def wait_before_retry(
        self, failure: OutreachError, *, method: str, attempt: int, now: float
    ) -> float:
        """Seconds to wait before attempt `attempt + 1`; raises what to surface when giving up."""
        if attempt >= self.max_attempts or not self.is_retryable(failure, method=method):
            raise failure
        requested = server_requested_wait(failure, now) if isinstance(failure, APIError) else None
        if requested is None:
            return self.jitter(self._exponential(attempt))
        if requested > self.max_wait and isinstance(failure, APIError):
            raise _too_long(failure, requested)
        return requested

    def is_retryable(self, failure: OutreachError, *, method: str) -> bool:
        """True where repeating the request may succeed and cannot act twice."""
        idempotent = method.upper() in IDEMPOTENT_METHODS
        if isinstance(failure, TransportError):
            return failure.retryable and (idempotent or not failure.request_sent)
        if isinstance(failure, APIError):
            allowed = self.statuses if idempotent else UNACTED_STATUSES & self.statuses
            return failure.status in allowed
        return False

    def _exponential(self, attempt: int) -> float:
        return exponential_wait(attempt, self.base_delay, self.max_delay)


def exponential_wait(attempt: int, base_delay: float, max_delay: float) -> float:
    """`base_delay * 2 ** (attempt - 1)` capped at `max_delay`: backoff's `expo`, unjittered."""
    waits = backoff.expo(base=2, factor=base_delay, max_value=max_delay)
    next(waits)  # prime the generator, as backoff does
    return float(next(itertools.islice(waits, attempt - 1, None)))


def server_requested_wait(failure: APIError, now: float) -> float | None:
    """Seconds the server asked us to wait, from its headers or a 429's detail text.

    Times the server names are read on its clock (its `Date` header), so a skewed local clock
    neither cuts the wait short nor stretches it.
    """
    headers = {key.lower(): value for key, value in failure.headers.items()}
    now += clock_skew(headers.get("date"), now)
    wait = parse_retry_after(headers.get("retry-after"), now)
    if wait is not None or failure.status not in UNACTED_STATUSES:
        return wait
    if failure.status == 429:
        reset = parse_reset(headers.get("x-ratelimit-reset"), now)
        if reset is not None:
            return max(0.0, reset - now)
    for error in failure.errors:
        moment = find_iso_datetime(error.detail)
        if moment is not None:
            return max(0.0, moment - now)
    return None


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
