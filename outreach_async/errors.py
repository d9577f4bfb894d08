"""Exceptions raised by outreach_async, and the parsing of error bodies into them.

    OutreachError
    ├── TransportError             connection failed, timed out, or a body was not what it claimed
    │   └── OriginError            a link or redirect pointed away from the API's origin
    ├── ClientClosedError          the client was used after it was closed
    ├── PaginationError            the server's pages do not lead to the end of the collection
    │   └── PaginationLimitError   offset paging reached the server's 10,000 cap
    ├── LinkageMissing             a relationship came with links or meta but no `data` (KeyError)
    ├── BatchTimeout               a bulk action's batch did not finish in the time allowed
    ├── SequenceCopyError          copying a sequence's steps stopped part way
    ├── AuthError                  no usable credentials could be had
    │   ├── TokenEndpointError     the token endpoint refused or failed (`invalid_grant`, ...)
    │   └── TokenPersistenceError  a new token pair could not be saved, so it is not used yet
    ├── StorageError               sync state, a checkpoint or a lock could not be read or saved
    │   └── RedisUnavailableError  Redis failed (down, restarted, too slow); says what was not done
    ├── WebhookError               a webhook delivery could not be read as an Outreach event
    │   └── WebhookSignatureError  its Outreach-Webhook-Signature is missing or wrong
    └── APIError                   the server answered with an error status
        ├── BadRequest             400
        ├── Unauthorized           401
        ├── Forbidden              403
        ├── NotFound               404
        ├── Conflict               409
        ├── UnsupportedMediaType   415
        ├── ValidationError        422
        │   └── InvalidDocument    400 whose errors point into the request (also a BadRequest)
        ├── RateLimited            429 (and waits too long to sleep through)
        └── ServerError            5xx

Any of them may carry `maybe_applied=True`: the request was a write (POST, an action,
PATCH, PUT, DELETE) that the server may have carried out before the failure, so its message
says to look before trying again. Only where the server provably did not act (a 429, its
maintenance 503, a connection that never carried the request) is it False for a write.

Bad arguments (a page size over 1000, an empty filter list) raise `ValueError` or `TypeError`
before anything is sent. No message, repr or attribute of these exceptions holds a token, a
client secret or a refresh token.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

import attrs

__all__ = [
    "APIError",
    "AuthError",
    "BadRequest",
    "BatchTimeout",
    "ClientClosedError",
    "Conflict",
    "ErrorObject",
    "Forbidden",
    "InvalidDocument",
    "LinkageMissing",
    "NotFound",
    "OriginError",
    "OutreachError",
    "PaginationError",
    "PaginationLimitError",
    "RateLimited",
    "RedisUnavailableError",
    "SequenceCopyError",
    "ServerError",
    "StorageError",
    "TokenEndpointError",
    "TokenPersistenceError",
    "TransportError",
    "Unauthorized",
    "UnsupportedMediaType",
    "ValidationError",
    "WebhookError",
    "WebhookSignatureError",
    "error_for_response",
    "parse_error_objects",
]

_MAX_TEXT_IN_MESSAGE = 300


class OutreachError(Exception):
    """Root of every exception this library raises on purpose.

    `maybe_applied` is True when the failed request was a write the server may have carried
    out (the answer was lost, or came from a gateway that cannot know); `str()` then says so.
    """

    maybe_applied: bool = False
    #: What is known about whether a failed write happened, added to `str()` when set.
    applied_note: str = ""

    def mark_maybe_applied(self, note: str) -> None:
        """Record that the write may have happened; `note` says what to do about it."""
        self.maybe_applied = True
        self.applied_note = note

    def mark_not_applied(self, note: str) -> None:
        """Record that the write was looked for after it failed, and is not there."""
        self.maybe_applied = False
        self.applied_note = note

    def __str__(self) -> str:
        text = super().__str__()
        if not self.applied_note:
            return text
        return f"{text}\n  {self.applied_note}" if "\n" in text else f"{text}; {self.applied_note}"

    def _applied_state(self) -> dict[str, Any]:
        """What pickling keeps of `maybe_applied` (the rebuilt error gets it back)."""
        if not self.applied_note:
            return {}
        return {"maybe_applied": self.maybe_applied, "applied_note": self.applied_note}


class TransportError(OutreachError):
    """The exchange failed below the API: network, timeout, or an unreadable body.

    `request_sent` is False only when the request provably never left this machine (the
    connection was refused or never opened), which makes even a POST safe to repeat.
    `retryable` is False for failures that repeating cannot mend (a TLS error, a body
    larger than allowed, a link to another origin).
    """

    def __init__(self, message: str, *, request_sent: bool = True, retryable: bool = True) -> None:
        super().__init__(message)
        self.request_sent = request_sent
        self.retryable = retryable

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_transport_error,
            (type(self), Exception.__str__(self), self.request_sent, self.retryable),
            self._applied_state(),
        )


def _rebuild_transport_error(
    cls: type[TransportError], message: str, request_sent: bool, retryable: bool
) -> TransportError:
    return cls(message, request_sent=request_sent, retryable=retryable)


class OriginError(TransportError):
    """A URL from the server points to another origin; credentials are never sent there."""

    def __init__(
        self, message: str, *, request_sent: bool = False, retryable: bool = False
    ) -> None:
        super().__init__(message, request_sent=request_sent, retryable=retryable)


class ClientClosedError(OutreachError):
    """The client (or its session) was used after `close()`."""


class PaginationError(OutreachError):
    """Paging cannot reach the end: a `links.next` already followed, or a page that does
    not advance, would read the same records forever; or a page repeated another or held
    fewer items than its place allows, so the collection changed under the read or the
    server ignored a paging parameter."""


class PaginationLimitError(PaginationError):
    """Offset pagination cannot go past the server's maximum offset."""


