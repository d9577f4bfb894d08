"""The course-mailer API (sequences, their users and emails) on the library's session.

    from outreach_async.coursemailer import CourseMailerClient, DateConversion

    async with CourseMailerClient("https://mailer.example.com") as mailer:
        copy = await mailer.sequences.create()
        await mailer.duplicate_emails(
            1, to=copy, date_conversion=DateConversion.NEW_START_DATE,
            new_start_date=datetime(2013, 3, 14, 9, 30),
        )

Errors are the library's own (`NotFound`, `ServerError`, `TransportError`, ...), from
`outreach_async.errors`. The fake server is `outreach_async.testing.FakeCourseMailer`.
"""

from .client import JSON_MEDIA_TYPE, CourseMailerClient
from .managers import MemberManager, SequenceManager
from .models import DateConversion, Email, Sequence, User

__all__ = [
    "JSON_MEDIA_TYPE",
    "CourseMailerClient",
    "DateConversion",
    "Email",
    "MemberManager",
    "Sequence",
    "SequenceManager",
    "User",
]
