from __future__ import annotations

import gc
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from aioresponses import aioresponses

from outreach_async import OutreachClient, RetryPolicy

from . import _aioresponses_compat

_aioresponses_compat.install()

BASE = "https://api.outreach.io/api/v2"
TOKEN = "test-secret-token-5f2a"


class FakeClock:
    """A clock that moves only when `sleep` is awaited, recording every wait."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture(autouse=True)
def _collector_as_it_was() -> Iterator[None]:
    """Commands run in-process tune the garbage collector for their own process; undo it."""
    threshold = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*threshold)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


class RecordingMock(aioresponses):  # type: ignore[misc]
    """aioresponses that also keeps each URL exactly as sent (it normalises its own keys)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sent: list[tuple[str, str]] = []

    async def _request_mock(
        self, orig_self: Any, method: str, url: Any, *args: Any, **kwargs: Any
    ) -> Any:
        self.sent.append((method, str(url)))
        return await super()._request_mock(orig_self, method, url, *args, **kwargs)

    def calls(self) -> list[Any]:
        """Every recorded request call (args, kwargs), in the order sent."""
        ordered: list[Any] = []
        for calls in self.requests.values():
            ordered.extend(calls)
        return ordered


@pytest.fixture
def mocked() -> Iterator[RecordingMock]:
    with RecordingMock() as mock:
        yield mock


@pytest.fixture
async def client(clock: FakeClock) -> AsyncIterator[OutreachClient]:
    policy = RetryPolicy(jitter=lambda value: value)
    async with OutreachClient(TOKEN, clock=clock, sleep=clock.sleep, retry=policy) as client:
        yield client


@pytest.fixture(scope="session")
def jsonapi_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a Django REST framework JSON:API server, one for the whole run."""
    from .jsonapi_server.process import running_server

    with running_server(tmp_path_factory.mktemp("jsonapi-server") / "db.sqlite3") as url:
        yield url
