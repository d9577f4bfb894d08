"""The HTTP answer behind a result: status, headers, rate limit and request id, on demand.

    raw = await client.prospects.with_raw_response.get(1)
    raw.parsed, raw.status, raw.request_id, raw.rate_limit

A call is awaited while a context variable collects the responses the session checks; the
last one is the answer behind the result (after a 401 refresh or a retry, the one that
succeeded; for `update(reread=True)`, the GET that read it back). Nothing is collected
outside such a call, so ordinary requests pay nothing. The request's own headers are never
kept, so the credentials cannot show; response headers that carry credentials or cookies
are dropped as well.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import attrs
from multidict import CIMultiDict, CIMultiDictProxy

from .ratelimit import RateLimitSnapshot, parse_rate_limit_headers

if TYPE_CHECKING:
    from .session import Response

__all__ = ["REQUEST_ID_HEADER", "RawResponse", "WithRawResponse", "raw_response"]

T = TypeVar("T")

#: The response header read as the request id (None when the server sends none).
REQUEST_ID_HEADER = "X-Request-Id"
_WITHHELD = frozenset({"authorization", "proxy-authorization", "set-cookie"})
_recorded: ContextVar[list[tuple[Response, float]] | None] = ContextVar(
    "outreach_async_raw_responses", default=None
)


@attrs.frozen(repr=False)
class RawResponse(Generic[T]):
    """A result (`parsed`) with the HTTP answer it was read from.

    `rate_limit` is what this answer's `X-RateLimit-*` headers said (None without them);
    `client.rate_limit` is the budget across all answers. `received_at` is when the answer
    came, in epoch seconds of the client's clock. The repr shows no headers.
    """

    parsed: T
    status: int
    headers: CIMultiDictProxy[str]
    method: str
    url: str
    request_id: str | None
    received_at: float

    @property
    def rate_limit(self) -> RateLimitSnapshot | None:
        """The budget as this answer's `X-RateLimit-*` headers gave it; read when asked."""
        return parse_rate_limit_headers(self.headers, self.received_at)

    def __repr__(self) -> str:
        return (
            f"RawResponse(status={self.status}, method={self.method!r}, url={self.url!r}, "
            f"request_id={self.request_id!r}, parsed={type(self.parsed).__name__})"
        )


def record_response(response: Response, now: float) -> None:
    """Keep `response` for the `raw_response` call awaiting it, if there is one."""
    sink = _recorded.get()
    if sink is not None:
        sink.append((response, now))


async def raw_response(call: Awaitable[T]) -> RawResponse[T]:
    """Await `call` (a manager method's result) and return it with its HTTP answer.

    >>> raw = await raw_response(client.prospects.get(1))  # typed: RawResponse[Prospect]
    """
    sink: list[tuple[Response, float]] = []
    token = _recorded.set(sink)
    try:
        parsed = await call
    finally:
        _recorded.reset(token)
    if not sink:
        raise ValueError("raw_response: the call finished without sending a request")
    response, now = sink[-1]
    kept = [(name, value) for name, value in response.headers.items() if not _withheld(name)]
    headers = CIMultiDictProxy(CIMultiDict(kept))
    return RawResponse(
        parsed=parsed,
        status=response.status,
        headers=headers,
        method=response.method,
        url=response.url,
        request_id=headers.get(REQUEST_ID_HEADER),
        received_at=now,
    )


def _withheld(name: str) -> bool:
    return name.lower() in _WITHHELD


class WithRawResponse:
    """The methods of a manager, answering `RawResponse`s: `manager.with_raw_response`.

    `await manager.with_raw_response.get(1)` is `await raw_response(manager.get(1))`; the
    second form keeps the result's type for mypy.
    """

    def __init__(self, target: object) -> None:
        self._target = target

    def __repr__(self) -> str:
        return f"WithRawResponse({self._target!r})"

    def __getattr__(self, name: str) -> Callable[..., Awaitable[RawResponse[Any]]]:
        if name.startswith("_"):
            raise AttributeError(name)
        method = getattr(self._target, name)
        if not inspect.ismethod(method):
            raise AttributeError(f"{name} is not a method of {type(self._target).__name__}")

        async def call(*args: Any, **kwargs: Any) -> RawResponse[Any]:
            answer = method(*args, **kwargs)
            if not inspect.isawaitable(answer):
                raise TypeError(f"{name}() sends no request, so it has no response to show")
            return await raw_response(answer)

        call.__name__ = name
        call.__doc__ = getattr(method, "__doc__", None)
        return call
