"""Fault injection of the fake server, as an aiohttp client experiences it."""

from __future__ import annotations

import json
import random
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import BaseTestServer, TestServer

from outreach_async.testing._faults import FaultInjector, FaultPlan, fault_middleware
from outreach_async.testing._request_keys import FAULT_KEY, RECORD_COUNT_KEY
from outreach_async.testing._settings import FakeSettings

if TYPE_CHECKING:  # typing only: older aiohttp releases lack these names
    from aiohttp.typedefs import Handler

#: 2017-01-01T00:00:00Z
NEW_YEAR = 1_483_228_800


class FakeClock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class Harness:
    def __init__(self, settings: FakeSettings) -> None:
        self.settings = settings
        self.faults = settings.faults
        self.slept: list[float] = []
        self.injector = FaultInjector(settings, sleep=self.sleep)
        self.writes = 0
        #: What an outer layer (the request log) sees: the injected fault of each request.
        self.observed: list[str | None] = []
        self.server: BaseTestServer
        self.session: aiohttp.ClientSession

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)

    async def get(self, path: str, **params: str) -> tuple[int, dict[str, str], bytes]:
        async with self.session.get(self.server.make_url(path), params=params) as response:
            return response.status, dict(response.headers), await response.read()

    async def post(self) -> int:
        async with self.session.post(self.server.make_url("/api/v2/prospects")) as response:
            await response.read()
            return response.status


def records(n: int) -> dict[str, Any]:
    return {"data": [{"type": "prospect", "id": i, "attributes": {}} for i in range(1, n + 1)]}


@pytest.fixture
async def harness() -> AsyncIterator[Harness]:
    settings = FakeSettings(seed=7, clock=FakeClock(NEW_YEAR - 90))
    h = Harness(settings)

    async def collection(request: web.Request) -> web.Response:
        n = int(request.query.get("n", "3"))
        if "count_key" in request.query:
            request[RECORD_COUNT_KEY] = n
        return web.json_response(records(n), content_type="application/vnd.api+json")

    async def one(request: web.Request) -> web.Response:
        return web.json_response({"data": {"type": "prospect", "id": 1}})

    async def create(request: web.Request) -> web.Response:
        h.writes += 1
        return web.json_response({"data": {"type": "prospect", "id": 99}}, status=201)

    async def other(request: web.Request) -> web.Response:
        return web.Response(text="outside the API")

    @web.middleware
    async def observe(request: web.Request, handler: Handler) -> web.StreamResponse:
        try:
            return await handler(request)
        finally:
            h.observed.append(request.get(FAULT_KEY))

    app = web.Application(middlewares=[observe, fault_middleware(h.injector)])
    app.router.add_get("/api/v2/prospects", collection)
    app.router.add_get("/api/v2/prospects/{id}", one)
    app.router.add_post("/api/v2/prospects", create)
    app.router.add_get("/other", other)
    async with TestServer(app) as server, aiohttp.ClientSession() as session:
        h.server = server
        h.session = session
        yield h


async def test_no_faults_by_default(harness: Harness) -> None:
    status, _, body = await harness.get("/api/v2/prospects")
    assert status == 200
    assert json.loads(body) == records(3)
    assert harness.slept == []
    assert harness.observed == [None]
    assert harness.injector.counts.requests == 1


async def test_internal_server_error_is_json_api(harness: Harness) -> None:
    harness.faults.error_rate = 1.0
    harness.faults.error_statuses = (500,)
    status, headers, body = await harness.get("/api/v2/prospects")
    assert status == 500
    assert headers["Content-Type"].startswith("application/vnd.api+json")
    assert json.loads(body)["errors"][0]["id"] == "internalServerError"
    assert harness.injector.counts.errors == {500: 1}
    assert harness.observed == ["error"]


async def test_bad_gateway_is_a_proxy_html_page(harness: Harness) -> None:
    harness.faults.error_rate = 1.0
    harness.faults.error_statuses = (502,)
    status, headers, body = await harness.get("/api/v2/prospects")
    assert status == 502
    assert headers["Content-Type"].startswith("text/html")
    assert body == b"<html><body><h1>502 Bad Gateway</h1></body></html>"


@pytest.mark.parametrize(
    ("status", "error_id"), [(503, "serviceUnavailable"), (504, "gatewayTimeout")]
)
async def test_other_errors_are_json_api(harness: Harness, status: int, error_id: str) -> None:
    harness.faults.error_rate = 1.0
    harness.faults.error_statuses = (status,)
    seen, _, body = await harness.get("/api/v2/prospects/1")
    assert seen == status
    assert json.loads(body)["errors"][0]["id"] == error_id


async def test_errors_stop_the_handler_from_running(harness: Harness) -> None:
    harness.faults.error_rate = 1.0
    harness.faults.error_statuses = (500,)
    assert await harness.post() == 500
    assert harness.writes == 0


