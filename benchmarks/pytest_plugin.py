"""What the installed pytest plugin costs a test run that never uses its fixture.

    .venv/bin/python benchmarks/pytest_plugin.py [--runs 15]

Runs a one-test suite of another project (in a temporary folder) with the plugin loaded and
without it, alternating, and reports median wall and CPU times (user + system, steadier on
a busy machine) and their difference, in two settings:

- every installed plugin, as in a project's own venv (`-p no:outreach_async` is the
  baseline);
- plugin autoloading off (`PYTEST_DISABLE_PLUGIN_AUTOLOAD=1`) with only pytest-asyncio, so
  the other plugins' noise (hypothesis takes most of a run) is gone.

Last, `-X importtime` of loading the plugin module, pytest and pytest-asyncio already loaded.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TRIVIAL_TEST = "def test_nothing():\n    assert True\n"
PLUGIN = "outreach_async.testing.pytest_plugin"


def _run(folder: Path, options: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds of one pytest run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *options],
        cwd=folder,
        env=env,
        check=True,
        capture_output=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _medians(runs: list[tuple[float, float]]) -> tuple[float, float]:
    walls, cpus = zip(*runs, strict=True)
    return statistics.median(walls), statistics.median(cpus)


def _compare(
    folder: Path, runs: int, without: list[str], loaded: list[str], env: dict[str, str]
) -> None:
    base, plugin = [], []
    for _ in range(runs):
        base.append(_run(folder, without, env))
        plugin.append(_run(folder, loaded, env))
    (base_wall, base_cpu), (wall, cpu) = _medians(base), _medians(plugin)
    print(f"  {'':<16} {'wall ms':>8} {'CPU ms':>8}")
    print(f"  {'without plugin':<16} {base_wall * 1000:>8.0f} {base_cpu * 1000:>8.0f}")
    print(f"  {'plugin loaded':<16} {wall * 1000:>8.0f} {cpu * 1000:>8.0f}")
    print(
        f"  {'difference':<16} {(wall - base_wall) * 1000:>+8.0f} {(cpu - base_cpu) * 1000:>+8.0f}"
    )


def _plugin_import_ms() -> float:
    code = f"import pytest, pytest_asyncio; import {PLUGIN}"
    report = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True
    ).stderr
    for line in report.splitlines():
        if line.rstrip().endswith(f"| {PLUGIN}"):
            return int(line.split("|")[1]) / 1000
    raise SystemExit("the plugin module was not imported")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "test_other_project.py").write_text(TRIVIAL_TEST)
        (folder / "pytest.ini").write_text(
            "[pytest]\nasyncio_default_fixture_loop_scope = function\n"
        )
        env = dict(os.environ)
        print(f"trivial pytest run, every installed plugin, median of {args.runs}:")
        _compare(folder, args.runs, ["-p", "no:outreach_async"], [], env)
        quiet = {**env, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
        print(f"trivial pytest run, autoload off, pytest-asyncio only, median of {args.runs}:")
        _compare(folder, args.runs, ["-p", "asyncio"], ["-p", "asyncio", "-p", PLUGIN], quiet)
    print(f"plugin module import (-X importtime, cumulative): {_plugin_import_ms():.1f} ms")


if __name__ == "__main__":
    main()
