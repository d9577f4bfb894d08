"""Incremental sync against the fake server: full then incremental runs, deletions, resuming."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from outreach_async import FileStateStore, StorageError, sync_collections
from outreach_async.bulk import SyncOptions, TypeState
from outreach_async.testing import FakeOutreach
from outreach_async.testing._settings import FaultSettings


class Clock:
    """The fake server's and the sync's clock, moved on by hand between runs."""

    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float = 10.0) -> None:
        self.now += seconds


def fake(**options: Any) -> FakeOutreach:
    server = FakeOutreach(**options)
    server.settings.clock = Clock()
    return server


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line]


def ids_of(path: Path) -> list[int]:
    return [int(item["id"]) for item in lines(path)]


def touch(server: FakeOutreach, resource_type: str, record_ids: list[int]) -> None:
    """Change records on the server: updatedAt becomes now."""
    for record_id in record_ids:
        record = server.store.get(resource_type, record_id)
        assert record is not None
        record.attributes["title"] = f"changed {record_id}"
        server.store.save(record)


async def sync(server: FakeOutreach, tmp_path: Path, *types: str, **options: Any) -> Any:
    """One run; the clock moves on before and after it, as between runs in real life."""
    options.setdefault("overlap", timedelta(0))
    clock = server.settings.clock
    assert isinstance(clock, Clock)
    clock.advance()
    options.setdefault("clock", clock)
    async with server.client() as client:
        result = await sync_collections(
            client,
            types or ("prospect",),
            state=tmp_path / "state",
            output=tmp_path / "out",
            concurrency=3,
            page_size=50,
            **options,
        )
    clock.advance()
    return result


async def test_first_run_exports_everything_then_only_what_changed(tmp_path: Path) -> None:
    async with fake(prospects=400) as server:
        first = await sync(server, tmp_path)
        out = tmp_path / "out" / "prospect.jsonl"
        assert sorted(ids_of(out)) == server.store.ids("prospect")
        assert first.run == 1 and first.types[0].mode == "full"
        assert first.types[0].state.high_water is not None

        touch(server, "prospect", [5, 170, 333])
        created = server.store.insert("prospect", {"firstName": "New"})
        before = server.requests.total
        second = await sync(server, tmp_path)
        changed = lines(out)
        assert sorted(int(item["id"]) for item in changed) == [5, 170, 333, created.id]
        assert {
            item["attributes"].get("title") for item in changed if item["id"] != created.id
        } == {
            "changed 5",
            "changed 170",
            "changed 333",
        }
        assert second.run == 2 and second.types[0].mode == "incremental"
        assert second.types[0].records == 4
        # Two requests for the id bounds, then a page or two per range: no full read.
        assert server.requests.total - before == second.requests <= 2 + 2 * 3
        assert second.types[0].state.exported_total == 400 + 4

        third = await sync(server, tmp_path)
        assert third.types[0].records == 0 and lines(out) == []


async def test_overlap_reads_records_changed_just_before_the_last_run_again(
    tmp_path: Path,
) -> None:
    async with fake(prospects=50) as server:
        await sync(server, tmp_path)
        touch(server, "prospect", [7])
        await sync(server, tmp_path)
        again = await sync(server, tmp_path, overlap=timedelta(hours=1))
        assert again.types[0].records == 1
        assert ids_of(tmp_path / "out" / "prospect.jsonl") == [7]


async def test_reconcile_reports_the_ids_deleted_since_the_last_one(tmp_path: Path) -> None:
    async with fake(prospects=300) as server:
        await sync(server, tmp_path)
        created = server.store.insert("prospect", {"firstName": "Short-lived"})
        await sync(server, tmp_path)  # exports it: the consumer knows of it now
        for record_id in (3, 150, created.id):
            assert server.store.delete("prospect", record_id)
        result = await sync(server, tmp_path, reconcile=True)
        deleted = tmp_path / "out" / "prospect.deleted.jsonl"
        assert lines(deleted) == [
            {"type": "prospect", "id": 3},
            {"type": "prospect", "id": 150},
            {"type": "prospect", "id": created.id},
        ]
        outcome = result.types[0]
        assert outcome.deleted == 3 and outcome.state.deleted_total == 3
        assert outcome.state.known_ids == 300 - 2
        # Ids only: pages of 1,000 with one attribute.
        ids_reads = [e.path for e in server.requests.entries if "fields[prospect]=" in e.path]
        pages = [path for path in ids_reads if "filter[id]=" in path]
        assert pages and all("fields[prospect]=updatedAt&" in path for path in ids_reads)
        assert all("page[size]=1000" in path for path in pages)

        again = await sync(server, tmp_path, reconcile=True)
        assert again.types[0].deleted == 0 and lines(deleted) == []


async def test_reconcile_every_n_runs(tmp_path: Path) -> None:
    async with fake(prospects=40) as server:
        reconciled = []
        for _ in range(5):
            result = await sync(server, tmp_path, reconcile_every=2)
            reconciled.append(result.types[0].deleted is not None)
        # The first run is full (it is the base); then every second run reconciles.
        assert reconciled == [False, False, True, False, True]


async def test_several_types_in_one_run(tmp_path: Path) -> None:
    async with fake(prospects=200, counts={"account": 120}) as server:
        result = await sync(server, tmp_path, "prospect", "account", "sequence")
        for resource_type in ("prospect", "account", "sequence"):
            path = tmp_path / "out" / f"{resource_type}.jsonl"
            assert sorted(ids_of(path)) == server.store.ids(resource_type)
        assert {t.resource_type for t in result.types} == {"prospect", "account", "sequence"}
        assert server.requests.by_status.get(429, 0) == 0


async def test_a_failed_type_leaves_its_state_and_the_others_finish(tmp_path: Path) -> None:
    async with fake(prospects=60) as server:
        await sync(server, tmp_path, "prospect", "account")
        state_file = tmp_path / "state" / "account"
        before = state_file.read_bytes()
        touch(server, "prospect", [2])
        server.store.delete("account", 1)
        state_file.write_bytes(b"{not json")
        with pytest.raises(ValueError, match="account"):
            await sync(server, tmp_path, "prospect", "account")
        assert ids_of(tmp_path / "out" / "prospect.jsonl") == [2]
        state_file.write_bytes(before)
        result = await sync(server, tmp_path, "prospect", "account")
        assert result.resumed  # the same run, finished now
        modes = {t.resource_type: t.mode for t in result.types}
        assert modes == {"prospect": "done", "account": "incremental"}


async def test_bad_options_are_refused_before_anything_is_sent(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="'prospects' is not an Outreach resource type"):
        SyncOptions(types=("prospects",))
    with pytest.raises(ValueError, match="overlap"):
        SyncOptions(types=("prospect",), overlap=timedelta(seconds=-1))
    with pytest.raises(ValueError, match="page_size"):
        SyncOptions(types=("prospect",), page_size=5000)
    with pytest.raises(ValueError, match="reconcile_every"):
        SyncOptions(types=("prospect",), reconcile_every=0)


async def test_an_unwritable_state_directory_is_a_storage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "state"
    blocker.write_text("a file where the directory should be")
    store = FileStateStore(blocker)
    with pytest.raises(StorageError, match="not saved"):
        await store.save("prospect", b"{}")
    assert TypeState().pending is None


async def run_killed_repeatedly(argv: list[str], env: dict[str, str], delays: list[float]) -> int:
    """Start the command, SIGKILL it after each delay, then let the last start finish."""
    kills = 0
    for delay in [*delays, None]:
        process = await asyncio.create_subprocess_exec(
            *argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        if delay is not None:
            try:
                await asyncio.wait_for(process.wait(), delay)
            except asyncio.TimeoutError:
                process.send_signal(signal.SIGKILL)
                await process.wait()
                kills += 1
                continue
        _, err = await process.communicate()
        assert process.returncode == 0, err.decode()
        return kills
    raise AssertionError("unreachable")


async def test_killed_at_many_points_then_resumed_loses_and_repeats_nothing(
    tmp_path: Path,
) -> None:
    settings = {"prospects": 2400, "counts": {"account": 900}}
    # Latency makes every run longer than the delays before its kill, however fast the
    # machine: the full run needs over 80 pages at two at a time, 0.1 s each.
    async with FakeOutreach(faults=FaultSettings(latency=0.1), **settings) as server:
        out, state = tmp_path / "out", tmp_path / "state"
        argv = [sys.executable, "-m", "outreach_async", "sync", "prospect", "account"]
        argv += ["--state", str(state), "-o", str(out), "--base-url", server.api_url]
        argv += ["--page-size", "40", "--concurrency", "2", "--overlap", "0"]
        env = {**os.environ, "OUTREACH_ACCESS_TOKEN": server.token}

        kills = await run_killed_repeatedly(argv, env, [0.6, 1.0, 1.4, 1.8])
        assert kills >= 3, "the runs ended before they could be killed"
        for resource_type in ("prospect", "account"):
            written = ids_of(out / f"{resource_type}.jsonl")
            assert sorted(written) == server.store.ids(resource_type)  # each once
            assert not (out / f"{resource_type}.jsonl.partial").exists()

        touch(server, "prospect", [11, 1200, 2399])
        touch(server, "account", [4])
        for record_id in (8, 1500):
            server.store.delete("prospect", record_id)
        # Two requests in a row at 0.5 s each: the first incremental start cannot end in 0.6 s.
        server.settings.faults = FaultSettings(latency=0.5)
        kills = await run_killed_repeatedly([*argv, "--reconcile"], env, [0.6, 0.9])
        assert kills >= 1, "the incremental run ended before it could be killed"
        assert sorted(ids_of(out / "prospect.jsonl")) == [11, 1200, 2399]
        assert ids_of(out / "account.jsonl") == [4]
        assert ids_of(out / "prospect.deleted.jsonl") == [8, 1500]
        assert ids_of(out / "account.deleted.jsonl") == []
