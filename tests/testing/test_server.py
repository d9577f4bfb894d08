"""FakeOutreach as an object: start/close, arguments, request log, protections, CLI, plugin."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import aiohttp
import pytest
from fake_api_client import JSONAPI, ApiClient, new_session

import outreach_async.testing as testing
from outreach_async.testing import (
    FakeOutreach,
    FakeSettings,
    FaultSettings,
    OAuthSettings,
    RateLimitSettings,
)
from outreach_async.testing.cli import build_parser, settings_from

ROOT = Path(__file__).resolve().parents[2]


def test_public_names() -> None:
    assert set(testing.__all__) == {
        "FakeCourseMailer",
        "FakeOutreach",
        "FakeSettings",
        "FaultSettings",
        "OAuthSettings",
        "RateLimitSettings",
    }
    assert testing.FakeCourseMailer.__module__ == "outreach_async.testing.coursemailer.server"
    with pytest.raises(AttributeError):
        _ = testing.Nope  # type: ignore[attr-defined]


async def test_start_close_and_addresses() -> None:
    server = FakeOutreach(seed=3, prospects=12, counts={"account": 4}, token="tok")
    assert not server.started
    with pytest.raises(RuntimeError):
        _ = server.url
    assert server.store.count("prospect") == 12, "the store exists before the server starts"
    await server.start()
    try:
        assert server.url == f"http://127.0.0.1:{server.port}" and server.port > 0
        assert server.api_url == server.url + "/api/v2"
        assert server.token == "tok"
        assert server.store.count("account") == 4
        assert server.settings.counts["user"] == 5, "other counts keep their defaults"
        async with (
            new_session(server) as session,
            session.get(server.api_url + "/prospects") as response,
        ):
            assert response.status == 200
            assert len((await response.json(content_type=None))["data"]) == 12
    finally:
        await server.close()
    assert not server.started
    await server.close()  # closing twice is harmless


async def test_two_servers_get_two_ports() -> None:
    async with FakeOutreach() as first, FakeOutreach() as second:
        assert first.port != second.port


async def test_settings_objects_are_used_as_given() -> None:
    settings = FakeSettings(seed=9)
    rate = RateLimitSettings(limit=3)
    faults = FaultSettings()
    oauth = OAuthSettings(client_id="cid")
    server = FakeOutreach(settings=settings, rate_limit=rate, faults=faults, oauth=oauth)
    assert server.settings is settings
    assert settings.rate_limit is rate and settings.faults is faults and settings.oauth is oauth
    with pytest.raises(ValueError):
        FakeOutreach(id_layout="random")  # type: ignore[arg-type]


async def test_request_log_counts_every_request(api: ApiClient) -> None:
    await api.get("/prospects/1")
    await api.get("/prospects/100000")
    await api.get("/prospects?page[size]=5")
    async with (
        aiohttp.ClientSession() as anonymous,
        anonymous.get(
            api.server.api_url + "/prospects", headers={"Content-Type": JSONAPI}
        ) as response,
    ):
        assert response.status == 401
    log = api.server.requests
    assert log.total == 4
    assert log.by_status == {200: 2, 404: 1, 401: 1}
    assert log.paths("GET")[2] == "/api/v2/prospects?page[size]=5"
    log.clear()
    assert log.total == 0 and not log.entries


async def test_settings_are_live(api: ApiClient) -> None:
    api.server.settings.faults.error_rate = 1.0
    failing = await api.get("/prospects/1")
    assert failing.status >= 500
    api.server.settings.faults.error_rate = 0.0
    assert (await api.get("/prospects/1")).status == 200
    log = api.server.requests
    assert log.entries[0].fault == "error" and log.entries[1].fault is None
    assert log.by_fault == {"error": 1}
    api.server.settings.rate_limit.limit = 1
    statuses = [(await api.get("/prospects/1")).status for _ in range(3)]
    assert 429 in statuses


async def test_protections_are_wired_in_front_of_the_api(api: ApiClient) -> None:
    answer = await api.get("/prospects", headers={"Authorization": "Bearer wrong"})
    assert answer.status == 401
    assert "errors" not in answer.body, "the gateway's body is not JSON:API"
    ok = await api.get("/prospects/1")
    assert "X-RateLimit-Limit" in ok.headers


async def test_handlers_report_record_counts_for_latency_per_record(api: ApiClient) -> None:
    api.server.settings.faults.latency_per_record = 0.000_001
    await api.get("/prospects?page[size]=40")
    from outreach_async.testing._wiring import PROTECTIONS_KEY

    protections = api.server.app[PROTECTIONS_KEY]
    assert protections.faults.counts.delay_seconds == pytest.approx(40 * 0.000_001)


@pytest.mark.fake_outreach(prospects=7, seed=5, id_layout="skewed")
async def test_the_marker_configures_the_fixture(fake_outreach: FakeOutreach) -> None:
    assert fake_outreach.started
    assert fake_outreach.settings.seed == 5
    assert fake_outreach.store.count("prospect") == 7
    assert fake_outreach.settings.id_layout == "skewed"


def test_cli_settings() -> None:
    args = build_parser().parse_args(
        ["--prospects", "500", "--count", "account=30", "--rate-limit", "50", "--window", "60"]
    )
    settings = settings_from(args)
    assert settings.counts["prospect"] == 500 and settings.counts["account"] == 30
    assert settings.rate_limit.limit == 50 and settings.rate_limit.window == 60.0
    with pytest.raises(SystemExit):
        settings_from(build_parser().parse_args(["--count", "account"]))


async def test_cli_serves_until_sigterm() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "outreach_async.testing.cli",
        "--port",
        "0",
        "--prospects",
        "3",
        "--token",
        "cli-token",
        stdout=subprocess.PIPE,
        cwd=ROOT,
        env=env,
    )
    assert process.stdout is not None
    try:
        url_line = (await asyncio.wait_for(process.stdout.readline(), 30)).decode()
        token_line = (await process.stdout.readline()).decode()
        api_url = url_line.split()[-1]
        assert api_url.startswith("http://127.0.0.1:") and api_url.endswith("/api/v2")
        assert token_line.split()[-1] == "cli-token"
        headers = {"Authorization": "Bearer cli-token", "Content-Type": JSONAPI}
        async with (
            aiohttp.ClientSession(headers=headers) as session,
            session.get(api_url + "/prospects") as response,
        ):
            assert response.status == 200
            assert len((await response.json(content_type=None))["data"]) == 3
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(process.wait(), 30)
    assert code == 0
    rest = (await process.stdout.read()).decode()
    assert "Stopped." in rest


async def test_dropped_requests_are_logged_without_an_answer(api: ApiClient) -> None:
    api.server.settings.faults.drop_rate = 1.0
    with pytest.raises(aiohttp.ClientError):
        await api.get("/prospects/1")
    api.server.settings.faults.drop_rate = 0.0
    entry = api.server.requests.entries[-1]
    assert (entry.status, entry.fault) == (0, "drop")
