"""The committed typed models and managers must match what the generator makes of `_spec`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GENERATED = [
    "outreach_async/models/_generated.py",
    "outreach_async/managers/_generated.py",
    "outreach_async/_accessors.py",
]


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("generated")
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate_models.py"), "--out-dir", str(out)],
        check=True,
        capture_output=True,
    )
    return out


@pytest.mark.parametrize("relative", GENERATED)
def test_generated_module_is_fresh(generated: Path, relative: str) -> None:
    formatted = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", str(ROOT / relative), "-"],
        input=(generated / relative).read_text(encoding="utf-8"),
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    assert formatted == (ROOT / relative).read_text(encoding="utf-8"), (
        f"{relative} is stale: run `make generate`"
    )
