"""The one cattrs converter for every model of the library.

Modules that define models register their hooks here when imported, so structuring and
unstructuring of documents, generic resources and typed models all go through one object.
"""

from __future__ import annotations

from datetime import datetime, timezone

import cattrs

__all__ = ["converter"]

converter = cattrs.Converter(omit_if_default=False)


def _structure_datetime(value: object, _: type) -> datetime:
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise TypeError(f"expected an ISO-8601 string, got {type(value).__name__}")
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _unstructure_datetime(value: datetime) -> str:
    if value.tzinfo is None:
        raise ValueError(f"{value!r}: use an aware datetime; the API's times are UTC")
    return value.astimezone(timezone.utc).isoformat().replace("+00:00", "Z")


converter.register_structure_hook(datetime, _structure_datetime)
converter.register_unstructure_hook(datetime, _unstructure_datetime)
