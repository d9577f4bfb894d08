"""Reading a collection page by page: by links, by page number, or by offset.

A `Paginator` is awaitable (the first page) and async-iterable (every item); `pages()`
iterates whole pages. The default mode follows `links.next` until the server stops sending
one, also when an empty page comes without any `links`; it suits cursors and any server
that links its pages. A relative link resolves against the page it came in; links to
another origin are refused by the session before anything is sent.

Page-number (`page[number]`) and offset (`page[offset]`) paging allow random access: once
the end is known (`links.last`, a total in `meta`, or the dialect's deepest offset) the
remaining pages can be fetched `concurrency` at a time, every request under the session's
limiter, and yielded in order (default) or as they arrive. The pages are checked as they
come: a page that repeats another, or holds fewer items than its place allows, raises
`PaginationError`, since the collection changed under the read or the server ignored a
paging parameter.

A 502 halves the page size of a sequential read (big pages of heavy types fail at proxies:
`PageSize`), which grows back after a run of good pages; concurrent pages keep their size,
so that each one's place in the collection stays fixed. A `links.next` already followed, or
a page that starts with the same record as the one before, raises `PaginationError` too.
"""

from __future__ import annotations

import asyncio
import copy
import math
import re
from collections.abc import AsyncIterator, Generator, Iterator
from typing import Any, Literal
from urllib.parse import parse_qsl, urlsplit

import attrs

from ..errors import PaginationError, PaginationLimitError, ServerError, TransportError
from ..http._urls import resolve_link
from ..http.options import Headers, RequestOptions, Timeout
from ..http.retry import RetryPolicy
from ..http.session import Response, Session
from .dialect import JSONAPI, Dialect
from .document import Document, Links, Resource, parse_document
from .query import Query

__all__ = [
    "DEFAULT_PAGE_SIZE",
    "Mode",
    "Page",
    "PageSize",
    "Paginator",
    "fetch_page",
    "request_page",
    "with_page_size",
]

DEFAULT_PAGE_SIZE = 100
#: `cursor` follows `links.next`; `number` and `offset` compute each page's parameters.
Mode = Literal["cursor", "offset", "number"]
#: Good pages in a row before a reduced page size doubles again.
RECOVER_AFTER = 4
_PAGE_SIZE_IN_URL = re.compile(r"(page(?:\[|%5B)(?:size|limit)(?:\]|%5D)=)(\d+)", re.IGNORECASE)


@attrs.define
class PageSize:
    """The page size to ask for: halved after a 502, doubled back after good pages."""

    wanted: int
    current: int = attrs.field()
    good_pages: int = 0
    #: How often a 502 halved it.
    reductions: int = 0

    @current.default
    def _start_at_wanted(self) -> int:
        return self.wanted

    def halve(self) -> bool:
        """Take a 502 as "too big"; False when the size cannot shrink any further."""
        if self.current <= 1:
            return False
        self.current = max(1, self.current // 2)
        self.good_pages = 0
        self.reductions += 1
        return True

    def page_read(self) -> None:
        """A page came back; after `RECOVER_AFTER` in a row the size doubles, up to `wanted`."""
        self.good_pages += 1
        if self.current < self.wanted and self.good_pages >= RECOVER_AFTER:
            self.current = min(self.wanted, self.current * 2)
            self.good_pages = 0


def with_page_size(target: str, query: str, size: int) -> tuple[str, str]:
    """The same request with another `page[size]` (or `page[limit]`), wherever it sits."""
    replacement = rf"\g<1>{size}"
    return _PAGE_SIZE_IN_URL.sub(replacement, target), _PAGE_SIZE_IN_URL.sub(replacement, query)


async def request_page(
    session: Session,
    target: str,
    query: str,
    size: PageSize,
    retry: RetryPolicy | None = None,
) -> tuple[Response, str, str]:
    """GET a page, asking again with half the page size after each 502.

    Returns the response and the target and query it was fetched with. The 502s come back
    here rather than being retried at the same size by the session; at page size 1 the
    session's full policy applies again.
    """
    policy = retry or session.retry
    smaller = attrs.evolve(policy, statuses=policy.statuses - {502})
    target, query = with_page_size(target, query, size.current)
    while True:
        try:
            response = await session.request(
                "GET", target, query=query, retry=smaller if size.current > 1 else policy
            )
        except ServerError as exc:
            if exc.status != 502 or not size.halve():
                raise
            target, query = with_page_size(target, query, size.current)
            continue
        return response, target, query


@attrs.frozen
class Page:
    """One page of a collection with the document it came in.

    `total` is the collection's size where the server reports it; the dialect knows where
    (Outreach: `meta.count` when asked with `count=True`).
    """

    document: Document
    url: str
    total: int | None = None

    @property
    def items(self) -> list[Resource]:
        """The page's resources, in the server's order."""
        return self.document.resources

    @property
    def links(self) -> Links:
        """The page's `links` (`next`, `prev`, `first`, ...)."""
        return self.document.links

    @property
    def meta(self) -> dict[str, Any]:
        """The document's top-level `meta` (`count` when asked for, ...)."""
        return self.document.meta

    @property
    def next_url(self) -> str | None:
        """The URL of the next page, None on the last page."""
        return self.document.links.next if self.document.resources else None

    @property
    def count(self) -> int | None:
        """The same as `total` (Outreach's name for it, `count=True`)."""
        return self.total

    @property
    def count_truncated(self) -> bool:
        """True when the server stopped counting and `count` is a lower bound."""
        return bool(self.document.meta.get("count_truncated", False))

    def __len__(self) -> int:
        return len(self.items)


async def fetch_page(
    session: Session, target: str, query: str = "", dialect: Dialect = JSONAPI
) -> Page:
    """GET one collection page and parse it."""
    response = await session.request("GET", target, query=query)
    return _page_of(response, dialect)


def _page_of(response: Response, dialect: Dialect) -> Page:
    document = parse_document(response.json(), where=f"GET {response.url}")
    if document.data is not None and not isinstance(document.data, list):
        raise TransportError(f"GET {response.url}: expected a collection, got one resource")
    return Page(document, response.url, dialect.page_total(document.meta))


class Paginator:
    """All pages of one collection read, in the server's order.

    `concurrency` above 1 fetches page-number and offset pages that many at a time;
    `ordered=False` yields them as they arrive rather than in the collection's order.
    """

    def __init__(
        self,
        session: Session,
        path: str,
        query: Query | None = None,
        *,
        mode: Mode = "cursor",
        max_offset: int | None = None,
        dialect: Dialect = JSONAPI,
        concurrency: int = 1,
        ordered: bool = True,
    ) -> None:
        if mode not in ("cursor", "offset", "number"):
            raise ValueError(f"mode: expected 'cursor', 'offset' or 'number', got {mode!r}")
        if isinstance(concurrency, bool) or not isinstance(concurrency, int) or concurrency < 1:
            raise ValueError(f"concurrency: expected an int of at least 1, got {concurrency!r}")
        if mode == "cursor" and concurrency > 1:
            raise ValueError(
                "concurrency: links are followed one after the other; use mode='number' or "
                "'offset' where the server allows it, or split the ids (PartitionedReader)"
            )
        self._session = session
        self._path = path
        self._query = query or Query()
        self._mode = mode
        self._dialect = dialect
        self._max_offset = dialect.max_offset if max_offset is None else max_offset
        self._concurrency = concurrency
        self._ordered = ordered
        dialect.check(self._query)

    def __await__(self) -> Generator[Any, None, Page]:
        return self.first_page().__await__()

    def with_options(
        self,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Paginator:
        """The same read with other options for every page's request (this one is kept)."""
        options = RequestOptions(timeout=timeout, extra_headers=extra_headers, retry=retry)
        derived = copy.copy(self)
        derived._session = self._session.with_options(options)
        return derived

    async def first_page(self) -> Page:
        """The first page only."""
        return await self._fetch(self._path, self._page_query(0), PageSize(self._page_size()))

    async def _fetch(self, target: str, query: str, size: PageSize) -> Page:
        return (await self._fetch_sized(target, query, size))[0]

    async def _fetch_sized(self, target: str, query: str, size: PageSize) -> tuple[Page, int]:
        """A page and the page size it was read with (a 502 may have halved it)."""
        response, _, _ = await request_page(self._session, target, query, size)
        used = size.current
        size.page_read()
        return _page_of(response, self._dialect), used

    async def _fetch_fixed(self, query: str) -> Page:
        """A page at the size asked for: its place in the collection must not move."""
        return await fetch_page(self._session, self._path, query, self._dialect)

    def __aiter__(self) -> AsyncIterator[Resource]:
        return self.items()

    async def items(self) -> AsyncIterator[Resource]:
        """Every resource of every page."""
        async for page in self.pages():
            for item in page.items:
                yield item

    async def all(self) -> list[Resource]:
        """Every resource, collected into a list (mind the memory for big collections)."""
        return [item async for item in self.items()]

    def pages(self) -> AsyncIterator[Page]:
        """Every page: in order, or as they arrive when `ordered=False`."""
        if self._mode == "cursor":
            return self._cursor_pages()
        if self._mode == "offset" and self._concurrency == 1:
            return self._offset_pages()
        return self._numbered_pages()

    def _page_size(self) -> int:
        return self._query.page_size or DEFAULT_PAGE_SIZE

    def _page_query(self, index: int, size: int | None = None) -> str:
        """The query of the `index`-th page (from 0); offsets step by `size` when given."""
        requested = self._page_size()
        if self._mode == "cursor":
            return self._query.encode(page={"size": requested}, dialect=self._dialect)
        base = self._query.replace(page_size=None)
        if self._mode == "offset":
            page: dict[str, str | int] = {"limit": requested, "offset": index * (size or requested)}
        else:
            page = {"number": index + 1, "size": requested}
        return base.encode(page=page, dialect=self._dialect)

    async def _cursor_pages(self) -> AsyncIterator[Page]:
        size = PageSize(self._page_size())
        page = await self._fetch(self._path, self._page_query(0), size)
        followed = {_without_page_size(page.url)}
        while True:
            yield page
            next_url = page.next_url
            if not next_url:
                return
            next_url = resolve_link(page.url, next_url)
            key = _without_page_size(next_url)
            if key in followed:
                raise PaginationError(
                    f"pagination loop: the server sent {next_url} again after following it; "
                    "stopping rather than reading the same records forever"
                )
            followed.add(key)
            previous = page
            page = await self._fetch(next_url, "", size)
            _check_advanced(previous, page, next_url)

    async def _offset_pages(self) -> AsyncIterator[Page]:
        size = PageSize(self._page_size())
        offset = 0
        base = self._query.replace(page_size=None)
        previous: Page | None = None
        while True:
            cap = self._max_offset
            last_reachable = cap is not None and offset + size.current > cap
            asks_count = last_reachable and self._dialect.counts_on_request
            query = base.replace(count=True) if asks_count else base
            encoded = query.encode(
                page={"limit": size.current, "offset": offset}, dialect=self._dialect
            )
            page, limit = await self._fetch_sized(self._path, encoded, size)
            if previous is not None:
                _check_advanced(previous, page, f"offset {offset}")
            yield page
            read = offset + len(page.items)
            if len(page.items) < limit or not page.items:
                return
            offset += limit
            if cap is not None and offset > cap:
                if page.count == read and not page.count_truncated:
                    return  # the last record sits exactly at the deepest page
                raise PaginationLimitError(
                    f"offset paging of {self._path} stops at offset {self._max_offset}: "
                    "narrow the collection with a filter (for example on id or updatedAt) "
                    "or use cursor paging, which has no such limit"
                )
            previous = page

    async def _numbered_pages(self) -> AsyncIterator[Page]:
        first = await self._fetch_fixed(self._page_query(0))
        yield first
        if not first.items:
            return
        plan = _Plan.after(first, self._mode, self._page_size(), self._max_offset)
        if plan.done_after(0, first):
            self._check_limit(plan, 0, first)
            return
        async for page in self._remaining(plan):
            yield page

    async def _remaining(self, plan: _Plan) -> AsyncIterator[Page]:
        """Pages 1.. of the plan, `concurrency` in flight, checked in the collection's order."""
        pending: dict[int, asyncio.Task[Page]] = {}
        arrived: dict[int, Page] = {}
        indexes = plan.indexes()
        checked = 1  # pages before this index are checked and (in order) yielded
        finished = False
        try:
            while True:
                while not finished and len(pending) < self._concurrency:
                    index = next(indexes, None)
                    if index is None:
                        break
                    query = self._page_query(index, plan.size)
                    pending[index] = asyncio.ensure_future(self._fetch_fixed(query))
                if not pending:
                    break
                done, _ = await asyncio.wait(pending.values(), return_when=asyncio.FIRST_COMPLETED)
                for index in [i for i, task in pending.items() if task in done]:
                    page = pending.pop(index).result()
                    plan.check_repeat(index, page)
                    arrived[index] = page
                    if not self._ordered and page.items and not finished:
                        yield page
                while checked in arrived:
                    page = arrived.pop(checked)
                    if finished:
                        plan.check_beyond_end(checked, page)
                    else:
                        plan.check_size(checked, page)
                        if self._ordered and page.items:
                            yield page
                        if plan.done_after(checked, page):
                            self._check_limit(plan, checked, page)
                            finished = True
                            for index in [i for i in pending if i > checked]:
                                pending.pop(index).cancel()
                    checked += 1
        finally:
            for task in pending.values():
                task.cancel()
            await asyncio.gather(*pending.values(), return_exceptions=True)

    def _check_limit(self, plan: _Plan, index: int, page: Page) -> None:
        if plan.stopped_at_cap(index, page):
            raise PaginationLimitError(
                f"offset paging of {self._path} stops at offset {self._max_offset}: "
                "narrow the collection with a filter (for example on id or updatedAt) "
                "or use cursor paging, which has no such limit"
            )


@attrs.define
class _Plan:
    """Which pages follow the first one, and what each must hold to be believed."""

    mode: Mode
    size: int
    requested: int
    last: int | None
    total: int | None
    cap: int | None
    fingerprints: dict[tuple[tuple[str, str], ...], int] = attrs.field(factory=dict)

    @classmethod
    def after(cls, first: Page, mode: Mode, requested: int, max_offset: int | None) -> _Plan:
        """The plan the first page allows: its length is the page size the server serves."""
        size = len(first.items) if first.links.next and len(first.items) < requested else requested
        last = _last_index(first.links.last, first.url, mode, size)
        total = first.total
        if last is None and total is not None:
            last = max(math.ceil(total / size) - 1, 0)
        cap = max_offset // size if mode == "offset" and max_offset is not None else None
        plan = cls(mode, size, requested, last, total, cap)
        plan.check_repeat(0, first)
        return plan

    def indexes(self) -> Iterator[int]:
        """The pages to fetch after the first, up to the known end or the cap."""
        ends = [end for end in (self.last, self.cap) if end is not None]
        index = 1
        while not ends or index <= min(ends):
            yield index
            index += 1

    def done_after(self, index: int, page: Page) -> bool:
        """True when no page follows `page`: the known end, the cap, or a short page."""
        if any(end is not None and index >= end for end in (self.last, self.cap)):
            return True
        return len(page.items) < self.size

    def stopped_at_cap(self, index: int, page: Page) -> bool:
        """True when the cap, not the collection, ended the read."""
        if self.cap is None or index < self.cap or len(page.items) < self.size:
            return False
        return self.total is None or self.total > (index + 1) * self.size

    def check_size(self, index: int, page: Page) -> None:
        """Pages before the known end are full; the last one holds what the total leaves."""
        count = len(page.items)
        if self.last is not None and index < self.last and count != self.size:
            raise self._error(index, f"holds {count} items where {self.size} were due")
        if self.last is not None and index == self.last and self.total is not None:
            expected = self.total - index * self.size
            if 0 < expected <= self.size and count != expected:
                raise self._error(index, f"holds {count} items where {expected} were due")
        if count > self.size:
            raise self._error(index, f"holds {count} items, more than the {self.size} asked")

    def check_beyond_end(self, index: int, page: Page) -> None:
        if page.items:
            raise self._error(index, f"holds {len(page.items)} items after the collection ended")

    def check_repeat(self, index: int, page: Page) -> None:
        if not page.items:
            return
        fingerprint = tuple((item.type, str(item.id)) for item in page.items)
        earlier = self.fingerprints.setdefault(fingerprint, index)
        if earlier != index:
            raise self._error(index, f"repeats page {self._name(earlier)} item for item")

    def _name(self, index: int) -> str:
        return f"offset {index * self.size}" if self.mode == "offset" else str(index + 1)

    def _error(self, index: int, problem: str) -> PaginationError:
        parameter = "page[offset]" if self.mode == "offset" else "page[number]"
        return PaginationError(
            f"page {self._name(index)} {problem}: the collection changed while it was read, "
            f"or the server does not page by {parameter}"
        )


def _last_index(link: str | None, page_url: str, mode: Mode, size: int) -> int | None:
    """The index of the last page that `links.last` names, when it names one."""
    if not link:
        return None
    try:
        params = dict(parse_qsl(urlsplit(resolve_link(page_url, link)).query))
    except (ValueError, TransportError):
        return None
    value = params.get("page[offset]" if mode == "offset" else "page[number]", "")
    if not value.isdigit():
        return None
    number = int(value)
    if mode == "offset":
        return number // size
    return max(number - 1, 0)


def _without_page_size(url: str) -> str:
    """A link without its page size, which a 502 may have changed."""
    return with_page_size(url, "", 0)[0]


def _check_advanced(previous: Page, page: Page, where: str) -> None:
    """Raise when `page` starts with the record `previous` started with: no progress."""
    if not previous.items or not page.items:
        return
    first, before = page.items[0], previous.items[0]
    if first.id is not None and (first.type, first.id) == (before.type, before.id):
        raise PaginationError(
            f"pagination does not advance: the page at {where} starts with {first.type} "
            f"{first.id} again; stopping rather than reading the same records forever"
        )
