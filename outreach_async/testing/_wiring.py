"""Puts auth, rate limiting and fault injection in front of the fake API, in the right order.

Request flow, outermost first::

    auth (401 gateway body)  ->  rate limit (429, X-RateLimit-*)  ->  faults  ->  API handlers

- Auth first: Outreach answers a bad token with 401 before metering, and the limiter needs the
  token's user, since the budget is per user.
- Faults inside the limiter: a request that failed, was cut or dropped still reached the
  servers behind the gateway and spent budget, as it would on Outreach.
- The `X-RateLimit-*` headers go on through `on_response_prepare`, so truncated answers and
  handler errors carry them too; 401s carry none (no user is known).

The core app factory calls `install_protections(app, settings)` once, before the app starts;
the returned `Protections` (also at `app[PROTECTIONS_KEY]`) is what tests inspect.
"""

from __future__ import annotations

import attrs
from aiohttp import web

from ._faults import FaultInjector, fault_middleware
from ._oauth import OAuthState, add_oauth_routes, auth_middleware
from ._ratelimit import RateLimiter, rate_limit_middleware, send_rate_limit_headers
from ._settings import FakeSettings


@attrs.define
class Protections:
    """The state behind the protection layers of one fake server."""

    oauth: OAuthState
    rate_limiter: RateLimiter
    faults: FaultInjector

    @classmethod
    def create(cls, settings: FakeSettings) -> Protections:
        return cls(OAuthState(settings), RateLimiter(settings), FaultInjector(settings))


PROTECTIONS_KEY = web.AppKey("outreach_protections", Protections)


def install_protections(
    app: web.Application, settings: FakeSettings, state: Protections | None = None
) -> Protections:
    """Add the auth, rate-limit and fault middlewares (outermost, ahead of any already
    present), the rate-limit header hook and the OAuth routes to `app`."""
    state = state or Protections.create(settings)
    app.middlewares[0:0] = [
        auth_middleware(state.oauth),
        rate_limit_middleware(state.rate_limiter),
        fault_middleware(state.faults),
    ]
    app.on_response_prepare.append(send_rate_limit_headers)
    add_oauth_routes(app, state.oauth)
    app[PROTECTIONS_KEY] = state
    return state
