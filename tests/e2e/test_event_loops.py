"""A client belongs to the event loop it first ran on; another loop gets a clear error."""

from __future__ import annotations

import asyncio

import pytest

from outreach_async import EventLoopError, OutreachClient
from outreach_async.testing import FakeOutreach


def test_a_client_used_from_a_second_loop_raises_event_loop_error() -> None:
    first, second = asyncio.new_event_loop(), asyncio.new_event_loop()
    with FakeOutreach(seed=1).in_thread() as server:
        client = OutreachClient(server.token, base_url=server.api_url)
        try:
            account = first.run_until_complete(client.resource("account").get(1))
            assert account.id == 1
            with pytest.raises(EventLoopError, match="another event loop"):
                second.run_until_complete(
                    asyncio.wait_for(client.resource("account").get(2), timeout=10)
                )
            with pytest.raises(EventLoopError):
                second.run_until_complete(client.close())
            assert not client.closed
        finally:
            first.run_until_complete(client.close())
            first.close()
            second.close()
    assert client.closed


def test_a_client_made_outside_any_loop_belongs_to_the_first_that_uses_it() -> None:
    with FakeOutreach(seed=1).in_thread() as server:
        client = OutreachClient(server.token, base_url=server.api_url)

        async def use_and_close() -> int | str | None:
            async with client:
                return (await client.accounts.get(3)).id

        assert asyncio.run(use_and_close()) == 3


def test_a_client_derived_with_options_belongs_to_the_same_loop() -> None:
    first, second = asyncio.new_event_loop(), asyncio.new_event_loop()
    with FakeOutreach(seed=1).in_thread() as server:
        client = OutreachClient(server.token, base_url=server.api_url)
        derived = client.with_options(timeout=30)  # made before either loop ran it
        try:
            first.run_until_complete(client.accounts.get(1))
            with pytest.raises(EventLoopError):
                second.run_until_complete(asyncio.wait_for(derived.accounts.get(2), timeout=10))
            assert first.run_until_complete(derived.accounts.get(2)).id == 2
        finally:
            first.run_until_complete(client.close())
            first.close()
            second.close()
