"""OAuth2 for Outreach: the authorize URL, the code exchange, and `OAuth2Auth`, which keeps an
access token fresh through rotating refresh tokens without ever losing the newest one.

    app = OAuthApp(client_id, client_secret, redirect_uri)
    url = app.authorization_url(["prospects.all"], state=state)  # send the user there
    pair = await app.exchange_code(code)                         # in the redirect's handler
    store = FileTokenStore("outreach-tokens.json")
    await store.save(pair)
    async with OutreachClient(OAuth2Auth(app, store=store)) as client: ...

What `OAuth2Auth` guarantees:

- Single-flight: any number of concurrent requests that find the token expired (or get a 401
  for it) cause exactly one refresh; they all wait for it and go on with the new token.
- Persist before use: a new pair is saved to the store, then handed to `on_refresh`, before its
  access token is sent anywhere. If saving fails, the request fails with
  `TokenPersistenceError`, the pair stays in memory unused, and the next request tries to save
  it again instead of refreshing: the newest refresh token is never dropped.
- Processes sharing a store refresh once: the store's `lock()` is held while the store is
  read again, the token refreshed and the new pair saved (see `token_store`).
- Refreshes happen `refresh_margin` seconds before expiry, and once after a 401 for the current
  token (the session then sends the request once more).
- A `429 Retry later` from the token endpoint (one token per user per minute) is waited out on
  the session's clock; a refresh is never repeated when the server may have acted on it.
- Tokens and the client secret never appear in logs, reprs or exception messages.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import time
from collections.abc import Awaitable, Callable, Iterable

import aiohttp

from ..errors import AuthError, StorageError, TokenEndpointError, TokenPersistenceError
from ..http._urls import api_base_url
from ..http.auth import Clock, Sleep
from ..http.session import USER_AGENT
from . import _token_endpoint
from ._renewal import Credential, RenewingAuth, renew_at
from .token_store import TokenStore
from .tokens import TokenPair

__all__ = ["OAUTH_BASE_URL", "OAuth2Auth", "OAuthApp", "OnRefresh"]

logger = logging.getLogger("outreach_async")

OAUTH_BASE_URL = "https://api.outreach.io"

#: Called with each new pair once the store (if any) holds it; may be async.
OnRefresh = Callable[[TokenPair], Awaitable[None] | None]


class OAuthApp:
    """An Outreach OAuth application: its credentials and where its endpoints are.

    `base_url` is the origin of `/oauth/authorize` and `/oauth/token` (the fake server's
    `server.url` in tests); plain http is accepted only to this machine.
    """

    __slots__ = ("_client_secret", "base_url", "client_id", "redirect_uri")

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        redirect_uri: str,
        *,
        base_url: str = OAUTH_BASE_URL,
    ) -> None:
        for name, value in (
            ("client_id", client_id),
            ("client_secret", client_secret),
            ("redirect_uri", redirect_uri),
        ):
            if not isinstance(value, str) or not value.strip():
                raise ValueError(f"{name}: expected a non-empty string")
        self.client_id = client_id
        self._client_secret = client_secret
        self.redirect_uri = redirect_uri
        self.base_url = api_base_url(base_url).origin()

    def __repr__(self) -> str:
        return (
            f"OAuthApp(client_id={self.client_id!r}, redirect_uri={self.redirect_uri!r}, "
            f"base_url={str(self.base_url)!r}, client_secret=<redacted>)"
        )

    @property
    def token_url(self) -> str:
        """The token endpoint, `/oauth/token` on `base_url`."""
        return str(self.base_url.with_path("/oauth/token"))

    def authorization_url(self, scope: str | Iterable[str], *, state: str) -> str:
        """Where to send the user to grant access; `state` comes back with the code.

        Pass a fresh unguessable `state` (e.g. `secrets.token_urlsafe(16)`) and check it in the
        redirect's handler: it is what stops another site from planting its own code.
        """
        scopes = scope.split() if isinstance(scope, str) else [str(item) for item in scope]
        if not scopes:
            raise ValueError("scope: expected at least one scope, e.g. 'prospects.all'")
        if not isinstance(state, str) or not state:
            raise ValueError("state: expected a non-empty string")
        query = {
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "response_type": "code",
            "scope": " ".join(scopes),
            "state": state,
        }
        return str(self.base_url.with_path("/oauth/authorize").with_query(query))

    async def exchange_code(
        self,
        code: str,
        *,
        http: aiohttp.ClientSession | None = None,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
    ) -> TokenPair:
        """The token pair for the authorization code from the redirect (single use).

        Save it (`store.save(pair)`) before using it. Uses `http` if given, else a session of
        its own for this one call.
        """
        if not isinstance(code, str) or not code.strip():
            raise ValueError("code: expected a non-empty string")
        form = {
            "grant_type": "authorization_code",
            "code": code,
            "redirect_uri": self.redirect_uri,
        }
        request = self._request("exchanging the authorization code", form, (code,))
        return await self._pair(request, http, clock, sleep)

    async def refresh(
        self,
        refresh_token: str,
        *,
        http: aiohttp.ClientSession | None = None,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
    ) -> TokenPair:
        """A new pair for `refresh_token`, which stops working. Prefer `OAuth2Auth`, which
        refreshes once for all requests and saves the new pair before using it."""
        form = {"grant_type": "refresh_token", "refresh_token": refresh_token}
        request = self._request("refreshing the access token", form, (refresh_token,))
        return await self._pair(request, http, clock, sleep)

    def _request(
        self, what: str, form: dict[str, str], secrets: tuple[str, ...]
    ) -> _token_endpoint.TokenRequest:
        form = {**form, "client_id": self.client_id, "client_secret": self._client_secret}
        return _token_endpoint.TokenRequest(
            url=self.token_url,
            what=what,
            form=form,
            headers={"User-Agent": USER_AGENT},
            secrets=(*secrets, self._client_secret),
        )

    async def _pair(
        self,
        request: _token_endpoint.TokenRequest,
        http: aiohttp.ClientSession | None,
        clock: Clock | None,
        sleep: Sleep | None,
    ) -> TokenPair:
        clock = clock or time.time
        sleep = sleep or asyncio.sleep
        try:
            if http is not None:
                body = await _token_endpoint.post(http, request, clock=clock, sleep=sleep)
            else:
                async with aiohttp.ClientSession() as own:
                    body = await _token_endpoint.post(own, request, clock=clock, sleep=sleep)
        except TokenEndpointError as failure:
            if failure.error == "invalid_grant":
                raise _reauthorize(failure) from None
            raise
        try:
            return TokenPair.from_response(body, clock())
        except ValueError as exc:
            raise TokenEndpointError(f"{request.what}: {exc}", status=200) from None


def _refused_before(failure: TokenEndpointError) -> TokenEndpointError:
    """A dead refresh token is not sent again; say why, without asking the server."""
    return TokenEndpointError(
        "refreshing the access token: the token endpoint refused this refresh token before "
        f"({failure.error}); the user must authorize the app again and the new pair be saved "
        "to the token store",
        status=failure.status,
        error=failure.error,
        description=failure.description,
        request_sent=False,
    )


def _reauthorize(failure: TokenEndpointError) -> TokenEndpointError:
    """`invalid_grant`, said plainly: this grant is dead and only the user can make a new one."""
    return TokenEndpointError(
        f"{failure}. The grant is no longer valid (used, expired or revoked): the user must "
        "authorize the app again",
        status=failure.status,
        error=failure.error,
        description=failure.description,
        request_sent=failure.request_sent,
    )


class OAuth2Auth(RenewingAuth):
    """Bearer tokens from an OAuth grant, refreshed single-flight and saved before use.

    `tokens` is a pair from `exchange_code`; `store` keeps the newest pair between runs (the
    newer of the two by `created_at` is used, and saved first if it is `tokens`); `on_refresh`
    is called with every new pair after the store saved it, and before its access token is
    used (it may be called again with the same pair if it raised). A token is refreshed
    `refresh_margin` seconds before it expires. Clock and sleep are the session's unless given.
    """

    def __init__(
        self,
        app: OAuthApp,
        tokens: TokenPair | None = None,
        *,
        store: TokenStore | None = None,
        on_refresh: OnRefresh | None = None,
        refresh_margin: float = 300.0,
        http: aiohttp.ClientSession | None = None,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
    ) -> None:
        super().__init__(refresh_margin=refresh_margin, http=http, clock=clock, sleep=sleep)
        if tokens is None and store is None:
            raise ValueError("OAuth2Auth needs tokens, a store holding them, or both")
        self.app = app
        self.store = store
        self._on_refresh = on_refresh
        self._initial = tokens
        #: The pair whose access token is in use, once known.
        self._pair: TokenPair | None = None
        #: A pair obtained but not saved yet: never used, always saved before anything else.
        self._unsaved: TokenPair | None = None
        #: A refresh token the server refused with `invalid_grant`, and how: never sent again.
        self._dead: tuple[str, TokenEndpointError] | None = None

    def __repr__(self) -> str:
        return f"OAuth2Auth(app={self.app!r}, store={self.store!r})"

    async def _renew(self, stale: Credential | None) -> Credential:
        if self._unsaved is not None:
            return await self._adopt(self._unsaved, notify=True)
        if self._pair is None:
            credential = self._credential(await self._first_pair())
            if not credential.due(self._clock()):
                return credential
        if self.store is None:
            return await self._refresh(stale)
        # Other processes sharing the store wait here, then find the pair saved by the one
        # that refreshed instead of spending the same refresh token.
        async with self.store.lock():
            newer = await self._newer_in_store(stale)
            if newer is not None:
                return newer
            return await self._refresh(stale)

    async def _refresh(self, stale: Credential | None) -> Credential:
        assert self._pair is not None
        refresh_token = self._pair.refresh_token
        if self._dead is not None and self._dead[0] == refresh_token:
            raise _refused_before(self._dead[1])
        try:
            new = await self.app.refresh(
                refresh_token, http=self._session(), clock=self._clock, sleep=self._sleep
            )
        except TokenEndpointError as failure:
            if failure.reauthorization_needed:
                # Another process sharing the store may have spent it just now.
                newer = await self._newer_in_store(stale)
                if newer is not None:
                    return newer
                self._dead = (refresh_token, failure)
            raise
        logger.info("refreshed the OAuth access token; it expires in %.0fs", new.lifetime)
        self._unsaved = new
        return await self._adopt(new, notify=True)

    async def _first_pair(self) -> TokenPair:
        """The pair to start from: the store's, or `tokens` if newer (saved first)."""
        stored = await self.store.load() if self.store is not None else None
        initial = self._initial
        if initial is not None and (stored is None or initial.created_at > stored.created_at):
            await self._adopt(initial, notify=False)  # on failure, tried again next time
        elif stored is not None:
            self._pair = stored
        else:
            raise AuthError(
                "no OAuth tokens: the token store is empty; exchange an authorization code "
                "(OAuthApp.exchange_code) and save the pair first"
            )
        assert self._pair is not None
        return self._pair

    async def _newer_in_store(self, stale: Credential | None) -> Credential | None:
        """A pair saved since ours by another process (it refreshed first) or by a new
        authorization, if its access token can be used.

        Its refresh token is the live one now, so it replaces ours even when its access token
        is due too; then it is the one refreshed.
        """
        if self.store is None or self._pair is None:
            return None
        try:
            stored = await self.store.load()
        except Exception as exc:  # a store that cannot be read now may be readable later
            logger.warning("could not read the token store (%s); refreshing", type(exc).__name__)
            return None
        if stored is None or stored.refresh_token == self._pair.refresh_token:
            return None
        if stored.created_at < self._pair.created_at:
            return None
        self._pair = stored
        credential = self._credential(stored)
        rejected = stale.header if stale is not None else None
        if credential.header != rejected and not credential.due(self._clock()):
            logger.info("using the OAuth tokens another process saved to the token store")
            return credential
        return None

    async def _adopt(self, pair: TokenPair, *, notify: bool) -> Credential:
        """Save `pair` (store, then callback), and only then make it the one in use."""
        if self.store is not None:
            try:
                await self.store.save(pair)
            except (TokenPersistenceError, StorageError) as exc:
                raise _not_saved(str(exc)) from exc
            except Exception as exc:
                raise _not_saved(f"the token store failed: {type(exc).__name__}") from exc
        if notify and self._on_refresh is not None:
            try:
                result = self._on_refresh(pair)
                if inspect.isawaitable(result):
                    await result
            except Exception as exc:
                raise _not_saved(f"the on_refresh callback failed: {type(exc).__name__}") from exc
        self._pair = pair
        if self._unsaved is pair:
            self._unsaved = None
        return self._credential(pair)

    def _credential(self, pair: TokenPair) -> Credential:
        return Credential(
            f"Bearer {pair.access_token}",
            renew_at(pair.expires_at, pair.lifetime, self.refresh_margin),
        )


def _not_saved(reason: str) -> TokenPersistenceError:
    return TokenPersistenceError(
        f"a new OAuth token pair could not be saved ({reason}); it is kept in memory, unused, "
        "and saving it is tried again on the next request"
    )
