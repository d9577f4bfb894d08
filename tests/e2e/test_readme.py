"""The README's quickstart runs against the fake server as written, so the docs cannot rot."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import pytest

import outreach_async
import outreach_async.coursemailer
from outreach_async import Auth, OutreachClient
from outreach_async.coursemailer import CourseMailerClient
from outreach_async.testing import FakeCourseMailer, FakeOutreach

README = Path(__file__).resolve().parents[2] / "README.md"
COURSE_MAILER_GUIDE = README.parent / "docs" / "guides" / "coursemailer.md"


def first_python_block(text: str) -> str:
    match = re.search(r"^```python\n(.*?)^```", text, re.DOTALL | re.MULTILINE)
    assert match, "README.md has no python block"
    return match.group(1)


def redirected_client(server: FakeOutreach) -> type[OutreachClient]:
    """`OutreachClient` as the README uses it, sent to the fake server instead."""

    class Redirected(OutreachClient):
        def __init__(self, auth: str | Auth, **options: Any) -> None:
            assert auth == "ACCESS_TOKEN", "the quickstart's placeholder token"
            options["base_url"] = server.api_url
            super().__init__(server.token, **options)

    return Redirected


async def test_the_quickstart_runs_against_the_fake_server(
    fake_outreach: FakeOutreach,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code = first_python_block(README.read_text())
    assert 'OutreachClient("ACCESS_TOKEN")' in code and "asyncio.run(main())" in code
    monkeypatch.setattr(outreach_async, "OutreachClient", redirected_client(fake_outreach))
    # The quickstart starts its own event loop, so it runs in a thread of its own.
    await asyncio.to_thread(exec, compile(code, str(README), "exec"), {"__name__": "quickstart"})

    lines = capsys.readouterr().out.splitlines()
    store = fake_outreach.store
    created = store.get("prospect", max(store.ids("prospect")))
    assert created is not None and created.attributes["firstName"] == "Sally"
    assert created.to_one("account") == ("account", 1)
    assert lines[0].startswith("Sally Resource(type='account', id=1, ")
    recent = [
        r.id
        for r in store.records("prospect", store.ids("prospect"))
        if r.attributes["updatedAt"] >= "2024-01-01"
    ]
    assert created.id in recent
    assert [int(line.split()[0]) for line in lines[1:-2]] == recent
    assert lines[-2].startswith("404 NotFound from GET http://127.0.0.1:")
    assert lines[-2].endswith("/api/v2/prospects/999999")
    assert lines[-1] == (
        "  - resourceNotFound [Resource Not Found]: Could not find 'prospect' with ID '999999'."
    )


def redirected_mailer(server: FakeCourseMailer) -> type[CourseMailerClient]:
    """`CourseMailerClient` as the README uses it, sent to the fake course mailer instead."""

    class Redirected(CourseMailerClient):
        def __init__(self, base_url: str, *args: Any, **options: Any) -> None:
            assert base_url == "https://mailer.example.com", "the example's placeholder URL"
            super().__init__(server.url, *args, **options)

    return Redirected


async def test_the_course_mailer_example_runs_against_the_fake_server(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code = first_python_block(COURSE_MAILER_GUIDE.read_text())
    assert "DateConversion.NEW_START_DATE" in code and "asyncio.run(main())" in code
    async with FakeCourseMailer() as server:
        monkeypatch.setattr(
            outreach_async.coursemailer, "CourseMailerClient", redirected_mailer(server)
        )
        await asyncio.to_thread(
            exec, compile(code, str(COURSE_MAILER_GUIDE), "exec"), {"__name__": "mailer"}
        )
        copied = server.store.sequences[4].emails
        source = server.store.sequences[1].emails

    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "3 sequences"
    first = min(email["date"] for email in source.values())
    assert first != "2013-03-14 09:30"
    listed = [line.split(" ", 3) for line in lines[1:-2]]
    assert [int(parts[0]) for parts in listed] == sorted(copied)[:-1]
    assert len(listed) == len(source)
    assert listed[0][1:] == ["2013-03-14", "09:30:00", "Lesson 1: Welcome"]
    assert lines[-2] == f"{max(copied)} None Bonus lesson"
    assert lines[-1] == "not-found: no user 1 in sequence 4"
