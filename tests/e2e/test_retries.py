"""Retries against injected faults: reads recover, writes never happen twice."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Literal

import pytest

from outreach_async import (
    Event,
    OutreachClient,
    RequestStarted,
    RequestStats,
    RetryPolicy,
    RetryScheduled,
    ServerError,
    TransportError,
)
from outreach_async.testing import FakeOutreach, FaultSettings

from .conftest import Recorder, SharedClock, client_of

PATIENT = RetryPolicy(max_attempts=12)


def first_names(server: FakeOutreach) -> Counter[str]:
    records = server.store.records("prospect", server.store.ids("prospect"))
    return Counter(str(record.attributes.get("firstName")) for record in records)


@pytest.mark.parametrize("truncate_mode", ["connection", "json"])
async def test_reads_recover_from_5xx_drops_and_truncated_bodies(
    server: FakeOutreach, clock: SharedClock, truncate_mode: Literal["connection", "json"]
) -> None:
    stats = RequestStats()
    server.settings.faults = FaultSettings(
        error_rate=0.25, drop_rate=0.05, truncate_rate=0.1, truncate_mode=truncate_mode
    )
    async with client_of(server, clock, retry=PATIENT, hooks=[stats]) as client:
        single = [await client.prospects.get(number) for number in range(1, 31)]
        pages = [page async for page in client.resource("prospect").iterate(page_size=10).pages()]
    listed = [item for page in pages for item in page.items]
    assert [p.id for p in single] == list(range(1, 31))
    assert sorted(int(p.id) for p in listed) == server.store.ids("prospect")  # type: ignore[arg-type]
    faults = server.requests.by_fault
    injected = server.requests.by_status
    assert injected[500] and injected[502] and injected[503], "every 5xx kind was injected"
    assert faults["drop"] and faults["truncate"]
    assert stats.requests == server.requests.total, "no attempt unseen by the retry policy"
    # A 502 on a page is not retried as it was: the paginator asks for a smaller page.
    halved = [e for e in server.requests.entries if e.status == 502 and "page[size]" in e.path]
    assert halved and len(pages) > 10
    assert stats.retries + len(halved) == server.requests.total - len(single) - len(pages)


@pytest.mark.parametrize("retry_after_format", ["iso", "iso-naive", "seconds", "http-date"])
@pytest.mark.parametrize("write", [False, True], ids=["get", "create"])
async def test_maintenance_pauses_for_its_retry_after_then_succeeds(
    server: FakeOutreach,
    clock: SharedClock,
    recorder: Recorder,
    retry_after_format: Literal["iso", "iso-naive", "seconds", "http-date"],
    write: bool,
) -> None:
    faults = server.settings.faults
    faults.maintenance_retry_after = 120
    faults.maintenance_retry_after_format = retry_after_format

    def end_maintenance(event: Event) -> None:
        if isinstance(event, RetryScheduled):
            faults.maintenance_retry_after = None

    before = server.store.count("prospect")
    started = clock.now
    async with client_of(server, clock, hooks=[recorder, end_maintenance]) as client:
        if write:
            created = await client.resource("prospect").create({"firstName": "Patient"})
            assert created["firstName"] == "Patient"
        else:
            assert (await client.prospects.get(1)).id == 1
    [retry] = recorder.of(RetryScheduled)
    assert retry.paused and isinstance(retry.error, ServerError) and retry.error.status == 503
    # Seconds are exact; a time of day in whole seconds gets one more, for its lost fraction.
    assert 119 <= retry.delay <= (120 if retry_after_format == "seconds" else 121)
    assert clock.now - started >= retry.delay
    assert server.requests.by_status == {503: 1, 201 if write else 200: 1}
    assert server.store.count("prospect") == before + write


@pytest.mark.parametrize("after_handler", [False, True], ids=["lost-request", "lost-answer"])
@pytest.mark.parametrize("truncate_mode", ["connection", "json"])
async def test_a_create_is_never_performed_twice_under_faults(
    server: FakeOutreach,
    clock: SharedClock,
    after_handler: bool,
    truncate_mode: Literal["connection", "json"],
) -> None:
    server.settings.faults = FaultSettings(
        error_rate=0.2,
        drop_rate=0.15,
        drop_after_handler=after_handler,
        truncate_rate=0.15,
        truncate_mode=truncate_mode,
    )
    recorder = Recorder()
    markers = [f"Once{number}" for number in range(40)]
    async with client_of(server, clock, retry=PATIENT, hooks=[recorder]) as client:
        prospects = client.resource("prospect")
        outcomes = await asyncio.gather(
            *(prospects.create({"firstName": marker}) for marker in markers),
            return_exceptions=True,
        )
    stored = first_names(server)
    failed = 0
    for marker, outcome in zip(markers, outcomes, strict=True):
        assert stored[marker] <= 1, f"{marker} was created twice"
        if isinstance(outcome, BaseException):
            failed += 1
            assert isinstance(outcome, TransportError | ServerError), outcome
            assert outcome.maybe_applied, "a 5xx or a lost answer may follow a stored write"
        else:
            assert stored[marker] == 1 and outcome["firstName"] == marker
    assert failed, "some creates met a fault the client must not repeat"
    posts = [e for e in server.requests.entries if e.method == "POST"]
    assert len(recorder.of(RequestStarted)) == len(posts) == len(markers), "no POST repeated"
    assert server.requests.by_status[503], "a 503 other than maintenance is not repeated either"
    assert recorder.of(RetryScheduled) == []


async def test_a_dropped_kept_alive_connection_is_seen_by_the_retry_policy(
    client: OutreachClient, server: FakeOutreach, recorder: Recorder, stats: RequestStats
) -> None:
    """Regression: aiohttp resent a GET on a fresh connection, unseen by the policy."""
    faults = server.settings.faults

    def drop_until_retried(event: Event) -> None:
        if isinstance(event, RetryScheduled):
            faults.drop_rate = 0.0

    client.hooks.add(drop_until_retried)
    assert (await client.prospects.get(1)).id == 1  # the connection is now kept alive
    faults.drop_rate = 1.0
    assert (await client.prospects.get(2)).id == 2
    [retry] = recorder.of(RetryScheduled)
    assert isinstance(retry.error, TransportError) and not retry.paused
    assert stats.requests == server.requests.total == 3
    assert [e.status for e in server.requests.entries] == [200, 0, 200]


async def test_a_post_on_a_dropped_kept_alive_connection_is_sent_once(
    client: OutreachClient, server: FakeOutreach, stats: RequestStats
) -> None:
    await client.prospects.get(1)
    server.settings.faults.drop_rate = 1.0
    server.settings.faults.drop_after_handler = True
    before = server.store.count("prospect")
    with pytest.raises(TransportError):
        await client.resource("prospect").create({"firstName": "Dropped"})
    assert server.store.count("prospect") == before + 1
    assert [e.method for e in server.requests.entries] == ["GET", "POST"]
    assert stats.retries == 0
