"""`RedisLimiter`: one user's request budget shared by several processes or hosts.

Needs the `redis` extra (`pip install outreach-async[redis]`); `redis.asyncio` is imported
only when a connection is made from a URL.

Each request takes its turn from a Lua script in Redis, on the Redis server's clock (`TIME`),
so hosts whose clocks differ still agree; times cross between hosts only as seconds from now.

- `pacing="budget"` (the default) counts the turns granted in the server's current window
  (learnt from `X-RateLimit-Reset`) against its limit, less `headroom`, less what the
  server's own count shows others spent (`X-RateLimit-Remaining`). Every process goes at full
  speed while that covers it; once it is spent, all wait for the reset. After a reset one
  request goes first, and its answer shows the new window to everyone.
- `pacing="even"` is a generic cell rate algorithm (GCRA): one request every
  `window / limit` seconds, at most `burst` ahead of that pace. The pace keeps `headroom`
  below the limit, so that any `window` seconds, wherever the server's window starts, hold
  fewer requests than the limit.

A 429 or a maintenance 503 seen by any process writes a pause into the same key; every
process holds until it ends and then resumes one request at a time, not all at once.
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
    Pacing,
    RateLimitSnapshot,
    Sleep,
    checked_pacing,
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

#: KEYS[1] the budget's hash; ARGV limit, headroom, grace, probe timeout (s), ttl (ms).
#: Returns {verdict, seconds}: go, paused, spent (until the reset), probing (the first
#: request of a window is out; its answer shows the window).
_CLAIM_BUDGET = """
local key = KEYS[1]
local limit = tonumber(ARGV[1])
local headroom = tonumber(ARGV[2])
local grace = tonumber(ARGV[3])
local probe_timeout = tonumber(ARGV[4])
local ttl = tonumber(ARGV[5])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local state = redis.call('HMGET', key, 'paused_until', 'window_end', 'granted', 'others',
  'probe_until')
local paused_until = tonumber(state[1])
if paused_until and paused_until > now then
  return {'paused', tostring(paused_until - now)}
end
local window_end = tonumber(state[2])
local granted = tonumber(state[3]) or 0
if window_end and now < window_end + grace then
  local allowance = math.floor(limit * (1 - headroom)) - (tonumber(state[4]) or 0)
  if granted >= allowance then
    return {'spent', tostring(window_end + grace - now)}
  end
  if now < window_end then
    redis.call('HSET', key, 'granted', granted + 1)
    redis.call('PEXPIRE', key, ttl)
    return {'go', '0'}
  end
end
local probe_until = tonumber(state[5]) or 0
if probe_until > now then
  return {'probing', tostring(probe_until - now)}
end
redis.call('HDEL', key, 'window_end')
redis.call('HSET', key, 'probe_until', tostring(now + probe_timeout), 'granted', 1, 'others', 0)
redis.call('PEXPIRE', key, ttl)
return {'go', '0'}
"""

#: KEYS[1] the budget's hash; ARGV remaining, limit, seconds to the reset, same-window
#: tolerance (s), ttl (ms). Folds one reading of the server's count into the shared window.
_OBSERVE_BUDGET = """
local key = KEYS[1]
local remaining = tonumber(ARGV[1])
local limit = tonumber(ARGV[2])
local same_window = tonumber(ARGV[4])
local ttl = tonumber(ARGV[5])
local clock = redis.call('TIME')
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local reset = now + tonumber(ARGV[3])
local state = redis.call('HMGET', key, 'window_end', 'granted', 'others')
local window_end = tonumber(state[1])
local granted = tonumber(state[2]) or 0
local others = tonumber(state[3]) or 0
if window_end and reset < window_end - same_window then
  return 'late'
end
if window_end and reset > window_end + same_window then
  granted = 0
  others = 0
end
if window_end == nil or reset > window_end + same_window then
  window_end = reset
end
-- Requests the server counted beyond the turns granted here were spent by someone else
-- (or granted in the window before and counted in this one).
local used = limit - remaining
if used - granted > others then
  others = used - granted
end
redis.call('HSET', key, 'window_end', tostring(window_end), 'granted', granted,
  'others', others, 'probe_until', 0)
