"""Per-call options (`timeout`, `extra_headers`, `retry`) and `client.with_options(...)`."""

from __future__ import annotations

import aiohttp
import pytest

from outreach_async import (
    JsonApiClient,
    OriginError,
    OutreachClient,
    RequestOptions,
    RetryPolicy,
    ServerError,
    Timeouts,
)
from outreach_async.models import Prospect
from outreach_async.testing import FakeOutreach

from .conftest import BASE, TOKEN, FakeClock, RecordingMock

JSONAPI = "application/vnd.api+json"
ONE = {"data": {"type": "prospect", "id": 1, "attributes": {"firstName": "Sally"}}}
EMPTY_PAGE = {"data": [], "links": {}}
ONE_ATTEMPT = RetryPolicy(max_attempts=1)


def _headers(call: object) -> dict[str, str]:
    return dict(call.kwargs["headers"])  # type: ignore[attr-defined]


async def test_extra_headers_go_with_that_call_only(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(f"{BASE}/prospects/1", payload=ONE, content_type=JSONAPI, repeat=True)
    prospect = await client.prospects.get(1, extra_headers={"X-Trace": "abc"})
    assert isinstance(prospect, Prospect)
    await client.prospects.get(1)
    await client.resource("prospect").get(1, extra_headers={"X-Other": "1"})
    first, second, third = (_headers(call) for call in mocked.calls())
    assert first["X-Trace"] == "abc"
    assert first["Authorization"] == f"Bearer {TOKEN}"
    assert "X-Trace" not in second and "X-Other" not in second
    assert third["X-Other"] == "1" and "X-Trace" not in third


async def test_a_per_call_timeout_reaches_aiohttp_for_that_call_only(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(f"{BASE}/prospects/1", payload=ONE, content_type=JSONAPI, repeat=True)
    await client.prospects.get(1, timeout=5)
    await client.prospects.get(1, timeout=Timeouts(total=9, connect=2))
    await client.prospects.get(1)
    first, second, third = mocked.calls()
    assert first.kwargs["timeout"] == aiohttp.ClientTimeout(total=5.0, connect=15.0)
    assert second.kwargs["timeout"] == aiohttp.ClientTimeout(total=9, connect=2)
    assert "timeout" not in third.kwargs


async def test_a_per_call_retry_policy_applies_to_that_call_only(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    url = f"{BASE}/prospects/1"
    mocked.get(url, status=500)
    with pytest.raises(ServerError):
        await client.prospects.get(1, retry=ONE_ATTEMPT)
    assert len(mocked.sent) == 1
    assert clock.sleeps == []
    mocked.get(url, status=500)
    mocked.get(url, status=500)
    mocked.get(url, payload=ONE, content_type=JSONAPI)
    assert (await client.prospects.get(1)).id == 1  # the client's own policy again
    assert len(mocked.sent) == 4
    assert len(clock.sleeps) == 2


async def test_a_real_timeout_ends_a_slow_call_while_others_wait_longer() -> None:
    from outreach_async import TransportError
    from outreach_async.testing import FaultSettings

    async with FakeOutreach(faults=FaultSettings(latency=0.3)) as server:
        async with server.client() as client:
            with pytest.raises(TransportError, match="timed out"):
                await client.prospects.get(1, timeout=0.05, retry=ONE_ATTEMPT)
            assert (await client.prospects.get(1)).id == 1


@pytest.mark.parametrize("name", ["Authorization", "content-type", "ACCEPT", "Host"])
async def test_extra_headers_cannot_replace_the_clients_own(
    mocked: RecordingMock, client: OutreachClient, name: str
) -> None:
    with pytest.raises(ValueError, match=f"extra_headers: '{name}'"):
        await client.prospects.get(1, extra_headers={name: "Bearer other"})
    with pytest.raises(ValueError, match=f"'{name}'"):
        client.with_options(extra_headers={name: "x"})
    with pytest.raises(ValueError, match=f"'{name}'"):
        client.prospects.iterate(extra_headers={name: "x"})
    assert mocked.sent == []


async def test_bad_option_values_are_refused_before_sending(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    with pytest.raises(ValueError, match="line break"):
        await client.prospects.get(1, extra_headers={"X-Trace": "a\r\nX-Evil: 1"})
    with pytest.raises(ValueError, match="header name"):
        await client.prospects.get(1, extra_headers={"Bad Name": "1"})
    with pytest.raises(ValueError, match="timeout"):
        await client.prospects.get(1, timeout=0)
    with pytest.raises(TypeError, match="retry"):
        await client.prospects.get(1, retry=3)  # type: ignore[arg-type]
    assert mocked.sent == []


async def test_extra_headers_never_go_to_another_origin(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(
        f"{BASE}/prospects/1", status=302, headers={"Location": "https://evil.example.com/x"}
    )
    with pytest.raises(OriginError):
        await client.prospects.get(1, extra_headers={"X-Api-Key": "k"})
    with pytest.raises(OriginError):
        await client.prospects.fetch_page(
            "https://evil.example.com/prospects", extra_headers={"X-Api-Key": "k"}
        )
    assert [url for _, url in mocked.sent] == [f"{BASE}/prospects/1"]


async def test_the_options_repr_names_headers_but_hides_their_values() -> None:
    options = RequestOptions(timeout=3, extra_headers={"X-Api-Key": "secret-value-77"})
    assert "X-Api-Key" in repr(options)
    assert "secret-value-77" not in repr(options)


async def test_paginator_options_apply_to_every_page(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    first = {
        "data": [{"type": "prospect", "id": 1}],
        "links": {"next": f"{BASE}/prospects?page[size]=1&page[after]=1"},
    }
    second = {"data": [{"type": "prospect", "id": 2}], "links": {}}
    mocked.get(f"{BASE}/prospects?page[size]=1", payload=first, content_type=JSONAPI)
    mocked.get(f"{BASE}/prospects?page[size]=1&page[after]=1", payload=second, content_type=JSONAPI)
    prospects = [
        p async for p in client.prospects.iterate(page_size=1, extra_headers={"X-Job": "sync"})
    ]
    assert [p.id for p in prospects] == [1, 2]
    assert [_headers(call)["X-Job"] for call in mocked.calls()] == ["sync", "sync"]


async def test_paginator_with_options_keeps_the_original_as_it_was(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(
        f"{BASE}/prospects?page[size]=5", payload=EMPTY_PAGE, content_type=JSONAPI, repeat=True
    )
    paginator = client.resource("prospect").iterate(page_size=5)
    traced = paginator.with_options(extra_headers={"X-Job": "a"}, timeout=4)
    await traced
    await paginator
    typed = client.prospects.iterate(page_size=5).with_options(extra_headers={"X-Job": "b"})
    await typed
    calls = mocked.calls()
    assert _headers(calls[0])["X-Job"] == "a"
    assert calls[0].kwargs["timeout"] == aiohttp.ClientTimeout(total=4.0, connect=15.0)
    assert "X-Job" not in _headers(calls[1]) and "timeout" not in calls[1].kwargs
    assert _headers(calls[2])["X-Job"] == "b"


async def test_writes_lists_and_generated_actions_take_the_options(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.post(f"{BASE}/prospects", payload=ONE, content_type=JSONAPI, status=201)
    mocked.patch(f"{BASE}/prospects/1", payload=ONE, content_type=JSONAPI)
    mocked.delete(f"{BASE}/prospects/1", status=204)
    mocked.get(f"{BASE}/prospects?page[size]=2", payload=EMPTY_PAGE, content_type=JSONAPI)
    state = {"data": {"type": "sequenceState", "id": 4}}
    mocked.post(f"{BASE}/sequenceStates/4/actions/pause", payload=state, content_type=JSONAPI)
    options = {"extra_headers": {"X-Job": "w"}}
    await client.prospects.create(Prospect(first_name="A"), **options)  # type: ignore[arg-type]
    await client.prospects.update(1, Prospect(title="CTO"), **options)  # type: ignore[arg-type]
    await client.prospects.delete(1, **options)  # type: ignore[arg-type]
    await client.prospects.list(page_size=2, **options)  # type: ignore[arg-type]
    await client.sequence_states.pause(4, **options)  # type: ignore[arg-type]
    calls = mocked.calls()
    assert len(calls) == 5
    assert all(_headers(call)["X-Job"] == "w" for call in calls)


async def test_with_options_shares_the_pool_and_keeps_the_original_defaults(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    url = f"{BASE}/prospects/1"
    fast = client.with_options(timeout=5, retry=ONE_ATTEMPT, extra_headers={"X-App": "a"})
    traced = fast.with_options(extra_headers={"X-Trace": "t"})
    assert type(fast) is OutreachClient
    assert fast.session.limiter is client.session.limiter
    assert fast.session.auth is client.session.auth
    assert fast.hooks is client.hooks
    assert fast.prospects is not client.prospects
    mocked.get(url, status=500)
    with pytest.raises(ServerError):
        await fast.prospects.get(1)
    assert clock.sleeps == []
    mocked.get(url, payload=ONE, content_type=JSONAPI, repeat=True)
    await traced.resource("prospect").get(1)
    await client.prospects.get(1)
    slow, both, plain = mocked.calls()
    assert slow.kwargs["timeout"] == aiohttp.ClientTimeout(total=5.0, connect=15.0)
    assert _headers(both)["X-App"] == "a" and _headers(both)["X-Trace"] == "t"
    assert "X-App" not in _headers(plain) and "timeout" not in plain.kwargs
    assert client.session._session() is fast.session._session()  # one connection pool


async def test_closing_a_derived_client_leaves_the_original_open(
    mocked: RecordingMock,
) -> None:
    mocked.get(f"{BASE}/prospects/1", payload=ONE, content_type=JSONAPI, repeat=True)
    client = OutreachClient(TOKEN)
    for derived in (client.with_options(), client.with_options(timeout=3)):
        async with derived:
            await derived.prospects.get(1)
        assert not derived.closed
    assert (await client.prospects.get(1)).id == 1
    await client.close()
    assert derived.closed


async def test_with_options_against_the_fake_server(fake_outreach: FakeOutreach) -> None:
    async with fake_outreach.client() as client:
        derived = client.with_options(timeout=30, extra_headers={"X-App": "report"})
        page = await derived.prospects.list(page_size=3)
        assert len(page) == 3
        sequences = await derived.sequences.all_by_name(page_size=5)
        assert len(sequences) == fake_outreach.store.count("sequence")


async def test_a_plain_json_api_client_derives_the_same_way(mocked: RecordingMock) -> None:
    base = "https://jsonapi.example.com/api"
    mocked.get(f"{base}/people/7", payload={"data": {"type": "people", "id": "7"}}, repeat=True)
    async with JsonApiClient(base, auth=None) as api:
        derived = api.with_options(extra_headers={"X-Tenant": "t1"})
        assert type(derived) is JsonApiClient
        assert derived.dialect is api.dialect
        await derived.resource("people").get("7")
        await api.resource("people").get("7")
    first, second = mocked.calls()
    assert _headers(first)["X-Tenant"] == "t1"
    assert "X-Tenant" not in _headers(second)
    assert "Authorization" not in _headers(first)
    with pytest.raises(TypeError, match="RequestOptions"):
        api.session.with_options({"timeout": 3})  # type: ignore[arg-type]
