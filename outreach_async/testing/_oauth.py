"""Who may call the fake API: bearer tokens, the OAuth token endpoint and S2S install tokens.

Every `/api/v2` request needs `Authorization: Bearer <token>`. The static `settings.token` is
always valid and acts as user 1; tokens from `/oauth/token` are valid for
`settings.oauth.access_token_ttl` seconds of `settings.clock`; S2S tokens from
`/api/app/installs/{id}/actions/accessToken` for `s2s_token_ttl`. Anything else gets the
gateway's 401, which is not JSON:API: `{"error": "Invalid JWT token.", "description": ...}`.

The token endpoint behaves like Outreach's Doorkeeper: refresh tokens rotate (the old one dies
the moment a new one is issued), errors are `{"error": ..., "error_description": ...}` (400
`invalid_grant`/`invalid_request`/`unsupported_grant_type`, 401 `invalid_client`), and a user
gets at most one new token per `min_refresh_interval` seconds, else a plain-text 429
`Retry later`.

Install::

    oauth = OAuthState(settings)
    app.middlewares.append(auth_middleware(oauth))  # before the rate limiter
    add_oauth_routes(app, oauth)

Tests drive it through `OAuthState`: `issue_code`, `grant`, `expire_access_tokens`,
`live_refresh_tokens`, `counts`. Secrets never appear in its repr or in error texts.
"""

from __future__ import annotations

import base64
import binascii
import json
import secrets
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import attrs
from aiohttp import web
from yarl import URL

from . import _jwt
from ._request_keys import DEFAULT_USER_ID, PRINCIPAL_KEY, USER_KEY, is_api_request
from ._settings import FakeSettings

if TYPE_CHECKING:  # typing only: older aiohttp releases lack these names
    from aiohttp.typedefs import Handler, Middleware

DEFAULT_SCOPE = "prospects.all accounts.all sequences.all sequenceStates.all tasks.all users.read"
#: Authorization codes live ten minutes, Doorkeeper's default.
CODE_TTL = 600.0
#: Outreach keeps at most this many live refresh tokens per user and app.
MAX_LIVE_REFRESH_TOKENS = 100

TOKEN_PATH = "/oauth/token"
AUTHORIZE_PATH = "/oauth/authorize"
S2S_TOKEN_PATH = "/api/app/installs/{install_id}/actions/accessToken"

_DESCRIPTIONS = {
    "invalid_request": (
        "The request is missing a required parameter, includes an unsupported parameter "
        "value, or is otherwise malformed."
    ),
    "invalid_client": (
        "Client authentication failed due to unknown client, no client authentication "
        "included, or unsupported authentication method."
    ),
    "invalid_grant": (
        "The provided authorization grant is invalid, expired, revoked, does not match the "
        "redirection URI used in the authorization request, or was issued to another client."
    ),
    "unsupported_grant_type": (
        "The authorization grant type is not supported by the authorization server."
    ),
}


@attrs.frozen
class _AccessToken:
    user_id: int | None
    principal: int | str
    scope: str
    expires_at: float


@attrs.frozen
class _RefreshToken:
    user_id: int
    scope: str
    created_at: float
    expires_at: float


@attrs.frozen
class _AuthorizationCode:
    user_id: int
    scope: str
    redirect_uri: str
    expires_at: float


@attrs.frozen(repr=False)
class IssuedTokens:
    """What `/oauth/token` answers; its repr hides the tokens."""

    access_token: str
    refresh_token: str
    expires_in: int
    scope: str
    created_at: int

    def as_json(self) -> dict[str, Any]:
        return {
            "access_token": self.access_token,
            "token_type": "bearer",
            "expires_in": self.expires_in,
            "refresh_token": self.refresh_token,
            "scope": self.scope,
            "created_at": self.created_at,
        }

    def __repr__(self) -> str:
        return f"IssuedTokens(expires_in={self.expires_in}, scope={self.scope!r})"


@attrs.define
class OAuthCounts:
    """What the token endpoints did, for assertions."""

    codes_exchanged: int = 0
    refreshes: int = 0
    invalid_grants: int = 0
    invalid_clients: int = 0
    #: Token requests answered 429 `Retry later`.
    throttled: int = 0
    s2s_tokens: int = 0
    #: `/api/v2` requests answered 401.
    unauthorized: int = 0


