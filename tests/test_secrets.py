"""No token, refresh token, client secret, JWT or private key in any log, repr, str or error.

One full session at DEBUG on every logger (aiohttp's and asyncio's included): the authorize
URL, a code exchange, requests, a server-side expiry answered with 401, a refresh ahead of
expiry, a `Retry later` waited out, a failed save, dead grants, a bad client secret, S2S
minting with a good and a bad key, and API errors. Then every captured byte, and the repr,
str and formatted traceback of every object and error involved, is searched for each secret.
"""

from __future__ import annotations

import asyncio
import logging
import pickle
import secrets
import traceback
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from outreach_async import (
    FileTokenStore,
    NotFound,
    OAuth2Auth,
    OAuthApp,
    OutreachError,
    ServerToServerAuth,
    TokenPair,
)
from outreach_async.testing import FakeOutreach, FakeSettings

from .conftest import FakeClock

CLIENT_SECRET = secrets.token_urlsafe(24)
WRONG_SECRET = secrets.token_urlsafe(24)
STATIC_TOKEN = secrets.token_urlsafe(24)
#: Every run of this many characters of a secret counts as a leak of it.
WINDOW = 10
LOGGERS = ["", "outreach_async", "aiohttp", "aiohttp.client", "aiohttp.server", "asyncio"]


class Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.setFormatter(logging.Formatter("%(name)s %(levelname)s %(message)s"))
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))
        self.lines.append(repr(record.args))
        self.lines.append(repr(record.__dict__))


@pytest.fixture
def captured() -> Iterator[Capture]:
    handler = Capture()
    loggers = [logging.getLogger(name) for name in LOGGERS]
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.DEBUG)
    logging.getLogger().addHandler(handler)
    try:
        yield handler
    finally:
        logging.getLogger().removeHandler(handler)
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)


class RecordingS2S(ServerToServerAuth):
    """Keeps every app token it signs, to look for them afterwards."""

    signed: list[str] = []

    def app_token(self) -> str:
        token = super().app_token()
        self.signed.append(token)
        return token


class FailingOnce(FileTokenStore):
    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.fail = False

    async def save(self, pair: TokenPair) -> None:
        if self.fail:
            self.fail = False
            raise OSError("simulated disk failure")
        await super().save(pair)


def pem(key: rsa.RSAPrivateKey) -> str:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


async def test_no_secret_leaks_from_a_full_session(
    captured: Capture, clock: FakeClock, tmp_path: Path
) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    settings = FakeSettings(clock=clock, token=STATIC_TOKEN)
    settings.oauth.client_secret = CLIENT_SECRET
    settings.oauth.s2s_public_key = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    pairs: list[TokenPair] = []
    codes: list[str] = []
    errors: list[BaseException] = []
    shown: list[object] = []

    async def expect_error(awaitable: object) -> None:
        with pytest.raises(OutreachError) as caught:
            await awaitable  # type: ignore[misc]
        errors.append(caught.value)

    async with FakeOutreach(settings=settings) as server:
        app = server.oauth_app()
        shown.append(app.authorization_url("prospects.all", state="state-1"))
        codes.append(server.oauth.issue_code())
        pair = await app.exchange_code(codes[-1], clock=clock, sleep=clock.sleep)
        pairs.append(pair)
        store = FailingOnce(tmp_path / "tokens.json")
        await store.save(pair)
        auth = OAuth2Auth(app, store=store, on_refresh=pairs.append)
        async with server.client(auth=auth, clock=clock, sleep=clock.sleep) as client:
            await client.resource("prospect").get(1)
            server.oauth.expire_access_tokens()  # 401, refresh after a `Retry later`
            await asyncio.gather(*(client.resource("prospect").get(n) for n in range(1, 6)))
            clock.now += 7200  # refreshed ahead of expiry, but the save fails once
            store.fail = True
            await expect_error(client.resource("prospect").get(1))
            await client.resource("prospect").get(1)
            await expect_error(client.resource("prospect").get(99_999))
            shown.extend([client, client.session, auth, app, store, pairs[-1]])
            shown.append(await store.load())

        # dead grants, a wrong client secret
        await expect_error(app.refresh(pairs[0].refresh_token, clock=clock, sleep=clock.sleep))
        await expect_error(app.exchange_code(codes[0], clock=clock, sleep=clock.sleep))
        wrong = OAuthApp(app.client_id, WRONG_SECRET, app.redirect_uri, base_url=server.url)
        await expect_error(wrong.refresh(pairs[-1].refresh_token, clock=clock))
        shown.append(wrong)

        # server-to-server, with the right key and with another one
        s2s = RecordingS2S(server.settings.oauth.s2s_app_id, pem(key), 42, base_url=server.url)
        async with server.client(auth=s2s, clock=clock, sleep=clock.sleep) as client:
            await client.resource("prospect").get(1)
            server.oauth.expire_access_tokens()
            await client.resource("prospect").get(2)
            shown.extend([s2s, client])
        other = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        bad = RecordingS2S("fake-s2s-guid", pem(other), 43, base_url=server.url)
        async with server.client(auth=bad, clock=clock, sleep=clock.sleep) as client:
            await expect_error(client.resource("prospect").get(1))
        shown.append(bad)

        oauth = server.oauth
        hidden = {
            CLIENT_SECRET,
            WRONG_SECRET,
            STATIC_TOKEN,
            *codes,
            *oauth.live_access_tokens(),
            *oauth.live_refresh_tokens(),
            *RecordingS2S.signed,
        }
        for each in pairs:
            hidden.update((each.access_token, each.refresh_token))
        for private in (pem(key), pem(other)):
            hidden.update(line for line in private.splitlines()[1:-1] if len(line) > 20)

    assert oauth.counts.refreshes == 2
    assert oauth.counts.throttled == 1
    assert oauth.counts.s2s_tokens == 2
    assert len(RecordingS2S.signed) == 3
    assert {type(error).__name__ for error in errors} == {
        "TokenPersistenceError",
        "NotFound",
        "TokenEndpointError",
    }
    assert any(isinstance(error, NotFound) for error in errors)
    assert any("refreshed the OAuth access token" in line for line in captured.lines)
    assert any("/oauth/token -> 429" in line for line in captured.lines)

    texts = list(captured.lines)
    for thing in [*shown, *errors]:
        texts.extend([repr(thing), str(thing)])
    for error in errors:
        texts.append("".join(traceback.format_exception(error)))
        texts.append(repr(pickle.loads(pickle.dumps(error)).__dict__))
        texts.append(repr(error.__dict__))
    blob = "\n".join(texts)
    assert len(hidden) > 15
    for secret in hidden:
        assert len(secret) >= 16
        for start in range(len(secret) - WINDOW + 1):
            piece = secret[start : start + WINDOW]
            assert piece not in blob, f"{WINDOW} characters of a secret leaked"
