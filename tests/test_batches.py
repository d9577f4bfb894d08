"""Waiting for a batch: polling with backoff, failed items, the time limit."""

from __future__ import annotations

from typing import Any

import pytest

from outreach_async import BatchTimeout, OutreachClient
from outreach_async.models import Batch

from .conftest import BASE, FakeClock, RecordingMock

JSONAPI = "application/vnd.api+json"
ITEMS = f"{BASE}/batchItems?filter[batchId]=9&filter[failed]=true&page[size]=1000"


def _batch(state: str, **attributes: Any) -> dict[str, Any]:
    return {"data": {"type": "batch", "id": 9, "attributes": {"state": state, **attributes}}}


def _item(item_id: int, data: str, info: str) -> dict[str, Any]:
    return {
        "type": "batchItem",
        "id": item_id,
        "attributes": {"batchId": 9, "failed": True, "state": "failed", "data": data, "info": info},
    }


async def test_wait_polls_with_backoff_and_reads_failed_items(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    for state in ("pending", "running", "running"):
        mocked.get(f"{BASE}/batches/9", payload=_batch(state), content_type=JSONAPI)
    mocked.get(
        f"{BASE}/batches/9",
        payload=_batch("finished", finishedAt="2024-01-01T00:00:00Z", failures=2, total=5),
        content_type=JSONAPI,
    )
    mocked.get(
        ITEMS,
        payload={
            "data": [
                _item(1, "17", "Prospect 17 is already in sequence 3."),
                _item(2, '{"id": 18}', "Could not find 'prospect' with ID '18'."),
            ]
        },
        content_type=JSONAPI,
    )
    result = await client.batches.wait(Batch(id=9), first_delay=0.5, max_delay=1.5)
    assert clock.sleeps == [0.5, 1.0, 1.5]
    assert result.batch.state == "finished" and result.batch.total == 5
    assert [(f.record_id, f.info) for f in result.failures] == [
        (17, "Prospect 17 is already in sequence 3."),
        (18, "Could not find 'prospect' with ID '18'."),
    ]
    assert not result.ok and not result.canceled
    assert mocked.sent[-1] == ("GET", ITEMS)


async def test_a_batch_without_failures_needs_no_item_request(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    mocked.get(f"{BASE}/batches/9", payload=_batch("finished", failures=0), content_type=JSONAPI)
    result = await client.batches.wait(9)
    assert result.ok and result.failures == []
    assert mocked.sent == [("GET", f"{BASE}/batches/9")]
    assert clock.sleeps == []


async def test_a_canceled_batch_is_finished_but_not_ok(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(
        f"{BASE}/batches/9",
        payload=_batch("canceled", canceledAt="2024-01-01T00:00:00Z", failures=0),
        content_type=JSONAPI,
    )
    result = await client.batches.wait(9)
    assert result.canceled and not result.ok


async def test_wait_gives_up_after_the_timeout_with_the_last_state(
    mocked: RecordingMock, client: OutreachClient, clock: FakeClock
) -> None:
    mocked.get(f"{BASE}/batches/9", payload=_batch("pending"), content_type=JSONAPI, repeat=True)
    with pytest.raises(BatchTimeout, match="still 'pending' after 10s") as raised:
        await client.batches.wait(9, timeout=10, first_delay=1, max_delay=4)
    assert clock.sleeps == [1, 2, 4, 3]
    assert isinstance(raised.value.batch, Batch) and raised.value.batch.state == "pending"


async def test_failures_decode_the_item_data_and_find_the_record_in_it(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(f"{BASE}/batches/9", payload=_batch("finished", failures=4), content_type=JSONAPI)
    mocked.get(
        ITEMS,
        payload={
            "data": [
                _item(1, '{"prospectId": 17, "sequenceId": 3, "mailboxId": 2}', "in sequence"),
                _item(2, '{"sequenceId": 3, "accountId": "21"}', "no account"),
                _item(3, '{"sequenceId": 3}', "no record"),
                _item(4, "not json", "odd"),
            ]
        },
        content_type=JSONAPI,
    )
    result = await client.batches.wait(9)
    assert [(f.record_id, f.data) for f in result.failures] == [
        (17, {"prospectId": 17, "sequenceId": 3, "mailboxId": 2}),
        (21, {"sequenceId": 3, "accountId": "21"}),
        (None, {"sequenceId": 3}),
        ("not json", "not json"),
    ]
