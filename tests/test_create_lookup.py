"""`create(..., lookup=...)`: a create whose answer was lost is found, not made twice."""

from __future__ import annotations

from typing import Any

import aiohttp
import pytest

from outreach_async import OutreachClient, ServerError, TransportError, ValidationError
from outreach_async.models import Prospect

from .conftest import BASE, RecordingMock

JSONAPI = "application/vnd.api+json"
PROSPECTS = f"{BASE}/prospects"
LOOKUP = f"{PROSPECTS}?filter[emails]=ann@example.com&page[size]=2"
UPSTREAM = "upstream connect error or disconnect/reset before headers. reset reason: overflow"
DUPLICATE = {
    "errors": [
        {
            "id": "validationDuplicateValueError",
            "detail": "Emails contains an email address that is already taken by prospect 7.",
        }
    ]
}


def _found(*ids: int) -> dict[str, Any]:
    return {
        "data": [{"type": "prospect", "id": i, "attributes": {"firstName": "Ann"}} for i in ids]
    }


def _created(prospect_id: int) -> dict[str, Any]:
    return {"data": {"type": "prospect", "id": prospect_id, "attributes": {"firstName": "Ann"}}}


async def _create(client: OutreachClient) -> Any:
    return await client.resource("prospect").create(
        {"firstName": "Ann", "emails": ["ann@example.com"]},
        lookup={"emails": "ann@example.com"},
    )


async def test_a_lost_answer_is_looked_up_and_the_record_found_returned(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.post(PROSPECTS, status=503, body=UPSTREAM, content_type="text/plain")
    mocked.get(LOOKUP, payload=_found(7), content_type=JSONAPI)
    created = await _create(client)
    assert created.id == 7
    assert mocked.sent == [("POST", PROSPECTS), ("GET", LOOKUP)]


async def test_nothing_found_posts_again(mocked: RecordingMock, client: OutreachClient) -> None:
    mocked.post(PROSPECTS, exception=aiohttp.ServerDisconnectedError())
    mocked.get(LOOKUP, payload=_found(), content_type=JSONAPI)
    mocked.post(PROSPECTS, status=201, payload=_created(8), content_type=JSONAPI)
    assert (await _create(client)).id == 8
    assert [method for method, _ in mocked.sent] == ["POST", "GET", "POST"]


async def test_a_duplicate_422_on_the_repeat_is_looked_up_again(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    """The first attempt did create it; the index showed it only later."""
    mocked.post(PROSPECTS, status=502, body="<html>Bad Gateway</html>", content_type="text/html")
    mocked.get(LOOKUP, payload=_found(), content_type=JSONAPI)
    mocked.post(PROSPECTS, status=422, payload=DUPLICATE, content_type=JSONAPI)
    mocked.get(LOOKUP, payload=_found(7), content_type=JSONAPI)
    assert (await _create(client)).id == 7
    assert [method for method, _ in mocked.sent] == ["POST", "GET", "POST", "GET"]


async def test_a_duplicate_422_on_the_first_attempt_is_raised(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    """Someone else's record: not ours to return."""
    mocked.post(PROSPECTS, status=422, payload=DUPLICATE, content_type=JSONAPI)
    with pytest.raises(ValidationError) as caught:
        await _create(client)
    assert not caught.value.maybe_applied
    assert mocked.sent == [("POST", PROSPECTS)]


async def test_attempts_are_bounded_and_a_looked_up_failure_is_not_maybe_applied(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.post(PROSPECTS, status=500, repeat=True)
    mocked.get(LOOKUP, payload=_found(), content_type=JSONAPI, repeat=True)
    with pytest.raises(ServerError) as caught:
        await client.resource("prospect").create(
            {"firstName": "Ann"}, lookup={"emails": "ann@example.com"}, max_attempts=2
        )
    assert not caught.value.maybe_applied
    assert "looked up after the failure: not created" in str(caught.value)
    assert [method for method, _ in mocked.sent] == ["POST", "GET", "POST", "GET"]


async def test_a_lookup_matching_several_records_stays_maybe_applied(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.post(PROSPECTS, exception=aiohttp.ServerDisconnectedError())
    mocked.get(LOOKUP, payload=_found(7, 9), content_type=JSONAPI)
    with pytest.raises(TransportError) as caught:
        await _create(client)
    assert caught.value.maybe_applied and "2 records match the lookup" in str(caught.value)
    assert len(mocked.sent) == 2


async def test_a_failed_lookup_leaves_the_write_error_maybe_applied(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.post(PROSPECTS, exception=aiohttp.ServerDisconnectedError())
    mocked.get(LOOKUP, status=403, payload={"errors": [{"id": "forbidden"}]}, content_type=JSONAPI)
    with pytest.raises(TransportError) as caught:
        await _create(client)
    assert caught.value.maybe_applied and "looking it up failed: Forbidden" in str(caught.value)


async def test_an_empty_lookup_is_refused_before_sending(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    with pytest.raises(ValueError, match="lookup"):
        await client.resource("prospect").create({"firstName": "Ann"}, lookup={})
    assert mocked.sent == []


async def test_typed_managers_take_python_names_in_the_lookup(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    lookup = f"{PROSPECTS}?filter[firstName]=Ann&page[size]=2"
    mocked.post(PROSPECTS, status=504, body="Gateway Timeout", content_type="text/plain")
    mocked.get(lookup, payload=_found(7), content_type=JSONAPI)
    created = await client.prospects.create(
        Prospect(first_name="Ann"), lookup={"first_name": "Ann"}
    )
    assert isinstance(created, Prospect) and created.id == 7
    assert mocked.sent == [("POST", PROSPECTS), ("GET", lookup)]
