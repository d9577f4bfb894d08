"""Raw responses: the status, headers, rate limit and request id behind a result."""

from __future__ import annotations

import pytest

from outreach_async import OutreachClient, Page, RawResponse, Resource, raw_response
from outreach_async.http import WithRawResponse
from outreach_async.models import Prospect
from outreach_async.testing import FakeOutreach

from .conftest import BASE, TOKEN, FakeClock, RecordingMock

JSONAPI = "application/vnd.api+json"
ONE = {"data": {"type": "prospect", "id": 1, "attributes": {"firstName": "Sally"}}}


def _answer_headers(clock: FakeClock) -> dict[str, str]:
    return {
        "X-Request-Id": "req-123",
        "X-RateLimit-Limit": "10000",
        "X-RateLimit-Remaining": "9876",
        "X-RateLimit-Reset": str(int(clock.now) + 600),
    }


async def test_a_typed_get_with_its_raw_response(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    mocked.get(
        f"{BASE}/prospects/1", payload=ONE, content_type=JSONAPI, headers=_answer_headers(clock)
    )
    raw = await client.prospects.with_raw_response.get(1)
    assert isinstance(raw, RawResponse)
    assert isinstance(raw.parsed, Prospect) and raw.parsed.first_name == "Sally"
    assert raw.status == 200
    assert raw.method == "GET" and raw.url == f"{BASE}/prospects/1"
    assert raw.request_id == "req-123"
    assert raw.headers["x-ratelimit-remaining"] == "9876"
    assert raw.rate_limit is not None
    assert (raw.rate_limit.limit, raw.rate_limit.remaining) == (10000, 9876)
    assert raw.rate_limit.reset_at == pytest.approx(clock.now + 600, abs=2)
    assert raw.received_at == clock.now


async def test_the_typed_function_form_and_a_missing_request_id(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(f"{BASE}/prospects/1", payload=ONE, content_type=JSONAPI)
    raw = await raw_response(client.resource("prospect").get(1))
    assert isinstance(raw.parsed, Resource)
    assert raw.request_id is None
    assert raw.rate_limit is None


async def test_the_answer_behind_a_result_is_the_last_one(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    url = f"{BASE}/prospects/1"
    mocked.get(url, status=500, headers={"X-Request-Id": "failed"})
    mocked.get(url, payload=ONE, content_type=JSONAPI, headers={"X-Request-Id": "worked"})
    mocked.patch(url, status=204, headers={"X-Request-Id": "patched"})
    mocked.get(url, payload=ONE, content_type=JSONAPI, headers={"X-Request-Id": "reread"})
    manager = client.resource("prospect").with_raw_response
    assert (await manager.get(1)).request_id == "worked"
    updated = await manager.update(1, {"title": "CTO"}, reread=True)
    assert updated.request_id == "reread"


async def test_deletes_lists_and_actions_have_raw_responses(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.delete(f"{BASE}/prospects/1", status=204, headers={"X-Request-Id": "gone"})
    page = {"data": [{"type": "prospect", "id": 1}], "links": {}}
    mocked.get(f"{BASE}/prospects?page[size]=1", payload=page, content_type=JSONAPI)
    state = {"data": {"type": "sequenceState", "id": 4}}
    mocked.post(f"{BASE}/sequenceStates/4/actions/pause", payload=state, content_type=JSONAPI)
    deleted = await client.prospects.with_raw_response.delete(1)
    assert (deleted.parsed, deleted.status, deleted.request_id) == (None, 204, "gone")
    listed = await client.resource("prospect").with_raw_response.list(page_size=1)
    assert isinstance(listed.parsed, Page) and len(listed.parsed) == 1
    paused = await client.sequence_states.with_raw_response.pause(4)
    assert paused.parsed.id == 4 and paused.method == "POST"


async def test_no_credentials_or_cookies_show_in_a_raw_response(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    echoed = {
        "Authorization": f"Bearer {TOKEN}",
        "Set-Cookie": f"session={TOKEN}",
        "X-Request-Id": "r1",
    }
    mocked.get(f"{BASE}/prospects/1", payload=ONE, content_type=JSONAPI, headers=echoed)
    raw = await client.prospects.with_raw_response.get(1)
    assert "Authorization" not in raw.headers and "Set-Cookie" not in raw.headers
    assert TOKEN not in repr(raw)
    assert TOKEN not in str(dict(raw.headers))
    assert "headers" not in repr(raw)
    assert repr(raw).startswith("RawResponse(status=200, method='GET'")


async def test_a_method_that_sends_nothing_has_no_raw_response(client: OutreachClient) -> None:
    with pytest.raises(AttributeError):
        client.prospects.with_raw_response._convert  # noqa: B018
    with pytest.raises(AttributeError):
        client.prospects.with_raw_response.model  # noqa: B018
    with pytest.raises(AttributeError):
        client.prospects.with_raw_response.with_raw_response  # noqa: B018
    with pytest.raises(TypeError, match="sends no request"):
        await WithRawResponse(client).resource("prospect")


async def test_raw_responses_from_the_fake_server(fake_outreach: FakeOutreach) -> None:
    async with fake_outreach.client() as client:
        raw = await client.prospects.with_raw_response.list(page_size=2)
        assert raw.status == 200 and len(raw.parsed) == 2
        assert raw.rate_limit is not None and raw.rate_limit.remaining is not None
        assert raw.rate_limit.remaining < raw.rate_limit.limit  # type: ignore[operator]
        fast = client.with_options(timeout=10)
        again = await fast.prospects.with_raw_response.get(raw.parsed.items[0])
        assert again.parsed.id == raw.parsed.items[0].id
