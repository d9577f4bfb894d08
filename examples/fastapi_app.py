"""A FastAPI app: one Outreach client for the app's lifetime, and a webhook endpoint.

    pip install 'outreach-async[fastapi]'
    python examples/fastapi_app.py            # serve, make three requests to it, stop
    python examples/fastapi_app.py --serve    # keep serving on 127.0.0.1:8000 until Ctrl-C

Outreach is reached with `OUTREACH_ACCESS_TOKEN`, else the embedded fake; webhooks are
checked with `OUTREACH_WEBHOOK_SECRET`.
"""

import asyncio
import json
import os
import socket
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any

import aiohttp
import uvicorn
from connect import outreach_client
from fastapi import Depends, FastAPI, Header, HTTPException, Request

from outreach_async import NotFound, OutreachClient, WebhookError, WebhookSignatureError
from outreach_async.webhooks import SIGNATURE_HEADER, WebhookEvent, sign, verify_and_parse

SECRET = os.environ.get("OUTREACH_WEBHOOK_SECRET", "example-webhook-secret")


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    """Open one client (one connection pool, one rate-limit state) for every request."""
    async with outreach_client() as client:
        app.state.outreach = client
        yield


app = FastAPI(lifespan=lifespan)


def outreach(request: Request) -> OutreachClient:
    client: OutreachClient = request.app.state.outreach
    return client


async def outreach_event(
    request: Request,
    signature: Annotated[str | None, Header(alias=SIGNATURE_HEADER)] = None,
) -> WebhookEvent:
    """The verified event of a delivery; 401 for a bad signature, 400 for a bad payload."""
    body = await request.body()  # the raw bytes: the signature covers exactly these
    try:
        return verify_and_parse(SECRET, body, signature)
    except WebhookSignatureError:
        raise HTTPException(status_code=401, detail="invalid signature") from None
    except WebhookError:
        raise HTTPException(status_code=400, detail="not an Outreach event") from None


@app.get("/prospects/{prospect_id}")
async def prospect_name(
    prospect_id: int, client: Annotated[OutreachClient, Depends(outreach)]
) -> dict[str, Any]:
    try:
        prospect = await client.prospects.get(prospect_id, fields=["first_name", "last_name"])
    except NotFound:
        raise HTTPException(status_code=404, detail="no such prospect") from None
    return {"id": prospect.id, "name": f"{prospect.first_name} {prospect.last_name}"}


@app.post("/outreach/webhook", status_code=204)
async def receive(event: Annotated[WebhookEvent, Depends(outreach_event)]) -> None:
    print(f"webhook: {event.name} for {event.resource_type} {event.resource.id}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def main(serve: bool) -> None:
    port = 8000 if serve else free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    serving = asyncio.create_task(server.serve())
    while not server.started and not serving.done():
        await asyncio.sleep(0.02)
    print(f"serving at http://127.0.0.1:{port}")
    if serve:
        await serving
        return
    try:
        async with aiohttp.ClientSession(f"http://127.0.0.1:{port}") as http:
            async with http.get("/prospects/1") as answer:
                print(f"GET /prospects/1: {answer.status} {await answer.json()}")
            async with http.get("/prospects/999999999") as answer:
                print(f"GET /prospects/999999999: {answer.status} {await answer.json()}")
            body = json.dumps(
                {"data": {"type": "account", "id": 3}, "meta": {"eventName": "account.created"}}
            ).encode()
            headers = {SIGNATURE_HEADER: sign(SECRET, body)}
            async with http.post("/outreach/webhook", data=body, headers=headers) as answer:
                print(f"POST /outreach/webhook: {answer.status}")
    finally:
        server.should_exit = True
        await serving


asyncio.run(main("--serve" in sys.argv[1:]))
