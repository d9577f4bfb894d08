"""Bearer-token auth, the OAuth token endpoint and S2S install tokens of the fake server."""

from __future__ import annotations

import asyncio
import base64
import json
import random
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiohttp import web
from aiohttp.test_utils import BaseTestServer, TestServer
from yarl import URL

from outreach_async.testing import _jwt
from outreach_async.testing._oauth import (
    MAX_LIVE_REFRESH_TOKENS,
    OAuthState,
    add_oauth_routes,
    auth_middleware,
)
from outreach_async.testing._request_keys import PRINCIPAL_KEY, USER_KEY
from outreach_async.testing._settings import DEFAULT_TOKEN, FakeSettings

START = 1_700_000_000.0


class FakeClock:
    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


async def whoami(request: web.Request) -> web.Response:
    """Echo what the auth layer attached to the request."""
    return web.json_response(
        {"user": request.get(USER_KEY), "principal": request.get(PRINCIPAL_KEY)}
    )


class Harness:
    def __init__(self, settings: FakeSettings, state: OAuthState, server: BaseTestServer) -> None:
        self.settings = settings
        self.state = state
        self.server = server
        self.clock = FakeClock(0)
        self.session: aiohttp.ClientSession

    def url(self, path: str) -> URL:
        return self.server.make_url(path)

    async def api(self, token: str | None) -> tuple[int, str, Any]:
        headers = {} if token is None else {"Authorization": f"Bearer {token}"}
        async with self.session.get(self.url("/api/v2/whoami"), headers=headers) as response:
            return response.status, response.content_type, await response.json()

    async def token(self, **form: str) -> tuple[int, str, str]:
        async with self.session.post(self.url("/oauth/token"), data=form) as response:
            return response.status, response.content_type, await response.text()

    def client(self) -> dict[str, str]:
        oauth = self.settings.oauth
        return {"client_id": oauth.client_id, "client_secret": oauth.client_secret}

    async def exchange(self, code: str) -> dict[str, Any]:
        status, _, text = await self.token(
            grant_type="authorization_code",
            code=code,
            redirect_uri=self.settings.oauth.redirect_uri,
            **self.client(),
        )
        assert status == 200, text
        body: dict[str, Any] = json.loads(text)
        return body

    async def refresh(self, refresh_token: str) -> tuple[int, str, str]:
        return await self.token(
            grant_type="refresh_token", refresh_token=refresh_token, **self.client()
        )


@pytest.fixture
async def harness() -> AsyncIterator[Harness]:
    clock = FakeClock(START)
    settings = FakeSettings(clock=clock)
    state = OAuthState(settings)
    app = web.Application(middlewares=[auth_middleware(state)])
    app.router.add_get("/api/v2/whoami", whoami)
    app.router.add_get("/health", whoami)
    add_oauth_routes(app, state)
    async with TestServer(app) as server, aiohttp.ClientSession() as session:
        h = Harness(settings, state, server)
        h.clock = clock
        h.session = session
        yield h


# -- bearer tokens on /api/v2 ---------------------------------------------------------------


async def test_static_token_acts_as_user_1(harness: Harness) -> None:
    assert await harness.api(DEFAULT_TOKEN) == (
        200,
        "application/json",
        {"user": 1, "principal": 1},
    )


@pytest.mark.parametrize(
    "authorization",
    [None, "Bearer ", "Basic Zm9vOmJhcg==", f"Token {DEFAULT_TOKEN}", "Bearer not-a-token"],
)
async def test_bad_or_missing_token_gets_the_gateway_401(
    harness: Harness, authorization: str | None
) -> None:
    headers = {} if authorization is None else {"Authorization": authorization}
    async with harness.session.get(harness.url("/api/v2/whoami"), headers=headers) as response:
        assert response.status == 401
        assert response.content_type == "application/json"
        body = await response.json()
    assert set(body) == {"error", "description"}
    assert body["error"] == "Invalid JWT token."
    assert isinstance(body["description"], str) and body["description"]
    assert harness.state.counts.unauthorized == 1


async def test_paths_outside_the_api_need_no_token(harness: Harness) -> None:
    async with harness.session.get(harness.url("/health")) as response:
        assert response.status == 200
        assert await response.json() == {"user": None, "principal": None}


# -- authorization code and refresh ---------------------------------------------------------


