"""The HTTP core: one request in, one checked response out.

`Session` sends requests to one API origin with auth, retries and rate limiting; the retry
policy alone decides what is repeated and how long to wait; the limiter alone owns rate-limit
state; URL rules keep credentials on the API's origin; hooks see every attempt. Nothing here
knows JSON:API documents or Outreach's resources.
"""

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
