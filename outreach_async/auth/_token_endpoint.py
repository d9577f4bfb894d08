"""One call to a token endpoint (`/oauth/token`, the S2S `accessToken` action), waits included.

Spending a refresh token is not idempotent: the server rotates it the moment it acts. So a
token request is repeated only where the server provably did not act on it: a 429
`Retry later` (one new token per user per 60 s), a 503 (maintenance), a connection that never
opened. Anything else after the request left (a timeout, a dropped connection, a 500) is
reported at once with `request_sent=True`. `repeatable=True` lifts that rule for requests that
change nothing when sent twice (minting an S2S token).

Waits run on the clock and sleep the caller passes (the session's), so tests never sleep for
real. Errors carry the status, the OAuth error code and the server's description with every
secret that was sent scrubbed out; a successful body (it holds tokens) never reaches a message
or a log.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Mapping
from typing import Any

import aiohttp
import attrs

from ..errors import TokenEndpointError, _text_or_none
from ..http._timeparse import parse_retry_after
from ..http.auth import Clock, Sleep
from ..http.retry import exponential_wait
from ..http.session import read_bounded

logger = logging.getLogger("outreach_async")

#: Outreach issues a user one new token per this many seconds; a 429 means wait this long.
THROTTLE_WAIT = 60.0
#: The longest single wait slept through; a server asking for more gets an error instead.
MAX_WAIT = 900.0
#: Attempts in all, waits included.
MAX_ATTEMPTS = 6
_MAX_BODY = 1024 * 1024
_TIMEOUT = aiohttp.ClientTimeout(total=60, connect=15)


@attrs.frozen(repr=False)
class TokenRequest:
    """A POST to a token endpoint. `secrets` are the values never to show in an error."""

    url: str
    what: str
    form: Mapping[str, str] | None = None
    headers: Mapping[str, str] = attrs.field(factory=dict)
    secrets: tuple[str, ...] = ()
    repeatable: bool = False

    def __repr__(self) -> str:
        return f"TokenRequest(url={self.url!r}, what={self.what!r})"


async def post(
    http: aiohttp.ClientSession, request: TokenRequest, *, clock: Clock, sleep: Sleep
) -> Any:
    """The decoded JSON of the endpoint's 200 answer; TokenEndpointError otherwise."""
    for attempt in range(1, MAX_ATTEMPTS + 1):
        last = attempt == MAX_ATTEMPTS
        try:
            status, headers, body = await _exchange(http, request)
        except _Failed as failed:
            if last or not failed.repeatable:
                raise failed.error from None
            pause = _backoff(attempt)
            logger.info("%s: %s; trying again in %.1fs", request.what, failed.error, pause)
            await sleep(pause)
            continue
        logger.debug("POST %s -> %d", request.url, status)
        if status == 200:
            return _decoded(request, body)
        wait = _wait_for(status, headers, clock(), request.repeatable, attempt)
        if wait is None or last:
            raise refusal(request, status, body)
        if wait > MAX_WAIT:
            raise refusal(request, status, body, f"the server asks to wait {wait:.0f}s")
        logger.info("%s: the token endpoint answered %d; waiting %.1fs", request.what, status, wait)
        await sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover


async def _exchange(
    http: aiohttp.ClientSession, request: TokenRequest
) -> tuple[int, Mapping[str, str], bytes]:
    headers = {"Accept": "application/json", **request.headers}
    try:
        async with http.post(
            request.url,
            data=request.form,
            headers=headers,
            allow_redirects=False,
            timeout=_TIMEOUT,
        ) as raw:
            return raw.status, dict(raw.headers), await read_bounded(raw, _MAX_BODY, _too_large)
    except aiohttp.ClientSSLError as exc:
        raise _Failed(_transport(request, exc, sent=False, note="TLS failed"), False) from None
    except (aiohttp.ClientConnectorError, aiohttp.ConnectionTimeoutError) as exc:
        error = _transport(request, exc, sent=False, note="could not connect")
        raise _Failed(error, True) from None
    except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
        error = _transport(request, exc, sent=True, note="no answer once it was sent")
        raise _Failed(error, request.repeatable) from None


class _Failed(Exception):
    """A transport failure, and whether asking again cannot make the server act twice."""

    def __init__(self, error: TokenEndpointError, repeatable: bool) -> None:
        super().__init__(str(error))
        self.error = error
        self.repeatable = repeatable


def _transport(
    request: TokenRequest, exc: BaseException, *, sent: bool, note: str
) -> TokenEndpointError:
    text = f"{request.what}: {note} ({type(exc).__name__})"
    if sent and not request.repeatable:
        text += "; the server may have acted on it, so it is not sent again"
    return TokenEndpointError(text, request_sent=sent)


def _wait_for(
    status: int, headers: Mapping[str, str], now: float, repeatable: bool, attempt: int
) -> float | None:
    """Seconds to wait before asking again, or None when asking again is not safe."""
    if status not in (429, 503) and not (repeatable and status in (500, 502, 504)):
        return None
    lowered = {key.lower(): value for key, value in headers.items()}
    requested = parse_retry_after(lowered.get("retry-after"), now)
    if requested is not None:
        return requested
    return THROTTLE_WAIT if status == 429 else _backoff(attempt)


def _too_large(size: int) -> aiohttp.ClientPayloadError:
    return aiohttp.ClientPayloadError("token endpoint answer too large")


def _backoff(attempt: int) -> float:
    return exponential_wait(attempt, base_delay=1.0, max_delay=30.0)


def _decoded(request: TokenRequest, body: bytes) -> Any:
    try:
        return json.loads(body)
    except (ValueError, RecursionError):  # not JSON, or nested too deeply to read
        raise TokenEndpointError(
            f"{request.what}: the token endpoint's 200 answer is not JSON", status=200
        ) from None


def refusal(
    request: TokenRequest, status: int, body: bytes, note: str | None = None
) -> TokenEndpointError:
    """The error for a non-200 answer: status, OAuth error code, the server's description."""
    error, description = _error_fields(body)
    error = scrub(error, request.secrets)
    description = scrub(description, request.secrets)
    text = f"{request.what}: the token endpoint answered {status}"
    if error:
        text += f" {error}"
    if description:
        text += f" ({description})"
    if note:
        text += f"; {note}"
    return TokenEndpointError(text, status=status, error=error, description=description)


def _error_fields(body: bytes) -> tuple[str | None, str | None]:
    """(error, description) from Doorkeeper's, the gateway's or a plain-text error body."""
    text = body.decode("utf-8", errors="replace").strip()
    if not text:
        return None, None
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested too deeply to read
        document = None
    if isinstance(document, Mapping):
        error = document.get("error")
        description = document.get("error_description", document.get("description"))
        return _text_or_none(error), _text_or_none(description)
    if text.startswith("<"):
        return None, "an HTML page"
    return None, text[:300]


def scrub(text: str | None, secrets: tuple[str, ...]) -> str | None:
    """`text` with every secret replaced, in case a server echoes what it was sent."""
    if text is None:
        return None
    for secret in secrets:
        if secret:
            text = text.replace(secret, "<redacted>")
    return text
