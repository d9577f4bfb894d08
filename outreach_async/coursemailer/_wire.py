"""How the course-mailer API spells things: hyphenated keys, and minutes without a zone.

Its document writes keys both ways (`total_sequences` in the text, `"total-sequences"` in the
examples), so answers are read in either spelling and requests use the hyphenated one the
examples show. Dates travel as `YYYY-MM-DD HH:MM`, wall-clock time of the course.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

__all__ = ["DATE_FORMAT", "format_date", "parse_date", "read_key", "spellings", "wire_key"]

DATE_FORMAT = "%Y-%m-%d %H:%M"


def wire_key(name: str) -> str:
    """The hyphenated key requests send for a Python name: `sequence_id` -> `sequence-id`."""
    return name.replace("_", "-")


def spellings(name: str) -> tuple[str, str]:
    """Both spellings of a key, hyphenated first."""
    return wire_key(name), name.replace("-", "_")


def read_key(mapping: Mapping[str, Any], name: str) -> Any:
    """The value under either spelling of `name`; KeyError naming the hyphenated one."""
    for key in spellings(name):
        if key in mapping:
            return mapping[key]
    raise KeyError(wire_key(name))


def format_date(value: datetime, where: str) -> str:
    """`value` as the API writes dates; ValueError (naming `where`) for what it cannot carry."""
    if not isinstance(value, datetime):
        raise TypeError(f"{where}: expected a datetime, got {type(value).__name__}")
    if value.tzinfo is not None:
        raise ValueError(
            f"{where}: the course mailer's dates carry no time zone; pass a naive datetime "
            f"in the course's wall-clock time, got {value.isoformat()}"
        )
    if value.second or value.microsecond:
        raise ValueError(
            f"{where}: the course mailer's dates are to the minute, got {value.isoformat()}"
        )
    return value.strftime(DATE_FORMAT)


def parse_date(value: object) -> datetime:
    """A date as the API writes it (`2013-03-14 09:30`); ISO-8601 forms are read too."""
    if not isinstance(value, str):
        raise TypeError(f"expected a date text, got {type(value).__name__}")
    try:
        return datetime.strptime(value, DATE_FORMAT)
    except ValueError:
        pass
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"not a date of the form YYYY-MM-DD HH:MM: {value[:40]!r}") from None
