"""What the client tells hooks about its work: requests, responses, retries, 429s and waits.

A hook is any callable taking one event; pass it as `OutreachClient(hooks=[...])` or
`client.hooks.add(...)`. Hooks run inline, so they should be quick (count, observe a
histogram); an exception in one is logged and does not disturb the request. `RequestStats` is
a ready-made hook that counts everything for metrics:

    stats = RequestStats()
    async with OutreachClient(token, hooks=[stats]) as client:
        ...
    print(stats.requests, stats.rate_limited, stats.waited)
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Callable, Iterable
from typing import TypeAlias

import attrs

from ..errors import OutreachError

__all__ = [
    "Event",
    "Hook",
    "Hooks",
    "RateLimitHit",
    "RequestStarted",
    "RequestStats",
    "ResponseReceived",
    "RetryScheduled",
]

logger = logging.getLogger("outreach_async")


@attrs.frozen
class RequestStarted:
    """An attempt leaves for the server; `waited` is the time the rate limiter held it."""

    method: str
    url: str
    attempt: int
    waited: float


@attrs.frozen
class ResponseReceived:
    """The server answered an attempt (any status); `elapsed` is seconds since it left."""

    method: str
    url: str
    attempt: int
    status: int
    elapsed: float


@attrs.frozen
class RateLimitHit:
    """The server answered 429: the budget was spent (by this client or someone else)."""

    method: str
    url: str
    attempt: int


@attrs.frozen
class RetryScheduled:
    """A failed attempt will be repeated after `delay` seconds.

    `paused` is True when the server asked for the wait (429, maintenance 503): the rate
    limiter then holds every request of the client, not only this one.
    """

    method: str
    url: str
    attempt: int
    delay: float
    paused: bool
    error: OutreachError


Event: TypeAlias = RequestStarted | ResponseReceived | RateLimitHit | RetryScheduled
Hook: TypeAlias = Callable[[Event], None]


class Hooks:
    """The hooks of one client, called in the order they were added."""

    def __init__(self, hooks: Iterable[Hook] = ()) -> None:
        self._hooks: list[Hook] = list(hooks)

    def __repr__(self) -> str:
        return f"Hooks({len(self._hooks)})"

    def __len__(self) -> int:
        return len(self._hooks)

    def add(self, hook: Hook) -> None:
        """Call `hook` with every event from now on."""
        self._hooks.append(hook)

    def remove(self, hook: Hook) -> None:
        """Stop calling `hook`; ValueError if it was not added."""
        self._hooks.remove(hook)

    def emit(self, event: Event) -> None:
        """Give `event` to every hook; a failing hook is logged, never raised."""
        for hook in tuple(self._hooks):
            try:
                hook(event)
            except Exception:
                logger.exception("hook %r failed on %s", hook, type(event).__name__)


@attrs.define
class RequestStats:
    """A hook that counts requests, answers, retries, 429s and seconds spent waiting.

    `requests` counts attempts, retries included; `responses` counts answers by status.
    `waited` adds up the seconds each attempt was held by the rate limiter (pacing, pauses,
    the cap on requests in flight), so tasks waiting side by side each count; `backoff`
    adds up retry backoff spent outside the limiter (after a 5xx or a dropped connection).
    """

    requests: int = 0
    responses: Counter[int] = attrs.Factory(Counter)
    retries: int = 0
    rate_limited: int = 0
    waited: float = 0.0
    backoff: float = 0.0

    def __call__(self, event: Event) -> None:
        if isinstance(event, RequestStarted):
            self.requests += 1
            self.waited += event.waited
        elif isinstance(event, ResponseReceived):
            self.responses[event.status] += 1
        elif isinstance(event, RateLimitHit):
            self.rate_limited += 1
        elif isinstance(event, RetryScheduled):
            self.retries += 1
            if not event.paused:
                self.backoff += event.delay
