"""`TokenPair`: an OAuth access token with the refresh token that renews it.

Outreach rotates refresh tokens: each refresh returns a new one and the old one may stop
working at once, so a pair is only ever replaced whole. Its repr shows when it expires and
its scope, never a token.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime, timezone
from typing import Any

import attrs

__all__ = ["DEFAULT_ACCESS_TOKEN_TTL", "TokenPair"]

#: Outreach access tokens live two hours; assumed when an answer leaves `expires_in` out.
DEFAULT_ACCESS_TOKEN_TTL = 7200
#: The most a server's `created_at` may move a fresh token's issue time back from arrival.
_MAX_SKEW = 300.0


@attrs.frozen(repr=False)
class TokenPair:
    """Tokens from `/oauth/token`. Times are epoch seconds on this machine's clock.

    `created_at` is when the access token was issued, `expires_at` when it stops working.
    `to_dict()` / `from_dict()` give the JSON-ready form token stores keep.
    """

    access_token: str
    refresh_token: str
    expires_at: float
    created_at: float
    scope: str = ""

    @classmethod
    def from_response(cls, body: Any, now: float) -> TokenPair:
        """The pair a token endpoint answered with; `now` is when the answer arrived.

        The server's `created_at` is read on its clock: a server ahead of ours would make the
        token look longer-lived than it is, so the earlier of it and `now` counts, but no
        earlier than `_MAX_SKEW` before `now` (a clock far behind is not believed either).
        """
        if not isinstance(body, Mapping):
            raise ValueError("the token answer is not a JSON object")
        access_token = _token(body, "access_token")
        refresh_token = _token(body, "refresh_token")
        expires_in = _number(body.get("expires_in", DEFAULT_ACCESS_TOKEN_TTL), "expires_in")
        if expires_in <= 0:
            raise ValueError("the token answer's 'expires_in' is not positive")
        created = body.get("created_at")
        issued = now
        if created is not None:
            issued = max(min(now, _number(created, "created_at")), now - _MAX_SKEW)
        scope = body.get("scope") or ""
        if not isinstance(scope, str):
            raise ValueError("the token answer's 'scope' is not a string")
        return cls(access_token, refresh_token, issued + expires_in, issued, scope)

    @classmethod
    def from_dict(cls, data: Any) -> TokenPair:
        """A pair from `to_dict()`'s form; ValueError naming the field that is wrong."""
        if not isinstance(data, Mapping):
            raise ValueError("a token pair must be a JSON object")
        scope = data.get("scope", "")
        if not isinstance(scope, str):
            raise ValueError("token pair: 'scope' must be a string")
        return cls(
            access_token=_token(data, "access_token"),
            refresh_token=_token(data, "refresh_token"),
            expires_at=_number(data.get("expires_at"), "expires_at"),
            created_at=_number(data.get("created_at"), "created_at"),
            scope=scope,
        )

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready form; it holds the tokens, so keep it where secrets belong."""
        return {
            "access_token": self.access_token,
            "refresh_token": self.refresh_token,
            "expires_at": self.expires_at,
            "created_at": self.created_at,
            "scope": self.scope,
        }

    @property
    def lifetime(self) -> float:
        """Seconds the access token lives in all."""
        return self.expires_at - self.created_at

    def __repr__(self) -> str:
        return f"TokenPair(expires_at={_iso(self.expires_at)}, scope={self.scope!r})"


def _token(data: Mapping[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"token pair: {key!r} must be a non-empty string")
    return value


def _number(value: Any, key: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"token pair: {key!r} must be a finite number")
    return float(value)


def _iso(moment: float) -> str:
    try:
        return datetime.fromtimestamp(moment, timezone.utc).isoformat(timespec="seconds")
    except (OverflowError, OSError, ValueError):
        return repr(moment)
