"""Turn the time forms the API uses (seconds, HTTP-dates, ISO-8601, epochs) into epoch seconds."""

from __future__ import annotations

import math
import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

#: Below this, an `X-RateLimit-Reset` value is read as seconds left rather than an epoch.
_EPOCH_THRESHOLD = 1_000_000_000
#: A `Date` header has whole seconds; only a larger difference from our clock is skew.
_SKEW_THRESHOLD = 2.0
#: Added to a time the server wrote in whole seconds: it may have dropped a fraction, and
#: waking before the time it meant only earns another refusal.
WHOLE_SECOND_GRACE = 1.0
_ISO_IN_TEXT = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
)


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from a `Retry-After` value in any of its forms; None if unreadable."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:  # `inf` or `1e999` would hold every request forever; `nan` means nothing
        return max(0.0, seconds) if math.isfinite(seconds) else None
    moment = parse_http_date(value)
    if moment is None:
        moment = parse_iso_datetime(value)
    if moment is None:
        return None
    return max(0.0, moment - now)


#: A reset further ahead than this is not believed (Outreach's window is one hour).
MAX_RESET_AHEAD = 86_400.0


def retry_after_moment(value: str | None, now: float) -> float | None:
    """When a `Retry-After` says to come back, as epoch seconds; None if unreadable.

    Seconds to wait count from `now` exactly; a time of day written in whole seconds (an
    HTTP-date, ISO-8601 without a fraction) gets `WHOLE_SECOND_GRACE` added.
    """
    text = (value or "").strip()
    if not text:
        return None
    try:
        seconds = float(text)
    except ValueError:
        moment = parse_http_date(text)
        if moment is None:
            moment = parse_iso_datetime(text)
        return None if moment is None else with_whole_second_grace(moment)
    return now + max(0.0, seconds) if math.isfinite(seconds) else None


def parse_reset(value: str | None, now: float, skew: float = 0.0) -> float | None:
    """Epoch seconds (our clock) of an `X-RateLimit-Reset` given as an epoch or as seconds left.

    `skew` is how far the server's clock is ahead of ours; it shifts epochs, not seconds left.
    """
    number = first_number(value)
    if number is None:
        return None
    reset_at = number - skew if number >= _EPOCH_THRESHOLD else now + max(0.0, number)
    if reset_at - now > MAX_RESET_AHEAD:
        return None  # no rate window lasts this long: pacing to it would stall for years
    return reset_at


def reset_moment(value: str | None, now: float) -> float | None:
    """`parse_reset`, plus `WHOLE_SECOND_GRACE` for an epoch in whole seconds (Outreach's)."""
    reset_at = parse_reset(value, now)
    number = first_number(value)
    if reset_at is None or number is None or number < _EPOCH_THRESHOLD:
        return reset_at
    return with_whole_second_grace(reset_at)


def first_number(value: str | None) -> float | None:
    """The first of possibly comma-separated numbers (`"9999, 19988"` reads as 9999)."""
    numbers = all_numbers(value)
    return numbers[0] if numbers else None


def smallest_number(value: str | None) -> float | None:
    """The smallest of possibly comma-separated numbers: the safe reading of a budget."""
    numbers = all_numbers(value)
    return min(numbers) if numbers else None


def all_numbers(value: str | None) -> list[float]:
    """Every number in a comma-separated value, stopping at the first unreadable part."""
    if value is None:
        return []
    numbers: list[float] = []
    for part in value.split(","):
        try:
            number = float(part.strip())
        except ValueError:
            break
        if number != number or number in (float("inf"), float("-inf")):
            break
        numbers.append(number)
    return numbers


def clock_skew(date_value: str | None, now: float) -> float:
    """Seconds the server's clock (its `Date` header) is ahead of ours; 0 when within noise.

    A `Date` has whole seconds and ages in transit, so differences under two seconds say
    nothing; larger ones mean a clock is off, and server times must be read on its clock.
    """
    if not date_value:
        return 0.0
    moment = parse_http_date(date_value)
    if moment is None:
        return 0.0
    skew = moment - now
    return skew if abs(skew) > _SKEW_THRESHOLD else 0.0


def parse_http_date(value: str) -> float | None:
    """An RFC 9110 HTTP-date as epoch seconds."""
    try:
        moment = parsedate_to_datetime(value)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return moment.timestamp()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def parse_iso_datetime(value: str) -> float | None:
    """An ISO-8601 time as epoch seconds; a time without zone is UTC, as the API means it."""
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=timezone.utc)
        return moment.timestamp()
    except (ValueError, OverflowError):
        return None


def find_iso_datetime(text: str | None) -> float | None:
    """The first ISO-8601 time inside free text, as in a 429's "please try again at ..."."""
    if not text:
        return None
    match = _ISO_IN_TEXT.search(text)
    return parse_iso_datetime(match.group(0)) if match else None


def with_whole_second_grace(moment: float) -> float:
    """`moment`, plus `WHOLE_SECOND_GRACE` when it has no fraction of a second."""
    return moment + WHOLE_SECOND_GRACE if moment.is_integer() else moment
