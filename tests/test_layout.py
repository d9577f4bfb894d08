"""The layered subpackages export the same objects as the package root."""

from __future__ import annotations

import importlib

import pytest

import outreach_async

SUBPACKAGES = ["http", "auth", "jsonapi", "bulk"]


def test_every_public_name_of_the_root_resolves() -> None:
    missing = [name for name in outreach_async.__all__ if not hasattr(outreach_async, name)]
    assert missing == []


@pytest.mark.parametrize("name", SUBPACKAGES)
def test_a_subpackage_exports_the_root_s_objects(name: str) -> None:
    package = importlib.import_module(f"outreach_async.{name}")
    shared = [n for n in package.__all__ if n in outreach_async.__all__]
    assert shared, f"outreach_async.{name} shares no public name with the root"
    assert all(getattr(package, n) is getattr(outreach_async, n) for n in shared)
    assert all(hasattr(package, n) for n in package.__all__)
