"""FastAPI integration: one client per app, errors as HTTP answers, webhooks with a size limit.

    pip install 'outreach-async[fastapi]'

    from typing import Annotated
    from fastapi import Depends, FastAPI
    from outreach_async.fastapi import (
        OutreachClientDep, install_error_handlers, outreach_lifespan, webhook_event,
    )
    from outreach_async.webhooks import WebhookEvent

    app = FastAPI(lifespan=outreach_lifespan())     # OutreachClient() from the environment
    install_error_handlers(app)

    @app.get("/prospects/{prospect_id}")
    async def read_prospect(prospect_id: int, client: OutreachClientDep) -> dict:
        return (await client.prospects.get(prospect_id)).to_json()

    @app.post("/outreach/webhook", status_code=204)
    async def receive(event: Annotated[WebhookEvent, Depends(webhook_event(SECRET))]) -> None:
        ...

The lifespan opens one client when the app starts, on the app's event loop, and closes it on
shutdown, so every request shares its connections and rate-limit state. The error handler
answers for the Outreach API behind the app: its rate limit is a 503 with `Retry-After`, a
missing record a 404, refused data a 422 listing each error's JSON pointer; anything else
the API or the network did is a 502, and the library's own misuse a 500.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.responses import JSONResponse

from .client import OutreachClient
from .errors import (
    APIError,
    AuthError,
    Conflict,
    NotFound,
    OutreachError,
    RateLimited,
    TransportError,
    ValidationError,
    WebhookError,
)
from .webhooks import (
    MAX_BODY_SIZE,
    SIGNATURE_HEADER,
    Secret,
    WebhookEvent,
    refusal,
    secret_bytes,
    verify_and_parse,
)

__all__ = [
    "STATE_KEY",
    "OutreachClientDep",
    "error_answer",
    "install_error_handlers",
    "outreach_client",
    "outreach_error_handler",
    "outreach_lifespan",
    "webhook_event",
]

#: Where the lifespan keeps the client: the lifespan state and `app.state`.
STATE_KEY = "outreach_client"

Lifespan = Callable[[FastAPI], Any]


def outreach_lifespan(
    client: Callable[[], AbstractAsyncContextManager[OutreachClient]] | None = None,
    **options: Any,
) -> Lifespan:
    """A lifespan for `FastAPI(lifespan=...)` that opens one client and closes it at shutdown.

    `client` makes it: a function returning an `OutreachClient` (one with `OAuth2Auth`,
    say) or an async context manager giving one. Otherwise `OutreachClient(**options)`,
    which reads OUTREACH_ACCESS_TOKEN without options. To combine it with a lifespan of your
    own, enter it there: `async with outreach_lifespan()(app) as state: yield state`.
    """

    def make() -> AbstractAsyncContextManager[OutreachClient]:
        return client() if client is not None else OutreachClient(**options)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[dict[str, Any]]:
        async with make() as opened:
            setattr(app.state, STATE_KEY, opened)
            try:
                yield {STATE_KEY: opened}
            finally:
                delattr(app.state, STATE_KEY)

    return lifespan


def outreach_client(request: Request) -> OutreachClient:
    """The dependency giving the app's client (see `OutreachClientDep`)."""
    found = getattr(request.state, STATE_KEY, None) or getattr(request.app.state, STATE_KEY, None)
    if not isinstance(found, OutreachClient):
        raise RuntimeError(
            "no Outreach client for this app: create it with "
            "FastAPI(lifespan=outreach_lifespan()) from outreach_async.fastapi"
        )
    return found


#: `client: OutreachClientDep` in an endpoint's parameters gives the app's client.
OutreachClientDep = Annotated[OutreachClient, Depends(outreach_client)]


def error_answer(error: OutreachError) -> tuple[int, dict[str, str], dict[str, Any]]:
    """Status, headers and JSON body answering for `error`."""
    if isinstance(error, RateLimited):
        headers = {}
        if error.retry_after is not None:
            headers["Retry-After"] = str(max(1, math.ceil(error.retry_after)))
        return 503, headers, _body("the Outreach API's rate limit is reached; retry later", error)
    if isinstance(error, NotFound | ValidationError | Conflict):
        return error.status, {}, _body(_first_detail(error), error)
    if isinstance(error, APIError | TransportError | AuthError):
        return 502, {}, _body("the Outreach API failed or refused the request", error)
    return 500, {}, {"detail": "internal error"}


def _first_detail(error: APIError) -> str:
    details = [e.detail or e.title for e in error.errors if e.detail or e.title]
    return "; ".join(d for d in details if d) or type(error).__name__


def _body(detail: str, error: OutreachError) -> dict[str, Any]:
    body: dict[str, Any] = {"detail": detail}
    if isinstance(error, APIError):
        body["errors"] = [
            {
                key: value
                for key, value in (
                    ("id", item.id),
                    ("title", item.title),
                    ("detail", item.detail),
                    ("pointer", item.pointer),
                    ("parameter", item.parameter),
                )
                if value is not None
            }
            for item in error.errors
        ]
    return body


async def outreach_error_handler(request: Request, error: Exception) -> JSONResponse:
    """The exception handler for `OutreachError`s (see `error_answer`)."""
    if not isinstance(error, OutreachError):  # pragma: no cover - registered for them only
        raise error
    status, headers, body = error_answer(error)
    return JSONResponse(body, status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    """Answer every `OutreachError` an endpoint lets through with `outreach_error_handler`."""
    app.add_exception_handler(OutreachError, outreach_error_handler)


def webhook_event(
    secret: Secret, *, max_body_size: int = MAX_BODY_SIZE
) -> Callable[[Request], Awaitable[WebhookEvent]]:
    """A dependency reading a verified webhook event from the raw request body.

    Answers 413 to a body over `max_body_size` bytes (checked on Content-Length and while
    reading, since FastAPI itself reads bodies of any size), 401 to a missing or wrong
    signature and 400 to a payload that is not an event, before the endpoint runs.
    """
    key = secret_bytes(secret)
    if max_body_size < 1:
        raise ValueError(f"max_body_size: expected at least 1 byte, got {max_body_size}")

    async def outreach_webhook_event(request: Request) -> WebhookEvent:
        body = await _bounded_body(request, max_body_size)
        try:
            return verify_and_parse(key, body, request.headers.get(SIGNATURE_HEADER))
        except WebhookError as exc:
            status, text = refusal(exc)
            raise HTTPException(status_code=status, detail=text) from None

    return outreach_webhook_event


async def _bounded_body(request: Request, limit: int) -> bytes:
    too_large = HTTPException(status_code=413, detail=f"body over {limit} bytes")
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    return bytes(body)
