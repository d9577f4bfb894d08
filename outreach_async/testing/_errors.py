"""JSON:API error answers, the shape every `/api/v2` error takes.

{"errors": [{"id": "resourceNotFound", "title": "Resource Not Found", "detail": "..."}]}
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from aiohttp import web

JSONAPI_CONTENT_TYPE = "application/vnd.api+json"


def error_object(
    error_id: str, title: str, detail: str, *, pointer: str | None = None
) -> dict[str, Any]:
    """One entry of the `errors` list."""
    error: dict[str, Any] = {"id": error_id, "title": title, "detail": detail}
    if pointer is not None:
        error["source"] = {"pointer": pointer}
    return error


def jsonapi_error(
    status: int,
    error_id: str,
    title: str,
    detail: str,
    *,
    pointer: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> web.Response:
    """A response carrying one JSON:API error object."""
    body = {"errors": [error_object(error_id, title, detail, pointer=pointer)]}
    return web.Response(
        status=status,
        text=json.dumps(body),
        content_type=JSONAPI_CONTENT_TYPE,
        headers=headers,
    )
