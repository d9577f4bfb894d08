"""`OutreachClient`: the one object users hold, opened with `async with`."""

from __future__ import annotations

from collections.abc import Iterable
from types import TracebackType

import aiohttp

from .auth import Auth, BearerToken
from .events import Hook, Hooks
from .managers._accessors import TypedManagers
from .ratelimit import Limiter, RateLimitSnapshot
from .resources import ResourceManager
from .retry import RetryPolicy
from .session import DEFAULT_BASE_URL, DEFAULT_MAX_BODY_SIZE, Clock, Session, Sleep, Timeouts

__all__ = ["OutreachClient"]


class OutreachClient(TypedManagers):
    """An Outreach API client.

        async with OutreachClient("ACCESS_TOKEN") as client:
            prospect = await client.prospects.get(1)          # a typed `Prospect`
            resource = await client.resource("prospect").get(1)  # a generic `Resource`

    `auth` is an access token or an `Auth` object. Pass `http` to share an aiohttp session
    you own; the client then leaves it open when it closes. `limiter` paces requests to the
    rate limit (`InProcessLimiter` by default; `RedisLimiter` to share one user's budget
    between processes); `hooks` are told about every request, retry, 429 and wait.
    """

    def __init__(
        self,
        auth: str | Auth,
        *,
        base_url: str = DEFAULT_BASE_URL,
        http: aiohttp.ClientSession | None = None,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
        limiter: Limiter | None = None,
        max_body_size: int = DEFAULT_MAX_BODY_SIZE,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
        hooks: Iterable[Hook] = (),
    ) -> None:
        self.session = Session(
            BearerToken(auth) if isinstance(auth, str) else auth,
            base_url=base_url,
            http=http,
            timeouts=timeouts,
            retry=retry,
            limiter=limiter,
            max_body_size=max_body_size,
            clock=clock,
            sleep=sleep,
            hooks=hooks,
        )
        self._managers: dict[str, ResourceManager] = {}

    def __repr__(self) -> str:
        return f"OutreachClient(base_url={str(self.session.base_url)!r})"

    async def __aenter__(self) -> OutreachClient:
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

    def resource(self, resource_type: str, plural: str | None = None) -> ResourceManager:
        """The generic manager for a resource type, e.g. `client.resource("prospect")`."""
        manager = self._managers.get(resource_type)
        if manager is None:
            manager = ResourceManager(self.session, resource_type, plural)
            self._managers[resource_type] = manager
        return manager
