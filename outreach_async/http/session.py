"""HTTP for the Outreach API: one request in, one checked response out.

The session knows content negotiation, authentication, retries and the rate limiter, and
nothing about prospects or pages. Credentials go only to the API's own origin. The media
type it negotiates is JSON:API by default and plain JSON for APIs that speak it.
"""

from __future__ import annotations

import asyncio
import copy
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any

import aiohttp
import attrs
import yarl
from multidict import CIMultiDict, CIMultiDictProxy

from .. import _json
from .._version import __version__
from ..errors import (
    APIError,
    ClientClosedError,
    ErrorObject,
    EventLoopError,
    OutreachError,
    RateLimited,
    TransportError,
    error_for_response,
)
from ._urls import api_base_url, is_absolute, redirect_target, same_origin_url
from .auth import Auth
from .events import Hook, Hooks, RateLimitHit, RequestStarted, ResponseReceived, RetryScheduled
from .options import RequestOptions
from .ratelimit import InProcessLimiter, Limiter, LimiterWaitTooLong
from .raw import record_response
from .retry import RetryPolicy, applied_note, may_have_acted
from .timeouts import Timeouts

__all__ = ["DEFAULT_BASE_URL", "JSONAPI_MEDIA_TYPE", "Response", "Session", "Timeouts"]

DEFAULT_BASE_URL = "https://api.outreach.io/api/v2"
JSONAPI_MEDIA_TYPE = "application/vnd.api+json"
USER_AGENT = f"outreach-async/{__version__}"
DEFAULT_MAX_BODY_SIZE = 256 * 1024 * 1024
_MAX_REDIRECTS = 5
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_JSON_MEDIA_TYPES = frozenset({JSONAPI_MEDIA_TYPE, "application/json"})
#: Characters a path the library builds never holds; some parsers read `\\` as `/`.
_UNSAFE_IN_PATH = re.compile(r"[\\\s\x00-\x1f\x7f]")

logger = logging.getLogger("outreach_async")

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


@attrs.frozen
class Response:
    """A successful response, read in full.

    A JSON body is kept decoded only (`payload`, `json()`), so that a big page is not held
    twice; `body` then is empty. Other bodies stay in `body` as bytes.
    """

    status: int
    headers: Mapping[str, str]
    body: bytes
    method: str
    url: str
    payload: Any = None

    def json(self) -> Any:
        """The decoded JSON body; None for an empty body (204)."""
        return self.payload


@attrs.define
class _Progress:
    """How far one request has gone: attempts sent and counted, server waits, doubt."""

    #: Attempts sent (for events and logs).
    attempt: int = 0
    #: Attempts that count against the policy's `max_attempts`.
    counted: int = 0
    #: Seconds spent in waits the server asked for.
    server_waits: float = 0.0
    #: An attempt failed in a way that may have followed a write the server carried out.
    maybe_applied: bool = False


