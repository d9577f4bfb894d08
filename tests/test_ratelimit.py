"""The in-process limiter: header parsing, probing, pacing, pauses, cancellation."""

from __future__ import annotations

import asyncio
import random
from email.utils import formatdate
from typing import Any

import pytest

from outreach_async import InProcessLimiter, RateLimitSnapshot
from outreach_async.http.ratelimit import RESET_GRACE, LimiterWaitTooLong, parse_rate_limit_headers

from .conftest import FakeClock

NOW = 1_700_000_000.0


def headers(remaining: int | str, reset: float, limit: int = 100) -> dict[str, str]:
    return {
        "X-RateLimit-Limit": str(limit),
        "X-RateLimit-Remaining": str(remaining),
        "X-RateLimit-Reset": str(int(reset)),
    }


def limiter_on(clock: FakeClock, **options: Any) -> InProcessLimiter:
    return InProcessLimiter(clock=clock, sleep=clock.sleep, **options)


async def settle() -> None:
    """Let every ready task run until the loop is quiet."""
    for _ in range(50):
        await asyncio.sleep(0)


def granted(tasks: list[asyncio.Task[float]]) -> int:
    return sum(task.done() for task in tasks)


async def cancel_all(tasks: list[asyncio.Task[float]]) -> None:
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


# --- parsing -------------------------------------------------------------------------------


def test_no_rate_limit_headers_parse_to_none() -> None:
    assert parse_rate_limit_headers({"Content-Type": "application/json"}, NOW) is None


def test_headers_parse_case_insensitively_with_an_epoch_reset() -> None:
    parsed = parse_rate_limit_headers(
        {
            "x-ratelimit-limit": "10000",
            "X-RATELIMIT-REMAINING": "42",
            "X-RateLimit-Reset": "1700000100",
        },
        NOW,
    )
    assert parsed == RateLimitSnapshot(limit=10000, remaining=42, reset_at=1_700_000_100)


def test_two_valued_remaining_reads_as_the_smaller_number() -> None:
    assert parse_rate_limit_headers({"X-RateLimit-Remaining": "9999, 19988"}, NOW) == (
        RateLimitSnapshot(remaining=9999)
    )
    assert parse_rate_limit_headers({"X-RateLimit-Remaining": "30,12"}, NOW) == (
        RateLimitSnapshot(remaining=12)
    )


@pytest.mark.parametrize("reset", ["99999999999", "31536000", "1e15"])
def test_a_reset_beyond_a_day_is_not_believed(reset: str) -> None:
    parsed = parse_rate_limit_headers(
        {"X-RateLimit-Remaining": "50", "X-RateLimit-Reset": reset}, NOW
    )
    assert parsed == RateLimitSnapshot(remaining=50)


async def test_an_absurd_reset_does_not_stall_pacing() -> None:
    clock = FakeClock(NOW)
    limiter = InProcessLimiter(clock=clock, sleep=clock.sleep, pacing="even")
    await limiter.observe(headers(remaining=1000, reset=NOW + 10 * 365 * 86_400), NOW)
    waited = 0.0
    for _ in range(30):
        waited += await asyncio.wait_for(limiter.acquire(max_wait=60), timeout=5)
        limiter.release()
    assert waited < 60


def test_reset_given_as_seconds_left() -> None:
    parsed = parse_rate_limit_headers({"X-RateLimit-Reset": "90"}, NOW)
    assert parsed == RateLimitSnapshot(reset_at=NOW + 90)


@pytest.mark.parametrize("value", ["", "soon", "nan", "-", "inf"])
def test_unreadable_values_are_ignored(value: str) -> None:
    parsed = parse_rate_limit_headers(
        {"X-RateLimit-Remaining": value, "X-RateLimit-Limit": "100"}, NOW
    )
    assert parsed == RateLimitSnapshot(limit=100)


def test_an_epoch_reset_is_read_on_the_servers_clock() -> None:
    # The server's clock is 300 s ahead of ours: its reset comes 300 s earlier on ours.
    date = formatdate(NOW + 300, usegmt=True)
    parsed = parse_rate_limit_headers({"X-RateLimit-Reset": str(int(NOW) + 360), "Date": date}, NOW)
    assert parsed == RateLimitSnapshot(reset_at=NOW + 60)


