"""Typed models of every Outreach resource type.

    prospect = await client.prospects.get(1, include=["account"])
    prospect.first_name                    # str | None | Absent
    prospect.resolve(prospect.account)     # Account | None

See `outreach_async.models._base` for absent values, `extra` and relationships.
"""

from .._absent import ABSENT, Absent, present
from ._base import MODELS, FieldInfo, LinkInfo, Model, Ref, Schema, model_for
from ._generated import *  # noqa: F403
from ._generated import __all__ as _generated_names

__all__ = [
    "ABSENT",
    "MODELS",
    "Absent",
    "FieldInfo",
    "LinkInfo",
    "Model",
    "Ref",
    "Schema",
    "model_for",
    "present",
    *_generated_names,
]
