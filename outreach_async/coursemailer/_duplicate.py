"""The `duplicate-emails` request, checked before anything is sent."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from ._ids import checked_id
from ._wire import format_date
from .models import DateConversion

_CHOICES = ", ".join(repr(choice.value) for choice in DateConversion)


def duplicate_request(
    source: int,
    to: int,
    date_conversion: DateConversion | str,
    new_start_date: datetime | None,
) -> tuple[str, dict[str, Any]]:
    """The path and body that copy `source`'s emails to `to`; ValueError names a bad parameter.

    `new_start_date` is required with `NEW_START_DATE` and refused with any other conversion,
    as the API documents it only for that one.
    """
    source = checked_id(source, "source")
    to = checked_id(to, "to")
    conversion = _conversion(date_conversion)
    body: dict[str, Any] = {
        "duplicate-to-sequence-id": to,
        "date-conversion": conversion.value,
    }
    if conversion is DateConversion.NEW_START_DATE:
        if new_start_date is None:
            raise ValueError("new_start_date: required when date_conversion is NEW_START_DATE")
        body["new-start-date"] = format_date(new_start_date, "new_start_date")
    elif new_start_date is not None:
        raise ValueError(
            f"new_start_date: only valid with date_conversion=NEW_START_DATE, not {conversion.name}"
        )
    return f"sequences/{source}/duplicate-emails", body


def _conversion(value: DateConversion | str) -> DateConversion:
    if isinstance(value, DateConversion):
        return value
    if isinstance(value, str):
        try:
            return DateConversion(value)
        except ValueError:
            pass
    raise ValueError(
        f"date_conversion: expected a DateConversion or one of {_CHOICES}, got {value!r}"
    )