async def test_code_exchange_returns_outreach_token_fields(harness: Harness) -> None:
    code = harness.state.issue_code(user_id=7, scope="prospects.read")
    body = await harness.exchange(code)
    assert set(body) == {
        "access_token",
        "token_type",
        "expires_in",
        "refresh_token",
        "scope",
        "created_at",
    }
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == 7200
    assert body["scope"] == "prospects.read"
    assert body["created_at"] == int(START)
    assert await harness.api(body["access_token"]) == (
        200,
        "application/json",
        {"user": 7, "principal": 7},
    )
    assert harness.state.counts.codes_exchanged == 1
    assert harness.state.live_refresh_tokens(7) == {body["refresh_token"]}


async def test_access_token_expires_after_its_lifetime(harness: Harness) -> None:
    body = await harness.exchange(harness.state.issue_code())
    harness.clock.now = START + 7199
    assert (await harness.api(body["access_token"]))[0] == 200
    harness.clock.now = START + 7200
    status, _, error = await harness.api(body["access_token"])
    assert status == 401
    assert error["error"] == "Invalid JWT token."
    assert "expired" in error["description"]
    assert (await harness.api(DEFAULT_TOKEN))[0] == 200


async def test_ttl_setting_is_read_when_a_token_is_issued(harness: Harness) -> None:
    harness.settings.oauth.access_token_ttl = 30
    body = await harness.exchange(harness.state.issue_code())
    assert body["expires_in"] == 30
    harness.clock.now = START + 30
    assert (await harness.api(body["access_token"]))[0] == 401


async def test_code_works_once(harness: Harness) -> None:
    code = harness.state.issue_code()
    await harness.exchange(code)
    harness.clock.now += 61
    status, content_type, text = await harness.token(
        grant_type="authorization_code", code=code, **harness.client()
    )
    assert (status, content_type) == (400, "application/json")
    assert json.loads(text)["error"] == "invalid_grant"
    assert "error_description" in json.loads(text)


async def test_code_bound_to_its_redirect_uri_and_lifetime(harness: Harness) -> None:
    code = harness.state.issue_code()
    status, _, text = await harness.token(
        grant_type="authorization_code",
        code=code,
        redirect_uri="http://elsewhere/cb",
        **harness.client(),
    )
    assert status == 400
    assert json.loads(text)["error"] == "invalid_grant"
    harness.clock.now += 601
    status, _, text = await harness.token(
        grant_type="authorization_code", code=code, **harness.client()
    )
    assert status == 400
    assert json.loads(text)["error"] == "invalid_grant"


async def test_refresh_rotates_and_the_old_token_dies_at_once(harness: Harness) -> None:
    first = await harness.exchange(harness.state.issue_code())
    harness.clock.now += 60
    status, _, text = await harness.refresh(first["refresh_token"])
    assert status == 200
    second = json.loads(text)
    assert second["refresh_token"] != first["refresh_token"]
    assert second["access_token"] != first["access_token"]
    assert harness.state.live_refresh_tokens() == {second["refresh_token"]}
    harness.clock.now += 60
    status, _, text = await harness.refresh(first["refresh_token"])
    assert status == 400
    assert json.loads(text)["error"] == "invalid_grant"
    assert harness.state.counts.refreshes == 1
    assert harness.state.counts.invalid_grants == 1
    assert (await harness.api(second["access_token"]))[0] == 200


@pytest.mark.parametrize("use", ["access token", "refresh token"])
async def test_revoke_on_use_keeps_the_old_refresh_token_until_the_new_pair_is_used(
    harness: Harness, use: str
) -> None:
    harness.settings.oauth.revoke_refresh_token_on_use = True
    first = await harness.exchange(harness.state.issue_code())
    harness.clock.now += 60
    second = json.loads((await harness.refresh(first["refresh_token"]))[2])
    assert harness.state.live_refresh_tokens() == {
        first["refresh_token"],
        second["refresh_token"],
    }
    harness.clock.now += 60
    if use == "access token":
        assert (await harness.api(second["access_token"]))[0] == 200
    else:
        assert (await harness.refresh(second["refresh_token"]))[0] == 200
    assert first["refresh_token"] not in harness.state.live_refresh_tokens()
    harness.clock.now += 60
    status, _, text = await harness.refresh(first["refresh_token"])
    assert (status, json.loads(text)["error"]) == (400, "invalid_grant")


