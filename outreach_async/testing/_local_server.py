"""What every fake server shares: its aiohttp app served on a local port, `async with`."""

from __future__ import annotations

from types import TracebackType
from typing import TypeVar

from aiohttp import web

S = TypeVar("S", bound="LocalServer")


class LocalServer:
    """Serves `self.app` on `host:port` (a free port when 0) between `start()` and `close()`."""

    app: web.Application

    def __init__(self, host: str, port: int) -> None:
        self.host = host
        self.port = port
        self._runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        """`http://127.0.0.1:PORT` (the port is known once started)."""
        if self._runner is None:
            raise RuntimeError(f"{type(self).__name__} is not started")
        return f"http://{self.host}:{self.port}"

    @property
    def started(self) -> bool:
        """True between `start()` and `close()`."""
        return self._runner is not None

    async def start(self) -> None:
        """Start serving (on a free port unless `port` was given); `async with` calls it."""
        if self._runner is not None:
            return
        runner = web.AppRunner(self.app, access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        address = runner.addresses[0]
        self.port = int(address[1])
        self._runner = runner

    async def close(self) -> None:
        """Stop serving; safe to call twice."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    async def __aenter__(self: S) -> S:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
