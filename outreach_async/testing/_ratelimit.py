"""Per-user request budget of the fake server, in Outreach's fixed-window style.

Each principal (user id, or `"install:<id>"` for S2S tokens; see `_request_keys`) may make
`settings.rate_limit.limit` requests per window of `window` seconds, windows aligned to
multiples of `window` on `settings.clock` (the hourly budget resets on the hour). Every
answer to an `/api/v2` request that reached the limiter carries `X-RateLimit-Limit`,
`X-RateLimit-Remaining` and `X-RateLimit-Reset` (Unix seconds of the window end), errors and
429s too. Past the limit the answer is a 429 `rateLimitExceeded`, which spends no budget.

Install (after the auth middleware, so the principal is known)::

    limiter = RateLimiter(settings)
    app.middlewares.append(rate_limit_middleware(limiter))
    app.on_response_prepare.append(send_rate_limit_headers)

The headers go out through `on_response_prepare` so that answers the fault layer writes itself
(truncated bodies) carry them as well.
"""

from __future__ import annotations

import math
from datetime import datetime, timezone
from typing import TYPE_CHECKING

import attrs
from aiohttp import web

from ._errors import jsonapi_error
from ._request_keys import RequestFilter, is_api_request, principal_of, request_key
from ._settings import ProtectionSettings

if TYPE_CHECKING:  # typing only: older aiohttp releases lack these names
    from aiohttp.typedefs import Handler, Middleware

#: Where the middleware leaves the headers for `send_rate_limit_headers`.
RATE_LIMIT_HEADERS_KEY: web.RequestKey[dict[str, str]] = request_key("outreach_rate_limit_headers")


@attrs.define
class Usage:
    """One principal's use of the budget."""

    #: Requests let through, over all windows.
    allowed: int = 0
    #: Requests answered with 429, over all windows.
    rejected: int = 0
    #: Start (clock seconds) of the window `used` belongs to.
    window_start: float = 0.0
    #: Requests let through in that window.
    used: int = 0


@attrs.frozen
class Decision:
    """The limiter's verdict on one request and what the headers say about it."""

    allowed: bool
    limit: int
    remaining: int
    #: Unix seconds at which the window ends and the budget is whole again.
    reset: int
    #: Whole seconds from now until `reset` (at least 1).
    retry_after: int


class RateLimiter:
    """Fixed-window counters per principal, read against the settings on every request."""

    def __init__(self, settings: ProtectionSettings) -> None:
        self._settings = settings
        self._usage: dict[int | str, Usage] = {}

    def __repr__(self) -> str:
        return f"RateLimiter(principals={len(self._usage)})"

    @property
    def settings(self) -> ProtectionSettings:
        return self._settings

    def take(self, principal: int | str) -> Decision:
        """Spend one request of `principal`'s budget, unless it is used up."""
        config = self._settings.rate_limit
        now = self._settings.clock()
        window = config.window
        window_start = math.floor(now / window) * window
        window_end = window_start + window
        usage = self._usage.setdefault(principal, Usage(window_start=window_start))
        if usage.window_start != window_start:
            usage.window_start = window_start
            usage.used = 0
        allowed = usage.used < config.limit
        if allowed:
            usage.used += 1
            usage.allowed += 1
        else:
            usage.rejected += 1
        return Decision(
            allowed=allowed,
            limit=config.limit,
            remaining=max(0, config.limit - usage.used),
            reset=math.ceil(window_end),
            retry_after=max(1, math.ceil(window_end - now)),
        )

    def usage(self, principal: int | str) -> Usage:
        """A copy of `principal`'s counters (all zero if it never asked)."""
        return attrs.evolve(self._usage.get(principal, Usage()))

    @property
    def principals(self) -> frozenset[int | str]:
        return frozenset(self._usage)

    @property
    def allowed_total(self) -> int:
        return sum(usage.allowed for usage in self._usage.values())

    @property
    def rejected_total(self) -> int:
        return sum(usage.rejected for usage in self._usage.values())

    def reset(self) -> None:
        """Forget all counters: every budget is whole again."""
        self._usage.clear()


def rate_limit_headers(decision: Decision, *, two_valued_remaining: bool) -> dict[str, str]:
    """The `X-RateLimit-*` headers for a decision.

    The two-valued form imitates production's `9999, 19988`: the remaining budget, then a
    second, larger number whose meaning Outreach does not document (here remaining + limit).
    """
    remaining = str(decision.remaining)
    if two_valued_remaining:
        remaining = f"{decision.remaining}, {decision.remaining + decision.limit}"
    return {
        "X-RateLimit-Limit": str(decision.limit),
        "X-RateLimit-Remaining": remaining,
        "X-RateLimit-Reset": str(decision.reset),
    }


def too_many_requests(decision: Decision, *, send_retry_after: bool) -> web.Response:
    """The 429 answer, worded like Outreach's."""
    reset_at = datetime.fromtimestamp(decision.reset, tz=timezone.utc)
    detail = (
        f"You have exceeded your permitted rate limit of {decision.limit:,}; "
        f"please try again at {reset_at.strftime('%Y-%m-%dT%H:%M:%S')}."
    )
    headers = {"Retry-After": str(decision.retry_after)} if send_retry_after else None
    return jsonapi_error(429, "rateLimitExceeded", "Rate Limit Exceeded", detail, headers=headers)


def rate_limit_middleware(
    limiter: RateLimiter, applies: RequestFilter = is_api_request
) -> Middleware:
    """Count the requests `applies` selects (`/api/v2` by default) per principal and answer
    429 past the limit."""
    settings = limiter.settings

    @web.middleware
    async def rate_limit(request: web.Request, handler: Handler) -> web.StreamResponse:
        config = settings.rate_limit
        if not config.enabled or not applies(request):
            return await handler(request)
        decision = limiter.take(principal_of(request))
        request[RATE_LIMIT_HEADERS_KEY] = rate_limit_headers(
            decision, two_valued_remaining=config.two_valued_remaining
        )
        if not decision.allowed:
            return too_many_requests(decision, send_retry_after=config.send_retry_after)
        return await handler(request)

    return rate_limit


async def send_rate_limit_headers(request: web.Request, response: web.StreamResponse) -> None:
    """`on_response_prepare` hook: put the limiter's headers on whatever answer goes out."""
    headers = request.get(RATE_LIMIT_HEADERS_KEY)
    if isinstance(headers, dict):
        response.headers.update(headers)
