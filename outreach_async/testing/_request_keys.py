"""What the fake server's layers tell each other through `request[...]`.

The protection middlewares (auth, rate limit, faults) run before the API handlers and read or
write these keys; handlers only need to set `RECORD_COUNT_KEY`:

- `USER_KEY` (`int | None`): id of the user the access token acts for; `None` for a
  server-to-server install token, which has no user. Set by the auth middleware.
- `PRINCIPAL_KEY` (`int | str`): whose rate-limit budget a request spends: the user id, or
  `"install:<id>"` for an S2S token. Set by the auth middleware.
- `RECORD_COUNT_KEY` (`int`): how many records the response's primary data holds. Handlers set
  it; the fault layer multiplies it by `latency_per_record`. When absent, the fault layer
  counts `data` in the JSON body itself.
- `FAULT_KEY` (`str`): the fault injected into this request, if any: "maintenance", "drop",
  "bad_gateway", "error", "truncate", "gateway_after_write" or "drop_after_write". Set by the
  fault layer, for request logs: a dropped request's handler chain still returns a (never
  sent) response object.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aiohttp import web

API_PREFIX = "/api/v2"


def request_key(name: str) -> Any:
    """A typed `web.RequestKey` where aiohttp has it (3.13+, which warns on plain strings),
    else the plain string older versions expect."""
    factory = getattr(web, "RequestKey", None)
    return name if factory is None else factory(name)


USER_KEY: web.RequestKey[int | None] = request_key("outreach_user")
PRINCIPAL_KEY: web.RequestKey[int | str] = request_key("outreach_principal")
RECORD_COUNT_KEY: web.RequestKey[int] = request_key("outreach_record_count")
FAULT_KEY: web.RequestKey[str] = request_key("outreach_fault")

#: Which requests a protection layer (rate limit, faults) applies to; `is_api_request` for
#: the Outreach fake, every request for a fake of another API.
RequestFilter = Callable[[web.BaseRequest], bool]

#: The static token and requests without the auth layer act as this user.
DEFAULT_USER_ID = 1


def is_api_request(request: web.BaseRequest) -> bool:
    """True for `/api/v2` and everything under it (not `/oauth`, not `/api/app`)."""
    path = request.path
    return path == API_PREFIX or path.startswith(API_PREFIX + "/")


def principal_of(request: web.BaseRequest) -> int | str:
    """Whose budget this request spends; the static token's user when auth is not installed."""
    principal = request.get(PRINCIPAL_KEY)
    if isinstance(principal, (int, str)):
        return principal
    user = request.get(USER_KEY)
    return user if isinstance(user, int) else DEFAULT_USER_ID
