"""How much of the rate-limit budget the client uses, and how often it trips the limit.

Three runs side by side, in the same windows, each against its own fake Outreach server
with a small budget (so each has a budget of its own):

- `in-process`: one `OutreachClient` (default `InProcessLimiter`), many tasks;
- `4 processes`: four processes, each a client with a `RedisLimiter` on one key, sharing one
  user's budget through a `redis-server` started for the run;
- `naive`: plain aiohttp, the same number of tasks, retrying only after a 429 (sleeping its
  `Retry-After`), giving up after six attempts.

Every task requests one prospect after another until the run ends. The run starts on a
window boundary and lasts whole windows. Figures:

- budget used: requests that succeeded / what the limit allowed (limit x windows);
- 429 share: 429 answers / all answers, as the server counted them;
- errors: exceptions that reached the caller.

    python benchmarks/rate_limit.py            # 300 requests / 30 s, 4 windows
    python benchmarks/rate_limit.py --quick    # 100 requests / 5 s, 3 windows, < 60 s

The last line reads `budget_used=<in-process> rate_limited_share=<worst of the library's
runs> errors=<library's runs> multi_process_budget_used=<4 processes> naive_budget_used=...`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

import aiohttp
import attrs

from outreach_async import OutreachClient, OutreachError, RequestStats
from outreach_async.http.ratelimit_redis import RedisLimiter
from outreach_async.testing import FakeOutreach, FaultSettings, RateLimitSettings
from outreach_async.testing._redis_server import RedisServer

PROSPECTS = 100
NAIVE_ATTEMPTS = 6
#: Seconds for the worker processes to start before the first window.
LEAD_TIME = 4.0


@attrs.frozen
class Plan:
    limit: int
    window: float
    windows: int
    tasks: int
    processes: int
    start: float = 0.0

    @property
    def end(self) -> float:
        return self.start + self.window * self.windows

    @property
    def allowed(self) -> int:
        return self.limit * self.windows


@attrs.define
class Outcome:
    name: str
    succeeded: int = 0
    errors: int = 0
    answers: int = 0
    rate_limited: int = 0
    waited: float = 0.0

    def budget_used(self, plan: Plan) -> float:
        return self.succeeded / plan.allowed

    @property
    def rate_limited_share(self) -> float:
        return self.rate_limited / self.answers if self.answers else 0.0


async def until(moment: float) -> None:
    await asyncio.sleep(max(0.0, moment - time.time()))


async def run_tasks(
    plan: Plan, tasks: int, request: Callable[[int], Awaitable[None]], outcome: Outcome
) -> None:
    """`tasks` workers calling `request` from the plan's start to its end, then cancelled."""

    async def worker(number: int) -> None:
        await until(plan.start)
        for count in range(number, 10**9, tasks):
            try:
                await request(count % PROSPECTS + 1)
            except (OutreachError, aiohttp.ClientError, asyncio.TimeoutError):
                outcome.errors += 1
            else:
                if time.time() < plan.end:
                    outcome.succeeded += 1

    workers = [asyncio.create_task(worker(number)) for number in range(tasks)]
    await until(plan.end)
    for task in workers:
        task.cancel()
    await asyncio.gather(*workers, return_exceptions=True)


def fake_server(plan: Plan) -> FakeOutreach:
    return FakeOutreach(
        rate_limit=RateLimitSettings(limit=plan.limit, window=plan.window),
        faults=FaultSettings(latency=0.01, jitter=0.02),
    )


def count_answers(server: FakeOutreach, outcome: Outcome) -> None:
    outcome.answers = server.requests.total
    outcome.rate_limited = server.requests.by_status[429]


async def in_process(plan: Plan, serve: Callable[[Plan], FakeOutreach] = fake_server) -> Outcome:
    outcome = Outcome("in-process")
    stats = RequestStats()
    async with serve(plan) as server:
        async with OutreachClient(server.token, base_url=server.api_url, hooks=[stats]) as client:
            prospects = client.resource("prospect")

            async def get(number: int) -> None:
                await prospects.get(number)

            await run_tasks(plan, plan.tasks, get, outcome)
        count_answers(server, outcome)
    outcome.waited = stats.waited
    return outcome


async def naive(plan: Plan, serve: Callable[[Plan], FakeOutreach] = fake_server) -> Outcome:
    outcome = Outcome("naive")
    async with serve(plan) as server, aiohttp.ClientSession() as http:
        headers = {
            "Authorization": f"Bearer {server.token}",
            "Accept": "application/vnd.api+json",
            "Content-Type": "application/vnd.api+json",
        }

        async def get(number: int) -> None:
            for _ in range(NAIVE_ATTEMPTS):
                async with http.get(f"{server.api_url}/prospects/{number}", headers=headers) as r:
                    await r.read()
                    if r.status != 429:
                        r.raise_for_status()
                        return
                    wait = float(r.headers.get("Retry-After", "1"))
                outcome.waited += wait
                await asyncio.sleep(wait)
            raise aiohttp.ClientError(f"still 429 after {NAIVE_ATTEMPTS} attempts")

        await run_tasks(plan, plan.tasks, get, outcome)
        count_answers(server, outcome)
    return outcome


