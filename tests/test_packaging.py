"""The installed package's metadata: what PyPI shows and what each extra brings."""

from __future__ import annotations

import re
from importlib.metadata import metadata

META = metadata("outreach-async")


def _extra(name: str) -> set[str]:
    marker = re.compile(rf"""extra\s*==\s*["']{name}["']""")
    return {
        re.split(r"[\s\[<>=!~;]", requirement, maxsplit=1)[0].lower()
        for requirement in META.get_all("Requires-Dist") or []
        if marker.search(requirement)
    }


def test_project_urls_and_classifiers_are_published() -> None:
    urls = dict(entry.split(", ", 1) for entry in META.get_all("Project-URL") or [])
    assert urls["Homepage"].startswith("https://")
    assert "Outreach API reference" in urls
    classifiers = set(META.get_all("Classifier") or [])
    assert {"Framework :: AsyncIO", "Framework :: FastAPI", "Typing :: Typed"} <= classifiers
    assert "Programming Language :: Python :: 3.10" in classifiers


def test_linters_are_a_dev_extra_apart_from_the_test_extra() -> None:
    assert {"mypy", "ruff", "import-linter"} <= _extra("dev")
    assert not {"mypy", "ruff", "import-linter"} & _extra("test")
    assert {"pytest", "pytest-asyncio", "fastapi", "httpx2"} <= _extra("test")


def test_fastapi_is_an_optional_extra_not_a_dependency() -> None:
    assert "fastapi" in _extra("fastapi")
    required = {
        r.split(">")[0].split("[")[0].lower()
        for r in META.get_all("Requires-Dist") or []
        if "extra" not in r
    }
    assert "fastapi" not in required and "aiohttp" in required
