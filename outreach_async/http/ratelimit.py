"""Rate limits: what the server says about the budget, and the limiters that pace requests.

Outreach gives each user a budget of requests per fixed window (10,000 an hour) and reports
it in every response's `X-RateLimit-*` headers. A `Limiter` sits in front of the session:
each attempt waits in `acquire()` for its turn and calls `release()` when its response is in;
every response goes through `observe()`; a 429 or a maintenance 503 calls `pause()`, which
holds every task of the client, not just the one that was refused, until the advertised time.

`Limiter` keeps its waiters first in, first out and lets only the head decide, so a pause
ends with one request and then a steady pace, never a herd; a cancelled waiter leaves the
queue at once. Subclasses decide when the head may go: `InProcessLimiter` (the default) from
the headers, `RedisLimiter` (`outreach_async.http.ratelimit_redis`) from a budget that several
processes share.
"""

from __future__ import annotations

import abc
import asyncio
import collections
import logging
import math
import time
from collections.abc import Awaitable, Callable, Mapping
from typing import Literal

import attrs

from ._timeparse import WHOLE_SECOND_GRACE, clock_skew, parse_reset, smallest_number

__all__ = [
    "Hold",
    "InProcessLimiter",
    "Limiter",
    "LimiterWaitTooLong",
    "Pacing",
    "RateLimitSnapshot",
    "parse_rate_limit_headers",
]

logger = logging.getLogger("outreach_async")

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
#: "budget": full speed while the budget left covers it, then wait for the reset.
#: "even": spread what is left evenly over the time to the reset (for a budget shared with
#: people working in the Outreach app at the same time).
Pacing = Literal["budget", "even"]
PACINGS: tuple[Pacing, ...] = ("budget", "even")

#: Wait this long past a spent window's reset before probing: clocks and rounding differ.
#: The retry policy adds the same grace to a 429's whole-second times, so both agree.
RESET_GRACE = WHOLE_SECOND_GRACE
#: Resets closer than this belong to the same window (a `Date`-corrected reset wobbles).
_SAME_WINDOW = 2.0
#: Pacing waits shorter than this are granted at once: an epoch clock cannot even count
#: them (its resolution is about 0.2µs), so sleeping them would not move it and the head
#: would be held again and again.
_SHORTEST_HOLD = 1e-5


@attrs.frozen
class RateLimitSnapshot:
    """What the server last said about the budget; None where it said nothing.

    `remaining` is the lowest count the server reported in the current window; `reset_at`
    and `paused_until` are epoch seconds on this machine's clock.
    """

    limit: int | None = None
    remaining: int | None = None
    reset_at: float | None = None
    paused_until: float | None = None
    in_flight: int = 0
    waiting: int = 0


def parse_rate_limit_headers(headers: Mapping[str, str], now: float) -> RateLimitSnapshot | None:
    """Read `X-RateLimit-*` defensively; None when a response carries none of them.

    Missing parts stay None; a two-valued remaining (`9999, 19988`) reads as its smaller
    number; a reset may be an epoch (read on the server's clock, from its `Date`) or seconds
    left.
    """
    lowered = {key.lower(): value for key, value in headers.items()}
    limit = smallest_number(lowered.get("x-ratelimit-limit"))
    remaining = smallest_number(lowered.get("x-ratelimit-remaining"))
    skew = clock_skew(lowered.get("date"), now)
    reset_at = parse_reset(lowered.get("x-ratelimit-reset"), now, skew)
    if limit is None and remaining is None and reset_at is None:
        return None
    return RateLimitSnapshot(
        limit=max(0, int(limit)) if limit is not None else None,
        remaining=max(0, int(remaining)) if remaining is not None else None,
        reset_at=reset_at,
    )


class LimiterWaitTooLong(Exception):
    """The limiter would hold a request longer than the caller's `max_wait`.

    The session turns this into `RateLimited` with `retry_after`; nothing was sent.
    """

    def __init__(self, wait: float, reason: str) -> None:
        super().__init__(f"the rate limiter would hold this request {wait:.1f}s ({reason})")
        self.wait = wait
        self.reason = reason


@attrs.frozen
class Hold:
    """Why the head of the queue may not go yet, and for how long.

    `seconds` None means "until something changes" (a response arrives, a request ends).
    `long` marks the holds that a caller's `max_wait` applies to: a pause the server asked
    for, or a budget spent until the reset (not the short gaps of pacing).
    """

    seconds: float | None
    reason: str
    long: bool = False


