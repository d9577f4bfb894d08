"""Sequence workflows: by name, adding prospects safely and concurrently, copying steps."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections.abc import Callable
from typing import Any

import aiohttp
import pytest
from aioresponses import CallbackResult

from outreach_async import OutreachClient, SequenceCopyError, TransportError, ValidationError
from outreach_async.models import Mailbox, Sequence, SequenceState, SequenceStep, Template

from .conftest import BASE, RecordingMock

JSONAPI = "application/vnd.api+json"
STATES = f"{BASE}/sequenceStates"


def _lookup(prospect_id: int, sequence_id: int = 3) -> str:
    return (
        f"{STATES}?filter[prospect][id]={prospect_id}&filter[sequence][id]={sequence_id}"
        "&page[size]=2"
    )


def _posted(mocked: RecordingMock, url: str) -> list[dict[str, Any]]:
    return [
        json.loads(call.kwargs["data"])["data"]
        for (method, sent), calls in mocked.requests.items()
        if method == "POST" and str(sent) == url
        for call in calls
    ]


def _echo(ids: itertools.count[int]) -> Callable[..., CallbackResult]:
    """A create endpoint: the posted resource comes back with the next id."""

    def respond(url: Any, **kwargs: Any) -> CallbackResult:
        data = json.loads(kwargs["data"])["data"]
        return CallbackResult(
            status=201, payload={"data": {**data, "id": next(ids)}}, content_type=JSONAPI
        )

    return respond


def _prospect_of(kwargs: dict[str, Any]) -> int:
    data = json.loads(kwargs["data"])["data"]
    return int(data["relationships"]["prospect"]["data"]["id"])


async def test_all_by_name_reads_every_page_sorted_by_name(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    first = f"{BASE}/sequences?sort=name&page[size]=1000"
    second = f"{BASE}/sequences?sort=name&page[size]=1000&page[after]=x"
    mocked.get(
        first,
        payload={
            "data": [
                {"type": "sequence", "id": 2, "attributes": {"name": "Alpha"}},
                {"type": "sequence", "id": 1, "attributes": {"name": "Delta"}},
            ],
            "links": {"next": second},
        },
        content_type=JSONAPI,
    )
    mocked.get(
        second,
        payload={"data": [{"type": "sequence", "id": 5, "attributes": {"name": "Beta"}}]},
        content_type=JSONAPI,
    )
    sequences = await client.sequences.all_by_name()  # the server's pages were out of order
    assert [s.name for s in sequences] == ["Alpha", "Beta", "Delta"]
    assert all(isinstance(s, Sequence) for s in sequences)
    assert mocked.sent == [("GET", first), ("GET", second)]


async def test_add_prospects_posts_one_sequence_state_each(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.post(STATES, callback=_echo(itertools.count(100)), repeat=True)
    result = await client.sequence_states.add_prospects(
        Sequence(id=3), [1, 2, 2, "1", 4], mailbox=7, concurrency=2
    )
    assert result.ok and list(result.added) == [1, 2, 4]
    assert all(isinstance(state, SequenceState) for state in result.added.values())
    bodies = sorted(
        _posted(mocked, STATES), key=lambda d: d["relationships"]["prospect"]["data"]["id"]
    )
    assert bodies[0] == {
        "type": "sequenceState",
        "relationships": {
            "prospect": {"data": {"type": "prospect", "id": 1}},
            "sequence": {"data": {"type": "sequence", "id": 3}},
            "mailbox": {"data": {"type": "mailbox", "id": 7}},
        },
    }
    assert len(bodies) == 3


async def test_refusals_are_reported_with_the_servers_details(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    def respond(url: Any, **kwargs: Any) -> CallbackResult:
        prospect_id = _prospect_of(kwargs)
        if prospect_id == 2:
            errors = [
                {
                    "id": "validationDuplicateValueError",
                    "title": "Validation Error",
                    "detail": "Prospect 2 is already in sequence 3.",
                    "source": {"pointer": "/data"},
                }
            ]
            return CallbackResult(status=422, payload={"errors": errors}, content_type=JSONAPI)
        return CallbackResult(
            status=201,
            payload={"data": {"type": "sequenceState", "id": prospect_id * 10}},
            content_type=JSONAPI,
        )

    mocked.post(STATES, callback=respond, repeat=True)
    result = await client.sequence_states.add_prospects(3, [1, 2, 3], mailbox=7)
    assert list(result.added) == [1, 3]
    failure = result.failed[2]
    assert failure.reason == "Prospect 2 is already in sequence 3."
    assert isinstance(failure.error, ValidationError) and not failure.uncertain
    assert result.rejected == {2: failure}
    assert not result.ok


async def test_after_an_ambiguous_failure_an_existing_state_is_not_added_again(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.post(STATES, exception=aiohttp.ServerDisconnectedError())
    mocked.get(
        _lookup(5),
        payload={"data": [{"type": "sequenceState", "id": 77, "attributes": {"state": "active"}}]},
        content_type=JSONAPI,
    )
    result = await client.sequence_states.add_prospects(3, [5], mailbox=7)
    assert result.ok and result.added[5].id == 77
    assert mocked.sent == [("POST", STATES), ("GET", _lookup(5))]


async def test_after_an_ambiguous_failure_a_missing_state_is_posted_again(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.post(STATES, status=502, body="<html>Bad gateway</html>", content_type="text/html")
    mocked.get(_lookup(5), payload={"data": []}, content_type=JSONAPI)
    mocked.post(STATES, callback=_echo(itertools.count(200)))
    result = await client.sequence_states.add_prospects(3, [5], mailbox=7)
    assert result.ok and result.added[5].id == 200
    assert mocked.sent == [("POST", STATES), ("GET", _lookup(5)), ("POST", STATES)]


async def test_attempts_are_bounded_and_a_checked_failure_is_certain(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.post(STATES, status=500, payload={"errors": [{"title": "Oops"}]}, repeat=True)
    mocked.get(_lookup(5), payload={"data": []}, content_type=JSONAPI, repeat=True)
    result = await client.sequence_states.add_prospects(3, [5], mailbox=7, max_attempts=2)
    failure = result.failed[5]
    assert failure.error.status == 500 and not failure.uncertain  # type: ignore[attr-defined]
    assert [method for method, _ in mocked.sent] == ["POST", "GET", "POST", "GET"]


async def test_an_unanswerable_check_marks_the_failure_uncertain(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.post(STATES, exception=aiohttp.ServerDisconnectedError())
    mocked.get(
        _lookup(5),
        status=403,
        payload={"errors": [{"id": "unauthorizedOauthScope", "title": "Forbidden"}]},
        content_type=JSONAPI,
    )
    result = await client.sequence_states.add_prospects(3, [5], mailbox=7)
    failure = result.failed[5]
    assert failure.uncertain and isinstance(failure.error, TransportError)
    assert failure.error.maybe_applied and "looking it up failed: Forbidden" in str(failure.error)
    assert failure.error.__cause__.status == 403  # type: ignore[union-attr]
    assert [method for method, _ in mocked.sent] == ["POST", "GET"]


async def test_a_connection_that_never_opened_is_retried_by_the_session(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    refused = aiohttp.ClientConnectorError(
        aiohttp.client_reqrep.ConnectionKey("api.outreach.io", 443, True, True, None, None, None),
        OSError(111, "Connection refused"),
    )
    mocked.post(STATES, exception=refused)
    mocked.post(STATES, callback=_echo(itertools.count(300)))
    result = await client.sequence_states.add_prospects(3, [5], mailbox=7)
    assert result.added[5].id == 300
    assert [method for method, _ in mocked.sent] == ["POST", "POST"]


async def test_no_more_than_the_concurrency_limit_is_in_flight(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    in_flight = 0
    peak = 0

    async def respond(url: Any, **kwargs: Any) -> CallbackResult:
        nonlocal in_flight, peak
        in_flight += 1
        peak = max(peak, in_flight)
        for _ in range(3):
            await asyncio.sleep(0)
        in_flight -= 1
        prospect_id = _prospect_of(kwargs)
        return CallbackResult(
            status=201,
            payload={"data": {"type": "sequenceState", "id": prospect_id}},
            content_type=JSONAPI,
        )

    mocked.post(STATES, callback=respond, repeat=True)
    result = await client.sequence_states.add_prospects(3, range(1, 11), mailbox=7, concurrency=3)
    assert sorted(result.added) == list(range(1, 11))
    assert peak == 3


async def test_cancelling_leaves_no_task_running(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    started = asyncio.Event()
    never = asyncio.Event()

    async def respond(url: Any, **kwargs: Any) -> CallbackResult:
        started.set()
        await never.wait()
        raise AssertionError("unreachable")

    mocked.post(STATES, callback=respond, repeat=True)
    before = asyncio.all_tasks()
    work = asyncio.ensure_future(
        client.sequence_states.add_prospects(3, range(1, 20), mailbox=7, concurrency=4)
    )
    await started.wait()
    work.cancel()
    with pytest.raises(asyncio.CancelledError):
        await work
    assert asyncio.all_tasks() == before


async def test_arguments_are_checked_before_sending(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    with pytest.raises(ValueError, match="concurrency"):
        await client.sequence_states.add_prospects(3, [1], mailbox=7, concurrency=0)
    with pytest.raises(TypeError, match="prospects"):
        await client.sequence_states.add_prospects(3, [1.5], mailbox=7)  # type: ignore[list-item]
    with pytest.raises(ValueError, match="mailbox: this Mailbox has no id"):
        await client.sequence_states.add_prospects(3, [1], mailbox=Mailbox())
    assert mocked.sent == []


async def test_resume_and_finish(mocked: RecordingMock, client: OutreachClient) -> None:
    for action, state in (("resume", "active"), ("finish", "finished")):
        mocked.post(
            f"{STATES}/4/actions/{action}",
            payload={"data": {"type": "sequenceState", "id": 4, "attributes": {"state": state}}},
            content_type=JSONAPI,
        )
    assert (await client.sequence_states.resume(4)).state == "active"
    assert (await client.sequence_states.finish(4)).state == "finished"


# Copying steps -----------------------------------------------------------------------------

STEPS = f"{BASE}/sequenceSteps"
LINKS = f"{BASE}/sequenceTemplates"


def _step(step_id: int, order: int) -> dict[str, Any]:
    return {
        "type": "sequenceStep",
        "id": step_id,
        "attributes": {
            "order": order,
            "interval": 86400 * order,
            "stepType": "auto_email",
            "displayName": f"Day {order}: Auto email",
            "createdAt": "2024-01-01T00:00:00Z",
        },
        "relationships": {
            "sequence": {"data": {"type": "sequence", "id": 1}},
            "taskPriority": {"data": {"type": "taskPriority", "id": 2}},
            "sequenceTemplates": {"data": [{"type": "sequenceTemplate", "id": 90 + step_id}]},
        },
    }


def _mock_source(mocked: RecordingMock) -> None:
    mocked.get(
        f"{STEPS}?filter[sequence][id]=1&sort=order&page[size]=1000",
        payload={"data": [_step(12, 2), _step(11, 1)]},
        content_type=JSONAPI,
    )
    mocked.get(
        f"{STEPS}?filter[sequence][id]=2&fields[sequenceStep]=order&page[size]=1000",
        payload={"data": [{"type": "sequenceStep", "id": 40, "attributes": {"order": 1}}]},
        content_type=JSONAPI,
    )


def _link(link_id: int, template_id: int) -> dict[str, Any]:
    return {
        "type": "sequenceTemplate",
        "id": link_id,
        "attributes": {"isReply": False, "enabled": True},
        "relationships": {
            "sequenceStep": {"data": {"type": "sequenceStep", "id": 11}},
            "template": {"data": {"type": "template", "id": template_id}},
        },
    }


async def test_copy_steps_appends_steps_and_their_templates(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    _mock_source(mocked)
    mocked.post(STEPS, callback=_echo(itertools.count(500)), repeat=True)
    mocked.get(
        f"{LINKS}?filter[sequenceStep][id]=11&page[size]=1000",
        payload={"data": [_link(101, 50)]},
        content_type=JSONAPI,
    )
    mocked.get(
        f"{LINKS}?filter[sequenceStep][id]=12&page[size]=1000",
        payload={"data": []},
        content_type=JSONAPI,
    )
    mocked.post(LINKS, callback=_echo(itertools.count(700)), repeat=True)

    copy = await client.sequences.copy_steps(1, Sequence(id=2))

    steps = _posted(mocked, STEPS)
    assert [step["attributes"]["order"] for step in steps] == [2, 3]
    assert steps[0] == {
        "type": "sequenceStep",
        "attributes": {"interval": 86400, "order": 2, "stepType": "auto_email"},
        "relationships": {
            "sequence": {"data": {"type": "sequence", "id": 2}},
            "taskPriority": {"data": {"type": "taskPriority", "id": 2}},
        },
    }
    assert _posted(mocked, LINKS) == [
        {
            "type": "sequenceTemplate",
            "attributes": {"isReply": False},
            "relationships": {
                "sequenceStep": {"data": {"type": "sequenceStep", "id": 500}},
                "template": {"data": {"type": "template", "id": 50}},
            },
        }
    ]
    assert [(old.id, new.id) for old, new in copy.steps] == [(11, 500), (12, 501)]
    assert [(old.id, new.id) for old, new in copy.sequence_templates] == [(101, 700)]
    assert copy.templates == []


async def test_copy_steps_can_duplicate_the_templates(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    _mock_source(mocked)
    mocked.post(STEPS, callback=_echo(itertools.count(500)), repeat=True)
    mocked.get(
        f"{LINKS}?filter[sequenceStep][id]=11&include=template&page[size]=1000",
        payload={
            "data": [_link(101, 50)],
            "included": [
                {
                    "type": "template",
                    "id": 50,
                    "attributes": {
                        "name": "Intro",
                        "subject": "Hello",
                        "bodyHtml": "<p>Hi</p>",
                        "createdAt": "2024-01-01T00:00:00Z",
                    },
                }
            ],
        },
        content_type=JSONAPI,
    )
    mocked.get(
        f"{LINKS}?filter[sequenceStep][id]=12&include=template&page[size]=1000",
        payload={"data": []},
        content_type=JSONAPI,
    )
    mocked.post(f"{BASE}/templates", callback=_echo(itertools.count(900)), repeat=True)
    mocked.post(LINKS, callback=_echo(itertools.count(700)), repeat=True)

    copy = await client.sequences.copy_steps(1, 2, duplicate_templates=True)

    assert _posted(mocked, f"{BASE}/templates") == [
        {
            "type": "template",
            "attributes": {"bodyHtml": "<p>Hi</p>", "name": "Intro", "subject": "Hello"},
        }
    ]
    [link] = _posted(mocked, LINKS)
    assert link["relationships"]["template"] == {"data": {"type": "template", "id": 900}}
    [(original, duplicate)] = copy.templates
    assert isinstance(original, Template) and original.id == 50 and duplicate.id == 900


async def test_a_copy_that_stops_part_way_says_what_it_created(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    _mock_source(mocked)
    mocked.post(STEPS, callback=_echo(itertools.count(500)))
    mocked.post(
        STEPS,
        status=422,
        payload={"errors": [{"id": "validationError", "detail": "Interval is too short."}]},
        content_type=JSONAPI,
    )
    mocked.get(
        f"{LINKS}?filter[sequenceStep][id]=11&page[size]=1000",
        payload={"data": []},
        content_type=JSONAPI,
    )
    with pytest.raises(SequenceCopyError, match="stopped after 1 of 2 steps") as raised:
        await client.sequences.copy_steps(1, 2)
    partial = raised.value.partial
    assert [(old.id, new.id) for old, new in partial.steps] == [(11, 500)]
    assert isinstance(partial.steps[0][1], SequenceStep)
    assert isinstance(raised.value.__cause__, ValidationError)


async def test_transport_errors_of_reads_are_not_hidden(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(
        f"{STEPS}?filter[sequence][id]=1&sort=order&page[size]=1000",
        body=b"{",
        content_type=JSONAPI,
        repeat=True,
    )
    with pytest.raises(TransportError):
        await client.sequences.copy_steps(1, 2)
