"""`CourseMailerClient`: the course-mailer API over the library's own session.

The session is the one `OutreachClient` uses, negotiating plain `application/json`: retries
(a POST only where the server provably did not act), typed errors, the rate limiter, hooks,
origin checks and bounded bodies work here exactly as they do for Outreach.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

import aiohttp

from ..auth.bearer import BearerToken
from ..http.auth import Auth
from ..http.events import Hook
from ..http.options import Headers, RequestOptions, Timeout
from ..http.ratelimit import Limiter
from ..http.retry import RetryPolicy
from ..http.session import DEFAULT_MAX_BODY_SIZE, Clock, Session, Sleep, Timeouts
from ..http.session_client import SessionClient
from ._answers import checked
from ._duplicate import duplicate_request
from .managers import MemberManager, SequenceManager, emails, users
from .models import DateConversion, Email, User

__all__ = ["JSON_MEDIA_TYPE", "CourseMailerClient"]

JSON_MEDIA_TYPE = "application/json"


class _NoCredentials(Auth):
    """For a course mailer that asks for none: the session then sends no Authorization."""

    async def authorization(self) -> str:
        return ""

    def __repr__(self) -> str:
        return "NoCredentials()"


class CourseMailerClient(SessionClient):
    """A client of one course mailer.

    >>> async with CourseMailerClient("https://mailer.example.com") as mailer:
    ...     copy = await mailer.sequences.create()
    ...     await mailer.duplicate_emails(1, to=copy)

    `auth` is a bearer token, an `Auth`, or None for a mailer without credentials. The other
    options are those of `OutreachClient`.
    """

    def __init__(
        self,
        base_url: str,
        auth: str | Auth | None = None,
        *,
        http: aiohttp.ClientSession | None = None,
        timeouts: Timeouts | None = None,
        retry: RetryPolicy | None = None,
        limiter: Limiter | None = None,
        max_body_size: int = DEFAULT_MAX_BODY_SIZE,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
        hooks: Iterable[Hook] = (),
    ) -> None:
        if auth is None:
            auth = _NoCredentials()
        elif isinstance(auth, str):
            auth = BearerToken(auth)
        self.session = Session(
            auth,
            base_url=base_url,
            http=http,
            timeouts=timeouts,
            retry=retry,
            limiter=limiter,
            max_body_size=max_body_size,
            clock=clock,
            sleep=sleep,
            hooks=hooks,
            media_type=JSON_MEDIA_TYPE,
        )
        self._attach_managers()

    def _attach_managers(self) -> None:
        #: `/sequences`: count, create, get, delete.
        self.sequences = SequenceManager(self.session)
        #: `/sequences/<id>/users`: list, create, get, update, delete.
        self.users: MemberManager[User] = users(self.session)
        #: `/sequences/<id>/emails`: list, create, get, update, delete.
        self.emails: MemberManager[Email] = emails(self.session)

    def __repr__(self) -> str:
        return f"CourseMailerClient(base_url={str(self.session.base_url)!r})"

    def with_options(
        self,
        *,
        timeout: Timeout | None = None,
        extra_headers: Headers | None = None,
        retry: RetryPolicy | None = None,
    ) -> CourseMailerClient:
        """A client with other defaults, sharing this one's connections, limiter, auth, hooks.

            patient = mailer.with_options(timeout=120, extra_headers={"X-Request-Source": "cron"})

        Only what is given changes (extra headers add to this client's). Closing the
        derived client does nothing; the connections close with the client it came from.
        """
        options = RequestOptions(timeout=timeout, extra_headers=extra_headers, retry=retry)
        derived = object.__new__(CourseMailerClient)
        derived.session = self.session.derived(options)
        derived._attach_managers()
        return derived

    async def duplicate_emails(
        self,
        source: int,
        *,
        to: int,
        date_conversion: DateConversion | str = DateConversion.NONE,
        new_start_date: datetime | None = None,
    ) -> None:
        """Copy the emails of sequence `source` to sequence `to`.

        `date_conversion` says how the copies are dated: `NONE` keeps the dates, `DELETE`
        clears them, `NEW_START_DATE` moves the first email to `new_start_date` (a naive
        datetime, to the minute) and keeps every later one at its offset from the first.
        A bad combination raises ValueError before anything is sent. Not repeated after a
        failure that may follow a copy the server made (a 500, a dropped connection).
        """
        path, body = duplicate_request(source, to, date_conversion, new_start_date)
        checked(await self.session.request("POST", path, body=body))
