"""`FakeCourseMailer`: the course-mailer API on a local port, for tests and demos.

    async with FakeCourseMailer(seed=7) as server:
        async with server.client() as mailer:
            total = await mailer.sequences.count()

`settings` stay live, as the Outreach fake's do: set `server.settings.faults.error_rate` or
`server.settings.rate_limit.limit` while it runs and the next request obeys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._local_server import LocalServer
from .._request_log import RequestLog
from .._settings import FaultSettings, RateLimitSettings
from ._app import PROTECTIONS_KEY, MailerProtections, build_app
from ._settings import CourseMailerSettings
from ._store import MailerStore

if TYPE_CHECKING:
    from ...coursemailer import CourseMailerClient


class FakeCourseMailer(LocalServer):
    """An in-memory course mailer bound to `host:port` (a free port by default).

    Keyword arguments override the matching fields of `settings`: `seed`, `sequences`,
    `token` (when set, requests must carry it), `rate_limit`, `faults`.
    """

    def __init__(
        self,
        *,
        settings: CourseMailerSettings | None = None,
        seed: int | None = None,
        sequences: int | None = None,
        token: str | None = None,
        rate_limit: RateLimitSettings | None = None,
        faults: FaultSettings | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        request_log_size: int = 10_000,
    ) -> None:
        self.settings = settings if settings is not None else CourseMailerSettings()
        if seed is not None:
            self.settings.seed = seed
        if sequences is not None:
            self.settings.sequences = sequences
        if token is not None:
            self.settings.token = token
        if rate_limit is not None:
            self.settings.rate_limit = rate_limit
        if faults is not None:
            self.settings.faults = faults
        super().__init__(host, port)
        #: Every request and its status (`total`, `by_status`, `by_fault`, `entries`).
        self.requests = RequestLog(request_log_size)
        #: The data: `sequences[id].users`, `.emails`, as the API sends them.
        self.store = MailerStore(self.settings)
        self.app = build_app(self.settings, self.store, self.requests)

    @property
    def protections(self) -> MailerProtections:
        """The rate limiter and fault injector (`faults.counts`, `rate_limiter.usage(1)`)."""
        return self.app[PROTECTIONS_KEY]

    def client(self, **options: Any) -> CourseMailerClient:
        """A `CourseMailerClient` for this server (with its token, if it has one)."""
        from ...coursemailer import CourseMailerClient

        auth = options.pop("auth", self.settings.token)
        return CourseMailerClient(self.url, auth, **options)

    def __repr__(self) -> str:
        where = f"{self.host}:{self.port}" if self.started else "not started"
        return f"<FakeCourseMailer {where} seed={self.settings.seed}>"