class LinkageMissing(OutreachError, KeyError):
    """A relationship carries no resource linkage (`data`), only `links` or `meta`.

    `related_url` is its `related` link when the server sent one: the resource manager's
    `fetch_related()` reads it. A `KeyError`, as a missing relationship always was.
    """

    def __init__(self, message: str, related_url: str | None = None) -> None:
        super().__init__(message)
        self.related_url = related_url

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.related_url))


class BatchTimeout(OutreachError):
    """A batch did not finish in the time allowed; `batch` is its last known state."""

    def __init__(self, message: str, batch: Any = None) -> None:
        super().__init__(message)
        self.batch = batch

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.batch))


class SequenceCopyError(OutreachError):
    """Copying a sequence stopped part way; `partial` lists what was created before."""

    def __init__(self, message: str, partial: Any = None) -> None:
        super().__init__(message)
        self.partial = partial

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (str(self), self.partial))


class AuthError(OutreachError):
    """No usable `Authorization` header could be had; raised before the request is sent.

    The session never retries these: what follows from them (signing in again, fixing the
    token store) is for the application to decide.
    """


class TokenEndpointError(AuthError):
    """The token endpoint refused a grant or could not be reached.

    `status` is the HTTP status (None when no answer came), `error` the OAuth error code
    (`invalid_grant`, `invalid_client`, ...) and `description` the server's text. An
    `invalid_grant` on a refresh means the refresh token is dead: the user has to authorize
    the app again (`reauthorization_needed`). `request_sent` is False only when the request
    provably never reached the server, so that a refresh token it carried is still unspent.
    """

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        error: str | None = None,
        description: str | None = None,
        request_sent: bool = True,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.description = description
        self.request_sent = request_sent

    @property
    def reauthorization_needed(self) -> bool:
        """True when only a new authorization by the user can produce tokens again."""
        return self.error == "invalid_grant"

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_token_endpoint_error,
            (str(self), self.status, self.error, self.description, self.request_sent),
        )


def _rebuild_token_endpoint_error(
    message: str,
    status: int | None,
    error: str | None,
    description: str | None,
    request_sent: bool,
) -> TokenEndpointError:
    return TokenEndpointError(
        message, status=status, error=error, description=description, request_sent=request_sent
    )


class TokenPersistenceError(AuthError):
    """A token pair could not be saved to the token store or handed to the callback.

    The pair stays in memory, unused, and saving it is tried again on the next request:
    its refresh token may be the only live one, and using its access token before it is
    saved could lose it for good.
    """


