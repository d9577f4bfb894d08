"""The installed pytest plugin, in pytest runs of their own (as another project sees it)."""

from __future__ import annotations

import pytest

from ._docs import the_example

pytest_plugins = ["pytester"]


def documented_example() -> str:
    """The documentation's example test of the `fake_outreach` fixture."""
    return the_example("async def test_", "(fake_outreach)")


def test_the_documented_example_passes_in_pytest_asyncio_s_strict_mode(
    pytester: pytest.Pytester,
) -> None:
    # pytest-asyncio's own default (strict mode); the loop scope is set only to quiet its
    # warning that the option is unset, which -W error would turn into a failure.
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_example=documented_example())
    result = pytester.runpytest_subprocess("-W", "error", "-p", "asyncio")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["*mode=Mode.STRICT*"])


def test_the_documented_course_mailer_example_passes_in_strict_mode(
    pytester: pytest.Pytester,
) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_example=the_example("async def test_", "(fake_course_mailer)"))
    result = pytester.runpytest_subprocess("-W", "error", "-p", "asyncio")
    result.assert_outcomes(passed=1)


def test_the_course_mailer_marker_configures_the_server(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(
        test_example="""
import pytest

from outreach_async import Unauthorized


@pytest.mark.asyncio
@pytest.mark.fake_course_mailer(sequences=3, token="t-1")
async def test_configured(fake_course_mailer):
    async with fake_course_mailer.client() as mailer:
        assert await mailer.sequences.count() == 3
    async with fake_course_mailer.client(auth="wrong") as mailer:
        with pytest.raises(Unauthorized):
            await mailer.sequences.count()
"""
    )
    result = pytester.runpytest_subprocess("-W", "error", "-p", "asyncio")
    result.assert_outcomes(passed=1)


@pytest.mark.parametrize("fixture", ["fake_outreach", "fake_course_mailer"])
def test_without_pytest_asyncio_the_fixture_fails_saying_so(
    pytester: pytest.Pytester, fixture: str
) -> None:
    pytester.makepyfile(
        test_example=f"def test_uses_it({fixture}):\n    raise AssertionError('ran')\n"
    )
    result = pytester.runpytest_subprocess("-p", "no:asyncio")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines([f"*{fixture} fixture is async and needs pytest-asyncio*"])


def test_a_run_that_does_not_use_the_fixture_does_not_import_the_library(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(
        test_other="""
import sys

def test_nothing_of_the_library_is_loaded():
    loaded = sorted(name for name in sys.modules if name.startswith("outreach_async"))
    assert loaded == [
        "outreach_async",
        "outreach_async._environment",
        "outreach_async._lazy",
        "outreach_async._version",
        "outreach_async.testing",
        "outreach_async.testing._pytest_fixture",
        "outreach_async.testing.pytest_plugin",
    ]
    assert "aiohttp" not in sys.modules and "attrs" not in sys.modules
"""
    )
    result = pytester.runpytest_subprocess("-p", "asyncio")
    result.assert_outcomes(passed=1)
