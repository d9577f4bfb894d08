"""What the library reads from the environment: the token, the API's URL, the log level.

    OUTREACH_ACCESS_TOKEN   the token `OutreachClient()` and `outreach-async export` use
    OUTREACH_BASE_URL       another API base URL (a fake server, a proxy on this machine)
    OUTREACH_LOG            debug or info: print the library's log records to stderr

The library's logger always has a `NullHandler`, so its warnings (a refused webhook, say)
are not printed by Python's last-resort handler unless the application configures logging.
"""

from __future__ import annotations

import logging
import os
import sys
import warnings

__all__ = [
    "ACCESS_TOKEN_VARIABLE",
    "BASE_URL_VARIABLE",
    "LOG_VARIABLE",
    "access_token",
    "base_url",
    "configure_logging",
]

ACCESS_TOKEN_VARIABLE = "OUTREACH_ACCESS_TOKEN"
BASE_URL_VARIABLE = "OUTREACH_BASE_URL"
LOG_VARIABLE = "OUTREACH_LOG"

LOGGER_NAME = "outreach_async"
_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO}
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def access_token() -> str | None:
    """The access token from OUTREACH_ACCESS_TOKEN, None when unset or blank."""
    return os.environ.get(ACCESS_TOKEN_VARIABLE, "").strip() or None


def base_url() -> str | None:
    """The base URL from OUTREACH_BASE_URL, None when unset or blank."""
    return os.environ.get(BASE_URL_VARIABLE, "").strip() or None


class _FromEnvironment(logging.StreamHandler):  # type: ignore[type-arg]
    """The handler OUTREACH_LOG adds; marked so that it is added once."""


def configure_logging() -> None:
    """Give the library's logger its NullHandler, and a stderr handler if OUTREACH_LOG asks."""
    logger = logging.getLogger(LOGGER_NAME)
    if not any(isinstance(h, logging.NullHandler) for h in logger.handlers):
        logger.addHandler(logging.NullHandler())
    wanted = os.environ.get(LOG_VARIABLE, "").strip().lower()
    if not wanted:
        return
    level = _LEVELS.get(wanted)
    if level is None:
        warnings.warn(
            f"{LOG_VARIABLE}={wanted!r} is not a log level; use debug or info",
            RuntimeWarning,
            stacklevel=2,
        )
        return
    if not any(isinstance(h, _FromEnvironment) for h in logger.handlers):
        handler = _FromEnvironment(sys.stderr)
        handler.setFormatter(logging.Formatter(_FORMAT))
        logger.addHandler(handler)
    logger.setLevel(level)
