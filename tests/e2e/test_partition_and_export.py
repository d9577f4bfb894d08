"""Concurrent partitioned reading and exports against the fake server, under faults."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from pathlib import Path
from typing import Any, Literal

import pytest
from aiohttp import web

from outreach_async import OutreachClient, Query, RequestStats, RetryPolicy
from outreach_async.bulk.export import ExportOptions, export_collection
from outreach_async.bulk.partition import PartitionedReader
from outreach_async.cli import main
from outreach_async.testing import FakeOutreach, FaultSettings, RateLimitSettings

from .conftest import SharedClock, client_of, fake_server

PATIENT = RetryPolicy(max_attempts=12)


def jsonl_ids(path: Path) -> list[int]:
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


@pytest.fixture
def checkpoint_every_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("outreach_async.bulk.export.CHECKPOINT_INTERVAL", 0.0)


@pytest.mark.parametrize("id_layout", ["dense", "skewed"])
@pytest.mark.parametrize("ordered", [False, True], ids=["as-they-come", "ordered"])
async def test_partitioned_reading_is_exact_under_faults(
    clock: SharedClock, id_layout: Literal["dense", "skewed"], ordered: bool
) -> None:
    stats = RequestStats()
    faults = FaultSettings(
        error_rate=0.1, drop_rate=0.05, truncate_rate=0.1, bad_gateway_above_page_size=40
    )
    async with fake_server(clock, prospects=1_200, id_layout=id_layout, faults=faults) as server:
        async with client_of(server, clock, retry=PATIENT, hooks=[stats]) as client:
            reader = PartitionedReader(
                client.session,
                "prospects",
                Query(fields={"prospect": ["firstName"]}),
                concurrency=6,
                page_size=160,
                ordered=ordered,
            )
            assert not reader.planned
            with pytest.raises(RuntimeError, match="not planned"):
                reader.checkpoint()
            ids = [int(item.id) async for item in reader]  # type: ignore[arg-type]
    expected = server.store.ids("prospect")
    assert sorted(ids) == expected and len(ids) == len(set(ids))
    if ordered:
        assert ids == expected
    assert reader.planned and all(r.finished for r in reader.checkpoint())
    assert reader.stats.page_size_reductions > 0, "the 502s on big pages halved the size"
    injected = server.requests.by_fault
    assert injected["bad_gateway"] and injected.total() > injected["bad_gateway"]
    assert stats.requests == server.requests.total


@pytest.mark.usefixtures("checkpoint_every_page")
async def test_an_export_stopped_midway_resumes_to_every_record_once(
    clock: SharedClock, tmp_path: Path
) -> None:
    output = tmp_path / "prospects.jsonl"
    partial = tmp_path / "prospects.jsonl.partial"
    checkpoint = tmp_path / "prospects.jsonl.checkpoint"
    options = ExportOptions("prospect", concurrency=4, page_size=50)
    async with fake_server(clock, prospects=800) as server:
        server.settings.faults = FaultSettings(latency=0.01, error_rate=0.05, drop_rate=0.02)
        async with client_of(server, clock, retry=PATIENT) as client:
            task = asyncio.create_task(export_collection(client, options, output))
            while not (checkpoint.exists() and partial.stat().st_size > 200_000):
                assert not task.done(), "the export ended before it could be stopped"
                await asyncio.sleep(0.005)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert not output.exists() and checkpoint.exists()
            result = await export_collection(client, options, output, resume=True)
    ids = jsonl_ids(output)
    assert sorted(ids) == server.store.ids("prospect") and len(ids) == len(set(ids))
    assert result.resumed and result.records == 800
    assert not checkpoint.exists() and not partial.exists()


async def test_an_export_cancelled_before_planning_claims_nothing_and_resumes_fully(
    clock: SharedClock, tmp_path: Path
) -> None:
    """Regression: a checkpoint written before the id ranges were known read as "all done",
    so resuming it exported nothing."""
    bounds_asked = asyncio.Event()
    release = asyncio.Event()

    @web.middleware
    async def hold_the_bounds(request: web.Request, handler: Any) -> web.StreamResponse:
        if request.query.get("page[size]") == "1":  # the lowest and highest id
            bounds_asked.set()
            await release.wait()
        response: web.StreamResponse = await handler(request)
        return response

    output = tmp_path / "out.jsonl"
    options = ExportOptions("prospect", concurrency=3, page_size=40)
    async with fake_server(clock, middlewares=[hold_the_bounds], prospects=300) as server:
        async with client_of(server, clock) as client:
            task = asyncio.create_task(export_collection(client, options, output))
            await asyncio.wait_for(bounds_asked.wait(), 10)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            release.set()
            checkpoint = tmp_path / "out.jsonl.checkpoint"
            assert not checkpoint.exists(), "nothing was planned, so nothing is claimed"
            result = await export_collection(client, options, output, resume=True)
    ids = jsonl_ids(output)
    assert sorted(ids) == server.store.ids("prospect") and len(ids) == len(set(ids))
    assert result.records == 300 and not result.resumed


async def test_the_command_line_exports_csv_from_the_fake_server(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "accounts.csv"
    limit = RateLimitSettings(limit=100_000, window=10.0)
    async with FakeOutreach(seed=3, rate_limit=limit) as server:
        monkeypatch.setenv("OUTREACH_ACCESS_TOKEN", server.token)
        argv = [
            "export",
            "account",
            "--format",
            "csv",
            "--fields",
            "name,buyerIntentScore,owner",
            "--filter",
            "buyerIntentScore=__notnull__",
            "--page-size",
            "5",
            "--concurrency",
            "3",
            "-o",
            str(output),
            "--base-url",
            server.api_url,
        ]
        code = await asyncio.to_thread(main, argv)
        expected = {
            r.id: r
            for r in server.store.records("account", server.store.ids("account"))
            if r.attributes["buyerIntentScore"] is not None
        }
    assert code == 0, capsys.readouterr().err
    rows = list(csv.DictReader(io.StringIO(output.read_text())))
    assert list(rows[0]) == ["id", "name", "buyerIntentScore", "owner_id", "extra"]
    assert sorted(int(row["id"]) for row in rows) == sorted(expected)
    for row in rows:
        record = expected[int(row["id"])]
        assert row["name"] == record.attributes["name"]
        owner = record.to_one("owner")
        assert row["owner_id"] == ("" if owner is None else str(owner[1]))
    assert f"exported {len(rows)} records" in capsys.readouterr().err


async def test_reading_with_a_client_made_by_the_fake(server: FakeOutreach) -> None:
    async with server.client() as client:
        assert isinstance(client, OutreachClient)
        reader = PartitionedReader(client.session, "accounts", concurrency=2, page_size=5)
        assert sorted([int(a.id) async for a in reader]) == server.store.ids("account")  # type: ignore[arg-type]
