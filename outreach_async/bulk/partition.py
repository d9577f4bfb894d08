"""Reading one big collection concurrently by splitting its id space.

Cursor paging is sequential, so the reader finds the lowest and highest id, gives each
worker an id range (`filter[id]=a..b`, sorted by id) and lets it follow its own cursor. A
worker that finishes splits the largest remaining range at the midpoint of what is left
(work stealing), so skewed ids still keep every worker busy.

Exactly once, whatever the server does: a worker keeps only records inside its range (the
API has been seen to ignore an upper bound) and above what it already read, and counts what
it drops. Splitting never moves a record that was already read: the split point lies above
the victim's position. A 502 halves the page size for that worker (big pages of heavy types
fail at proxies); the size grows back after a run of good pages.

`checkpoint()` describes what the consumer has acknowledged, range by range, so an export
can stop at any moment and `resume_from` a checkpoint without gaps or duplicates.

Memory stays flat however heavy the records: a page is "in hand" from its request until the
consumer asks for the next page, and the pages in hand are capped by their weight (values
decoded), between 2 and `concurrency`. Light pages keep every worker busy; pages of 1,000
full prospects (a quarter of a million values each, some 20 MB decoded) are read two at a
time: the next page travels and is served while the consumer writes the last one.

For progress displays, the first request asks the server for `meta.count` (`total`); where
the server throttles or truncates the count, `estimated_remaining()` extrapolates from the
density of records each range has shown so far.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncGenerator, AsyncIterator, Iterable
from typing import Any

import attrs

from .._dialect import MAX_PAGE_SIZE, OUTREACH
from .._repr import Raw, compact_repr
from ..errors import TransportError
from ..http._urls import resolve_link
from ..http.retry import RetryPolicy
from ..http.session import Session
from ..jsonapi.document import Document, Resource, parse_document, relationship_entries
from ..jsonapi.pagination import PageSize, request_page
from ..jsonapi.query import Query, between

__all__ = ["PartitionPage", "PartitionStats", "PartitionedReader", "RangeProgress"]

logger = logging.getLogger("outreach_async.bulk.partition")

#: Decoded values (attributes and relationships of the records) in hand at most, when the
#: pages are heavy: about 60 MB of Python objects.
VALUES_IN_HAND = 600_000


class _PagesInHand:
    """Counts pages requested and not yet consumed; `acquire` waits while `limit` are."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self._held = 0
        self._waiters: list[asyncio.Future[None]] = []

    async def acquire(self) -> None:
        while self._held >= self.limit:
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            try:
                await waiter
            finally:
                if waiter in self._waiters:
                    self._waiters.remove(waiter)
        self._held += 1

    def release(self) -> None:
        self._held -= 1
        self._wake()

    def resize(self, limit: int) -> None:
        self.limit = limit
        self._wake()

    def _wake(self) -> None:
        for waiter in self._waiters:
            if not waiter.done():
                waiter.set_result(None)
        self._waiters.clear()


@attrs.frozen
class RangeProgress:
    """One range of ids and how far the consumer has acknowledged it (for checkpoints)."""

    low: int
    high: int
    #: Every record of the range with an id up to here has been acknowledged.
    acknowledged: int

    @property
    def finished(self) -> bool:
        """True when every record of the range has been acknowledged."""
        return self.acknowledged >= self.high


@attrs.define(eq=False)
class _Range:
    low: int
    high: int
    #: Highest id fetched by the worker (records at or below it are never fetched again).
    position: int
    acknowledged: int
    reading: bool = False
    finished: bool = False
    #: Ids this worker has moved past, and records it found among them: the range's density.
    covered: int = 0
    found: int = 0

    @property
    def remaining(self) -> int:
        return 0 if self.finished else max(0, self.high - self.position)

    def density(self, fallback: float) -> float:
        """Records per id seen so far (the fallback until a page has come back)."""
        return self.found / self.covered if self.covered else fallback


@attrs.frozen(eq=False)
class PartitionPage:
    """Records of one page that belong to their range, with the document they came in."""

    items: list[Resource]
    document: Document
    _range: _Range = attrs.field(repr=False, alias="range")
    #: The highest id of the range this page covers.
    position: int

    @property
    def low(self) -> int:
        """The lowest id of the range this page covers."""
        return self._range.low

    def __repr__(self) -> str:
        items = Raw(f"<{len(self.items)}>")
        fields = [("items", items), ("low", self.low), ("position", self.position)]
        return compact_repr("PartitionPage", fields)


