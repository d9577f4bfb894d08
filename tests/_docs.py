"""Python examples of the documentation (README.md and docs/), for tests that run them."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_BLOCK = re.compile(r"^```python\n(.*?)^```", re.DOTALL | re.MULTILINE)


def python_blocks(*markers: str) -> list[str]:
    """Every python block of the documentation that holds all of `markers`."""
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    blocks = [
        block for page in pages if page.exists() for block in _BLOCK.findall(page.read_text())
    ]
    return [block for block in blocks if all(marker in block for marker in markers)]


def the_example(*markers: str) -> str:
    """The one documented example holding `markers` (a test fails if there are none or two)."""
    found = python_blocks(*markers)
    assert len(found) == 1, f"expected one documented example with {markers}, found {len(found)}"
    return found[0]
