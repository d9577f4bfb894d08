"""Fixtures of the end-to-end tests: the public client against `FakeOutreach`.

Server and client share one `SharedClock`. The client's sleeps (pacing, backoff, pauses)
advance it at once, and the server's rate-limit windows, `Retry-After` times and `Date`
header follow the same clock, so waits are exact and cost no wall time.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from email.utils import formatdate
from typing import Any

import pytest
from aiohttp import web

from outreach_async import Event, OutreachClient, RequestStats
from outreach_async.testing import FakeOutreach

from ..conftest import FakeClock

JSONAPI = "application/vnd.api+json"


class SharedClock(FakeClock):
    """A `FakeClock` whose sleep lets other tasks run, as a real sleep would."""

    async def sleep(self, seconds: float) -> None:
        await super().sleep(seconds)
        await asyncio.sleep(0)


def fake_server(
    clock: FakeClock, *, middlewares: Iterable[Any] = (), **options: Any
) -> FakeOutreach:
    """An unstarted fake server on `clock`; `middlewares` run innermost, next to the API."""
    server = FakeOutreach(**options)
    server.settings.clock = clock

    async def date_on_the_clock(request: web.Request, response: web.StreamResponse) -> None:
        response.headers["Date"] = formatdate(clock.now, usegmt=True)

    server.app.on_response_prepare.append(date_on_the_clock)
    server.app.middlewares.extend(middlewares)
    return server


def client_of(server: FakeOutreach, clock: FakeClock, **options: Any) -> OutreachClient:
    """A client of `server` on the shared clock; keyword arguments go to `OutreachClient`."""
    return server.client(clock=clock, sleep=clock.sleep, **options)


class Recorder:
    """A hook that keeps every event, in order."""

    def __init__(self) -> None:
        self.events: list[Event] = []

    def __call__(self, event: Event) -> None:
        self.events.append(event)

    def of(self, kind: type[Any]) -> list[Any]:
        return [event for event in self.events if isinstance(event, kind)]


@pytest.fixture
def clock() -> SharedClock:
    return SharedClock()


@pytest.fixture
async def server(request: pytest.FixtureRequest, clock: SharedClock) -> AsyncIterator[FakeOutreach]:
    """A started fake server; `@pytest.mark.fake_outreach(...)` passes `FakeOutreach` options."""
    marker = request.node.get_closest_marker("fake_outreach")
    options: dict[str, Any] = dict(marker.kwargs) if marker is not None else {}
    async with fake_server(clock, **options) as started:
        yield started


@pytest.fixture
def stats() -> RequestStats:
    return RequestStats()


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
async def client(
    server: FakeOutreach, clock: SharedClock, stats: RequestStats, recorder: Recorder
) -> AsyncIterator[OutreachClient]:
    async with client_of(server, clock, hooks=[stats, recorder]) as opened:
        yield opened
