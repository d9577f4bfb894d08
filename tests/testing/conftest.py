"""Fixtures of the fake server's tests."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest_asyncio
from fake_api_client import ApiClient, new_session

from outreach_async.testing.server import FakeOutreach


@pytest_asyncio.fixture
async def api(fake_outreach: FakeOutreach) -> AsyncIterator[ApiClient]:
    async with new_session(fake_outreach) as session:
        yield ApiClient(session, fake_outreach)
