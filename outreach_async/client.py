"""`OutreachClient`: the one object users hold, opened with `async with`."""

from __future__ import annotations

from collections.abc import Iterable

import aiohttp

from . import _environment
from ._accessors import TypedManagers
from ._dialect import OUTREACH
from .errors import AuthError
from .http.auth import Auth
from .http.events import Hook
from .http.ratelimit import Limiter
from .http.retry import RetryPolicy
from .http.session import DEFAULT_BASE_URL, DEFAULT_MAX_BODY_SIZE, Clock, Sleep, Timeouts
from .jsonapi_client import JsonApiClient

__all__ = ["OutreachClient"]


class OutreachClient(TypedManagers, JsonApiClient):
    """An Outreach API client.

        async with OutreachClient() as client:                # OUTREACH_ACCESS_TOKEN
            prospect = await client.prospects.get(1)          # a typed `Prospect`
            resource = await client.resource("prospect").get(1)  # a generic `Resource`

    `auth` is an access token or an `Auth` object; without it the client reads the token
    from OUTREACH_ACCESS_TOKEN (AuthError when that is unset too). `base_url` defaults to
    OUTREACH_BASE_URL, then to the Outreach API. Pass `http` to share an aiohttp session
    you own; the client then leaves it open when it closes. `limiter` paces requests to the
    rate limit (`InProcessLimiter` by default; `RedisLimiter` to share one user's budget
    between processes); `hooks` are told about every request, retry, 429 and wait. It is a
    `JsonApiClient` speaking Outreach's dialect (`OutreachDialect`).
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
        super().__init__(
            base_url or _environment.base_url() or DEFAULT_BASE_URL,
            auth=auth,
            dialect=OUTREACH,
            http=http,
            timeouts=timeouts,
            retry=retry,
            limiter=limiter,
            max_body_size=max_body_size,
            clock=clock,
            sleep=sleep,
            hooks=hooks,
        )
