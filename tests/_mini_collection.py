"""A tiny keyset-paged collection server whose misbehaviour tests can switch on."""

from __future__ import annotations

import asyncio
import json
import random
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import attrs
from aiohttp import web

JSONAPI = "application/vnd.api+json"
_RANGE = re.compile(r"^(neginf|-?\d+)\.\.(inf|-?\d+)$")


@attrs.define
class MiniCollection:
    ids: list[int]
    ignore_upper_bound: bool = False
    shuffle_pages: bool = False
    bad_gateway_above: int | None = None
    latency: float = 0.0
    with_attributes: bool = False
    requests: int = 0
    page_sizes: list[int] = attrs.Factory(list)
    rng: random.Random = attrs.Factory(lambda: random.Random(7))

    async def handle(self, request: web.Request) -> web.Response:
        self.requests += 1
        if self.latency:
            await asyncio.sleep(self.latency)
        size = int(request.query.get("page[size]", "50"))
        self.page_sizes.append(size)
        if self.bad_gateway_above is not None and size > self.bad_gateway_above:
            return web.Response(
                status=502, text="<html>502 Bad Gateway</html>", content_type="text/html"
            )
        low, high = float("-inf"), float("inf")
        match = _RANGE.match(request.query.get("filter[id]", "neginf..inf"))
        assert match, request.query_string
        if match.group(1) != "neginf":
            low = int(match.group(1))
        if match.group(2) != "inf" and not self.ignore_upper_bound:
            high = int(match.group(2))
        descending = request.query.get("sort") == "-id"
        after = int(request.query.get("page[after]", "0"))
        chosen = [i for i in self.ids if low <= i <= high]
        chosen.sort(reverse=descending)
        if "page[after]" in request.query:
            chosen = [i for i in chosen if (i < after if descending else i > after)]
        page = chosen[:size]
        more = len(chosen) > size
        if self.shuffle_pages:
            self.rng.shuffle(page)
        body: dict[str, object] = {"data": [self._resource(i) for i in page]}
        if more and page:
            cursor = min(page) if descending else max(page)
            query = {k: v for k, v in request.query.items() if k != "page[after]"}
            query["page[after]"] = str(cursor)
            next_url = request.url.with_query(query)
            body["links"] = {"next": str(next_url)}
        return web.Response(body=json.dumps(body), content_type=JSONAPI)

    def _resource(self, resource_id: int) -> dict[str, object]:
        resource: dict[str, object] = {"type": "prospect", "id": resource_id}
        if self.with_attributes:
            resource["attributes"] = {
                "firstName": f"P{resource_id}",
                "lastName": None,
                "tags": ["a", "b,c"],
                "custom7": f"c{resource_id}",
                "brandNew": {"n": resource_id},
            }
            resource["relationships"] = {
                "account": {"data": {"type": "account", "id": resource_id % 7}},
                "owner": {"data": None},
            }
        return resource


@asynccontextmanager
async def serve(collection: MiniCollection) -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_get("/api/v2/prospects", collection.handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        yield f"http://127.0.0.1:{port}/api/v2"
    finally:
        await runner.cleanup()
