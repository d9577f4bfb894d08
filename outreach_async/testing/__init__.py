"""The embedded fake Outreach server: the documented API v2 served from memory.

    from outreach_async.testing import FakeOutreach

    async with FakeOutreach(seed=42, prospects=10_000) as server:
        ...  # point a client at server.api_url with server.token

`FakeCourseMailer` (`outreach_async.testing.coursemailer`) serves the course-mailer API the
same way. Names are imported on first use, so that loading the pytest plugin (which imports
this package) stays cheap.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from ._settings import FakeSettings, FaultSettings, OAuthSettings, RateLimitSettings
    from .coursemailer import FakeCourseMailer
    from .server import FakeOutreach

_EXPORTS = {
    "FakeCourseMailer": ".coursemailer",
    "FakeOutreach": ".server",
    "FakeSettings": "._settings",
    "FaultSettings": "._settings",
    "OAuthSettings": "._settings",
    "RateLimitSettings": "._settings",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "FakeCourseMailer",
    "FakeOutreach",
    "FakeSettings",
    "FaultSettings",
    "OAuthSettings",
    "RateLimitSettings",
]