class Session:
    """Sends requests to one API origin with auth, retries and rate limiting.

    Pass `http` to share an aiohttp session you own; the client then leaves it open.
    `media_type` is sent as `Accept` and `Content-Type`. An auth whose header value is
    empty sends no `Authorization` header, for APIs without credentials.
    """

    def __init__(
        self,
        auth: Auth,
        *,
        base_url: str = DEFAULT_BASE_URL,
        http: aiohttp.ClientSession | None = None,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
        limiter: Limiter | None = None,
        max_body_size: int = DEFAULT_MAX_BODY_SIZE,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
        hooks: Iterable[Hook] = (),
        media_type: str = JSONAPI_MEDIA_TYPE,
    ) -> None:
        self.base_url = api_base_url(base_url)
        if isinstance(max_body_size, bool) or not isinstance(max_body_size, int):
            raise TypeError("max_body_size: expected a number of bytes")
        if max_body_size < 1:
            raise ValueError(f"max_body_size: expected at least 1 byte, got {max_body_size}")
        self.auth = auth
        self.retry = retry or RetryPolicy()
        self.timeouts = timeouts or Timeouts()
        self.max_body_size = max_body_size
        self.media_type = media_type
        self._clock = clock or time.time
        self._sleep = sleep or asyncio.sleep
        self.auth.attach(clock=self._clock, sleep=self._sleep)
        self.limiter = limiter or InProcessLimiter(clock=self._clock, sleep=self._sleep)
        self.hooks = Hooks(hooks)
        self._http = http
        self._owns_http = http is None
        self._closed = False
        #: The event loop the session belongs to: its first user's (or the aiohttp session's).
        self._loop: asyncio.AbstractEventLoop | None = getattr(http, "_loop", None)
        #: What requests of this session do differently (a derived session's defaults).
        self.options = RequestOptions()
        #: The session that owns the connections; a derived session shares them.
        self._root = self

    def __repr__(self) -> str:
        return f"Session(base_url={str(self.base_url)!r}, auth={self.auth!r})"

    @property
    def closed(self) -> bool:
        """True once `close()` was called; requests then raise `ClientClosedError`."""
        return self._root._closed

    @property
    def clock(self) -> Clock:
        """The clock the session reads (epoch seconds); injectable for tests."""
        return self._clock

    @property
    def sleep(self) -> Sleep:
        """The sleep the session waits with; workflows that poll wait with it too."""
        return self._sleep

    async def close(self) -> None:
        """Close the aiohttp session if this session created it. Safe to call twice.

        A derived session (`with_options`) owns nothing: closing it leaves the connections
        open for the session it came from, which closes them.
        """
        if self._closed or self._root is not self:
            return
        self._check_loop()
        self._closed = True
        if self._owns_http and self._http is not None:
            await self._http.close()
        await self.auth.aclose()

    def _check_loop(self) -> None:
        """Bind the session to the running loop on first use; refuse any other loop after.

        The binding is the root session's, which owns the connections, so sessions derived
        with `with_options` share it.
        """
        root = self._root
        running = asyncio.get_running_loop()
        if root._loop is None:
            root._loop = running
        elif root._loop is not running:
            raise EventLoopError(
                "this client was first used on another event loop, which owns its "
                "connections; create the client inside the loop that uses it "
                "(one per asyncio.run(), per test, or in the app's lifespan)"
            )

    def with_options(self, options: RequestOptions) -> Session:
        """A session with other defaults (timeout, extra headers, retry policy).

        It shares this session's connection pool, limiter, auth and hooks; only what
        `options` gives differs. Per-call options use it; `client.with_options` uses
        `derived`.
        """
        if not isinstance(options, RequestOptions):
            raise TypeError(f"options: expected RequestOptions, got {type(options).__name__}")
        if not options:
            return self
        return self.derived(options)

    def derived(self, options: RequestOptions) -> Session:
        """Always a new session, even with no options: one a derived client may close (a
        no-op) without closing the pool it shares with this one."""
        derived = copy.copy(self)
        derived.options = self.options.merged(options)
        derived.retry = options.retry or self.retry
        derived.timeouts = options.timeout or self.timeouts
        return derived

    def url_for(self, target: str, query: str = "") -> yarl.URL:
        """An absolute URL for a path below the base URL, or a full URL on the same origin.

        A full URL (or a scheme-relative `//host/...`) on any other origin raises OriginError
        before anything is sent. `query` must be already encoded (see `query.encode_query`);
        it is sent byte for byte.
        """
        if is_absolute(target):
            url = same_origin_url(target, self.base_url)
        else:
            if _UNSAFE_IN_PATH.search(target):
                raise ValueError(
                    f"target: {target!r} holds a backslash, a space or a control character"
                )
            base = str(self.base_url).rstrip("/")
            url = yarl.URL(f"{base}/{target.lstrip('/')}", encoded=True)
        if query:
            joined = f"{url.raw_query_string}&{query}" if url.raw_query_string else query
            url = url.with_query(None).with_fragment(None)
            url = yarl.URL(f"{url}?{joined}", encoded=True)
        return url

    async def request(
        self,
        method: str,
        target: str,
        *,
        query: str = "",
        body: Any = None,
        retry: RetryPolicy | None = None,
    ) -> Response:
        """Send one API request, retrying as the policy allows; raise typed errors.

        `retry` replaces the session's policy for this request only. An error raised after
        an attempt of a write that the server may have carried out has `maybe_applied`.
        """
        if self.closed:
            raise ClientClosedError("this client is closed; create a new one")
        self._check_loop()
        method = method.upper()
        url = self.url_for(target, query)
        payload = None if body is None else json.dumps(body, separators=(",", ":")).encode()
        progress = _Progress()
        try:
            response = await self._send(method, url, payload, retry or self.retry, progress)
        except OutreachError as error:
            if progress.maybe_applied:
                error.mark_maybe_applied(applied_note(method, str(url)))
            raise
        record_response(response, self._clock())
        return response

    async def _send(
        self,
        method: str,
        url: yarl.URL,
        payload: bytes | None,
        policy: RetryPolicy,
        progress: _Progress,
    ) -> Response:
        refreshed = False
        while True:
            progress.attempt += 1
            try:
                waited = await self.limiter.acquire(max_wait=policy.max_wait)
            except LimiterWaitTooLong as held:
                raise _held_too_long(method, url, held) from None
            try:
                # Asked only now that the slot is granted: a token read before a long wait
                # in the limiter could expire before the request leaves.
                authorization = await self.auth.authorization()
            except BaseException:
                self.limiter.release()
                raise
            try:
                return await self._attempt(
                    method, url, payload, authorization, progress.attempt, waited
                )
            except APIError as failure:
                if failure.status == 401 and not refreshed:
                    refreshed = True
                    if await self.auth.handle_unauthorized(authorization):
                        progress.attempt -= 1
                        continue
                wait = await self._wait_or_raise(policy, failure, method, url, progress)
            except TransportError as failure:
                wait = await self._wait_or_raise(policy, failure, method, url, progress)
            if wait > 0:
                logger.debug(
                    "retrying %s %s in %.2fs (attempt %d)", method, url, wait, progress.attempt + 1
                )
                await self._sleep(wait)

    async def _wait_or_raise(
        self,
        policy: RetryPolicy,
        failure: OutreachError,
        method: str,
        url: yarl.URL,
        progress: _Progress,
    ) -> float:
        """Seconds this request backs off before its next attempt; raise to give up.

        When the server asked for a wait (a 429, a 503 naming a time) the limiter pauses
        every request of the client instead, and this one waits with the others in
        `acquire()`; such a wait is not counted as an attempt.
        """
        if may_have_acted(failure, method=method):
            progress.maybe_applied = True
        try:
            decision = policy.decide(
                failure,
                method=method,
                attempt=progress.counted + 1,
                now=self._clock(),
                waited=progress.server_waits,
            )
        except RateLimited as refused:
            if refused.retry_after is not None and refused.status in (429, 503):
                await self.limiter.pause(
                    refused.retry_after, reason=f"{refused.status} from the server"
                )
            raise
        if decision.server_requested:
            progress.server_waits += decision.wait
        else:
            progress.counted += 1
        event = RetryScheduled(
            method, str(url), progress.attempt, decision.wait, decision.pause, failure
        )
        self.hooks.emit(event)
        if decision.pause:
            await self.limiter.pause(decision.wait, reason=f"{_status_of(failure)} from the server")
            return 0.0
        return decision.wait

    async def _attempt(
        self,
        method: str,
        url: yarl.URL,
        payload: bytes | None,
        authorization: str,
        attempt: int,
        waited: float,
    ) -> Response:
        """One HTTP exchange in the limiter slot the caller acquired; releases that slot."""
        headers = CIMultiDict({"Accept": self.media_type, "Content-Type": self.media_type})
        if authorization:
            headers["Authorization"] = authorization
        headers["User-Agent"] = USER_AGENT
        headers.update(self.options.extra_headers)
        extra: dict[str, Any] = {}
        if self.options.timeout is not None:
            extra["timeout"] = self.options.timeout.to_aiohttp()
        started = self._clock()
        try:
            http = self._session()
            self.hooks.emit(RequestStarted(method, str(url), attempt, waited))
            for _ in range(_MAX_REDIRECTS + 1):
                async with http.request(
                    method, url, data=payload, headers=headers, allow_redirects=False, **extra
                ) as raw:
                    if raw.status in _REDIRECT_STATUSES and method == "GET":
                        # Followed by hand, so the origin is checked before the token goes.
                        url = redirect_target(url, raw.headers.get("Location"), self.base_url)
                        continue
                    scan = _json.DigitRunScan()
                    body = await self._read_body(raw, scan)
                    response_headers = CIMultiDictProxy(CIMultiDict(raw.headers))
                    status = raw.status
                    break
            else:
                raise TransportError(f"{method} {url}: too many redirects", retryable=False)
        except aiohttp.ClientError as exc:
            raise _transport_error(method, url, exc) from None
        except asyncio.TimeoutError:
            raise TransportError(f"{method} {url}: timed out") from None
        finally:
            self.limiter.release()
        await self.limiter.observe(response_headers, self._clock())
        elapsed = self._clock() - started
        logger.debug("%s %s -> %d in %.3fs", method, url, status, elapsed)
        self.hooks.emit(ResponseReceived(method, str(url), attempt, status, elapsed))
        if status == 429:
            self.hooks.emit(RateLimitHit(method, str(url), attempt))
        if status >= 400:
            raise error_for_response(
                status, body, method=method, url=str(url), headers=response_headers
            )
        if not 200 <= status < 300:
            raise _unexpected_status(method, url, status, response_headers)
        payload = _decoded_json(method, url, status, response_headers, body, self.media_type, scan)
        if payload is not None:
            body = b""  # held once, decoded: a big page is not kept twice
        return Response(status, response_headers, body, method, str(url), payload)

    async def _read_body(
        self, raw: aiohttp.ClientResponse, scan: _json.DigitRunScan | None = None
    ) -> bytes:
        """The whole body, refusing one larger than `max_body_size`.

        The size is counted after decompression, so a small gzip body that inflates beyond
        the limit is refused as well (aiohttp inflates it a bounded piece at a time).
        """
        declared = _declared_length(raw)
        if declared is not None and declared > self.max_body_size:
            raise self._too_large(raw, declared)
        return await read_bounded(
            raw, self.max_body_size, lambda size: self._too_large(raw, size, at_least=True), scan
        )

    def _too_large(
        self, raw: aiohttp.ClientResponse, size: int, *, at_least: bool = False
    ) -> TransportError:
        amount = f"at least {size}" if at_least else str(size)
        return TransportError(
            f"{raw.method} {raw.url}: response body of {amount} bytes exceeds "
            f"max_body_size={self.max_body_size}",
            retryable=False,
        )

    def _session(self) -> aiohttp.ClientSession:
        if self._root is not self:
            return self._root._session()
        if self._closed:
            raise ClientClosedError("this client is closed; create a new one")
        if self._http is None:
            self._http = aiohttp.ClientSession(timeout=self.timeouts.to_aiohttp())
            _never_resend(self._http)
        return self._http


