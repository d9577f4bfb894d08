"""Four processes sharing one expired OAuth grant refresh it once, through the store's lock."""

from __future__ import annotations

import asyncio
import json
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from outreach_async import FileTokenStore, RedisTokenStore
from outreach_async.auth.tokens import TokenPair
from outreach_async.testing import FakeOutreach
from outreach_async.testing._redis_server import RedisServer
from outreach_async.testing._settings import OAuthSettings

#: One process: wait for the go file, make one API request, print what it used.
_CLIENT = textwrap.dedent(
    """
    import asyncio, os, sys
    from outreach_async import FileTokenStore, OAuth2Auth, OAuthApp, OutreachClient
    from outreach_async import RedisTokenStore

    kind, where, origin, go = sys.argv[1:5]

    async def main():
        app = OAuthApp("fake-client-id", "fake-client-secret", "http://localhost/callback",
                       base_url=origin)
        if kind == "file":
            store = FileTokenStore(where)
        else:
            store = RedisTokenStore.from_url(where, "outreach:tokens:1")
        async with OutreachClient(OAuth2Auth(app, store=store), base_url=origin + "/api/v2") as c:
            print("ready", flush=True)
            while not os.path.exists(go):
                await asyncio.sleep(0.005)
            page = await c.resource("user").list(page_size=1)
            print("ok", len(page.items), flush=True)
        if kind != "file":
            await store.aclose()

    asyncio.run(main())
    """
)


@pytest.fixture(scope="module")
def redis_server() -> Iterator[RedisServer]:
    with RedisServer() as server:
        yield server


def expired(pair: TokenPair) -> TokenPair:
    return attrs.evolve(pair, expires_at=pair.created_at - 1)


@pytest.mark.parametrize("kind", ["file", "redis"])
async def test_four_processes_on_an_expired_token_refresh_once(
    kind: str, tmp_path: Path, redis_server: RedisServer
) -> None:
    # No one-a-minute rule: without the lock, every process would refresh (and spend
    # the refresh token another had just rotated: invalid_grant).
    async with FakeOutreach(oauth=OAuthSettings(min_refresh_interval=0.0)) as server:
        pair = expired(server.signed_in())
        server.oauth.expire_access_tokens()
        if kind == "file":
            where = str(tmp_path / "tokens.json")
            await FileTokenStore(where).save(pair)
        else:
            where = redis_server.url
            async with RedisTokenStore.from_url(where, "outreach:tokens:1") as store:
                await store.save(pair)
        go = tmp_path / "go"
        processes = [
            await asyncio.create_subprocess_exec(
                sys.executable,
                "-c",
                _CLIENT,
                kind,
                where,
                server.url,
                str(go),
                stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE,
            )
            for _ in range(4)
        ]
        for process in processes:
            assert process.stdout is not None
            assert await asyncio.wait_for(process.stdout.readline(), 30) == b"ready\n"
        go.touch()
        outputs = [await process.communicate() for process in processes]
        for process, (out, err) in zip(processes, outputs, strict=True):
            assert process.returncode == 0, err.decode()
            assert out == b"ok 1\n"
        assert server.oauth.counts.refreshes == 1
        assert server.oauth.counts.invalid_grants == 0
        assert server.oauth.counts.unauthorized == 0
        if kind == "file":
            stored = await FileTokenStore(where).load()
        else:
            async with RedisTokenStore.from_url(where, "outreach:tokens:1") as store:
                stored = await store.load()
        assert stored is not None
        assert stored.refresh_token in server.oauth.live_refresh_tokens()
        assert json.dumps(stored.to_dict())  # a whole pair
