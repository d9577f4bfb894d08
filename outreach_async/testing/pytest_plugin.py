"""Pytest plugin: the `fake_outreach` fixture, a started `FakeOutreach` per test.

Registered through the `pytest11` entry point, so installing the package is enough:

    async def test_export(fake_outreach):
        async with fake_outreach.client() as client:
            prospect = await client.resource("prospect").get(1)

Configure the server of one test with the marker (keyword arguments of `FakeOutreach`):

    @pytest.mark.fake_outreach(prospects=5_000, seed=7)
    async def test_big_export(fake_outreach): ...

The server module is imported only when the fixture is used, so loading the plugin costs
nothing for test suites that do not use it. The fixture needs pytest-asyncio.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from importlib.util import find_spec
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .server import FakeOutreach


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "fake_outreach(**kwargs): keyword arguments for the `fake_outreach` fixture's server",
    )


async def _serve(request: pytest.FixtureRequest) -> AsyncIterator[FakeOutreach]:
    from .server import FakeOutreach

    marker = request.node.get_closest_marker("fake_outreach")
    options: dict[str, Any] = dict(marker.kwargs) if marker is not None else {}
    async with FakeOutreach(**options) as server:
        yield server


if find_spec("pytest_asyncio") is not None:
    import pytest_asyncio

    @pytest_asyncio.fixture
    async def fake_outreach(request: pytest.FixtureRequest) -> AsyncIterator[FakeOutreach]:
        """A started fake Outreach server, closed after the test."""
        async for server in _serve(request):
            yield server

else:  # pragma: no cover - depends on the user's environment

    @pytest.fixture
    def fake_outreach() -> None:
        """Needs pytest-asyncio."""
        pytest.skip("the fake_outreach fixture needs pytest-asyncio")
