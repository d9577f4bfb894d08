"""Redis connections with timeouts, and Redis failures turned into the library's own error.

The limiter, the sync state store and the token store all talk to Redis; when it is down,
restarting (still loading its data) or too slow, each of them raises `RedisUnavailableError`
saying what was being done and what was therefore not saved, never a `redis` exception.
A slow Redis counts as down after `REDIS_TIMEOUT` seconds, so a run fails instead of hanging.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

from .errors import RedisUnavailableError

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["REDIS_TIMEOUT", "OwnsRedis", "connect", "redis_failures"]

#: Seconds a Redis command (or connecting) may take before Redis counts as unavailable.
REDIS_TIMEOUT = 5.0


def connect(url: str, *, needed_by: str, timeout: float = REDIS_TIMEOUT) -> Redis:
    """A client for `url` (`redis://host:6379/0`) whose commands give up after `timeout`."""
    try:
        from redis.asyncio import Redis
    except ImportError:
        raise ImportError(
            f"{needed_by} needs the redis package: pip install 'outreach-async[redis]'"
        ) from None
    client: Redis = Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout)
    return client


class OwnsRedis:
    """A Redis client given by the caller (who closes it), or opened by `from_url` (closed
    by `aclose()` or `async with`)."""

    _redis: Any
    _owns_redis: bool = False

    async def aclose(self) -> None:
        """Close the Redis connection if `from_url` opened it; one passed in stays open."""
        if self._owns_redis:
            self._owns_redis = False
            await self._redis.aclose()


def where(redis: Any) -> str:
    """`host:port/db` of a client, never its password."""
    try:
        options = redis.connection_pool.connection_kwargs
    except AttributeError:
        return "Redis"
    if "path" in options:
        return f"Redis at {options['path']}"
    host, port, db = options.get("host", "?"), options.get("port", "?"), options.get("db", 0)
    return f"Redis at {host}:{port}/{db}"


@contextlib.asynccontextmanager
async def redis_failures(redis: Any, doing: str, consequence: str) -> AsyncIterator[None]:
    """Turn a Redis failure inside the block into `RedisUnavailableError`.

    `doing` says what was asked ("saving the sync state of prospect"), `consequence` what
    that means for the caller ("the previous state is kept; run again to resume").
    """
    try:
        yield
    except Exception as exc:
        if not _is_redis_failure(exc):
            raise
        reason = " ".join(str(exc).split())[:200] or type(exc).__name__
        raise RedisUnavailableError(
            f"{where(redis)}: {doing} failed ({type(exc).__name__}: {reason}); {consequence}",
            operation=doing,
        ) from None


def _is_redis_failure(exc: BaseException) -> bool:
    if isinstance(exc, (OSError, asyncio.TimeoutError)):
        return True
    try:
        from redis.exceptions import RedisError
    except ImportError:  # pragma: no cover - without redis there is no Redis client to fail
        return False
    return isinstance(exc, RedisError)
