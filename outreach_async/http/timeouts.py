"""How long a request may take: the whole exchange, and opening its connection."""

from __future__ import annotations

import aiohttp
import attrs

__all__ = ["Timeouts"]


@attrs.frozen
class Timeouts:
    """Seconds allowed for a whole request, and for opening its connection."""

    total: float | None = 120.0
    connect: float | None = 15.0

    def to_aiohttp(self) -> aiohttp.ClientTimeout:
        """The same timeouts as aiohttp's `ClientTimeout`."""
        return aiohttp.ClientTimeout(total=self.total, connect=self.connect)
