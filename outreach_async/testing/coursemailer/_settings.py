"""Settings of the fake course mailer; faults and rate limit are the Outreach fake's own."""

from __future__ import annotations

import time
from collections.abc import Callable

import attrs

from .._settings import FaultSettings, RateLimitSettings


@attrs.define
class CourseMailerSettings:
    """Everything that shapes one fake course mailer; read again on every request."""

    seed: int = 42
    #: Sequences seeded at start (the document's example counts 3).
    sequences: int = 3
    users_per_sequence: int = 4
    emails_per_sequence: int = 5
    #: When set, every request must carry `Authorization: Bearer <token>` (else 401).
    token: str | None = attrs.field(default=None, repr=False)
    rate_limit: RateLimitSettings = attrs.Factory(RateLimitSettings)
    faults: FaultSettings = attrs.Factory(FaultSettings)
    clock: Callable[[], float] = time.time
