"""`ABSENT`: a value the response did not carry, as distinct from `None` (JSON null).

A sparse fieldset (`fields[prospect]=firstName`) leaves every other attribute out of the
response; a typed model then holds `ABSENT` there, while `None` means the server said null.
`Absent` is a one-member enum so that type checkers narrow on `value is ABSENT`:

    name = prospect.first_name          # str | None | Absent
    if name is not ABSENT:
        print(name)                     # str | None
"""

from __future__ import annotations

import enum
from typing import Final, TypeVar, overload

__all__ = ["ABSENT", "Absent", "present"]

T = TypeVar("T")
D = TypeVar("D")


class Absent(enum.Enum):
    """The type of `ABSENT`; falsy, and the same object after copying or pickling."""

    ABSENT = "ABSENT"

    def __repr__(self) -> str:
        return "ABSENT"

    def __bool__(self) -> bool:
        return False


ABSENT: Final = Absent.ABSENT


@overload
def present(value: T | Absent) -> T | None: ...


@overload
def present(value: T | Absent, default: D) -> T | D: ...


def present(value: object, default: object = None) -> object:
    """`value`, or `default` when it is `ABSENT`: `present(prospect.title, "")`."""
    return default if value is ABSENT else value
