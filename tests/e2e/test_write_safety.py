"""Writes under gateway faults that come after the write was stored, and server-requested waits.

The fake server stores each write, then (at the rates set) a gateway answers 503, 502 or 500
in plain text or HTML, or the connection drops: the answer is lost, the record is not. The
client must never create a record twice and must say truthfully what happened to each.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Literal

import pytest
from aiohttp import web

from outreach_async import (
    OutreachClient,
    PaginationError,
    RequestStats,
    Resource,
    RetryPolicy,
    ServerError,
    TransportError,
)
from outreach_async.testing import FakeOutreach, FaultSettings, RateLimitSettings

from .conftest import SharedClock, client_of, fake_server

if TYPE_CHECKING:  # typing only: older aiohttp releases lack this name
    from aiohttp.typedefs import Handler

#: 20% of writes lose their answer after they were stored, 5% each way.
AFTER_WRITE = dict(
    after_write_503_rate=0.05,
    after_write_502_rate=0.05,
    after_write_500_rate=0.05,
    after_write_drop_rate=0.05,
)
ROOMY = RateLimitSettings(limit=1_000_000)
COUNT = 500
ONE_ATTEMPT = RetryPolicy(max_attempts=1)


def stored_emails(server: FakeOutreach) -> Counter[str]:
    records = server.store.records("prospect", server.store.ids("prospect"))
    return Counter(email for record in records for email in record.attributes.get("emails") or [])


@pytest.mark.fake_outreach(rate_limit=ROOMY)
@pytest.mark.parametrize("gateway_body", ["text", "html"])
@pytest.mark.parametrize("lookup", [False, True], ids=["plain", "lookup"])
async def test_creates_under_after_write_faults_are_never_duplicated_and_reported_truly(
    server: FakeOutreach,
    clock: SharedClock,
    lookup: bool,
    gateway_body: Literal["text", "html"],
) -> None:
    server.settings.faults = FaultSettings(gateway_body=gateway_body, **AFTER_WRITE)
    emails = [f"once{number}@write-safety.example" for number in range(COUNT)]

    async def create(client: OutreachClient, email: str) -> Resource:
        attributes = {"emails": [email], "firstName": "Once"}
        manager = client.resource("prospect")
        if lookup:
            return await manager.create(attributes, lookup={"emails": email})
        return await manager.create(attributes)

    async with client_of(server, clock) as client:
        outcomes = await asyncio.gather(
            *(create(client, email) for email in emails), return_exceptions=True
        )
    stored = stored_emails(server)
    report: Counter[str] = Counter()
    for email, outcome in zip(emails, outcomes, strict=True):
        assert stored[email] <= 1, f"{email} was created twice"
        if not isinstance(outcome, BaseException):
            report["created"] += 1
            assert stored[email] == 1 and outcome["emails"] == [email]
        elif isinstance(outcome, ServerError | TransportError) and outcome.maybe_applied:
            report["maybe applied"] += 1
            assert "the server may have created it; look it up before retrying" in str(outcome)
        else:
            report["failed"] += 1
            assert stored[email] == 0, f"{email} was reported failed but exists: {outcome}"
    lost = server.requests.by_fault
    assert lost["gateway_after_write"] + lost["drop_after_write"] >= COUNT * 0.15
    if lookup:
        assert report == {"created": COUNT}, "each lost answer was looked up and found"
        assert sum(stored[email] for email in emails) == COUNT
    else:
        assert report["maybe applied"] >= COUNT * 0.15 and report["failed"] == 0
        assert len(server.requests.paths("POST")) == COUNT, "no create was sent twice"


@pytest.mark.fake_outreach(rate_limit=ROOMY, prospects=COUNT + 100)
async def test_add_prospects_under_after_write_faults_reports_each_prospect_truly(
    server: FakeOutreach, clock: SharedClock
) -> None:
    server.settings.faults = FaultSettings(**AFTER_WRITE)
    sequence_id, mailbox_id = server.store.ids("sequence")[0], server.store.ids("mailbox")[0]
    fresh = [
        prospect_id
        for prospect_id in server.store.ids("prospect")
        if server.store.sequence_state_for(prospect_id, sequence_id) is None
    ][:COUNT]
    assert len(fresh) == COUNT
    async with client_of(server, clock) as client:
        result = await client.sequence_states.add_prospects(
            sequence_id, fresh, mailbox=mailbox_id, concurrency=8
        )
    states = server.store.records("sequenceState", server.store.ids("sequenceState"))
    in_sequence = Counter(
        state.to_one("prospect")[1]  # type: ignore[index]
        for state in states
        if state.to_one("sequence") == ("sequence", sequence_id)
    )
    assert all(in_sequence[prospect_id] == 1 for prospect_id in fresh), "none added twice"
    assert list(result.added) == fresh, "every prospect that is in the sequence is reported added"
    assert result.ok
    for prospect_id, state in result.added.items():
        assert state.id == server.store.sequence_state_for(prospect_id, sequence_id)
    assert server.requests.by_fault["gateway_after_write"] >= COUNT * 0.1


async def test_a_429_whose_retry_after_is_already_past_is_waited_out(clock: SharedClock) -> None:
    """The ISO form drops the fraction and may name a time already gone: wait for the reset."""
    server = fake_server(clock, rate_limit=RateLimitSettings(limit=5, window=60))

    async def retry_after_in_the_past(request: web.Request, response: web.StreamResponse) -> None:
        if response.status == 429:
            past = datetime.fromtimestamp(clock.now - 5, tz=timezone.utc)
            response.headers["Retry-After"] = past.strftime("%Y-%m-%dT%H:%M:%SZ")

    server.app.on_response_prepare.append(retry_after_in_the_past)
    stats = RequestStats()
    async with server, client_of(server, clock, hooks=[stats], retry=ONE_ATTEMPT) as client:
        await client.prospects.get(1)
        server.settings.rate_limit.limit = 1  # someone else spent the budget
        started = clock.now
        prospect = await client.prospects.get(2)
    assert prospect.id == 2, "waited out, not RateLimited, although max_attempts is 1"
    window_end = (started // 60 + 1) * 60
    assert window_end <= clock.now <= window_end + 2, "until X-RateLimit-Reset, and a second"
    assert stats.rate_limited == 1 and server.requests.by_status[429] == 1


@pytest.mark.fake_outreach(rate_limit=ROOMY, prospects=3000)
@pytest.mark.parametrize("typed", [False, True], ids=["generic", "typed"])
async def test_iterate_with_big_pages_survives_502s_on_them(
    server: FakeOutreach, clock: SharedClock, typed: bool
) -> None:
    server.settings.faults.bad_gateway_above_page_size = 300
    async with client_of(server, clock) as client:
        if typed:
            ids = [p.id async for p in client.prospects.iterate(page_size=1000)]
        else:
            ids = [p.id async for p in client.resource("prospect").iterate(page_size=1000)]
    assert sorted(ids) == server.store.ids("prospect")  # type: ignore[type-var]
    sizes = [
        int(path.split("page[size]=")[1].split("&")[0])
        for path in server.requests.paths("GET")
        if "page[size]=" in path
    ]
    assert sizes[:3] == [1000, 500, 250], "halved at each 502"
    assert max(sizes[3:]) <= 500, "it grows back, and halves again at the next 502"
    assert server.requests.by_status[502] >= 2


@web.middleware
async def next_points_back(request: web.Request, handler: Handler) -> web.StreamResponse:
    """From the second page on, `links.next` leads back to the second page."""
    response = await handler(request)
    if "page[after]" in request.query and isinstance(response, web.Response):
        assert isinstance(response.body, bytes)
        document = json.loads(response.body)
        document["links"]["next"] = str(request.url)
        response.body = json.dumps(document).encode()
    return response


@pytest.mark.fake_outreach(middlewares=[next_points_back])
async def test_a_links_next_that_repeats_raises_pagination_error(
    client: OutreachClient, server: FakeOutreach
) -> None:
    read = 0
    with pytest.raises(PaginationError, match="pagination loop"):
        async for _ in client.resource("prospect").iterate(page_size=10):
            read += 1
    assert read == 20, "two pages read, then the link back to the second one refused"
    assert len(server.requests.paths("GET")) == 2
