"""Credentials: a static token, OAuth2 with rotating refresh tokens, S2S tokens, token stores.

Each class implements the session's `Auth` interface (`outreach_async.http.auth`): the header
for the next request, and what to do after a 401.
"""

from ..http.auth import Auth
from .bearer import BearerToken, NoAuth
from .oauth import OAuth2Auth, OAuthApp
from .s2s import ServerToServerAuth
from .token_store import FileTokenStore, MemoryTokenStore, TokenStore
from .token_store_redis import RedisTokenStore
from .tokens import TokenPair

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
