"""Public names of a package, imported from their modules on first use.

The generated models, managers and the OpenAPI tables take most of the import time; a
program (or a test run with the pytest plugin loaded) that never touches them should not
pay for them. A package lists its names here and imports them statically under
`TYPE_CHECKING`, so mypy and editors see every name while the interpreter loads none.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["lazy_exports"]


def lazy_exports(
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """`__getattr__` and `__dir__` for `package`; `exports` maps each name to its module.

    Module paths are relative to the package (`".client"`). A name is imported once and then
    kept in the package's namespace, so later look-ups cost a dictionary read.
    """

    def __getattr__(name: str) -> Any:
        where = exports.get(name)
        if where is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(where, package), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted({*vars(sys.modules[package]), *exports})

    return __getattr__, __dir__
