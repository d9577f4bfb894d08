"""The fake course mailer's data: sequences holding users and emails, seeded from one seed.

Records are kept as the API sends them (hyphenated keys, dates as `YYYY-MM-DD HH:MM`), each
under its own auto-incrementing id. `duplicate_emails` applies the date conversions exactly:
`none` copies the dates, `new-start-date` moves the earliest email to the new date and keeps
every other at its offset from it, `delete` clears them.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator, Mapping
from datetime import datetime, timedelta
from typing import Any, Literal

import attrs

from ._settings import CourseMailerSettings

DATE_FORMAT = "%Y-%m-%d %H:%M"
Conversion = Literal["none", "new-start-date", "delete"]

_FIRST = ("Ada", "Grace", "Alan", "Edsger", "Barbara", "Donald", "Frances", "Ken")
_LAST = ("Lovelace", "Hopper", "Turing", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson")
_TOPICS = ("Welcome", "Getting started", "Practice", "Review", "Quiz", "Next steps", "Wrap-up")


@attrs.define
class StoredSequence:
    id: int
    users: dict[int, dict[str, Any]] = attrs.Factory(dict)
    emails: dict[int, dict[str, Any]] = attrs.Factory(dict)

    def describe(self) -> dict[str, Any]:
        """What `GET /sequences/<id>` answers."""
        return {
            "sequence-id": self.id,
            "total-users": len(self.users),
            "total-emails": len(self.emails),
        }


class MailerStore:
    """All sequences of one fake course mailer."""

    def __init__(self, settings: CourseMailerSettings) -> None:
        self.sequences: dict[int, StoredSequence] = {}
        self._sequence_ids = itertools.count(1)
        self._user_ids = itertools.count(1)
        self._email_ids = itertools.count(1)
        _seed(self, settings)

    def create_sequence(self) -> StoredSequence:
        sequence = StoredSequence(next(self._sequence_ids))
        self.sequences[sequence.id] = sequence
        return sequence

    def add(self, sequence: StoredSequence, kind: Literal["users", "emails"], fields: Any) -> int:
        """Store a user or email under a new id; returns the id."""
        ids = self._user_ids if kind == "users" else self._email_ids
        new_id = next(ids)
        getattr(sequence, kind)[new_id] = dict(fields)
        return new_id

    def duplicate_emails(
        self,
        source: StoredSequence,
        target: StoredSequence,
        conversion: Conversion,
        new_start: datetime | None = None,
    ) -> list[int]:
        """Copy `source`'s emails to `target`, dated per `conversion`; the new ids in order."""
        originals = [dict(email) for _, email in sorted(source.emails.items())]
        dates = converted_dates([email.get("date") for email in originals], conversion, new_start)
        copied = []
        for email, date in zip(originals, dates, strict=True):
            email["date"] = date
            copied.append(self.add(target, "emails", email))
        return copied


def converted_dates(
    dates: list[str | None], conversion: Conversion, new_start: datetime | None
) -> list[str | None]:
    """The dates the copies get; undated emails stay undated."""
    if conversion == "none":
        return list(dates)
    if conversion == "delete":
        return [None] * len(dates)
    if new_start is None:
        raise ValueError("new-start-date is required")
    parsed = [None if date is None else datetime.strptime(date, DATE_FORMAT) for date in dates]
    known = [date for date in parsed if date is not None]
    if not known:
        return list(dates)
    shift = new_start - min(known)
    return [None if date is None else (date + shift).strftime(DATE_FORMAT) for date in parsed]


def _seed(store: MailerStore, settings: CourseMailerSettings) -> None:
    rng = random.Random(settings.seed)
    for _ in range(settings.sequences):
        sequence = store.create_sequence()
        for user in _users(rng, settings.users_per_sequence):
            store.add(sequence, "users", user)
        for email in _emails(rng, settings.emails_per_sequence):
            store.add(sequence, "emails", email)


def _users(rng: random.Random, count: int) -> Iterator[Mapping[str, Any]]:
    for _ in range(count):
        first, last = rng.choice(_FIRST), rng.choice(_LAST)
        yield {"name": f"{first} {last}", "email": f"{first}.{last}@example.com".lower()}


def _emails(rng: random.Random, count: int) -> Iterator[Mapping[str, Any]]:
    moment = datetime(2013, 3, rng.randint(1, 20), rng.choice((8, 9, 10)), rng.choice((0, 30)))
    for number in range(1, count + 1):
        topic = _TOPICS[(number - 1) % len(_TOPICS)]
        yield {
            "subject": f"Lesson {number}: {topic}",
            "body": f"Hello! This is lesson {number} of the course.",
            "date": moment.strftime(DATE_FORMAT),
            "template": rng.choice(("plain", "branded")),
        }
        moment += timedelta(days=rng.randint(1, 7), minutes=rng.choice((0, 15, 30, 45)))
