"""What importing the package costs, against aiohttp's own import in the same run.

    .venv/bin/python benchmarks/import_time.py [--runs 15]

Each statement runs in a fresh interpreter. "wall ms" is the median wall time less that of
an interpreter running `pass`; "import ms" the median of what `-X importtime` counts for the
statement's top-level imports (steadier on a busy machine). aiohttp is the baseline: the
client cannot cost less than the HTTP library it stands on.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

STATEMENTS = {
    "aiohttp (baseline)": "import aiohttp",
    "import outreach_async": "import outreach_async",
    "OutreachClient(token)": (
        "from outreach_async import OutreachClient; OutreachClient('t').resource('prospect')"
    ),
    "client.prospects": "from outreach_async import OutreachClient; OutreachClient('t').prospects",
    "outreach_async.models": "import outreach_async.models",
}


def _measure(statement: str, runs: int) -> tuple[float, float]:
    """Median wall seconds and median `-X importtime` seconds of `statement`."""
    walls, imports = [], []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-c", statement],
            check=True,
            capture_output=True,
            text=True,
        )
        walls.append(time.perf_counter() - started)
        imports.append(_top_level_import_seconds(done.stderr))
    return statistics.median(walls), statistics.median(imports)


def _top_level_import_seconds(report: str) -> float:
    """The cumulative time of the imports the statement made itself (not the site's)."""
    total = 0
    for line in report.splitlines():
        fields = line.removeprefix("import time:").split("|")
        if len(fields) == 3 and fields[1].strip().isdigit() and not fields[2].startswith("  "):
            name = fields[2].strip()
            if name not in _STARTUP:
                total += int(fields[1])
    return total / 1e6


_STARTUP: set[str] = set()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    startup = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", "pass"], capture_output=True, text=True
    ).stderr
    _STARTUP.update(line.split("|")[-1].strip() for line in startup.splitlines())
    empty, _ = _measure("pass", args.runs)
    measured = {name: _measure(code, args.runs) for name, code in STATEMENTS.items()}
    base_wall, base_import = measured["aiohttp (baseline)"]
    base_wall -= empty
    print(f"interpreter start: {empty * 1000:.0f} ms (subtracted); median of {args.runs} runs")
    print(
        f"{'statement':<26} {'wall ms':>8} {'vs aiohttp':>11} {'import ms':>10} {'vs aiohttp':>11}"
    )
    for name, (wall, imported) in measured.items():
        wall -= empty
        print(
            f"{name:<26} {wall * 1000:>8.0f} {(wall - base_wall) * 1000:>+8.0f} ms"
            f" {imported * 1000:>10.0f} {(imported - base_import) * 1000:>+8.0f} ms"
        )


if __name__ == "__main__":
    main()