class OAuthState:
    """Live codes and tokens of one fake server, read against its settings on every call."""

    def __init__(self, settings: FakeSettings) -> None:
        self._settings = settings
        self._access: dict[str, _AccessToken] = {}
        self._refresh: dict[str, _RefreshToken] = {}
        self._codes: dict[str, _AuthorizationCode] = {}
        self._last_issued: dict[int, float] = {}
        #: New access or refresh token -> the refresh token it replaced, which stays live until
        #: the new pair is used (`revoke_refresh_token_on_use`).
        self._replaced: dict[str, str] = {}
        self.counts = OAuthCounts()

    def __repr__(self) -> str:
        return (
            f"OAuthState(access_tokens={len(self._access)}, "
            f"refresh_tokens={len(self._refresh)}, counts={self.counts!r})"
        )

    @property
    def settings(self) -> FakeSettings:
        return self._settings

    # -- for tests -------------------------------------------------------------------------

    def issue_code(
        self,
        user_id: int = DEFAULT_USER_ID,
        *,
        scope: str = DEFAULT_SCOPE,
        redirect_uri: str | None = None,
    ) -> str:
        """An authorization code, as if `user_id` had consented on the authorize page."""
        code = secrets.token_urlsafe(24)
        self._codes[code] = _AuthorizationCode(
            user_id=user_id,
            scope=scope,
            redirect_uri=redirect_uri or self._settings.oauth.redirect_uri,
            expires_at=self._settings.clock() + CODE_TTL,
        )
        return code

    def grant(self, user_id: int = DEFAULT_USER_ID, *, scope: str = DEFAULT_SCOPE) -> IssuedTokens:
        """Fresh tokens for `user_id` without going through the endpoint or its 60 s rule."""
        return self._issue(user_id, scope)

    def expire_access_tokens(self, user_id: int | None = None) -> int:
        """Make the issued access tokens (of one user, or all) expired; returns how many.

        The static `settings.token` never expires.
        """
        now = self._settings.clock()
        expired = 0
        for token, record in self._access.items():
            if (user_id is None or record.user_id == user_id) and record.expires_at > now:
                self._access[token] = attrs.evolve(record, expires_at=now)
                expired += 1
        return expired

    def live_access_tokens(self, user_id: int | None = None) -> frozenset[str]:
        now = self._settings.clock()
        return frozenset(
            token
            for token, record in self._access.items()
            if record.expires_at > now and (user_id is None or record.user_id == user_id)
        )

    def live_refresh_tokens(self, user_id: int | None = None) -> frozenset[str]:
        now = self._settings.clock()
        return frozenset(
            token
            for token, record in self._refresh.items()
            if record.expires_at > now and (user_id is None or record.user_id == user_id)
        )

    # -- used by the middleware and the endpoints ------------------------------------------

    def authenticate(self, token: str) -> _AccessToken | str:
        """The token's record, or why it is refused (a description free of the token)."""
        if secrets.compare_digest(token.encode(), self._settings.token.encode()):
            return _AccessToken(DEFAULT_USER_ID, DEFAULT_USER_ID, DEFAULT_SCOPE, float("inf"))
        record = self._access.get(token)
        if record is None:
            return "The access token is not valid."
        if record.expires_at <= self._settings.clock():
            return "The access token has expired."
        self._revoke_replaced(token)
        return record

    def _issue(self, user_id: int, scope: str) -> IssuedTokens:
        config = self._settings.oauth
        now = self._settings.clock()
        access_token = secrets.token_urlsafe(32)
        refresh_token = secrets.token_urlsafe(32)
        self._access[access_token] = _AccessToken(
            user_id, user_id, scope, now + config.access_token_ttl
        )
        self._refresh[refresh_token] = _RefreshToken(
            user_id, scope, now, now + config.refresh_token_ttl
        )
        self._prune(user_id, now)
        return IssuedTokens(access_token, refresh_token, config.access_token_ttl, scope, int(now))

    def _prune(self, user_id: int, now: float) -> None:
        """Drop dead tokens and keep the newest `MAX_LIVE_REFRESH_TOKENS` refresh tokens."""
        for token, access in list(self._access.items()):
            if access.expires_at <= now - self._settings.oauth.access_token_ttl:
                del self._access[token]  # long dead; "expired" and "unknown" now look alike
        mine = sorted(
            (record.created_at, token)
            for token, record in self._refresh.items()
            if record.user_id == user_id
        )
        for _, token in mine[: max(0, len(mine) - MAX_LIVE_REFRESH_TOKENS)]:
            del self._refresh[token]
        for token, refresh in list(self._refresh.items()):
            if refresh.expires_at <= now:
                del self._refresh[token]

    def _throttled(self, user_id: int) -> bool:
        last = self._last_issued.get(user_id)
        interval = self._settings.oauth.min_refresh_interval
        return last is not None and self._settings.clock() - last < interval

    def exchange_code(self, code: str, redirect_uri: str | None) -> IssuedTokens | web.Response:
        record = self._codes.get(code)
        if (
            record is None
            or record.expires_at <= self._settings.clock()
            or (redirect_uri is not None and redirect_uri != record.redirect_uri)
        ):
            self.counts.invalid_grants += 1
            return _oauth_error(400, "invalid_grant")
        if self._throttled(record.user_id):
            self.counts.throttled += 1
            return _retry_later()
        del self._codes[code]
        self._last_issued[record.user_id] = self._settings.clock()
        self.counts.codes_exchanged += 1
        return self._issue(record.user_id, record.scope)

    def refresh(self, refresh_token: str) -> IssuedTokens | web.Response:
        record = self._refresh.get(refresh_token)
        if record is None or record.expires_at <= self._settings.clock():
            self.counts.invalid_grants += 1
            return _oauth_error(400, "invalid_grant")
        if self._throttled(record.user_id):
            self.counts.throttled += 1
            return _retry_later()
        self._revoke_replaced(refresh_token)
        self._last_issued[record.user_id] = self._settings.clock()
        self.counts.refreshes += 1
        issued = self._issue(record.user_id, record.scope)
        if self._settings.oauth.revoke_refresh_token_on_use:
            self._replaced[issued.access_token] = refresh_token
            self._replaced[issued.refresh_token] = refresh_token
        else:
            del self._refresh[refresh_token]
        return issued

    def _revoke_replaced(self, token: str) -> None:
        """The pair `token` belongs to is in use: the refresh token it replaced dies now."""
        replaced = self._replaced.pop(token, None)
        if replaced is None:
            return
        self._refresh.pop(replaced, None)
        for other in [new for new, old in self._replaced.items() if old == replaced]:
            del self._replaced[other]

    def issue_s2s_token(self, install_id: str) -> tuple[str, int]:
        ttl = self._settings.oauth.s2s_token_ttl
        token = secrets.token_urlsafe(32)
        self._access[token] = _AccessToken(
            None, f"install:{install_id}", "", self._settings.clock() + ttl
        )
        self.counts.s2s_tokens += 1
        return token, ttl