def checked_pacing(pacing: str) -> Pacing:
    """`pacing` if it names a known pacing; a ValueError naming the choices otherwise."""
    if pacing not in PACINGS:
        raise ValueError(f"pacing: expected 'budget' or 'even', got {pacing!r}")
    return pacing


class Limiter(abc.ABC):
    """Decides when each request may go: pacing, pauses and a cap on requests in flight.

    Subclasses implement `_claim` (may the head go now? if so, count it), `observe`, `pause`
    and `snapshot`. `clock` and `sleep` are injectable so that tests can check waits exactly.
    """

    def __init__(
        self,
        *,
        max_in_flight: int = 64,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
    ) -> None:
        if max_in_flight < 1:
            raise ValueError("max_in_flight: expected at least 1")
        self.max_in_flight = max_in_flight
        self._clock = clock or time.time
        self._sleep = sleep or asyncio.sleep
        self._in_flight = 0
        self._waiters: collections.deque[asyncio.Future[bool]] = collections.deque()
        self._changed = asyncio.Event()
        self._rescheduled = asyncio.Event()

    async def acquire(self, *, max_wait: float | None = None) -> float:
        """Wait for a turn to send one request; return the seconds spent waiting.

        Raises `LimiterWaitTooLong` instead of holding a request longer than `max_wait` for a
        pause or a spent budget. Cancelling the caller gives up its place at once.
        """
        started = self._clock()
        ticket: asyncio.Future[bool] = asyncio.get_running_loop().create_future()
        self._waiters.append(ticket)
        try:
            granted = False
            if self._waiters[0] is not ticket:
                granted = await ticket  # True: the previous head granted this turn already
            if not granted:
                await self._wait_at_head(max_wait)
                self._in_flight += 1
        except BaseException:
            if ticket.done() and not ticket.cancelled() and ticket.result():
                self.release()  # granted, then cancelled before it could be used
            raise
        finally:
            self._leave(ticket)
        return max(0.0, self._clock() - started)

    def release(self) -> None:
        """The request that held a turn has finished (answered, failed or cancelled)."""
        self._in_flight = max(0, self._in_flight - 1)
        self._notify()

    @abc.abstractmethod
    async def observe(self, headers: Mapping[str, str], now: float | None = None) -> None:
        """Learn from a response's headers (any status) what is left of the budget."""

    @abc.abstractmethod
    async def pause(self, seconds: float, *, reason: str = "the server asked") -> None:
        """Hold every request for `seconds` (the server said so); then probe, then pace."""

    @abc.abstractmethod
    def snapshot(self) -> RateLimitSnapshot:
        """The state as this limiter knows it now."""

    async def aclose(self) -> None:  # noqa: B027 - optional hook, a no-op by default
        """Release what the limiter holds, such as a connection it opened itself."""

    @abc.abstractmethod
    async def _claim(self, now: float) -> Hold | None:
        """None if the head may go now (and count it as sent); else how long to hold it."""

    @property
    def in_flight(self) -> int:
        """Requests that hold a turn now."""
        return self._in_flight

    @property
    def waiting(self) -> int:
        """Requests queued for a turn now."""
        return len(self._waiters)

    def _notify(self, *, reschedule: bool = False) -> None:
        """Wake the head: something changed. `reschedule` also cuts short a timed hold."""
        self._changed.set()
        self._changed = asyncio.Event()
        if reschedule:
            self._rescheduled.set()
            self._rescheduled = asyncio.Event()

    async def _wait_at_head(self, max_wait: float | None) -> None:
        while True:
            changed, rescheduled = self._changed, self._rescheduled
            if self._in_flight >= self.max_in_flight:
                hold: Hold | None = Hold(None, f"{self._in_flight} requests in flight")
            else:
                hold = await self._claim(self._clock())
            if hold is None:
                return
            if hold.seconds is None:
                await changed.wait()
                continue
            if hold.long and max_wait is not None and hold.seconds > max_wait:
                raise LimiterWaitTooLong(hold.seconds, hold.reason)
            logger.debug("rate limit: holding requests %.3fs (%s)", hold.seconds, hold.reason)
            await self._sleep_unless(hold.seconds, rescheduled)

    async def _sleep_unless(self, seconds: float, rescheduled: asyncio.Event) -> None:
        """Sleep `seconds` with the injected sleep, waking early if `rescheduled` is set."""
        sleeper = asyncio.ensure_future(self._sleep(seconds))
        watcher = asyncio.ensure_future(rescheduled.wait())
        try:
            await asyncio.wait((sleeper, watcher), return_when=asyncio.FIRST_COMPLETED)
        finally:
            sleeper.cancel()
            watcher.cancel()

    def _leave(self, ticket: asyncio.Future[bool]) -> None:
        """Take `ticket` out of the queue; if it was the head, hand the queue on.

        Waiters that may go at once are granted here, all in one go, so that a burst does
        not cost a loop iteration per request; the first that may not becomes the head.
        """
        if ticket not in self._waiters:
            return  # granted by the previous head
        was_head = self._waiters[0] is ticket
        self._waiters.remove(ticket)
        if not ticket.done():
            ticket.cancel()
        if not was_head:
            return
        while self._waiters:
            head = self._waiters[0]
            if head.done():
                return  # cancelled: it hands on when it leaves
            if self._in_flight < self.max_in_flight and self._claim_at_once(self._clock()):
                self._in_flight += 1
                self._waiters.popleft()
                head.set_result(True)
                continue
            head.set_result(False)
            return

    def _claim_at_once(self, now: float) -> bool:
        """Grant a turn without waiting, where the limiter can decide that synchronously."""
        return False


