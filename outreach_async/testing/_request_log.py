"""What the fake server was asked and what it answered, for tests and benchmarks."""

from __future__ import annotations

from collections import Counter, deque

import attrs
from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from ._request_keys import FAULT_KEY

#: Status recorded for a request that got no answer (handler raised, connection dropped).
NO_ANSWER = 0


@attrs.frozen
class LoggedRequest:
    method: str
    #: Path and query string, decoded, e.g. `/api/v2/prospects?page[size]=10`.
    path: str
    status: int
    #: The fault the fault layer injected ("error", "drop", "truncate", ...), if any.
    fault: str | None = None


class RequestLog:
    """Counters of every request (also those refused by auth or rate limit) and the latest
    `maxlen` requests in order."""

    def __init__(self, maxlen: int = 10_000) -> None:
        self.entries: deque[LoggedRequest] = deque(maxlen=maxlen)
        self.total = 0
        self.by_status: Counter[int] = Counter()
        self.by_fault: Counter[str] = Counter()

    def record(self, method: str, path: str, status: int, fault: str | None = None) -> None:
        self.total += 1
        self.by_status[status] += 1
        if fault is not None:
            self.by_fault[fault] += 1
        self.entries.append(LoggedRequest(method, path, status, fault))

    def clear(self) -> None:
        self.entries.clear()
        self.total = 0
        self.by_status.clear()
        self.by_fault.clear()

    def paths(self, method: str | None = None) -> list[str]:
        return [e.path for e in self.entries if method is None or e.method == method]

    def middleware(self) -> Middleware:
        @web.middleware
        async def log_request(request: web.Request, handler: Handler) -> web.StreamResponse:
            status = NO_ANSWER
            try:
                response = await handler(request)
                status = response.status
                return response
            except web.HTTPException as error:
                status = error.status
                raise
            finally:
                fault = request.get(FAULT_KEY)
                if fault in ("drop", "drop_after_write"):
                    status = NO_ANSWER
                self.record(request.method, request.rel_url.human_repr(), status, fault)

        return log_request
