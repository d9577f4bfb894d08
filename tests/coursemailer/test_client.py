"""`CourseMailerClient` against `FakeCourseMailer`: CRUD, duplicates, errors, retries."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest

from outreach_async import (
    ABSENT,
    ClientClosedError,
    Event,
    NotFound,
    RateLimitSnapshot,
    RequestStats,
    RetryPolicy,
    RetryScheduled,
    ServerError,
    TransportError,
    Unauthorized,
)
from outreach_async.coursemailer import CourseMailerClient, DateConversion, Email, User
from outreach_async.testing import FakeCourseMailer, FaultSettings, RateLimitSettings

from ..e2e.conftest import SharedClock
from .conftest import client_of, mailer_server

PATIENT = RetryPolicy(max_attempts=12)
FORMAT = "%Y-%m-%d %H:%M"


def stored_dates(server: FakeCourseMailer, sequence_id: int) -> list[datetime | None]:
    emails = server.store.sequences[sequence_id].emails
    return [
        None if email["date"] is None else datetime.strptime(email["date"], FORMAT)
        for _, email in sorted(emails.items())
    ]


async def test_sequences_are_counted_created_read_and_deleted(
    server: FakeCourseMailer, mailer: CourseMailerClient
) -> None:
    assert await mailer.sequences.count() == 3
    created = await mailer.sequences.create()
    assert created == 4 and await mailer.sequences.count() == 4
    sequence = await mailer.sequences.get(1)
    assert sequence.id == 1
    assert sequence.extra == {"total-users": 4, "total-emails": 5}
    await mailer.sequences.delete(created)
    assert created not in server.store.sequences
    with pytest.raises(NotFound, match="no sequence 4"):
        await mailer.sequences.get(created)
    with pytest.raises(NotFound):
        await mailer.sequences.delete(created)
    assert await mailer.sequences.create() == 5, "ids keep counting up"


async def test_users_of_a_sequence_round_trip(
    server: FakeCourseMailer, mailer: CourseMailerClient
) -> None:
    seeded = await mailer.users.list(2)
    assert [user.id for user in seeded] == sorted(server.store.sequences[2].users)
    assert all(isinstance(user.name, str) and "@" in str(user.email) for user in seeded)

    made = await mailer.users.create(2, User(name="Ada Lovelace", email="ada@example.com"))
    also = await mailer.users.create(2, {"name": "Alan", "user_id": 999, "team_name": "logic"})
    ada = await mailer.users.get(2, made)
    assert (ada.id, ada.name, ada.email, ada.extra) == (made, "Ada Lovelace", "ada@example.com", {})
    alan = await mailer.users.get(2, also)
    assert also != 999 and alan.email is ABSENT and alan.extra == {"team_name": "logic"}

    await mailer.users.update(2, made, User(name="Augusta Ada King"))
    updated = await mailer.users.get(2, made)
    assert (updated.name, updated.email) == ("Augusta Ada King", "ada@example.com")
    await mailer.users.update(2, made, {"email": None})
    assert (await mailer.users.get(2, made)).email is None

    await mailer.users.delete(2, made)
    assert made not in server.store.sequences[2].users
    with pytest.raises(NotFound, match=f"no user {made} in sequence 2"):
        await mailer.users.get(2, made)
    with pytest.raises(NotFound):
        await mailer.users.update(2, made, User(name="gone"))
    assert [user.id for user in await mailer.users.list(2)] == [*[u.id for u in seeded], also]


async def test_emails_of_a_sequence_round_trip_with_their_dates(
    server: FakeCourseMailer, mailer: CourseMailerClient
) -> None:
    target = await mailer.sequences.create()
    assert await mailer.emails.list(target) == []
    when = datetime(2013, 3, 14, 9, 30)
    first = await mailer.emails.create(target, Email(subject="Hi", body="Welcome", date=when))
    second = await mailer.emails.create(target, {"subject": "Later", "date": None})
    assert server.store.sequences[target].emails[first]["date"] == "2013-03-14 09:30"

    listed = await mailer.emails.list(target)
    assert [(e.id, e.subject, e.date) for e in listed] == [
        (first, "Hi", when),
        (second, "Later", None),
    ]
    assert listed[1].body is ABSENT

    await mailer.emails.update(target, first, Email(date=when + timedelta(days=1)))
    changed = await mailer.emails.get(target, first)
    assert (changed.subject, changed.date) == ("Hi", datetime(2013, 3, 15, 9, 30))

    await mailer.emails.delete(target, second)
    with pytest.raises(NotFound):
        await mailer.emails.delete(target, second)
    assert list(server.store.sequences[target].emails) == [first]


async def test_duplicating_with_no_conversion_copies_the_dates(
    server: FakeCourseMailer, mailer: CourseMailerClient
) -> None:
    target = await mailer.sequences.create()
    await mailer.duplicate_emails(1, to=target, date_conversion=DateConversion.NONE)
    source = await mailer.emails.list(1)
    copies = await mailer.emails.list(target)
    assert [(e.subject, e.body, e.date, e.extra) for e in copies] == [
        (e.subject, e.body, e.date, e.extra) for e in source
    ]
    assert not {e.id for e in copies} & {e.id for e in source}, "copies get new ids"
    assert stored_dates(server, target) == stored_dates(server, 1)


async def test_duplicating_to_a_new_start_date_keeps_every_offset(
    server: FakeCourseMailer, mailer: CourseMailerClient
) -> None:
    target = await mailer.sequences.create()
    start = datetime(2014, 1, 6, 8, 15)
    await mailer.duplicate_emails(
        2, to=target, date_conversion=DateConversion.NEW_START_DATE, new_start_date=start
    )
    original = [e.date for e in await mailer.emails.list(2)]
    copied = [e.date for e in await mailer.emails.list(target)]
    assert all(isinstance(d, datetime) for d in (*original, *copied))
    assert copied[0] == start
    first = original[0]
    assert isinstance(first, datetime)
    offsets = [d - first for d in original if isinstance(d, datetime)]
    assert [d - start for d in copied if isinstance(d, datetime)] == offsets
    assert offsets[-1] > timedelta(days=4), "the seeded emails are days apart"
    assert stored_dates(server, 2) == original, "the source is left as it was"


async def test_duplicating_with_delete_clears_the_dates(
    server: FakeCourseMailer, mailer: CourseMailerClient
) -> None:
    target = await mailer.sequences.create()
    await mailer.duplicate_emails(3, to=target, date_conversion="delete")
    copies = await mailer.emails.list(target)
    assert len(copies) == 5 and [e.date for e in copies] == [None] * 5
    assert [e.subject for e in copies] == [e.subject for e in await mailer.emails.list(3)]


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        (
            {"date_conversion": DateConversion.NEW_START_DATE},
            ValueError,
            "new_start_date: required",
        ),
        (
            {"date_conversion": DateConversion.DELETE, "new_start_date": datetime(2013, 1, 1)},
            ValueError,
            "new_start_date: only valid with date_conversion=NEW_START_DATE, not DELETE",
        ),
        ({"new_start_date": datetime(2013, 1, 1)}, ValueError, "not NONE"),
        ({"date_conversion": "soon"}, ValueError, "date_conversion: expected"),
        (
            {
                "date_conversion": "new-start-date",
                "new_start_date": datetime(2013, 1, 1, 9, 30, 15),
            },
            ValueError,
            "new_start_date: .* to the minute",
        ),
        (
            {"date_conversion": "new-start-date", "new_start_date": "2013-01-01"},
            TypeError,
            "new_start_date",
        ),
        ({"to": "2"}, TypeError, "to: expected an integer id"),
        ({"to": -1}, ValueError, "to: expected a non-negative id"),
    ],
)
async def test_bad_duplicate_arguments_are_refused_before_sending(
    server: FakeCourseMailer,
    mailer: CourseMailerClient,
    options: dict[str, Any],
    error: type[Exception],
    message: str,
) -> None:
    arguments: dict[str, Any] = {"to": 2, **options}
    with pytest.raises(error, match=message):
        await mailer.duplicate_emails(1, **arguments)
    assert server.requests.total == 0


async def test_missing_sequences_and_items_are_not_found(mailer: CourseMailerClient) -> None:
    with pytest.raises(
        NotFound, match=r"404 NotFound from GET http://127\.0\.0\.1:\d+/sequences/99"
    ):
        await mailer.sequences.get(99)
    with pytest.raises(NotFound, match="no sequence 99"):
        await mailer.emails.list(99)
    with pytest.raises(NotFound, match="duplicate-to-sequence-id: no sequence 42"):
        await mailer.duplicate_emails(1, to=42)
    with pytest.raises(NotFound, match="no email 1 in sequence 2"):
        await mailer.emails.get(2, 1)


async def test_a_plain_text_error_of_the_server_is_a_typed_error(
    mailer: CourseMailerClient,
) -> None:
    with pytest.raises(NotFound, match="404: Not Found"):
        await mailer.session.request("GET", "sequences/first")


async def test_reads_recover_from_server_errors_drops_and_cut_bodies(
    server: FakeCourseMailer, clock: SharedClock
) -> None:
    server.settings.faults = FaultSettings(error_rate=0.3, drop_rate=0.05, truncate_rate=0.1)
    stats = RequestStats()
    async with client_of(server, clock, retry=PATIENT, hooks=[stats]) as mailer:
        for _ in range(5):
            assert await mailer.sequences.count() == 3
        for sequence in (1, 2, 3):
            assert len(await mailer.emails.list(sequence)) == 5
            assert (await mailer.users.get(sequence, 4 * sequence)).id == 4 * sequence
    counts = server.protections.faults.counts
    assert sum(counts.errors.values()) and counts.dropped and counts.truncated
    assert stats.retries == server.requests.total - 11 > 0


@pytest.mark.parametrize("fault", ["500", "502", "drop after the write"])
async def test_a_post_that_may_have_acted_is_not_repeated(
    server: FakeCourseMailer, mailer: CourseMailerClient, fault: str
) -> None:
    before = len(server.store.sequences[2].emails)
    if fault == "drop after the write":
        server.settings.faults = FaultSettings(drop_rate=1.0, drop_after_handler=True)
        expected: type[Exception] = TransportError
    else:
        server.settings.faults = FaultSettings(error_rate=1.0, error_statuses=(int(fault),))
        expected = ServerError
    with pytest.raises(expected):
        await mailer.duplicate_emails(1, to=2)
    with pytest.raises(expected):
        await mailer.emails.create(2, Email(subject="once"))
    assert server.requests.paths("POST") == [
        "/sequences/1/duplicate-emails",
        "/sequences/2/emails",
    ]
    written = len(server.store.sequences[2].emails) - before
    assert written == (6 if fault == "drop after the write" else 0)


async def test_a_post_is_repeated_after_a_maintenance_503(
    server: FakeCourseMailer, mailer: CourseMailerClient, clock: SharedClock
) -> None:
    faults = server.settings.faults
    faults.maintenance_retry_after = 30
    faults.maintenance_retry_after_format = "seconds"

    def end_maintenance(event: Event) -> None:
        if isinstance(event, RetryScheduled):
            faults.maintenance_retry_after = None

    mailer.hooks.add(end_maintenance)
    started = clock.now
    assert await mailer.sequences.create() == 4
    assert server.requests.paths("POST") == ["/sequences", "/sequences"]
    assert list(server.store.sequences) == [1, 2, 3, 4]
    assert clock.now - started >= 30


async def test_the_rate_limit_is_paced_not_hit(
    server: FakeCourseMailer, clock: SharedClock
) -> None:
    server.settings.rate_limit = RateLimitSettings(limit=10, window=60)
    async with client_of(server, clock) as mailer:
        started = clock.now
        counts = [await mailer.sequences.count() for _ in range(25)]
        snapshot: RateLimitSnapshot = mailer.rate_limit
    assert counts == [3] * 25
    assert server.requests.by_status.get(429, 0) == 0
    assert snapshot.limit == 10
    second_reset = (started // 60 + 2) * 60
    assert clock.now >= second_reset, "25 requests at 10 a window wait for two resets"


async def test_a_token_is_sent_when_the_server_wants_one(clock: SharedClock) -> None:
    secret = "mailer-secret-9c1e"
    async with mailer_server(clock, token=secret) as server:
        async with client_of(server, clock) as mailer:
            assert await mailer.sequences.count() == 3
        async with client_of(server, clock, auth=None) as anonymous:
            with pytest.raises(Unauthorized) as caught:
                await anonymous.sequences.count()
    assert secret not in str(caught.value) and secret not in repr(mailer)
    assert "a valid bearer token is required" in str(caught.value)


async def test_a_closed_client_says_so_without_naming_another_api(
    server: FakeCourseMailer, clock: SharedClock
) -> None:
    async with client_of(server, clock) as mailer:
        assert await mailer.sequences.count() == 3
    assert mailer.closed
    with pytest.raises(ClientClosedError, match="this client is closed") as caught:
        await mailer.sequences.count()
    assert "Outreach" not in str(caught.value)
    assert server.requests.total == 1
