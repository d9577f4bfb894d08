"""Redis down, restarted or slow is `RedisUnavailableError`, and nothing saved is lost."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path

import attrs
import pytest
from redis.asyncio import Redis

from outreach_async import (
    OAuth2Auth,
    RedisLimiter,
    RedisStateStore,
    RedisTokenStore,
    RedisUnavailableError,
    TokenPersistenceError,
    sync_collections,
)
from outreach_async.auth.tokens import TokenPair
from outreach_async.testing import FakeOutreach
from outreach_async.testing._redis_server import RedisServer
from outreach_async.testing._settings import FaultSettings


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    with RedisServer(persistent=True) as server:
        yield server


@pytest.fixture
async def redis(redis_server: RedisServer) -> AsyncIterator[Redis]:
    """A client that gives up after 0.3 s, so a slow Redis is seen quickly."""
    client = Redis.from_url(redis_server.url, socket_timeout=0.3, socket_connect_timeout=0.3)
    yield client
    await client.aclose()


def ids_in(path: Path) -> list[int]:
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


async def test_the_limiter_with_redis_down_sends_nothing_and_says_so(
    redis_server: RedisServer, redis: Redis
) -> None:
    async with FakeOutreach() as server:
        limiter = RedisLimiter(redis, "outreach:ratelimit:1", limit=1000, window=60.0)
        async with server.client(limiter=limiter) as client:
            await client.resource("user").list(page_size=1)
            sent = server.requests.total
            redis_server.halt()
            with pytest.raises(RedisUnavailableError) as caught:
                await client.resource("user").list(page_size=1)
            message = str(caught.value)
            assert f"Redis at 127.0.0.1:{redis_server._halted_port}/0" in message
            assert "outreach:ratelimit:1" in message and "the request was not sent" in message
            assert server.requests.total == sent
            redis_server.restart()
            await client.resource("user").list(page_size=1)
            assert server.requests.total == sent + 1


async def test_state_store_down_mid_run_then_back_loses_nothing(
    redis_server: RedisServer, redis: Redis, tmp_path: Path
) -> None:
    store = RedisStateStore(redis, "outreach:sync:1:")
    faults = FaultSettings(latency=0.02)
    async with FakeOutreach(prospects=1500, faults=faults) as server:
        async with server.client() as client:
            run = asyncio.ensure_future(
                sync_collections(
                    client,
                    ["prospect"],
                    state=store,
                    output=tmp_path,
                    page_size=25,
                    concurrency=2,
                    overlap=timedelta(0),
                )
            )
            while b"checkpoint" not in (await redis.get("outreach:sync:1:prospect") or b""):
                await asyncio.sleep(0.05)
            redis_server.halt()
            with pytest.raises(RedisUnavailableError, match="outreach:sync:1:prospect"):
                await run
            assert not (tmp_path / "prospect.jsonl").exists()
            redis_server.restart()
            result = await sync_collections(
                client, ["prospect"], state=store, output=tmp_path, page_size=25
            )
        assert result.resumed and result.types[0].resumed
        assert sorted(ids_in(tmp_path / "prospect.jsonl")) == server.store.ids("prospect")


async def test_a_slow_redis_is_unavailable_not_a_hang(
    redis: Redis, redis_server: RedisServer
) -> None:
    store = RedisStateStore(redis, "outreach:sync:2:")
    await store.save("run", b"{}")
    async with Redis.from_url(redis_server.url) as admin:
        await admin.execute_command("CLIENT", "PAUSE", "1500", "ALL")
        with pytest.raises(RedisUnavailableError, match="saving outreach:sync:2:run") as caught:
            await store.save("run", b'{"a": 1}')
        assert "Timeout" in str(caught.value)
        await asyncio.sleep(1.6)
    assert await store.load("run") == b"{}"  # the old value, whole: the save never ran


async def test_token_store_down_is_typed_and_keeps_the_new_pair(
    redis_server: RedisServer, redis: Redis
) -> None:
    async with FakeOutreach() as server:
        store = RedisTokenStore(redis, "outreach:tokens:1")
        pair = server.signed_in()
        await store.save(attrs.evolve(pair, expires_at=pair.created_at - 1))
        redis_server.halt()
        auth = OAuth2Auth(server.oauth_app(), store=store)
        async with server.client(auth=auth) as client:
            with pytest.raises(RedisUnavailableError, match="reading the token pair"):
                await client.resource("user").list(page_size=1)
            assert server.oauth.counts.refreshes == 0
            redis_server.restart()
            await client.resource("user").list(page_size=1)
            assert server.oauth.counts.refreshes == 1
            saved = await store.load()
            assert saved is not None and saved.refresh_token in server.oauth.live_refresh_tokens()


async def test_a_token_pair_that_cannot_be_saved_is_kept_unused(
    redis_server: RedisServer, redis: Redis
) -> None:
    async with FakeOutreach() as server:
        pair = server.signed_in()

        class DownOnFirstSave(RedisTokenStore):
            """Redis goes down between the refresh and the save of its pair."""

            halt = True

            async def save(self, new: TokenPair) -> None:
                if self.halt:
                    self.halt = False
                    redis_server.halt()
                await super().save(new)

        store = DownOnFirstSave(redis, "outreach:tokens:2")
        await RedisTokenStore(redis, "outreach:tokens:2").save(
            attrs.evolve(pair, expires_at=pair.created_at - 1)
        )
        auth = OAuth2Auth(server.oauth_app(), store=store)
        async with server.client(auth=auth) as client:
            with pytest.raises(TokenPersistenceError, match=r"Redis at .*saving the token pair"):
                await client.resource("user").list(page_size=1)
            assert server.oauth.counts.refreshes == 1
            redis_server.restart()
            await client.resource("user").list(page_size=1)
            assert server.oauth.counts.refreshes == 1  # the kept pair was saved, then used
