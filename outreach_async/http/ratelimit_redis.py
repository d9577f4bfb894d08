"""`RedisLimiter`: one user's request budget shared by several processes or hosts.

Needs the `redis` extra (`pip install outreach-async[redis]`); `redis.asyncio` is imported
only when a connection is made from a URL.

Each request takes a turn from a generic cell rate algorithm (GCRA) run by a Lua script in
Redis: one request every `window / limit` seconds, at most `burst` ahead of that pace, on the
Redis server's clock (`TIME`), so hosts whose clocks differ still agree. The pace keeps a
`headroom` below the limit, so that any `window` seconds, wherever the server's window
starts, hold fewer requests than the limit. A 429 or a maintenance 503 seen by any process
writes a pause into the same key; every process holds until it ends and then resumes one
request at a time at the pace, not all at once.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._redis import OwnsRedis, connect, redis_failures
from .ratelimit import (
    RESET_GRACE,
    Clock,
    Hold,
    Limiter,
    RateLimitSnapshot,
    Sleep,
    parse_rate_limit_headers,
)

if TYPE_CHECKING:
    from redis.asyncio import Redis

__all__ = ["RedisLimiter"]

logger = logging.getLogger("outreach_async")

#: KEYS[1] the budget's hash; ARGV interval, burst, ttl (ms). Returns {verdict, seconds}.
_CLAIM = """
local key = KEYS[1]
local interval = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local ttl = tonumber(ARGV[3])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', key, 'tat', 'paused_until')
local paused_until = tonumber(state[2])
if paused_until and paused_until > now then
  return {'paused', tostring(paused_until - now)}
end
local tat = tonumber(state[1]) or now
if tat < now then tat = now end
local allowed_at = tat - burst * interval
if allowed_at > now then
  return {'pacing', tostring(allowed_at - now)}
end
redis.call('HSET', key, 'tat', tostring(tat + interval))
redis.call('PEXPIRE', key, ttl)
return {'go', '0'}
"""

#: KEYS[1] the budget's hash; ARGV seconds, interval, burst, ttl (ms). Returns seconds left.
_PAUSE = """
local key = KEYS[1]
local seconds = tonumber(ARGV[1])
local interval = tonumber(ARGV[2])
local burst = tonumber(ARGV[3])
local ttl = tonumber(ARGV[4])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', key, 'tat', 'paused_until')
local paused_until = tonumber(state[2]) or 0
if now + seconds > paused_until then
  paused_until = now + seconds
  redis.call('HSET', key, 'paused_until', tostring(paused_until))
end
-- After the pause, one request goes, then the others at the pace: no burst, no herd.
local restart = paused_until + burst * interval
if restart > (tonumber(state[1]) or 0) then
  redis.call('HSET', key, 'tat', tostring(restart))
