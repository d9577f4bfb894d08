"""Where sync jobs keep their state and checkpoints: a directory (the default) or Redis.

A `StateStore` holds named byte strings. `save` replaces a value whole and is durable when it
returns, so after a crash at any moment each value is either the old one or the new one. A
sync writes its state there only after the output the state describes is on disk.

`FileStateStore` keeps one file per name, replaced atomically. `RedisStateStore` keeps them in
Redis under a prefix (one per job, e.g. per Outreach user), so that a job that dies on one
worker resumes on another; it needs the `redis` extra, and Redis configured to persist
(`appendonly yes`) if its state is to survive a Redis restart. A Redis that is down or slow
raises `RedisUnavailableError` naming what was not saved; the previous value stays.
"""

from __future__ import annotations

import abc
import asyncio
import os
import re
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from .._atomic import replace_file
from .._redis import OwnsRedis, connect, redis_failures
from ..errors import StorageError

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["FileStateStore", "RedisStateStore", "StateStore"]

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$")


def check_name(name: str) -> str:
    """Names are plain words (`run`, `prospect`, `prospect.ids.3`): safe as file names."""
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(f"state name {name!r}: expected letters, digits, '_', '.' or '-'")
    return name


class StateStore(abc.ABC):
    """Named values of one sync job; `save` is atomic and durable when it returns."""

    @abc.abstractmethod
    async def load(self, name: str) -> bytes | None:
        """The value saved under `name`, or None."""

    @abc.abstractmethod
    async def save(self, name: str, value: bytes) -> None:
        """Replace the value under `name`; raise `StorageError` if it could not be kept."""

    @abc.abstractmethod
    async def delete(self, name: str) -> None:
        """Forget `name` (nothing happens if it is not there)."""

    async def aclose(self) -> None:  # noqa: B027 - optional hook, a no-op by default
        """Release what the store holds, such as a connection it opened itself."""

    async def __aenter__(self) -> StateStore:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


class FileStateStore(StateStore):
    """One file per name in `directory` (created if missing), replaced atomically."""

    def __init__(self, directory: str | os.PathLike[str]) -> None:
        self.directory = Path(directory)

    def __repr__(self) -> str:
        return f"FileStateStore({str(self.directory)!r})"

    async def load(self, name: str) -> bytes | None:
        path = self.directory / check_name(name)
        try:
            return await asyncio.to_thread(path.read_bytes)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StorageError(f"sync state {path}: cannot read it ({exc.strerror})") from None

    async def save(self, name: str, value: bytes) -> None:
        path = self.directory / check_name(name)
        try:
            await asyncio.to_thread(self._write, path, value)
        except OSError as exc:
            raise StorageError(
                f"sync state {path}: not saved ({exc.strerror}); the previous state is kept"
            ) from None

    async def delete(self, name: str) -> None:
        path = self.directory / check_name(name)
        try:
            await asyncio.to_thread(path.unlink, missing_ok=True)
        except OSError as exc:
            raise StorageError(f"sync state {path}: cannot remove it ({exc.strerror})") from None

    def _write(self, path: Path, value: bytes) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        replace_file(path, value)


class RedisStateStore(OwnsRedis, StateStore):
    """Values in Redis under `prefix` (e.g. `outreach:sync:<user id>:`)."""

    def __init__(self, redis: Redis, prefix: str) -> None:
        if not prefix:
            raise ValueError("prefix: expected a non-empty key prefix, one per sync job")
        self.prefix = prefix
        self._redis = redis
        self._owns_redis = False

    @classmethod
    def from_url(cls, url: str, prefix: str) -> RedisStateStore:
        """A store on its own connection to `url`, closed by `aclose()` (or `async with`)."""
        store = cls(connect(url, needed_by="RedisStateStore"), prefix)
        store._owns_redis = True
        return store

    def __repr__(self) -> str:
        return f"RedisStateStore(prefix={self.prefix!r})"

    async def load(self, name: str) -> bytes | None:
        key = self.prefix + check_name(name)
        async with redis_failures(self._redis, f"reading {key}", "nothing was changed"):
            value = await self._redis.get(key)
        return None if value is None else bytes(value)

    async def save(self, name: str, value: bytes) -> None:
        key = self.prefix + check_name(name)
        async with redis_failures(
            self._redis,
            f"saving {key}",
            "it may not be saved (Redis holds the previous value or the new one, whole)",
        ):
            await self._redis.set(key, value)

    async def delete(self, name: str) -> None:
        key = self.prefix + check_name(name)
        async with redis_failures(self._redis, f"removing {key}", "it is still there"):
            await self._redis.delete(key)
