"""A one-line progress display for exports on a terminal; silent elsewhere."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TextIO

__all__ = ["Progress"]

_BAR_WIDTH = 24


class Progress:
    """Records, rate, ETA (when the total is known) and requests left in the rate window."""

    def __init__(
        self,
        stream: TextIO,
        *,
        enabled: bool,
        clock: Callable[[], float] = time.monotonic,
        interval: float = 0.1,
    ) -> None:
        self._stream = stream
        self._enabled = enabled
        self._clock = clock
        self._interval = interval
        self._started = clock()
        self._last_draw = 0.0
        self.total: int | None = None
        self.records = 0
        self.requests_left: int | None = None

    def advance(self, records: int, requests_left: int | None = None) -> None:
        self.records += records
        if requests_left is not None:
            self.requests_left = requests_left
        now = self._clock()
        if self._enabled and now - self._last_draw >= self._interval:
            self._last_draw = now
            self._stream.write("\r" + self.line(now) + "\x1b[K")
            self._stream.flush()

    def line(self, now: float | None = None) -> str:
        elapsed = max(1e-9, (now if now is not None else self._clock()) - self._started)
        rate = self.records / elapsed
        parts = []
        if self.total:
            share = min(1.0, self.records / self.total)
            filled = int(share * _BAR_WIDTH)
            bar = "█" * filled + "░" * (_BAR_WIDTH - filled)
            parts.append(f"{bar} {self.records:,}/{self.total:,}")
            if rate > 0 and self.records < self.total:
                parts.append(f"ETA {_duration((self.total - self.records) / rate)}")
        else:
            parts.append(f"{self.records:,} records")
        parts.append(f"{rate:,.0f}/s")
        if self.requests_left is not None:
            parts.append(f"{self.requests_left:,} requests left in window")
        return "  ".join(parts)

    def finish(self) -> None:
        if self._enabled:
            self._stream.write("\r" + self.line() + "\x1b[K\n")
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
