"""A throwaway `redis-server` for tests and benchmarks of `RedisLimiter`.

It listens on a free loopback port, keeps nothing on disk (`--save ''`, its own temporary
directory) and stops with the `with` block:

    with RedisServer() as server:
        limiter = RedisLimiter.from_url(server.url, "outreach:ratelimit:1")

`persistent=True` writes every change to an append-only file, so that `halt()` (Redis down)
then `restart()` (same port) comes back with the data, as a production Redis would.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import time
from types import TracebackType

__all__ = ["RedisServer", "RedisServerError"]

#: Set this to a `redis-server` binary that is not on PATH.
EXECUTABLE_VARIABLE = "OUTREACH_REDIS_SERVER"


class RedisServerError(RuntimeError):
    """`redis-server` is missing or would not start."""


class RedisServer:
    """One `redis-server` process on 127.0.0.1, started by `start()` or `with`."""

    def __init__(
        self,
        executable: str | None = None,
        *,
        startup_timeout: float = 10.0,
        persistent: bool = False,
    ) -> None:
        self.executable = executable or os.environ.get(EXECUTABLE_VARIABLE) or "redis-server"
        self.startup_timeout = startup_timeout
        self.persistent = persistent
        self.port: int | None = None
        self._halted_port: int | None = None
        self._process: subprocess.Popen[bytes] | None = None
        self._directory: tempfile.TemporaryDirectory[str] | None = None

    def __repr__(self) -> str:
        return f"RedisServer(port={self.port})"

    @property
    def url(self) -> str:
        if self.port is None:
            raise RedisServerError("the server is not running")
        return f"redis://127.0.0.1:{self.port}/0"

    def __enter__(self) -> RedisServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def start(self) -> None:
        """Start the server and wait until it answers PING; a port taken meanwhile is retried."""
        binary = shutil.which(self.executable)
        if binary is None:
            raise RedisServerError(
                f"{self.executable!r} not found: install it (Debian: apt-get install "
                f"redis-server) or set {EXECUTABLE_VARIABLE}"
            )
        if self._directory is None:
            self._directory = tempfile.TemporaryDirectory(prefix="outreach-redis-")
        log = os.path.join(self._directory.name, "redis.log")
        appendonly = ["yes", "--appendfsync", "always"] if self.persistent else ["no"]
        failure = ""
        for _ in range(3):
            port = self._halted_port or _free_port()
            process = subprocess.Popen(
                [
                    binary,
                    "--port",
                    str(port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    *appendonly,
                    "--dir",
                    self._directory.name,
                    "--logfile",
                    log,
                ],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.STDOUT,
            )
            if _wait_for_ping(port, process, self.startup_timeout):
                self._process, self.port = process, port
                return
            _stop(process)
            failure = _read(log)
        self.stop()
        raise RedisServerError(f"redis-server did not start:\n{failure[-2000:]}")

    def halt(self) -> None:
        """Stop the process as a crash or an outage would; `restart()` brings it back."""
        if self._process is not None:
            self._process.kill()
            self._process.wait()
            self._process = None
            self._halted_port, self.port = self.port, None

    def restart(self) -> None:
        """Start again on the same port, with the data if `persistent`."""
        self.halt()
        self.start()
        self._halted_port = None

    def stop(self) -> None:
        """Stop the server and remove its directory. Safe to call twice."""
        if self._process is not None:
            _stop(self._process)
            self._process = None
        self.port = None
        self._halted_port = None
        if self._directory is not None:
            self._directory.cleanup()
            self._directory = None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _wait_for_ping(port: int, process: subprocess.Popen[bytes], timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1.0) as connection:
                connection.sendall(b"PING\r\n")
                if connection.recv(64).startswith(b"+PONG"):
                    return True
        except OSError:
            pass
        time.sleep(0.02)
    return False


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as log:
            return log.read()
    except OSError:
        return "(no log)"
