"""`OutreachClient`: the one object users hold, opened with `async with`."""

from __future__ import annotations

from collections.abc import Iterable

import aiohttp

from . import _environment
from ._accessors import TypedManagers
from ._collection_paths import plural_of
from .auth.bearer import BearerToken
from .errors import AuthError
from .http.auth import Auth
from .http.events import Hook
from .http.ratelimit import Limiter
from .http.retry import RetryPolicy
from .http.session import (
    DEFAULT_BASE_URL,
    DEFAULT_MAX_BODY_SIZE,
    Clock,
    Session,
    Sleep,
    Timeouts,
)
from .http.session_client import SessionClient
from .jsonapi.resources import ResourceManager

__all__ = ["OutreachClient"]


class OutreachClient(TypedManagers, SessionClient):
    """An Outreach API client.

        async with OutreachClient() as client:                # OUTREACH_ACCESS_TOKEN
            prospect = await client.prospects.get(1)          # a typed `Prospect`
            resource = await client.resource("prospect").get(1)  # a generic `Resource`

    `auth` is an access token or an `Auth` object; without it the client reads the token
    from OUTREACH_ACCESS_TOKEN (AuthError when that is unset too). `base_url` defaults to
    OUTREACH_BASE_URL, then to the Outreach API. Pass `http` to share an aiohttp session
    you own; the client then leaves it open when it closes. `limiter` paces requests to the
    rate limit (`InProcessLimiter` by default; `RedisLimiter` to share one user's budget
    between processes); `hooks` are told about every request, retry, 429 and wait.
    """

    def __init__(
        self,
        auth: str | Auth | None = None,
        *,
        base_url: str | None = None,
        http: aiohttp.ClientSession | None = None,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
        limiter: Limiter | None = None,
        max_body_size: int = DEFAULT_MAX_BODY_SIZE,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
        hooks: Iterable[Hook] = (),
    ) -> None:
        if auth is None:
            auth = _environment.access_token()
            if auth is None:
                raise AuthError(
                    f"no credentials: pass OutreachClient(token) or an Auth, or set "
                    f"{_environment.ACCESS_TOKEN_VARIABLE}"
                )
        self.session = Session(
            BearerToken(auth) if isinstance(auth, str) else auth,
            base_url=base_url or _environment.base_url() or DEFAULT_BASE_URL,
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

    def resource(self, resource_type: str, plural: str | None = None) -> ResourceManager:
        """The generic manager for a resource type, e.g. `client.resource("prospect")`."""
        manager = self._managers.get(resource_type)
        if manager is None:
            manager = ResourceManager(
                self.session, resource_type, plural or plural_of(resource_type)
            )
            self._managers[resource_type] = manager
        return manager
