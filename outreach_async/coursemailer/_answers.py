"""Reading the course mailer's "success or error" answers into results or typed errors.

An error status already arrives as the `APIError` subclass for it (the session maps the
status, and reads a JSON or plain-text body into its error objects). What is left is a
success status whose body says it failed (`{"error": ...}`, `{"success": false}`): that is
an `APIError` too, so a DELETE or PUT is only reported done when the server said so. An
answer of the wrong shape is a `TransportError` naming what was expected.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from .._converter import converter
from .._json import dumps
from ..errors import APIError, TransportError, parse_error_objects
from ..http.session import Response
from ._wire import read_key, spellings
from .models import Record

R = TypeVar("R", bound=Record)


def says_failure(payload: object) -> bool:
    """True for a success-status body that reports an error."""
    if not isinstance(payload, Mapping):
        return False
    if payload.get("success") is False or payload.get("status") == "error":
        return True
    return bool(payload.get("error") or payload.get("errors"))


def checked(response: Response) -> Any:
    """The answer's JSON, raising `APIError` when the body says the request failed."""
    payload = response.json()
    if says_failure(payload):
        raise _failure(response)
    return payload


def _failure(response: Response) -> APIError:
    return APIError(
        response.status,
        parse_error_objects(_body(response)),
        method=response.method,
        url=response.url,
        headers=response.headers,
    )


def _body(response: Response) -> bytes:
    """The answer's bytes; a JSON body is kept decoded only, so it is written again."""
    if response.body or response.payload is None:
        return response.body
    return dumps(response.payload)


def malformed(response: Response, expected: str) -> TransportError:
    """The error for an answer that is not what the API documents; repeating will not help."""
    return TransportError(
        f"{response.method} {response.url}: expected {expected} in the "
        f"{response.status} answer, got {_body(response)[:120]!r}",
        retryable=False,
    )


def integer_under(response: Response, key: str) -> int:
    """The integer an answer gives under `key` (either spelling), e.g. `sequence-id`."""
    payload = checked(response)
    try:
        value = read_key(payload, key) if isinstance(payload, Mapping) else None
    except KeyError:
        value = None
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        raise malformed(response, f'an integer "{key}"')
    return value


def record_of(response: Response, cls: type[R], wrapper: str) -> R:
    """One model from an answer: the object itself, or the one under `wrapper` (`"user"`).

    A record may have fields named `error` or `status` of its own, so only an answer without
    the record's id is taken for a failure report.
    """
    payload = response.json()
    if isinstance(payload, Mapping) and set(payload) == {wrapper}:
        payload = payload[wrapper]
    if says_failure(payload) and not any(key in payload for key in spellings(cls.ID_KEY)):
        raise _failure(response)
    return _structured(response, payload, cls, f"a {wrapper} object")


def records_of(response: Response, cls: type[R], wrapper: str) -> list[R]:
    """The models of a list answer: a JSON array, or one under `wrapper` (`"users"`)."""
    payload = response.json()
    if isinstance(payload, Mapping) and isinstance(payload.get(wrapper), list):
        payload = payload[wrapper]
    if not isinstance(payload, list):
        raise malformed(response, f'a list of {wrapper} (or "{wrapper}": [...])')
    return [_structured(response, item, cls, f"a list of {wrapper}") for item in payload]


def _structured(response: Response, payload: object, cls: type[R], expected: str) -> R:
    try:
        return converter.structure(payload, cls)
    except (TypeError, ValueError) as exc:
        raise TransportError(
            f"{response.method} {response.url}: expected {expected} in the "
            f"{response.status} answer: {exc}",
            retryable=False,
        ) from None