async def multi_process(plan: Plan, redis_url: str) -> Outcome:
    outcome = Outcome(f"{plan.processes} processes")
    async with fake_server(plan) as server:
        config = {
            "plan": attrs.asdict(plan),
            "api_url": server.api_url,
            "token": server.token,
            "redis_url": redis_url,
            "key": f"outreach:benchmark:{time.time()}",
        }
        workers = [
            await asyncio.create_subprocess_exec(
                sys.executable,
                __file__,
                "--worker",
                json.dumps(config),
                stdout=asyncio.subprocess.PIPE,
            )
            for _ in range(plan.processes)
        ]
        for worker in workers:
            output, _ = await worker.communicate()
            if worker.returncode != 0:
                raise RuntimeError(f"a worker process failed ({worker.returncode})")
            report = json.loads(output.decode().strip().splitlines()[-1])
            outcome.succeeded += report["succeeded"]
            outcome.errors += report["errors"]
            outcome.waited += report["waited"]
        count_answers(server, outcome)
    return outcome


async def worker_process(config: dict[str, Any]) -> None:
    """One of the processes sharing a budget: its share of the tasks, through Redis."""
    plan = Plan(**config["plan"])
    outcome = Outcome("worker")
    stats = RequestStats()
    limiter = RedisLimiter.from_url(
        config["redis_url"], config["key"], limit=plan.limit, window=plan.window
    )
    async with (
        limiter,
        OutreachClient(
            config["token"], base_url=config["api_url"], limiter=limiter, hooks=[stats]
        ) as client,
    ):
        prospects = client.resource("prospect")

        async def get(number: int) -> None:
            await prospects.get(number)

        await run_tasks(plan, max(1, plan.tasks // plan.processes), get, outcome)
    report = {"succeeded": outcome.succeeded, "errors": outcome.errors, "waited": stats.waited}
    print(json.dumps(report), flush=True)


def table(plan: Plan, outcomes: list[Outcome]) -> str:
    lines = [
        f"{plan.limit} requests per {plan.window:g} s, {plan.windows} windows "
        f"({plan.allowed} allowed), {plan.tasks} tasks per run",
        f"{'run':<14}{'succeeded':>10}{'budget used':>13}{'answers':>9}{'429s':>7}"
        f"{'429 share':>11}{'errors':>8}{'task-s waiting':>16}",
    ]
    for outcome in outcomes:
        lines.append(
            f"{outcome.name:<14}{outcome.succeeded:>10}{outcome.budget_used(plan):>13.3f}"
            f"{outcome.answers:>9}{outcome.rate_limited:>7}{outcome.rate_limited_share:>11.4f}"
            f"{outcome.errors:>8}{outcome.waited:>16.1f}"
        )
    return "\n".join(lines)


async def main(plan: Plan) -> None:
    with RedisServer() as redis:
        start = math.ceil((time.time() + LEAD_TIME) / plan.window) * plan.window
        plan = attrs.evolve(plan, start=start)
        local, shared, plain = await asyncio.gather(
            in_process(plan), multi_process(plan, redis.url), naive(plan)
        )
    print(table(plan, [local, shared, plain]))
    share = max(local.rate_limited_share, shared.rate_limited_share)
    print(
        f"budget_used={local.budget_used(plan):.3f} rate_limited_share={share:.4f} "
        f"errors={local.errors + shared.errors} "
        f"multi_process_budget_used={shared.budget_used(plan):.3f} "
        f"naive_budget_used={plain.budget_used(plan):.3f}"
    )


def parse_arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="100 requests / 5 s, 3 windows")
    parser.add_argument("--limit", type=int, help="requests per window")
    parser.add_argument("--window", type=float, help="window length, seconds")
    parser.add_argument("--windows", type=int, help="how many windows to run")
    parser.add_argument("--tasks", type=int, default=60, help="concurrent tasks per run")
    parser.add_argument("--processes", type=int, default=4, help="processes sharing a budget")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    return parser.parse_args()


if __name__ == "__main__":
    arguments = parse_arguments()
    if arguments.worker:
        asyncio.run(worker_process(json.loads(arguments.worker)))
        sys.exit(0)
    quick = arguments.quick
    asyncio.run(
        main(
            Plan(
                limit=arguments.limit or (100 if quick else 300),
                window=arguments.window or (5.0 if quick else 30.0),
                windows=arguments.windows or (3 if quick else 4),
                tasks=arguments.tasks,
                processes=arguments.processes,
            )
        )
    )