def test_a_date_within_a_second_or_two_is_not_skew() -> None:
    date = formatdate(NOW - 1, usegmt=True)
    parsed = parse_rate_limit_headers({"X-RateLimit-Reset": str(int(NOW) + 60), "Date": date}, NOW)
    assert parsed == RateLimitSnapshot(reset_at=NOW + 60)


def test_seconds_left_ignore_the_servers_clock() -> None:
    date = formatdate(NOW + 300, usegmt=True)
    parsed = parse_rate_limit_headers({"X-RateLimit-Reset": "60", "Date": date}, NOW)
    assert parsed == RateLimitSnapshot(reset_at=NOW + 60)


def test_options_are_checked() -> None:
    with pytest.raises(ValueError, match="max_in_flight"):
        InProcessLimiter(max_in_flight=0)
    with pytest.raises(ValueError, match="burst"):
        InProcessLimiter(burst=-1)


# --- probing and pacing --------------------------------------------------------------------


async def test_one_probe_goes_first_while_the_budget_is_unknown(clock: FakeClock) -> None:
    limiter = limiter_on(clock, burst=2, pacing="even")
    tasks = [asyncio.create_task(limiter.acquire()) for _ in range(6)]
    await settle()
    assert granted(tasks) == 1
    assert limiter.snapshot().waiting == 5
    limiter.release()
    await limiter.observe(headers(100, clock.now + 100))
    await settle()
    # `burst` requests may run ahead of the even pace, plus the one on time; two more wait.
    assert granted(tasks) == 6
    assert len(clock.sleeps) == 2


async def test_requests_are_spaced_evenly_until_the_reset(clock: FakeClock) -> None:
    limiter = limiter_on(clock, burst=0, pacing="even")
    await limiter.observe(headers(10, clock.now + 100))
    for _ in range(5):
        await limiter.acquire()
        limiter.release()
    assert clock.sleeps == pytest.approx([10.0, 10.0, 10.0, 10.0])
    assert limiter.snapshot().remaining == 10


async def test_idle_time_is_not_lost_the_pace_speeds_up(clock: FakeClock) -> None:
    limiter = limiter_on(clock, burst=0, pacing="even")
    await limiter.observe(headers(10, clock.now + 100))
    clock.now += 50  # nothing sent for half the window
    for _ in range(3):
        await limiter.acquire()
        limiter.release()
    assert clock.sleeps == pytest.approx([5.0, 5.0])


async def test_burst_lets_requests_run_ahead_of_the_pace(clock: FakeClock) -> None:
    limiter = limiter_on(clock, burst=3, pacing="even")
    await limiter.observe(headers(10, clock.now + 100))
    for _ in range(4):
        await limiter.acquire()
        limiter.release()
    assert clock.sleeps == []
    await limiter.acquire()
    assert clock.sleeps == [pytest.approx(100 / 7)]


async def test_irregular_gaps_never_leave_a_wait_too_short_for_the_clock(
    clock: FakeClock,
) -> None:
    """Regression: a pacing wait below the epoch clock's resolution did not move the clock,
    so the head was held again and again, for ever on an injected clock."""
    gaps = random.Random(0)
    limiter = limiter_on(clock, burst=3, pacing="even")
    reset = clock.now + 3600
    await limiter.observe(headers(10_000, reset, limit=10_000))
    for remaining in range(9_999, 9_899, -1):
        await asyncio.wait_for(limiter.acquire(), 5)
        limiter.release()
        await limiter.observe(headers(remaining, reset, limit=10_000))
        clock.now += gaps.random() * 0.5
    assert all(wait >= 1e-5 for wait in clock.sleeps)


async def test_requests_in_flight_count_as_spent_until_their_answers_are_in(
    clock: FakeClock,
) -> None:
    limiter = limiter_on(clock, burst=10)
    await limiter.observe(headers(5, clock.now + 100))
    for _ in range(3):
        await limiter.acquire()
    # The server counted the three in order (4, 3, 2 left); the third answer comes first.
    limiter.release()
    await limiter.observe(headers(2, clock.now + 100))
    blocked = asyncio.create_task(limiter.acquire())
    await settle()
    assert not blocked.done()  # 2 left, but two requests are out and may not be counted yet
    for late in (4, 3):
        limiter.release()
        await limiter.observe(headers(late, clock.now + 100))
    await settle()
    assert blocked.done()  # they were counted before: the 2 left are really there
    await limiter.acquire()
    spent = asyncio.create_task(limiter.acquire())
    await settle()
    assert not spent.done()
    assert clock.sleeps == []
    await cancel_all([spent])