class StorageError(OutreachError):
    """Sync state, a checkpoint or a lock could not be read or saved.

    Whatever was saved before stays as it was: a run that stops on this error resumes from
    the last state that was saved, losing nothing.
    """


class RedisUnavailableError(StorageError):
    """Redis did not answer in time, refused the connection or lost it.

    The message names the Redis server (host and port, never a password), what was being
    done and what was therefore not saved or not sent. `operation` says the same briefly.
    """

    def __init__(self, message: str, *, operation: str = "") -> None:
        super().__init__(message)
        self.operation = operation

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild_redis_unavailable, (str(self), self.operation))


def _rebuild_redis_unavailable(message: str, operation: str) -> RedisUnavailableError:
    return RedisUnavailableError(message, operation=operation)


class WebhookError(OutreachError):
    """A webhook delivery is not an Outreach event this library can read (answer 400)."""


class WebhookSignatureError(WebhookError):
    """A webhook delivery's signature is missing or does not match the secret (answer 401)."""


@attrs.frozen
class ErrorObject:
    """One entry of a JSON:API `errors` array (or the one error of a non-JSON:API body)."""

    id: str | None = None
    title: str | None = None
    detail: str | None = None
    status: str | None = None
    code: str | None = None
    pointer: str | None = None
    parameter: str | None = None
    meta: Mapping[str, Any] | None = None

    def describe(self) -> str:
        """One readable line: id, title, detail and where the problem is."""
        head = " ".join(part for part in (self.id, _quoted(self.title)) if part)
        text = ": ".join(part for part in (head, self.detail) if part) or "(no detail)"
        if self.pointer:
            text += f" (at {self.pointer})"
        elif self.parameter:
            text += f" (parameter {self.parameter})"
        return text


def _quoted(title: str | None) -> str | None:
    return f"[{title}]" if title else None


class APIError(OutreachError):
    """The server answered with an error status; `errors` holds what it said."""

    def __init__(
        self,
        status: int,
        errors: list[ErrorObject],
        *,
        method: str,
        url: str,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.status = status
        self.errors = errors
        self.method = method
        self.url = url
        self.headers: Mapping[str, str] = dict(headers or {})
        super().__init__(self._message())

    @property
    def error_ids(self) -> list[str]:
        """The `id` of each error object, e.g. `["validationError"]`."""
        return [error.id for error in self.errors if error.id]

    def _message(self) -> str:
        lines = [f"{self.status} {type(self).__name__} from {self.method} {self.url}"]
        lines.extend(f"  - {error.describe()}" for error in self.errors)
        return "\n".join(lines)

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_api_error,
            (type(self), self.status, self.errors, self.method, self.url, self.headers),
            self._applied_state(),
        )


def _rebuild_api_error(
    cls: type[APIError],
    status: int,
    errors: list[ErrorObject],
    method: str,
    url: str,
    headers: Mapping[str, str],
) -> APIError:
    return cls(status, errors, method=method, url=url, headers=headers)


class BadRequest(APIError):
    """400: a malformed request, such as an unknown query or action parameter."""


class Unauthorized(APIError):
    """401: the token is missing, invalid or expired."""


class Forbidden(APIError):
    """403: the token's scopes do not allow this."""


class NotFound(APIError):
    """404: no such resource."""


class Conflict(APIError):
    """409: the request conflicts with the resource's state."""


class UnsupportedMediaType(APIError):
    """415: the request's content type was not `application/vnd.api+json`."""


class ValidationError(APIError):
    """422: the server refused the data; each error's `pointer` says where."""


class InvalidDocument(BadRequest, ValidationError):
    """400 whose errors point into the request document (`source.pointer`).

    JSON:API lets a server answer a validation failure with 400 or 422; many (Django REST
    framework JSON:API among them) use 400. Both `except ValidationError` and
    `except BadRequest` catch it.
    """


class ServerError(APIError):
    """5xx: the server failed; retried where that is safe."""


