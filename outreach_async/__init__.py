"""Async client for the Outreach API."""

from ._version import __version__

__all__ = ["__version__"]