async def test_a_request_that_ended_without_a_reading_counts_as_spent(
    clock: FakeClock,
) -> None:
    limiter = limiter_on(clock)
    await limiter.observe(headers(2, clock.now + 100))
    await limiter.acquire()
    limiter.release()  # a transport error: no answer, so no headers to observe
    await limiter.acquire()
    limiter.release()
    await limiter.observe(headers(1, clock.now + 100))
    with pytest.raises(LimiterWaitTooLong):
        await limiter.acquire(max_wait=10)


async def test_a_spent_budget_waits_for_the_reset_then_probes(clock: FakeClock) -> None:
    limiter = limiter_on(clock)
    reset = clock.now + 40
    await limiter.observe(headers(0, reset))
    tasks = [asyncio.create_task(limiter.acquire()) for _ in range(3)]
    await settle()
    assert clock.sleeps == [40 + RESET_GRACE]
    assert granted(tasks) == 1  # the probe of the new window
    limiter.release()
    await limiter.observe(headers(99, reset + 100))
    await settle()
    assert granted(tasks) == 3
    assert clock.sleeps == [40 + RESET_GRACE]


async def test_a_job_smaller_than_the_budget_left_is_not_delayed(clock: FakeClock) -> None:
    limiter = limiter_on(clock)  # budget pacing, the default
    reset = clock.now + 3600
    started = clock.now
    for remaining in range(9_999, 9_949, -1):  # 50 sequential requests
        await limiter.acquire(max_wait=0)
        limiter.release()
        await limiter.observe(headers(remaining, reset, limit=10_000))
    assert clock.sleeps == []
    assert clock.now == started


async def test_concurrent_requests_go_at_once_up_to_max_in_flight(clock: FakeClock) -> None:
    limiter = limiter_on(clock, max_in_flight=16)
    await limiter.observe(headers(9_999, clock.now + 3600, limit=10_000))
    tasks = [asyncio.create_task(limiter.acquire()) for _ in range(20)]
    await settle()
    assert granted(tasks) == 16
    for _ in range(4):
        limiter.release()
    await settle()
    assert granted(tasks) == 20
    assert clock.sleeps == []


async def test_budget_pacing_spends_the_budget_then_waits_for_the_reset(clock: FakeClock) -> None:
    limiter = limiter_on(clock, max_in_flight=100)
    reset = clock.now + 40
    await limiter.observe(headers(30, reset))
    tasks = [asyncio.create_task(limiter.acquire()) for _ in range(31)]
    await settle()
    assert granted(tasks) == 30  # every request the budget covers, without a wait
    assert clock.sleeps == []  # the 31st waits for their answers: they may show more
    for left in range(29, -1, -1):
        limiter.release()
        await limiter.observe(headers(left, reset))
    await settle()
    assert clock.sleeps == [40 + RESET_GRACE]  # spent: the 31st waits for the new window
    assert granted(tasks) == 31  # and goes as its probe
    await cancel_all(tasks)


async def test_even_pacing_spaces_what_budget_pacing_sends_at_once(clock: FakeClock) -> None:
    sleeps = {}
    for pacing in ("budget", "even"):
        paced = FakeClock()
        limiter = limiter_on(paced, pacing=pacing, burst=0)
        await limiter.observe(headers(10, paced.now + 100))
        for _ in range(5):
            await limiter.acquire()
        sleeps[pacing] = paced.sleeps
    assert sleeps == {"budget": [], "even": pytest.approx([10.0] * 4)}


def test_an_unknown_pacing_is_refused() -> None:
    with pytest.raises(ValueError, match="pacing: expected 'budget' or 'even'"):
        InProcessLimiter(pacing="fast")  # type: ignore[arg-type]


async def test_reserve_is_left_unspent(clock: FakeClock) -> None:
    limiter = limiter_on(clock, reserve=3, burst=10)
    await limiter.observe(headers(5, clock.now + 100))
    await limiter.acquire()
    await limiter.acquire()
    blocked = asyncio.create_task(limiter.acquire())
    await settle()
    assert not blocked.done()
    await cancel_all([blocked])


