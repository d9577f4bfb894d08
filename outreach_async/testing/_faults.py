"""Faults the fake server injects into `/api/v2` answers, reproducible from `settings.seed`.

Per request, in this order of precedence:

1. `maintenance_retry_after` set: 503 `scheduledServerMaintenance` with `Retry-After`.
2. `drop_rate`: the connection closes without an answer (the client sees
   `ServerDisconnectedError`). With `drop_after_handler` the handler runs first, so a write
   happens and its answer is lost.
3. `bad_gateway_above_page_size`: a GET of a collection with `page[size]` or `page[limit]`
   above it gets a proxy's HTML 502.
4. `error_rate`: a status drawn from `error_statuses` (500 `internalServerError`, 502 HTML,
   503 `serviceUnavailable`, others a JSON:API error named after the status).
5. `truncate_rate`: the handler's answer is cut in half, per `truncate_mode`.
6. For a write the handler carried out (2xx), the `after_write_*` rates: the answer is
   replaced by a gateway's 503, 502 or 500 (plain text or HTML per `gateway_body`, never
   JSON:API), or the connection drops. The write stays stored: only the answer is lost.

Every answer (also an error, also a drop) is delayed by `latency` + uniform(0, `jitter`),
and successful ones by `latency_per_record` per record as well. The record count is
`request[RECORD_COUNT_KEY]`, set by the handler (see `_request_keys`); without it the
`data` of the JSON body is counted.

Each request draws the same five numbers from one `random.Random(settings.seed)`, whichever
faults are on, and each write one more from a second generator, so the same seed and the
same request order replay the same faults; changing `settings.seed` reseeds.
`FaultInjector.counts` records what was injected.

Install (inside the rate limiter, so faulted and dropped requests spend budget as they would
once they reached Outreach)::

    faults = FaultInjector(settings)
    app.middlewares.append(fault_middleware(faults))
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
from collections.abc import Awaitable, Callable
from datetime import datetime, timezone
from email.utils import format_datetime
from http import HTTPStatus
from typing import TYPE_CHECKING, Literal

import attrs
from aiohttp import web

from ._errors import jsonapi_error
from ._request_keys import (
    API_PREFIX,
    FAULT_KEY,
    RECORD_COUNT_KEY,
    RequestFilter,
    is_api_request,
)
from ._settings import ProtectionSettings

if TYPE_CHECKING:  # typing only: older aiohttp releases lack these names
    from aiohttp.typedefs import Handler, Middleware

Sleep = Callable[[float], Awaitable[None]]

FaultKind = Literal["none", "maintenance", "drop", "bad_gateway", "error", "truncate"]
#: What happens after a write was carried out: a gateway's status, "drop", or nothing.
AfterWrite = Literal[503, 502, 500, "drop"] | None

BAD_GATEWAY_HTML = "<html><body><h1>502 Bad Gateway</h1></body></html>"
#: Envoy's words when the upstream's answer is lost.
GATEWAY_TEXT = "upstream connect error or disconnect/reset before headers. reset reason: "
_READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@attrs.frozen
class FaultPlan:
    """What happens to one request, decided when it arrives."""

    kind: FaultKind
    #: The injected status for "error", "bad_gateway" and "maintenance".
    status: int | None = None
    #: Fixed latency plus jitter, seconds (per-record latency comes after the handler).
    delay: float = 0.0


@attrs.define
class FaultCounts:
    """What the injector did, for assertions."""

    requests: int = 0
    maintenance: int = 0
    dropped: int = 0
    bad_gateway_page_size: int = 0
    #: Random error answers by status.
    errors: dict[int, int] = attrs.Factory(dict)
    truncated: int = 0
    #: Writes carried out whose answer was then lost, by status (0 for a drop).
    after_write: dict[int, int] = attrs.Factory(dict)
    delayed: int = 0
    delay_seconds: float = 0.0


class FaultInjector:
    """Draws faults for requests from one seeded generator; `sleep` is replaceable in tests."""

    def __init__(self, settings: ProtectionSettings, *, sleep: Sleep = asyncio.sleep) -> None:
        self._settings = settings
        self._sleep = sleep
        self._seed = settings.seed
        self._random = random.Random(settings.seed)
        self._after_write_random = _after_write_generator(settings.seed)
        self.counts = FaultCounts()

    def __repr__(self) -> str:
        return f"FaultInjector(seed={self._seed}, counts={self.counts!r})"

    @property
    def settings(self) -> ProtectionSettings:
        return self._settings

    def reseed(self, seed: int | None = None) -> None:
        """Start the fault sequence over, from `seed` or `settings.seed`."""
        self._seed = self._settings.seed if seed is None else seed
        self._random = random.Random(self._seed)
        self._after_write_random = _after_write_generator(self._seed)

    def plan(self, method: str, path: str, page_size: int | None) -> FaultPlan:
        """Decide one request's fault; draws exactly five numbers whatever the settings."""
        if self._settings.seed != self._seed:
            self.reseed()
        config = self._settings.faults
        draw = self._random.random
        drop, error, status, truncate, jitter = draw(), draw(), draw(), draw(), draw()
        delay = max(0.0, config.latency + config.jitter * jitter)
        if config.maintenance_retry_after is not None:
            return FaultPlan("maintenance", 503, delay)
        if drop < config.drop_rate:
            return FaultPlan("drop", None, delay)
        limit = config.bad_gateway_above_page_size
        if (
            limit is not None
            and page_size is not None
            and page_size > limit
            and method == "GET"
            and _is_collection(path)
        ):
            return FaultPlan("bad_gateway", 502, delay)
        if error < config.error_rate and config.error_statuses:
            statuses = config.error_statuses
            chosen = statuses[min(int(status * len(statuses)), len(statuses) - 1)]
            return FaultPlan("error", chosen, delay)
        if truncate < config.truncate_rate:
            return FaultPlan("truncate", None, delay)
        return FaultPlan("none", None, delay)

    def after_write(self, method: str) -> AfterWrite:
        """What happens to the answer of a write the handler carried out; one draw a write."""
        if method.upper() in _READ_METHODS:
            return None
        if self._settings.seed != self._seed:
            self.reseed()
        config = self._settings.faults
        draw = self._after_write_random.random()
        outcomes: tuple[tuple[float, AfterWrite], ...] = (
            (config.after_write_503_rate, 503),
            (config.after_write_502_rate, 502),
            (config.after_write_500_rate, 500),
            (config.after_write_drop_rate, "drop"),
        )
        for rate, outcome in outcomes:
            if draw < rate:
                return outcome
            draw -= rate
        return None

    async def delay(self, seconds: float) -> None:
        if seconds > 0:
            self.counts.delayed += 1
            self.counts.delay_seconds += seconds
            await self._sleep(seconds)


