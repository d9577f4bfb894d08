"""`outreach_async.fastapi` in FastAPI apps, against the fake server."""

from __future__ import annotations

import asyncio
import json
from typing import Annotated, Any

import httpx2 as httpx  # the client Starlette's TestClient is built on
import pytest
from fastapi import Depends, FastAPI
from fastapi.testclient import TestClient

from outreach_async import OutreachClient, RateLimited, RetryPolicy
from outreach_async.errors import ErrorObject, ServerError, TransportError
from outreach_async.fastapi import (
    OutreachClientDep,
    error_answer,
    install_error_handlers,
    outreach_lifespan,
    webhook_event,
)
from outreach_async.testing import FakeOutreach, RateLimitSettings
from outreach_async.webhooks import SIGNATURE_HEADER, WebhookEvent, sign

from .._docs import the_example

ROOMY = RateLimitSettings(limit=100_000, window=10.0)
SECRET = "whsec-test-5f2a"


def make_app(server: FakeOutreach, **options: Any) -> FastAPI:
    app = FastAPI(lifespan=outreach_lifespan(auth=server.token, base_url=server.api_url, **options))
    install_error_handlers(app)
    received: list[WebhookEvent] = []
    app.state.received = received

    @app.get("/prospects/{prospect_id}")
    async def read_prospect(prospect_id: int, client: OutreachClientDep) -> dict[str, Any]:
        prospect = await client.prospects.get(prospect_id)
        return {"id": prospect.id, "client": id(client)}

    @app.post("/sequences")
    async def create_sequence(client: OutreachClientDep) -> dict[str, Any]:
        created = await client.resource("sequence").create({"description": "no name"})
        return {"id": created.id}

    @app.post("/outreach/webhook", status_code=204)
    async def receive(
        event: Annotated[WebhookEvent, Depends(webhook_event(SECRET, max_body_size=4096))],
    ) -> None:
        received.append(event)

    return app


def test_the_lifespan_opens_one_client_and_closes_it_on_shutdown() -> None:
    with FakeOutreach(seed=2, rate_limit=ROOMY).in_thread() as server:
        app = make_app(server)
        with TestClient(app) as http:
            client = app.state.outreach_client
            assert isinstance(client, OutreachClient) and not client.closed
            first = http.get("/prospects/1").json()
            second = http.get("/prospects/2").json()
        assert first["id"] == 1 and second["id"] == 2
        assert first["client"] == second["client"] == id(client)
        assert client.closed
        assert not hasattr(app.state, "outreach_client")


def test_errors_become_http_answers() -> None:
    with FakeOutreach(seed=2, rate_limit=ROOMY).in_thread() as server:
        with TestClient(make_app(server)) as http:
            missing = http.get("/prospects/999999")
            refused = http.post("/sequences")
    assert missing.status_code == 404
    assert missing.json()["errors"][0]["id"] == "resourceNotFound"
    assert refused.status_code == 422
    pointers = [error.get("pointer") for error in refused.json()["errors"]]
    assert "/data/attributes/name" in pointers


def test_the_rate_limit_is_a_503_with_retry_after() -> None:
    limits = RateLimitSettings(limit=1, window=600.0)
    with FakeOutreach(seed=2, rate_limit=limits).in_thread() as server:
        app = make_app(server, retry=RetryPolicy(max_wait=1.0))
        with TestClient(app) as http:
            answers = [http.get(f"/prospects/{n}") for n in (1, 2)]
    assert answers[0].status_code == 200
    assert answers[1].status_code == 503
    assert int(answers[1].headers["Retry-After"]) > 1


@pytest.mark.parametrize(
    ("error", "status"),
    [
        (RateLimited(429, [], method="GET", url="u", retry_after=12.2), 503),
        (ServerError(500, [ErrorObject(detail="boom")], method="GET", url="u"), 502),
        (TransportError("GET u: timed out"), 502),
    ],
)
def test_the_answer_for_each_kind_of_error(error: Any, status: int) -> None:
    answered, headers, body = error_answer(error)
    assert answered == status
    assert headers == ({"Retry-After": "13"} if status == 503 else {})
    assert "u:" not in body["detail"]


