"""The `make demo` tour: the public client against a local stand-in server."""

from __future__ import annotations

from typing import TextIO

from aiohttp import web

from . import NotFound, OutreachClient

_PROSPECTS = {
    1: {"firstName": "Sally", "lastName": "Ride", "title": "Astronaut"},
    2: {"firstName": "Katie", "lastName": "Bouman", "title": "Imaging scientist"},
}


async def _collection(request: web.Request) -> web.Response:
    data = [{"type": "prospect", "id": i, "attributes": a} for i, a in _PROSPECTS.items()]
    return web.json_response({"data": data}, content_type="application/vnd.api+json")


async def _member(request: web.Request) -> web.Response:
    prospect_id = int(request.match_info["id"])
    if prospect_id not in _PROSPECTS:
        body = {
            "errors": [
                {
                    "id": "resourceNotFound",
                    "title": "Resource Not Found",
                    "detail": f"Could not find 'prospect' with ID '{prospect_id}'.",
                }
            ]
        }
        return web.json_response(body, status=404, content_type="application/vnd.api+json")
    data = {"type": "prospect", "id": prospect_id, "attributes": _PROSPECTS[prospect_id]}
    return web.json_response({"data": data}, content_type="application/vnd.api+json")


async def run_demo(out: TextIO) -> int:
    """List, get and miss a prospect through the public client."""
    app = web.Application()
    app.router.add_get("/api/v2/prospects", _collection)
    app.router.add_get("/api/v2/prospects/{id}", _member)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    try:
        async with OutreachClient(
            "demo-token", base_url=f"http://127.0.0.1:{port}/api/v2"
        ) as client:
            prospects = client.resource("prospect")
            async for prospect in prospects.iterate():
                out.write(
                    f"prospect {prospect.id}: {prospect['firstName']} {prospect['lastName']}\n"
                )
            one = await prospects.get(2)
            out.write(f"got {one['firstName']}, {one['title']}\n")
            try:
                await prospects.get(99)
            except NotFound as error:
                out.write(f"as expected:\n{error}\n")
    finally:
        await runner.cleanup()
    return 0
