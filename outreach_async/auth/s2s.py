"""Server-to-server (S2S) access: tokens an Outreach app mints for one of its installs.

    auth = ServerToServerAuth(app_id=S2S_GUID, private_key_pem=pem, install_id=INSTALL_ID)
    async with OutreachClient(auth) as client: ...

The app signs a short RS256 JWT (`iss` = its S2S GUID, `iat`, `exp`) with its private key and
posts it to `/api/app/installs/{install_id}/actions/accessToken`; the answer's
`data.meta.accessToken` is a bearer token for one hour. Nothing rotates, so minting again is
always safe: a token is minted `refresh_margin` seconds before the last one expires and after a
401, single-flight like `OAuth2Auth`, and never kept anywhere but memory.

Signing needs PyJWT with its crypto extra: `pip install 'outreach-async[s2s]'`. Importing this
module does not; creating a `ServerToServerAuth` does.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any
from urllib.parse import quote

import aiohttp

from ..errors import TokenEndpointError
from ..http._urls import api_base_url
from ..http.auth import Clock, Sleep
from ..http.session import USER_AGENT
from . import _token_endpoint
from ._renewal import Credential, RenewingAuth, renew_at
from .oauth import OAUTH_BASE_URL

__all__ = ["APP_TOKEN_LIFETIME", "CLOCK_LEEWAY", "S2S_TOKEN_LIFETIME", "ServerToServerAuth"]

logger = logging.getLogger("outreach_async")

#: S2S access tokens live an hour; the answer does not say so itself.
S2S_TOKEN_LIFETIME = 3600
#: Seconds the signed app token is valid: it is used at once, so it need not live long.
APP_TOKEN_LIFETIME = 600
#: `iat` is set this far back, so that a server whose clock is behind ours still accepts it.
CLOCK_LEEWAY = 60

_MISSING_JWT = (
    "ServerToServerAuth signs its app token with PyJWT: pip install 'outreach-async[s2s]' "
    "(PyJWT[crypto])"
)


class ServerToServerAuth(RenewingAuth):
    """Bearer tokens for one app install, minted from an RS256-signed app token.

    `app_id` is the app's S2S GUID, `private_key_pem` the RSA private key whose public half is
    registered with the app (PEM text or bytes), `install_id` the installation. `base_url` is
    the origin of the `accessToken` action (the fake server's `server.url` in tests).
    """

    def __init__(
        self,
        app_id: str,
        private_key_pem: str | bytes,
        install_id: int | str,
        *,
        base_url: str = OAUTH_BASE_URL,
        token_lifetime: float = S2S_TOKEN_LIFETIME,
        refresh_margin: float = 300.0,
        http: aiohttp.ClientSession | None = None,
        clock: Clock | None = None,
        sleep: Sleep | None = None,
    ) -> None:
        super().__init__(refresh_margin=refresh_margin, http=http, clock=clock, sleep=sleep)
        if not isinstance(app_id, str) or not app_id.strip():
            raise ValueError("app_id: expected the app's S2S GUID, a non-empty string")
        if isinstance(install_id, bool) or not isinstance(install_id, int | str):
            raise TypeError("install_id: expected an int or a str")
        if not str(install_id).strip():
            raise ValueError("install_id: expected a non-empty value")
        if token_lifetime <= 0:
            raise ValueError("token_lifetime: expected a positive number of seconds")
        self.app_id = app_id
        self.install_id = install_id
        self.token_lifetime = float(token_lifetime)
        self._private_key = _load_private_key(private_key_pem)
        origin = api_base_url(base_url).origin()
        path = f"/api/app/installs/{quote(str(install_id), safe='')}/actions/accessToken"
        self.token_url = str(origin.with_path(path, encoded=True))

    def __repr__(self) -> str:
        return (
            f"ServerToServerAuth(app_id={self.app_id!r}, install_id={self.install_id!r}, "
            "private_key=<redacted>)"
        )

    def app_token(self) -> str:
        """A freshly signed app token (RS256 JWT): a secret, valid `APP_TOKEN_LIFETIME` s."""
        import jwt

        now = int(self._clock())
        claims = {"iss": self.app_id, "iat": now - CLOCK_LEEWAY, "exp": now + APP_TOKEN_LIFETIME}
        return jwt.encode(claims, self._private_key, algorithm="RS256")

    async def _renew(self, stale: Credential | None) -> Credential:
        del stale  # minting never depends on the token it replaces
        app_token = self.app_token()
        request = _token_endpoint.TokenRequest(
            url=self.token_url,
            what=f"minting an S2S access token for install {self.install_id}",
            headers={"Authorization": f"Bearer {app_token}", "User-Agent": USER_AGENT},
            secrets=(app_token,),
            repeatable=True,
        )
        body = await _token_endpoint.post(
            self._session(), request, clock=self._clock, sleep=self._sleep
        )
        token = _access_token(body)
        if token is None:
            raise TokenEndpointError(
                f"{request.what}: the answer has no data.meta.accessToken", status=200
            )
        now = self._clock()
        logger.info("minted an S2S access token for install %s", self.install_id)
        expires_at = now + self.token_lifetime
        return Credential(
            f"Bearer {token}", renew_at(expires_at, self.token_lifetime, self.refresh_margin)
        )


def _load_private_key(pem: str | bytes) -> Any:
    """The RSA private key object; errors say what is wrong, never what the key holds."""
    try:
        import jwt  # noqa: F401 - fail here, with the extra's name, not at the first request
        from cryptography.hazmat.primitives.asymmetric import rsa
        from cryptography.hazmat.primitives.serialization import load_pem_private_key
    except ImportError:
        raise ImportError(_MISSING_JWT) from None
    data = pem.encode() if isinstance(pem, str) else pem
    if not isinstance(data, bytes):
        raise TypeError("private_key_pem: expected PEM text or bytes")
    try:
        key = load_pem_private_key(data, password=None)
    except (ValueError, TypeError):
        raise ValueError(
            "private_key_pem: not an unencrypted PEM private key (BEGIN PRIVATE KEY or "
            "BEGIN RSA PRIVATE KEY)"
        ) from None
    except Exception:
        raise ValueError("private_key_pem: the key could not be loaded") from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ValueError("private_key_pem: RS256 needs an RSA key")
    return key


def _access_token(body: Any) -> str | None:
    data = body.get("data") if isinstance(body, Mapping) else None
    meta = data.get("meta") if isinstance(data, Mapping) else None
    token = meta.get("accessToken") if isinstance(meta, Mapping) else None
    return token if isinstance(token, str) and token.strip() else None
