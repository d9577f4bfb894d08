"""Settings of the fake Outreach server: one attrs class per concern, all mutable at run time.

Tests flip these while a server runs (turn faults on, shrink the rate limit), so every
component reads them on each request instead of copying them at start-up.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Literal, Protocol

import attrs

DEFAULT_TOKEN = "fake-outreach-token"

#: Records seeded per type when nothing else is asked for.
DEFAULT_COUNTS: dict[str, int] = {
    "user": 5,
    "stage": 6,
    "account": 20,
    "prospect": 100,
    "mailbox": 5,
    "sequence": 8,
    "sequenceStep": 24,
    "sequenceState": 40,
    "task": 30,
}


@attrs.define
class RateLimitSettings:
    """Per-user request budget, reported in `X-RateLimit-*` headers."""

    enabled: bool = True
    limit: int = 10_000
    window: float = 3600.0
    #: Send `X-RateLimit-Remaining` as two comma-separated values, as seen in production.
    two_valued_remaining: bool = False
    #: Add `Retry-After` (seconds) to 429 answers; production may not send it.
    send_retry_after: bool = True


@attrs.define
class FaultSettings:
    """Faults injected into API responses; all drawn from one seeded generator."""

    latency: float = 0.0
    jitter: float = 0.0
    latency_per_record: float = 0.0
    error_rate: float = 0.0
    error_statuses: tuple[int, ...] = (500, 502, 503)
    #: Answer 502 to any collection request whose page size is above this.
    bad_gateway_above_page_size: int | None = None
    #: While set, every API request gets a maintenance 503 with `Retry-After` this many seconds.
    maintenance_retry_after: float | None = None
    #: How the maintenance `Retry-After` is written: "iso" (`2017-01-01T00:00:00Z`, as seen in
    #: production), "iso-naive" (no zone), "seconds" or "http-date".
    maintenance_retry_after_format: Literal["iso", "iso-naive", "seconds", "http-date"] = "iso"
    drop_rate: float = 0.0
    #: Drop the connection after the handler ran (the write happened, the answer is lost).
    drop_after_handler: bool = False
    truncate_rate: float = 0.0
    #: "connection": full Content-Length, half the body, then close (a payload error);
    #: "json": a complete HTTP answer whose JSON body is cut in half.
    truncate_mode: Literal["connection", "json"] = "connection"
    #: Faults *after* a write (any method but GET, HEAD, OPTIONS) was carried out: the record
    #: is stored, then a gateway answers 503, 502 or 500 in its own words, or the connection
    #: drops. Each has its own rate; one number is drawn per write, from a generator of its
    #: own (seeded from `seed`), so these faults do not shift the others.
    after_write_503_rate: float = 0.0
    after_write_502_rate: float = 0.0
    after_write_500_rate: float = 0.0
    after_write_drop_rate: float = 0.0
    #: How the gateway's answers read: "text" (`upstream connect error or disconnect/reset
    #: before headers`, text/plain, as Envoy sends) or "html" (an nginx error page).
    gateway_body: Literal["text", "html"] = "text"


@attrs.define
class OAuthSettings:
    """The `/oauth/token` endpoint and token lifetimes."""

    client_id: str = "fake-client-id"
    client_secret: str = attrs.field(default="fake-client-secret", repr=False)
    redirect_uri: str = "http://localhost/callback"
    access_token_ttl: int = 7200
    #: A user gets at most one new token per this many seconds (else 429 `Retry later`).
    min_refresh_interval: float = 60.0
    refresh_token_ttl: int = 14 * 24 * 3600
    #: Doorkeeper's `refresh_token_revoked_on_use`: a used refresh token keeps working until
    #: the pair that replaced it is first used. False: it dies at once, the strictest case.
    revoke_refresh_token_on_use: bool = False
    #: Server-to-server apps: the app's S2S GUID (the JWT's `iss`) and, if set, the PEM public
    #: key that must have signed the RS256 app token (unsigned tokens pass when it is None).
    s2s_app_id: str = "fake-s2s-guid"
    s2s_public_key: str | None = attrs.field(default=None, repr=False)
    s2s_token_ttl: int = 3600


class ProtectionSettings(Protocol):
    """What the rate limiter and the fault injector read; every fake server's settings have it."""

    seed: int
    rate_limit: RateLimitSettings
    faults: FaultSettings
    clock: Callable[[], float]


@attrs.define
class FakeSettings:
    """Everything that shapes one fake server."""

    seed: int = 42
    counts: dict[str, int] = attrs.Factory(lambda: dict(DEFAULT_COUNTS))
    #: "skewed" puts 90% of the records in 5% of the id range.
    id_layout: Literal["dense", "skewed"] = "dense"
    token: str = attrs.field(default=DEFAULT_TOKEN, repr=False)
    default_page_size: int = 50
    max_page_size: int = 1000
    max_offset: int = 10_000
    count_cap: int = 2_000_000
    #: Seeded records kept after they were first built (0 rebuilds every read). Records are a
    #: pure function of (seed, type, id), so the cache only trades memory for speed.
    record_cache_size: int = 200_000
    rate_limit: RateLimitSettings = attrs.Factory(RateLimitSettings)
    faults: FaultSettings = attrs.Factory(FaultSettings)
    oauth: OAuthSettings = attrs.Factory(OAuthSettings)
    clock: Callable[[], float] = time.time