def _delivery(body: bytes, signature: str | None) -> dict[str, Any]:
    headers = {"Content-Type": "application/json"}
    if signature is not None:
        headers[SIGNATURE_HEADER] = signature
    return {"content": body, "headers": headers}


EVENT = json.dumps(
    {
        "data": {"type": "prospect", "id": 7, "attributes": {"firstName": "Ada"}},
        "meta": {"eventName": "prospect.updated", "deliveredAt": "2024-05-01T10:00:00Z"},
    }
).encode()


def test_the_webhook_dependency_verifies_and_limits_the_body() -> None:
    with FakeOutreach(seed=2, rate_limit=ROOMY).in_thread() as server:
        app = make_app(server)
        with TestClient(app) as http:
            good = http.post("/outreach/webhook", **_delivery(EVENT, sign(SECRET, EVENT)))
            forged = http.post("/outreach/webhook", **_delivery(EVENT, "0" * 64))
            unsigned = http.post("/outreach/webhook", **_delivery(EVENT, None))
            garbage = http.post("/outreach/webhook", **_delivery(b"[]", sign(SECRET, b"[]")))
            big = b" " * 5000
            too_big = http.post("/outreach/webhook", **_delivery(big, sign(SECRET, big)))
            streamed = http.post(
                "/outreach/webhook",
                content=iter([b" " * 3000, b" " * 3000]),
                headers={SIGNATURE_HEADER: "x"},
            )
    assert [r.status_code for r in (good, forged, unsigned, garbage, too_big, streamed)] == [
        204,
        401,
        401,
        400,
        413,
        413,
    ]
    (event,) = app.state.received
    assert event.name == "prospect.updated" and event.resource.id == 7


def test_an_app_without_the_lifespan_is_told_what_to_do() -> None:
    app = FastAPI()

    @app.get("/")
    async def endpoint(client: OutreachClientDep) -> None:
        raise AssertionError("not reached")

    with TestClient(app) as http, pytest.raises(RuntimeError, match="outreach_lifespan"):
        http.get("/")


async def test_a_hundred_concurrent_requests_share_one_client() -> None:
    async with FakeOutreach(seed=2, prospects=200, rate_limit=ROOMY) as server:
        app = make_app(server)
        async with app.router.lifespan_context(app):
            transport = httpx.ASGITransport(app=app)
            async with httpx.AsyncClient(transport=transport, base_url="http://app") as http:
                answers = await asyncio.gather(
                    *(http.get(f"/prospects/{1 + n % 200}") for n in range(100))
                )
            client = app.state.outreach_client
        assert client.closed
    assert [a.status_code for a in answers] == [200] * 100
    assert {a.json()["client"] for a in answers} == {id(client)}
    assert sorted(a.json()["id"] for a in answers) == sorted(1 + n % 200 for n in range(100))


def test_the_documented_example_app_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    code = the_example("outreach_lifespan()", "webhook_event(WEBHOOK_SECRET)")
    with FakeOutreach(seed=2, rate_limit=ROOMY).in_thread() as server:
        monkeypatch.setenv("OUTREACH_ACCESS_TOKEN", server.token)
        monkeypatch.setenv("OUTREACH_BASE_URL", server.api_url)
        namespace: dict[str, Any] = {"__name__": "documented_app", "WEBHOOK_SECRET": SECRET}
        exec(compile(code, "documented_app", "exec"), namespace)
        with TestClient(namespace["app"]) as http:
            prospect = http.get("/prospects/3")
            missing = http.get("/prospects/999999")
            delivered = http.post("/outreach/webhook", **_delivery(EVENT, sign(SECRET, EVENT)))
    assert prospect.status_code == 200 and prospect.json()["id"] == 3
    assert missing.status_code == 404
    assert delivered.status_code == 204
