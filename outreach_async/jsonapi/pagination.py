"""Reading a collection page by page: cursor links (preferred) or offsets (deprecated).

A `Paginator` is awaitable (the first page) and async-iterable (every item); `pages()`
iterates whole pages. Cursor paging follows `links.next` until the server stops sending
one, also when an empty page comes without any `links`. A relative link resolves against the
page it came in; links to another origin are refused by the session before anything is sent.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator
from typing import Any, Literal

import attrs

from ..errors import PaginationLimitError, TransportError
from ..http._urls import resolve_link
from ..http.session import Session
from .document import Document, Links, Resource, parse_document
from .query import Query

__all__ = ["MAX_OFFSET", "Page", "Paginator"]

#: The deepest offset the API serves (deprecated offset paging only).
MAX_OFFSET = 10_000
DEFAULT_PAGE_SIZE = 100


@attrs.frozen
class Page:
    """One page of a collection with the document it came in."""

    document: Document
    url: str

    @property
    def items(self) -> list[Resource]:
        return self.document.resources

    @property
    def links(self) -> Links:
        return self.document.links

    @property
    def meta(self) -> dict[str, Any]:
        return self.document.meta

    @property
    def next_url(self) -> str | None:
        return self.document.links.next if self.document.resources else None

    @property
    def count(self) -> int | None:
        """`meta.count` when asked for with `count=True` (0 when the server throttled it)."""
        value = self.document.meta.get("count")
        return value if isinstance(value, int) else None

    @property
    def count_truncated(self) -> bool:
        return bool(self.document.meta.get("count_truncated", False))

    def __len__(self) -> int:
        return len(self.items)


async def fetch_page(session: Session, target: str, query: str = "") -> Page:
    """GET one collection page and parse it."""
    response = await session.request("GET", target, query=query)
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

    def __await__(self) -> Generator[Any, None, Page]:
        return self.first_page().__await__()

    async def first_page(self) -> Page:
        """The first page only."""
        return await fetch_page(self._session, self._path, self._first_query())

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
        page = await self.first_page()
        seen = {page.url}
        while True:
            yield page
            next_url = page.next_url
            if not next_url:
                return
            next_url = resolve_link(page.url, next_url)
            if next_url in seen:
                raise TransportError(f"pagination loop: the server sent {next_url} twice")
            page = await fetch_page(self._session, next_url)
            seen = {next_url}

    async def _offset_pages(self) -> AsyncIterator[Page]:
        limit = self._page_size()
        offset = 0
        base = self._query.replace(page_size=None)
        while True:
            page = await fetch_page(
                self._session, self._path, base.encode(page={"limit": limit, "offset": offset})
            )
            yield page
            if len(page.items) < limit or not page.items:
                return
            offset += limit
            if offset > self._max_offset:
                raise PaginationLimitError(
                    f"offset paging of {self._path} stops at offset {self._max_offset}: "
                    "narrow the collection with a filter (for example on id or updatedAt) "
                    "or use cursor paging, which has no such limit"
                )
