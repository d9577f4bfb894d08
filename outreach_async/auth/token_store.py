"""Where OAuth token pairs are kept between runs: `TokenStore`, in memory or in a file.

Outreach rotates the refresh token on every refresh, so the store must always hold the newest
pair: `OAuth2Auth` saves each new pair before it sends its access token anywhere.
`FileTokenStore` writes atomically (a private temporary file, fsync, rename, fsync of the
directory): after a crash at any moment the file holds the complete old pair or the complete
new one, never a torn or empty file, and it is never readable by other users.

Processes sharing one grant must not both spend its refresh token: `OAuth2Auth` holds the
store's `lock()` while it reads the store, refreshes and saves, so one process refreshes and
the others find its pair. `FileTokenStore` takes an OS file lock (`fcntl.flock` on
`<file>.lock`, released by the kernel if the process dies); `RedisTokenStore` a Redis lock.
"""

from __future__ import annotations

import abc
import asyncio
import contextlib
import json
import logging
import os
import stat
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from pathlib import Path

from .._atomic import replace_file
from ..errors import TokenPersistenceError
from .tokens import TokenPair

__all__ = ["FileTokenStore", "MemoryTokenStore", "TokenStore"]

logger = logging.getLogger("outreach_async")


class TokenStore(abc.ABC):
    """Keeps the newest token pair. `save` must be durable when it returns."""

    @abc.abstractmethod
    async def load(self) -> TokenPair | None:
        """The stored pair, or None when nothing was saved yet."""

    @abc.abstractmethod
    async def save(self, pair: TokenPair) -> None:
        """Replace the stored pair; raise if it could not be kept."""

    def lock(self) -> AbstractAsyncContextManager[None]:
        """Held around read-refresh-save, so that only one user of the store refreshes.

        This process's own refreshes are single-flight already; stores shared between
        processes or hosts lock across them. The default locks nothing.
        """
        return contextlib.nullcontext()


class MemoryTokenStore(TokenStore):
    """A pair kept in this process only; for tests and short-lived scripts."""

    def __init__(self, pair: TokenPair | None = None) -> None:
        self.pair = pair
        self.saves = 0

    async def load(self) -> TokenPair | None:
        """The pair saved last in this process, or the one passed in."""
        return self.pair

    async def save(self, pair: TokenPair) -> None:
        """Keep `pair` in memory (counted in `saves`); it is gone when the process ends."""
        self.pair = pair
        self.saves += 1

    def __repr__(self) -> str:
        return f"MemoryTokenStore(pair={self.pair!r})"


class FileTokenStore(TokenStore):
    """A pair in a JSON file, mode 0600, replaced atomically on every save.

    The file's directory must exist; temporary files are created next to the file (same
    filesystem, so the rename is atomic) and removed when a save fails.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)

    def __repr__(self) -> str:
        return f"FileTokenStore({str(self.path)!r})"

    async def load(self) -> TokenPair | None:
        """The pair in the file, or None when there is no file yet."""
        return await asyncio.to_thread(self._load)

    async def save(self, pair: TokenPair) -> None:
        """Replace the file atomically (mode 0600, synced to disk) with `pair`."""
        data = json.dumps(pair.to_dict(), indent=2).encode() + b"\n"
        await asyncio.to_thread(self._write, data)

    def lock(self) -> AbstractAsyncContextManager[None]:
        """An exclusive `flock` on `<file>.lock`, shared by every process on this host (and
        hosts whose network filesystem supports it)."""
        return _file_lock(self.path.with_name(self.path.name + ".lock"))

    def _load(self) -> TokenPair | None:
        try:
            raw = self.path.read_bytes()
            mode = stat.S_IMODE(self.path.stat().st_mode)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise TokenPersistenceError(
                f"token store {self.path}: cannot read it ({type(exc).__name__}: {exc.strerror})"
            ) from None
        if mode & 0o077:
            logger.warning(
                "token store %s is open to other users (mode %04o); the next save makes it 0600",
                self.path,
                mode,
            )
        return parse_pair(raw, str(self.path))

    def _write(self, data: bytes) -> None:
        try:
            replace_file(self.path, data, mode=0o600)
        except OSError as exc:
            raise _write_error(self.path, "cannot write it", exc) from None


def parse_pair(raw: bytes, where: str) -> TokenPair:
    """A stored pair's JSON; `TokenPersistenceError` naming `where` if it is not one."""
    try:
        return TokenPair.from_dict(json.loads(raw))
    except ValueError as exc:
        # ValueError's messages from `from_dict` name fields, never values; JSON errors
        # quote no content either, only positions.
        reason = str(exc) if not isinstance(exc, json.JSONDecodeError) else "not JSON"
        raise TokenPersistenceError(f"token store {where}: not a token pair ({reason})") from None


def _write_error(path: Path, what: str, exc: OSError) -> TokenPersistenceError:
    reason = exc.strerror or type(exc).__name__
    return TokenPersistenceError(f"token store {path}: {what} ({reason})")


@contextlib.asynccontextmanager
async def _file_lock(path: Path) -> AsyncIterator[None]:
    """Wait for the lock in a thread; a waiter that is cancelled closes the file once the
    thread returns, which releases the lock it may just have taken."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no cross-process lock
        yield
        return
    try:
        descriptor = await asyncio.to_thread(
            os.open, path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600
        )
    except OSError as exc:
        raise _write_error(path, "cannot open its lock file", exc) from None
    locking = asyncio.ensure_future(asyncio.to_thread(fcntl.flock, descriptor, fcntl.LOCK_EX))
    try:
        await asyncio.shield(locking)
    except BaseException:
        locking.add_done_callback(lambda _: os.close(descriptor))
        raise
    try:
        yield
    finally:
        os.close(descriptor)  # closing releases the lock
