"""Auth whose header must be renewed, one renewal at a time however many requests wait.

`RenewingAuth` keeps the current `Credential` and renews it ahead of its expiry, or after a
401 for the header that is still current. Renewal is single-flight: the first caller that
finds the header due starts it as a task of its own, and every other caller (any number of
concurrent requests, 401s included) awaits that same task. A 401 for a header that is no
longer current only means the request was sent before a renewal finished: it is retried
with the current header and renews nothing.

The renewal runs shielded from its callers: a request cancelled while the token endpoint is
rotating a refresh token must not cancel the refresh half way and lose the new token.
`aclose()` waits for a renewal in flight, so that what it obtained is saved.

Subclasses implement `_renew(stale)`; the HTTP session for their token requests, and the clock
and sleep they wait with (the session's, see `Auth.attach`), are here.
"""

from __future__ import annotations

import abc
import asyncio
import time

import aiohttp
import attrs

from ..http.auth import Auth, Clock, Sleep

__all__ = ["Credential", "RenewingAuth", "renew_at"]


@attrs.frozen(repr=False)
class Credential:
    """An `Authorization` header and when to renew it (epoch seconds; None: only on 401)."""

    header: str
    renew_at: float | None

    def due(self, now: float) -> bool:
        return self.renew_at is not None and now >= self.renew_at

    def __repr__(self) -> str:
        return f"Credential(renew_at={self.renew_at!r})"


def renew_at(expires_at: float, lifetime: float, margin: float) -> float:
    """When to renew a token: `margin` seconds before it expires, or half way through its
    life if it is too short-lived for that margin (so one renewal is not followed by another).
    """
    return expires_at - min(margin, max(0.0, lifetime) / 2)


class RenewingAuth(Auth):
    """An `Auth` that renews its header with `_renew`, single-flight."""

    def __init__(
        self,
        *,
        refresh_margin: float,
        http: aiohttp.ClientSession | None,
        clock: Clock | None,
        sleep: Sleep | None,
    ) -> None:
        if refresh_margin < 0:
            raise ValueError("refresh_margin: expected zero or more seconds")
        self.refresh_margin = refresh_margin
        self._http = http
        self._owns_http = http is None
        self._clock_given = clock is not None
        self._sleep_given = sleep is not None
        self._clock: Clock = clock or time.time
        self._sleep: Sleep = sleep or asyncio.sleep
        self._current: Credential | None = None
        self._flight: asyncio.Task[Credential] | None = None

    @abc.abstractmethod
    async def _renew(self, stale: Credential | None) -> Credential:
        """A new credential to replace `stale` (None: there is none yet)."""

    async def authorization(self) -> str:
        current = self._current
        if self._flight is None and current is not None and not current.due(self._clock()):
            return current.header
        # Due, or a renewal is under way (after a 401, the current header is refused): wait.
        return (await self._renewed(current)).header

    async def handle_unauthorized(self, rejected: str) -> bool:
        current = self._current
        if current is not None and current.header != rejected:
            return True  # renewed since that request left: retry with the current header
        await self._renewed(current)
        return True

    def attach(self, *, clock: Clock, sleep: Sleep) -> None:
        if not self._clock_given:
            self._clock = clock
        if not self._sleep_given:
            self._sleep = sleep

    async def aclose(self) -> None:
        """Wait for a renewal in flight (so that its tokens are saved), then close the HTTP
        session this auth opened. Safe to call twice."""
        flight = self._flight
        if flight is not None:
            await asyncio.wait([flight])
        if self._owns_http and self._http is not None:
            http, self._http = self._http, None
            await http.close()

    def _session(self) -> aiohttp.ClientSession:
        """The HTTP session for token requests: the one passed in, or one of our own (opened
        again if the auth is used after `aclose()`, e.g. by a second client)."""
        if self._http is None:
            self._http = aiohttp.ClientSession()
        return self._http

    async def _renewed(self, stale: Credential | None) -> Credential:
        flight = self._flight
        if flight is None:
            flight = asyncio.ensure_future(self._fly(stale))
            flight.add_done_callback(_retrieve)
            self._flight = flight
        return await asyncio.shield(flight)

    async def _fly(self, stale: Credential | None) -> Credential:
        try:
            credential = await self._renew(stale)
            self._current = credential
            return credential
        finally:
            self._flight = None


def _retrieve(task: asyncio.Task[Credential]) -> None:
    """Mark a failed renewal's exception as seen when every caller had gone (cancelled)."""
    if not task.cancelled():
        task.exception()
