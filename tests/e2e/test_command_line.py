"""The `outreach-async` command as a newcomer meets it: flags, mistakes, progress, CSV."""

from __future__ import annotations

import asyncio
import csv
import gc
import io
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from outreach_async import OutreachClient
from outreach_async.bulk._progress import Progress
from outreach_async.bulk.export import ExportOptions, export_collection
from outreach_async.cli import main, one_line
from outreach_async.errors import TransportError, error_for_response
from outreach_async.testing import FakeOutreach, FakeSettings, RateLimitSettings

ROOMY = RateLimitSettings(limit=100_000, window=10.0)
#: Nothing listens there: a mistake not caught before the first request would exit 1.
UNREACHABLE = "http://127.0.0.1:9/api/v2"


def test_fake_server_help_goes_through_the_main_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as stopped:
        main(["fake-server", "--help"])
    assert stopped.value.code == 0
    text = capsys.readouterr().out
    assert "--port" in text and "--seed" in text and "--error-rate" in text


def test_fake_server_serves_with_the_flags_given_to_the_main_command() -> None:
    command = [sys.executable, "-m", "outreach_async", "fake-server", "--port", "0"]
    command += ["--seed", "42", "--prospects", "3", "--token", "tok-123", "--no-rate-limit"]
    server = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert server.stdout is not None
        url_line = server.stdout.readline()
        token_line = server.stdout.readline()
    finally:
        server.send_signal(signal.SIGTERM)
        out, err = server.communicate(timeout=30)
    assert url_line.startswith("Fake Outreach API: http://127.0.0.1:"), err
    assert token_line.split() == ["Access", "token:", "tok-123"]
    assert server.returncode == 0 and "Stopped." in out


