"""Credentials: a static token, OAuth2 with rotating refresh tokens, S2S tokens, token stores.

Each class implements the session's `Auth` interface (`outreach_async.http.auth`): the header
for the next request, and what to do after a 401.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from ..http.auth import Auth
    from .bearer import BearerToken, NoAuth
    from .oauth import OAuth2Auth, OAuthApp
    from .s2s import ServerToServerAuth
    from .token_store import FileTokenStore, MemoryTokenStore, TokenStore
    from .token_store_redis import RedisTokenStore
    from .tokens import TokenPair

_EXPORTS = {
    "Auth": "..http.auth",
    "BearerToken": ".bearer",
    "NoAuth": ".bearer",
    "OAuth2Auth": ".oauth",
    "OAuthApp": ".oauth",
    "ServerToServerAuth": ".s2s",
    "FileTokenStore": ".token_store",
    "MemoryTokenStore": ".token_store",
    "TokenStore": ".token_store",
    "RedisTokenStore": ".token_store_redis",
    "TokenPair": ".tokens",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "Auth",
    "BearerToken",
    "FileTokenStore",
    "MemoryTokenStore",
    "NoAuth",
    "OAuth2Auth",
    "OAuthApp",
    "RedisTokenStore",
    "ServerToServerAuth",
    "TokenPair",
    "TokenStore",
]
