"""`RedisTokenStore`: one OAuth grant's token pair in Redis, shared by many processes and hosts.

Needs the `redis` extra. `lock()` is a Redis lock with a timeout: the process that refreshes
holds it while it reads, refreshes and saves; the others wait, then find the new pair. A
holder that dies loses the lock after `lock_timeout` seconds, so nobody waits forever.
Redis being down or slow is a `RedisUnavailableError` (and, for a save, the
`TokenPersistenceError` that keeps the new pair in memory until it can be saved).
"""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from typing import TYPE_CHECKING

from .._redis import OwnsRedis, connect, redis_failures
from ..errors import TokenPersistenceError
from .token_store import TokenStore, parse_pair
from .tokens import TokenPair

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["RedisTokenStore"]

logger = logging.getLogger("outreach_async")


class RedisTokenStore(OwnsRedis, TokenStore):
    """A pair as JSON under `key` (one per grant, e.g. `outreach:tokens:<user id>`)."""

    def __init__(
        self,
        redis: Redis,
        key: str,
        *,
        lock_timeout: float = 30.0,
        lock_wait: float = 60.0,
    ) -> None:
        if not key:
            raise ValueError("key: expected a non-empty Redis key, one per OAuth grant")
        if lock_timeout <= 0 or lock_wait <= 0:
            raise ValueError("lock_timeout and lock_wait: expected seconds above zero")
        self.key = key
        self.lock_timeout = lock_timeout
        self.lock_wait = lock_wait
        self._redis = redis
        self._owns_redis = False

    @classmethod
    def from_url(cls, url: str, key: str, **options: float) -> RedisTokenStore:
        """A store on its own connection to `url`, closed by `aclose()`."""
        store = cls(connect(url, needed_by="RedisTokenStore"), key, **options)
        store._owns_redis = True
        return store

    def __repr__(self) -> str:
        return f"RedisTokenStore(key={self.key!r})"

    async def __aenter__(self) -> RedisTokenStore:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def load(self) -> TokenPair | None:
        async with redis_failures(
            self._redis, f"reading the token pair {self.key}", "no tokens could be had"
        ):
            raw = await self._redis.get(self.key)
        return None if raw is None else parse_pair(bytes(raw), self.key)

    async def save(self, pair: TokenPair) -> None:
        data = json.dumps(pair.to_dict()).encode()
        async with redis_failures(
            self._redis, f"saving the token pair {self.key}", "the new pair was not saved"
        ):
            await self._redis.set(self.key, data)

    def lock(self) -> AbstractAsyncContextManager[None]:
        return self._locked()

    @contextlib.asynccontextmanager
    async def _locked(self) -> AsyncIterator[None]:
        lock = self._redis.lock(
            f"{self.key}:refresh-lock", timeout=self.lock_timeout, blocking_timeout=self.lock_wait
        )
        async with redis_failures(
            self._redis, f"taking the refresh lock of {self.key}", "the token was not refreshed"
        ):
            acquired = await lock.acquire()
        if not acquired:
            raise TokenPersistenceError(
                f"token store {self.key}: another process held the refresh lock for more than "
                f"{self.lock_wait:.0f}s; the token was not refreshed"
            )
        try:
            yield
        finally:
            try:
                await lock.release()
            except Exception as exc:  # expired meanwhile, or Redis went away: it times out
                logger.warning("could not release the refresh lock of %s (%s)", self.key, exc)