def test_a_bad_fake_server_flag_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["fake-server", "--count", "account=many"]) == 2
    assert capsys.readouterr().err.splitlines() == [
        "outreach-async fake-server: --count expects TYPE=N, got 'account=many'"
    ]


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["prospectz"], "unknown type 'prospectz'; did you mean 'prospect'?"),
        (["prospect", "--filter", "firstName"], "expected NAME=VALUE"),
        (["prospect", "--filter", "firstNme=Sally"], "no field 'firstNme'; did you mean"),
        (["prospect", "--filter", "acount.id=1"], "no relationship 'acount'; did you mean"),
        (["prospect", "--fields", "firstName,lastNme"], "did you mean 'lastName'?"),
        (["prospect", "--sort=-updatedAtt"], "--sort: prospect has no field 'updatedAtt'"),
        (["prospect", "--include", "acount"], "--include: prospect has no relationship"),
        (["prospect", "--fields", "account.name"], "add --include account"),
        (["prospect", "--since", "last tuesday"], "--since 'last tuesday': expected an ISO"),
        (["prospect", "--page-size", "5000"], "page_size"),
        (["prospect", "--base-url", "http://api.example.com/api/v2"], "--base-url"),
        (["prospect", "-o", "missing-folder/p.jsonl"], "the folder missing-folder does not"),
        (["prospect", "-o", "."], "--output .: is a folder"),
        (["prospect", "--resume"], "--resume needs --output FILE"),
        (["prospect", "--format", "xml"], "invalid choice: 'xml'"),
    ],
)
def test_every_local_mistake_is_one_line_and_exit_2_before_any_request(
    arguments: list[str],
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("OUTREACH_ACCESS_TOKEN", "t")
    monkeypatch.setenv("OUTREACH_BASE_URL", UNREACHABLE)
    try:
        code = main(["export", *arguments])
    except SystemExit as stopped:  # argparse's own checks
        code = int(stopped.code or 0)
    err = capsys.readouterr().err
    assert code == 2
    assert len(err.splitlines()) == 1, err
    assert message in err


def test_no_token_names_the_demo(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv("OUTREACH_ACCESS_TOKEN", raising=False)
    assert main(["export", "prospect"]) == 2
    err = capsys.readouterr().err
    assert "`outreach-async demo`" in err and "make demo" not in err
    assert len(err.splitlines()) == 1


async def test_a_server_failure_is_one_line_and_exit_1(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    async with FakeOutreach(seed=1, rate_limit=ROOMY) as server:
        monkeypatch.setenv("OUTREACH_ACCESS_TOKEN", "not-the-token")
        code = await asyncio.to_thread(main, ["export", "prospect", "--base-url", server.api_url])
    err = capsys.readouterr().err
    assert code == 1
    assert len(err.splitlines()) == 1, err
    assert err.startswith("outreach-async export failed: 401 Unauthorized from GET ")
    assert "not-the-token" not in err


def test_error_messages_fold_onto_one_line() -> None:
    body = b'{"errors":[{"id":"a","detail":"first"},{"id":"b","detail":"second"}]}'
    error = error_for_response(422, body, method="POST", url="https://x/y", headers={})
    assert one_line(error) == "422 ValidationError from POST https://x/y; a: first; b: second"
    assert one_line(TransportError("GET /x: timed out")) == "GET /x: timed out"


async def test_quiet_prints_nothing_on_success(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "accounts.jsonl"
    async with FakeOutreach(seed=3, rate_limit=ROOMY) as server:
        monkeypatch.setenv("OUTREACH_ACCESS_TOKEN", server.token)
        argv = ["export", "account", "-q", "-o", str(output), "--base-url", server.api_url]
        code = await asyncio.to_thread(main, argv)
    assert code == 0
    assert capsys.readouterr().err == ""
    assert len(output.read_text().splitlines()) == server.store.count("account")


async def test_the_command_tunes_its_own_process_and_the_library_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = gc.get_threshold()
    async with FakeOutreach(seed=3, rate_limit=ROOMY) as server:
        async with OutreachClient(server.token, base_url=server.api_url) as client:
            assert len(await client.prospects.list()) > 0
        assert gc.get_threshold() == before and gc.get_freeze_count() == 0
        monkeypatch.setenv("OUTREACH_ACCESS_TOKEN", server.token)
        argv = ["export", "account", "-q", "-o", str(tmp_path / "a.jsonl")]
        code = await asyncio.to_thread(main, [*argv, "--base-url", server.api_url])
    assert code == 0
    assert gc.get_threshold() == (50_000, 20, 20) and gc.get_freeze_count() > 0


async def test_csv_include_adds_the_included_record_s_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "prospects.csv"
    async with FakeOutreach(seed=3, prospects=40, rate_limit=ROOMY) as server:
        monkeypatch.setenv("OUTREACH_ACCESS_TOKEN", server.token)
        argv = ["export", "prospect", "--format", "csv", "--include", "account"]
        argv += ["--fields", "firstName,account,account.name,account.domain"]
        argv += ["--page-size", "7", "-o", str(output), "--base-url", server.api_url]
        code = await asyncio.to_thread(main, argv)
        store = server.store
        records = {r.id: r for r in store.records("prospect", store.ids("prospect"))}
        accounts = {r.id: r for r in store.records("account", store.ids("account"))}
    assert code == 0, capsys.readouterr().err
    rows = list(csv.DictReader(io.StringIO(output.read_text())))
    assert list(rows[0]) == [
        "id",
        "firstName",
        "account_id",
        "account.name",
        "account.domain",
        "extra",
    ]
    assert len(rows) == 40
    for row in rows:
        record = records[int(row["id"])]
        link = record.to_one("account")
        account = accounts[link[1]] if link else None
        assert row["account.name"] == (account.attributes["name"] if account else "")
        assert row["account.domain"] == ((account.attributes["domain"] or "") if account else "")


async def test_csv_include_without_fields_adds_every_documented_attribute(
    tmp_path: Path,
) -> None:
    output = tmp_path / "prospects.csv"
    async with FakeOutreach(seed=3, prospects=5, rate_limit=ROOMY) as server:
        async with server.client() as client:
            options = ExportOptions("prospect", include=("account",), format="csv")
            await export_collection(client, options, output)
    header = output.read_text().splitlines()[0].split(",")
    assert "account.name" in header and "account.buyerIntentScore" in header
    assert header.index("account.name") > header.index("account_id")


def _progress_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line]


async def test_export_progress_shows_the_server_s_count_and_an_eta(tmp_path: Path) -> None:
    stream = io.StringIO()
    progress = Progress(stream, terminal=True, interval=0.0)
    async with FakeOutreach(seed=3, prospects=300, rate_limit=ROOMY) as server:
        async with server.client() as client:
            options = ExportOptions("prospect", page_size=20, concurrency=2)
            await export_collection(client, options, tmp_path / "p.jsonl", progress=progress)
    assert progress.total == 300 and not progress.estimated
    drawn = stream.getvalue().split("\r")
    assert any("/300 (" in part and "ETA" in part for part in drawn)


async def test_a_truncated_count_gives_an_estimate_from_the_ranges_density(
    tmp_path: Path,
) -> None:
    stream = io.StringIO()
    progress = Progress(stream, terminal=True, interval=0.0)
    settings = FakeSettings(seed=3, count_cap=10, rate_limit=ROOMY)
    settings.counts["prospect"] = 400
    async with FakeOutreach(settings=settings) as server:
        async with server.client() as client:
            options = ExportOptions("prospect", page_size=25, concurrency=2)
            await export_collection(client, options, tmp_path / "p.jsonl", progress=progress)
    assert progress.estimated
    assert progress.total == 400  # dense ids: the density estimate is exact at the end
    estimates = [part for part in stream.getvalue().split("\r") if "/~" in part]
    assert any("ETA ~" in part for part in estimates)
    assert any("/~400 (" in part for part in estimates)


def test_progress_off_a_terminal_is_plain_lines_now_and_then() -> None:
    now = [0.0]
    stream = io.StringIO()
    progress = Progress(stream, terminal=False, clock=lambda: now[0], plain_interval=10.0)
    progress.total = 1000
    for _ in range(30):
        now[0] += 1.0
        progress.advance(10, requests_left=500)
    progress.finish()
    text = stream.getvalue()
    assert not any(ch in text for ch in "\r\x1b█░")
    lines = _progress_lines(text)
    assert len(lines) == 3
    assert lines[0].startswith("100/1,000 (10%)  ETA 1m30s  10/s")


def test_quiet_progress_writes_nothing() -> None:
    stream = io.StringIO()
    progress = Progress(stream, enabled=False, terminal=True, interval=0.0)
    progress.advance(5)
    progress.finish()
    assert stream.getvalue() == ""


def test_the_export_writes_no_control_characters_to_a_pipe(tmp_path: Path) -> None:
    env = {**os.environ, "OUTREACH_ACCESS_TOKEN": "t", "OUTREACH_BASE_URL": UNREACHABLE}
    done = subprocess.run(
        [sys.executable, "-m", "outreach_async", "export", "prospectz"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 2
    assert "\x1b" not in done.stderr and "\r" not in done.stderr


async def test_a_client_reads_what_the_command_line_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with FakeOutreach(seed=3, rate_limit=ROOMY) as server:
        monkeypatch.setenv("OUTREACH_ACCESS_TOKEN", server.token)
        monkeypatch.setenv("OUTREACH_BASE_URL", server.api_url)
        async with OutreachClient() as client:
            assert (await client.accounts.get(1)).id == 1


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["prospectz", "--state", "state"], "unknown type 'prospectz'; did you mean 'prospect'?"),
        (["prospect", "--state", "state", "--base-url", "http://x.example/api"], "--base-url"),
        (["prospect", "--state", "state", "--overlap", "-1"], "overlap"),
        (["prospect", "--state", "state", "-o", "afile"], "--output afile: is a file"),
    ],
)
def test_sync_mistakes_are_one_line_and_exit_2(
    arguments: list[str],
    message: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile").write_text("")
    monkeypatch.setenv("OUTREACH_ACCESS_TOKEN", "t")
    monkeypatch.setenv("OUTREACH_BASE_URL", UNREACHABLE)
    assert main(["sync", *arguments]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and message in err, err
    assert not (tmp_path / "state").exists()
