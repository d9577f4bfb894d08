"""The `/api/v2` handlers: routing, content negotiation, CRUD, actions.

Routing is by path shape, checked against the methods the spec documents for the type:

- `GET|POST /{plural}`, `GET|PATCH|DELETE /{plural}/{id}`,
- `POST /{plural}/{id}/actions/{name}`, `POST /{plural}/actions/{name}`.

An unknown path is a 404 `notFound`; a documented path with an undocumented method (PATCH on
calls, DELETE on users) is a 405 `methodNotAllowed` with an `Allow` header. Every request
must carry `Content-Type: application/vnd.api+json` (else 415), as Outreach requires.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

from aiohttp import web

from .._spec import BY_PLURAL, RESOURCES
from .._spec_types import ActionSpec, ResourceSpec
from ._actions import create_sequence_state, member_action, start_bulk_action
from ._collection import PageResult, Selector
from ._documents import Renderer
from ._errors import (
    JSONAPI,
    ApiError,
    bad_request,
    duplicate_value,
    invalid_body,
    json_response,
    method_not_allowed,
    not_found,
    route_not_found,
    unsupported_media_type,
)
from ._query import Query, parse_query
from ._records import Record
from ._request_keys import DEFAULT_USER_ID, RECORD_COUNT_KEY, USER_KEY
from ._settings import FakeSettings
from ._store import Store
from ._validation import ResourceInput, parse_resource

API_PREFIX = "/api/v2"

_LIST = frozenset({"filter", "sort", "page", "count", "include", "fields"})
_GET = frozenset({"include", "fields"})
_WRITE = frozenset({"fields"})
_NONE: frozenset[str] = frozenset()
_ACTION = frozenset({"actionParams", "fields"})
_CURSOR_PARAMS = ("page[after]", "page[before]")
_OFFSET_PARAMS = ("page[offset]", "page[limit]")


class FakeApi:
    """The API of one fake server over one store; `settings` is read on every request."""

    def __init__(self, settings: FakeSettings, store: Store) -> None:
        self.settings = settings
        self.store = store
        self.selector = Selector(store)

    def install(self, app: web.Application) -> None:
        app.router.add_route("*", API_PREFIX + "/{tail:.*}", self.handle)
        app.router.add_route("*", API_PREFIX, self.handle)

    async def handle(self, request: web.Request) -> web.StreamResponse:
        try:
            return await self._dispatch(request)
        except ApiError as error:
            return error.response()

    async def _dispatch(self, request: web.Request) -> web.StreamResponse:
        if request.headers.get("Content-Type") is None or request.content_type != JSONAPI:
            return unsupported_media_type()
        parts = request.match_info.get("tail", "").strip("/").split("/")
        spec = BY_PLURAL.get(parts[0])
        method = request.method
        if spec is None or len(parts) > 4:
            raise route_not_found(method, request.path)
        if len(parts) == 1:
            verbs = {"GET": "list", "POST": "create"}
            self._check_method(spec, method, verbs, request.path)
            if method == "GET":
                return self._list(request, spec)
            return await self._create(request, spec)
        if len(parts) == 3 and parts[1] == "actions":
            action = spec.collection_action(parts[2])
            if action is None:
                raise route_not_found(method, request.path)
            if method != "POST":
                raise method_not_allowed(method, request.path, ["POST"])
            return await self._collection_action(request, spec, action)
        record_id = _parse_id(parts[1])
        if len(parts) == 2:
            verbs = {"GET": "get", "PATCH": "update", "DELETE": "delete"}
            self._check_method(spec, method, verbs, request.path)
            if record_id is None:
                raise not_found(spec.type, parts[1])
            if method == "GET":
                return self._get(request, spec, record_id)
            if method == "PATCH":
                return await self._update(request, spec, record_id)
            return self._delete(request, spec, record_id)
        if len(parts) == 4 and parts[2] == "actions":
            action = spec.member_action(parts[3])
            if action is None:
                raise route_not_found(method, request.path)
            if method != "POST":
                raise method_not_allowed(method, request.path, ["POST"])
            if record_id is None:
                raise not_found(spec.type, parts[1])
            return await self._member_action(request, spec, record_id, action)
        raise route_not_found(method, request.path)

    @staticmethod
    def _check_method(spec: ResourceSpec, method: str, verbs: dict[str, str], path: str) -> None:
        allowed = [verb for verb, name in verbs.items() if name in spec.methods]
        if not allowed:
            raise route_not_found(method, path)
        if method not in allowed:
            raise method_not_allowed(method, path, allowed)

    # Reading ----------------------------------------------------------------------------

    def _query(self, request: web.Request, spec: ResourceSpec, allowed: frozenset[str]) -> Query:
        return parse_query(
            request.query.items(),
            spec,
            RESOURCES.get,
            allowed=allowed,
            default_page_size=self.settings.default_page_size,
            max_page_size=self.settings.max_page_size,
            max_offset=self.settings.max_offset,
        )

    def _renderer(self, request: web.Request, query: Query) -> Renderer:
        return Renderer(self.store, _api_url(request), query.fields)

    def _list(self, request: web.Request, spec: ResourceSpec) -> web.Response:
        query = self._query(request, spec, _LIST)
        page = self.selector.select(spec, query)
        renderer = self._renderer(request, query)
        document: dict[str, Any] = {"data": [renderer.resource(r) for r in page.records]}
        if query.include:
            document["included"] = renderer.included(page.records, query.include)
        if query.count:
            total = page.total or 0
            cap = self.settings.count_cap
            document["meta"] = {"count": min(total, cap), "count_truncated": total > cap}
        if page.records:
            document["links"] = _page_links(request, spec, query, page)
        request[RECORD_COUNT_KEY] = len(page.records)
        return json_response(document)

    def _single(
        self, request: web.Request, query: Query, record: Record, status: int = 200
    ) -> web.Response:
        renderer = self._renderer(request, query)
        document: dict[str, Any] = {"data": renderer.resource(record)}
        if query.include:
            document["included"] = renderer.included([record], query.include)
        request[RECORD_COUNT_KEY] = 1
        return json_response(document, status=status)

    def _get(self, request: web.Request, spec: ResourceSpec, record_id: int) -> web.Response:
        query = self._query(request, spec, _GET)
        record = self._existing(spec, record_id)
        return self._single(request, query, record)

    def _existing(self, spec: ResourceSpec, record_id: int) -> Record:
        record = self.store.get(spec.type, record_id)
        if record is None:
            raise not_found(spec.type, record_id)
        return record

    # Writing ----------------------------------------------------------------------------

    async def _create(self, request: web.Request, spec: ResourceSpec) -> web.Response:
        query = self._query(request, spec, _WRITE)
        body = await _json_body(request)
        data = parse_resource(body, spec, self.store, url_id=None)
        self._check_unique(spec, data, None)
        links = _derived_links(self.store, spec, data)
        links.update(self._acting_user(request, spec, ("creator", "updater"), links))
        if spec.type == "sequenceState":
            record = self._create_sequence_state(data, links)
        else:
            record = self.store.insert(spec.type, data.attributes, links)
        response = self._single(request, query, record, status=201)
        response.headers["Location"] = f"{_api_url(request)}/{spec.plural}/{record.id}"
        return response

    def _acting_user(
        self,
        request: web.Request,
        spec: ResourceSpec,
        names: tuple[str, ...],
        given: dict[str, Any],
    ) -> dict[str, Any]:
        """`creator`/`updater` links to the token's user, where the type has them."""
        user = request.get(USER_KEY, DEFAULT_USER_ID)
        if not isinstance(user, int) or not self.store.exists("user", user):
            return {}
        links: dict[str, Any] = {}
        for name in names:
            relation = spec.relationship(name)
            if relation is not None and "user" in relation.targets and name not in given:
                links[name] = ("user", user)
        return links

    def _create_sequence_state(self, data: ResourceInput, links: dict[str, Any]) -> Record:
        prospect = data.relationships["prospect"]
        sequence = data.relationships["sequence"]
        mailbox = data.relationships["mailbox"]
        assert isinstance(prospect, tuple) and isinstance(sequence, tuple)
        assert isinstance(mailbox, tuple)
        return create_sequence_state(
            self.store, prospect[1], sequence[1], mailbox[1], relationships=links
        )

    def _check_unique(self, spec: ResourceSpec, data: ResourceInput, own_id: int | None) -> None:
        if spec.type == "prospect":
            for email in data.attributes.get("emails") or []:
                existing = self.store.prospect_with_email(email)
                if existing is not None and existing != own_id:
                    raise duplicate_value(
                        f"Emails contains an email address that is already taken by "
                        f"prospect {existing}.",
                        "/data/attributes/emails",
                    )
        if spec.type == "sequenceState" and own_id is None:
            prospect = data.relationships.get("prospect")
            sequence = data.relationships.get("sequence")
            if isinstance(prospect, tuple) and isinstance(sequence, tuple):
                existing = self.store.sequence_state_for(prospect[1], sequence[1])
                if existing is not None:
                    raise duplicate_value(
                        f"Prospect {prospect[1]} is already in sequence {sequence[1]} "
                        f"(sequence state {existing}).",
                        "/data/relationships/prospect",
                    )

    async def _update(
        self, request: web.Request, spec: ResourceSpec, record_id: int
    ) -> web.Response:
        query = self._query(request, spec, _WRITE)
        body = await _json_body(request)
        record = self._existing(spec, record_id)
        data = parse_resource(body, spec, self.store, url_id=record_id)
        self._check_unique(spec, data, record_id)
        record.attributes.update(data.attributes)
        record.relationships.update(data.relationships)
        record.relationships.update(_derived_links(self.store, spec, data))
        record.relationships.update(self._acting_user(request, spec, ("updater",), {}))
        return self._single(request, query, self.store.save(record))

    def _delete(self, request: web.Request, spec: ResourceSpec, record_id: int) -> web.Response:
        self._query(request, spec, _NONE)
        if not self.store.delete(spec.type, record_id):
            raise not_found(spec.type, record_id)
        return web.Response(status=204)

    # Actions ----------------------------------------------------------------------------

    def _action_query(self, request: web.Request, spec: ResourceSpec, action: ActionSpec) -> Query:
        query = self._query(request, spec, _ACTION)
        for name in query.action_params:
            if name not in action.params:
                raise bad_request(
                    f"'{name}' is not an accepted parameter of the '{action.name}' action.",
                    parameter=f"actionParams[{name}]",
                )
        for name in action.required:
            if name not in query.action_params:
                raise bad_request(
                    f"actionParams[{name}] is required by the '{action.name}' action.",
                    parameter=f"actionParams[{name}]",
                )
        return query

    async def _member_action(
        self, request: web.Request, spec: ResourceSpec, record_id: int, action: ActionSpec
    ) -> web.Response:
        query = self._action_query(request, spec, action)
        record = self._existing(spec, record_id)
        changed = member_action(spec.type, action.name)(self.store, record, query.action_params)
        return self._single(request, query, self.store.save(changed))

    async def _collection_action(
        self, request: web.Request, spec: ResourceSpec, action: ActionSpec
    ) -> web.Response:
        query = self._action_query(request, spec, action)
        body = await _json_body(request, required=False)
        if spec.type != "batch":
            raise ApiError(
                501,
                "notImplemented",
                "Not Implemented",
                f"The fake server does not run '{spec.plural}/actions/{action.name}'.",
            )
        batch = start_bulk_action(self.store, action.name, body, query.action_params)
        stored = self.store.get("batch", batch.id)
        assert stored is not None
        return self._single(request, query, stored)


