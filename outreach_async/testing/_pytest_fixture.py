"""The plugin's fixtures themselves, loaded by the pytest plugin when pytest-asyncio is on."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import pytest
import pytest_asyncio

if TYPE_CHECKING:
    from .coursemailer import FakeCourseMailer
    from .server import FakeOutreach


def _marker_options(request: pytest.FixtureRequest, name: str) -> dict[str, Any]:
    """The keyword arguments of the closest `name` marker (none without one)."""
    marker = request.node.get_closest_marker(name)
    return dict(marker.kwargs) if marker is not None else {}


@pytest_asyncio.fixture
async def fake_outreach(request: pytest.FixtureRequest) -> AsyncIterator[FakeOutreach]:
    """A started fake Outreach server, closed after the test."""
    from .server import FakeOutreach

    async with FakeOutreach(**_marker_options(request, "fake_outreach")) as server:
        yield server


@pytest_asyncio.fixture
async def fake_course_mailer(request: pytest.FixtureRequest) -> AsyncIterator[FakeCourseMailer]:
    """A started fake course mailer, closed after the test."""
    from .coursemailer import FakeCourseMailer

    async with FakeCourseMailer(**_marker_options(request, "fake_course_mailer")) as server:
        yield server
