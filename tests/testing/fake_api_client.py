"""A thin JSON:API client over aiohttp for the fake server's own tests."""

from __future__ import annotations

from typing import Any

import aiohttp
import attrs

from outreach_async.testing.server import FakeOutreach

JSONAPI = "application/vnd.api+json"


@attrs.frozen
class Answer:
    status: int
    body: Any
    headers: Any
    text: str


@attrs.define
class ApiClient:
    session: aiohttp.ClientSession
    server: FakeOutreach

    async def call(
        self,
        method: str,
        path: str,
        *,
        json: Any = None,
        headers: dict[str, str] | None = None,
        raw: bytes | None = None,
    ) -> Answer:
        url = path if path.startswith("http") else self.server.api_url + path
        data = raw
        if json is not None:
            import json as json_module

            data = json_module.dumps(json).encode()
        async with self.session.request(method, url, data=data, headers=headers) as response:
            text = await response.text()
            body = await response.json(content_type=None) if text else None
            return Answer(response.status, body, response.headers, text)

    async def get(self, path: str, **kwargs: Any) -> Answer:
        return await self.call("GET", path, **kwargs)

    async def post(self, path: str, json: Any = None, **kwargs: Any) -> Answer:
        return await self.call("POST", path, json=json, **kwargs)

    async def patch(self, path: str, json: Any = None, **kwargs: Any) -> Answer:
        return await self.call("PATCH", path, json=json, **kwargs)

    async def delete(self, path: str, **kwargs: Any) -> Answer:
        return await self.call("DELETE", path, **kwargs)


def new_session(server: FakeOutreach) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(
        headers={"Authorization": f"Bearer {server.token}", "Content-Type": JSONAPI}
    )


def error_of(answer: Answer) -> dict[str, Any]:
    errors = answer.body["errors"]
    assert len(errors) == 1
    error: dict[str, Any] = errors[0]
    return error
