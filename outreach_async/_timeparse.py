"""Turn the time forms the API uses (seconds, HTTP-dates, ISO-8601, epochs) into epoch seconds."""

from __future__ import annotations

import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

#: Below this, an `X-RateLimit-Reset` value is read as seconds left rather than an epoch.
_EPOCH_THRESHOLD = 1_000_000_000
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
        return max(0.0, float(value))
    except ValueError:
        pass
    moment = parse_http_date(value)
    if moment is None:
        moment = parse_iso_datetime(value)
    if moment is None:
        return None
    return max(0.0, moment - now)


def parse_reset(value: str | None, now: float) -> float | None:
    """Epoch seconds of an `X-RateLimit-Reset` value given as an epoch or as seconds left."""
    number = first_number(value)
    if number is None:
        return None
    return number if number >= _EPOCH_THRESHOLD else now + max(0.0, number)


def first_number(value: str | None) -> float | None:
    """The first of possibly comma-separated numbers (`"9999, 19988"` reads as 9999)."""
    if value is None:
        return None
    head = value.split(",", 1)[0].strip()
    try:
        return float(head)
    except ValueError:
        return None


def parse_http_date(value: str) -> float | None:
    """An RFC 9110 HTTP-date as epoch seconds."""
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def parse_iso_datetime(value: str) -> float | None:
    """An ISO-8601 time as epoch seconds; a time without zone is UTC, as the API means it."""
    text = value.strip()
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.timestamp()


def find_iso_datetime(text: str | None) -> float | None:
    """The first ISO-8601 time inside free text, as in a 429's "please try again at ..."."""
    if not text:
        return None
    match = _ISO_IN_TEXT.search(text)
    return parse_iso_datetime(match.group(0)) if match else None