redis.call('PEXPIRE', key, ttl)
return 'ok'
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
-- (Budget pacing: the window is forgotten, so the first request after the pause probes.)
redis.call('HDEL', key, 'window_end', 'probe_until')
local restart = paused_until + burst * interval
if restart > (tonumber(state[1]) or 0) then
  redis.call('HSET', key, 'tat', tostring(restart))
end
redis.call('PEXPIRE', key, ttl + math.ceil((paused_until - now) * 1000))
return tostring(paused_until - now)
"""


#: Resets closer than this (seconds) belong to the same window.
_SAME_WINDOW = 2.0
#: Seconds the first request of a window holds the others back if its answer never comes.
_PROBE_TIMEOUT = 5.0
#: Seconds between looks at the shared state while another process's probe is out.
_PROBE_POLL = 0.05


class RedisLimiter(OwnsRedis, Limiter):
    """Paces requests of every process that uses the same Redis `key` to one shared budget.

    Use one key per Outreach user (the budget is per user, not per app or token), e.g.
    `f"outreach:ratelimit:{user_id}"`. `limit` and `window` default to Outreach's 10,000
    requests an hour; a limit the server advertises in `X-RateLimit-Limit` takes over.
    `max_in_flight` caps this process's requests in flight. Every process on one key should
    use the same `pacing` (see the module docstring); `burst` applies to even pacing.

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
        pacing: Pacing = "budget",
        max_in_flight: int = 64,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
    ) -> None:
        super().__init__(max_in_flight=max_in_flight, clock=clock, sleep=sleep)
        self.pacing = checked_pacing(pacing)
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
        self._claim_budget_script = redis.register_script(_CLAIM_BUDGET)
        self._observe_budget_script = redis.register_script(_OBSERVE_BUDGET)
        self._seen = RateLimitSnapshot()
        self._paused_until: float | None = None
        #: Whether responses carry rate-limit headers; None until the first response.
        self._metered: bool | None = None

    @classmethod
    def from_url(cls, url: str, key: str, **options: Any) -> RedisLimiter:
        """A limiter on its own connection to `url` (`redis://host:6379/0`), closed with it."""
        limiter = cls(connect(url, needed_by="RedisLimiter"), key, **options)
        limiter._owns_redis = True
        return limiter

    def __repr__(self) -> str:
        return (
            f"RedisLimiter(key={self.key!r}, pacing={self.pacing!r}, limit={self.limit}, "
            f"window={self.window}, burst={self.burst}, headroom={self.headroom})"
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
            if self._metered is None:
                self._metered = False  # not metered: paced as even, from the settings
            return
        self._seen = seen
        if seen.limit:
            self.limit = seen.limit
        if seen.remaining is not None:
            self._metered = True
            if self.pacing == "budget" and seen.reset_at is not None:
                async with redis_failures(
                    self._redis,
                    f"sharing a reading of the rate-limit budget {self.key}",
                    "other processes on this budget learn it from their own answers",
                ):
                    await self._observe_budget_script(
                        keys=[self.key],
                        args=[
                            seen.remaining,
                            self.limit,
                            repr(seen.reset_at - now),
                            repr(_SAME_WINDOW),
                            self._ttl_ms(),
                        ],
                    )
                self._notify(reschedule=True)
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
        if self.pacing == "budget" and self._metered is not False:
            return await self._claim_budget(now)
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

    async def _claim_budget(self, now: float) -> Hold | None:
        async with redis_failures(
            self._redis,
            f"taking a turn of the shared rate-limit budget {self.key}",
            "the request was not sent",
        ):
            verdict, seconds = await self._claim_budget_script(
                keys=[self.key],
                args=[
                    self.limit,
                    repr(self.headroom),
                    repr(RESET_GRACE),
                    repr(_PROBE_TIMEOUT),
                    self._ttl_ms(),
                ],
            )
        wait = float(seconds)
        verdict = verdict.decode() if isinstance(verdict, bytes) else verdict
        if verdict == "go":
            return None
        if verdict == "paused":
            self._paused_until = now + wait
            return Hold(wait, "paused by the server (shared)", long=True)
        if verdict == "spent":
            return Hold(wait, "budget spent until the window resets (shared)", long=True)
        return Hold(min(wait, _PROBE_POLL), "the first answer of the window is awaited (shared)")

    def _ttl_ms(self) -> int:
        return math.ceil(max(self.window, self.interval * (self.burst + 1)) * 2000)
