"""Async client for the Outreach API (JSON:API 1.0).

async with OutreachClient(token) as client:
    async for prospect in client.resource("prospect").iterate(filter={"firstName": "Sally"}):
        print(prospect.id, prospect["lastName"])
"""

from ._version import __version__
from .auth import Auth, BearerToken
from .client import OutreachClient
from .document import (
    Document,
    Links,
    Relationship,
    Resource,
    ResourceIdentifier,
    parse_document,
)
from .errors import (
    APIError,
    BadRequest,
    ClientClosedError,
    Conflict,
    ErrorObject,
    Forbidden,
    NotFound,
    OriginError,
    OutreachError,
    PaginationLimitError,
    RateLimited,
    ServerError,
    TransportError,
    Unauthorized,
    UnsupportedMediaType,
    ValidationError,
)
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
from .pagination import Page, Paginator
from .query import NOT_NULL, Query, Range, at_least, at_most, between
from .ratelimit import InProcessLimiter, Limiter, RateLimitSnapshot
from .ratelimit_redis import RedisLimiter
from .resources import ResourceManager
from .retry import RetryPolicy
from .session import DEFAULT_BASE_URL, Session, Timeouts

__all__ = [
    "DEFAULT_BASE_URL",
    "NOT_NULL",
    "APIError",
    "Auth",
    "BadRequest",
    "BearerToken",
    "ClientClosedError",
    "Conflict",
    "Document",
    "ErrorObject",
    "Event",
    "Forbidden",
    "Hook",
    "Hooks",
    "InProcessLimiter",
    "Limiter",
    "Links",
    "NotFound",
    "OriginError",
    "OutreachClient",
    "OutreachError",
    "Page",
    "PaginationLimitError",
    "Paginator",
    "Query",
    "Range",
    "RateLimitHit",
    "RateLimitSnapshot",
    "RateLimited",
    "RedisLimiter",
    "Relationship",
    "RequestStarted",
    "RequestStats",
    "Resource",
    "ResourceIdentifier",
    "ResourceManager",
    "ResponseReceived",
    "RetryPolicy",
    "RetryScheduled",
    "ServerError",
    "Session",
    "Timeouts",
    "TransportError",
    "Unauthorized",
    "UnsupportedMediaType",
    "ValidationError",
    "__version__",
    "at_least",
    "at_most",
    "between",
    "parse_document",
]