async def test_one_new_token_per_user_per_minute(harness: Harness) -> None:
    first = await harness.exchange(harness.state.issue_code())
    harness.clock.now += 59.5
    status, content_type, text = await harness.refresh(first["refresh_token"])
    assert (status, content_type, text) == (429, "text/plain", "Retry later")
    assert harness.state.counts.throttled == 1
    # The throttled refresh token is still good once the minute is over.
    harness.clock.now += 0.5
    status, _, _ = await harness.refresh(first["refresh_token"])
    assert status == 200
    # Another user is not held back by user 1's refresh.
    other = await harness.exchange(harness.state.issue_code(user_id=2))
    assert other["access_token"]


async def test_concurrent_refreshes_of_one_token_yield_exactly_one_winner(
    harness: Harness,
) -> None:
    harness.settings.oauth.min_refresh_interval = 0
    tokens = harness.state.grant()
    results = await asyncio.gather(*(harness.refresh(tokens.refresh_token) for _ in range(10)))
    statuses = sorted(status for status, _, _ in results)
    assert statuses == [200] + [400] * 9
    assert harness.state.counts.refreshes == 1


async def test_expire_access_tokens_on_demand(harness: Harness) -> None:
    one = harness.state.grant(user_id=1)
    two = harness.state.grant(user_id=2)
    assert harness.state.expire_access_tokens(user_id=1) == 1
    assert (await harness.api(one.access_token))[0] == 401
    assert (await harness.api(two.access_token))[0] == 200
    assert harness.state.expire_access_tokens() == 1
    assert (await harness.api(two.access_token))[0] == 401
    assert harness.state.live_access_tokens() == frozenset()
    assert (await harness.api(DEFAULT_TOKEN))[0] == 200
    # Refresh tokens survive; a refresh brings a working access token.
    status, _, text = await harness.refresh(one.refresh_token)
    assert status == 200
    assert (await harness.api(json.loads(text)["access_token"]))[0] == 200


async def test_refresh_tokens_expire(harness: Harness) -> None:
    tokens = harness.state.grant()
    harness.clock.now += harness.settings.oauth.refresh_token_ttl
    assert harness.state.live_refresh_tokens() == frozenset()
    assert (await harness.refresh(tokens.refresh_token))[0] == 400


async def test_at_most_100_live_refresh_tokens_per_user(harness: Harness) -> None:
    issued = []
    for _ in range(MAX_LIVE_REFRESH_TOKENS + 2):
        harness.clock.now += 1
        issued.append(harness.state.grant().refresh_token)
    assert harness.state.live_refresh_tokens() == set(issued[2:])


async def test_json_body_and_basic_client_auth_are_accepted(harness: Harness) -> None:
    code = harness.state.issue_code()
    oauth = harness.settings.oauth
    basic = base64.b64encode(f"{oauth.client_id}:{oauth.client_secret}".encode()).decode()
    async with harness.session.post(
        harness.url("/oauth/token"),
        json={"grant_type": "authorization_code", "code": code},
        headers={"Authorization": f"Basic {basic}"},
    ) as response:
        assert response.status == 200
        assert (await response.json())["token_type"] == "bearer"


@pytest.mark.parametrize(
    ("client", "expected"),
    [
        ({"client_id": "fake-client-id", "client_secret": "wrong"}, "invalid_client"),
        ({"client_id": "other", "client_secret": "fake-client-secret"}, "invalid_client"),
        ({}, "invalid_client"),
    ],
)
async def test_wrong_client_credentials(
    harness: Harness, client: dict[str, str], expected: str
) -> None:
    code = harness.state.issue_code()
    status, _, text = await harness.token(grant_type="authorization_code", code=code, **client)
    assert status == 401
    assert json.loads(text)["error"] == expected
    assert harness.state.counts.invalid_clients == 1
    # The code was not spent by the failed attempt.
    assert (await harness.exchange(code))["access_token"]


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ({"grant_type": "password"}, "unsupported_grant_type"),
        ({}, "invalid_request"),
        ({"grant_type": "refresh_token"}, "invalid_request"),
        ({"grant_type": "authorization_code"}, "invalid_request"),
    ],
)
async def test_malformed_token_requests(
    harness: Harness, form: dict[str, str], expected: str
) -> None:
    status, _, text = await harness.token(**form, **harness.client())
    assert status == 400
    assert json.loads(text)["error"] == expected


