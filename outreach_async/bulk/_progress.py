"""Export progress: a redrawn line on a terminal, plain lines elsewhere, or nothing.

On a terminal the line is redrawn in place (`\\r`, erase to the end of the line); written to
a file or a pipe (a CI log, `2> export.log`) it is a plain line now and then, with no control
characters. The total is the server's count when it gave one, otherwise an estimate (shown
as `~12,345`) that the export updates as it learns the collection's density.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress"]

_BAR_WIDTH = 24
#: Seconds between plain lines when the stream is not a terminal.
PLAIN_INTERVAL = 10.0


class Progress:
    """Records, rate, total and ETA, and requests left in the rate window."""

    def __init__(
        self,
        stream: TextIO,
        *,
        enabled: bool = True,
        terminal: bool | None = None,
        clock: Callable[[], float] = time.monotonic,
        interval: float = 0.1,
        plain_interval: float = PLAIN_INTERVAL,
    ) -> None:
        self._stream = stream
        self._enabled = enabled
        self._terminal = stream.isatty() if terminal is None else terminal
        self._clock = clock
        self._interval = interval if self._terminal else plain_interval
        self._started = clock()
        self._last_draw = self._started
        self.total: int | None = None
        #: True when `total` is an estimate rather than the server's count.
        self.estimated = False
        self.records = 0
        self.requests_left: int | None = None

    def advance(self, records: int, requests_left: int | None = None) -> None:
        self.records += records
        if requests_left is not None:
            self.requests_left = requests_left
        now = self._clock()
        if self._enabled and now - self._last_draw >= self._interval:
            self._last_draw = now
            self._draw(self.line(now))

    def line(self, now: float | None = None) -> str:
        elapsed = max(1e-9, (now if now is not None else self._clock()) - self._started)
        rate = self.records / elapsed
        parts = []
        total = max(self.total, self.records) if self.total is not None else None
        if total:
            share = min(1.0, self.records / total)
            approximately = "~" if self.estimated else ""
            if self._terminal:
                filled = int(share * _BAR_WIDTH)
                parts.append("█" * filled + "░" * (_BAR_WIDTH - filled))
            parts.append(f"{self.records:,}/{approximately}{total:,} ({share:.0%})")
            if rate > 0 and self.records < total:
                parts.append(f"ETA {approximately}{_duration((total - self.records) / rate)}")
        else:
            parts.append(f"{self.records:,} records")
        parts.append(f"{rate:,.0f}/s")
        if self.requests_left is not None:
            parts.append(f"{self.requests_left:,} requests left in window")
        return "  ".join(parts)

    def finish(self) -> None:
        """End the redrawn line on a terminal; elsewhere the summary that follows says it all."""
        if self._enabled and self._terminal:
            self._stream.write("\r" + self.line() + "\x1b[K\n")
            self._stream.flush()

    def _draw(self, line: str) -> None:
        if self._terminal:
            self._stream.write("\r" + line + "\x1b[K")
        else:
            self._stream.write(line + "\n")
        self._stream.flush()

    @property
    def elapsed(self) -> float:
        return self._clock() - self._started


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"
