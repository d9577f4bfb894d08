"""The JSON:API errors the fake API answers with: raised anywhere in a handler (`ApiError`)
and rendered once, or built directly as a response by the middlewares (`jsonapi_error`).

Bodies follow Outreach: `{"errors": [{"id", "title", "detail", "source"}]}`; the 415 body
spells its key `details`, exactly as Outreach documents it.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiohttp import web

from .. import _json

JSONAPI = "application/vnd.api+json"


class ApiError(Exception):
    """One JSON:API error answer."""

    def __init__(
        self,
        status: int,
        error_id: str,
        title: str,
        detail: str,
        *,
        pointer: str | None = None,
        parameter: str | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(detail)
        self.status = status
        self.error_id = error_id
        self.title = title
        self.detail = detail
        self.pointer = pointer
        self.parameter = parameter
        self.headers = dict(headers or {})

    def body(self) -> dict[str, Any]:
        error: dict[str, Any] = {"id": self.error_id, "title": self.title, "detail": self.detail}
        source: dict[str, str] = {}
        if self.pointer is not None:
            source["pointer"] = self.pointer
        if self.parameter is not None:
            source["parameter"] = self.parameter
        if source:
            error["source"] = source
        return {"errors": [error]}

    def response(self) -> web.Response:
        return json_response(self.body(), status=self.status, headers=self.headers)


def json_response(
    body: Any, *, status: int = 200, headers: Mapping[str, str] | None = None
) -> web.Response:
    """A JSON:API answer, encoded with orjson when it is installed."""
    return web.Response(
        body=_json.dumps(body),
        status=status,
        content_type=JSONAPI,
        headers=headers,
    )


def jsonapi_error(
    status: int,
    error_id: str,
    title: str,
    detail: str,
    *,
    pointer: str | None = None,
    headers: Mapping[str, str] | None = None,
) -> web.Response:
    """A response carrying one JSON:API error object (for middlewares that answer directly)."""
    return ApiError(status, error_id, title, detail, pointer=pointer, headers=headers).response()


UNSUPPORTED_MEDIA_TYPE_BODY = {
    "errors": [
        {
            "id": "unsupportedMediaType",
            "title": "Unsupported Media Type",
            "details": "Expected Content-Type header to be 'application/vnd.api+json'.",
        }
    ]
}


def unsupported_media_type() -> web.Response:
    return json_response(UNSUPPORTED_MEDIA_TYPE_BODY, status=415)


def bad_request(detail: str, *, parameter: str | None = None) -> ApiError:
    return ApiError(400, "badRequest", "Bad Request", detail, parameter=parameter)


def invalid_body(detail: str, *, pointer: str | None = None) -> ApiError:
    return ApiError(400, "badRequest", "Bad Request", detail, pointer=pointer)


def not_found(type_name: str, record_id: object) -> ApiError:
    return ApiError(
        404,
        "resourceNotFound",
        "Resource Not Found",
        f"Could not find '{type_name}' with ID '{record_id}'.",
    )


def route_not_found(method: str, path: str) -> ApiError:
    return ApiError(404, "notFound", "Not Found", f"No route matches {method} {path}.")


def method_not_allowed(method: str, path: str, allowed: list[str]) -> ApiError:
    return ApiError(
        405,
        "methodNotAllowed",
        "Method Not Allowed",
        f"{method} is not supported on {path}.",
        headers={"Allow": ", ".join(allowed)},
    )


def validation_error(detail: str, pointer: str | None = None) -> ApiError:
    return ApiError(422, "validationError", "Validation Error", detail, pointer=pointer)


def duplicate_value(detail: str, pointer: str | None = None) -> ApiError:
    return ApiError(
        422,
        "validationDuplicateValueError",
        "Validation Duplicate Value Error",
        detail,
        pointer=pointer,
    )
