"""Rate-limit state from `X-RateLimit-*` headers, and the limiter the session waits on."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping

import attrs

from ._timeparse import first_number, parse_reset

__all__ = ["Limiter", "RateLimitSnapshot", "parse_rate_limit_headers"]


@attrs.frozen
class RateLimitSnapshot:
    """What the server last said about the budget; None where it said nothing."""

    limit: int | None = None
    remaining: int | None = None
    reset_at: float | None = None
    paused_until: float | None = None


def parse_rate_limit_headers(headers: Mapping[str, str], now: float) -> RateLimitSnapshot | None:
    """Read `X-RateLimit-*` defensively: missing parts, two-valued forms, epochs or deltas."""
    lowered = {key.lower(): value for key, value in headers.items()}
    limit = first_number(lowered.get("x-ratelimit-limit"))
    remaining = first_number(lowered.get("x-ratelimit-remaining"))
    reset_at = parse_reset(lowered.get("x-ratelimit-reset"), now)
    if limit is None and remaining is None and reset_at is None:
        return None
    return RateLimitSnapshot(
        limit=int(limit) if limit is not None else None,
        remaining=int(remaining) if remaining is not None else None,
        reset_at=reset_at,
    )


class Limiter:
    """Caps requests in flight and keeps the latest rate-limit state."""

    def __init__(self, max_in_flight: int = 16) -> None:
        if max_in_flight < 1:
            raise ValueError("max_in_flight: expected at least 1")
        self._slots = asyncio.Semaphore(max_in_flight)
        self._state = RateLimitSnapshot()

    async def acquire(self) -> None:
        """Wait for a turn to send a request."""
        await self._slots.acquire()

    def release(self) -> None:
        """The request that held a turn has finished."""
        self._slots.release()

    def observe(self, headers: Mapping[str, str], now: float) -> None:
        """Update the state from a response's headers."""
        parsed = parse_rate_limit_headers(headers, now)
        if parsed is not None:
            self._state = attrs.evolve(parsed, paused_until=self._state.paused_until)

    def pause_until(self, moment: float) -> None:
        """The server asked every request to hold off until `moment` (epoch seconds)."""
        current = self._state.paused_until
        if current is None or moment > current:
            self._state = attrs.evolve(self._state, paused_until=moment)

    def snapshot(self) -> RateLimitSnapshot:
        """The latest known state."""
        return self._state
