"""Webhooks: signatures checked on the raw body, events read as typed models, secrets kept."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from collections.abc import AsyncIterator
from datetime import datetime, timezone
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_async import ABSENT, OutreachError, Resource, WebhookError, WebhookSignatureError
from outreach_async.models import Prospect, Ref, User
from outreach_async.webhooks import (
    SIGNATURE_HEADER,
    WebhookEvent,
    aiohttp_handler,
    parse_event,
    sign,
    verify_and_parse,
    verify_signature,
)

from .test_hostile_input import attributes, identifier, ids, junk, maybe, moments, types

SECRET = "whsec-7f1e-do-not-leak"


def _payload(**changes: Any) -> dict[str, Any]:
    payload: dict[str, Any] = {
        "data": {
            "type": "prospect",
            "id": 1,
            "attributes": {
                "firstName": "Sally",
                "updatedAt": "2024-05-01T12:00:00.000Z",
                "brandNewField": {"kept": True},
                "custom3": "gold",
            },
            "relationships": {"owner": {"type": "user", "id": 7}},
        },
        "meta": {
            "deliveredAt": "2024-05-01T12:00:01.123+00:00",
            "eventName": "prospect.updated",
            "jobId": "5c0f2d0e-job",
        },
    }
    payload.update(changes)
    return payload


def _body(payload: Any = None) -> bytes:
    return json.dumps(_payload() if payload is None else payload).encode()


def _signature(body: bytes, secret: str = SECRET) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


# Signatures ------------------------------------------------------------------------------


def test_sign_is_the_hex_hmac_sha256_of_the_raw_body() -> None:
    body = _body()
    assert sign(SECRET, body) == _signature(body)
    assert sign(SECRET.encode(), bytearray(body)) == _signature(body)


def test_a_matching_signature_passes_in_any_hex_case_and_padding() -> None:
    body = _body()
    verify_signature(SECRET, body, _signature(body))
    verify_signature(SECRET, body, f" {_signature(body).upper()}\n")


@pytest.mark.parametrize(
    ("signature", "reason"),
    [
        (None, "missing"),
        ("", "missing"),
        ("   ", "missing"),
        (_signature(b"another body"), "does not match"),
        (_signature(_body(), secret="another secret"), "does not match"),
        ("zz" * 32, "does not match"),
        ("\u00e9" * 64, "does not match"),  # compare_digest refuses non-ASCII str: no TypeError
        (_signature(_body())[:-1], "does not match"),
    ],
)
def test_a_missing_or_wrong_signature_is_refused(signature: str | None, reason: str) -> None:
    with pytest.raises(WebhookSignatureError, match=reason) as caught:
        verify_signature(SECRET, _body(), signature)
    assert isinstance(caught.value, WebhookError) and isinstance(caught.value, OutreachError)
    assert SECRET not in str(caught.value)


def test_a_changed_body_fails_even_if_it_means_the_same() -> None:
    body = _body()
    reencoded = json.dumps(json.loads(body), indent=2).encode()
    with pytest.raises(WebhookSignatureError):
        verify_signature(SECRET, reencoded, _signature(body))


def test_signatures_are_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[bytes, bytes]] = []
    original = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        compared.append((a, b))
        return original(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    body = _body()
    verify_signature(SECRET, body, _signature(body))
    with pytest.raises(WebhookSignatureError):
        verify_signature(SECRET, body, "0" * 64)
    assert len(compared) == 2


def test_the_body_must_be_raw_bytes_and_the_secret_non_empty() -> None:
    with pytest.raises(TypeError, match="raw request body"):
        verify_signature(SECRET, _body().decode(), "x")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="secret"):
        verify_signature("", _body(), "x")


# Events ----------------------------------------------------------------------------------


def test_an_event_is_read_as_the_typed_model_of_its_resource() -> None:
    event = parse_event(_body())
    assert event.name == "prospect.updated"
    assert event.action == "updated"
    assert event.resource_type == "prospect"
    assert event.delivered_at == datetime(2024, 5, 1, 12, 0, 1, 123000, tzinfo=timezone.utc)
    assert event.job_id == "5c0f2d0e-job"
    prospect = event.resource
    assert isinstance(prospect, Prospect)
    assert prospect.id == 1
    assert prospect.first_name == "Sally"
    assert prospect.updated_at == datetime(2024, 5, 1, 12, tzinfo=timezone.utc)
    assert prospect.owner == Ref("user", 7) == User.ref(7)
    assert prospect.account is ABSENT
    assert prospect.extra == {"brandNewField": {"kept": True}, "custom3": "gold"}
    assert prospect.custom(3) == "gold"


def test_text_decoded_json_and_wrapped_relationships_read_the_same() -> None:
    wrapped = _payload()
    wrapped["data"]["relationships"] = {"owner": {"data": {"type": "user", "id": 7}}}
    events = [parse_event(_body().decode()), parse_event(_payload()), parse_event(wrapped)]
    assert all(isinstance(event.resource, Prospect) for event in events)
    assert {event.resource.owner for event in events} == {Ref("user", 7)}  # type: ignore[union-attr]


def test_many_and_empty_relationships_are_read() -> None:
    payload = _payload()
    payload["data"]["relationships"] = {
        "owner": None,
        "sequenceStates": [{"type": "sequenceState", "id": 3}, {"type": "sequenceState", "id": 4}],
    }
    prospect = parse_event(payload).resource
    assert isinstance(prospect, Prospect)
    assert prospect.owner is None
    assert prospect.sequence_states == [Ref("sequenceState", 3), Ref("sequenceState", 4)]


def test_a_type_without_a_model_is_a_generic_resource_with_everything_kept() -> None:
    payload = _payload()
    payload["data"] = {
        "type": "futureThing",
        "id": "a1",
        "attributes": {"colour": "teal", "size": 3},
        "relationships": {"owner": {"type": "user", "id": 7}},
    }
    event = parse_event(payload)
    assert isinstance(event.resource, Resource)
    assert event.resource_type == "futureThing"
    assert event.resource.attributes == {"colour": "teal", "size": 3}
    assert event.resource.related("owner").id == 7  # type: ignore[union-attr]


def test_meta_without_delivery_time_or_job_is_still_an_event() -> None:
    payload = _payload(meta={"eventName": "prospect.created", "jobId": 12})
    event = parse_event(payload)
    assert (event.delivered_at, event.job_id, event.action) == (None, "12", "created")


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe", "not valid JSON"),
        (b"[" * 100_000, "nested too deeply"),
        (_body([1, 2]), "expected a JSON object"),
        (_body(_payload(meta=None)), "meta"),
        (_body(_payload(meta={"jobId": "x"})), "eventName"),
        (_body(_payload(meta={"eventName": 5})), "eventName"),
        (_body(_payload(data="prospect 1")), "`data` must be an object"),
        (_body(_payload(data=None)), "`data` must be an object"),
        (_body(_payload(data={"id": 1})), "type"),
        (_body(_payload(data={"type": "prospect", "id": 1, "relationships": []})), "relationships"),
        (
            _body(_payload(data={"type": "prospect", "id": 1, "relationships": {"owner": "7"}})),
            "owner",
        ),
        (
            _body(_payload(data={"type": "prospect", "id": 1, "attributes": {"updatedAt": 5}})),
            "updatedAt",
        ),
        (
            _body(_payload(meta={"eventName": "prospect.updated", "deliveredAt": "last Tuesday"})),
            "deliveredAt",
        ),
        (_body(_payload(meta={"eventName": "x", "jobId": {"a": 1}})), "jobId"),
    ],
)
def test_a_payload_that_is_not_an_event_is_a_webhook_error(body: bytes, problem: str) -> None:
    with pytest.raises(WebhookError, match=problem) as caught:
        parse_event(body)
    assert not isinstance(caught.value, WebhookSignatureError)


def test_verify_and_parse_checks_the_signature_first() -> None:
    body = _body()
    assert verify_and_parse(SECRET, body, _signature(body)).name == "prospect.updated"
    with pytest.raises(WebhookSignatureError):
        verify_and_parse(SECRET, b"not even json", "0" * 64)
    with pytest.raises(WebhookError, match="not valid JSON"):
        verify_and_parse(SECRET, b"not even json", _signature(b"not even json"))


# The aiohttp handler ---------------------------------------------------------------------


class Received:
    def __init__(self, fail: bool = False) -> None:
        self.events: list[WebhookEvent] = []
        self.fail = fail

    async def __call__(self, event: WebhookEvent) -> None:
        if self.fail:
            raise RuntimeError("the database is down")
        self.events.append(event)


async def _client(received: Received) -> AsyncIterator[TestClient[web.Request, web.Application]]:
    app = web.Application()
    app.router.add_post("/outreach/webhook", aiohttp_handler(SECRET, received))
    async with TestClient(TestServer(app)) as client:
        yield client


async def test_the_handler_hands_a_signed_event_to_the_callback() -> None:
    received = Received()
    body = _body()
    async for client in _client(received):
        answer = await client.post(
            "/outreach/webhook", data=body, headers={SIGNATURE_HEADER: _signature(body)}
        )
        assert answer.status == 204
    [event] = received.events
    assert isinstance(event.resource, Prospect) and event.resource.first_name == "Sally"


@pytest.mark.parametrize(
    ("signature", "status"),
    [(None, 401), ("0" * 64, 401), ("sign-body", 400)],
)
async def test_the_handler_refuses_bad_signatures_and_payloads_without_calling_back(
    caplog: pytest.LogCaptureFixture, signature: str | None, status: int
) -> None:
    received = Received()
    body = _body([1, 2, 3])
    headers = {} if signature is None else {SIGNATURE_HEADER: signature}
    if signature == "sign-body":
        headers[SIGNATURE_HEADER] = _signature(body)
    with caplog.at_level(logging.DEBUG):
        async for client in _client(received):
            answer = await client.post("/outreach/webhook", data=body, headers=headers)
            assert answer.status == status
            assert SECRET not in await answer.text()
    assert received.events == []
    assert SECRET not in caplog.text


async def test_a_failing_callback_is_a_500_so_outreach_delivers_again() -> None:
    body = _body()
    async for client in _client(Received(fail=True)):
        answer = await client.post(
            "/outreach/webhook", data=body, headers={SIGNATURE_HEADER: _signature(body)}
        )
        assert answer.status == 500


@pytest.mark.parametrize("fail", [False, True])
async def test_the_secret_stays_out_of_every_log_line_and_answer(
    caplog: pytest.LogCaptureFixture, fail: bool
) -> None:
    body = _body()
    answers: list[str] = []
    with caplog.at_level(logging.DEBUG):
        async for client in _client(Received(fail=fail)):
            for headers in (
                {SIGNATURE_HEADER: _signature(body)},
                {SIGNATURE_HEADER: _signature(body, secret=SECRET + "x")},
                {SIGNATURE_HEADER: SECRET},
                {},
            ):
                answer = await client.post("/outreach/webhook", data=body, headers=headers)
                answers.append(f"{answer.status} {answer.headers!r} {await answer.text()}")
    errors: list[BaseException] = []
    for signature in (None, "", SECRET, _signature(body, secret="other")):
        try:
            verify_and_parse(SECRET, body, signature)
        except WebhookError as error:
            errors.append(error)
    assert len(errors) == 4
    texts = [caplog.text, *(repr(r.__dict__) for r in caplog.records), *answers]
    texts += [f"{error!s} {error!r} {error.__dict__!r}" for error in errors]
    blob = "\n".join(texts)
    assert any(answer.startswith("401") for answer in answers)
    for start in range(len(SECRET) - 9):
        assert SECRET[start : start + 10] not in blob


def test_the_secret_stays_out_of_reprs() -> None:
    handler = aiohttp_handler(SECRET, Received())
    event = parse_event(_body())
    for text in (repr(handler), str(handler), repr(event)):
        assert SECRET not in text


flat_relationships = st.dictionaries(
    st.sampled_from(["owner", "account", "sequenceStates", "x"]),
    maybe(st.one_of(st.none(), identifier, st.lists(identifier, max_size=2))),
    max_size=3,
)
event_meta = st.fixed_dictionaries(
    {"eventName": st.one_of(st.just("prospect.updated"), junk)},
    optional={"deliveredAt": maybe(moments), "jobId": st.one_of(st.text(max_size=5), junk)},
)
event_data = st.fixed_dictionaries(
    {"type": maybe(types)},
    optional={
        "id": ids,
        "attributes": maybe(attributes),
        "relationships": maybe(flat_relationships),
    },
)
payloads = st.fixed_dictionaries({"data": maybe(event_data), "meta": maybe(event_meta)})


@settings(max_examples=300, deadline=None)
@given(payload=st.one_of(payloads, junk))
def test_any_payload_is_an_event_or_a_webhook_error(payload: Any) -> None:
    body = json.dumps(payload).encode()
    try:
        event = verify_and_parse(SECRET, body, _signature(body))
    except WebhookError as exc:
        assert SECRET not in str(exc)
    else:
        assert event.name and event.resource_type == payload["data"]["type"]
