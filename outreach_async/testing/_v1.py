"""The legacy API v1 sequence routes of the fake server, over the same store as `/api/v2`.

- `GET /1.0/sequences?page[number]=N&page[size]=S`: sequences ordered by name (then id),
  S at most 50 (default 50), with `meta.page{current, entries, maximum}`,
  `meta.results.total` and `links.prev`/`links.next`. Ids are strings, as in v1.
- `PATCH /1.0/sequences/{id}`: `data.relationships.prospects: [{data: {id}}, ...]` (1 to 50)
  adds each prospect that exists and is not yet in the sequence (a sequence state on the
  store's first mailbox, visible through v2) and answers with a v1 `batch`, which is also a
  finished v2 batch (`/api/v2/batches/{id}`).

The routes check the bearer token like v2 but are not rate limited or faulted. The app
factory calls `install_v1(app, store)`.
"""

from __future__ import annotations

import math

from aiohttp import web

from ._actions import create_sequence_state
from ._oauth import invalid_jwt
from ._records import Record
from ._store import Store
from ._wiring import PROTECTIONS_KEY

V1_PREFIX = "/1.0"
V1_MAX_PAGE_SIZE = 50
V1_MAX_PROSPECTS = 50


def install_v1(app: web.Application, store: Store) -> None:
    """Add the v1 sequence routes to the fake server's app."""
    routes = _V1Routes(store)
    app.router.add_get(f"{V1_PREFIX}/sequences", routes.list_sequences)
    app.router.add_patch(f"{V1_PREFIX}/sequences/{{id}}", routes.add_prospects)


def _error(status: int, title: str, detail: str) -> web.Response:
    return web.json_response({"errors": [{"title": title, "detail": detail}]}, status=status)


def _unauthorized(request: web.Request) -> web.Response | None:
    protections = request.app.get(PROTECTIONS_KEY)
    if protections is None:
        return None
    scheme, _, token = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() != "bearer" or isinstance(protections.oauth.authenticate(token.strip()), str):
        return invalid_jwt("A valid bearer token is required.")
    return None


def _positive(request: web.Request, name: str, default: int) -> int | None:
    text = request.query.get(name)
    if text is None:
        return default
    return int(text) if text.isdigit() and int(text) > 0 else None


class _V1Routes:
    def __init__(self, store: Store) -> None:
        self.store = store

    def _by_name(self) -> list[tuple[str, int]]:
        named = []
        for sequence_id in self.store.ids("sequence"):
            record = self.store.peek("sequence", sequence_id)
            name = record.attributes.get("name") if record is not None else None
            named.append((name if isinstance(name, str) else "", sequence_id))
        return sorted(named)

    async def list_sequences(self, request: web.Request) -> web.Response:
        refused = _unauthorized(request)
        if refused is not None:
            return refused
        number = _positive(request, "page[number]", 1)
        size = _positive(request, "page[size]", V1_MAX_PAGE_SIZE)
        if number is None or size is None:
            return _error(400, "Bad Request", "page[number] and page[size] must be positive.")
        if size > V1_MAX_PAGE_SIZE:
            return _error(400, "Bad Request", f"page[size] must be at most {V1_MAX_PAGE_SIZE}.")
        sequences = self._by_name()
        maximum = max(1, math.ceil(len(sequences) / size))
        chosen = sequences[(number - 1) * size : number * size]
        url = f"{request.scheme}://{request.host}{V1_PREFIX}/sequences"
        links: dict[str, str] = {}
        if number > 1:
            links["prev"] = f"{url}?page[number]={number - 1}&page[size]={size}"
        if number < maximum:
            links["next"] = f"{url}?page[number]={number + 1}&page[size]={size}"
        return web.json_response(
            {
                "data": [
                    {"id": str(sequence_id), "type": "sequence", "attributes": {"name": name}}
                    for name, sequence_id in chosen
                ],
                "meta": {
                    "page": {"current": number, "entries": size, "maximum": maximum},
                    "results": {"total": len(sequences)},
                },
                "links": links,
            }
        )

    async def add_prospects(self, request: web.Request) -> web.Response:
        refused = _unauthorized(request)
        if refused is not None:
            return refused
        text = request.match_info["id"]
        if not text.isdigit() or not self.store.exists("sequence", int(text)):
            return _error(404, "Not Found", f"Could not find 'sequence' with ID '{text}'.")
        try:
            body = await request.json()
            entries = body["data"]["relationships"]["prospects"]
            prospect_ids = [int(str(entry["data"]["id"])) for entry in entries]
        except (ValueError, KeyError, TypeError):
            return _error(
                422,
                "Validation Error",
                "Expected data.relationships.prospects: [{data: {id}}, ...].",
            )
        if not 1 <= len(prospect_ids) <= V1_MAX_PROSPECTS:
            return _error(
                422,
                "Validation Error",
                f"Give between 1 and {V1_MAX_PROSPECTS} prospects per request.",
            )
        batch = self._add(int(text), prospect_ids)
        created = batch.attributes.get("createdAt")
        return web.json_response(
            {
                "data": {
                    "id": str(batch.id),
                    "type": "batch",
                    "attributes": {"created": created, "updated": created},
                },
                "links": {"self": f"{request.scheme}://{request.host}/api/v2/batches/{batch.id}"},
            }
        )

    def _add(self, sequence_id: int, prospect_ids: list[int]) -> Record:
        mailboxes = self.store.ids("mailbox")
        failures = []
        for prospect_id in prospect_ids:
            if not self.store.exists("prospect", prospect_id):
                failures.append({"id": prospect_id, "info": "The prospect does not exist."})
            elif not mailboxes:
                failures.append({"id": prospect_id, "info": "There is no mailbox to send from."})
            elif self.store.sequence_state_for(prospect_id, sequence_id) is None:
                create_sequence_state(self.store, prospect_id, sequence_id, mailboxes[0])
        now = self.store.now()
        total = len(prospect_ids)
        return self.store.insert(
            "batch",
            {
                "action": "prospectsAddToSequence",
                "state": "finished",
                "total": total,
                "pending": 0,
                "failures": len(failures),
                "startedAt": now,
                "finishedAt": now,
                "summary": {
                    "succeeded": total - len(failures),
                    "failed": len(failures),
                    "errors": failures,
                },
            },
        )
