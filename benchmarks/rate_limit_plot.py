"""Plot the answers per second of a paced and an unpaced client on the same small budget.

Runs two of `rate_limit.py`'s runs side by side, each against its own fake Outreach server:
`outreach_async` with its default `InProcessLimiter` (paced), and plain aiohttp retrying
after each 429 (unpaced). Every answer the servers send is timed, and the figure shows the
answers per second of each run, 429s in red, with the limit's even pace as a dashed line.

    python benchmarks/rate_limit_plot.py     # 100 requests / 10 s, 3 windows (~35 s)

It writes `docs/images/rate-limit-pacing.png` (or `--output`) and prints the counts the
figure shows. Needs matplotlib: `pip install -e '.[bench]'`.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
from aiohttp import web
from rate_limit import LEAD_TIME, Outcome, Plan, fake_server, in_process, naive

from outreach_async.testing import FakeOutreach

OUTPUT = Path(__file__).resolve().parents[1] / "docs" / "images" / "rate-limit-pacing.png"

#: (seconds since the plan's start, status) of every answer, per run.
Timeline = list[tuple[float, int]]


def timed(timeline: Timeline) -> Callable[[Plan], FakeOutreach]:
    """A fake server for the plan that writes every answer it sends into `timeline`."""

    def serve(plan: Plan) -> FakeOutreach:
        server = fake_server(plan)

        async def record(request: web.Request, response: web.StreamResponse) -> None:
            timeline.append((time.time() - plan.start, response.status))

        server.app.on_response_prepare.append(record)
        return server

    return serve


def per_second(timeline: Timeline, plan: Plan, ok: bool) -> list[int]:
    counts = [0] * math.ceil(plan.end - plan.start)
    for moment, status in timeline:
        if 0 <= moment < len(counts) and (status == 429) != ok:
            counts[int(moment)] += 1
    return counts


def draw(plan: Plan, runs: list[tuple[str, Timeline, Outcome]], output: Path) -> None:
    figure, axes = plt.subplots(len(runs), 1, figsize=(9, 5.2), sharex=True, sharey=True)
    seconds = list(range(math.ceil(plan.end - plan.start)))
    for axis, (title, timeline, outcome) in zip(axes, runs, strict=True):
        ok = per_second(timeline, plan, ok=True)
        limited = per_second(timeline, plan, ok=False)
        axis.bar(seconds, ok, width=0.9, align="edge", color="#3b7dd8", label="answered")
        axis.bar(seconds, limited, width=0.9, align="edge", bottom=ok, color="#d8453b", label="429")
        axis.axhline(plan.limit / plan.window, color="black", linestyle="--", linewidth=1)
        for boundary in range(1, plan.windows):
            axis.axvline(boundary * plan.window, color="grey", linewidth=0.6)
        axis.set_title(
            f"{title}: {outcome.succeeded} answered, {outcome.rate_limited} of "
            f"{outcome.answers} answers were 429s",
            fontsize=10,
            loc="left",
        )
        axis.set_ylabel("answers / s")
        axis.legend(loc="upper right", fontsize=8, frameon=False)
    axes[-1].set_xlabel(
        f"seconds; budget {plan.limit} requests per {plan.window:g} s window (grey lines), "
        f"dashed: the even pace; {plan.tasks} tasks per run"
    )
    figure.tight_layout()
    output.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(output, dpi=110)


async def main(plan: Plan, output: Path) -> None:
    start = math.ceil((time.time() + LEAD_TIME) / plan.window) * plan.window
    plan = attrs.evolve(plan, start=start)
    paced_timeline: Timeline = []
    unpaced_timeline: Timeline = []
    paced, unpaced = await asyncio.gather(
        in_process(plan, timed(paced_timeline)), naive(plan, timed(unpaced_timeline))
    )
    runs = [
        ("outreach_async, paced", paced_timeline, paced),
        ("plain aiohttp retrying after 429, unpaced", unpaced_timeline, unpaced),
    ]
    draw(plan, runs, output)
    for title, _, outcome in runs:
        print(
            f"{title}: succeeded={outcome.succeeded} answers={outcome.answers} "
            f"rate_limited={outcome.rate_limited} budget_used={outcome.budget_used(plan):.3f}"
        )
    print(f"wrote {output}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--limit", type=int, default=100, help="requests per window")
    parser.add_argument("--window", type=float, default=10.0, help="window length, seconds")
    parser.add_argument("--windows", type=int, default=3, help="how many windows to run")
    parser.add_argument("--tasks", type=int, default=30, help="concurrent tasks per run")
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the PNG")
    arguments = parser.parse_args()
    plan = Plan(arguments.limit, arguments.window, arguments.windows, arguments.tasks, 1)
    asyncio.run(main(plan, arguments.output))
