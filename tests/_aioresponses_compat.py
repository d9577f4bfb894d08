"""Lets aioresponses 0.7.9 build responses on aiohttp 3.14.

aiohttp 3.14 added a required `stream_writer` argument to `ClientResponse`; aioresponses
does not pass it yet (pnuckowski/aioresponses#289, fix proposed in #288). aiohttp reads only
`stream_writer.output_size`, so a stand-in with that attribute is enough. Remove this module
once a fixed aioresponses is released.
"""

from __future__ import annotations

import inspect
from typing import Any
from unittest.mock import Mock

import aioresponses.core
from aiohttp import ClientResponse

_NEEDS_STREAM_WRITER = "stream_writer" in inspect.signature(ClientResponse.__init__).parameters


class _CompatibleResponse(ClientResponse):
    def __init__(self, method: str, url: Any, **kwargs: Any) -> None:
        kwargs.setdefault("stream_writer", Mock(output_size=0))
        super().__init__(method, url, **kwargs)


def install() -> None:
    if _NEEDS_STREAM_WRITER:
        aioresponses.core.ClientResponse = _CompatibleResponse  # type: ignore[misc]
