"""Typed managers: the generic manager's calls, answered with typed models.

The generated manager of a type is made of the mixins for the methods the type allows
(`Listable`, `Gettable`, `Creatable`, `Updatable`, `Deletable`), so `client.calls.update`
does not exist: mypy reports it and Python raises AttributeError. Every call goes through a
generic `ResourceManager` (`manager.generic`), so HTTP, retries and errors are the same as
for `client.resource(type)`, and so are the per-call options (`timeout`, `extra_headers`,
`retry`) and `with_raw_response`. Queries accept Python names as well as wire names.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Generator, Iterable, Iterator, Mapping
from typing import Any, Generic, Literal, TypeVar, cast

import attrs

from .._dialect import OUTREACH
from ..errors import TransportError
from ..http.options import Headers, Timeout
from ..http.raw import WithRawResponse
from ..http.retry import RetryPolicy
from ..http.session import Session
from ..jsonapi.document import Document, Links, Resource, ResourceIdentifier
from ..jsonapi.pagination import Page, Paginator
from ..jsonapi.resources import CREATE_ATTEMPTS, RelationshipValue, ResourceManager
from ..models._base import Model, from_resource
from ._names import wire_fields, wire_filter, wire_include, wire_sort

__all__ = [
    "Creatable",
    "Deletable",
    "Fields",
    "Gettable",
    "IdLike",
    "Listable",
    "TypedManager",
    "TypedPage",
    "TypedPaginator",
    "Updatable",
    "resource_id",
]

M = TypeVar("M", bound=Model)
T = TypeVar("T", bound=Model)

#: Sparse fieldsets: names of the manager's own type, or names per type.
Fields = str | Iterable[str] | Mapping[str, str | Iterable[str]]
#: A resource given by id, by identifier (`Ref`) or by model.
IdLike = int | str | ResourceIdentifier | Model


def resource_id(value: IdLike, what: str) -> int | str:
    """The id of a resource given by id, identifier or model."""
    if isinstance(value, Model | ResourceIdentifier):
        if value.id is None:
            raise ValueError(f"{what}: this {type(value).__name__} has no id")
        return value.id
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"{what}: expected an id, identifier or model, got {type(value).__name__}")
    return value


@attrs.frozen
class TypedPage(Generic[M]):
    """One page of a collection as typed models, with the generic page it came from."""

    page: Page
    items: list[M]

    @property
    def document(self) -> Document:
        """The JSON:API document the page was read from."""
        return self.page.document

    @property
    def links(self) -> Links:
        """The page's `links` (`next`, `prev`, `first`, ...)."""
        return self.page.links

    @property
    def meta(self) -> dict[str, Any]:
        """The document's top-level `meta` (`count` when asked for, ...)."""
        return self.page.meta

    @property
    def next_url(self) -> str | None:
        """The URL of the next page, None on the last page."""
        return self.page.next_url

    @property
    def count(self) -> int | None:
        """`meta.count` when asked for with `count=True` (the page's `total`)."""
        return self.page.count

    @property
    def count_truncated(self) -> bool:
        """True when the server stopped counting and `count` is a lower bound."""
        return self.page.count_truncated

    def __len__(self) -> int:
        return len(self.items)

    def __iter__(self) -> Iterator[M]:
        return iter(self.items)


