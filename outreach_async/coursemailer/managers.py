"""The calls of the course-mailer API, one manager per kind of thing.

`SequenceManager` reads, creates and deletes sequences; one `MemberManager` class serves
both users and emails of a sequence, which the API treats alike. Ids are checked and bodies
built before anything is sent; every answer goes through `_answers`, so a call returns only
when the server reported success.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping
from typing import Any, Generic, TypeVar

from .._converter import converter
from ..http.session import Session
from ._answers import checked, integer_under, record_of, records_of
from ._ids import checked_id
from .models import Email, Record, Sequence, User

__all__ = ["MemberManager", "SequenceManager"]

R = TypeVar("R", bound=Record)


class SequenceManager:
    """`/sequences`: count, create, get and delete."""

    def __init__(self, session: Session) -> None:
        self._session = session

    async def count(self) -> int:
        """The number of sequences of the course (`total-sequences`)."""
        response = await self._session.request("GET", "sequences")
        return integer_under(response, "total-sequences")

    async def create(self) -> int:
        """Create a sequence; returns its id (`sequence-id`)."""
        response = await self._session.request("POST", "sequences")
        return integer_under(response, "sequence-id")

    async def get(self, sequence_id: int) -> Sequence:
        """The sequence's information; NotFound when there is no such sequence."""
        path = f"sequences/{checked_id(sequence_id, 'sequence_id')}"
        sequence = record_of(await self._session.request("GET", path), Sequence, "sequence")
        if sequence.id is None:
            sequence.id = sequence_id
        return sequence

    async def delete(self, sequence_id: int) -> None:
        """Delete the sequence; returns only when the server reported success."""
        path = f"sequences/{checked_id(sequence_id, 'sequence_id')}"
        checked(await self._session.request("DELETE", path))


class MemberManager(Generic[R]):
    """`/sequences/<id>/users` or `/sequences/<id>/emails`: list, create, get, update, delete."""

    def __init__(self, session: Session, model: type[R], plural: str) -> None:
        self._session = session
        self._model = model
        self._plural = plural
        self._singular = plural.rstrip("s")

    def __repr__(self) -> str:
        return f"MemberManager({self._model.__name__}, {self._plural!r})"

    async def list(self, sequence_id: int) -> builtins.list[R]:
        """All of them, in the order the server lists them."""
        response = await self._session.request("GET", self._path(sequence_id))
        return records_of(response, self._model, self._plural)

    async def create(self, sequence_id: int, item: R | Mapping[str, Any]) -> int:
        """Create one for the sequence; returns its id. A mapping may use either key spelling."""
        body = self._body(item)
        response = await self._session.request("POST", self._path(sequence_id), body=body)
        return integer_under(response, self._model.ID_KEY)

    async def get(self, sequence_id: int, item_id: int) -> R:
        """One of them; NotFound when the sequence or the item does not exist."""
        response = await self._session.request("GET", self._path(sequence_id, item_id))
        record = record_of(response, self._model, self._singular)
        if record.id is None:
            record.id = item_id
        return record

    async def update(self, sequence_id: int, item_id: int, item: R | Mapping[str, Any]) -> None:
        """Replace its information (PUT); returns only when the server reported success."""
        path = self._path(sequence_id, item_id)
        checked(await self._session.request("PUT", path, body=self._body(item)))

    async def delete(self, sequence_id: int, item_id: int) -> None:
        """Remove it from the sequence; returns only when the server reported success."""
        checked(await self._session.request("DELETE", self._path(sequence_id, item_id)))

    def _path(self, sequence_id: int, item_id: int | None = None) -> str:
        path = f"sequences/{checked_id(sequence_id, 'sequence_id')}/{self._plural}"
        if item_id is not None:
            path += f"/{checked_id(item_id, f'{self._singular}_id')}"
        return path

    def _body(self, item: R | Mapping[str, Any]) -> dict[str, Any]:
        """The request body, without the id (the path names it); checked before sending."""
        if isinstance(item, Mapping):
            item = converter.structure(item, self._model)
        elif not isinstance(item, self._model):
            raise TypeError(
                f"{self._singular}: expected a {self._model.__name__} or a mapping, "
                f"got {type(item).__name__}"
            )
        body: dict[str, Any] = converter.unstructure(item)
        body.pop(self._model.ID_KEY, None)
        return body


def users(session: Session) -> MemberManager[User]:
    return MemberManager(session, User, "users")


def emails(session: Session) -> MemberManager[Email]:
    return MemberManager(session, Email, "emails")
