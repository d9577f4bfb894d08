"""Where OAuth token pairs are kept between runs: `TokenStore`, in memory or in a file.

Outreach rotates the refresh token on every refresh, so the store must always hold the newest
pair: `OAuth2Auth` saves each new pair before it sends its access token anywhere.
`FileTokenStore` writes atomically (a private temporary file, fsync, rename, fsync of the
directory): after a crash at any moment the file holds the complete old pair or the complete
new one, never a torn or empty file, and it is never readable by other users.
"""

from __future__ import annotations

import abc
import asyncio
import json
import logging
import os
import stat
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
        try:
            return TokenPair.from_dict(json.loads(raw))
        except ValueError as exc:
            # ValueError's messages from `from_dict` name fields, never values; JSON errors
            # quote no content either, only positions.
            reason = str(exc) if not isinstance(exc, json.JSONDecodeError) else "not JSON"
            raise TokenPersistenceError(
                f"token store {self.path}: not a token pair ({reason})"
            ) from None

    def _write(self, data: bytes) -> None:
        try:
            replace_file(self.path, data, mode=0o600)
        except OSError as exc:
            raise _write_error(self.path, "cannot write it", exc) from None


def _write_error(path: Path, what: str, exc: OSError) -> TokenPersistenceError:
    reason = exc.strerror or type(exc).__name__
    return TokenPersistenceError(f"token store {path}: {what} ({reason})")
