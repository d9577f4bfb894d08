"""What every client built on a `Session` shares: `async with`, closing, budget and hooks."""

from __future__ import annotations

from types import TracebackType
from typing import TypeVar

from .events import Hooks
from .ratelimit import RateLimitSnapshot
from .session import Session

C = TypeVar("C", bound="SessionClient")


class SessionClient:
    """A client that owns `self.session`; `OutreachClient` and `CourseMailerClient` are two."""

    session: Session

    async def __aenter__(self: C) -> C:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()

    async def close(self) -> None:
        """Close the connections this client opened. Safe to call twice."""
        await self.session.close()

    @property
    def closed(self) -> bool:
        """True once `close()` was called (or the `async with` block ended)."""
        return self.session.closed

    @property
    def rate_limit(self) -> RateLimitSnapshot:
        """The request budget as the limiter knows it: limit, remaining, reset, pause."""
        return self.session.limiter.snapshot()

    @property
    def hooks(self) -> Hooks:
        """Callbacks told about requests, responses, retries and 429s: `hooks.add(fn)`."""
        return self.session.hooks
