"""The fake course mailer: sequences, users, emails and `duplicate-emails`, from memory.

    from outreach_async.testing.coursemailer import FakeCourseMailer

It shares the Outreach fake's rate limiter, fault injection and settings classes
(`RateLimitSettings`, `FaultSettings`).
"""

from .._settings import FaultSettings, RateLimitSettings
from ._settings import CourseMailerSettings
from ._store import MailerStore, converted_dates
from .server import FakeCourseMailer

__all__ = [
    "CourseMailerSettings",
    "FakeCourseMailer",
    "FaultSettings",
    "MailerStore",
    "RateLimitSettings",
    "converted_dates",
]
