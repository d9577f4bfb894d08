"""The aiohttp application of the fake server: request log, protections, API routes."""

from __future__ import annotations

from aiohttp import web

from ._api import FakeApi
from ._request_log import RequestLog
from ._settings import FakeSettings
from ._store import Store
from ._v1 import install_v1
from ._wiring import install_protections

API_KEY = web.AppKey("outreach_fake_api", FakeApi)
REQUEST_LOG_KEY = web.AppKey("outreach_request_log", RequestLog)


def build_app(
    settings: FakeSettings, store: Store, *, request_log: RequestLog | None = None
) -> web.Application:
    """The fake server's app. Middlewares, outermost first: request log, then the
    protections of `_wiring` (auth, rate limit, faults), then the API handlers; the legacy
    v1 sequence routes of `_v1` sit beside `/api/v2`."""
    app = web.Application(client_max_size=32 * 1024 * 1024)
    api = FakeApi(settings, store)
    api.install(app)
    install_v1(app, store)
    install_protections(app, settings)
    log = request_log if request_log is not None else RequestLog()
    app.middlewares.insert(0, log.middleware())
    app[API_KEY] = api
    app[REQUEST_LOG_KEY] = log
    return app
