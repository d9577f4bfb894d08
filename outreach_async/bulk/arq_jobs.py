"""One sync job per Outreach user, as `arq` tasks: any number of workers, on any hosts.

Needs the `arq` extra (`pip install 'outreach-async[arq]'`). Everything a job needs lives in
the Redis that arq already uses, under keys of that user:

- its budget: a `RedisLimiter` on `outreach:ratelimit:<user>`, so that every worker's
  requests for one user share that user's 10,000 an hour, and no 429 is provoked;
- its tokens: a `RedisTokenStore` on `outreach:tokens:<user>`, refreshed once for all;
- its sync state and checkpoints: a `RedisStateStore` under `outreach:sync:<user>:`.

A job that dies with its worker (kill -9, a lost host) is started again by arq on another
worker once its in-progress key expires (`job_timeout` + 10 s), and resumes from the last
checkpoint: nothing lost, nothing written twice. The output directory must be shared by the
workers (a network filesystem). Run a worker with the settings from the environment:

    OUTREACH_REDIS_URL=redis://redis:6379/0 OUTREACH_SYNC_OUTPUT=/shared/outreach \\
    OUTREACH_CLIENT_ID=... OUTREACH_CLIENT_SECRET=... OUTREACH_REDIRECT_URI=... \\
        arq outreach_async.bulk.arq_jobs.WorkerSettings

and enqueue one job per user, named after the user so that arq never runs two at once:

    pool = await arq.create_pool(RedisSettings.from_dsn(url))
    await enqueue_user_sync(pool, user_id, ["prospect", "account"])

Each user's tokens must be saved first (`RedisTokenStore(pool, token_key(user_id)).save(pair)`
after the OAuth code exchange).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import timedelta
from pathlib import Path
from typing import Any

import attrs
from arq.connections import ArqRedis, RedisSettings
from arq.jobs import Job

from ..auth.oauth import OAUTH_BASE_URL, OAuth2Auth, OAuthApp
from ..auth.token_store_redis import RedisTokenStore
from ..client import OutreachClient
from ..http.ratelimit_redis import RedisLimiter
from ..http.session import DEFAULT_BASE_URL
from .state import RedisStateStore
from .sync import DEFAULT_OVERLAP, sync_collections

__all__ = [
    "JOB_NAME",
    "UserSyncSettings",
    "WorkerSettings",
    "enqueue_user_sync",
    "job_id",
    "limiter_key",
    "settings_from_env",
    "state_prefix",
    "sync_outreach_user",
    "token_key",
    "worker_settings",
]

JOB_NAME = "sync_outreach_user"


def limiter_key(user_id: int) -> str:
    return f"outreach:ratelimit:{user_id}"


def token_key(user_id: int) -> str:
    return f"outreach:tokens:{user_id}"


def state_prefix(user_id: int) -> str:
    return f"outreach:sync:{user_id}:"


def job_id(user_id: int) -> str:
    """One job id per user: arq runs at most one job of an id at a time."""
    return f"outreach-sync:{user_id}"


@attrs.frozen
class UserSyncSettings:
    """What every job of a worker shares: the OAuth app, the API, the budget, the output."""

    app: OAuthApp
    output: Path
    base_url: str = DEFAULT_BASE_URL
    #: Each user's budget: Outreach's 10,000 requests an hour.
    limit: int = 10_000
    window: float = 3600.0
    concurrency: int = 8
    page_size: int = 1000
    overlap: timedelta = DEFAULT_OVERLAP


def settings_from_env(env: Any = None) -> UserSyncSettings:
    """Settings from `OUTREACH_*` variables (see the module's docstring)."""
    env = os.environ if env is None else env

    def required(name: str) -> str:
        value: str = env.get(name, "").strip()
        if not value:
            raise ValueError(f"{name}: not set; the sync worker needs it")
        return value

    app = OAuthApp(
        required("OUTREACH_CLIENT_ID"),
        required("OUTREACH_CLIENT_SECRET"),
        required("OUTREACH_REDIRECT_URI"),
        base_url=env.get("OUTREACH_OAUTH_URL") or OAUTH_BASE_URL,
    )
    return UserSyncSettings(
        app=app,
        output=Path(required("OUTREACH_SYNC_OUTPUT")),
        base_url=env.get("OUTREACH_BASE_URL") or DEFAULT_BASE_URL,
        limit=int(env.get("OUTREACH_RATE_LIMIT") or 10_000),
        window=float(env.get("OUTREACH_RATE_WINDOW") or 3600.0),
        page_size=int(env.get("OUTREACH_PAGE_SIZE") or 1000),
    )


async def sync_outreach_user(
    ctx: dict[str, Any], user_id: int, types: Sequence[str], reconcile: bool = False
) -> dict[str, Any]:
    """The arq task: one sync run (or the rest of one) for one Outreach user."""
    settings: UserSyncSettings = ctx["outreach"]
    redis: ArqRedis = ctx["redis"]
    limiter = RedisLimiter(
        redis, limiter_key(user_id), limit=settings.limit, window=settings.window
    )
    auth = OAuth2Auth(settings.app, store=RedisTokenStore(redis, token_key(user_id)))
    async with OutreachClient(auth, base_url=settings.base_url, limiter=limiter) as client:
        result = await sync_collections(
            client,
            types,
            state=RedisStateStore(redis, state_prefix(user_id)),
            output=settings.output / str(user_id),
            reconcile=reconcile,
            overlap=settings.overlap,
            concurrency=settings.concurrency,
            page_size=settings.page_size,
        )
    return {
        "user": user_id,
        "run": result.run,
        "resumed": result.resumed,
        "records": result.records,
        "requests": result.requests,
    }


async def enqueue_user_sync(
    pool: ArqRedis, user_id: int, types: Sequence[str], *, reconcile: bool = False
) -> Job | None:
    """Queue a sync of `user_id`; None when one is queued or running already."""
    return await pool.enqueue_job(
        JOB_NAME, user_id, list(types), reconcile, _job_id=job_id(user_id)
    )


async def _startup(ctx: dict[str, Any]) -> None:
    ctx.setdefault("outreach", settings_from_env())


def worker_settings(**overrides: Any) -> dict[str, Any]:
    """arq worker settings for these jobs; `overrides` are any of arq's `Worker` arguments.

    In your worker module: `WorkerSettings = worker_settings(max_jobs=4)`, then
    `arq yourmodule.WorkerSettings`. A job longer than `job_timeout` is cancelled; the job
    of a dead worker starts again `job_timeout` + 10 s after it began.
    """
    settings: dict[str, Any] = {
        "functions": [sync_outreach_user],
        "on_startup": _startup,
        "redis_settings": RedisSettings.from_dsn(
            os.environ.get("OUTREACH_REDIS_URL", "redis://localhost:6379/0")
        ),
        "job_timeout": 3600,
        "max_tries": 10,
    }
    settings.update(overrides)
    return settings


#: `arq outreach_async.bulk.arq_jobs.WorkerSettings` runs a worker with the defaults.
WorkerSettings = worker_settings()
