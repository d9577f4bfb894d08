"""The embedded fake Outreach server: the documented API v2 served from memory.

    from outreach_async.testing import FakeOutreach

    async with FakeOutreach(seed=42, prospects=10_000) as server:
        ...  # point a client at server.api_url with server.token

`FakeCourseMailer` (`outreach_async.testing.coursemailer`) serves the course-mailer API the
same way. Both are imported on first use, so that loading the pytest plugin (which imports
this package) stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._settings import FakeSettings, FaultSettings, OAuthSettings, RateLimitSettings

if TYPE_CHECKING:
    from .coursemailer import FakeCourseMailer
    from .server import FakeOutreach

__all__ = [
    "FakeCourseMailer",
    "FakeOutreach",
    "FakeSettings",
    "FaultSettings",
    "OAuthSettings",
    "RateLimitSettings",
]


def __getattr__(name: str) -> Any:
    if name == "FakeOutreach":
        from .server import FakeOutreach

        return FakeOutreach
    if name == "FakeCourseMailer":
        from .coursemailer import FakeCourseMailer

        return FakeCourseMailer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
