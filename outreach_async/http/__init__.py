"""The HTTP core: one request in, one checked response out.

`Session` sends requests to one API origin with auth, retries and rate limiting; the retry
policy alone decides what is repeated and how long to wait; the limiter alone owns rate-limit
state; URL rules keep credentials on the API's origin; hooks see every attempt. Nothing here
knows JSON:API documents or Outreach's resources.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from .auth import Auth
    from .events import (
        Event,
        Hook,
        Hooks,
        RateLimitHit,
        RequestStarted,
        RequestStats,
        ResponseReceived,
        RetryScheduled,
    )
    from .options import RequestOptions
    from .ratelimit import InProcessLimiter, Limiter, RateLimitSnapshot
    from .ratelimit_redis import RedisLimiter
    from .raw import RawResponse, WithRawResponse, raw_response
    from .retry import RetryPolicy
    from .session import DEFAULT_BASE_URL, Response, Session
    from .timeouts import Timeouts

_EXPORTS = {
    "Auth": ".auth",
    "Event": ".events",
    "Hook": ".events",
    "Hooks": ".events",
    "RateLimitHit": ".events",
    "RequestStarted": ".events",
    "RequestStats": ".events",
    "ResponseReceived": ".events",
    "RetryScheduled": ".events",
    "RequestOptions": ".options",
    "InProcessLimiter": ".ratelimit",
    "Limiter": ".ratelimit",
    "RateLimitSnapshot": ".ratelimit",
    "RedisLimiter": ".ratelimit_redis",
    "RawResponse": ".raw",
    "WithRawResponse": ".raw",
    "raw_response": ".raw",
    "RetryPolicy": ".retry",
    "DEFAULT_BASE_URL": ".session",
    "Response": ".session",
    "Session": ".session",
    "Timeouts": ".timeouts",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "DEFAULT_BASE_URL",
    "Auth",
    "Event",
    "Hook",
    "Hooks",
    "InProcessLimiter",
    "Limiter",
    "RateLimitHit",
    "RateLimitSnapshot",
    "RawResponse",
    "RedisLimiter",
    "RequestOptions",
    "RequestStarted",
    "RequestStats",
    "Response",
    "ResponseReceived",
    "RetryPolicy",
    "RetryScheduled",
    "Session",
    "Timeouts",
    "WithRawResponse",
    "raw_response",
]
