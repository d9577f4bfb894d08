"""Importing the package loads only what is used: the generated modules wait for first use.

Each check runs in a fresh interpreter, since this test process has imported everything.
Import time itself is measured in `benchmarks/import_time.py`, not asserted here.
"""

from __future__ import annotations

import json
import subprocess
import sys

import outreach_async

HEAVY = ["outreach_async._spec", "outreach_async.models._generated", "outreach_async.managers"]


def _loaded_after(code: str) -> list[str]:
    script = f"import sys\n{code}\nimport json; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    return [name for name in json.loads(result.stdout) if name.startswith("outreach_async")]


def test_importing_the_package_loads_none_of_its_modules() -> None:
    loaded = _loaded_after("import outreach_async")
    assert set(loaded) <= {
        "outreach_async",
        "outreach_async._environment",
        "outreach_async._lazy",
        "outreach_async._version",
    }


def test_a_client_is_made_without_loading_the_generated_models() -> None:
    loaded = _loaded_after(
        "from outreach_async import OutreachClient\nclient = OutreachClient('t')\n"
        "client.resource('prospect')"
    )
    assert "outreach_async.client" in loaded
    assert [name for name in HEAVY if name in loaded] == ["outreach_async._spec"]
    assert "outreach_async.models._generated" not in loaded


def test_a_typed_accessor_loads_its_manager_on_first_read() -> None:
    loaded = _loaded_after(
        "from outreach_async import OutreachClient\nclient = OutreachClient('t')\n"
        "assert type(client.prospects).__name__ == 'Prospects'\n"
        "assert client.prospects is client.prospects"
    )
    assert "outreach_async.managers._generated" in loaded


def test_every_public_name_is_listed_by_dir_and_resolves() -> None:
    assert set(outreach_async.__all__) <= set(dir(outreach_async))
    for name in outreach_async.__all__:
        assert getattr(outreach_async, name) is not None


def test_an_unknown_name_is_an_attribute_error_naming_it() -> None:
    try:
        outreach_async.OutreachClinet  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as exc:
        assert "OutreachClinet" in str(exc)
    else:
        raise AssertionError("no AttributeError")


def test_the_names_resolve_to_the_same_objects_as_their_modules() -> None:
    from outreach_async.client import OutreachClient
    from outreach_async.http.session import Session

    assert outreach_async.OutreachClient is OutreachClient
    assert outreach_async.Session is Session
