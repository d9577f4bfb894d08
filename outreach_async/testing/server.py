"""`FakeOutreach`: the fake Outreach API on a local port, for tests, demos and benchmarks.

    async with FakeOutreach(seed=42, prospects=10_000) as server:
        async with server.client() as client:
            page = await client.resource("prospect").list(page_size=100)

`settings` stay live: change `server.settings.faults.error_rate` or
`server.settings.rate_limit.limit` while it runs and the next request obeys.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from ._app import build_app
from ._local_server import LocalServer
from ._request_log import RequestLog
from ._settings import FakeSettings, FaultSettings, OAuthSettings, RateLimitSettings
from ._store import Store

if TYPE_CHECKING:
    from ..auth.oauth import OAuthApp
    from ..auth.tokens import TokenPair
    from ..client import OutreachClient
    from ._oauth import OAuthState


class FakeOutreach(LocalServer):
    """An in-memory Outreach API v2 server bound to `host:port` (a free port by default).

    Keyword arguments override the matching fields of `settings`: `seed`, `prospects`
    (the number of seeded prospects), `counts` (merged into the seeded counts per type),
    `id_layout`, `token`, `rate_limit`, `faults`, `oauth`.
    """

    def __init__(
        self,
        *,
        settings: FakeSettings | None = None,
        seed: int | None = None,
        prospects: int | None = None,
        counts: dict[str, int] | None = None,
        id_layout: Literal["dense", "skewed"] | None = None,
        token: str | None = None,
        rate_limit: RateLimitSettings | None = None,
        faults: FaultSettings | None = None,
        oauth: OAuthSettings | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        request_log_size: int = 10_000,
    ) -> None:
        self.settings = settings if settings is not None else FakeSettings()
        if seed is not None:
            self.settings.seed = seed
        if counts is not None:
            self.settings.counts.update(counts)
        if prospects is not None:
            self.settings.counts["prospect"] = prospects
        if id_layout is not None:
            if id_layout not in ("dense", "skewed"):
                raise ValueError(f"id_layout must be 'dense' or 'skewed', not {id_layout!r}")
            self.settings.id_layout = id_layout
        if token is not None:
            self.settings.token = token
        if rate_limit is not None:
            self.settings.rate_limit = rate_limit
        if faults is not None:
            self.settings.faults = faults
        if oauth is not None:
            self.settings.oauth = oauth
        super().__init__(host, port)
        #: Every request and its status (`total`, `by_status`, the latest `entries`).
        self.requests = RequestLog(request_log_size)
        #: The data: `ids(type)`, `get(type, id)`, `insert(...)`, `delete(...)`, `count(type)`.
        self.store = Store(self.settings)
        self.app = build_app(self.settings, self.store, request_log=self.requests)

    @property
    def api_url(self) -> str:
        """The API v2 base URL, `http://127.0.0.1:PORT/api/v2`: the client's `base_url`."""
        return self.url + "/api/v2"

    @property
    def token(self) -> str:
        """The static access token every API request may use."""
        return self.settings.token

    def client(self, **options: Any) -> OutreachClient:
        """An `OutreachClient` for this server; close it (`async with`) when done.

        Keyword arguments go to `OutreachClient`; `auth` defaults to the static token.
        """
        from ..client import OutreachClient

        auth = options.pop("auth", self.token)
        return OutreachClient(auth, base_url=self.api_url, **options)

    @property
    def oauth(self) -> OAuthState:
        """The token endpoints' state: `issue_code`, `grant`, `expire_access_tokens`,
        `live_refresh_tokens`, `counts`."""
        from ._wiring import PROTECTIONS_KEY

        return self.app[PROTECTIONS_KEY].oauth

    def oauth_app(self) -> OAuthApp:
        """An `OAuthApp` with this server's client credentials, pointed at its endpoints."""
        from ..auth.oauth import OAuthApp

        config = self.settings.oauth
        return OAuthApp(
            config.client_id, config.client_secret, config.redirect_uri, base_url=self.url
        )

    def signed_in(self, user_id: int = 1) -> TokenPair:
        """A token pair for `user_id`, as if they had just authorized the app; issued outside
        the token endpoint, so its first refresh is not held by the one-a-minute rule."""
        from ..auth.tokens import TokenPair

        return TokenPair.from_response(self.oauth.grant(user_id).as_json(), self.settings.clock())

    def __repr__(self) -> str:
        where = f"{self.host}:{self.port}" if self.started else "not started"
        return f"<FakeOutreach {where} seed={self.settings.seed}>"
