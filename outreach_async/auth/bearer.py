"""A fixed access token: the simplest `Auth`."""

from __future__ import annotations

from ..http.auth import Auth

__all__ = ["BearerToken"]


class BearerToken(Auth):
    """A fixed access token. Its value never appears in `repr()` or `str()`."""

    __slots__ = ("_header",)

    def __init__(self, token: str) -> None:
        if not isinstance(token, str) or not token.strip():
            raise ValueError("token: expected a non-empty string")
        self._header = f"Bearer {token.strip()}"

    async def authorization(self) -> str:
        """The same `Bearer` header for every request: a static token is never renewed."""
        return self._header

    def __repr__(self) -> str:
        return "BearerToken(token=<redacted>)"


class NoAuth(Auth):
    """No credentials: requests carry no `Authorization` header (open JSON:API servers)."""

    __slots__ = ()

    async def authorization(self) -> str:
        return ""

    def __repr__(self) -> str:
        return "NoAuth()"
