"""JSON on the hot path: `orjson` when it is installed (the `speed` extra), `json` otherwise.

Both read and write the same values. Where the two libraries differ, the standard library's
answer is the one given: orjson reads integers beyond 64 bits as floats, so a body holding a
run of 19 or more digits is read by `json`; whatever orjson refuses (a lone surrogate,
another encoding than UTF-8, NaN) is read or refused by `json`, with its message. Text is
written as UTF-8, compact; a value orjson cannot write (an integer beyond 64 bits, a key
that is not a string) is written by `json`. Floats may be spelt differently (`1e-07` or
`1e-7`), never read back differently. `dumps` is for decoded JSON data (what `loads` gives);
other objects are refused on both paths. One difference remains: NaN and infinities, which
are not JSON but which `json` reads (a server sending `NaN` or `1e400`), are written as
`null` by orjson and as `NaN` / `Infinity` by `json`.
"""

from __future__ import annotations

import json
from typing import Any

try:
    import orjson
except ImportError:  # pragma: no cover - exercised by the tests through `use_orjson`
    orjson = None  # type: ignore[assignment]

__all__ = ["DigitRunScan", "dumps", "loads", "orjson_available"]

#: Every digit becomes `0`, every other byte a space: a run of digits is a run of `0`.
_DIGITS = bytes(48 if 48 <= byte <= 57 else 32 for byte in range(256))
#: The shortest integers orjson does not read exactly: -9223372036854775809, 2**64.
_LONG_DIGIT_RUN = b"0" * 19
#: What a run across two chunks can have in the first of them.
_OVERLAP = len(_LONG_DIGIT_RUN) - 1

_use_orjson = orjson is not None
#: orjson would write dates and dataclasses itself; `json` refuses them, and so do we.
_REFUSE_OTHER_TYPES = (
    orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS if orjson else 0
)


def orjson_available() -> bool:
    """True when the `orjson` package is installed and used."""
    return _use_orjson


def use_orjson(enabled: bool) -> bool:
    """Switch orjson on or off (for tests comparing both paths); returns the old setting."""
    global _use_orjson
    previous = _use_orjson
    _use_orjson = enabled and orjson is not None
    return previous


def _has_long_digit_run(data: bytes) -> bool:
    """True if `data` holds 19 digits in a row."""
    return _LONG_DIGIT_RUN in data.translate(_DIGITS)


class DigitRunScan:
    """Looks for 19 digits in a row in a body's chunks as they arrive, while each is still
    in the cache, so that `loads` need not read the whole body once more for it."""

    __slots__ = ("_tail", "found")

    def __init__(self) -> None:
        #: True once a run of 19 digits was seen (the body then goes to `json`).
        self.found = False
        self._tail = b""  # the last digits-or-not of what came before, for runs across chunks

    def feed(self, chunk: bytes) -> None:
        if self.found or orjson is None:
            return
        marks = chunk.translate(_DIGITS)
        tail = self._tail
        if _LONG_DIGIT_RUN in marks or _LONG_DIGIT_RUN in tail + marks[:_OVERLAP]:
            self.found = True
        self._tail = marks[-_OVERLAP:] if len(marks) >= _OVERLAP else (tail + marks)[-_OVERLAP:]


def loads(data: bytes, scanned: DigitRunScan | None = None) -> Any:
    """The value `data` encodes; ValueError (or RecursionError) when it is not JSON.

    `scanned`, when given, has been fed all of `data`, chunk by chunk.
    """
    if _use_orjson:
        long_digits = _has_long_digit_run(data) if scanned is None else scanned.found
        if not long_digits:
            try:
                return orjson.loads(data)
            except orjson.JSONDecodeError:
                pass  # the standard library reads it, or says why not
    return json.loads(data)


def dumps(value: Any) -> bytes:
    """`value` as compact UTF-8 JSON; TypeError or ValueError when it is not JSON data."""
    if _use_orjson:
        try:
            return orjson.dumps(value, option=_REFUSE_OTHER_TYPES)
        except orjson.JSONEncodeError:
            pass  # the standard library writes it, or says why not
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    try:
        return text.encode()
    except UnicodeEncodeError:  # a lone surrogate: only an escape writes it as valid UTF-8
        return json.dumps(value, separators=(",", ":")).encode()
