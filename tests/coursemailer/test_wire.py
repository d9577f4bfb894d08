"""Exact requests and answers of the course-mailer client, checked with aioresponses."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from datetime import datetime, timezone
from typing import Any

import pytest

from outreach_async import (
    APIError,
    BadRequest,
    Conflict,
    NotFound,
    OriginError,
    RetryPolicy,
    ServerError,
    TransportError,
    __version__,
)
from outreach_async.coursemailer import CourseMailerClient, DateConversion, Email, User

from ..conftest import FakeClock, RecordingMock

BASE = "https://mailer.example.com/api"
JSON = "application/json"


@pytest.fixture
async def mailer(clock: FakeClock) -> AsyncIterator[CourseMailerClient]:
    policy = RetryPolicy(jitter=lambda value: value)
    async with CourseMailerClient(BASE, clock=clock, sleep=clock.sleep, retry=policy) as client:
        yield client


def sent_body(call: Any) -> Any:
    data = call.kwargs["data"]
    return None if data is None else json.loads(data)


async def test_requests_negotiate_plain_json_without_credentials(
    mocked: RecordingMock, mailer: CourseMailerClient
) -> None:
    mocked.get(f"{BASE}/sequences", payload={"total-sequences": 3}, content_type=JSON)
    assert await mailer.sequences.count() == 3
    [call] = mocked.calls()
    assert mocked.sent == [("GET", f"{BASE}/sequences")]
    assert call.kwargs["headers"] == {
        "Accept": JSON,
        "Content-Type": JSON,
        "User-Agent": f"outreach-async/{__version__}",
    }
    assert call.kwargs["data"] is None


async def test_a_token_goes_as_a_bearer_header_and_stays_out_of_reprs(
    mocked: RecordingMock,
) -> None:
    mocked.post(f"{BASE}/sequences", payload={"sequence-id": 4}, content_type=JSON)
    async with CourseMailerClient(BASE, "mailer-token-77") as client:
        assert await client.sequences.create() == 4
        assert "mailer-token-77" not in repr(client) + repr(client.session)
    [call] = mocked.calls()
    assert call.kwargs["headers"]["Authorization"] == "Bearer mailer-token-77"
    assert call.kwargs["data"] is None


@pytest.mark.parametrize(
    ("method", "key"),
    [
        ("GET", "total-sequences"),
        ("GET", "total_sequences"),
        ("POST", "sequence-id"),
        ("POST", "sequence_id"),
    ],
)
async def test_a_total_and_a_new_id_are_read_in_either_spelling(
    mocked: RecordingMock, mailer: CourseMailerClient, method: str, key: str
) -> None:
    mocked.add(f"{BASE}/sequences", method, payload={key: 7}, content_type=JSON)
    call = mailer.sequences.count if method == "GET" else mailer.sequences.create
    assert await call() == 7


async def test_duplicate_emails_sends_the_documented_body(
    mocked: RecordingMock, mailer: CourseMailerClient
) -> None:
    mocked.post(f"{BASE}/sequences/1/duplicate-emails", payload={"success": True})
    await mailer.duplicate_emails(
        1,
        to=5,
        date_conversion=DateConversion.NEW_START_DATE,
        new_start_date=datetime(2013, 3, 14, 9, 30),
    )
    [call] = mocked.calls()
    assert mocked.sent == [("POST", f"{BASE}/sequences/1/duplicate-emails")]
    assert call.kwargs["data"] == (
        b'{"duplicate-to-sequence-id":5,"date-conversion":"new-start-date",'
        b'"new-start-date":"2013-03-14 09:30"}'
    )


@pytest.mark.parametrize("conversion", [DateConversion.NONE, DateConversion.DELETE])
async def test_other_conversions_send_no_start_date(
    mocked: RecordingMock, mailer: CourseMailerClient, conversion: DateConversion
) -> None:
    mocked.post(f"{BASE}/sequences/3/duplicate-emails", payload={"success": True})
    await mailer.duplicate_emails(3, to=4, date_conversion=conversion)
    [call] = mocked.calls()
    assert sent_body(call) == {"duplicate-to-sequence-id": 4, "date-conversion": conversion.value}


async def test_writes_send_hyphenated_keys_and_no_id(
    mocked: RecordingMock, mailer: CourseMailerClient
) -> None:
    mocked.post(f"{BASE}/sequences/2/users", payload={"user_id": 8}, content_type=JSON)
    mocked.put(f"{BASE}/sequences/2/emails/6", payload={"success": True})
    mocked.put(f"{BASE}/sequences/2/users/8", payload={"success": True})
    user = User(id=99, name="Ada", email=None, extra={"team": "logic"})
    assert await mailer.users.create(2, user) == 8
    await mailer.emails.update(2, 6, {"email_id": 6, "date": "2013-04-01 10:00", "send_copy": 1})
    await mailer.users.update(2, 8, User(name="Ada L."))
    assert mocked.sent == [
        ("POST", f"{BASE}/sequences/2/users"),
        ("PUT", f"{BASE}/sequences/2/emails/6"),
        ("PUT", f"{BASE}/sequences/2/users/8"),
    ]
    bodies = [sent_body(call) for call in mocked.calls()]
    assert bodies == [
        {"team": "logic", "name": "Ada", "email": None},
        {"send_copy": 1, "date": "2013-04-01 10:00"},
        {"name": "Ada L."},
    ]


async def test_list_answers_are_read_bare_or_wrapped(
    mocked: RecordingMock, mailer: CourseMailerClient
) -> None:
    one = {"email-id": 1, "subject": "Hi", "date": "2013-03-14 09:30", "opens": 3}
    mocked.get(f"{BASE}/sequences/1/emails", payload=[one], content_type=JSON)
    mocked.get(f"{BASE}/sequences/1/emails", payload={"emails": [one]}, content_type=JSON)
    mocked.get(f"{BASE}/sequences/1/emails/1", payload={"email": one}, content_type=JSON)
    expected = Email(id=1, subject="Hi", date=datetime(2013, 3, 14, 9, 30), extra={"opens": 3})
    assert await mailer.emails.list(1) == [expected]
    assert await mailer.emails.list(1) == [expected]
    assert await mailer.emails.get(1, 1) == expected


@pytest.mark.parametrize("method", ["DELETE", "PUT"])
@pytest.mark.parametrize(
    "answer", [{"success": False}, {"error": "email is locked"}, {"status": "error"}]
)
async def test_a_success_status_that_says_error_is_not_done(
    mocked: RecordingMock, mailer: CourseMailerClient, method: str, answer: dict[str, Any]
) -> None:
    mocked.add(f"{BASE}/sequences/1/emails/2", method, payload=answer, content_type=JSON)
    with pytest.raises(APIError) as caught:
        if method == "DELETE":
            await mailer.emails.delete(1, 2)
        else:
            await mailer.emails.update(1, 2, Email(subject="x"))
    assert caught.value.status == 200
    assert f"200 APIError from {method} {BASE}/sequences/1/emails/2" in str(caught.value)
    assert len(mocked.sent) == 1


@pytest.mark.parametrize(
    ("status", "body", "content_type", "error", "shown"),
    [
        (404, "Sequence not found", "text/plain", NotFound, "Sequence not found"),
        (
            400,
            '{"error": "bad-request", "description": "date-conversion: unknown"}',
            JSON,
            BadRequest,
            "bad-request: date-conversion: unknown",
        ),
        (404, '{"error": "No such user"}', JSON, NotFound, "No such user"),
        (409, '{"message": "sequence is running"}', JSON, Conflict, "sequence is running"),
        (418, "short and stout", "text/plain", APIError, "short and stout"),
    ],
)
async def test_error_statuses_and_bodies_map_to_the_exception_tree(
    mocked: RecordingMock,
    mailer: CourseMailerClient,
    status: int,
    body: str,
    content_type: str,
    error: type[APIError],
    shown: str,
) -> None:
    mocked.delete(f"{BASE}/sequences/9", status=status, body=body, content_type=content_type)
    with pytest.raises(error) as caught:
        await mailer.sequences.delete(9)
    assert type(caught.value) is error and caught.value.status == status
    assert shown in str(caught.value)


async def test_a_server_error_retries_a_get_but_not_a_post(
    mocked: RecordingMock, mailer: CourseMailerClient
) -> None:
    page = "<html><body><h1>500 Internal Server Error</h1></body></html>"
    mocked.get(f"{BASE}/sequences", status=500, body=page, content_type="text/html")
    mocked.get(f"{BASE}/sequences", payload={"total-sequences": 1}, content_type=JSON)
    assert await mailer.sequences.count() == 1
    mocked.post(f"{BASE}/sequences/1/users", status=500, body=page, content_type="text/html")
    with pytest.raises(ServerError, match="500 Internal Server Error"):
        await mailer.users.create(1, User(name="once"))
    assert [method for method, _ in mocked.sent] == ["GET", "GET", "POST"]


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ({"total-sequences": "many"}, 'an integer "total-sequences"'),
        ({"count": 3}, 'an integer "total-sequences"'),
        ([3], 'an integer "total-sequences"'),
    ],
)
async def test_an_answer_of_the_wrong_shape_is_a_transport_error(
    mocked: RecordingMock, mailer: CourseMailerClient, answer: Any, expected: str
) -> None:
    mocked.get(f"{BASE}/sequences", payload=answer, content_type=JSON)
    with pytest.raises(TransportError, match=expected) as caught:
        await mailer.sequences.count()
    assert not caught.value.retryable and len(mocked.sent) == 1


async def test_a_bad_date_in_an_answer_names_the_field(
    mocked: RecordingMock, mailer: CourseMailerClient
) -> None:
    bad = {"email-id": 1, "date": "next Tuesday"}
    mocked.get(f"{BASE}/sequences/1/emails", payload={"emails": [bad]}, content_type=JSON)
    with pytest.raises(TransportError, match=r"email\.date: not a date of the form"):
        await mailer.emails.list(1)


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda m: m.sequences.get("1"), TypeError, "sequence_id: expected an integer id"),
        (lambda m: m.users.get(1, True), TypeError, "user_id: expected an integer id"),
        (lambda m: m.emails.delete(1, -3), ValueError, "email_id: expected a non-negative"),
        (
            lambda m: m.emails.create(1, Email(date=datetime(2013, 3, 1, tzinfo=timezone.utc))),
            ValueError,
            "email.date: .* no time zone",
        ),
        (lambda m: m.emails.create(1, {"date": "soon"}), ValueError, "email.date: not a date"),
        (lambda m: m.users.create(1, {"name": 7}), TypeError, "user.name: expected text"),
        (lambda m: m.users.update(1, 2, Email(subject="x")), TypeError, "user: expected a User"),
    ],
)
async def test_bad_arguments_are_refused_before_sending(
    mocked: RecordingMock,
    mailer: CourseMailerClient,
    call: Any,
    error: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error, match=message):
        await call(mailer)
    assert mocked.sent == []


async def test_a_full_url_to_another_origin_is_refused(
    mocked: RecordingMock, mailer: CourseMailerClient
) -> None:
    with pytest.raises(OriginError):
        await mailer.session.request("GET", "https://elsewhere.example.com/sequences")
    assert mocked.sent == []


async def test_a_read_answering_an_error_is_not_taken_for_a_record(
    mocked: RecordingMock, mailer: CourseMailerClient
) -> None:
    url = f"{BASE}/sequences/1/users/2"
    mocked.get(url, payload={"error": "no such user"}, content_type=JSON)
    mocked.get(url, payload={"user-id": 2, "status": "error", "error": "bounced"})
    with pytest.raises(APIError, match="no such user"):
        await mailer.users.get(1, 2)
    user = await mailer.users.get(1, 2)
    assert user == User(id=2, extra={"status": "error", "error": "bounced"})


async def test_with_options_applies_to_the_derived_client_only(
    mocked: RecordingMock, mailer: CourseMailerClient, clock: FakeClock
) -> None:
    mocked.get(f"{BASE}/sequences", status=500)
    mocked.get(f"{BASE}/sequences", payload={"total-sequences": 3}, content_type=JSON, repeat=True)
    derived = mailer.with_options(
        timeout=7, retry=RetryPolicy(max_attempts=1), extra_headers={"X-Source": "cron"}
    )
    assert type(derived) is CourseMailerClient
    assert derived.session.limiter is mailer.session.limiter and derived.hooks is mailer.hooks
    with pytest.raises(ServerError):
        await derived.sequences.count()
    assert clock.sleeps == []  # one attempt: no backoff
    assert await mailer.sequences.count() == 3
    first, *_, last = mocked.calls()
    assert first.kwargs["headers"]["X-Source"] == "cron"
    assert first.kwargs["timeout"].total == 7
    assert "X-Source" not in last.kwargs["headers"] and "timeout" not in last.kwargs
    with pytest.raises(ValueError, match="Authorization"):
        mailer.with_options(extra_headers={"Authorization": "Bearer x"})


async def test_closing_a_derived_client_leaves_the_original_open(
    mocked: RecordingMock, mailer: CourseMailerClient
) -> None:
    mocked.get(f"{BASE}/sequences", payload={"total-sequences": 3}, content_type=JSON, repeat=True)
    for derived in (mailer.with_options(), mailer.with_options(timeout=3)):
        async with derived:
            assert await derived.sequences.count() == 3
        assert not derived.closed
    assert await mailer.sequences.count() == 3
    await mailer.close()
    assert derived.closed
