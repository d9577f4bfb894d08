"""Where the `Authorization` header comes from.

The session asks an `Auth` for the header before every request and tells it about a 401, so
that token refresh (OAuth) fits behind the same two calls as a static token. Implementations:
`BearerToken` here, `OAuth2Auth` (`outreach_async.oauth`) and `ServerToServerAuth`
(`outreach_async.s2s`).
"""

from __future__ import annotations

import abc
from collections.abc import Awaitable, Callable

__all__ = ["Auth", "BearerToken"]

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


class Auth(abc.ABC):
    """Supplies the `Authorization` header and may renew it after a 401."""

    @abc.abstractmethod
    async def authorization(self) -> str:
        """The header value for the next request, e.g. `Bearer eyJ...`."""

    async def handle_unauthorized(self, rejected: str) -> bool:
        """Called after a 401 for the header value `rejected`; True if a retry may succeed."""
        del rejected
        return False

    def attach(self, *, clock: Clock, sleep: Sleep) -> None:  # noqa: B027 - optional hook
        """Called by each session that uses this auth with the clock and sleep it runs on.

        An auth that waits (a token endpoint's `Retry later`) waits with these, so tests with
        a fake clock never sleep for real. A no-op by default.
        """

    async def aclose(self) -> None:  # noqa: B027 - optional hook, a no-op by default
        """Release anything the auth holds; called when the client closes."""


class BearerToken(Auth):
    """A fixed access token. Its value never appears in `repr()` or `str()`."""

    __slots__ = ("_header",)

    def __init__(self, token: str) -> None:
        if not isinstance(token, str) or not token.strip():
            raise ValueError("token: expected a non-empty string")
        self._header = f"Bearer {token.strip()}"

    async def authorization(self) -> str:
        """The same `Bearer` header for every request: a static token is never renewed."""
        return self._header

    def __repr__(self) -> str:
        return "BearerToken(token=<redacted>)"
