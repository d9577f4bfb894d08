"""Error bodies of every form the API produces become typed, readable exceptions."""

from __future__ import annotations

import json
import pickle

import pytest

from outreach_async import (
    APIError,
    BadRequest,
    Conflict,
    Forbidden,
    NotFound,
    OutreachClient,
    RateLimited,
    ServerError,
    Unauthorized,
    UnsupportedMediaType,
    ValidationError,
)
from outreach_async.errors import ErrorObject, error_for_response, parse_error_objects

from .conftest import BASE, RecordingMock

JSONAPI = "application/vnd.api+json"


def _errors(*items: dict[str, object]) -> bytes:
    return json.dumps({"errors": list(items)}).encode()


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequest),
        (401, Unauthorized),
        (403, Forbidden),
        (404, NotFound),
        (409, Conflict),
        (415, UnsupportedMediaType),
        (422, ValidationError),
        (429, RateLimited),
        (500, ServerError),
        (502, ServerError),
        (503, ServerError),
        (504, ServerError),
        (418, APIError),
    ],
)
def test_each_status_maps_to_its_class(status: int, cls: type[APIError]) -> None:
    error = error_for_response(status, b"", method="GET", url="u", headers={})
    assert type(error) is cls
    assert error.status == status


def test_jsonapi_error_with_pointer_is_readable() -> None:
    body = _errors(
        {
            "id": "validationError",
            "title": "Validation Error",
            "detail": "Name can't be blank.",
            "source": {"pointer": "/data/attributes/name"},
        }
    )
    error = error_for_response(422, body, method="POST", url=f"{BASE}/accounts", headers={})
    assert isinstance(error, ValidationError)
    assert error.errors == [
        ErrorObject(
            id="validationError",
            title="Validation Error",
            detail="Name can't be blank.",
            pointer="/data/attributes/name",
        )
    ]
    assert str(error) == (
        f"422 ValidationError from POST {BASE}/accounts\n"
        "  - validationError [Validation Error]: Name can't be blank. (at /data/attributes/name)"
    )
    assert error.error_ids == ["validationError"]


def test_details_spelling_of_415_is_read() -> None:
    body = _errors(
        {
            "id": "unsupportedMediaType",
            "title": "Unsupported Media Type",
            "details": "Expected Content-Type header to be 'application/vnd.api+json'.",
        }
    )
    [error] = parse_error_objects(body)
    assert error.detail == "Expected Content-Type header to be 'application/vnd.api+json'."


def test_parameter_source_and_meta_are_kept() -> None:
    body = _errors({"id": "badParam", "source": {"parameter": "filter[x]"}, "meta": {"a": 1}})
    [error] = parse_error_objects(body)
    assert error.parameter == "filter[x]"
    assert error.meta == {"a": 1}
    assert "(parameter filter[x])" in error.describe()


def test_gateway_body_of_bad_token() -> None:
    body = b'{"error":"Invalid JWT token.","description":"The token has expired."}'
    error = error_for_response(401, body, method="GET", url="u", headers={})
    assert isinstance(error, Unauthorized)
    assert error.errors == [ErrorObject(id="Invalid JWT token.", detail="The token has expired.")]
    assert "Invalid JWT token.: The token has expired." in str(error)


def test_plain_text_body() -> None:
    assert parse_error_objects(b"Retry later") == [ErrorObject(detail="Retry later")]


def test_html_body_is_reduced_to_its_words() -> None:
    body = b"<html><head><title>502 Bad Gateway</title></head><body><h1>Bad</h1></body></html>"
    assert parse_error_objects(body) == [ErrorObject(detail="502 Bad Gateway Bad")]


def test_long_text_is_shortened() -> None:
    [error] = parse_error_objects(b"x" * 5000)
    assert error.detail is not None
    assert len(error.detail) < 400


def test_empty_body_gives_no_error_objects() -> None:
    error = error_for_response(404, b"", method="GET", url="u", headers={})
    assert error.errors == []
    assert str(error) == "404 NotFound from GET u"


@pytest.mark.parametrize("body", [b"[1, 2]", b'"text"', b'{"errors": "nope"}', b"{}", b"null"])
def test_odd_json_bodies_do_not_break_parsing(body: bytes) -> None:
    objects = parse_error_objects(body)
    assert all(isinstance(item, ErrorObject) for item in objects)


def test_errors_survive_pickling() -> None:
    error = error_for_response(
        429, _errors({"id": "rateLimitExceeded"}), method="GET", url="u", headers={}
    )
    assert isinstance(error, RateLimited)
    error.retry_after = 5.0
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is RateLimited
    assert copy.errors == error.errors
    assert copy.retry_after == 5.0


async def test_client_raises_typed_error_with_request_and_headers(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(
        f"{BASE}/prospects/1",
        status=404,
        body=_errors(
            {
                "id": "resourceNotFound",
                "title": "Resource Not Found",
                "detail": "Could not find 'prospect' with ID '1'.",
            }
        ),
        content_type=JSONAPI,
        headers={"X-Request-Id": "abc"},
    )
    with pytest.raises(NotFound) as caught:
        await client.resource("prospect").get(1)
    error = caught.value
    assert error.method == "GET"
    assert error.url == f"{BASE}/prospects/1"
    assert error.headers["X-Request-Id"] == "abc"
    assert "Could not find 'prospect' with ID '1'." in str(error)
