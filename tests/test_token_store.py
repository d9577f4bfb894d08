"""Token stores: atomic, private files that hold a whole pair whatever happens mid-save."""

from __future__ import annotations

import asyncio
import os
import signal
import stat
import subprocess
import sys
import textwrap
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from outreach_async import (
    FileTokenStore,
    MemoryTokenStore,
    OAuth2Auth,
    TokenEndpointError,
    TokenPair,
    TokenPersistenceError,
    TokenStore,
)
from outreach_async.testing import FakeOutreach, FakeSettings

from .conftest import FakeClock

OLD = TokenPair("old-access-1111", "old-refresh-2222", 1_700_007_200.0, 1_700_000_000.0, "x")
NEW = TokenPair("new-access-3333", "new-refresh-4444", 1_700_014_400.0, 1_700_007_200.0, "x")


@pytest.fixture
def open_umask() -> Iterator[None]:
    """Files created while this runs would be world-readable unless asked otherwise."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(directory: Path) -> list[str]:
    return sorted(path.name for path in directory.iterdir() if path.name.endswith(".tmp"))


async def test_a_saved_pair_loads_back_whole(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "tokens.json")
    assert await store.load() is None
    await store.save(OLD)
    assert await store.load() == OLD
    await store.save(NEW)
    assert await FileTokenStore(tmp_path / "tokens.json").load() == NEW
    assert leftovers(tmp_path) == []


@pytest.mark.usefixtures("open_umask")
async def test_the_file_is_private_from_its_first_byte(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    modes: list[int] = []
    replace = os.replace

    def checking_replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        modes.append(mode(Path(source)))
        replace(source, target)

    monkeypatch.setattr(os, "replace", checking_replace)
    path = tmp_path / "tokens.json"
    await FileTokenStore(path).save(OLD)
    await FileTokenStore(path).save(NEW)
    assert modes == [0o600, 0o600]
    assert mode(path) == 0o600


@pytest.mark.parametrize("broken", ["replace", "fsync", "write"])
async def test_a_failed_save_leaves_the_old_pair_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, broken: str
) -> None:
    store = FileTokenStore(tmp_path / "tokens.json")
    await store.save(OLD)

    def fail(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, broken, fail)
    with pytest.raises(TokenPersistenceError, match="No space left on device") as caught:
        await store.save(NEW)
    monkeypatch.undo()
    assert await store.load() == OLD
    assert leftovers(tmp_path) == []
    assert "new-refresh-4444" not in str(caught.value)


async def test_a_file_open_to_others_is_reported_and_closed_by_the_next_save(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = FileTokenStore(tmp_path / "tokens.json")
    await store.save(OLD)
    (tmp_path / "tokens.json").chmod(0o644)
    with caplog.at_level("WARNING", logger="outreach_async"):
        assert await store.load() == OLD
    assert "mode 0644" in caplog.text
    await store.save(NEW)
    assert mode(tmp_path / "tokens.json") == 0o600


async def test_a_missing_directory_is_a_persistence_error(tmp_path: Path) -> None:
    with pytest.raises(TokenPersistenceError, match="No such file or directory"):
        await FileTokenStore(tmp_path / "nowhere" / "tokens.json").save(OLD)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"access_token": "leaky-secret-1", "refresh_tok', "not JSON"),
        (b'{"access_token": "leaky-secret-1", "refresh_token": 5}', "'refresh_token'"),
        (b'["leaky-secret-1"]', "JSON object"),
    ],
)
async def test_a_damaged_file_is_reported_without_its_content(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "tokens.json"
    path.write_bytes(content)
    with pytest.raises(TokenPersistenceError, match=reason) as caught:
        await FileTokenStore(path).load()
    assert "leaky-secret-1" not in str(caught.value)
    assert "leaky-secret-1" not in repr(caught.value)


_SAVER = textwrap.dedent(
    """
    import asyncio, sys
    from outreach_async import FileTokenStore, TokenPair

    pairs = [TokenPair.from_dict(eval(arg)) for arg in sys.argv[2:4]]
    store = FileTokenStore(sys.argv[1])

    async def main():
        n = 0
        while True:
            await store.save(pairs[n % 2])
            n += 1
            print(n, flush=True)

    asyncio.run(main())
    """
)


@pytest.mark.parametrize("saves_before_kill", [1, 3, 10, 30, 100])
def test_a_process_killed_while_saving_leaves_a_whole_pair(
    tmp_path: Path, saves_before_kill: int
) -> None:
    path = tmp_path / "tokens.json"
    child = subprocess.Popen(
        [sys.executable, "-c", _SAVER, str(path), repr(OLD.to_dict()), repr(NEW.to_dict())],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        for _ in range(saves_before_kill):
            assert child.stdout.readline()
    finally:
        child.send_signal(signal.SIGKILL)  # it is saving again by now: no clean-up runs
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    stored = asyncio.run(FileTokenStore(path).load())
    assert stored in (OLD, NEW)
    assert mode(path) == 0o600


async def test_memory_store_keeps_the_pair() -> None:
    store = MemoryTokenStore()
    await store.save(NEW)
    assert (await store.load(), store.saves) == (NEW, 1)


# -- the crash between refresh and persistence, with OAuth2Auth ------------------------------


@pytest.fixture
async def server(clock: FakeClock) -> AsyncIterator[FakeOutreach]:
    async with FakeOutreach(settings=FakeSettings(clock=clock)) as server:
        yield server


async def test_a_failed_rename_after_a_refresh_never_leaves_only_a_dead_token(
    server: FakeOutreach, clock: FakeClock, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = FileTokenStore(tmp_path / "tokens.json")
    first = server.signed_in()
    await store.save(first)
    auth = OAuth2Auth(server.oauth_app(), store=store)
    async with server.client(auth=auth, clock=clock, sleep=clock.sleep) as client:
        await client.resource("prospect").get(1)
        clock.now += 7200
        replace = os.replace

        def fail(*args: object) -> None:
            raise OSError(5, "Input/output error")

        monkeypatch.setattr(os, "replace", fail)
        with pytest.raises(TokenPersistenceError, match="Input/output error"):
            await client.resource("prospect").get(1)
        # The server rotated; the file still holds the old pair, the process the new one.
        assert await store.load() == first
        assert first.refresh_token not in server.oauth.live_refresh_tokens()
        assert leftovers(tmp_path) == []
        monkeypatch.setattr(os, "replace", replace)
        await client.resource("prospect").get(1)
    saved = await store.load()
    assert saved is not None
    assert server.oauth.live_refresh_tokens() == {saved.refresh_token}
    assert server.oauth.counts.refreshes == 1


class DyingStore(TokenStore):
    """A store whose process dies on the next save: nothing new reaches the disk."""

    def __init__(self, inner: TokenStore) -> None:
        self.inner = inner

    async def load(self) -> TokenPair | None:
        return await self.inner.load()

    async def save(self, pair: TokenPair) -> None:
        raise OSError(5, "the process died here")


@pytest.mark.parametrize("revoked_on_use", [True, False])
async def test_a_crash_between_refresh_and_persistence_keeps_a_live_token_where_it_can(
    clock: FakeClock, tmp_path: Path, revoked_on_use: bool
) -> None:
    """The dying process never used the new access token, so where the server keeps a
    replaced refresh token until its successor is used (Doorkeeper's revoke-on-use), the
    stored pair still works; where it revokes at once, the store is honest about it."""
    settings = FakeSettings(clock=clock)
    settings.oauth.revoke_refresh_token_on_use = revoked_on_use
    store = FileTokenStore(tmp_path / "tokens.json")
    async with FakeOutreach(settings=settings) as server:
        first = server.signed_in()
        await store.save(first)
        dying = OAuth2Auth(server.oauth_app(), store=DyingStore(store))
        async with server.client(auth=dying, clock=clock, sleep=clock.sleep) as client:
            clock.now += 7200
            with pytest.raises(TokenPersistenceError):
                await client.resource("prospect").get(1)
        assert server.oauth.counts.refreshes == 1  # the server rotated; the file did not
        assert await store.load() == first

        restarted = OAuth2Auth(server.oauth_app(), store=store)
        async with server.client(auth=restarted, clock=clock, sleep=clock.sleep) as client:
            if revoked_on_use:
                assert (await client.resource("prospect").get(1)).id == 1
            else:
                with pytest.raises(TokenEndpointError) as refused:
                    await client.resource("prospect").get(1)
                assert refused.value.reauthorization_needed
        saved = await store.load()
        assert saved is not None
        if revoked_on_use:
            assert saved != first
            assert saved.refresh_token in server.oauth.live_refresh_tokens()
            assert first.refresh_token not in server.oauth.live_refresh_tokens()