async def test_authorize_redirects_with_a_code_and_the_state(harness: Harness) -> None:
    oauth = harness.settings.oauth
    query = {
        "client_id": oauth.client_id,
        "redirect_uri": oauth.redirect_uri,
        "response_type": "code",
        "scope": "prospects.all",
        "state": "xyz",
        "user_id": "3",
    }
    async with harness.session.get(
        harness.url("/oauth/authorize").with_query(query), allow_redirects=False
    ) as response:
        assert response.status == 302
        location = URL(response.headers["Location"])
    assert str(location.with_query(None)) == oauth.redirect_uri
    assert location.query["state"] == "xyz"
    body = await harness.exchange(location.query["code"])
    assert body["scope"] == "prospects.all"
    assert (await harness.api(body["access_token"]))[2]["user"] == 3


async def test_authorize_refuses_unknown_clients(harness: Harness) -> None:
    query = {"client_id": "nope", "redirect_uri": harness.settings.oauth.redirect_uri}
    async with harness.session.get(
        harness.url("/oauth/authorize").with_query(query), allow_redirects=False
    ) as response:
        assert response.status == 400


def test_reprs_hold_no_secrets() -> None:
    settings = FakeSettings(clock=FakeClock(START))
    state = OAuthState(settings)
    tokens = state.grant()
    code = state.issue_code()
    texts = [repr(state), repr(tokens), repr(settings), repr(settings.oauth)]
    secrets_ = [
        tokens.access_token,
        tokens.refresh_token,
        code,
        settings.token,
        settings.oauth.client_secret,
    ]
    for text in texts:
        for secret in secrets_:
            assert secret not in text


# -- server-to-server ------------------------------------------------------------------------


def _probable_prime(bits: int, rng: random.Random) -> int:
    while True:
        candidate = rng.getrandbits(bits) | (1 << (bits - 1)) | 1
        if all(candidate % p for p in (3, 5, 7, 11, 13, 17, 19, 23, 29, 31)) and all(
            pow(rng.randrange(2, candidate - 1), candidate - 1, candidate) == 1 for _ in range(20)
        ):
            return candidate


def _rsa_key(seed: int) -> tuple[int, int, int]:
    """A deterministic 1024-bit RSA key (n, e, d), good enough to exercise RS256."""
    rng = random.Random(seed)
    e = 65537
    while True:
        p, q = _probable_prime(512, rng), _probable_prime(512, rng)
        phi = (p - 1) * (q - 1)
        if p != q and phi % e:
            return p * q, e, pow(e, -1, phi)


def _der(tag: int, value: bytes) -> bytes:
    length = len(value)
    if length < 0x80:
        return bytes([tag, length]) + value
    size = (length.bit_length() + 7) // 8
    return bytes([tag, 0x80 | size]) + length.to_bytes(size, "big") + value


