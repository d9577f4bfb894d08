"""One sync job per Outreach user on arq workers, sharing Redis: exact, in budget, resumable.

Two worker processes run the jobs of three users against the fake server; the worker running
user 1's job is killed with SIGKILL part way, and the other worker finishes that job.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from arq import create_pool
from arq.connections import RedisSettings
from arq.jobs import Job

from outreach_async import RedisTokenStore
from outreach_async.bulk import arq_jobs
from outreach_async.testing import FakeOutreach
from outreach_async.testing._redis_server import RedisServer
from outreach_async.testing._settings import RateLimitSettings

USERS = (1, 2, 3)

_WORKER = textwrap.dedent(
    """
    import os
    from outreach_async.bulk.arq_jobs import worker_settings

    async def note_worker(ctx):
        await ctx["redis"].set("test:worker-of:" + ctx["job_id"], os.getpid())

    # A dead worker's job starts again job_timeout + 10 s after it began.
    WorkerSettings = worker_settings(
        on_job_start=note_worker, job_timeout=8, poll_delay=0.1, max_jobs=2
    )
    """
)


@pytest.fixture
def redis_server() -> Iterator[RedisServer]:
    with RedisServer() as server:
        yield server


def logs(directory: Path) -> str:
    return "\n".join(path.read_text()[-3000:] for path in sorted(directory.glob("worker-*.log")))


def ids_in(path: Path) -> list[int]:
    return [json.loads(line)["id"] for line in path.read_text().splitlines()]


async def test_jobs_per_user_survive_a_killed_worker(
    tmp_path: Path, redis_server: RedisServer
) -> None:
    budget = RateLimitSettings(limit=100, window=4.0)
    async with FakeOutreach(prospects=700, counts={"account": 160}, rate_limit=budget) as server:
        pool = await create_pool(RedisSettings.from_dsn(redis_server.url))
        stack = contextlib.ExitStack()
        try:
            for user in USERS:
                await RedisTokenStore(pool, arq_jobs.token_key(user)).save(server.signed_in(user))
            (tmp_path / "sync_worker.py").write_text(_WORKER)
            logs_open = [
                stack.enter_context((tmp_path / f"worker-{n}.log").open("wb")) for n in (1, 2)
            ]
            oauth = server.settings.oauth
            env = {
                **os.environ,
                "PYTHONPATH": str(tmp_path),
                "OUTREACH_REDIS_URL": redis_server.url,
                "OUTREACH_SYNC_OUTPUT": str(tmp_path / "out"),
                "OUTREACH_CLIENT_ID": oauth.client_id,
                "OUTREACH_CLIENT_SECRET": oauth.client_secret,
                "OUTREACH_REDIRECT_URI": oauth.redirect_uri,
                "OUTREACH_OAUTH_URL": server.url,
                "OUTREACH_BASE_URL": server.api_url,
                "OUTREACH_RATE_LIMIT": str(budget.limit),
                "OUTREACH_RATE_WINDOW": str(budget.window),
                "OUTREACH_PAGE_SIZE": "20",
            }
            workers = [
                await asyncio.create_subprocess_exec(
                    sys.executable,
                    "-m",
                    "arq",
                    "sync_worker.WorkerSettings",
                    env=env,
                    cwd=tmp_path,
                    stdout=asyncio.subprocess.DEVNULL,
                    stderr=log,
                )
                for log in logs_open
            ]
            try:
                for user in USERS:
                    assert await arq_jobs.enqueue_user_sync(pool, user, ["prospect", "account"])
                # Kill the worker of user 1's job once that job has saved a checkpoint.
                state_key = arq_jobs.state_prefix(1) + "prospect"
                deadline = asyncio.get_running_loop().time() + 30
                while b"checkpoint" not in (await pool.get(state_key) or b""):
                    assert asyncio.get_running_loop().time() < deadline, logs(tmp_path)
                    await asyncio.sleep(0.05)
                victim_pid = int(await pool.get("test:worker-of:" + arq_jobs.job_id(1)))
                victim = next(w for w in workers if w.pid == victim_pid)
                victim.send_signal(signal.SIGKILL)
                await victim.wait()
                results = {
                    user: await Job(arq_jobs.job_id(user), pool).result(timeout=60, poll_delay=0.2)
                    for user in USERS
                }
                finisher = int(await pool.get("test:worker-of:" + arq_jobs.job_id(1)))
            finally:
                for worker in workers:
                    if worker.returncode is None:
                        worker.send_signal(signal.SIGTERM)
                        await worker.wait()
        finally:
            stack.close()
            await pool.aclose()

        assert finisher != victim_pid and results[1]["resumed"]
        for user in USERS:
            for resource_type in ("prospect", "account"):
                written = ids_in(tmp_path / "out" / str(user) / f"{resource_type}.jsonl")
                assert sorted(written) == server.store.ids(resource_type), (user, resource_type)
            assert results[user]["run"] == 1
        assert server.requests.by_status.get(429, 0) == 0
        assert server.oauth.counts.refreshes == 0
