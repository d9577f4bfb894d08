"""The fake course mailer's routes, answers and refusals.

Answers are plain JSON. A refusal is `{"error": <code>, "description": <text>}` with its
status (400 bad parameters, 401 no token, 404 no such record, 415 a body that is not
`application/json`); a path no route matches gets aiohttp's plain-text 404 and a method a
route lacks its plain-text 405, as a small web app would answer.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Literal

from aiohttp import web

from .._request_keys import RECORD_COUNT_KEY
from ._store import DATE_FORMAT, Conversion, MailerStore, StoredSequence

Kind = Literal["users", "emails"]

_ID_KEYS = {"users": "user-id", "emails": "email-id"}
_TEXT_FIELDS = {"users": ("name", "email"), "emails": ("subject", "body")}
_CONVERSIONS: tuple[Conversion, ...] = ("none", "new-start-date", "delete")


class Refusal(Exception):
    """An error answer, raised anywhere in a handler."""

    def __init__(self, status: int, error: str, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.error = error
        self.description = description

    def response(self) -> web.Response:
        body = {"error": self.error, "description": self.description}
        return web.json_response(body, status=self.status)


def bad_request(description: str) -> Refusal:
    return Refusal(400, "bad-request", description)


class MailerApi:
    """The handlers over one store."""

    def __init__(self, store: MailerStore) -> None:
        self.store = store

    def install(self, app: web.Application) -> None:
        sequence = r"/sequences/{sequence:\d+}"
        routes = app.router
        routes.add_get("/sequences", self.count_sequences)
        routes.add_post("/sequences", self.create_sequence)
        routes.add_get(sequence, self.get_sequence)
        routes.add_delete(sequence, self.delete_sequence)
        routes.add_post(sequence + "/duplicate-emails", self.duplicate_emails)
        for kind in ("users", "emails"):
            member = sequence + f"/{kind}/{{member:\\d+}}"
            routes.add_get(sequence + f"/{kind}", self._member_handler(kind, "list"))
            routes.add_post(sequence + f"/{kind}", self._member_handler(kind, "create"))
            routes.add_get(member, self._member_handler(kind, "get"))
            routes.add_put(member, self._member_handler(kind, "update"))
            routes.add_delete(member, self._member_handler(kind, "delete"))

    # Sequences ---------------------------------------------------------------------------

    async def count_sequences(self, request: web.Request) -> web.Response:
        return web.json_response({"total-sequences": len(self.store.sequences)})

    async def create_sequence(self, request: web.Request) -> web.Response:
        sequence = self.store.create_sequence()
        return web.json_response({"sequence-id": sequence.id}, status=201)

    async def get_sequence(self, request: web.Request) -> web.Response:
        return web.json_response(self._sequence(request).describe())

    async def delete_sequence(self, request: web.Request) -> web.Response:
        del self.store.sequences[self._sequence(request).id]
        return web.json_response({"success": True})

    async def duplicate_emails(self, request: web.Request) -> web.Response:
        source = self._sequence(request)
        body = await _object_body(request)
        target_id = body.get("duplicate-to-sequence-id")
        if isinstance(target_id, bool) or not isinstance(target_id, int):
            raise bad_request("duplicate-to-sequence-id: expected the id of a sequence")
        target = self.store.sequences.get(target_id)
        if target is None:
            raise Refusal(404, "not-found", f"duplicate-to-sequence-id: no sequence {target_id}")
        conversion = body.get("date-conversion")
        if conversion not in _CONVERSIONS:
            raise bad_request(f"date-conversion: expected one of {', '.join(_CONVERSIONS)}")
        new_start: datetime | None = None
        if conversion == "new-start-date":
            new_start = _date(body.get("new-start-date"), "new-start-date", required=True)
        elif "new-start-date" in body:
            raise bad_request("new-start-date: only valid if date-conversion is new-start-date")
        self.store.duplicate_emails(source, target, conversion, new_start)
        return web.json_response({"success": True})

    # Users and emails --------------------------------------------------------------------

    def _member_handler(self, kind: Kind, verb: str) -> Any:
        async def handle(request: web.Request) -> web.Response:
            sequence = self._sequence(request)
            records = getattr(sequence, kind)
            if verb == "list":
                request[RECORD_COUNT_KEY] = len(records)
                listed = [{_ID_KEYS[kind]: key, **value} for key, value in records.items()]
                return web.json_response({kind: listed})
            if verb == "create":
                fields = _fields(kind, await _object_body(request))
                new_id = self.store.add(sequence, kind, fields)
                return web.json_response({_ID_KEYS[kind]: new_id}, status=201)
            member = int(request.match_info["member"])
            if member not in records:
                raise Refusal(
                    404, "not-found", f"no {kind[:-1]} {member} in sequence {sequence.id}"
                )
            if verb == "get":
                return web.json_response({_ID_KEYS[kind]: member, **records[member]})
            if verb == "update":
                records[member].update(_fields(kind, await _object_body(request)))
            else:
                del records[member]
            return web.json_response({"success": True})

        return handle

    def _sequence(self, request: web.Request) -> StoredSequence:
        sequence_id = int(request.match_info["sequence"])
        sequence = self.store.sequences.get(sequence_id)
        if sequence is None:
            raise Refusal(404, "not-found", f"no sequence {sequence_id}")
        return sequence


async def _object_body(request: web.Request) -> dict[str, Any]:
    if request.content_type != "application/json":
        raise Refusal(415, "unsupported-media-type", "send the body as application/json")
    try:
        body = json.loads(await request.read() or b"null")
    except ValueError:
        raise bad_request("the body is not valid JSON") from None
    if not isinstance(body, dict):
        raise bad_request("the body must be a JSON object")
    return body


def _fields(kind: Kind, body: dict[str, Any]) -> dict[str, Any]:
    """The fields to store: known text fields checked, dates checked, ids left out."""
    fields = {key: value for key, value in body.items() if key != _ID_KEYS[kind]}
    for name in _TEXT_FIELDS[kind]:
        value = fields.get(name)
        if value is not None and not isinstance(value, str):
            raise bad_request(f"{name}: expected text or null")
    if kind == "emails" and fields.get("date") is not None:
        _date(fields["date"], "date")
    return fields


def _date(value: object, name: str, *, required: bool = False) -> datetime | None:
    if value is None and not required:
        return None
    if isinstance(value, str):
        try:
            return datetime.strptime(value, DATE_FORMAT)
        except ValueError:
            pass
    raise bad_request(f"{name}: expected a date as YYYY-MM-DD HH:MM, got {value!r}")
