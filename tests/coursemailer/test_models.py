"""The course-mailer models through the library's one converter."""

from __future__ import annotations

from datetime import datetime

import pytest

from outreach_async import ABSENT
from outreach_async._converter import converter
from outreach_async.coursemailer import DateConversion, Email, Sequence, User


def test_either_spelling_is_read_and_unknown_fields_are_kept() -> None:
    email = converter.structure(
        {"email_id": "3", "subject": "Hi", "date": "2013-03-14 09:30", "open-count": 2}, Email
    )
    assert email == Email(
        id=3, subject="Hi", date=datetime(2013, 3, 14, 9, 30), extra={"open-count": 2}
    )
    assert email.body is ABSENT
    assert converter.structure({"sequence-id": 2, "total_users": 4}, Sequence) == Sequence(
        id=2, extra={"total_users": 4}
    )


def test_absent_and_null_stay_apart_and_a_round_trip_keeps_everything() -> None:
    answer = {"user-id": 5, "name": None, "team": {"id": 1}}
    user = converter.structure(answer, User)
    assert user.name is None and user.email is ABSENT
    assert converter.unstructure(user) == answer


def test_models_are_written_with_hyphenated_keys_and_minute_dates() -> None:
    email = Email(subject="Hi", date=datetime(2013, 3, 14, 9, 30), extra={"reply_to": "a@b"})
    assert converter.unstructure(email) == {
        "reply_to": "a@b",
        "subject": "Hi",
        "date": "2013-03-14 09:30",
    }


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ({"email-id": 1.5}, r"email\.email-id: expected an integer id"),
        ({"email-id": True}, r"email\.email-id: expected an integer id"),
        ({"subject": ["Hi"]}, r"email\.subject: expected text"),
        ({"date": 20130314}, r"email\.date: expected a date text"),
        ("Hi", "email: expected a JSON object"),
    ],
)
def test_a_malformed_object_names_the_field(answer: object, message: str) -> None:
    with pytest.raises((TypeError, ValueError), match=message):
        converter.structure(answer, Email)


def test_the_conversions_are_the_documented_words() -> None:
    assert [c.value for c in DateConversion] == ["none", "new-start-date", "delete"]