class TypedPaginator(Generic[M]):
    """A `Paginator` whose items are typed: awaitable (first page) and async-iterable."""

    def __init__(self, paginator: Paginator, convert: Callable[[Resource], M]) -> None:
        self._paginator = paginator
        self._convert = convert

    def __await__(self) -> Generator[Any, None, TypedPage[M]]:
        return self.first_page().__await__()

    def with_options(
        self,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> TypedPaginator[M]:
        """The same read with other options for every page's request (this one is kept)."""
        paginator = self._paginator.with_options(
            timeout=timeout, extra_headers=extra_headers, retry=retry
        )
        return TypedPaginator(paginator, self._convert)

    async def first_page(self) -> TypedPage[M]:
        """The first page only."""
        return self._typed(await self._paginator.first_page())

    def __aiter__(self) -> AsyncIterator[M]:
        return self.items()

    async def items(self) -> AsyncIterator[M]:
        """Every model of every page."""
        async for page in self._paginator.pages():
            for resource in page.items:
                yield self._convert(resource)

    async def pages(self) -> AsyncIterator[TypedPage[M]]:
        """Every page, fetched one after the other."""
        async for page in self._paginator.pages():
            yield self._typed(page)

    async def all(self) -> list[M]:
        """Every model, collected into a list (mind the memory for big collections)."""
        return [item async for item in self.items()]

    def _typed(self, page: Page) -> TypedPage[M]:
        return TypedPage(page, [self._convert(resource) for resource in page.items])


class TypedManager(Generic[M]):
    """What every typed manager shares: its model, the generic manager, conversions."""

    model: type[M]

    def __init__(self, session: Session) -> None:
        self.session = session
        self.generic = ResourceManager(
            session, self.model.TYPE, self.model.PLURAL, dialect=OUTREACH
        )

    def __repr__(self) -> str:
        return f"{type(self).__name__}(model={self.model.__name__}, path={self.generic.path!r})"

    @property
    def with_raw_response(self) -> WithRawResponse:
        """These calls, answering `RawResponse`s with `.parsed` models: `await
        client.prospects.with_raw_response.get(1)`."""
        return WithRawResponse(self)

    def _convert(self, resource: Resource) -> M:
        return self._typed(resource, self.model)

    def _typed(self, resource: Resource, model: type[T]) -> T:
        try:
            return from_resource(resource, model)
        except ValueError as exc:
            raise TransportError(f"{self.generic.path}: {exc}", retryable=False) from None

    def _typed_document(self, document: Document, model: type[T]) -> T:
        if not isinstance(document.data, Resource):
            raise TransportError(f"{self.generic.path}: expected one {model.TYPE} in the response")
        return self._typed(document.data, model)

    def _fields(self, fields: Fields | None) -> dict[str, list[str]] | None:
        return wire_fields(self.model, fields)

    def _check_model(self, value: object, method: str) -> None:
        if not isinstance(value, self.model):
            raise TypeError(
                f"{method}: expected a {self.model.__name__}, got {type(value).__name__}"
            )

    async def _member_action(
        self,
        resource: IdLike,
        name: str,
        params: Mapping[str, Any],
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Resource:
        given = {key: value for key, value in params.items() if value is not None}
        return await self.generic.action(
            resource_id(resource, "resource"),
            name,
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
            **given,
        )

    async def _collection_action(
        self,
        name: str,
        documented: Mapping[str, Any],
        attributes: Mapping[str, Any] | None,
        params: Mapping[str, Any],
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Document:
        body = {key: _jsonable(value) for key, value in documented.items() if value is not None}
        for key, value in (attributes or {}).items():
            if key in body:
                raise ValueError(
                    f"{name}: {key!r} is given twice (as an argument and in attributes)"
                )
            body[key] = _jsonable(value)
        given = {key: value for key, value in params.items() if value is not None}
        return await self.generic.collection_action(
            name,
            body or None,
            params=given,
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )


def _jsonable(value: Any) -> Any:
    if isinstance(value, str | bytes | Mapping):
        return value
    if isinstance(value, Iterable):
        return [_jsonable(item) for item in value]
    return value


class Gettable(TypedManager[M]):
    async def get(
        self,
        resource: IdLike,
        *,
        include: str | Iterable[str] | None = None,
        fields: Fields | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> M:
        """One resource by id; `include` makes related resources reachable via `resolve()`."""
        found = await self.generic.get(
            resource_id(resource, "resource"),
            include=wire_include(self.model, include),
            fields=self._fields(fields),
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._convert(found)


class Creatable(TypedManager[M]):
    async def create(
        self,
        model: M,
        *,
        fields: Fields | None = None,
        lookup: Mapping[str, Any] | None = None,
        max_attempts: int = CREATE_ATTEMPTS,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> M:
        """Create a resource from the fields set on `model` (read-only ones are refused).

        `lookup` is a filter matching only the new record (Python or wire names): after a
        failure that may have created it, the record is looked up and returned, or created
        again when it is not there (`ResourceManager.create`).

        >>> await client.prospects.create(Prospect(emails=[email]), lookup={"emails": email})
        """
        self._check_model(model, "create")
        attributes, relationships = model.write_payload("create")
        resource = await self.generic.create(
            attributes,
            _relationships(relationships),
            fields=self._fields(fields),
            lookup=None if lookup is None else wire_filter(self.model, lookup),
            max_attempts=max_attempts,
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._convert(resource)


class Updatable(TypedManager[M]):
    async def update(
        self,
        resource: IdLike,
        changes: M,
        *,
        fields: Fields | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> M:
        """Change the fields set on `changes`, and only those (read-only ones are refused).

            await client.prospects.update(1, Prospect(title="CTO", account=None))

        A field set to None is sent as null; fields left ABSENT are not sent.
        """
        self._check_model(changes, "update")
        target = resource_id(resource, "resource")
        if changes.id is not None and str(changes.id) != str(target):
            raise ValueError(f"update: changes.id {changes.id!r} is not {target!r}")
        attributes, relationships = changes.write_payload("update")
        updated = await self.generic.update(
            target,
            attributes,
            _relationships(relationships),
            fields=self._fields(fields),
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return self._convert(updated)


class Deletable(TypedManager[M]):
    async def delete(
        self,
        resource: IdLike,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        """Delete a resource."""
        await self.generic.delete(
            resource_id(resource, "resource"),
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )


def _relationships(relationships: Mapping[str, Any]) -> dict[str, RelationshipValue]:
    return cast(dict[str, RelationshipValue], dict(relationships))


class Listable(TypedManager[M]):
    def iterate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        sort: str | Iterable[str] | None = None,
        include: str | Iterable[str] | None = None,
        fields: Fields | None = None,
        count: bool | None = None,
        page_size: int | None = None,
        new_filter_syntax: bool | None = None,
        mode: Literal["cursor", "offset"] = "cursor",
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> TypedPaginator[M]:
        """Every resource of the collection: `async for` models, `await` for the first page."""
        paginator = self.generic.iterate(
            filter=wire_filter(self.model, filter),
            sort=wire_sort(self.model, sort),
            include=wire_include(self.model, include),
            fields=self._fields(fields),
            count=count,
            page_size=page_size,
            new_filter_syntax=new_filter_syntax,
            mode=mode,
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return TypedPaginator(paginator, self._convert)

    async def fetch_page(
        self,
        url: str,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> TypedPage[M]:
        """A page by its full URL, such as a `links.next` kept from an earlier page."""
        page = await self.generic.fetch_page(
            url,
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
        return TypedPage(page, [self._convert(resource) for resource in page.items])

    async def list(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        sort: str | Iterable[str] | None = None,
        include: str | Iterable[str] | None = None,
        fields: Fields | None = None,
        count: bool | None = None,
        page_size: int | None = None,
        new_filter_syntax: bool | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> TypedPage[M]:
        """The first page of the collection, with its links and meta."""
        return await self.iterate(
            filter=filter,
            sort=sort,
            include=include,
            fields=fields,
            count=count,
            page_size=page_size,
            new_filter_syntax=new_filter_syntax,
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )
