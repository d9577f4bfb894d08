"""One generic manager for every resource type of a JSON:API server.

`api.resource("people")` creates, reads, updates, deletes and lists resources of one type;
typed managers build on the same calls. Only JSON:API is spoken here: HTTP is the session's
business, and what one server decides on its own (paths, filters, ids, limits) its dialect.

Writes are read by JSON:API's rules: a 200 or 201 carries the resource as the server stored
it; a 204, or a 200/201/202 without primary data, returns the resource as it was sent (an
update can re-read it instead, `reread=True`). A 202 means the server accepted the write
but may not have finished it.
"""

from __future__ import annotations

import builtins
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any, TypeVar

from ..errors import LinkageMissing, OutreachError, TransportError, ValidationError
from ..http._urls import resolve_link
from ..http.options import Headers, RequestOptions, Timeout
from ..http.raw import WithRawResponse
from ..http.retry import RetryPolicy
from ..http.session import Response, Session
from .dialect import JSONAPI, Dialect
from .document import Document, Resource, ResourceIdentifier, parse_document, parse_resource
from .pagination import Mode, Page, Paginator, fetch_page
from .query import Query

__all__ = [
    "CREATE_ATTEMPTS",
    "RelationshipValue",
    "ResourceManager",
    "create_once",
    "is_duplicate",
]

T = TypeVar("T")

#: POSTs a `create(..., lookup=...)` sends at most.
CREATE_ATTEMPTS = 3
_DUPLICATE_ID = "validationDuplicateValueError"
_DUPLICATE_TEXT = re.compile(r"\balready (?:been )?(?:taken|exists?|active|in)\b", re.IGNORECASE)

ResourceRef = ResourceIdentifier | Resource | tuple[str, int | str]
#: What a relationship can be set to: one reference, a list of them, or None to clear it.
RelationshipValue = ResourceRef | list[ResourceRef] | None


class ResourceManager:
    """Create, get, update, delete, list and act on resources of one type.

    `path` is the collection's path below the base URL; by default the dialect's choice
    (JSON:API's convention: the type name itself). `plural` is an older name for `path`.

    Every call takes `timeout` (seconds or `Timeouts`), `extra_headers` and `retry` (a
    `RetryPolicy`) for that call only; `with_raw_response` answers with the HTTP response
    behind each result.
    """

    def __init__(
        self,
        session: Session,
        resource_type: str,
        path: str | None = None,
        *,
        dialect: Dialect = JSONAPI,
        plural: str | None = None,
    ) -> None:
        if not resource_type or not isinstance(resource_type, str):
            raise ValueError("resource_type: expected a type name such as 'people'")
        if path is not None and plural is not None and path != plural:
            raise ValueError(f"path {path!r} and plural {plural!r} disagree; give only path")
        path = path or plural
        if path is not None and (not isinstance(path, str) or not path.strip("/")):
            raise ValueError(f"path: expected a collection path such as 'people', got {path!r}")
        self._session = session
        self.type = resource_type
        self.dialect = dialect
        #: The collection path below the base URL.
        self.path = path.strip("/") if path else dialect.collection_path(resource_type)

    def __repr__(self) -> str:
        return f"ResourceManager(type={self.type!r}, path={self.path!r})"

    async def get(
        self,
        resource_id: int | str,
        *,
        include: str | Iterable[str] | None = None,
        fields: Mapping[str, str | Iterable[str]] | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Resource:
        """One resource by id; `include` adds related resources, reachable via `related()`."""
        session = self._session_with(timeout, extra_headers, retry)
        query = self._encode(Query(include=include, fields=fields))
        response = await session.request("GET", self._member(resource_id), query=query)
        return self._single(response.json(), f"GET {response.url}")

    async def create(
        self,
        attributes: Mapping[str, Any] | None = None,
        relationships: Mapping[str, RelationshipValue] | None = None,
        *,
        id: int | str | None = None,
        fields: Mapping[str, str | Iterable[str]] | None = None,
        lookup: Mapping[str, Any] | None = None,
        max_attempts: int = CREATE_ATTEMPTS,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Resource:
        """Create a resource and return it as the server stored it.

        `id` is a client-generated id, for servers that accept one. A 204 (or an answer
        without primary data) returns the resource as it was sent.

        A create is never repeated by the session once it may have happened; the error then
        has `maybe_applied`. With `lookup`, a filter that matches only the new record (a
        unique email, a name), such a failure is resolved here: the record the attempt
        created is looked up and returned, or the create is posted again when there is none
        (`max_attempts` POSTs at most; see `create_once`).
        """
        session = self._session_with(timeout, extra_headers, retry)
        if id is not None:
            self._member(id)
        sent = self._resource_object(id, attributes, relationships)
        query = self._encode(Query(fields=fields))

        async def post() -> Resource:
            response = await session.request("POST", self.path, query=query, body={"data": sent})
            return self._written(response, sent)

        if lookup is None:
            return await post()
        if not lookup:
            raise ValueError("lookup: give a filter that matches the record to create")
        filter_ = dict(lookup)

        async def find() -> builtins.list[Resource]:
            first = await self.list(
                filter=filter_,
                fields=fields,
                page_size=2,
                timeout=timeout,
                extra_headers=extra_headers,
                retry=retry,
            )
            return first.items

        return await create_once(post, find, max_attempts=max_attempts)

    async def update(
        self,
        resource_id: int | str,
        attributes: Mapping[str, Any] | None = None,
        relationships: Mapping[str, RelationshipValue] | None = None,
        *,
        fields: Mapping[str, str | Iterable[str]] | None = None,
        reread: bool = False,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Resource:
        """Change only the given attributes and relationships; `type` and `id` are sent.

        A server may answer 204 without a body: then the resource as sent is returned, or,
        with `reread=True`, the resource as the server now has it (one more GET).
        """
        if not attributes and not relationships:
            raise ValueError("update: give at least one attribute or relationship to change")
        session = self._session_with(timeout, extra_headers, retry)
        sent = self._resource_object(resource_id, attributes, relationships)
        query = self._encode(Query(fields=fields))
        response = await session.request(
            "PATCH", self._member(resource_id), query=query, body={"data": sent}
        )
        if reread and not _primary_resource(response.json()):
            return await self.get(
                resource_id,
                fields=fields,
                timeout=timeout,
                extra_headers=extra_headers,
                retry=retry,
            )
        return self._written(response, sent)

    async def delete(
        self,
        resource_id: int | str,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        """Delete a resource (204, or 200 with only `meta`)."""
        session = self._session_with(timeout, extra_headers, retry)
        await session.request("DELETE", self._member(resource_id))

    async def list(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        sort: Any = None,
        include: str | Iterable[str] | None = None,
        fields: Mapping[str, str | Iterable[str]] | None = None,
        count: bool | None = None,
        page_size: int | None = None,
        new_filter_syntax: bool | None = None,
        mode: Mode = "cursor",
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Page:
        """The first page of the collection, with its links and meta."""
        return await self.iterate(
            filter=filter,
            sort=sort,
            include=include,
            fields=fields,
            count=count,
            page_size=page_size,
            new_filter_syntax=new_filter_syntax,
            mode=mode,
            timeout=timeout,
            extra_headers=extra_headers,
            retry=retry,
        )

    def iterate(
        self,
        *,
        filter: Mapping[str, Any] | None = None,
        sort: Any = None,
        include: str | Iterable[str] | None = None,
        fields: Mapping[str, str | Iterable[str]] | None = None,
        count: bool | None = None,
        page_size: int | None = None,
        new_filter_syntax: bool | None = None,
        mode: Mode = "cursor",
        concurrency: int = 1,
        ordered: bool = True,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Paginator:
        """Every resource of the collection: `async for` items, `await` for the first page.

        `mode` is `cursor` (follow `links.next`), `number` (`page[number]`) or `offset`;
        the last two fetch `concurrency` pages at a time once the end is known. The
        options (`timeout`, `extra_headers`, `retry`) apply to every page's request.
        """
        session = self._session_with(timeout, extra_headers, retry)
        query = Query(
            filter=filter or {},
            sort=sort,
            include=include,
            fields=fields,
            count=count,
            page_size=page_size,
            new_filter_syntax=new_filter_syntax,
        )
        return Paginator(
            session,
            self.path,
            query,
            mode=mode,
            dialect=self.dialect,
            concurrency=concurrency,
            ordered=ordered,
        )

    async def fetch_page(
        self,
        url: str,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Page:
        """A page by its full URL, such as a `links.next` kept from an earlier page."""
        session = self._session_with(timeout, extra_headers, retry)
        return await fetch_page(session, url, dialect=self.dialect)

    async def fetch_related(
        self,
        resource: Resource,
        name: str,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Resource | builtins.list[Resource] | None:
        """Read a relationship's `related` link: the related resource, a list, or None.

        For relationships that come with links but no linkage (`related()` raises
        `LinkageMissing`). The link must be on the API's origin, like every link followed.
        """
        relationship = resource.relationships.get(name)
        link = relationship.links.related if relationship and relationship.links else None
        if not link:
            raise LinkageMissing(
                f"{resource.type} {resource.id}: relationship {name!r} has no related link"
            )
        session = self._session_with(timeout, extra_headers, retry)
        target = resolve_link(f"{str(session.base_url).rstrip('/')}/", link)
        response = await session.request("GET", target)
        document = parse_document(response.json(), where=f"GET {response.url}")
        return document.data

    async def action(
        self,
        resource_id: int | str,
        name: str,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
        **params: Any,
    ) -> Resource:
        """Run a member action: `POST /{type}s/{id}/actions/{name}?actionParams[...]`."""
        session = self._session_with(timeout, extra_headers, retry)
        _check_action_name(name)
        response = await session.request(
            "POST",
            f"{self._member(resource_id)}/actions/{name}",
            query=self.dialect.action_query(params),
        )
        return self._single(response.json(), f"POST {response.url}")

    async def collection_action(
        self,
        name: str,
        attributes: Mapping[str, Any] | None = None,
        *,
        params: Mapping[str, Any] | None = None,
        body_type: str | None = None,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> Document:
        """Run a collection action such as `POST /batches/actions/prospectsAddToSequence`."""
        session = self._session_with(timeout, extra_headers, retry)
        _check_action_name(name)
        body = None
        if attributes is not None:
            body = {"data": {"type": body_type or self.type, "attributes": dict(attributes)}}
        response = await session.request(
            "POST",
            f"{self.path}/actions/{name}",
            query=self.dialect.action_query(params or {}),
            body=body,
        )
        return parse_document(response.json(), where=f"POST {response.url}")

    @property
    def with_raw_response(self) -> WithRawResponse:
        """These calls, answering `RawResponse`s: `await people.with_raw_response.get(1)`."""
        return WithRawResponse(self)

    def _session_with(
        self, timeout: Timeout | None, extra_headers: Headers | None, retry: RetryPolicy | None
    ) -> Session:
        """The session for one call: this manager's, with the call's options on top."""
        if timeout is None and extra_headers is None and retry is None:
            return self._session
        options = RequestOptions(timeout=timeout, extra_headers=extra_headers, retry=retry)
        return self._session.with_options(options)

    def _member(self, resource_id: int | str) -> str:
        if isinstance(resource_id, bool) or not isinstance(resource_id, int | str):
            raise TypeError(f"id: expected an int or str, got {type(resource_id).__name__}")
        text = str(resource_id)
        if not text or "/" in text or "?" in text or "#" in text:
            raise ValueError(f"id: {resource_id!r} is not a valid resource id")
        return f"{self.path}/{text}"

    def _resource_object(
        self,
        resource_id: int | str | None,
        attributes: Mapping[str, Any] | None,
        relationships: Mapping[str, RelationshipValue] | None,
    ) -> dict[str, Any]:
        data: dict[str, Any] = {"type": self.type}
        if resource_id is not None:
            data["id"] = self.dialect.body_id(resource_id)
        if attributes:
            data["attributes"] = _encoded_attributes(attributes)
        if relationships:
            data["relationships"] = {
                name: {"data": self._linkage(name, value)} for name, value in relationships.items()
            }
        return data

    def _linkage(self, name: str, value: RelationshipValue) -> Any:
        if value is None:
            return None
        if isinstance(value, list):
            return [self._reference(name, item) for item in value]
        return self._reference(name, value)

    def _reference(self, name: str, value: Any) -> dict[str, Any]:
        if isinstance(value, Resource):
            value = value.identifier
        if isinstance(value, ResourceIdentifier):
            return {"type": value.type, "id": self.dialect.body_id(value.id)}
        if (
            isinstance(value, tuple)
            and len(value) == 2
            and isinstance(value[0], str)
            and isinstance(value[1], int | str)
            and not isinstance(value[1], bool)
        ):
            return {"type": value[0], "id": self.dialect.body_id(value[1])}
        raise TypeError(
            f"relationships[{name!r}]: expected a Resource, ResourceIdentifier or (type, id), "
            f"got {type(value).__name__}"
        )

    def _encode(self, query: Query) -> str:
        return query.encode(dialect=self.dialect)

    def _written(self, response: Response, sent: dict[str, Any]) -> Resource:
        """The resource a write answered with, or the one sent when the answer has none."""
        where = f"{response.method} {response.url}"
        if _primary_resource(response.json()):
            return self._single(response.json(), where)
        return parse_resource(sent, where=where)

    def _single(self, payload: Any, where: str) -> Resource:
        document = parse_document(payload, where=where)
        if not isinstance(document.data, Resource):
            raise TransportError(f"{where}: expected one {self.type} in the response")
        return document.data


async def create_once(
    post: Callable[[], Awaitable[T]],
    find: Callable[[], Awaitable[list[T]]],
    *,
    max_attempts: int = CREATE_ATTEMPTS,
) -> T:
    """Create one record with `post()`, never two, though an attempt's answer may be lost.

    After a failure with `maybe_applied`, `find()` lists the records the attempt may have
    created: one is the result; none, and the create is posted again (at most
    `max_attempts` times in all). A duplicate 422 on a repeated attempt means an earlier
    one did create it, and is looked up the same way. The error finally raised has
    `maybe_applied` unless a lookup showed the record is not there; it stays True when the
    lookup failed or matched more than one record.
    """
    if max_attempts < 1:
        raise ValueError("max_attempts: expected at least 1")
    repeated = False
    for attempt in range(1, max_attempts + 1):
        try:
            return await post()
        except OutreachError as error:
            duplicate = repeated and is_duplicate(error)
            if not (error.maybe_applied or duplicate):
                raise
            note = error.applied_note or "an earlier attempt may have created it"
            error.mark_maybe_applied(note)
            try:
                found = await find()
            except OutreachError as failed:
                error.mark_maybe_applied(f"{note} (looking it up failed: {type(failed).__name__})")
                raise error from failed
            if len(found) == 1:
                return found[0]
            if found:
                error.mark_maybe_applied(f"{note} ({len(found)} records match the lookup)")
                raise
            if duplicate:
                raise  # the server says it exists, but the lookup does not show it
            if attempt == max_attempts:
                error.mark_not_applied("looked up after the failure: not created")
                raise
            repeated = True
    raise AssertionError("unreachable")  # pragma: no cover


def is_duplicate(error: OutreachError) -> bool:
    """True for a 422 saying that the record exists already (a unique value is taken)."""
    if not isinstance(error, ValidationError):
        return False
    if _DUPLICATE_ID in error.error_ids:
        return True
    return any(_DUPLICATE_TEXT.search(e.detail or e.title or "") for e in error.errors)


def _encoded_attributes(attributes: Mapping[str, Any]) -> dict[str, Any]:
    from .._converter import converter

    return {name: converter.unstructure(value) for name, value in attributes.items()}


def _primary_resource(payload: Any) -> bool:
    """True when a body carries a resource as its primary data."""
    return isinstance(payload, Mapping) and isinstance(payload.get("data"), Mapping)


def _check_action_name(name: str) -> None:
    if not isinstance(name, str) or not name.isidentifier():
        raise ValueError(f"action: {name!r} is not a valid action name")
