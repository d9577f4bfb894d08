"""Reading a collection page by page: cursor links (preferred) or offsets (deprecated).

A `Paginator` is awaitable (the first page) and async-iterable (every item); `pages()`
iterates whole pages. Cursor paging follows `links.next` until the server stops sending
one, also when an empty page comes without any `links`. A relative link resolves against the
page it came in; links to another origin are refused by the session before anything is sent.

A 502 halves the page size (big pages of heavy types fail at proxies: `PageSize`), which
grows back after a run of good pages. A `links.next` already followed, or a page that
starts with the same record as the one before, raises `PaginationError` instead of reading
the same records forever.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Generator
from typing import Any, Literal

import attrs

from .._repr import Raw, compact_repr
from ..errors import PaginationError, PaginationLimitError, ServerError, TransportError
from ..http._urls import resolve_link
from ..http.retry import RetryPolicy
from ..http.session import Response, Session
from .document import Document, Links, Resource, parse_document
from .query import Query

__all__ = ["MAX_OFFSET", "Page", "PageSize", "Paginator", "request_page", "with_page_size"]

#: The deepest offset the API serves (deprecated offset paging only).
MAX_OFFSET = 10_000
DEFAULT_PAGE_SIZE = 100
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
    """One page of a collection with the document it came in."""

    document: Document
    url: str

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
        """`meta.count` when asked for with `count=True` (0 when the server throttled it)."""
        value = self.document.meta.get("count")
        return value if isinstance(value, int) else None

    @property
    def count_truncated(self) -> bool:
        """True when the server stopped counting and `count` is a lower bound."""
        return bool(self.document.meta.get("count_truncated", False))

    def __len__(self) -> int:
        return len(self.items)

    def __repr__(self) -> str:
        return page_repr("Page", self, self.items)


def page_repr(name: str, page: Page, items: list[Any]) -> str:
    """`Page(items=<100 prospect>, next=True, count=2500)`, for generic and typed pages."""
    kinds = sorted({_type_of(item) for item in items})
    fields: list[tuple[str, Any]] = [("items", Raw(f"<{len(items)} {'/'.join(kinds)}>".strip()))]
    fields.append(("next", page.next_url is not None))
    if page.count is not None:
        fields.append(("count", page.count))
    return compact_repr(name, fields)


def _type_of(item: Any) -> str:
    kind = getattr(item, "TYPE", None) or getattr(item, "type", None)
    return kind if isinstance(kind, str) else type(item).__name__


async def fetch_page(session: Session, target: str, query: str = "") -> Page:
    """GET one collection page and parse it."""
    response = await session.request("GET", target, query=query)
    return _page_of(response)


def _page_of(response: Response) -> Page:
    document = parse_document(response.json(), where=f"GET {response.url}")
    if document.data is not None and not isinstance(document.data, list):
        raise TransportError(f"GET {response.url}: expected a collection, got one resource")
    return Page(document, response.url)


class Paginator:
    """All pages of one collection read, in the server's order."""

    def __init__(
        self,
        session: Session,
        path: str,
        query: Query | None = None,
        *,
        mode: Literal["cursor", "offset"] = "cursor",
        max_offset: int = MAX_OFFSET,
    ) -> None:
        self._session = session
        self._path = path
        self._query = query or Query()
        self._mode = mode
        self._max_offset = max_offset

    def __repr__(self) -> str:
        query = self._query.encode()
        fields: list[tuple[str, Any]] = [("path", self._path), ("mode", self._mode)]
        return compact_repr("Paginator", [*fields, ("query", query)] if query else fields)

    def __await__(self) -> Generator[Any, None, Page]:
        return self.first_page().__await__()

    async def first_page(self) -> Page:
        """The first page only."""
        return await self._fetch(self._path, self._first_query(), PageSize(self._page_size()))

    async def _fetch(self, target: str, query: str, size: PageSize) -> Page:
        return (await self._fetch_sized(target, query, size))[0]

    async def _fetch_sized(self, target: str, query: str, size: PageSize) -> tuple[Page, int]:
        """A page and the page size it was read with (a 502 may have halved it)."""
        response, _, _ = await request_page(self._session, target, query, size)
        used = size.current
        size.page_read()
        return _page_of(response), used

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
        """Every page, fetched one after the other."""
        if self._mode == "offset":
            return self._offset_pages()
        return self._cursor_pages()

    def _page_size(self) -> int:
        return self._query.page_size or DEFAULT_PAGE_SIZE

    def _first_query(self) -> str:
        if self._mode == "offset":
            return self._query.replace(page_size=None).encode(
                page={"limit": self._page_size(), "offset": 0}
            )
        return self._query.encode(page={"size": self._page_size()})

    async def _cursor_pages(self) -> AsyncIterator[Page]:
        size = PageSize(self._page_size())
        page = await self._fetch(self._path, self._first_query(), size)
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
            last_reachable = offset + size.current > self._max_offset
            query = base.replace(count=True) if last_reachable else base
            page, limit = await self._fetch_sized(
                self._path, query.encode(page={"limit": size.current, "offset": offset}), size
            )
            if previous is not None:
                _check_advanced(previous, page, f"offset {offset}")
            yield page
            read = offset + len(page.items)
            if len(page.items) < limit or not page.items:
                return
            offset += limit
            if offset > self._max_offset:
                if page.count == read and not page.count_truncated:
                    return  # the last record sits exactly at the deepest page
                raise PaginationLimitError(
                    f"offset paging of {self._path} stops at offset {self._max_offset}: "
                    "narrow the collection with a filter (for example on id or updatedAt) "
                    "or use cursor paging, which has no such limit"
                )
            previous = page


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