async def test_a_late_answer_from_an_ended_window_is_ignored(clock: FakeClock) -> None:
    limiter = limiter_on(clock)
    await limiter.observe(headers(50, clock.now + 100))
    await limiter.observe(headers(0, clock.now - 10))
    assert limiter.snapshot().remaining == 50
    await limiter.acquire()
    assert clock.sleeps == []


async def test_lower_readings_in_the_same_window_win(clock: FakeClock) -> None:
    limiter = limiter_on(clock)
    await limiter.observe(headers(50, clock.now + 100))
    await limiter.observe(headers(40, clock.now + 100))
    await limiter.observe(headers(45, clock.now + 100))  # arrived out of order
    assert limiter.snapshot() == RateLimitSnapshot(
        limit=100, remaining=40, reset_at=clock.now + 100
    )


async def test_a_new_window_cuts_a_hold_short(clock: FakeClock) -> None:
    sleeping = asyncio.Event()

    async def slow_sleep(seconds: float) -> None:
        clock.sleeps.append(seconds)
        sleeping.set()
        await asyncio.Event().wait()  # never ends by itself

    limiter = InProcessLimiter(clock=clock, sleep=slow_sleep)
    await limiter.observe(headers(0, clock.now + 40))
    waiter = asyncio.create_task(limiter.acquire())
    await sleeping.wait()
    await limiter.observe(headers(80, clock.now + 3600))
    await settle()
    assert waiter.done()


async def test_a_server_without_headers_is_not_paced(clock: FakeClock) -> None:
    limiter = limiter_on(clock, max_in_flight=3)
    await limiter.acquire()
    limiter.release()
    await limiter.observe({"Content-Type": "application/json"})
    tasks = [asyncio.create_task(limiter.acquire()) for _ in range(4)]
    await settle()
    assert granted(tasks) == 3  # only the cap on requests in flight applies
    limiter.release()
    await settle()
    assert granted(tasks) == 4
    assert clock.sleeps == []


# --- pauses --------------------------------------------------------------------------------


async def test_a_pause_holds_every_task_with_one_sleep_then_probes(clock: FakeClock) -> None:
    limiter = limiter_on(clock, burst=1, pacing="even")
    await limiter.observe(headers(50, clock.now + 100))
    await limiter.pause(30)
    assert limiter.snapshot().paused_until == clock.now + 30
    tasks = [asyncio.create_task(limiter.acquire()) for _ in range(5)]
    await settle()
    assert clock.sleeps == [30.0]  # one sleep for everyone, not five that end together
    assert granted(tasks) == 1
    limiter.release()
    await limiter.observe(headers(60, clock.now + 3600))
    await settle()
    # Then paced: burst + 1 at once, the other two spaced over what is left of the window.
    assert granted(tasks) == 5
    assert clock.sleeps == [30.0, pytest.approx(60, rel=0.05), pytest.approx(60, rel=0.05)]


async def test_a_longer_pause_extends_a_shorter_one(clock: FakeClock) -> None:
    limiter = limiter_on(clock)
    await limiter.pause(10)
    await limiter.pause(25)
    await limiter.pause(5)
    assert limiter.snapshot().paused_until == clock.now + 25


async def test_a_pause_beyond_max_wait_raises_at_once(clock: FakeClock) -> None:
    limiter = limiter_on(clock)
    await limiter.pause(1000)
    with pytest.raises(LimiterWaitTooLong) as caught:
        await limiter.acquire(max_wait=60)
    assert caught.value.wait == 1000
    assert clock.sleeps == []
    assert limiter.snapshot().waiting == 0


async def test_pacing_gaps_are_not_subject_to_max_wait(clock: FakeClock) -> None:
    limiter = limiter_on(clock, burst=0, pacing="even")
    await limiter.observe(headers(2, clock.now + 1000))
    await limiter.acquire(max_wait=1)
    await limiter.acquire(max_wait=1)
    assert clock.sleeps == [500.0]


# --- queueing and cancellation -------------------------------------------------------------


