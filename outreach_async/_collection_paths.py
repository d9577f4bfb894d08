"""Where Outreach keeps each resource type: its collection path."""

from __future__ import annotations

from ._spec import RESOURCES

__all__ = ["plural_of"]


def plural_of(resource_type: str) -> str:
    """The collection path segment of a resource type (`sequenceState` -> `sequenceStates`).

    Types of the OpenAPI file use its paths; others follow English plural rules.
    """
    spec = RESOURCES.get(resource_type)
    if spec is not None:
        return spec.plural
    if resource_type.endswith("y") and resource_type[-2:-1] not in tuple("aeiou"):
        return resource_type[:-1] + "ies"
    if resource_type.endswith(("s", "x", "ch", "sh")):
        return resource_type + "es"
    return resource_type + "s"
