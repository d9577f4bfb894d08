"""Short reprs: what a value is, in a line a person reads in a REPL or a log.

A prospect has 230 attributes; printing all of them (4.9 KB) hides the few that matter.
`compact_repr` shows fields in order until about 200 characters, then `...`, and callers
pass only what is present and set. Values of secret-looking fields (a webhook's `secret`,
a user's `password`) show as `<hidden>`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

__all__ = ["LIMIT", "Raw", "compact_repr", "is_secret", "names_first"]

#: About the longest repr, in characters.
LIMIT = 200
_VALUE_LIMIT = 60
_SECRET = re.compile(r"secret|password|token|api_?key|signature", re.IGNORECASE)


#: Fields that say which record this is, shown before the others (Python and wire names).
_NAMING = (
    "name",
    "first_name",
    "firstName",
    "last_name",
    "lastName",
    "emails",
    "email",
    "title",
    "subject",
    "state",
)


class Raw(str):
    """Text shown as it is, without the quotes of `repr`."""

    __slots__ = ()


def is_secret(name: str) -> bool:
    """True for a field whose value is never shown."""
    return bool(_SECRET.search(name))


def names_first(fields: Iterable[tuple[str, Any]]) -> list[tuple[str, Any]]:
    """The fields with the naming ones (`name`, `first_name`, `email`, ...) moved first."""
    listed = list(fields)
    rank = {name: index for index, name in enumerate(_NAMING)}
    return sorted(listed, key=lambda field: rank.get(field[0], len(rank)))


def compact_repr(name: str, fields: Iterable[tuple[str, Any]], limit: int = LIMIT) -> str:
    """`Name(a=1, b='x', ...)`: the fields that fit in about `limit` characters."""
    parts: list[str] = []
    length = len(name) + 2
    for key, value in fields:
        text = f"{key}={_value(key, value)}" if key else _value(key, value)
        if parts and length + len(text) + 2 > limit - 5:
            parts.append("...")
            break
        parts.append(text)
        length += len(text) + 2
    return f"{name}({', '.join(parts)})"


def _value(key: str, value: Any) -> str:
    if value is not None and is_secret(key):
        return "<hidden>"
    if isinstance(value, Raw):
        text = str(value)
    elif isinstance(value, datetime | date):
        text = f"{type(value).__name__}({value.isoformat()})"
    else:
        text = repr(value)
    if len(text) > _VALUE_LIMIT:
        text = text[: _VALUE_LIMIT - 3] + "..."
    return text