@attrs.define
class PartitionStats:
    """What the reader did, for progress bars and summaries."""

    requests: int = 0
    pages: int = 0
    records: int = 0
    #: Records the server sent outside the requested range (or twice), dropped.
    dropped: int = 0
    #: Records fetched by a worker after another took that part of its range over.
    handed_over: int = 0
    splits: int = 0
    page_size_reductions: int = 0


_DONE = object()


class PartitionedReader:
    """All records of a collection, read by `concurrency` workers over id ranges."""

    def __init__(
        self,
        session: Session,
        path: str,
        query: Query | None = None,
        *,
        concurrency: int = 8,
        page_size: int = MAX_PAGE_SIZE,
        ordered: bool = False,
        resume_from: Iterable[RangeProgress] | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        if concurrency < 1:
            raise ValueError(f"concurrency: expected at least 1, got {concurrency}")
        if not 1 <= page_size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size: must be between 1 and {MAX_PAGE_SIZE}, got {page_size}")
        query = query or Query()
        if "id" in query.filter:
            raise ValueError("filter[id]: the partitioned reader sets id ranges itself")
        self._session = session
        self._path = path
        self._query = query.replace(sort=None, page_size=None)
        self._concurrency = concurrency
        self._page_size = page_size
        self._ordered = ordered
        self._retry = retry or session.retry
        self._ranges: list[_Range] | None = None
        if resume_from is not None:
            self._ranges = [
                _Range(r.low, r.high, r.acknowledged, r.acknowledged)
                for r in resume_from
                if not r.finished
            ]
        self.stats = PartitionStats()
        self._in_hand: _PagesInHand | None = None
        self._count: int | None = None

    def __repr__(self) -> str:
        fields: list[tuple[str, Any]] = [("path", self._path), ("concurrency", self._concurrency)]
        if self._ranges is not None:
            fields.append(("ranges", len(self._ranges)))
        fields.append(("records", self.stats.records))
        return compact_repr("PartitionedReader", fields)

    @property
    def total(self) -> int | None:
        """The matching records by the server's `meta.count`; None when it gave no exact one.

        Known once the id bounds are read (not when resuming). Outreach answers `count: 0`
        with `count_truncated` under load, and truncates counts over its cap: both are None.
        """
        return self._count

    def estimated_remaining(self) -> int | None:
        """Records not read yet, from each range's density so far; None before any page."""
        ranges = self._all()
        if not any(r.covered for r in ranges):
            return None
        fallback = self._overall_density()
        return round(sum(r.remaining * r.density(fallback) for r in ranges))

    @property
    def planned(self) -> bool:
        """True once the id ranges are known: from `resume_from`, or after the first bounds."""
        return self._ranges is not None

    def checkpoint(self) -> list[RangeProgress]:
        """Every range with how far the consumer has acknowledged it.

        Before the ranges are planned there is nothing to describe, and an empty list would
        read as "all done", so this raises instead; check `planned` first.
        """
        if self._ranges is None:
            raise RuntimeError("no checkpoint yet: the id ranges are not planned")
        return [RangeProgress(r.low, r.high, r.acknowledged) for r in sorted(self._all(), key=_low)]

    def acknowledge(self, page: PartitionPage) -> None:
        """The consumer has stored `page`; checkpoints may now count it as done."""
        page._range.acknowledged = max(page._range.acknowledged, page.position)

    def __aiter__(self) -> AsyncIterator[Resource]:
        return self.items()

    async def items(self) -> AsyncIterator[Resource]:
        """Every record; pages are acknowledged as the iteration moves past them."""
        async with contextlib.aclosing(self.pages()) as pages:
            async for page in pages:
                for item in page.items:
                    yield item
                self.acknowledge(page)

    async def pages(self) -> AsyncGenerator[PartitionPage, None]:
        """Pages as they arrive (or in id order when `ordered`)."""
        if self._ranges is None:
            self._ranges = await self._initial_ranges()
        if not self._ranges:
            return
        if self._ordered:
            self._in_hand = None  # a page of every range may be needed before the next
            async with contextlib.aclosing(self._ordered_pages()) as ordered:
                async for page in ordered:
                    yield page
            return
        queue: asyncio.Queue[Any] = asyncio.Queue()
        #: Two at first: the first page tells how heavy pages are.
        self._in_hand = in_hand = _PagesInHand(min(2, self._concurrency))
        async with self._workers(queue.put):
            running = self._concurrency
            while running:
                entry = await queue.get()
                if entry is _DONE:
                    running -= 1
                elif isinstance(entry, BaseException):
                    raise entry
                else:
                    yield entry
                    del entry
                    in_hand.release()

    async def _ordered_pages(self) -> AsyncGenerator[PartitionPage, None]:
        """Pages in id order: each range's pages wait in its own small buffer."""
        buffers: dict[int, asyncio.Queue[Any]] = {}
        errors: asyncio.Queue[BaseException] = asyncio.Queue()
        changed = asyncio.Event()

        def buffer(rng: _Range) -> asyncio.Queue[Any]:
            if id(rng) not in buffers:
                buffers[id(rng)] = asyncio.Queue(maxsize=2)
                changed.set()
            return buffers[id(rng)]

        async def emit(entry: Any) -> None:
            if isinstance(entry, BaseException):
                errors.put_nowait(entry)
                changed.set()
            elif isinstance(entry, PartitionPage):
                await buffer(entry._range).put(entry)
                changed.set()
            else:
                changed.set()

        async with self._workers(emit, on_range_end=lambda rng: buffer(rng).put(_DONE)):
            for rng in self._ordered_ranges():
                while True:
                    if not errors.empty():
                        raise errors.get_nowait()
                    queue = buffers.get(id(rng))
                    if queue is None or queue.empty():
                        changed.clear()
                        await changed.wait()
                        continue
                    entry = queue.get_nowait()
                    changed.set()
                    if entry is _DONE:
                        break
                    yield entry

    def _ordered_ranges(self) -> Iterable[_Range]:
        """Ranges by their low id, including those split off while iterating."""
        done: set[int] = set()
        while True:
            pending = [r for r in self._all() if id(r) not in done]
            if not pending:
                return
            nxt = min(pending, key=_low)
            done.add(id(nxt))
            yield nxt

    @contextlib.asynccontextmanager
    async def _workers(self, emit: Any, on_range_end: Any = None) -> AsyncIterator[None]:
        """Run the workers while the consumer reads; they never outlive the consuming task.

        An async generator abandoned by a cancelled or failed consumer is closed only when
        it is collected, so the consuming task's own end also cancels the workers.
        """
        tasks = [
            asyncio.ensure_future(self._work(emit, on_range_end)) for _ in range(self._concurrency)
        ]

        def stop(_: object = None) -> None:
            for task in tasks:
                task.cancel()

        consumer = asyncio.current_task()
        if consumer is not None:
            consumer.add_done_callback(stop)
        try:
            yield
        finally:
            if consumer is not None:
                consumer.remove_done_callback(stop)
            stop()
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _work(self, emit: Any, on_range_end: Any) -> None:
        try:
            while (rng := self._claim()) is not None:
                await self._read(rng, emit)
                if on_range_end is not None:
                    await on_range_end(rng)
        except asyncio.CancelledError:
            raise
        except Exception as exc:  # handed to the consumer, which re-raises it
            await emit(exc)
            return
        await emit(_DONE)

    def _all(self) -> list[_Range]:
        return self._ranges or []

    def _claim(self) -> _Range | None:
        """An unread range, or a new one split off the range with the most records left.

        A range is split only when it holds at least two more pages by its density so far,
        and never inside the page its worker is fetching, so stealing does not cost more
        requests than it saves.
        """
        for rng in self._all():
            if not rng.reading and not rng.finished:
                rng.reading = True
                return rng
        fallback = self._overall_density()
        best: tuple[float, _Range] | None = None
        for rng in self._all():
            if not rng.reading or rng.finished:
                continue
            density = max(rng.density(fallback), 1e-9)
            left = rng.remaining * density
            if left >= 2 * self._page_size and (best is None or left > best[0]):
                best = (left, rng)
        if best is None:
            return None
        left, victim = best
        density = max(victim.density(fallback), 1e-9)
        in_flight = int(self._page_size / density)
        middle = victim.position + max(victim.remaining // 2, in_flight)
        if middle >= victim.high:
            return None
        stolen = _Range(middle + 1, victim.high, middle, middle, reading=True)
        victim.high = middle
        assert self._ranges is not None
        self._ranges.append(stolen)
        self.stats.splits += 1
        logger.debug("split ids %d..%d off %d..%d", stolen.low, stolen.high, victim.low, middle)
        return stolen

    def _overall_density(self) -> float:
        covered = sum(r.covered for r in self._all())
        found = sum(r.found for r in self._all())
        return found / covered if covered else 1.0

    async def _read(self, rng: _Range, emit: Any) -> None:
        size = PageSize(self._page_size)
        target: str = self._path
        query = self._range_query(rng, self._page_size)
        requested_high = rng.high
        while rng.position < rng.high:
            in_hand = self._in_hand
            if in_hand is not None:
                await in_hand.acquire()
            emitted = False
            try:
                reductions = size.reductions
                response, target, query = await request_page(
                    self._session, target, query, size, self._retry
                )
                if size.reductions > reductions:
                    self.stats.page_size_reductions += size.reductions - reductions
                    logger.debug("502 on a big page; page size now %d", size.current)
                self.stats.requests += 1
                url, payload = response.url, response.json()
                del response  # nothing of it is kept while the consumer is waited for
                document = parse_document(payload, where=f"GET {url}")
                del payload
                if in_hand is not None:
                    in_hand.resize(self._pages_in_hand(document, in_hand.limit))
                kept = self._keep_in_range(rng, document, requested_high)
                next_url = document.links.next if document.resources else None
                if next_url is not None:
                    next_url = resolve_link(url, next_url)
                last = next_url is None or rng.position >= rng.high
                if last:
                    rng.position = rng.high
                if kept or last:
                    self.stats.pages += 1
                    emitted = True
                    await emit(PartitionPage(kept, document, rng, rng.position))
                del document, kept
            finally:
                if in_hand is not None and not emitted:
                    in_hand.release()
            if last or next_url is None:
                break
            size.page_read()
            target, query = next_url, ""
        rng.finished = True

    def _pages_in_hand(self, document: Document, current: int) -> int:
        """How many full pages of records like this page's may be in hand at once.

        Weighed by the page size asked for, not the records that came: a short page at the
        end of a range says nothing about the full pages other workers will get.
        """
        resources = document.resources
        if not resources:
            return current
        first = resources[0]
        per_record = 1 + len(first.attributes) + len(relationship_entries(first))
        return max(2, min(self._concurrency, VALUES_IN_HAND // (per_record * self._page_size)))

    def _keep_in_range(
        self, rng: _Range, document: Document, requested_high: int
    ) -> list[Resource]:
        """Records inside the range and above what was read; the rest are counted and dropped."""
        kept: list[Resource] = []
        highest = rng.position
        for resource in document.resources:
            resource_id = _int_id(resource)
            highest = max(highest, resource_id)
            if rng.position < resource_id <= rng.high:
                kept.append(resource)
            elif rng.high < resource_id <= requested_high:
                self.stats.handed_over += 1
            else:
                self.stats.dropped += 1
        self.stats.records += len(kept)
        new_position = min(highest, rng.high)
        rng.covered += new_position - rng.position
        rng.found += len(kept)
        rng.position = new_position
        if self._ordered:
            kept.sort(key=_int_id)
        return kept

    def _range_query(self, rng: _Range, page_size: int) -> str:
        narrowed = self._query.replace(
            filter={**self._query.filter, "id": between(rng.position + 1, rng.high)},
            sort=["id"],
            page_size=page_size,
        )
        return narrowed.encode(dialect=OUTREACH)

    async def _initial_ranges(self) -> list[_Range]:
        bounds = await self._id_bounds()
        if bounds is None:
            return []
        low, high = bounds
        width = max(1, -(-(high - low + 1) // self._concurrency))
        ranges = []
        for start in range(low, high + 1, width):
            end = min(high, start + width - 1)
            ranges.append(_Range(start, end, start - 1, start - 1))
        return ranges

    async def _id_bounds(self) -> tuple[int, int] | None:
        """The lowest and highest id matching the caller's filters."""
        lowest, highest = await asyncio.gather(self._first_id("id"), self._first_id("-id"))
        if lowest is None or highest is None:
            return None
        return min(lowest, highest), max(lowest, highest)

    async def _first_id(self, sort: str) -> int | None:
        """The first id in `sort` order; the lowest id's request also asks for the count."""
        counted = sort == "id"
        query = self._query.replace(sort=[sort], page_size=1, include=(), count=counted or None)
        response = await self._session.request(
            "GET", self._path, query=query.encode(dialect=OUTREACH)
        )
        self.stats.requests += 1
        document = parse_document(response.json(), where=f"GET {response.url}")
        if counted:
            self._count = _exact_count(document)
        return _int_id(document.resources[0]) if document.resources else None


def _exact_count(document: Document) -> int | None:
    """The dialect's `meta.count`, unless truncated or throttled (0 beside records)."""
    count = OUTREACH.page_total(document.meta)
    if count is None or count < 0 or document.meta.get("count_truncated"):
        return None
    return None if count == 0 and document.resources else count


def _low(rng: _Range) -> int:
    return rng.low


def _int_id(resource: Resource) -> int:
    try:
        return int(resource.id)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise TransportError(
            f"partitioned reading needs integer ids; got {resource.type} id {resource.id!r}"
        ) from None
