"""Options of one request, or the defaults of a derived client: timeout, headers, retry.

One frozen `RequestOptions` travels from a call such as `get(1, timeout=5)` or from
`client.with_options(...)` to the session (`Session.with_options`), instead of three
arguments threaded through every layer. Extra headers are checked when the options are
made, before anything is sent: they cannot replace the credentials or the negotiated media
type, nor the headers that frame the body.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from .retry import RetryPolicy
from .timeouts import Timeouts

__all__ = ["PROTECTED_HEADERS", "Headers", "RequestOptions", "Timeout"]

#: A per-request timeout: seconds for the whole request, or `Timeouts` for both parts.
Timeout = float | Timeouts
#: Extra request headers, name to value.
Headers = Mapping[str, str]

#: Headers the session alone sets: credentials, content negotiation and body framing.
PROTECTED_HEADERS = frozenset(
    {
        "authorization",
        "proxy-authorization",
        "content-type",
        "accept",
        "content-length",
        "transfer-encoding",
        "host",
        "cookie",
    }
)
_TOKEN = re.compile(r"^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$")
_UNSAFE_VALUE = re.compile(r"[\r\n\x00]")


def _timeouts(value: Timeout | None) -> Timeouts | None:
    if value is None or isinstance(value, Timeouts):
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError(f"timeout: expected seconds or Timeouts, got {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"timeout: expected more than 0 seconds, got {value}")
    return Timeouts(total=float(value))


def _headers(value: Headers | None) -> tuple[tuple[str, str], ...]:
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        raise TypeError(f"extra_headers: expected a mapping, got {type(value).__name__}")
    checked: list[tuple[str, str]] = []
    for name, text in value.items():
        if not isinstance(name, str) or not _TOKEN.match(name):
            raise ValueError(f"extra_headers: {name!r} is not a valid header name")
        if name.lower() in PROTECTED_HEADERS:
            raise ValueError(
                f"extra_headers: {name!r} is set by the client itself and cannot be replaced"
            )
        if not isinstance(text, str):
            raise TypeError(f"extra_headers[{name!r}]: expected a str, got {type(text).__name__}")
        if _UNSAFE_VALUE.search(text):
            raise ValueError(f"extra_headers[{name!r}]: holds a line break or NUL")
        checked.append((name, text))
    return tuple(checked)


def _policy(value: RetryPolicy | None) -> RetryPolicy | None:
    if value is not None and not isinstance(value, RetryPolicy):
        raise TypeError(f"retry: expected a RetryPolicy, got {type(value).__name__}")
    return value


@attrs.frozen(repr=False)
class RequestOptions:
    """What a request does differently from the client's defaults; None means "as before".

    `timeout` is seconds for the whole request or a `Timeouts`; `extra_headers` are sent
    with the request (never to another origin; the session's own headers cannot be
    replaced); `retry` replaces the retry policy. The repr names the headers but never
    shows their values, which may be secrets.
    """

    timeout: Timeouts | None = attrs.field(default=None, converter=_timeouts)
    extra_headers: tuple[tuple[str, str], ...] = attrs.field(default=None, converter=_headers)
    retry: RetryPolicy | None = attrs.field(default=None, converter=_policy)

    def __bool__(self) -> bool:
        return self.timeout is not None or bool(self.extra_headers) or self.retry is not None

    def __repr__(self) -> str:
        names = [name for name, _ in self.extra_headers]
        return (
            f"RequestOptions(timeout={self.timeout!r}, extra_headers={names!r}, "
            f"retry={self.retry!r})"
        )

    def merged(self, override: RequestOptions) -> RequestOptions:
        """These options with `override`'s given values on top; headers are combined."""
        headers = {name.lower(): (name, text) for name, text in self.extra_headers}
        headers.update({name.lower(): (name, text) for name, text in override.extra_headers})
        return RequestOptions(
            timeout=override.timeout if override.timeout is not None else self.timeout,
            extra_headers=dict(headers.values()),
            retry=override.retry if override.retry is not None else self.retry,
        )