class InProcessLimiter(Limiter):
    """Paces one process's requests so that the server's budget is never overrun.

    What may still be sent is the lowest `X-RateLimit-Remaining` of the current window, less
    the requests in flight (the server may not have counted them yet) and less requests that
    ended without a reading (errors). It is worked out afresh each time, so a late answer
    costs nothing once it is in. `reserve` requests of each window are left for other users
    of the same token.

    `pacing="budget"` (the default) lets requests go as fast as `max_in_flight` allows while
    that budget covers them, and holds them until `X-RateLimit-Reset` once it is spent: a
    job smaller than the budget left never waits, a long one spends every window whole, and
    no request is sent that the server would refuse. `pacing="even"` spaces requests evenly
    over the time left before the reset, with up to `burst` ahead of that pace (at the start
    of a window, after idle time); idle time is not lost, the pace speeds up to spend the
    budget by the reset. Choose it when people share the budget with the program.

    Until a response has shown the budget (at start, after a window ends, after a pause)
    only one request is in flight. A server that sends no rate-limit headers is not paced;
    `max_in_flight` still applies.
    """

    def __init__(
        self,
        *,
        max_in_flight: int = 64,
        pacing: Pacing = "budget",
        burst: int = 10,
        reserve: int = 0,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
    ) -> None:
        super().__init__(max_in_flight=max_in_flight, clock=clock, sleep=sleep)
        if burst < 0 or reserve < 0:
            raise ValueError("burst and reserve: expected zero or more")
        self.pacing = checked_pacing(pacing)
        self.burst = burst
        self.reserve = reserve
        self._limit: int | None = None
        #: The lowest remaining the server reported in the current window.
        self._remaining: int | None = None
        self._reset_at: float | None = None
        #: True while the budget is unknown or stale: one probe request at a time.
        self._probing = True
        #: Requests that ended in this window without a reading of the budget.
        self._unread = 0
        #: Whether responses carry rate-limit headers; None until the first response.
        self._metered: bool | None = None
        #: Requests that may go at once (a token bucket refilled at the even pace).
        self._tokens = burst + 1.0
        self._refilled_at = 0.0
        self._paused_until: float | None = None

    def __repr__(self) -> str:
        return (
            f"InProcessLimiter(max_in_flight={self.max_in_flight}, pacing={self.pacing!r}, "
            f"burst={self.burst}, reserve={self.reserve})"
        )

    def snapshot(self) -> RateLimitSnapshot:
        """The budget as the last answers reported it, and the requests in flight and waiting."""
        return RateLimitSnapshot(
            limit=self._limit,
            remaining=self._remaining,
            reset_at=self._reset_at,
            paused_until=self._paused_until,
            in_flight=self.in_flight,
            waiting=self.waiting,
        )

    def release(self) -> None:
        """The request has finished; its budget reading, if any, comes through `observe`."""
        self._unread += 1  # until `observe` brings its reading
        super().release()

    async def observe(self, headers: Mapping[str, str], now: float | None = None) -> None:
        """Read the budget left from `X-RateLimit-*`; a server without them is not paced."""
        now = self._clock() if now is None else now
        seen = parse_rate_limit_headers(headers, now)
        if seen is None:
            if self._metered is None:
                self._metered = False
            self._notify(reschedule=True)
            return
        if seen.limit is not None:
            self._limit = seen.limit
        if seen.remaining is not None:
            self._metered = True
            self._unread = max(0, self._unread - 1)
            self._learn(seen.remaining, seen.reset_at, now)
        self._notify(reschedule=True)

    def _learn(self, remaining: int, reset_at: float | None, now: float) -> None:
        """Fold one reading of the budget into the state."""
        current = self._reset_at
        if reset_at is not None and current is not None and reset_at <= now < current:
            return  # a late answer from a window that has ended
        paused = self._paused_until is not None and now < self._paused_until
        if current is None or (
            reset_at is not None
            and (abs(reset_at - current) > _SAME_WINDOW or current <= now < reset_at)
        ):  # a new window (however short), or the server moved the reset
            self._remaining, self._reset_at, self._unread = remaining, reset_at, 0
            self._tokens, self._refilled_at = self.burst + 1.0, now
        else:
            known = self._remaining
            self._remaining = remaining if known is None else min(known, remaining)
            if reset_at is not None:
                self._reset_at = max(current, reset_at)
        if not paused:
            self._probing = False

    async def pause(self, seconds: float, *, reason: str = "the server asked") -> None:
        """Hold every task of this client for `seconds`; a shorter pause never cuts a longer one."""
        now = self._clock()
        until = now + max(0.0, seconds)
        if self._paused_until is None or until > self._paused_until:
            self._paused_until = until
            logger.debug("rate limit: pausing every request for %.3fs (%s)", seconds, reason)
        self._probing = True  # what the server allows after the pause is unknown
        self._notify()

    async def _claim(self, now: float) -> Hold | None:
        return self._decide(now)

    def _claim_at_once(self, now: float) -> bool:
        return self._decide(now) is None

    def _decide(self, now: float) -> Hold | None:
        if self._paused_until is not None and now < self._paused_until:
            return Hold(self._paused_until - now, "paused by the server", long=True)
        if self._metered is False:
            return None
        if self._remaining is None or self._probing or self._window_over(now):
            if self.in_flight:
                return Hold(None, "probing the budget")
            return None  # the probe: its response shows the budget
        spendable = self._remaining - self._unread - self.reserve
        if spendable <= 0:
            if self._reset_at is None:  # spent, and no reset to wait for: probe
                self._probing = True
                return Hold(None, "probing the budget") if self.in_flight else None
            until = self._reset_at + RESET_GRACE
            return Hold(until - now, "budget spent until the window resets", long=True)
        usable = spendable - self.in_flight
        if usable <= 0:
            return Hold(None, "the rest of the budget is in flight")
        if self.pacing == "budget":
            return None  # the budget left covers this request: no reason to wait
        return self._pace(usable, now)

    def _window_over(self, now: float) -> bool:
        """True once the window has ended (with a grace if it was spent): probe again."""
        if self._reset_at is None or self._remaining is None:
            return False
        spent = self._remaining - self._unread - self.reserve <= 0
        if now < self._reset_at + (RESET_GRACE if spent else 0.0):
            return False
        self._probing = True
        return True

    def _pace(self, usable: int, now: float) -> Hold | None:
        """Take a token if one is there. Tokens come at the pace that spends `usable` by the
        reset; at most `burst + 1` are kept, which may go at once."""
        if self._reset_at is None:
            return None
        left = self._reset_at - now
        unscheduled = max(0.0, usable - self._tokens)
        rate = (unscheduled + 1) / left if left > 0 else math.inf
        elapsed = max(0.0, now - self._refilled_at)
        self._tokens = min(self.burst + 1.0, self._tokens + rate * elapsed)
        self._refilled_at = now
        if self._tokens < 1:
            wait = (1 - self._tokens) / rate
            if wait >= _SHORTEST_HOLD:
                return Hold(wait, f"pacing {usable} requests over {left:.1f}s until the reset")
        self._tokens -= 1
        return None
