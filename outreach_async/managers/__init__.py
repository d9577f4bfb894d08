"""Typed managers of every Outreach resource type: `client.prospects`, `client.tasks`, ...

Each manager has only the methods its type allows and a typed method per action
(`client.tasks.mark_complete(id, completion_note=...)`). `client.resource(type)` stays for
anything else.
"""

from ._base import (
    Creatable,
    Deletable,
    Fields,
    Gettable,
    IdLike,
    Listable,
    TypedManager,
    TypedPage,
    TypedPaginator,
    Updatable,
)
from ._generated import *  # noqa: F403
from ._generated import __all__ as _generated_names

__all__ = [
    "Creatable",
    "Deletable",
    "Fields",
    "Gettable",
    "IdLike",
    "Listable",
    "TypedManager",
    "TypedPage",
    "TypedPaginator",
    "Updatable",
    *_generated_names,
]
