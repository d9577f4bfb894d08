"""Where the examples connect: Outreach when `OUTREACH_ACCESS_TOKEN` is set, else a fake.

The fake is `outreach_async.testing.FakeOutreach`, the in-memory Outreach API that ships
with the library, started in the example's own process with seeded data. Examples that
change data call `outreach_client(writes=True)`: against the real API they run only when
`OUTREACH_EXAMPLES_MAY_WRITE=1` says so, since they create and change records.
"""

from __future__ import annotations

import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from outreach_async import OutreachClient
from outreach_async.testing import FakeOutreach

TOKEN_VARIABLE = "OUTREACH_ACCESS_TOKEN"
WRITES_VARIABLE = "OUTREACH_EXAMPLES_MAY_WRITE"


@asynccontextmanager
async def outreach_client(
    *, writes: bool = False, fake: dict[str, Any] | None = None, **options: Any
) -> AsyncIterator[OutreachClient]:
    """An open client; `fake` holds `FakeOutreach` options, other keywords go to the client."""
    token = os.environ.get(TOKEN_VARIABLE)
    if token:
        if writes and os.environ.get(WRITES_VARIABLE) != "1":
            sys.exit(f"this example changes data: set {WRITES_VARIABLE}=1 to run it on Outreach")
        async with OutreachClient(token, **options) as client:
            yield client
        return
    async with (
        FakeOutreach(**{"seed": 42, **(fake or {})}) as server,
        server.client(**options) as client,
    ):
        print(f"(no {TOKEN_VARIABLE}: using the embedded fake Outreach at {server.api_url})")
        yield client