async def test_error_rate_and_status_mix_replay_from_the_seed(harness: Harness) -> None:
    harness.faults.error_rate = 0.5
    harness.faults.error_statuses = (500, 503)

    async def statuses() -> list[int]:
        return [(await harness.get("/api/v2/prospects/1"))[0] for _ in range(40)]

    first = await statuses()
    assert set(first) == {200, 500, 503}
    harness.injector.reseed()
    assert await statuses() == first
    harness.settings.seed = 8  # a new seed reseeds by itself, and gives another sequence
    other = await statuses()
    assert other != first
    harness.settings.seed = 7
    assert await statuses() == first


def test_same_seed_same_plans_whatever_faults_are_on() -> None:
    def plans(seed: int, **faults: float) -> list[FaultPlan]:
        settings = FakeSettings(seed=seed)
        for name, value in faults.items():
            setattr(settings.faults, name, value)
        injector = FaultInjector(settings)
        return [injector.plan("GET", "/api/v2/prospects", None) for _ in range(200)]

    mixed = {"drop_rate": 0.1, "error_rate": 0.2, "truncate_rate": 0.1, "jitter": 1.0}
    first = plans(3, **mixed)
    assert plans(3, **mixed) == first
    assert {plan.kind for plan in first} == {"none", "drop", "error", "truncate"}
    # Turning one fault off does not shift the others: the error draws stay where they were.
    without_drops = plans(3, **(mixed | {"drop_rate": 0.0}))
    for with_drop, without in zip(first, without_drops, strict=True):
        if with_drop.kind == "error":
            assert without == with_drop
        assert without.delay == with_drop.delay


@pytest.mark.parametrize("parameter", ["page[size]", "page[limit]"])
async def test_large_collection_pages_get_502(harness: Harness, parameter: str) -> None:
    harness.faults.bad_gateway_above_page_size = 50
    status, headers, body = await harness.get("/api/v2/prospects", **{parameter: "51"})
    assert status == 502
    assert headers["Content-Type"].startswith("text/html")
    assert b"502 Bad Gateway" in body
    assert (await harness.get("/api/v2/prospects", **{parameter: "50"}))[0] == 200
    assert (await harness.get("/api/v2/prospects/1", **{parameter: "500"}))[0] == 200
    assert harness.injector.counts.bad_gateway_page_size == 1


@pytest.mark.parametrize(
    ("form", "retry_after"),
    [
        ("iso", "2017-01-01T00:00:00Z"),
        ("iso-naive", "2017-01-01T00:00:00"),
        ("seconds", "90"),
        ("http-date", "Sun, 01 Jan 2017 00:00:00 GMT"),
    ],
)
async def test_maintenance_answers_503_with_retry_after(
    harness: Harness, form: Any, retry_after: str
) -> None:
    harness.faults.maintenance_retry_after = 90.0
    harness.faults.maintenance_retry_after_format = form
    status, headers, body = await harness.get("/api/v2/prospects")
    assert status == 503
    assert headers["Retry-After"] == retry_after
    error = json.loads(body)["errors"][0]
    assert error["id"] == "scheduledServerMaintenance"
    assert error["title"] == "Scheduled Server Maintenance"
    assert harness.injector.counts.maintenance == 1
    harness.faults.maintenance_retry_after = None
    assert (await harness.get("/api/v2/prospects"))[0] == 200


async def test_dropped_connection_is_a_disconnect_and_nothing_is_written(
    harness: Harness,
) -> None:
    harness.faults.drop_rate = 1.0
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await harness.post()
    assert harness.writes == 0
    assert harness.injector.counts.dropped == 1
    assert harness.observed == ["drop"]


async def test_drop_after_handler_loses_the_answer_of_a_write(harness: Harness) -> None:
    harness.faults.drop_rate = 1.0
    harness.faults.drop_after_handler = True
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await harness.post()
    assert harness.writes == 1


async def test_dropped_get_is_a_client_connection_error(harness: Harness) -> None:
    harness.faults.drop_rate = 1.0
    with pytest.raises(aiohttp.ClientConnectionError):
        await harness.get("/api/v2/prospects")
    # aiohttp may resend an idempotent request once on a fresh connection; each is dropped.
    assert harness.injector.counts.dropped >= 1
    harness.faults.drop_rate = 0.0
    assert (await harness.get("/api/v2/prospects"))[0] == 200


async def test_truncated_connection_is_a_payload_error(harness: Harness) -> None:
    harness.faults.truncate_rate = 1.0
    full = json.dumps(records(20)).encode()
    async with harness.session.get(
        harness.server.make_url("/api/v2/prospects"), params={"n": "20"}
    ) as response:
        assert response.status == 200
        assert response.content_length == len(full)
        assert response.content_type == "application/vnd.api+json"
        with pytest.raises(aiohttp.ClientPayloadError):
            await response.read()
    assert harness.injector.counts.truncated == 1
    assert harness.observed == ["truncate"]


