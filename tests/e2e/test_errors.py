"""Error answers of the fake server surface as typed exceptions that say what went wrong."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import attrs
import pytest

from outreach_async import (
    APIError,
    BadRequest,
    NotFound,
    OutreachClient,
    RateLimited,
    RetryPolicy,
    ValidationError,
)
from outreach_async.testing import FakeOutreach, RateLimitSettings

from .conftest import SharedClock, client_of

Call = Callable[[OutreachClient], Awaitable[Any]]


@attrs.frozen
class Expected:
    cls: type[APIError]
    status: int
    id: str
    title: str
    detail: str
    pointer: str | None = None
    parameter: str | None = None


def _patch_with_another_id(client: OutreachClient) -> Awaitable[Any]:
    body = {"data": {"type": "prospect", "id": 2, "attributes": {"title": "CEO"}}}
    return client.session.request("PATCH", "prospects/1", body=body)


CASES: list[tuple[str, Call, Expected]] = [
    (
        "unknown filter",
        lambda c: c.resource("prospect").list(filter={"shoeSize": 9}),
        Expected(
            BadRequest,
            400,
            "badRequest",
            "Bad Request",
            "'shoeSize' is not a filterable attribute of 'prospect'.",
            parameter="filter[shoeSize]",
        ),
    ),
    (
        "unknown action parameter",
        lambda c: c.resource("task").action(1, "markComplete", mood="happy"),
        Expected(
            BadRequest,
            400,
            "badRequest",
            "Bad Request",
            "'mood' is not an accepted parameter of the 'markComplete' action.",
            parameter="actionParams[mood]",
        ),
    ),
    (
        "missing record",
        lambda c: c.prospects.get(999_999),
        Expected(
            NotFound,
            404,
            "resourceNotFound",
            "Resource Not Found",
            "Could not find 'prospect' with ID '999999'.",
        ),
    ),
    (
        "missing required attribute",
        lambda c: c.resource("account").create({"domain": "blank.example.com"}),
        Expected(
            ValidationError,
            422,
            "validationError",
            "Validation Error",
            "Name can't be blank.",
            pointer="/data/attributes/name",
        ),
    ),
    (
        "read-only attribute",
        lambda c: c.resource("prospect").update(1, {"createdAt": "2024-01-01T00:00:00Z"}),
        Expected(
            ValidationError,
            422,
            "validationError",
            "Validation Error",
            "Created at is read-only.",
            pointer="/data/attributes/createdAt",
        ),
    ),
    (
        "mismatched id",
        _patch_with_another_id,
        Expected(
            ValidationError,
            422,
            "validationError",
            "Validation Error",
            "Id '2' does not match the URL's id '1'.",
            pointer="/data/id",
        ),
    ),
    (
        "missing related record",
        lambda c: c.resource("prospect").create(
            {"firstName": "Orphan"}, {"account": ("account", 999_999)}
        ),
        Expected(
            ValidationError,
            422,
            "validationError",
            "Validation Error",
            "Could not find 'account' with ID '999999'.",
            pointer="/data/relationships/account/data",
        ),
    ),
]


@pytest.mark.parametrize(("call", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
async def test_error_answers_are_typed_and_readable(
    client: OutreachClient, server: FakeOutreach, call: Call, expected: Expected
) -> None:
    with pytest.raises(APIError) as raised:
        await call(client)
    error = raised.value
    assert type(error) is expected.cls
    assert error.status == expected.status
    [only] = error.errors
    assert (only.id, only.title, only.detail) == (expected.id, expected.title, expected.detail)
    assert (only.pointer, only.parameter) == (expected.pointer, expected.parameter)
    lines = str(error).splitlines()
    assert lines[0].startswith(f"{expected.status} {expected.cls.__name__} from ")
    where = f" (at {expected.pointer})" if expected.pointer else ""
    if expected.parameter:
        where = f" (parameter {expected.parameter})"
    assert lines[1] == f"  - {expected.id} [{expected.title}]: {expected.detail}{where}"
    assert server.requests.total == 1, "client errors are never retried"


async def test_a_duplicate_email_is_a_validation_error_naming_the_owner(
    client: OutreachClient,
) -> None:
    first = await client.resource("prospect").create({"emails": ["dup.e2e@example.com"]})
    with pytest.raises(ValidationError) as raised:
        await client.resource("prospect").create({"emails": ["dup.e2e@example.com"]})
    [only] = raised.value.errors
    assert only.id == "validationDuplicateValueError"
    assert only.pointer == "/data/attributes/emails"
    assert f"prospect {first.id}" in str(raised.value)


@pytest.mark.fake_outreach(rate_limit=RateLimitSettings(limit=5, window=3600))
async def test_a_429_is_rate_limited_with_the_servers_words(
    server: FakeOutreach, clock: SharedClock
) -> None:
    async with client_of(server, clock, retry=RetryPolicy(max_attempts=1)) as client:
        await client.prospects.get(1)
        server.settings.rate_limit.limit = 1  # someone else spent the budget
        with pytest.raises(RateLimited) as raised:
            await client.prospects.get(2)
    error = raised.value
    assert error.status == 429
    [only] = error.errors
    assert (only.id, only.title) == ("rateLimitExceeded", "Rate Limit Exceeded")
    assert only.detail is not None
    assert only.detail.startswith("You have exceeded your permitted rate limit of 1; ")
    assert "rateLimitExceeded [Rate Limit Exceeded]: You have exceeded" in str(error)
    assert error.headers["X-RateLimit-Remaining"] == "0"
    assert server.requests.by_status == {200: 1, 429: 1}


@pytest.mark.fake_outreach(rate_limit=RateLimitSettings(limit=5, window=3600))
async def test_a_429_asking_for_too_long_a_wait_says_how_long(
    server: FakeOutreach, clock: SharedClock
) -> None:
    async with client_of(server, clock, retry=RetryPolicy(max_wait=60)) as client:
        await client.prospects.get(1)
        server.settings.rate_limit.limit = 1
        with pytest.raises(RateLimited) as raised:
            await client.prospects.get(2)
        retry_after = raised.value.retry_after
        assert retry_after is not None and 60 < retry_after <= 3600
        assert f"retry after {retry_after:.1f}s" in str(raised.value)
        with pytest.raises(RateLimited, match="not sent: paused by the server"):
            await client.prospects.get(3)  # the pause holds every request: none is sent
    assert server.requests.by_status == {200: 1, 429: 1}
