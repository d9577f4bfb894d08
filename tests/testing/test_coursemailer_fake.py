"""The fake course mailer on its own: seeded data, exact date conversions, its refusals."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import aiohttp
import pytest

from outreach_async.testing.coursemailer import (
    CourseMailerSettings,
    FakeCourseMailer,
    FaultSettings,
    MailerStore,
    RateLimitSettings,
    converted_dates,
)


@pytest.fixture
async def served() -> AsyncIterator[tuple[FakeCourseMailer, aiohttp.ClientSession]]:
    async with FakeCourseMailer() as server, aiohttp.ClientSession(server.url) as http:
        yield server, http


def test_new_start_date_moves_the_earliest_email_and_keeps_every_offset() -> None:
    dates = ["2013-03-05 09:00", None, "2013-03-01 08:30", "2013-04-01 23:59"]
    moved = converted_dates(dates, "new-start-date", datetime(2013, 12, 31, 22, 0))
    assert moved == ["2014-01-04 22:30", None, "2013-12-31 22:00", "2014-02-01 13:29"]
    assert converted_dates(dates, "none", None) == dates
    assert converted_dates(dates, "delete", None) == [None] * 4
    assert converted_dates([None], "new-start-date", datetime(2020, 1, 1)) == [None]


def test_seeded_data_follows_the_seed() -> None:
    def emails(seed: int) -> list[Any]:
        store = MailerStore(CourseMailerSettings(seed=seed))
        return [store.sequences[n].emails for n in store.sequences]

    assert emails(7) == emails(7)
    assert emails(7) != emails(8)
    store = MailerStore(CourseMailerSettings(sequences=2, users_per_sequence=1))
    assert [len(s.users) for s in store.sequences.values()] == [1, 1]
    for sequence in store.sequences.values():
        dates = [email["date"] for email in sequence.emails.values()]
        assert dates == sorted(dates) and len(set(dates)) == len(dates)


async def test_an_answer_carries_rate_limit_headers_and_429s_past_the_limit(
    served: tuple[FakeCourseMailer, aiohttp.ClientSession],
) -> None:
    server, http = served
    server.settings.rate_limit = RateLimitSettings(limit=2, window=60)
    statuses = []
    for _ in range(3):
        async with http.get("/sequences") as answer:
            statuses.append(answer.status)
            remaining = answer.headers["X-RateLimit-Remaining"]
    assert statuses == [200, 200, 429] and remaining == "0"
    assert server.protections.rate_limiter.usage(1).rejected == 1


async def test_faults_are_injected_on_every_path(
    served: tuple[FakeCourseMailer, aiohttp.ClientSession],
) -> None:
    server, http = served
    server.settings.faults = FaultSettings(error_rate=1.0, error_statuses=(503,))
    async with http.post("/sequences") as answer:
        assert answer.status == 503
    assert list(server.store.sequences) == [1, 2, 3], "the faulted write did not happen"
    assert server.requests.by_fault["error"] == 1


@pytest.mark.parametrize(
    ("body", "status", "error"),
    [
        ({"duplicate-to-sequence-id": 2}, 400, "date-conversion: expected one of"),
        ({"duplicate-to-sequence-id": 2, "date-conversion": "new-start-date"}, 400, "new-start"),
        (
            {
                "duplicate-to-sequence-id": 2,
                "date-conversion": "new-start-date",
                "new-start-date": "2013-03-14T09:30",
            },
            400,
            "new-start-date: expected a date as YYYY-MM-DD HH:MM",
        ),
        (
            {
                "duplicate-to-sequence-id": 2,
                "date-conversion": "none",
                "new-start-date": "2013-03-14 09:30",
            },
            400,
            "new-start-date: only valid",
        ),
        ({"duplicate_to_sequence_id": 2, "date-conversion": "none"}, 400, "duplicate-to-sequence"),
        ({"duplicate-to-sequence-id": 9, "date-conversion": "none"}, 404, "no sequence 9"),
    ],
)
async def test_duplicate_emails_refuses_what_the_document_does_not_allow(
    served: tuple[FakeCourseMailer, aiohttp.ClientSession],
    body: dict[str, Any],
    status: int,
    error: str,
) -> None:
    server, http = served
    async with http.post("/sequences/1/duplicate-emails", json=body) as answer:
        assert answer.status == status
        assert error in (await answer.json())["description"]
    assert len(server.store.sequences[2].emails) == 5


async def test_a_body_that_is_not_json_is_refused_with_415(
    served: tuple[FakeCourseMailer, aiohttp.ClientSession],
) -> None:
    _, http = served
    headers = {"Content-Type": "application/vnd.api+json"}
    async with http.post("/sequences/1/users", data=b'{"name": "x"}', headers=headers) as answer:
        assert answer.status == 415
        assert (await answer.json())["error"] == "unsupported-media-type"


async def test_unknown_routes_and_methods_answer_in_plain_text(
    served: tuple[FakeCourseMailer, aiohttp.ClientSession],
) -> None:
    _, http = served
    async with http.get("/sequences/first") as answer:
        assert (answer.status, answer.content_type) == (404, "text/plain")
    async with http.patch("/sequences/1") as answer:
        assert (answer.status, answer.content_type) == (405, "text/plain")
