"""Which URLs may carry the credentials: the API's origin, and plain http only to loopback.

Links and redirects come from the server, so a compromised or confused server (or anything
between it and us) chooses them. Before the session sends a request to such a URL, it must
be unambiguous (printable ASCII, no backslashes, no user info) and on exactly the API's
origin: same scheme, same host (in any letter case) and same port (explicit or default).
"""

from __future__ import annotations

import ipaddress
import re

import yarl

from ..errors import OriginError, TransportError

__all__ = ["api_base_url", "is_loopback", "redirect_target", "resolve_link", "same_origin_url"]

Origin = tuple[str, str, int | None]

#: A URL that names its scheme (`https:`, `javascript:`) or its host (`//host/...`).
_ABSOLUTE = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:|//")
#: Printable ASCII without the backslash: what a URL from the server may contain.
_PLAIN = re.compile(r"[!-\[\]-~]*")
_SHOWN = 120


def api_base_url(base_url: str) -> yarl.URL:
    """The base URL, refusing plain HTTP except to this machine; ValueError otherwise."""
    try:
        url = yarl.URL(base_url)
        host = url.host
    except (TypeError, ValueError):
        raise ValueError(f"base_url: expected an http(s) URL, got {base_url!r}") from None
    if url.scheme not in ("http", "https") or not host:
        raise ValueError(f"base_url: expected an http(s) URL, got {base_url!r}")
    if "@" in url.raw_authority:
        raise ValueError("base_url: user info in the URL is not allowed; pass credentials as auth")
    if url.scheme == "http" and not is_loopback(host):
        raise ValueError(
            f"base_url: plain http is allowed only to a loopback address, got {host!r}"
        )
    return url


def is_loopback(host: str) -> bool:
    """True for `localhost` and addresses in 127.0.0.0/8 or ::1, never for look-alike names."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_absolute(target: str) -> bool:
    """True when `target` names a scheme or a host of its own rather than a path."""
    return _ABSOLUTE.match(target) is not None


def same_origin_url(target: str, api: yarl.URL) -> yarl.URL:
    """`target` (absolute, or scheme-relative `//host/...`) if it is on the API's origin.

    Raises OriginError, before anything is sent, for any other origin and for URLs whose
    origin parsers could disagree about.
    """
    _check_plain(target)
    try:
        url = yarl.URL(target, encoded=True)
        if target.startswith("//"):
            url = api.origin().join(url)
    except (TypeError, ValueError) as exc:
        raise OriginError(f"refusing {_shown(target)}: not a valid URL ({exc})") from None
    return _checked(url, api, target)


def redirect_target(current: yarl.URL, location: str | None, api: yarl.URL) -> yarl.URL:
    """Where a redirect from `current` leads, if that is on the API's origin."""
    if not location:
        raise TransportError(f"{current}: a redirect without a Location header", retryable=False)
    _check_plain(location, "a redirect to ")
    try:
        url = current.join(yarl.URL(location, encoded=True))
    except (TypeError, ValueError) as exc:
        raise OriginError(f"refusing a redirect to {_shown(location)}: {exc}") from None
    return _checked(url, api, location, what="a redirect to")


def resolve_link(page_url: str, link: str) -> str:
    """A link from a response as an absolute URL: relative links resolve against the page."""
    if is_absolute(link) and not link.startswith("//"):
        return link
    _check_plain(link, "the link ")
    try:
        return str(yarl.URL(page_url, encoded=True).join(yarl.URL(link, encoded=True)))
    except (TypeError, ValueError) as exc:
        raise OriginError(f"refusing the link {_shown(link)}: {exc}") from None


def origin_of(url: yarl.URL) -> Origin:
    """Scheme, host and port, compared the way browsers compare origins."""
    return ((url.scheme or "").lower(), (url.host or "").lower(), url.port)


def _checked(url: yarl.URL, api: yarl.URL, given: str, what: str = "") -> yarl.URL:
    prefix = f"refusing {what} {_shown(given)}" if what else f"refusing {_shown(given)}"
    if url.scheme.lower() not in ("http", "https") or not url.host:
        raise OriginError(f"{prefix}: only http(s) URLs on the API origin are followed")
    if "@" in url.raw_authority:
        raise OriginError(f"{prefix}: URLs with user info are never followed")
    if origin_of(url) != origin_of(api):
        raise OriginError(
            f"{prefix}: {_origin_text(url)} is not the API origin {_origin_text(api)}"
        )
    return url


def _check_plain(text: str, what: str = "") -> None:
    if not isinstance(text, str) or _PLAIN.fullmatch(text) is None:
        raise OriginError(
            f"refusing {what}{_shown(text)}: a URL must be printable ASCII without spaces or "
            "backslashes (parsers disagree about where such a URL points)"
        )


def _origin_text(url: yarl.URL) -> str:
    scheme, host, port = origin_of(url)
    return f"{scheme}://{host}:{port}"


def _shown(text: object) -> str:
    shown = repr(text)
    return shown if len(shown) <= _SHOWN else shown[:_SHOWN] + "…"