def _der_int(value: int) -> bytes:
    return _der(0x02, value.to_bytes(value.bit_length() // 8 + 1, "big"))


def _pem(label: str, der: bytes) -> str:
    body = base64.b64encode(der).decode()
    lines = [body[i : i + 64] for i in range(0, len(body), 64)]
    return "\n".join([f"-----BEGIN {label}-----", *lines, f"-----END {label}-----", ""])


def _public_pems(n: int, e: int) -> tuple[str, str]:
    """The key as `PUBLIC KEY` (SubjectPublicKeyInfo) and `RSA PUBLIC KEY` (PKCS#1)."""
    pkcs1 = _der(0x30, _der_int(n) + _der_int(e))
    algorithm = _der(0x30, _der(0x06, bytes.fromhex("2a864886f70d010101")) + _der(0x05, b""))
    spki = _der(0x30, algorithm + _der(0x03, b"\x00" + pkcs1))
    return _pem("PUBLIC KEY", spki), _pem("RSA PUBLIC KEY", pkcs1)


def _app_token(claims: dict[str, Any], key: tuple[int, int, int] | None = None) -> str:
    header = {"alg": "RS256" if key else "none", "typ": "JWT"}
    signing_input = ".".join(
        _jwt.b64url_encode(json.dumps(part).encode()) for part in (header, claims)
    )
    signature = b""
    if key is not None:
        n, _, d = key
        size = (n.bit_length() + 7) // 8
        encoded = _jwt.pkcs1_v15_sha256_encoding(signing_input.encode(), size)
        signature = pow(int.from_bytes(encoded, "big"), d, n).to_bytes(size, "big")
    return f"{signing_input}.{_jwt.b64url_encode(signature)}"


@pytest.fixture(scope="module")
def rsa_key() -> tuple[int, int, int]:
    return _rsa_key(seed=20240101)


async def s2s(harness: Harness, app_token: str, install: str = "7") -> tuple[int, Any]:
    async with harness.session.post(
        harness.url(f"/api/app/installs/{install}/actions/accessToken"),
        headers={"Authorization": f"Bearer {app_token}"},
    ) as response:
        return response.status, await response.json()


def claims(harness: Harness, **overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "iss": harness.settings.oauth.s2s_app_id,
        "iat": int(START),
        "exp": int(START) + 3600,
    }
    return base | overrides


async def test_s2s_token_without_configured_key_checks_claims_only(harness: Harness) -> None:
    status, body = await s2s(harness, _app_token(claims(harness)))
    assert status == 200
    assert body["data"]["type"] == "install"
    assert body["data"]["id"] == 7
    token = body["data"]["meta"]["accessToken"]
    assert await harness.api(token) == (
        200,
        "application/json",
        {"user": None, "principal": "install:7"},
    )
    harness.clock.now = START + 3600
    assert (await harness.api(token))[0] == 401
    assert harness.state.counts.s2s_tokens == 1


@pytest.mark.parametrize(
    "overrides",
    [{"iss": "another-app"}, {"exp": int(START)}, {"exp": "soon"}, {"iss": None}],
)
async def test_s2s_rejects_wrong_issuer_and_expired_tokens(
    harness: Harness, overrides: dict[str, Any]
) -> None:
    status, body = await s2s(harness, _app_token(claims(harness, **overrides)))
    assert status == 401
    assert body["error"] == "Invalid JWT token."


@pytest.mark.parametrize("app_token", ["", "not-a-jwt", "a.b.c", "e30.W10.x"])
async def test_s2s_rejects_malformed_tokens(harness: Harness, app_token: str) -> None:
    status, body = await s2s(harness, app_token)
    assert status == 401
    assert body["error"] == "Invalid JWT token."


@pytest.mark.parametrize("form", [0, 1])
async def test_s2s_verifies_rs256_when_a_public_key_is_set(
    harness: Harness, rsa_key: tuple[int, int, int], form: int
) -> None:
    n, e, _ = rsa_key
    harness.settings.oauth.s2s_public_key = _public_pems(n, e)[form]
    signed = _app_token(claims(harness), rsa_key)
    status, body = await s2s(harness, signed)
    assert status == 200, body
    # Same claims, unsigned or with a tampered payload: refused.
    assert (await s2s(harness, _app_token(claims(harness))))[0] == 401
    header, _, signature = signed.split(".")
    forged_claims = claims(harness, exp=int(START) + 7200)
    forged = f"{header}.{_jwt.b64url_encode(json.dumps(forged_claims).encode())}.{signature}"
    status, body = await s2s(harness, forged)
    assert status == 401
    assert "signature" in body["description"]


def test_jwt_key_loading_rejects_garbage() -> None:
    for pem in ["", "hello", "-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----"]:
        with pytest.raises(_jwt.JWTError):
            _jwt.load_rsa_public_key(pem)


def test_rs256_round_trip_with_the_module_helpers(rsa_key: tuple[int, int, int]) -> None:
    n, e, _ = rsa_key
    spki, pkcs1 = _public_pems(n, e)
    assert _jwt.load_rsa_public_key(spki) == (n, e)
    assert _jwt.load_rsa_public_key(pkcs1) == (n, e)
    token = _app_token({"iss": "x", "exp": time.time() + 60}, rsa_key)
    assert _jwt.decode(token, public_key_pem=spki)["iss"] == "x"
    wrong = _rsa_key(seed=1)
    with pytest.raises(_jwt.JWTError):
        _jwt.decode(token, public_key_pem=_public_pems(wrong[0], wrong[1])[0])