async def test_truncated_json_is_a_complete_answer_with_half_a_body(harness: Harness) -> None:
    harness.faults.truncate_rate = 1.0
    harness.faults.truncate_mode = "json"
    full = json.dumps(records(20)).encode()
    status, headers, body = await harness.get("/api/v2/prospects", n="20")
    assert status == 200
    assert headers["Content-Length"] == str(len(full) // 2)
    assert body == full[: len(full) // 2]
    with pytest.raises(ValueError):
        json.loads(body)


async def test_latency_jitter_and_per_record_delay(harness: Harness) -> None:
    harness.faults.latency = 0.25
    harness.faults.jitter = 0.5
    harness.faults.latency_per_record = 0.01
    await harness.get("/api/v2/prospects", n="10")  # records counted from the body
    await harness.get("/api/v2/prospects", n="4", count_key="1")  # handler-reported count
    rng = random.Random(harness.settings.seed)
    jitters = [[rng.random() for _ in range(5)][4] for _ in range(2)]
    assert harness.slept == pytest.approx(
        [0.25 + 0.5 * jitters[0] + 0.1, 0.25 + 0.5 * jitters[1] + 0.04]
    )
    assert harness.injector.counts.delayed == 2
    assert harness.injector.counts.delay_seconds == pytest.approx(sum(harness.slept))


async def test_errors_are_delayed_too(harness: Harness) -> None:
    harness.faults.latency = 0.5
    harness.faults.error_rate = 1.0
    harness.faults.error_statuses = (503,)
    assert (await harness.get("/api/v2/prospects"))[0] == 503
    assert harness.slept == [0.5]


async def test_paths_outside_the_api_are_never_faulted(harness: Harness) -> None:
    harness.faults.error_rate = 1.0
    harness.faults.latency = 1.0
    harness.faults.maintenance_retry_after = 60.0
    status, _, body = await harness.get("/other")
    assert (status, body) == (200, b"outside the API")
    assert harness.slept == []
    assert harness.injector.counts.requests == 0


@pytest.mark.parametrize(
    ("rate", "status", "form", "content_type", "words"),
    [
        ("after_write_503_rate", 503, "text", "text/plain", "upstream connect error"),
        ("after_write_502_rate", 502, "html", "text/html", "<h1>502 Bad Gateway</h1>"),
        ("after_write_500_rate", 500, "text", "text/plain", "disconnect/reset before headers"),
    ],
)
async def test_a_gateway_answers_in_its_own_words_after_a_write_was_stored(
    harness: Harness, rate: str, status: int, form: str, content_type: str, words: str
) -> None:
    setattr(harness.faults, rate, 1.0)
    harness.faults.gateway_body = form  # type: ignore[assignment]
    async with harness.session.post(harness.server.make_url("/api/v2/prospects")) as response:
        body = await response.text()
        assert response.status == status
        assert response.headers["Content-Type"].startswith(content_type)
    assert words in body and "errors" not in body, "a gateway's body, not JSON:API"
    assert harness.writes == 1, "the handler ran: the write is stored"
    assert harness.injector.counts.after_write == {status: 1}
    assert harness.observed == ["gateway_after_write"]
    status_of_read, _, _ = await harness.get("/api/v2/prospects")
    assert status_of_read == 200, "reads are not writes"


async def test_a_connection_drops_after_a_write_was_stored(harness: Harness) -> None:
    harness.faults.after_write_drop_rate = 1.0
    with pytest.raises(aiohttp.ServerDisconnectedError):
        await harness.post()
    assert harness.writes == 1
    assert harness.injector.counts.after_write == {0: 1}
    assert harness.observed == ["drop_after_write"]


def test_after_write_faults_have_their_own_rates_and_seed() -> None:
    def outcomes(seed: int, **rates: float) -> list[object]:
        settings = FakeSettings(seed=seed)
        for name, value in rates.items():
            setattr(settings.faults, f"after_write_{name}_rate", value)
        injector = FaultInjector(settings)
        return [injector.after_write("POST") for _ in range(2000)]

    drawn = outcomes(3, **{"503": 0.1, "502": 0.05, "500": 0.05, "drop": 0.1})
    shares = {kind: drawn.count(kind) / len(drawn) for kind in (503, 502, 500, "drop", None)}
    assert shares[503] == pytest.approx(0.1, abs=0.03)
    assert shares[502] == pytest.approx(0.05, abs=0.02)
    assert shares[500] == pytest.approx(0.05, abs=0.02)
    assert shares["drop"] == pytest.approx(0.1, abs=0.03)
    assert shares[None] == pytest.approx(0.7, abs=0.04)
    assert drawn == outcomes(3, **{"503": 0.1, "502": 0.05, "500": 0.05, "drop": 0.1})
    assert drawn != outcomes(4, **{"503": 0.1, "502": 0.05, "500": 0.05, "drop": 0.1})
    assert set(outcomes(3, drop=1.0)) == {"drop"}


def test_after_write_faults_do_not_shift_the_other_faults() -> None:
    def plans(after_write: float) -> list[FaultPlan]:
        settings = FakeSettings(seed=5)
        settings.faults.error_rate = 0.3
        settings.faults.after_write_503_rate = after_write
        injector = FaultInjector(settings)
        result = []
        for _ in range(50):
            result.append(injector.plan("POST", "/api/v2/prospects", None))
            injector.after_write("POST")
        return result

    assert plans(0.0) == plans(0.5)