async def test_cancelling_a_queued_waiter_gives_up_its_place_at_once(clock: FakeClock) -> None:
    limiter = limiter_on(clock, max_in_flight=1)
    await limiter.observe({})
    await limiter.acquire()
    first = asyncio.create_task(limiter.acquire())
    second = asyncio.create_task(limiter.acquire())
    third = asyncio.create_task(limiter.acquire())
    await settle()
    assert limiter.snapshot().waiting == 3
    second.cancel()
    await settle()
    assert limiter.snapshot().waiting == 2
    limiter.release()
    await settle()
    assert first.done() and not third.done()
    limiter.release()
    await settle()
    assert third.done()
    assert second.cancelled()


async def test_cancelling_the_head_hands_the_turn_to_the_next(clock: FakeClock) -> None:
    sleeping = asyncio.Event()

    async def slow_sleep(seconds: float) -> None:
        sleeping.set()
        await asyncio.Event().wait()

    limiter = InProcessLimiter(clock=clock, sleep=slow_sleep)
    await limiter.observe(headers(0, clock.now + 40))
    head = asyncio.create_task(limiter.acquire())
    behind = asyncio.create_task(limiter.acquire())
    await sleeping.wait()
    head.cancel()
    await settle()
    assert head.cancelled()
    assert limiter.snapshot().waiting == 1  # `behind` now holds at the head
    await limiter.observe(headers(80, clock.now + 3600))
    await settle()
    assert behind.done() and limiter.snapshot().in_flight == 1


async def test_waiters_are_served_in_arrival_order(clock: FakeClock) -> None:
    limiter = limiter_on(clock, max_in_flight=1)
    await limiter.observe({})
    order: list[int] = []

    async def take(number: int) -> None:
        await limiter.acquire()
        order.append(number)
        limiter.release()

    await asyncio.gather(*(take(number) for number in range(8)))
    assert order == list(range(8))
    assert limiter.snapshot().in_flight == 0


async def test_turns_that_may_go_at_once_are_granted_in_one_go(clock: FakeClock) -> None:
    limiter = limiter_on(clock, max_in_flight=4)
    await limiter.observe({})
    for _ in range(4):
        await limiter.acquire()
    tasks = [asyncio.create_task(limiter.acquire()) for _ in range(6)]
    await settle()
    for _ in range(3):
        limiter.release()
    await asyncio.sleep(0)  # one turn of the event loop, not one per waiter
    assert limiter.snapshot().in_flight == 4
    await settle()
    assert granted(tasks) == 3
    await cancel_all(tasks)


async def test_a_turn_granted_to_a_cancelled_waiter_is_given_back(clock: FakeClock) -> None:
    limiter = limiter_on(clock, max_in_flight=2)
    await limiter.observe({})
    await limiter.acquire()
    await limiter.acquire()
    first, second = (asyncio.create_task(limiter.acquire()) for _ in range(2))
    await settle()
    limiter.release()
    limiter.release()
    await asyncio.sleep(0)  # both granted by the head in one go; `second` has not run yet
    second.cancel()
    await settle()
    assert first.done() and second.cancelled()
    assert limiter.snapshot().in_flight == 1


async def test_a_reset_the_server_moves_earlier_is_believed(clock: FakeClock) -> None:
    limiter = limiter_on(clock, burst=0, pacing="even")
    await limiter.observe(headers(9000, clock.now + 3600, limit=10_000))
    # The budget changed under us: 3 requests per 3 s windows from now on.
    await limiter.observe(headers(2, clock.now + 3, limit=3))
    assert limiter.snapshot() == RateLimitSnapshot(limit=3, remaining=2, reset_at=clock.now + 3)
    await limiter.acquire()
    await limiter.acquire()
    assert clock.sleeps == [pytest.approx(1.5)]


async def test_windows_shorter_than_the_clock_tolerance_still_follow_each_other(
    clock: FakeClock,
) -> None:
    limiter = limiter_on(clock, burst=5)
    for _ in range(3):  # one-second windows of 4 requests
        await limiter.acquire()  # the probe
        limiter.release()
        await limiter.observe(headers(3, clock.now + 1, limit=4))
        assert limiter.snapshot().remaining == 3  # a new window, not the last one's low
        for left in (2, 1):
            await limiter.acquire()
            limiter.release()
            await limiter.observe(headers(left, clock.now + 1, limit=4))
        clock.now += 1  # the window ends
    assert clock.sleeps == []
