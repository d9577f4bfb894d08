"""The partitioned reader yields every record exactly once, whatever the server does."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import random

import pytest

from outreach_async import OutreachClient, Query, RetryPolicy
from outreach_async.bulk import partition
from outreach_async.bulk.partition import PartitionedReader, RangeProgress

from ._mini_collection import MiniCollection, serve


def _skewed(count: int, seed: int = 1) -> list[int]:
    """90% of the ids in the lowest 5% of the id range."""
    rng = random.Random(seed)
    span = count * 20
    dense = rng.sample(range(1, span // 20), int(count * 0.9))
    sparse = rng.sample(range(span // 20, span), count - len(dense))
    return sorted(set(dense) | set(sparse))


async def _read(
    collection: MiniCollection, **kwargs: object
) -> tuple[list[int], PartitionedReader]:
    async with serve(collection) as url:
        async with OutreachClient("t", base_url=url, retry=RetryPolicy(base_delay=0.001)) as client:
            reader = PartitionedReader(client.session, "prospects", **kwargs)  # type: ignore[arg-type]
            ids = [int(item.id) async for item in reader]  # type: ignore[arg-type]
    return ids, reader


@pytest.mark.parametrize("concurrency", [1, 3, 8])
async def test_every_record_exactly_once(concurrency: int) -> None:
    ids = list(range(1, 1001))
    seen, reader = await _read(MiniCollection(ids), concurrency=concurrency, page_size=50)
    assert sorted(seen) == ids
    assert reader.stats.records == 1000
    assert reader.stats.dropped == 0


async def test_skewed_ids_are_split_so_all_workers_help() -> None:
    ids = _skewed(2000)
    seen, reader = await _read(MiniCollection(ids), concurrency=8, page_size=25)
    assert sorted(seen) == ids
    assert reader.stats.splits > 0
    ranges = reader.checkpoint()
    assert all(r.finished for r in ranges)
    assert ranges[0].low == ids[0] and ranges[-1].high == ids[-1]
    for before, after in itertools.pairwise(ranges):
        assert after.low == before.high + 1


async def test_an_ignored_upper_bound_is_dropped_and_counted() -> None:
    ids = list(range(1, 601))
    seen, reader = await _read(
        MiniCollection(ids, ignore_upper_bound=True), concurrency=4, page_size=40
    )
    assert sorted(seen) == ids
    assert len(seen) == len(set(seen))
    assert reader.stats.dropped > 0


async def test_unsorted_pages_still_give_every_record_once() -> None:
    ids = _skewed(800, seed=3)
    seen, _ = await _read(MiniCollection(ids, shuffle_pages=True), concurrency=5, page_size=30)
    assert sorted(seen) == ids
    assert len(seen) == len(set(seen))


async def test_ordered_mode_merges_by_id() -> None:
    ids = _skewed(900, seed=5)
    seen, _ = await _read(
        MiniCollection(ids, shuffle_pages=True), concurrency=6, page_size=20, ordered=True
    )
    assert seen == ids


async def test_a_502_halves_the_page_size_and_it_recovers() -> None:
    collection = MiniCollection(list(range(1, 2001)), bad_gateway_above=100)
    seen, reader = await _read(collection, concurrency=2, page_size=400)
    assert sorted(seen) == list(range(1, 2001))
    assert reader.stats.page_size_reductions >= 2
    assert 100 in collection.page_sizes
    assert max(collection.page_sizes) == 400


async def test_an_empty_collection_reads_nothing() -> None:
    seen, reader = await _read(MiniCollection([]), concurrency=4)
    assert seen == []
    assert reader.checkpoint() == []


async def test_resuming_from_a_checkpoint_reads_only_what_is_missing() -> None:
    ids = list(range(1, 501))
    collection = MiniCollection(ids)
    async with serve(collection) as url:
        async with OutreachClient("t", base_url=url) as client:
            reader = PartitionedReader(client.session, "prospects", concurrency=4, page_size=20)
            first: list[int] = []
            async for page in reader.pages():
                first.extend(int(item.id) for item in page.items)  # type: ignore[arg-type]
                reader.acknowledge(page)
                if len(first) >= 200:
                    break
            checkpoint = reader.checkpoint()
            resumed = PartitionedReader(
                client.session, "prospects", concurrency=3, page_size=20, resume_from=checkpoint
            )
            rest = [int(item.id) async for item in resumed]  # type: ignore[arg-type]
    assert sorted(first + rest) == ids
    assert len(first + rest) == len(ids)


async def test_unacknowledged_pages_are_read_again_after_resume() -> None:
    ids = list(range(1, 301))
    async with serve(MiniCollection(ids)) as url:
        async with OutreachClient("t", base_url=url) as client:
            reader = PartitionedReader(client.session, "prospects", concurrency=2, page_size=25)
            kept: list[int] = []
            async for page in reader.pages():
                if len(kept) < 100:
                    kept.extend(int(item.id) for item in page.items)  # type: ignore[arg-type]
                    reader.acknowledge(page)
                else:
                    break  # this page was fetched but never stored
            resumed = PartitionedReader(
                client.session, "prospects", concurrency=2, resume_from=reader.checkpoint()
            )
            rest = [int(item.id) async for item in resumed]  # type: ignore[arg-type]
    assert sorted(kept + rest) == ids


def _workers() -> list[asyncio.Task[object]]:
    return [
        task
        for task in asyncio.all_tasks()
        if "PartitionedReader._work" in getattr(task.get_coro(), "__qualname__", "")
    ]


async def test_cancelling_the_consumer_stops_every_worker() -> None:
    async with serve(MiniCollection(list(range(1, 5001)))) as url:
        async with OutreachClient("t", base_url=url) as client:
            reader = PartitionedReader(client.session, "prospects", concurrency=6, page_size=10)

            async def consume() -> None:
                async for _ in reader:
                    await asyncio.sleep(0)

            task = asyncio.create_task(consume())
            for _ in range(500):  # the bounds requests first, however busy the machine
                if len(_workers()) == 6:
                    break
                await asyncio.sleep(0.01)
            assert len(_workers()) == 6
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            for _ in range(20):  # the consumer's end cancels the workers on the next turns
                await asyncio.sleep(0)
            assert _workers() == []


async def test_heavy_pages_are_not_read_ahead_of_a_slow_consumer(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(partition, "VALUES_IN_HAND", 1)  # every page counts as heavy
    collection = MiniCollection(list(range(1, 2001)), with_attributes=True)
    async with serve(collection) as url:
        async with OutreachClient("t", base_url=url) as client:
            reader = PartitionedReader(client.session, "prospects", concurrency=8, page_size=10)
            async with contextlib.aclosing(reader.pages()) as pages:
                first = await anext(pages)
                for _ in range(50):  # the consumer dawdles over its first page
                    await asyncio.sleep(0.005)
                # Two bounds requests, then pages: one with the consumer, one in hand.
                assert collection.requests <= 2 + 3
                before = collection.requests
                for _ in range(50):
                    await asyncio.sleep(0.005)
                assert collection.requests == before  # nothing more while it dawdles
                assert first.items
                seen = [int(item.id) for item in first.items]  # type: ignore[arg-type]
                async for page in pages:
                    seen += [int(item.id) for item in page.items]  # type: ignore[arg-type]
    assert sorted(seen) == list(range(1, 2001))


async def test_light_pages_keep_every_worker_busy() -> None:
    collection = MiniCollection(list(range(1, 2001)), latency=0.02)
    async with serve(collection) as url:
        async with OutreachClient("t", base_url=url) as client:
            reader = PartitionedReader(client.session, "prospects", concurrency=8, page_size=10)
            async with contextlib.aclosing(reader.pages()) as pages:
                await anext(pages)
                for _ in range(40):
                    await asyncio.sleep(0.005)
                # Eight workers, each with pages queued ahead of a consumer that waits.
                assert collection.requests >= 2 + 8


def test_bad_arguments_are_refused() -> None:
    client = OutreachClient("t")
    with pytest.raises(ValueError, match="concurrency"):
        PartitionedReader(client.session, "prospects", concurrency=0)
    with pytest.raises(ValueError, match="page_size"):
        PartitionedReader(client.session, "prospects", page_size=5000)
    with pytest.raises(ValueError, match=r"filter\[id\]"):
        PartitionedReader(client.session, "prospects", Query(filter={"id": [1]}))


def test_range_progress_knows_when_it_is_finished() -> None:
    assert RangeProgress(1, 10, 10).finished
    assert not RangeProgress(1, 10, 9).finished
