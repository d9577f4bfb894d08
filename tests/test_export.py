"""Exports: complete output or none, resumable after any interruption, without duplicates."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from outreach_async import OutreachClient, between
from outreach_async.bulk.export import ExportOptions, export_collection
from outreach_async.cli import main, parse_filter
from outreach_async.jsonapi.query import NOT_NULL, Range

from ._mini_collection import MiniCollection, serve

IDS = list(range(1, 1201))


def _jsonl_ids(path: Path) -> list[int]:
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


async def test_jsonl_export_writes_every_record_then_renames(tmp_path: Path) -> None:
    output = tmp_path / "prospects.jsonl"
    async with serve(MiniCollection(IDS, with_attributes=True)) as url:
        async with OutreachClient("t", base_url=url) as client:
            result = await export_collection(
                client, ExportOptions("prospect", concurrency=4, page_size=100), output
            )
    assert sorted(_jsonl_ids(output)) == IDS
    assert result.records == len(IDS)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["prospects.jsonl"]
    first = json.loads(output.read_text().splitlines()[0])
    assert first["attributes"]["brandNew"] == {"n": first["id"]}


async def test_ordered_export_is_in_id_order(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    async with serve(MiniCollection(IDS, shuffle_pages=True)) as url:
        async with OutreachClient("t", base_url=url) as client:
            await export_collection(
                client, ExportOptions("prospect", concurrency=5, page_size=50, ordered=True), output
            )
    assert _jsonl_ids(output) == IDS


async def test_csv_export_keeps_unknown_attributes_in_extra(tmp_path: Path) -> None:
    output = tmp_path / "out.csv"
    options = ExportOptions(
        "prospect", fields=("firstName", "lastName", "tags", "account"), format="csv", page_size=300
    )
    async with serve(MiniCollection(IDS[:10], with_attributes=True)) as url:
        async with OutreachClient("t", base_url=url) as client:
            await export_collection(client, options, output)
    rows = list(csv.DictReader(io.StringIO(output.read_text())))
    assert list(rows[0]) == ["id", "firstName", "lastName", "tags", "account_id", "extra"]
    row = next(r for r in rows if r["id"] == "3")
    assert row["firstName"] == "P3"
    assert row["lastName"] == ""
    assert json.loads(row["tags"]) == ["a", "b,c"]
    assert row["account_id"] == "3"
    assert json.loads(row["extra"]) == {"custom7": "c3", "brandNew": {"n": 3}}


async def test_csv_export_without_fields_uses_the_documented_attributes(tmp_path: Path) -> None:
    output = tmp_path / "out.csv"
    async with serve(MiniCollection(IDS[:3], with_attributes=True)) as url:
        async with OutreachClient("t", base_url=url) as client:
            await export_collection(client, ExportOptions("prospect", format="csv"), output)
    header = output.read_text().splitlines()[0].split(",")
    assert {"id", "firstName", "emails", "custom7", "account_id", "extra"} <= set(header)
    rows = list(csv.DictReader(io.StringIO(output.read_text())))
    assert json.loads(rows[0]["extra"]) == {"brandNew": {"n": 1}}


async def _wait_for(path: Path, size: int = 1) -> None:
    """Wait until `path` holds at least `size` bytes (bounded, so a bug fails, not hangs)."""
    deadline = time.monotonic() + 20
    while not (path.exists() and path.stat().st_size >= size):
        assert time.monotonic() < deadline, f"{path} never reached {size} bytes"
        await asyncio.sleep(0.005)


@pytest.fixture
def checkpoint_every_page(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("outreach_async.bulk.export.CHECKPOINT_INTERVAL", 0.0)


@pytest.mark.usefixtures("checkpoint_every_page")
async def test_an_interrupted_export_resumes_without_gaps_or_duplicates(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    collection = MiniCollection(IDS, latency=0.02)
    options = ExportOptions("prospect", concurrency=4, page_size=20)
    async with serve(collection) as url:
        async with OutreachClient("t", base_url=url) as client:
            task = asyncio.create_task(export_collection(client, options, output))
            await _wait_for(tmp_path / "out.jsonl.partial", 3000)
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            assert not output.exists()
            assert (tmp_path / "out.jsonl.checkpoint").exists()
            result = await export_collection(client, options, output, resume=True)
    ids = _jsonl_ids(output)
    assert sorted(ids) == IDS
    assert len(ids) == len(set(ids))
    assert result.resumed
    assert not (tmp_path / "out.jsonl.checkpoint").exists()


@pytest.mark.usefixtures("checkpoint_every_page")
async def test_resume_refuses_a_checkpoint_of_another_export(tmp_path: Path) -> None:
    output = tmp_path / "out.jsonl"
    async with serve(MiniCollection(IDS, latency=0.02)) as url:
        async with OutreachClient("t", base_url=url) as client:
            task = asyncio.create_task(
                export_collection(client, ExportOptions("prospect", page_size=20), output)
            )
            await _wait_for(tmp_path / "out.jsonl.checkpoint")
            task.cancel()
            with pytest.raises(asyncio.CancelledError):
                await task
            other = ExportOptions("prospect", filter={"firstName": "Sally"})
            with pytest.raises(ValueError, match="different export"):
                await export_collection(client, other, output, resume=True)


async def test_export_to_a_stream(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    async with serve(MiniCollection(IDS[:50])) as url:
        async with OutreachClient("t", base_url=url) as client:
            result = await export_collection(client, ExportOptions("prospect"), buffer)
    lines = buffer.getvalue().decode().splitlines()
    assert sorted(json.loads(line)["id"] for line in lines) == IDS[:50]
    assert result.output is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("firstName=Sally", ("firstName", "Sally")),
        ("id=5..10", ("id", between("5", "10"))),
        ("updatedAt=2024-01-01..inf", ("updatedAt", Range("2024-01-01", None))),
        ("updatedAt=neginf..2024-01-01", ("updatedAt", Range(None, "2024-01-01"))),
        ("account.id=1,2", ("account", {"id": ["1", "2"]})),
        ("title=__null__", ("title", None)),
        ("title=__notnull__", ("title", NOT_NULL)),
    ],
)
def test_filters_from_the_command_line(text: str, expected: tuple[str, object]) -> None:
    assert parse_filter(text) == expected


def test_missing_credentials_exit_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("OUTREACH_ACCESS_TOKEN", raising=False)
    assert main(["export", "prospect"]) == 2
    assert "OUTREACH_ACCESS_TOKEN" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "prospect", "--filter", "nope"], "NAME=VALUE"),
        (["export", "prospect", "--page-size", "5000"], "page_size"),
        (["export", "prospect", "--resume"], "--resume"),
        (["export", "prospect", "--since", "yesterday"], "--since"),
    ],
)
def test_bad_usage_exits_2_with_a_message(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    monkeypatch.setenv("OUTREACH_ACCESS_TOKEN", "t")
    assert main(argv) == 2
    assert message in capsys.readouterr().err


async def test_kill_9_then_resume_gives_the_same_records(tmp_path: Path) -> None:
    ids = list(range(1, 4001))
    output = tmp_path / "out.jsonl"
    async with serve(MiniCollection(ids, latency=0.05)) as url:
        argv = [
            sys.executable,
            "-m",
            "outreach_async",
            "export",
            "prospect",
            "-o",
            str(output),
            "--base-url",
            url,
            "--page-size",
            "25",
            "--concurrency",
            "3",
            "--resume",
        ]
        env = {**os.environ, "OUTREACH_ACCESS_TOKEN": "t"}
        victim = await asyncio.create_subprocess_exec(
            *argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        await _wait_for(tmp_path / "out.jsonl.checkpoint")
        await asyncio.sleep(0.2)
        assert victim.returncode is None, "the export ended before it could be killed"
        victim.send_signal(signal.SIGKILL)
        await victim.wait()
        assert not output.exists()
        finisher = await asyncio.create_subprocess_exec(
            *argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        _, err = await finisher.communicate()
        assert finisher.returncode == 0, err.decode()
    exported = _jsonl_ids(output)
    assert sorted(exported) == ids
    assert len(exported) == len(set(exported))
    assert "resumed from checkpoint" in err.decode()
