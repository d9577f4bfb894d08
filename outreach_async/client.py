"""`OutreachClient`: the one object users hold, opened with `async with`."""

from __future__ import annotations

from collections.abc import Iterable

import aiohttp

from ._accessors import TypedManagers
from ._dialect import OUTREACH
from .http.auth import Auth
from .http.events import Hook
from .http.ratelimit import Limiter
from .http.retry import RetryPolicy
from .http.session import DEFAULT_BASE_URL, DEFAULT_MAX_BODY_SIZE, Clock, Sleep, Timeouts
from .jsonapi_client import JsonApiClient

__all__ = ["OutreachClient"]


class OutreachClient(TypedManagers, JsonApiClient):
    """An Outreach API client.

        async with OutreachClient("ACCESS_TOKEN") as client:
            prospect = await client.prospects.get(1)          # a typed `Prospect`
            resource = await client.resource("prospect").get(1)  # a generic `Resource`

    `auth` is an access token or an `Auth` object. Pass `http` to share an aiohttp session
    you own; the client then leaves it open when it closes. `limiter` paces requests to the
    rate limit (`InProcessLimiter` by default; `RedisLimiter` to share one user's budget
    between processes); `hooks` are told about every request, retry, 429 and wait. It is a
    `JsonApiClient` speaking Outreach's dialect (`OutreachDialect`).
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
        if auth is None:
            raise TypeError("auth: expected an access token or an Auth object")
        super().__init__(
            base_url,
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
