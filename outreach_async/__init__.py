"""Async client for the Outreach API (JSON:API 1.0).

async with OutreachClient(token) as client:
    async for prospect in client.prospects.iterate(filter={"first_name": "Sally"}):
        print(prospect.id, prospect.last_name)

Typed models live in `outreach_async.models`; `client.resource(type)` gives generic resources.
`CourseMailerClient` (`outreach_async.coursemailer`) speaks the plain-JSON course-mailer API
over the same session.
"""

from ._absent import ABSENT, Absent, present
from ._version import __version__
from .auth import Auth, BearerToken
from .batches import BatchFailure, BatchResult
from .client import OutreachClient
from .coursemailer import CourseMailerClient
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
    AuthError,
    BadRequest,
    BatchTimeout,
    ClientClosedError,
    Conflict,
    ErrorObject,
    Forbidden,
    NotFound,
    OriginError,
    OutreachError,
    PaginationLimitError,
    RateLimited,
    SequenceCopyError,
    ServerError,
    TokenEndpointError,
    TokenPersistenceError,
    TransportError,
    Unauthorized,
    UnsupportedMediaType,
    ValidationError,
    WebhookError,
    WebhookSignatureError,
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
from .managers import TypedPage, TypedPaginator
from .models import Model, Ref
from .oauth import OAuth2Auth, OAuthApp
from .pagination import Page, Paginator
from .query import NOT_NULL, Query, Range, at_least, at_most, between
from .ratelimit import InProcessLimiter, Limiter, RateLimitSnapshot
from .ratelimit_redis import RedisLimiter
from .resources import ResourceManager
from .retry import RetryPolicy
from .s2s import ServerToServerAuth
from .sequences import SequenceAddFailure, SequenceAddResult, SequenceCopy
from .session import DEFAULT_BASE_URL, Session, Timeouts
from .token_store import FileTokenStore, MemoryTokenStore, TokenStore
from .tokens import TokenPair
from .v1 import V1Sequences

__all__ = [
    "ABSENT",
    "DEFAULT_BASE_URL",
    "NOT_NULL",
    "APIError",
    "Absent",
    "Auth",
    "AuthError",
    "BadRequest",
    "BatchFailure",
    "BatchResult",
    "BatchTimeout",
    "BearerToken",
    "ClientClosedError",
    "Conflict",
    "CourseMailerClient",
    "Document",
    "ErrorObject",
    "Event",
    "FileTokenStore",
    "Forbidden",
    "Hook",
    "Hooks",
    "InProcessLimiter",
    "Limiter",
    "Links",
    "MemoryTokenStore",
    "Model",
    "NotFound",
    "OAuth2Auth",
    "OAuthApp",
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
    "Ref",
    "Relationship",
    "RequestStarted",
    "RequestStats",
    "Resource",
    "ResourceIdentifier",
    "ResourceManager",
    "ResponseReceived",
    "RetryPolicy",
    "RetryScheduled",
    "SequenceAddFailure",
    "SequenceAddResult",
    "SequenceCopy",
    "SequenceCopyError",
    "ServerError",
    "ServerToServerAuth",
    "Session",
    "Timeouts",
    "TokenEndpointError",
    "TokenPair",
    "TokenPersistenceError",
    "TokenStore",
    "TransportError",
    "TypedPage",
    "TypedPaginator",
    "Unauthorized",
    "UnsupportedMediaType",
    "V1Sequences",
    "ValidationError",
    "WebhookError",
    "WebhookSignatureError",
    "__version__",
    "at_least",
    "at_most",
    "between",
    "parse_document",
    "present",
]