end
redis.call('PEXPIRE', key, ttl + math.ceil((paused_until - now) * 1000))
return tostring(paused_until - now)
"""


class RedisLimiter(OwnsRedis, Limiter):
    """Paces requests of every process that uses the same Redis `key` to one shared budget.

    Use one key per Outreach user (the budget is per user, not per app or token), e.g.
    `f"outreach:ratelimit:{user_id}"`. `limit` and `window` default to Outreach's 10,000
    requests an hour; a limit the server advertises in `X-RateLimit-Limit` takes over.
    `max_in_flight` caps this process's requests in flight.

    Pass a `redis.asyncio.Redis` you own, or use `RedisLimiter.from_url(url, key)`, which the
    limiter closes in `aclose()` (or `async with`). When Redis is down or slower than its
    socket timeout, the request is not sent and `RedisUnavailableError` says so.
    """

    def __init__(
        self,
        redis: Redis,
        key: str,
        *,
        limit: int = 10_000,
        window: float = 3600.0,
        burst: int = 5,
        headroom: float = 0.02,
        max_in_flight: int = 16,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
    ) -> None:
        super().__init__(max_in_flight=max_in_flight, clock=clock, sleep=sleep)
        if not key:
            raise ValueError("key: expected a non-empty Redis key, one per Outreach user")
        if limit < 1 or window <= 0 or burst < 0 or not 0 <= headroom < 1:
            raise ValueError("expected limit >= 1, window > 0, burst >= 0 and 0 <= headroom < 1")
        self.key = key
        self.limit = limit
        self.window = window
        self.burst = burst
        self.headroom = headroom
        self._redis = redis
        self._owns_redis = False
        self._claim_script = redis.register_script(_CLAIM)
        self._pause_script = redis.register_script(_PAUSE)
        self._seen = RateLimitSnapshot()
        self._paused_until: float | None = None

    @classmethod
    def from_url(cls, url: str, key: str, **options: Any) -> RedisLimiter:
        """A limiter on its own connection to `url` (`redis://host:6379/0`), closed with it."""
        limiter = cls(connect(url, needed_by="RedisLimiter"), key, **options)
        limiter._owns_redis = True
        return limiter

    def __repr__(self) -> str:
        return (
            f"RedisLimiter(key={self.key!r}, limit={self.limit}, window={self.window}, "
            f"burst={self.burst}, headroom={self.headroom})"
        )

    async def __aenter__(self) -> RedisLimiter:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    @property
    def interval(self) -> float:
        """Seconds between requests at the shared pace."""
        per_window = self.limit * (1 - self.headroom) - self.burst
        return self.window / max(1.0, per_window)

    def snapshot(self) -> RateLimitSnapshot:
        """What this process's responses said, and the latest pause it knows of."""
        seen = self._seen
        return RateLimitSnapshot(
            limit=seen.limit,
            remaining=seen.remaining,
            reset_at=seen.reset_at,
            paused_until=self._paused_until,
            in_flight=self.in_flight,
            waiting=self.waiting,
        )

    async def observe(self, headers: Mapping[str, str], now: float | None = None) -> None:
        """Adopt the advertised limit; a budget spent before its reset pauses every process."""
        now = self._clock() if now is None else now
        seen = parse_rate_limit_headers(headers, now)
        if seen is None:
            return
        self._seen = seen
        if seen.limit:
            self.limit = seen.limit
        if seen.remaining == 0 and seen.reset_at is not None and seen.reset_at > now:
            # Spent before its reset (someone else shares the budget): everyone waits.
            await self.pause(seen.reset_at - now + RESET_GRACE, reason="budget spent")

    async def pause(self, seconds: float, *, reason: str = "the server asked") -> None:
        """Hold every process on this key for `seconds`, unless a longer pause is on already."""
        async with redis_failures(
            self._redis,
            f"sharing a {seconds:.0f}s rate-limit pause on {self.key}",
            "other processes on this budget were not told to pause",
        ):
            left = await self._pause_script(
                keys=[self.key],
                args=[repr(max(0.0, seconds)), repr(self.interval), self.burst, self._ttl_ms()],
            )
        self._paused_until = self._clock() + float(left)
        self._notify()
        logger.debug(
            "rate limit: pausing every process on %s for %.3fs (%s)", self.key, seconds, reason
        )

    async def _claim(self, now: float) -> Hold | None:
        async with redis_failures(
            self._redis,
            f"taking a turn of the shared rate-limit budget {self.key}",
            "the request was not sent",
        ):
            verdict, seconds = await self._claim_script(
                keys=[self.key], args=[repr(self.interval), self.burst, self._ttl_ms()]
            )
        wait = float(seconds)
        if verdict in (b"go", "go"):
            return None
        if verdict in (b"paused", "paused"):
            self._paused_until = now + wait
            return Hold(wait, "paused by the server (shared)", long=True)
        return Hold(wait, f"pacing one request per {self.interval:.3f}s (shared)")

    def _ttl_ms(self) -> int:
        return math.ceil(max(self.window, self.interval * (self.burst + 1)) * 2000)