def _derived_links(store: Store, spec: ResourceSpec, data: ResourceInput) -> dict[str, Any]:
    """Read-only relationships that follow from written ones (a task's prospect and account)."""
    links: dict[str, Any] = dict(data.relationships)
    if spec.type == "task":
        subject = data.relationships.get("subject")
        if isinstance(subject, tuple) and subject[0] == "prospect":
            prospect = store.peek("prospect", subject[1])
            links["prospect"] = subject
            links["account"] = prospect.to_one("account") if prospect else None
        elif isinstance(subject, tuple) and subject[0] == "account":
            links["account"] = subject
    return links


async def _json_body(request: web.Request, *, required: bool = True) -> Any:
    raw = await request.read()
    if not raw.strip():
        if required:
            raise invalid_body("The request body must be a JSON:API document.")
        return None
    try:
        return json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise invalid_body("The request body is not valid JSON.") from None


def _parse_id(text: str) -> int | None:
    return int(text) if text.isdigit() else None


def _api_url(request: web.Request) -> str:
    return f"{request.scheme}://{request.host}{API_PREFIX}"


def _query_string(items: Iterable[tuple[str, str]]) -> str:
    return "&".join(f"{quote(k, safe='[]')}={quote(v, safe='[],.:')}" for k, v in items)


