"""Fixtures of the course-mailer tests: `CourseMailerClient` against `FakeCourseMailer`.

Server and client share one clock, as in the end-to-end tests, so backoff, pacing and
`Retry-After` waits are exact and take no wall time.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from email.utils import formatdate
from typing import Any

import pytest
from aiohttp import web

from outreach_async import RequestStats
from outreach_async.coursemailer import CourseMailerClient
from outreach_async.testing import FakeCourseMailer

from ..e2e.conftest import SharedClock


def mailer_server(clock: SharedClock, **options: Any) -> FakeCourseMailer:
    """An unstarted fake course mailer whose clock and `Date` header follow `clock`."""
    server = FakeCourseMailer(**options)
    server.settings.clock = clock

    async def date_on_the_clock(request: web.Request, response: web.StreamResponse) -> None:
        response.headers["Date"] = formatdate(clock.now, usegmt=True)

    server.app.on_response_prepare.append(date_on_the_clock)
    return server


def client_of(server: FakeCourseMailer, clock: SharedClock, **options: Any) -> CourseMailerClient:
    return server.client(clock=clock, sleep=clock.sleep, **options)


@pytest.fixture
def clock() -> SharedClock:
    return SharedClock()


@pytest.fixture
async def server(clock: SharedClock) -> AsyncIterator[FakeCourseMailer]:
    async with mailer_server(clock) as started:
        yield started


@pytest.fixture
def stats() -> RequestStats:
    return RequestStats()


@pytest.fixture
async def mailer(
    server: FakeCourseMailer, clock: SharedClock, stats: RequestStats
) -> AsyncIterator[CourseMailerClient]:
    async with client_of(server, clock, hooks=[stats]) as opened:
        yield opened
