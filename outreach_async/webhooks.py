"""Receiving Outreach webhooks: check the signature, then read the event as a typed model.

Outreach signs each delivery with `Outreach-Webhook-Signature`, the hex HMAC-SHA256 of the raw
request body keyed with the webhook's secret. The signature must be checked on the bytes as
they arrived, before parsing: re-encoded JSON would not match. The payload is

    {"data": {"type", "id", "attributes", "relationships": {"owner": {"type", "id"}}},
     "meta": {"deliveredAt", "eventName", "jobId"}}

with relationships given as bare identifiers, not wrapped in `data` as JSON:API would.

    event = verify_and_parse(secret, await request.read(), request.headers.get(SIGNATURE_HEADER))
    event.name, event.resource            # "prospect.updated", Prospect(id=1, ...)

`aiohttp_handler(secret, callback)` does this for an aiohttp web app. The secret never appears
in a message, a repr or a log line.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import Awaitable, Callable, Mapping
from datetime import datetime
from typing import Any

import attrs
from aiohttp import web

from ._converter import parse_datetime
from .errors import TransportError, WebhookError, WebhookSignatureError
from .jsonapi.document import Resource, parse_resource
from .models import Model, model_for
from .models._base import from_resource

__all__ = [
    "SIGNATURE_HEADER",
    "WebhookEvent",
    "aiohttp_handler",
    "parse_event",
    "sign",
    "verify_and_parse",
    "verify_signature",
]

SIGNATURE_HEADER = "Outreach-Webhook-Signature"

logger = logging.getLogger("outreach_async")

Secret = str | bytes
Body = bytes | bytearray | memoryview


@attrs.frozen
class WebhookEvent:
    """One delivery: what happened (`name`, e.g. `prospect.updated`) and to which resource.

    `resource` is the typed model of its type (`Prospect`, ...), or a generic `Resource` for
    types the library has no model for; attributes it does not know are kept (`extra`).
    """

    name: str
    resource: Model | Resource
    delivered_at: datetime | None = None
    job_id: str | None = None
    meta: Mapping[str, Any] = attrs.field(factory=dict, repr=False)

    @property
    def resource_type(self) -> str:
        """The JSON:API type of the resource, e.g. `prospect`."""
        return self.resource.type if isinstance(self.resource, Resource) else self.resource.TYPE

    @property
    def action(self) -> str:
        """The part of the event name after the type: `updated` in `prospect.updated`."""
        return self.name.rpartition(".")[2]


def sign(secret: Secret, body: Body) -> str:
    """The signature Outreach sends for `body`: hex HMAC-SHA256 keyed with `secret`."""
    return hmac.new(_key(secret), _raw(body), hashlib.sha256).hexdigest()


def verify_signature(secret: Secret, body: Body, signature: str | None) -> None:
    """Raise WebhookSignatureError unless `signature` is the body's signature.

    `body` must be the raw request body. The comparison takes the same time wherever the
    signatures differ, so it does not tell an attacker how much of a guess was right.
    """
    expected = sign(secret, body)
    given = signature.strip().lower() if isinstance(signature, str) else ""
    if not given:
        raise WebhookSignatureError(f"the {SIGNATURE_HEADER} header is missing")
    if not given.isascii() or not hmac.compare_digest(expected.encode(), given.encode()):
        raise WebhookSignatureError(f"the {SIGNATURE_HEADER} header does not match the body")


def parse_event(body: Body | str | Mapping[str, Any]) -> WebhookEvent:
    """The event in a webhook payload (raw bytes, text or decoded JSON); WebhookError if not one.

    This does not check the signature: use `verify_and_parse` on anything from the network.
    """
    payload = _decoded(body)
    if not isinstance(payload, Mapping):
        raise WebhookError(f"webhook payload: expected a JSON object, got {_kind(payload)}")
    meta = payload.get("meta")
    if not isinstance(meta, Mapping):
        raise WebhookError("webhook payload: `meta` must be an object")
    name = meta.get("eventName")
    if not isinstance(name, str) or not name:
        raise WebhookError("webhook payload: `meta.eventName` must be a non-empty string")
    return WebhookEvent(
        name=name,
        resource=_typed(_resource(payload.get("data"))),
        delivered_at=_delivered_at(meta.get("deliveredAt")),
        job_id=_job_id(meta.get("jobId")),
        meta=dict(meta),
    )


def verify_and_parse(secret: Secret, body: Body, signature: str | None) -> WebhookEvent:
    """Check the signature of the raw body, then read its event."""
    verify_signature(secret, body, signature)
    return parse_event(body)


Callback = Callable[[WebhookEvent], Awaitable[Any]]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def aiohttp_handler(secret: Secret, callback: Callback) -> Handler:
    """An aiohttp request handler that verifies, parses and hands each event to `callback`.

    Answers 401 to a missing or wrong signature and 400 to a payload that is not an event,
    without calling `callback`; 204 once `callback` has returned. An exception in `callback`
    becomes aiohttp's 500, so Outreach delivers the event again later.

        app.router.add_post("/outreach/webhook", aiohttp_handler(SECRET, on_event))
    """
    key = _key(secret)

    async def handle_outreach_webhook(request: web.Request) -> web.StreamResponse:
        body = await request.read()
        try:
            event = verify_and_parse(key, body, request.headers.get(SIGNATURE_HEADER))
        except WebhookSignatureError as exc:
            logger.warning("webhook refused: %s", exc)
            return web.Response(status=401, text="invalid signature")
        except WebhookError as exc:
            logger.warning("webhook refused: %s", exc)
            return web.Response(status=400, text="not an Outreach event")
        await callback(event)
        return web.Response(status=204)

    return handle_outreach_webhook


def _key(secret: Secret) -> bytes:
    if isinstance(secret, str):
        secret = secret.encode()
    if not isinstance(secret, bytes) or not secret:
        raise ValueError("secret: expected the webhook's non-empty secret (str or bytes)")
    return secret


def _raw(body: Body) -> bytes:
    if isinstance(body, str):
        raise TypeError("body: pass the raw request body as bytes; the signature covers bytes")
    if not isinstance(body, bytes | bytearray | memoryview):
        raise TypeError(f"body: expected bytes, got {type(body).__name__}")
    return bytes(body)


def _decoded(body: Body | str | Mapping[str, Any]) -> Any:
    if isinstance(body, Mapping):
        return body
    text = body if isinstance(body, str) else _raw(body)
    try:
        return json.loads(text)
    except ValueError as exc:
        raise WebhookError(f"webhook payload: not valid JSON ({exc})") from None
    except RecursionError:
        raise WebhookError("webhook payload: JSON nested too deeply to read") from None


def _resource(data: Any) -> Resource:
    """The payload's resource, its flat relationships put in JSON:API form first."""
    if not isinstance(data, Mapping):
        raise WebhookError(f"webhook payload: `data` must be an object, got {_kind(data)}")
    relationships = data.get("relationships", {})
    if not isinstance(relationships, Mapping):
        raise WebhookError("webhook payload: `data.relationships` must be an object")
    document = {
        **data,
        "relationships": {
            name: _relationship(name, value) for name, value in relationships.items()
        },
    }
    try:
        return parse_resource(document, where="webhook payload /data")
    except TransportError as exc:
        raise WebhookError(str(exc)) from None


def _relationship(name: str, value: Any) -> Any:
    """`{"type", "id"}`, a list of them or null, as a relationship object; `{"data": ...}` as is."""
    if value is None or isinstance(value, list):
        return {"data": value}
    if isinstance(value, Mapping):
        is_identifier = "type" in value or "id" in value
        return {"data": value} if is_identifier else value
    raise WebhookError(
        f"webhook payload: relationship {name!r} must be an identifier, a list or null"
    )


def _typed(resource: Resource) -> Model | Resource:
    model = model_for(resource.type)
    if model is None:
        return resource
    try:
        return from_resource(resource, model)
    except ValueError as exc:
        raise WebhookError(f"webhook payload: {exc}") from None


def _delivered_at(value: Any) -> datetime | None:
    if value is None:
        return None
    try:
        return parse_datetime(value)
    except (TypeError, ValueError) as exc:
        raise WebhookError(f"webhook payload: `meta.deliveredAt`: {exc}") from None


def _job_id(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise WebhookError("webhook payload: `meta.jobId` must be a string or an integer")
    return str(value)


def _kind(value: Any) -> str:
    return "null" if value is None else type(value).__name__
