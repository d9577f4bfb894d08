"""Start the test server as a subprocess on a free loopback port, and stop it again."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def running_server(database: Path) -> Iterator[str]:
    """The server's base URL (`http://127.0.0.1:PORT/api`) while it runs."""
    env = {**os.environ, "JSONAPI_SERVER_DB": str(database), "PYTHONWARNINGS": "ignore"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.jsonapi_server.serve"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None and process.stderr is not None
        line = process.stdout.readline().strip()
        if not line.isdigit():
            process.kill()
            raise RuntimeError(f"the JSON:API test server did not start: {process.stderr.read()}")
        yield f"http://127.0.0.1:{line}/api"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        for stream in (process.stdout, process.stderr):
            if stream is not None:
                stream.close()
