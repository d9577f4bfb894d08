"""The fake course mailer's aiohttp app, behind the Outreach fake's own protection layers.

Request flow, outermost first (as in `.._wiring`)::

    request log  ->  token check (401)  ->  rate limit (429, X-RateLimit-*)  ->  faults  ->
    refusals  ->  handlers

The rate limiter and fault injector are the Outreach fake's, applied to every path here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs
from aiohttp import web

from .._faults import FaultInjector, fault_middleware
from .._ratelimit import RateLimiter, rate_limit_middleware, send_rate_limit_headers
from .._request_log import RequestLog
from ._api import MailerApi, Refusal
from ._settings import CourseMailerSettings
from ._store import MailerStore

if TYPE_CHECKING:  # typing only: older aiohttp releases lack these names
    from aiohttp.typedefs import Handler, Middleware


@attrs.define
class MailerProtections:
    """The state behind the rate-limit and fault layers, for tests to inspect."""

    rate_limiter: RateLimiter
    faults: FaultInjector


PROTECTIONS_KEY = web.AppKey("course_mailer_protections", MailerProtections)


def _every_request(request: web.BaseRequest) -> bool:
    return True


def build_app(
    settings: CourseMailerSettings, store: MailerStore, request_log: RequestLog
) -> web.Application:
    protections = MailerProtections(RateLimiter(settings), FaultInjector(settings))
    app = web.Application(
        middlewares=[
            request_log.middleware(),
            _token_check(settings),
            rate_limit_middleware(protections.rate_limiter, applies=_every_request),
            fault_middleware(protections.faults, applies=_every_request),
            _answer_refusals,
        ]
    )
    app.on_response_prepare.append(send_rate_limit_headers)
    MailerApi(store).install(app)
    app[PROTECTIONS_KEY] = protections
    return app


def _token_check(settings: CourseMailerSettings) -> Middleware:
    @web.middleware
    async def check_token(request: web.Request, handler: Handler) -> web.StreamResponse:
        token = settings.token
        if token is not None and request.headers.get("Authorization") != f"Bearer {token}":
            return Refusal(401, "unauthorized", "a valid bearer token is required").response()
        return await handler(request)

    return check_token


@web.middleware
async def _answer_refusals(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        return await handler(request)
    except Refusal as refusal:
        return refusal.response()
