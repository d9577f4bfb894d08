"""Every script in examples/ runs as a user would run it, against the embedded fake server."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from outreach_async.testing._redis_server import RedisServer

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
#: Not an example: where the examples connect (Outreach, or the fake).
SHARED = {"connect.py"}
#: Seconds one example may take on a busy machine.
TIMEOUT = 120

#: Lines each example must print (regular expressions, each matching a whole line).
EXPECTED: dict[str, list[str]] = {
    "quickstart.py": [
        r"\(no OUTREACH_ACCESS_TOKEN: using the embedded fake Outreach at http://127\.0\.0\.1:\d+/api/v2\)",
        r"prospect 1: \w+ \w+ \([\w ]+\)",
        r"prospect 3: \w+ \w+ \([\w ]+\)",
        r"[1-9]\d* prospects updated since 2024-01-01",
        r"not found: 404 Resource Not Found",
    ],
    "typed_models.py": [
        r"created prospect \d+ on account \d+",
        r"first name: Ada",
        r"last name left out by the fieldset: True",
        r"title, or a default: 'no title'",
        r"account from `included`: Initech",
        r"title now 'Analyst', custom1 'gold'",
        r"refused before sending: prospect update: created_at is read-only .*",
        r"deleted both",
    ],
    "sequences.py": [
        r"8 sequences, first by name: '.+'",
        r"added \[11, 12, 13\], failed \[\]",
        r"prospect 11 not added again: Prospect 11 is already in sequence \d+ .*",
        r"prospect 12 not added again: Prospect 12 is already in sequence \d+ .*",
        r"sequence state \d+ is 'paused'",
        r"copied [1-9]\d* steps from sequence \d+ to \d+",
    ],
    "export_resume.py": [
        r"stopped part way; checkpoint saved: True",
        r"resumed: True, 2000 records in .*prospects\.jsonl",
        r"lines 2000, distinct ids 2000, checkpoint left: False",
    ],
    "webhook_receiver.py": [
        r"receiving webhooks at http://127\.0\.0\.1:\d+/outreach/webhook",
        r"received prospect\.updated: prospect 1 Sally",
        r"signed delivery answered 204",
        r"forged delivery answered 401",
    ],
    "fastapi_app.py": [
        r"GET /prospects/1: 200 \{'id': 1, 'name': '\w+ \w+'\}",
        r"GET /prospects/999999999: 404 \{'detail': 'no such prospect'\}",
        r"webhook: account\.created for account 3",
        r"POST /outreach/webhook: 204",
    ],
    "oauth_flow.py": [
        r"authorized; the access token lives 2 hours",
        r"read prospect 1 with the first access token",
        r"read 3 accounts after the token expired",
        r"refreshes: 1",
        r"the store holds the new refresh token: True",
    ],
    "shared_budget.py": [
        r"fake Outreach at .*: 60 requests per 3s",
        r"3 processes, 45 requests answered 200 in [\d.]+s",
        r"429 answers: 0",
    ],
}
NEEDS = {"fastapi_app.py": ("fastapi", "uvicorn")}


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with RedisServer() as server:
        yield server.url


def test_every_example_is_run_here() -> None:
    found = {path.name for path in EXAMPLES.glob("*.py")} - SHARED
    assert found == set(EXPECTED), "add the example's expected lines to EXPECTED"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_the_example_runs_against_the_fake_server(
    name: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    for module in NEEDS.get(name, ()):
        pytest.importorskip(module)
    env = {key: value for key, value in os.environ.items() if not key.startswith("OUTREACH_")}
    if name == "shared_budget.py":
        env["REDIS_URL"] = request.getfixturevalue("redis_url")
    done = subprocess.run(
        [sys.executable, "-W", "error", str(EXAMPLES / name)],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    lines = done.stdout.splitlines()
    for expected in EXPECTED[name]:
        assert any(re.fullmatch(expected, line) for line in lines), (expected, done.stdout)