def _link(request: web.Request, spec: ResourceSpec, items: list[tuple[str, str]]) -> str:
    url = f"{_api_url(request)}/{spec.plural}"
    return f"{url}?{_query_string(items)}" if items else url


def _page_links(
    request: web.Request, spec: ResourceSpec, query: Query, page: PageResult
) -> dict[str, str]:
    original = list(request.query.items())
    if query.page.kind == "offset":
        base = [(k, v) for k, v in original if k not in _OFFSET_PARAMS]
        limit, offset = query.page.size, query.page.offset
        total = page.total or 0

        def at(position: int) -> str:
            return _link(
                request,
                spec,
                [*base, ("page[limit]", str(limit)), ("page[offset]", str(position))],
            )

        links = {"first": at(0)}
        if offset > 0:
            links["prev"] = at(max(offset - limit, 0))
        if page.has_next:
            links["next"] = at(offset + limit)
        links["last"] = at(max((total - 1) // limit * limit, 0))
        return links
    base = [(k, v) for k, v in original if k not in _CURSOR_PARAMS]
    links = {"first": _link(request, spec, base)}
    if page.has_prev and page.first_cursor:
        links["prev"] = _link(request, spec, [*base, ("page[before]", page.first_cursor)])
    if page.has_next and page.last_cursor:
        links["next"] = _link(request, spec, [*base, ("page[after]", page.last_cursor)])
    return links