class RateLimited(APIError):
    """429, or a wait the retry policy will not sleep through; `retry_after` is in seconds."""

    def __init__(
        self,
        status: int,
        errors: list[ErrorObject],
        *,
        method: str,
        url: str,
        headers: Mapping[str, str] | None = None,
        retry_after: float | None = None,
    ) -> None:
        self.retry_after = retry_after
        super().__init__(status, errors, method=method, url=url, headers=headers)

    def _message(self) -> str:
        message = super()._message()
        if self.retry_after is not None:
            message += f"\n  retry after {self.retry_after:.1f}s"
        return message

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild_rate_limited,
            (self.status, self.errors, self.method, self.url, self.headers, self.retry_after),
            self._applied_state(),
        )


def _rebuild_rate_limited(
    status: int,
    errors: list[ErrorObject],
    method: str,
    url: str,
    headers: Mapping[str, str],
    retry_after: float | None,
) -> RateLimited:
    return RateLimited(
        status, errors, method=method, url=url, headers=headers, retry_after=retry_after
    )


_BY_STATUS: dict[int, type[APIError]] = {
    400: BadRequest,
    401: Unauthorized,
    403: Forbidden,
    404: NotFound,
    409: Conflict,
    415: UnsupportedMediaType,
    422: ValidationError,
    429: RateLimited,
}


def error_class_for(status: int) -> type[APIError]:
    """The exception class for an HTTP error status."""
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status >= 500:
        return ServerError
    return APIError


def error_for_response(
    status: int,
    body: bytes,
    *,
    method: str,
    url: str,
    headers: Mapping[str, str],
    retry_after: float | None = None,
) -> APIError:
    """Build the typed exception for an error response, whatever form its body takes."""
    errors = parse_error_objects(body)
    cls = error_class_for(status)
    if cls is BadRequest and any(error.pointer for error in errors):
        cls = InvalidDocument
    if cls is RateLimited:
        return RateLimited(
            status, errors, method=method, url=url, headers=headers, retry_after=retry_after
        )
    return cls(status, errors, method=method, url=url, headers=headers)


def parse_error_objects(body: bytes) -> list[ErrorObject]:
    """Error objects from any body the API produces: JSON:API, gateway JSON, text or HTML."""
    text = body.decode("utf-8", errors="replace").strip()
    if not text:
        return []
    try:
        document = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested too deeply to read
        return [ErrorObject(detail=_plain_text(text))]
    if isinstance(document, Mapping):
        if isinstance(document.get("errors"), list):
            return [_error_object(item) for item in document["errors"] if isinstance(item, Mapping)]
        if "error" in document:
            return [_gateway_error(document)]
    return [ErrorObject(detail=_shorten(text))]


def _error_object(item: Mapping[str, Any]) -> ErrorObject:
    raw_source = item.get("source")
    source: Mapping[str, Any] = raw_source if isinstance(raw_source, Mapping) else {}
    meta = item.get("meta")
    return ErrorObject(
        id=_text_or_none(item.get("id")),
        title=_text_or_none(item.get("title")),
        detail=_text_or_none(item.get("detail", item.get("details"))),
        status=_text_or_none(item.get("status")),
        code=_text_or_none(item.get("code")),
        pointer=_text_or_none(source.get("pointer")),
        parameter=_text_or_none(source.get("parameter")),
        meta=meta if isinstance(meta, Mapping) else None,
    )


def _gateway_error(document: Mapping[str, Any]) -> ErrorObject:
    """The API gateway's `{"error": ..., "description": ...}` form (bad or expired tokens)."""
    error = document.get("error")
    return ErrorObject(
        id=_text_or_none(error) if not isinstance(error, Mapping) else None,
        detail=_text_or_none(document.get("description", document.get("error_description"))),
    )


def _text_or_none(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, str):
        return value
    try:
        return json.dumps(value)
    except (ValueError, RecursionError):  # nested too deeply to write back
        return f"({type(value).__name__})"


_TAG = re.compile(r"<[^>]+>")
_SPACE = re.compile(r"\s+")


def _plain_text(text: str) -> str:
    """Text bodies as they are; HTML reduced to its words (a proxy's 502 page, say)."""
    if text.startswith("<"):
        text = _TAG.sub(" ", text)
    return _shorten(_SPACE.sub(" ", text).strip())


def _shorten(text: str) -> str:
    if len(text) <= _MAX_TEXT_IN_MESSAGE:
        return text
    return text[:_MAX_TEXT_IN_MESSAGE] + "…"
