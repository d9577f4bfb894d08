"""OUTREACH_ACCESS_TOKEN, OUTREACH_BASE_URL and OUTREACH_LOG, and the library's quiet logger."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from outreach_async import AuthError, OutreachClient

from .conftest import BASE, RecordingMock

ENV_URL = "http://127.0.0.1:8089/api/v2"


def _document() -> dict[str, object]:
    return {"data": {"type": "prospect", "id": 1, "attributes": {"firstName": "Sally"}}}


async def test_a_client_without_arguments_reads_the_token_and_base_url(
    mocked: RecordingMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OUTREACH_ACCESS_TOKEN", "token-from-env")
    monkeypatch.setenv("OUTREACH_BASE_URL", ENV_URL)
    mocked.get(f"{ENV_URL}/prospects/1", payload=_document())
    async with OutreachClient() as client:
        prospect = await client.resource("prospect").get(1)
    assert prospect["firstName"] == "Sally"
    (call,) = mocked.calls()
    assert call.kwargs["headers"]["Authorization"] == "Bearer token-from-env"


async def test_arguments_win_over_the_environment(
    mocked: RecordingMock, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OUTREACH_ACCESS_TOKEN", "token-from-env")
    monkeypatch.setenv("OUTREACH_BASE_URL", ENV_URL)
    mocked.get(f"{BASE}/prospects/1", payload=_document())
    async with OutreachClient("explicit", base_url=BASE) as client:
        await client.resource("prospect").get(1)
    (call,) = mocked.calls()
    assert call.kwargs["headers"]["Authorization"] == "Bearer explicit"


def test_no_token_anywhere_is_an_auth_error_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("OUTREACH_ACCESS_TOKEN", raising=False)
    with pytest.raises(AuthError, match="OUTREACH_ACCESS_TOKEN"):
        OutreachClient()


def _warn_and_debug(log: str | None) -> str:
    """What a program that configures no logging prints when the library logs."""
    code = (
        "import outreach_async.webhooks as webhooks\n"
        "webhooks.logger.warning('webhook refused: the signature does not match')\n"
        "webhooks.logger.debug('GET /prospects -> 200')\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "OUTREACH_LOG"}
    if log is not None:
        env["OUTREACH_LOG"] = log
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    return done.stderr


def test_the_library_prints_nothing_unless_asked() -> None:
    assert _warn_and_debug(None) == ""


def test_outreach_log_info_prints_warnings_and_info_only() -> None:
    printed = _warn_and_debug("info")
    assert "webhook refused" in printed
    assert "GET /prospects" not in printed


def test_outreach_log_debug_prints_debug_records() -> None:
    printed = _warn_and_debug("DEBUG")
    assert "webhook refused" in printed and "GET /prospects -> 200" in printed


def test_an_unknown_outreach_log_value_is_a_warning_naming_the_choices() -> None:
    printed = _warn_and_debug("verbose")
    assert "OUTREACH_LOG='verbose'" in printed and "debug or info" in printed
