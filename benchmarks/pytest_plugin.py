"""What the installed pytest plugin costs a test run that never uses its fixture.

    .venv/bin/python benchmarks/pytest_plugin.py [--runs 11]

Runs a one-test suite of another project (in a temporary folder) with the plugin loaded and
with `-p no:outreach_async`, alternating, and reports the median wall times and their
difference; then `-X importtime` of loading the plugin module the way pytest does.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TRIVIAL_TEST = "def test_nothing():\n    assert True\n"


def _pytest_seconds(folder: Path, *options: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *options],
        cwd=folder,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def _plugin_import_ms() -> float:
    """Cumulative import time of the plugin module, pytest and pytest-asyncio already loaded."""
    code = "import pytest, pytest_asyncio; import outreach_async.testing.pytest_plugin"
    report = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True
    ).stderr
    for line in report.splitlines():
        if line.rstrip().endswith("| outreach_async.testing.pytest_plugin"):
            return int(line.split("|")[1]) / 1000
    raise SystemExit("the plugin module was not imported")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        (folder / "test_other_project.py").write_text(TRIVIAL_TEST)
        (folder / "pytest.ini").write_text(
            "[pytest]\nasyncio_default_fixture_loop_scope = function\n"
        )
        without, loaded = [], []
        for _ in range(args.runs):
            without.append(_pytest_seconds(folder, "-p", "no:outreach_async"))
            loaded.append(_pytest_seconds(folder))
    base, with_plugin = statistics.median(without), statistics.median(loaded)
    print(f"trivial pytest run, median of {args.runs}:")
    print(f"  -p no:outreach_async   {base * 1000:7.0f} ms")
    print(f"  plugin loaded          {with_plugin * 1000:7.0f} ms")
    print(f"  difference             {(with_plugin - base) * 1000:+7.0f} ms")
    print(f"plugin module import (-X importtime, cumulative): {_plugin_import_ms():.1f} ms")


if __name__ == "__main__":
    main()
