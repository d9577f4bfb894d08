"""`JsonApiClient`: the client for any JSON:API 1.0 server, opened with `async with`.

It holds one session (retries, rate limits, hooks, origin checks, bounded bodies, auth) and
a dialect, and hands out one `ResourceManager` per (type, path). `OutreachClient` is this
client speaking Outreach's dialect, with typed managers on top.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from typing import TypeVar

import aiohttp

from .auth.bearer import BearerToken, NoAuth
from .http.auth import Auth
from .http.events import Hook
from .http.options import Headers, RequestOptions, Timeout
from .http.ratelimit import Limiter
from .http.retry import RetryPolicy
from .http.session import DEFAULT_MAX_BODY_SIZE, Clock, Session, Sleep, Timeouts
from .http.session_client import SessionClient
from .jsonapi.dialect import JSONAPI, Dialect
from .jsonapi.resources import ResourceManager

__all__ = ["JsonApiClient"]

J = TypeVar("J", bound="JsonApiClient")


class JsonApiClient(SessionClient):
    """A client for a JSON:API server.

    >>> async with JsonApiClient("http://127.0.0.1:8000/api", auth=None) as api:
    ...     people = api.resource("people")
    ...     person = await people.get("1", include="employer")

    `auth` is a bearer token, an `Auth` object, or None for a server without credentials.
    `dialect` says what the server decides where JSON:API leaves it open (`JsonApiDialect`
    by default: type names as paths, filters as given, string ids). Pass `http` to share an
    aiohttp session you own; the client then leaves it open when it closes. `limiter` paces
    requests by the server's `X-RateLimit-*` headers; `hooks` are told about every request,
    retry, 429 and wait. Plain http is allowed only to a loopback address.
    """

    def __init__(
        self,
        base_url: str,
        *,
        auth: str | Auth | None,
        dialect: Dialect = JSONAPI,
        http: aiohttp.ClientSession | None = None,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
        limiter: Limiter | None = None,
        max_body_size: int = DEFAULT_MAX_BODY_SIZE,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
        hooks: Iterable[Hook] = (),
    ) -> None:
        if not isinstance(dialect, Dialect):
            raise TypeError(f"dialect: expected a Dialect, got {type(dialect).__name__}")
        self.dialect = dialect
        self.session = Session(
            _auth(auth),
            base_url=base_url,
            http=http,
            timeouts=timeouts,
            retry=retry,
            limiter=limiter,
            max_body_size=max_body_size,
            clock=clock,
            sleep=sleep,
            hooks=hooks,
        )
        self._managers: dict[tuple[str, str], ResourceManager] = {}

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={str(self.session.base_url)!r})"

    def with_options(
        self: J,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> J:
        """A client with other defaults, sharing this one's connections, limiter, auth, hooks.

            fast = client.with_options(timeout=5, retry=RetryPolicy(max_attempts=1))

        Only what is given changes (extra headers add to this client's). Closing the
        derived client does nothing; the connections close with the client it came from.
        """
        options = RequestOptions(timeout=timeout, extra_headers=extra_headers, retry=retry)
        state = dict(self.__dict__)
        for klass in type(self).__mro__:
            for name, value in vars(klass).items():
                if isinstance(value, functools.cached_property):
                    state.pop(name, None)  # a manager made for the old session
        state["session"] = self.session.derived(options)
        state["_managers"] = {}
        derived = object.__new__(type(self))
        derived.__dict__.update(state)
        return derived

    def resource(
        self, resource_type: str, path: str | None = None, *, plural: str | None = None
    ) -> ResourceManager:
        """The generic manager of a type, e.g. `api.resource("people")`.

        Its collection is at `path` below the base URL; by default where the dialect puts
        the type (JSON:API's convention: the type name itself; Outreach: its own table).
        `plural` is an older name for `path`. One manager is kept per (type, path).
        """
        manager = ResourceManager(
            self.session, resource_type, path, dialect=self.dialect, plural=plural
        )
        return self._managers.setdefault((resource_type, manager.path), manager)


def _auth(auth: str | Auth | None) -> Auth:
    if auth is None:
        return NoAuth()
    if isinstance(auth, str):
        return BearerToken(auth)
    if not isinstance(auth, Auth):
        raise TypeError(f"auth: expected a token, an Auth or None, got {type(auth).__name__}")
    return auth
