"""Pytest plugin: the `fake_outreach` fixture, a started `FakeOutreach` per test, and
`fake_course_mailer`, a started `FakeCourseMailer`.

Registered through the `pytest11` entry point, so installing the package is enough. The
fixture is async and needs pytest-asyncio; in its default strict mode mark the test:

    import pytest


    @pytest.mark.asyncio
    async def test_reads_a_prospect(fake_outreach):
        async with fake_outreach.client() as client:
            prospect = await client.prospects.get(1)
        assert prospect.id == 1

Configure the server of one test with the marker of the same name (keyword arguments of
`FakeOutreach` or `FakeCourseMailer`):

    @pytest.mark.fake_outreach(prospects=5_000, seed=7)
    @pytest.mark.fake_course_mailer(sequences=3, token="t")

Loading the plugin imports nothing but this module: the fixtures live in
`_pytest_fixture`, registered only when pytest-asyncio is active, and the server is imported
when a test first asks for it. Test runs that never use the fixture do not pay for the
library. Without pytest-asyncio, a test asking for a fixture fails saying so.
"""

from __future__ import annotations

import pytest

NEEDS_PYTEST_ASYNCIO = (
    "the {} fixture is async and needs pytest-asyncio: "
    "pip install pytest-asyncio (it is off in this run: is `-p no:asyncio` set?)"
)


def pytest_configure(config: pytest.Config) -> None:
    for fixture in ("fake_outreach", "fake_course_mailer"):
        config.addinivalue_line(
            "markers", f"{fixture}(**kwargs): keyword arguments for the `{fixture}` server"
        )
    if config.pluginmanager.hasplugin("asyncio"):
        config.pluginmanager.import_plugin("outreach_async.testing._pytest_fixture")
    else:
        config.pluginmanager.register(_WithoutPytestAsyncio(), "outreach_async.fake_outreach")


class _WithoutPytestAsyncio:
    """Stands in for the fixture, so that a test using it fails instead of being skipped."""

    @pytest.fixture
    def fake_outreach(self) -> None:
        """Needs pytest-asyncio."""
        pytest.fail(NEEDS_PYTEST_ASYNCIO.format("fake_outreach"), pytrace=False)

    @pytest.fixture
    def fake_course_mailer(self) -> None:
        """Needs pytest-asyncio."""
        pytest.fail(NEEDS_PYTEST_ASYNCIO.format("fake_course_mailer"), pytrace=False)
