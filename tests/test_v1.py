"""The legacy v1 sequences endpoints: page numbers up to 50, prospects added 50 at a time."""

from __future__ import annotations

import json
from typing import Any

import pytest

from outreach_async import OutreachClient, TransportError, V1Sequences
from outreach_async.v1 import V1Batch

from .conftest import RecordingMock

V1 = "https://api.outreach.io/1.0/sequences"


def _page(ids: range, current: int, maximum: int, total: int) -> dict[str, Any]:
    return {
        "data": [
            {"id": str(n), "type": "sequence", "attributes": {"name": f"S{n:03}"}} for n in ids
        ],
        "meta": {
            "page": {"current": current, "entries": 2, "maximum": maximum},
            "results": {"total": total},
        },
        "links": {"next": f"{V1}?page[number]={current + 1}"},
    }


async def test_all_reads_numbered_pages_until_the_maximum(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    for number, ids in ((1, range(1, 3)), (2, range(3, 5)), (3, range(5, 6))):
        mocked.get(
            f"{V1}?page[number]={number}&page[size]=2",
            payload=_page(ids, number, 3, 5),
            content_type="application/json",
        )
    sequences = await V1Sequences(client).all(page_size=2)
    assert [(s.id, s.name) for s in sequences] == [(str(n), f"S{n:03}") for n in range(1, 6)]
    assert [url for _, url in mocked.sent] == [
        f"{V1}?page[number]={n}&page[size]=2" for n in (1, 2, 3)
    ]


async def test_a_page_carries_its_meta(mocked: RecordingMock, client: OutreachClient) -> None:
    mocked.get(
        f"{V1}?page[number]=2&page[size]=50",
        payload=_page(range(51, 53), 2, 2, 52),
        content_type="application/json",
    )
    page = await V1Sequences(client.session).page(2)
    assert (page.current, page.entries, page.maximum, page.total) == (2, 2, 2, 52)


async def test_an_empty_page_without_meta_ends_the_listing(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(
        f"{V1}?page[number]=1&page[size]=50", payload={"data": []}, content_type="application/json"
    )
    assert await V1Sequences(client).all() == []
    assert len(mocked.sent) == 1


@pytest.mark.parametrize("size", [0, 51])
async def test_page_sizes_above_fifty_are_refused(
    mocked: RecordingMock, client: OutreachClient, size: int
) -> None:
    with pytest.raises(ValueError, match="page_size: expected 1 to 50"):
        await V1Sequences(client).page(1, page_size=size)
    assert mocked.sent == []


async def test_add_prospects_patches_chunks_of_at_most_fifty(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    for batch_id in (1, 2, 3):
        mocked.patch(
            f"{V1}/7",
            payload={
                "data": {
                    "id": str(batch_id),
                    "type": "batch",
                    "attributes": {"created": "2017-01-01", "updated": "2017-01-01"},
                },
                "links": {"self": f"https://app.outreach.io/batches/{batch_id}"},
            },
            content_type="application/json",
        )
    batches = await V1Sequences(client).add_prospects(7, [*range(1, 121), 5])
    bodies = [json.loads(call.kwargs["data"]) for call in mocked.calls()]
    sizes = [len(body["data"]["relationships"]["prospects"]) for body in bodies]
    assert sizes == [50, 50, 20]
    assert bodies[0]["data"]["relationships"]["prospects"][0] == {"data": {"id": "1"}}
    assert batches[2] == V1Batch(
        id="3",
        prospect_ids=tuple(str(n) for n in range(101, 121)),
        created="2017-01-01",
        updated="2017-01-01",
        link="https://app.outreach.io/batches/3",
    )


async def test_add_prospects_checks_its_arguments(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    v1 = V1Sequences(client)
    with pytest.raises(ValueError, match="chunk_size"):
        await v1.add_prospects(7, [1], chunk_size=51)
    with pytest.raises(ValueError, match="at least one"):
        await v1.add_prospects(7, [])
    with pytest.raises(ValueError, match="sequence_id"):
        await v1.add_prospects("7/../8", [1])
    assert mocked.sent == []


async def test_a_response_without_a_batch_is_a_transport_error(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.patch(f"{V1}/7", payload={"data": None}, content_type="application/json")
    with pytest.raises(TransportError, match="expected a batch"):
        await V1Sequences(client).add_prospects(7, [1])


async def test_a_server_stuck_on_one_page_number_still_ends(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    for number in (1, 2, 3):
        mocked.get(
            f"{V1}?page[number]={number}&page[size]=2",
            payload=_page(range(1, 3), 1, 3, 6),  # always says "page 1 of 3"
            content_type="application/json",
        )
    pages = [page async for page in V1Sequences(client).pages(page_size=2)]
    assert len(pages) == 3 and len(mocked.sent) == 3