def auth_middleware(state: OAuthState) -> Middleware:
    """Refuse `/api/v2` requests without a valid bearer token; tag the others with their user."""

    @web.middleware
    async def authenticate(request: web.Request, handler: Handler) -> web.StreamResponse:
        if not is_api_request(request):
            return await handler(request)
        scheme, _, token = request.headers.get("Authorization", "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            state.counts.unauthorized += 1
            return invalid_jwt("No bearer token in the Authorization header.")
        verdict = state.authenticate(token)
        if isinstance(verdict, str):
            state.counts.unauthorized += 1
            return invalid_jwt(verdict)
        request[USER_KEY] = verdict.user_id
        request[PRINCIPAL_KEY] = verdict.principal
        return await handler(request)

    return authenticate


def invalid_jwt(description: str) -> web.Response:
    """The API gateway's 401, which is plain JSON rather than JSON:API."""
    return web.json_response(
        {"error": "Invalid JWT token.", "description": description}, status=401
    )


def add_oauth_routes(app: web.Application, state: OAuthState) -> None:
    """`POST /oauth/token`, `GET /oauth/authorize` and the S2S `accessToken` action."""

    async def token(request: web.Request) -> web.Response:
        params = await _token_params(request)
        if params is None:
            return _oauth_error(400, "invalid_request")
        config = state.settings.oauth
        client_id, client_secret = _client_credentials(request, params)
        if not (
            secrets.compare_digest(client_id.encode(), config.client_id.encode())
            and secrets.compare_digest(client_secret.encode(), config.client_secret.encode())
        ):
            state.counts.invalid_clients += 1
            return _oauth_error(401, "invalid_client")
        grant_type = params.get("grant_type")
        result: IssuedTokens | web.Response
        if grant_type == "authorization_code":
            code = params.get("code")
            if not code:
                return _oauth_error(400, "invalid_request")
            result = state.exchange_code(code, params.get("redirect_uri"))
        elif grant_type == "refresh_token":
            refresh_token = params.get("refresh_token")
            if not refresh_token:
                return _oauth_error(400, "invalid_request")
            result = state.refresh(refresh_token)
        elif not grant_type:
            return _oauth_error(400, "invalid_request")
        else:
            return _oauth_error(400, "unsupported_grant_type")
        if isinstance(result, web.Response):
            return result
        return web.json_response(result.as_json(), headers=_NO_STORE)

    async def authorize(request: web.Request) -> web.Response:
        config = state.settings.oauth
        query = request.query
        redirect_uri = query.get("redirect_uri", config.redirect_uri)
        if query.get("client_id") != config.client_id or redirect_uri != config.redirect_uri:
            return web.Response(status=400, text="Unknown client or redirect URI.")
        if query.get("response_type", "code") != "code":
            return web.Response(status=400, text="Only response_type=code is supported.")
        try:
            user_id = int(query.get("user_id", DEFAULT_USER_ID))
        except ValueError:
            return web.Response(status=400, text="user_id must be an integer.")
        code = state.issue_code(
            user_id, scope=query.get("scope", DEFAULT_SCOPE), redirect_uri=redirect_uri
        )
        target = URL(redirect_uri).update_query({"code": code})
        if "state" in query:
            target = target.update_query({"state": query["state"]})
        raise web.HTTPFound(target)

    async def s2s_access_token(request: web.Request) -> web.Response:
        scheme, _, app_token = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not app_token.strip():
            return invalid_jwt("No bearer token in the Authorization header.")
        config = state.settings.oauth
        try:
            claims = _jwt.decode(app_token.strip(), public_key_pem=config.s2s_public_key)
        except _jwt.JWTError as exc:
            return invalid_jwt(f"The app token is not valid: {exc}.")
        if claims.get("iss") != config.s2s_app_id:
            return invalid_jwt("The app token's issuer is not a known app.")
        exp = claims.get("exp")
        if not isinstance(exp, (int, float)) or exp <= state.settings.clock():
            return invalid_jwt("The app token has expired.")
        install_id = request.match_info["install_id"]
        access_token, _ = state.issue_s2s_token(install_id)
        install: int | str = int(install_id) if install_id.isdigit() else install_id
        body = {"data": {"type": "install", "id": install, "meta": {"accessToken": access_token}}}
        return web.json_response(body, headers=_NO_STORE)

    app.router.add_post(TOKEN_PATH, token)
    app.router.add_get(AUTHORIZE_PATH, authorize)
    app.router.add_post(S2S_TOKEN_PATH, s2s_access_token)


_NO_STORE = {"Cache-Control": "no-store", "Pragma": "no-cache"}


async def _token_params(request: web.Request) -> dict[str, str] | None:
    """The token request's parameters, form-encoded (like the real one) or JSON."""
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            return None
        if not isinstance(body, dict):
            return None
        return {str(key): str(value) for key, value in body.items() if value is not None}
    form = await request.post()
    return {key: value for key, value in form.items() if isinstance(value, str)}


def _client_credentials(request: web.Request, params: Mapping[str, str]) -> tuple[str, str]:
    """Client id and secret from HTTP Basic auth or the body, as Doorkeeper accepts both."""
    scheme, _, encoded = request.headers.get("Authorization", "").partition(" ")
    if scheme.lower() == "basic":
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode()
        except (binascii.Error, UnicodeDecodeError):
            return "", ""
        client_id, _, client_secret = decoded.partition(":")
        return client_id, client_secret
    return params.get("client_id", ""), params.get("client_secret", "")


def _oauth_error(status: int, error: str) -> web.Response:
    body = {"error": error, "error_description": _DESCRIPTIONS[error]}
    return web.Response(
        status=status, text=json.dumps(body), content_type="application/json", headers=_NO_STORE
    )


def _retry_later() -> web.Response:
    return web.Response(status=429, text="Retry later", content_type="text/plain")
