"""Ids that go into request paths: integers only, so a path can never be bent."""

from __future__ import annotations


def checked_id(value: object, name: str) -> int:
    """`value` as an id; TypeError or ValueError naming the parameter otherwise."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name}: expected an integer id, got {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name}: expected a non-negative id, got {value}")
    return value
