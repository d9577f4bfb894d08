"""The one cattrs converter for every model of the library.

Modules that define models register their hooks here when imported, so structuring and
unstructuring of documents, generic resources and typed models all go through one object.
Times travel as ISO-8601 text: date-times are aware (UTC when the text names no zone).
"""

from __future__ import annotations

import re
import sys
from datetime import date, datetime, timezone

import cattrs

__all__ = ["converter", "format_datetime", "parse_date", "parse_datetime"]

converter = cattrs.Converter(omit_if_default=False)

_FRACTION = re.compile(r"\.(\d+)")


def parse_datetime(value: object) -> datetime:
    """An aware datetime from ISO-8601 text (`Z`, offsets, any number of fraction digits)."""
    if isinstance(value, str):
        text = value if _READS_Z else value.replace("Z", "+00:00").replace("z", "+00:00")
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            moment = _parse_unusual(value)
    elif isinstance(value, datetime):
        moment = value
    else:
        raise TypeError(f"expected an ISO-8601 string, got {type(value).__name__}")
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


#: Python 3.11 reads `Z` and any number of fraction digits; 3.10 neither.
_READS_Z = sys.version_info >= (3, 11)


def _parse_unusual(value: str) -> datetime:
    text = value.replace("Z", "+00:00").replace("z", "+00:00")
    padded = _FRACTION.sub(lambda m: "." + m.group(1)[:6].ljust(6, "0"), text, count=1)
    try:
        return datetime.fromisoformat(padded)
    except ValueError:
        raise ValueError(f"not an ISO-8601 date-time: {value!r}") from None


def parse_date(value: object) -> date:
    """A date from ISO-8601 text (`2024-01-31`)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            raise ValueError(f"not an ISO-8601 date: {value!r}") from None
    raise TypeError(f"expected an ISO-8601 string, got {type(value).__name__}")


def format_datetime(value: datetime) -> str:
    """UTC ISO-8601 with `Z`, as the API writes times; naive datetimes are refused."""
    if value.tzinfo is None:
        raise ValueError(f"{value!r}: use an aware datetime; the API's times are UTC")
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


def _structure_datetime(value: object, _: type) -> datetime:
    return parse_datetime(value)


def _structure_date(value: object, _: type) -> date:
    return parse_date(value)


converter.register_structure_hook(datetime, _structure_datetime)
converter.register_unstructure_hook(datetime, format_datetime)
converter.register_structure_hook(date, _structure_date)
converter.register_unstructure_hook(date, date.isoformat)
