"""What the session asks of credentials: the interface every auth implements.

The session asks an `Auth` for the `Authorization` header before every request and tells it
about a 401, so that token refresh (OAuth) fits behind the same two calls as a static token.
Implementations live in `outreach_async.auth`: `BearerToken`, `OAuth2Auth` and
`ServerToServerAuth`.
"""

from __future__ import annotations

import abc
from collections.abc import Awaitable, Callable

__all__ = ["Auth", "Clock", "Sleep"]

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
