"""The `fake_outreach` fixture itself, loaded by the pytest plugin when pytest-asyncio is on."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import pytest
import pytest_asyncio

if TYPE_CHECKING:
    from .server import FakeOutreach


@pytest_asyncio.fixture
async def fake_outreach(request: pytest.FixtureRequest) -> AsyncIterator[FakeOutreach]:
    """A started fake Outreach server, closed after the test."""
    from .server import FakeOutreach

    marker = request.node.get_closest_marker("fake_outreach")
    options: dict[str, Any] = dict(marker.kwargs) if marker is not None else {}
    async with FakeOutreach(**options) as server:
        yield server
