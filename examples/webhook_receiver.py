"""An aiohttp app receiving Outreach webhooks, then two deliveries sent to it as Outreach would.

    python examples/webhook_receiver.py            # serve, deliver a signed and a forged event
    python examples/webhook_receiver.py --serve    # keep serving on 127.0.0.1:8080 until Ctrl-C

The secret is the webhook's `secret` attribute in Outreach (`OUTREACH_WEBHOOK_SECRET`).
"""

import asyncio
import json
import os
import sys

import aiohttp
from aiohttp import web

from outreach_async.models import Prospect
from outreach_async.webhooks import SIGNATURE_HEADER, WebhookEvent, aiohttp_handler, sign

SECRET = os.environ.get("OUTREACH_WEBHOOK_SECRET", "example-webhook-secret")
PATH = "/outreach/webhook"


async def on_event(event: WebhookEvent) -> None:
    """Called once per verified delivery; an exception here makes Outreach deliver again."""
    if isinstance(event.resource, Prospect):
        print(f"received {event.name}: prospect {event.resource.id} {event.resource.first_name}")
    else:
        print(f"received {event.name} for {event.resource_type} {event.resource.id}")


def make_app() -> web.Application:
    app = web.Application()
    app.router.add_post(PATH, aiohttp_handler(SECRET, on_event))
    return app


async def deliver(url: str, body: bytes, signature: str) -> int:
    """Post a delivery the way Outreach does: the raw body and its signature header."""
    headers = {SIGNATURE_HEADER: signature, "Content-Type": "application/json"}
    async with aiohttp.ClientSession() as http, http.post(url, data=body, headers=headers) as r:
        return r.status


async def main(serve: bool) -> None:
    runner = web.AppRunner(make_app())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 8080 if serve else 0)
    await site.start()
    port = runner.addresses[0][1]
    url = f"http://127.0.0.1:{port}{PATH}"
    print(f"receiving webhooks at {url}")
    try:
        if serve:
            await asyncio.Event().wait()
        payload = {
            "data": {"type": "prospect", "id": 1, "attributes": {"firstName": "Sally"}},
            "meta": {"eventName": "prospect.updated", "deliveredAt": "2024-05-01T12:00:01Z"},
        }
        body = json.dumps(payload).encode()
        print(f"signed delivery answered {await deliver(url, body, sign(SECRET, body))}")
        print(f"forged delivery answered {await deliver(url, body, sign('guess', body))}")
    finally:
        await runner.cleanup()


asyncio.run(main("--serve" in sys.argv[1:]))
