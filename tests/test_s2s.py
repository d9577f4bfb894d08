"""Server-to-server tokens: an RS256 app token minted into install tokens, single-flight."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import AsyncIterator

import aiohttp
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from outreach_async import OutreachClient, ServerToServerAuth, TokenEndpointError
from outreach_async.testing import FakeOutreach, FakeSettings, _jwt

from .conftest import FakeClock, RecordingMock

APP_ID = "fake-s2s-guid"


def private_pem(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def public_pem(key: rsa.RSAPrivateKey) -> str:
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


@pytest.fixture(scope="module")
def key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture
async def server(clock: FakeClock, key: rsa.RSAPrivateKey) -> AsyncIterator[FakeOutreach]:
    settings = FakeSettings(clock=clock)
    settings.oauth.s2s_public_key = public_pem(key)
    async with FakeOutreach(settings=settings) as server:
        yield server


def s2s_client(
    server: FakeOutreach, clock: FakeClock, key: rsa.RSAPrivateKey, **options: object
) -> tuple[ServerToServerAuth, OutreachClient]:
    pem = private_pem(key)
    auth = ServerToServerAuth(APP_ID, pem, 42, base_url=server.url, **options)  # type: ignore[arg-type]
    return auth, server.client(auth=auth, clock=clock, sleep=clock.sleep)


async def test_requests_use_a_minted_install_token(
    server: FakeOutreach, clock: FakeClock, key: rsa.RSAPrivateKey
) -> None:
    _, client = s2s_client(server, clock, key)
    async with client:
        prospect = await client.resource("prospect").get(1)
        await client.resource("prospect").get(2)
    assert prospect.id == 1
    assert server.oauth.counts.s2s_tokens == 1
    assert server.oauth.counts.unauthorized == 0


async def test_the_app_token_is_an_rs256_jwt_with_the_documented_claims(
    server: FakeOutreach, clock: FakeClock, key: rsa.RSAPrivateKey
) -> None:
    auth, client = s2s_client(server, clock, key)
    async with client:
        token = auth.app_token()
    claims = _jwt.decode(token, public_key_pem=public_pem(key))
    assert claims == {"iss": APP_ID, "iat": int(clock()) - 60, "exp": int(clock()) + 600}


async def test_200_concurrent_requests_on_an_expired_install_token_mint_once(
    server: FakeOutreach, clock: FakeClock, key: rsa.RSAPrivateKey
) -> None:
    _, client = s2s_client(server, clock, key)
    async with client:
        await client.resource("prospect").get(1)
        server.oauth.expire_access_tokens()
        prospects = await asyncio.gather(
            *(client.resource("prospect").get(n % 50 + 1) for n in range(200))
        )
    assert [p.id for p in prospects] == [n % 50 + 1 for n in range(200)]
    assert server.oauth.counts.s2s_tokens == 2
    assert server.oauth.counts.unauthorized > 0


async def test_a_new_token_is_minted_ahead_of_expiry(
    server: FakeOutreach, clock: FakeClock, key: rsa.RSAPrivateKey
) -> None:
    _, client = s2s_client(server, clock, key, refresh_margin=300)
    async with client:
        await client.resource("prospect").get(1)
        clock.now += 3600 - 301
        await client.resource("prospect").get(1)
        assert server.oauth.counts.s2s_tokens == 1
        clock.now += 2
        await client.resource("prospect").get(1)
    assert server.oauth.counts.s2s_tokens == 2
    assert server.oauth.counts.unauthorized == 0


async def test_an_app_token_signed_with_another_key_is_refused(
    server: FakeOutreach, clock: FakeClock
) -> None:
    other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    _, client = s2s_client(server, clock, other)
    async with client:
        with pytest.raises(TokenEndpointError) as caught:
            await client.resource("prospect").get(1)
    error = caught.value
    assert (error.status, error.error) == (401, "Invalid JWT token.")
    assert error.description is not None and "signature" in error.description
    assert server.oauth.counts.s2s_tokens == 0
    assert server.requests.by_status[401] == 1  # refused once, not retried


async def test_an_unknown_app_is_refused(
    server: FakeOutreach, clock: FakeClock, key: rsa.RSAPrivateKey
) -> None:
    auth = ServerToServerAuth("someone-else", private_pem(key), 42, base_url=server.url)
    async with server.client(auth=auth, clock=clock, sleep=clock.sleep) as client:
        with pytest.raises(TokenEndpointError, match="issuer"):
            await client.resource("prospect").get(1)


S2S_URL = "https://api.outreach.io/api/app/installs/in%2Fst%20all/actions/accessToken"


async def test_minting_is_repeated_after_any_failure_since_it_changes_nothing(
    mocked: RecordingMock, clock: FakeClock, key: rsa.RSAPrivateKey
) -> None:
    mocked.post(S2S_URL, exception=aiohttp.ServerDisconnectedError())
    mocked.post(S2S_URL, status=500, body="oops")
    mocked.post(S2S_URL, payload={"data": {"type": "install", "meta": {"accessToken": "tok-1"}}})
    auth = ServerToServerAuth(APP_ID, private_pem(key), "in/st all", clock=clock, sleep=clock.sleep)
    try:
        assert await auth.authorization() == "Bearer tok-1"
    finally:
        await auth.aclose()
    calls = mocked.calls()
    assert len(calls) == 3
    assert calls[0].kwargs["headers"]["Authorization"].startswith("Bearer ey")
    assert len(clock.sleeps) == 2


async def test_an_answer_without_a_token_is_an_error(
    mocked: RecordingMock, clock: FakeClock, key: rsa.RSAPrivateKey
) -> None:
    mocked.post(
        "https://api.outreach.io/api/app/installs/7/actions/accessToken",
        payload={"data": {"type": "install", "id": 7, "meta": {}}},
    )
    auth = ServerToServerAuth(APP_ID, private_pem(key), 7, clock=clock, sleep=clock.sleep)
    try:
        with pytest.raises(TokenEndpointError, match="accessToken"):
            await auth.authorization()
    finally:
        await auth.aclose()


def test_a_key_that_is_not_an_rsa_private_key_is_refused(key: rsa.RSAPrivateKey) -> None:
    ec_pem = private_pem(ec.generate_private_key(ec.SECP256R1()))
    with pytest.raises(ValueError, match="RSA") as caught:
        ServerToServerAuth(APP_ID, ec_pem, 1)
    assert ec_pem.splitlines()[1] not in str(caught.value)
    garbage = private_pem(key)[:200] + "\n-----END PRIVATE KEY-----\n"
    with pytest.raises(ValueError, match="private_key_pem") as caught:
        ServerToServerAuth(APP_ID, garbage, 1)
    assert garbage[40:120] not in str(caught.value)
    with pytest.raises(ValueError, match="private_key_pem"):
        ServerToServerAuth(APP_ID, public_pem(key), 1)


@pytest.mark.parametrize(
    ("app_id", "install_id", "error"),
    [("", 1, ValueError), ("guid", "", ValueError), ("guid", True, TypeError)],
)
def test_bad_identifiers_are_refused(
    key: rsa.RSAPrivateKey, app_id: str, install_id: object, error: type[Exception]
) -> None:
    with pytest.raises(error):
        ServerToServerAuth(app_id, private_pem(key), install_id)  # type: ignore[arg-type]


def test_the_package_imports_without_pyjwt_and_names_the_extra_when_needed() -> None:
    script = (
        "import sys\n"
        "sys.modules['jwt'] = None\n"
        "import outreach_async\n"
        "try:\n"
        "    outreach_async.ServerToServerAuth('guid', 'pem', 1)\n"
        "except ImportError as error:\n"
        "    print(error)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert "pip install 'outreach-async[s2s]'" in result.stdout