def fault_middleware(
    injector: FaultInjector, applies: RequestFilter = is_api_request
) -> Middleware:
    """Apply the injector's plan to every request `applies` selects (`/api/v2` by default)."""

    @web.middleware
    async def inject_faults(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not applies(request):
            return await handler(request)
        plan = injector.plan(request.method, request.path, _page_size(request))
        if plan.kind != "none" and plan.kind != "truncate":
            request[FAULT_KEY] = plan.kind
        counts = injector.counts
        counts.requests += 1
        config = injector.settings.faults
        if plan.kind == "maintenance":
            counts.maintenance += 1
            await injector.delay(plan.delay)
            return _maintenance(injector.settings)
        if plan.kind == "drop":
            counts.dropped += 1
            if config.drop_after_handler:
                with contextlib.suppress(web.HTTPException):
                    await handler(request)
            await injector.delay(plan.delay)
            return _drop(request)
        if plan.kind == "bad_gateway":
            counts.bad_gateway_page_size += 1
            await injector.delay(plan.delay)
            return _bad_gateway()
        if plan.kind == "error" and plan.status is not None:
            counts.errors[plan.status] = counts.errors.get(plan.status, 0) + 1
            await injector.delay(plan.delay)
            return error_response(plan.status)
        response = await handler(request)
        lost = injector.after_write(request.method)
        if lost is not None and 200 <= response.status < 300:
            status = 0 if lost == "drop" else lost
            counts.after_write[status] = counts.after_write.get(status, 0) + 1
            request[FAULT_KEY] = "drop_after_write" if lost == "drop" else "gateway_after_write"
            await injector.delay(plan.delay)
            if lost == "drop":
                return _drop(request)
            return gateway_response(lost, config.gateway_body)
        records = _record_count(request, response) if config.latency_per_record else 0
        await injector.delay(plan.delay + config.latency_per_record * records)
        if plan.kind == "truncate":
            body = _body_bytes(response)
            if body:
                counts.truncated += 1
                request[FAULT_KEY] = plan.kind
                if config.truncate_mode == "json":
                    return _cut_json(response, body)
                return await _cut_connection(request, response, body)
        return response

    return inject_faults


def error_response(status: int) -> web.Response:
    """The answer Outreach's stack gives for a server error `status`."""
    if status == 502:
        return _bad_gateway()
    if status == 500:
        return jsonapi_error(
            500,
            "internalServerError",
            "Internal Server Error",
            "The server encountered an unexpected condition.",
        )
    if status == 503:
        return jsonapi_error(
            503,
            "serviceUnavailable",
            "Service Unavailable",
            "The service is temporarily unavailable; please try again later.",
        )
    try:
        phrase = HTTPStatus(status).phrase
    except ValueError:
        phrase = "Server Error"
    words = phrase.replace("-", " ").split()
    error_id = words[0].lower() + "".join(word.capitalize() for word in words[1:])
    return jsonapi_error(status, error_id, phrase, f"{phrase}.")


def gateway_response(status: int, form: Literal["text", "html"] = "text") -> web.Response:
    """A gateway's own error answer: plain text or an HTML page, never JSON:API."""
    phrase = HTTPStatus(status).phrase
    if form == "html":
        html = (
            f"<html><head><title>{status} {phrase}</title></head><body>"
            f"<center><h1>{status} {phrase}</h1></center><hr><center>nginx</center>"
            "</body></html>"
        )
        return web.Response(status=status, text=html, content_type="text/html")
    reason = "connection termination" if status != 500 else "remote reset"
    return web.Response(status=status, text=GATEWAY_TEXT + reason, content_type="text/plain")


def _after_write_generator(seed: int) -> random.Random:
    """The generator of after-write faults: seeded from `seed`, apart from the other faults."""
    return random.Random(f"{seed}:after-write")


def _maintenance(settings: ProtectionSettings) -> web.Response:
    config = settings.faults
    seconds = config.maintenance_retry_after or 0.0
    now = settings.clock()
    until = datetime.fromtimestamp(now + seconds, tz=timezone.utc).replace(microsecond=0)
    naive = until.strftime("%Y-%m-%dT%H:%M:%S")
    retry_after = {
        "iso": naive + "Z",
        "iso-naive": naive,
        "seconds": str(max(0, round(seconds))),
        "http-date": format_datetime(until, usegmt=True),
    }[config.maintenance_retry_after_format]
    return jsonapi_error(
        503,
        "scheduledServerMaintenance",
        "Scheduled Server Maintenance",
        f"The server is undergoing scheduled maintenance; please try again at {naive}.",
        headers={"Retry-After": retry_after},
    )


def _bad_gateway() -> web.Response:
    return web.Response(status=502, text=BAD_GATEWAY_HTML, content_type="text/html")


def _drop(request: web.Request) -> web.Response:
    """Close the connection; aiohttp then fails to write the returned answer and sends nothing."""
    transport = request.transport
    if transport is not None:
        transport.close()
    return web.Response(status=204)


def _cut_json(response: web.StreamResponse, body: bytes) -> web.Response:
    """A well-formed HTTP answer whose body is the first half of the original."""
    cut = web.Response(
        status=response.status,
        reason=response.reason,
        body=body[: len(body) // 2],
        headers=_copyable_headers(response),
    )
    return cut


async def _cut_connection(
    request: web.Request, response: web.StreamResponse, body: bytes
) -> web.StreamResponse:
    """Promise the whole body, send half of it, close the connection."""
    cut = web.StreamResponse(
        status=response.status, reason=response.reason, headers=_copyable_headers(response)
    )
    cut.content_length = len(body)
    await cut.prepare(request)
    await cut.write(body[: len(body) // 2])
    transport = request.transport
    if transport is not None:
        transport.close()
    return cut


def _copyable_headers(response: web.StreamResponse) -> dict[str, str]:
    skip = {"content-length", "transfer-encoding"}
    return {key: value for key, value in response.headers.items() if key.lower() not in skip}


def _body_bytes(response: web.StreamResponse) -> bytes | None:
    if isinstance(response, web.Response) and not response.prepared:
        body = response.body
        if isinstance(body, (bytes, bytearray)):
            return bytes(body)
    return None


def _record_count(request: web.Request, response: web.StreamResponse) -> int:
    count = request.get(RECORD_COUNT_KEY)
    if isinstance(count, int):
        return count
    body = _body_bytes(response)
    if not body:
        return 0
    try:
        document = json.loads(body)
    except ValueError:
        return 0
    data = document.get("data") if isinstance(document, dict) else None
    if isinstance(data, list):
        return len(data)
    return 1 if isinstance(data, dict) else 0


def _page_size(request: web.Request) -> int | None:
    """The larger of `page[size]` and `page[limit]`, if either is a number."""
    sizes = []
    for name in ("page[size]", "page[limit]"):
        value = request.query.get(name, "")
        if value.isdigit():
            sizes.append(int(value))
    return max(sizes, default=None)


def _is_collection(path: str) -> bool:
    """`/api/v2/prospects` is a collection; `/api/v2/prospects/1` and actions are not."""
    rest = path[len(API_PREFIX) :].strip("/")
    return bool(rest) and "/" not in rest