async def read_bounded(
    raw: aiohttp.ClientResponse,
    limit: int,
    too_large: Callable[[int], Exception],
    scan: _json.DigitRunScan | None = None,
) -> bytes:
    """The whole body, raising `too_large(size)` as soon as more than `limit` bytes arrive;
    each chunk is fed to `scan` as it comes."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in raw.content.iter_any():
        size += len(chunk)
        if size > limit:
            raise too_large(size)
        chunks.append(chunk)
        if scan is not None:
            scan.feed(chunk)
    return b"".join(chunks)


def _never_resend(http: aiohttp.ClientSession) -> None:
    """Stop aiohttp from silently sending a request again when a kept-alive connection drops.

    aiohttp resends an idempotent request once on a fresh connection when the old one closed
    under it. The retry policy must see every failure, to count attempts, pause and emit its
    events, so the session it creates turns that off (aiohttp's own test client does the same
    through this attribute). A session passed in by the user is left as it is.
    """
    if hasattr(http, "_retry_connection"):
        http._retry_connection = False


def _declared_length(raw: aiohttp.ClientResponse) -> int | None:
    """The Content-Length the response declares; a value that is not a size is an error."""
    values = raw.headers.getall("Content-Length", [])
    if not values:
        return None
    text = values[0].strip()
    if not text.isascii() or not text.isdigit() or any(v.strip() != text for v in values):
        raise TransportError(
            f"{raw.method} {raw.url}: invalid Content-Length {', '.join(values)[:80]!r}"
        )
    return int(text) if len(text) < 20 else 10**20


def _decoded_json(
    method: str,
    url: yarl.URL,
    status: int,
    headers: Mapping[str, str],
    body: bytes,
    expected: str,
    scan: _json.DigitRunScan | None = None,
) -> Any:
    """The body as JSON, checking that it says it is JSON and really is."""
    if not body:
        return None
    content_type = headers.get("Content-Type", "").split(";", 1)[0].strip().lower()
    if content_type not in _JSON_MEDIA_TYPES:
        raise TransportError(
            f"{method} {url}: expected {expected} but the {status} response is "
            f"{content_type[:80] or 'untyped'}"
        )
    try:
        return _json.loads(body, scan)
    except ValueError as exc:
        raise TransportError(
            f"{method} {url}: the {status} response is not valid JSON ({exc})"
        ) from None
    except RecursionError:
        raise TransportError(
            f"{method} {url}: the {status} response is JSON nested too deeply to read"
        ) from None


def _unexpected_status(
    method: str, url: yarl.URL, status: int, headers: Mapping[str, str]
) -> TransportError:
    """A status that is neither success nor error: a redirect not followed, or 1xx/3xx."""
    if status in _REDIRECT_STATUSES:
        location = headers.get("Location", "")[:120]
        return TransportError(
            f"{method} {url}: the server answered {status}, a redirect to {location!r}; a "
            f"{method} is never redirected, and the server may already have acted on it",
            retryable=False,
        )
    return TransportError(f"{method} {url}: unexpected {status} response", retryable=False)


def _transport_error(method: str, url: yarl.URL, exc: aiohttp.ClientError) -> TransportError:
    """Map aiohttp's failures, noting whether the request can have reached the server."""
    text = f"{method} {url}: {type(exc).__name__}: {exc}"
    if isinstance(exc, aiohttp.ClientSSLError):
        return TransportError(text, request_sent=False, retryable=False)
    if isinstance(exc, aiohttp.ClientConnectorError | aiohttp.ConnectionTimeoutError):
        return TransportError(text, request_sent=False)
    if isinstance(exc, aiohttp.InvalidURL):
        return TransportError(text, request_sent=False, retryable=False)
    return TransportError(text)


def _held_too_long(method: str, url: yarl.URL, held: LimiterWaitTooLong) -> RateLimited:
    """The error for a request the limiter would hold beyond the policy's `max_wait`."""
    detail = f"not sent: {held.reason} for {held.wait:.1f}s, beyond the retry policy's max_wait"
    return RateLimited(
        429,
        [ErrorObject(id="rateLimitExceeded", title="Rate Limit Exceeded", detail=detail)],
        method=method,
        url=str(url),
        retry_after=held.wait,
    )


def _status_of(failure: OutreachError) -> str:
    return str(failure.status) if isinstance(failure, APIError) else type(failure).__name__
