"""Typed managers: the methods each type allows, typed results, Python names in queries."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest

from outreach_async import ABSENT, OutreachClient, TransportError, TypedPage, at_least
from outreach_async._dialect import plural_of
from outreach_async._spec import RESOURCES
from outreach_async.managers import Listable, TypedManager
from outreach_async.models import Account, Batch, Prospect, Ref, Sequence, SequenceState, Task

from .conftest import BASE, RecordingMock

JSONAPI = "application/vnd.api+json"


def _bodies(mocked: RecordingMock) -> list[Any]:
    return [json.loads(call.kwargs["data"]) for call in mocked.calls() if call.kwargs["data"]]


def _one(resource_type: str, resource_id: int, **attributes: Any) -> dict[str, Any]:
    return {"data": {"type": resource_type, "id": resource_id, "attributes": attributes}}


def _snake(name: str) -> str:
    return "".join(f"_{c.lower()}" if c.isupper() else c for c in name)


@pytest.mark.parametrize("resource_type", sorted(RESOURCES))
def test_each_type_has_a_manager_with_exactly_its_methods(
    client: OutreachClient, resource_type: str
) -> None:
    spec = RESOURCES[resource_type]
    manager = getattr(client, _snake(spec.plural))
    assert isinstance(manager, TypedManager)
    assert resource_type == manager.model.TYPE
    assert manager.generic.path == spec.plural
    for method in ("list", "get", "create", "update", "delete"):
        assert hasattr(manager, method) == (method in spec.methods), method
    assert hasattr(manager, "iterate") == ("list" in spec.methods)
    for action in spec.member_actions + spec.collection_actions:
        assert callable(getattr(manager, _snake(action.name)))


def test_types_without_a_method_have_no_such_method(client: OutreachClient) -> None:
    assert not hasattr(client.calls, "update")
    assert not hasattr(client.mailings, "update")
    assert not hasattr(client.users, "delete")
    assert not hasattr(client.sequence_steps, "delete")
    assert isinstance(client.prospects, Listable)
    assert client.prospects is client.prospects


def test_plural_of_follows_the_openapi_file() -> None:
    assert plural_of("mailAlias") == "mailAliases"
    assert plural_of("duty") == "duties"


def test_a_type_outside_the_openapi_file_is_at_its_own_name() -> None:
    assert plural_of("gadget") == "gadget"
    assert plural_of("people") == "people"


async def test_get_returns_a_model_with_included_resources(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    url = f"{BASE}/prospects/1?include=account.owner&fields[prospect]=firstName,account"
    mocked.get(
        url,
        payload={
            "data": {
                "type": "prospect",
                "id": 1,
                "attributes": {"firstName": "Sally"},
                "relationships": {"account": {"data": {"type": "account", "id": 2}}},
            },
            "included": [{"type": "account", "id": 2, "attributes": {"name": "Acme"}}],
        },
        content_type=JSONAPI,
    )
    prospect = await client.prospects.get(
        1, include="account.owner", fields=["first_name", "account"]
    )
    assert mocked.sent == [("GET", url)]
    assert isinstance(prospect, Prospect)
    assert prospect.first_name == "Sally" and prospect.last_name is ABSENT
    assert isinstance(prospect.account, Ref)
    account = prospect.resolve(prospect.account)
    assert isinstance(account, Account) and account.name == "Acme"


async def test_iterate_translates_python_names_and_yields_models(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    first = (
        f"{BASE}/sequenceStates?filter[state]=active&filter[sequence][id]=3"
        "&filter[updatedAt]=2024-01-01T00:00:00Z..inf&sort=-updatedAt,stateChangedAt"
        "&include=sequenceStep&fields[sequenceStep]=order&page[size]=2"
    )
    second = f"{BASE}/sequenceStates?page[size]=2&page[after]=abc"
    mocked.get(
        first,
        payload={
            "data": [
                {"type": "sequenceState", "id": 1, "attributes": {"state": "active"}},
                {"type": "sequenceState", "id": 2, "attributes": {"state": "active"}},
            ],
            "links": {"next": second},
        },
        content_type=JSONAPI,
    )
    mocked.get(
        second,
        payload={"data": [{"type": "sequenceState", "id": 3, "attributes": {"state": "active"}}]},
        content_type=JSONAPI,
    )
    states = client.sequence_states.iterate(
        filter={
            "state": "active",
            "sequence": {"id": 3},
            "updated_at": at_least(datetime(2024, 1, 1, tzinfo=timezone.utc)),
        },
        sort=["-updated_at", "state_changed_at"],
        include="sequence_step",
        fields={"sequence_step": ["order"]},
        page_size=2,
    )
    ids = [state.id async for state in states]
    assert ids == [1, 2, 3]
    assert mocked.sent == [("GET", first), ("GET", second)]


async def test_list_gives_a_typed_page(mocked: RecordingMock, client: OutreachClient) -> None:
    mocked.get(
        f"{BASE}/accounts?page[size]=100&count=true",
        payload={
            "data": [{"type": "account", "id": 7, "attributes": {"name": "Acme"}}],
            "meta": {"count": 1},
        },
        content_type=JSONAPI,
    )
    page = await client.accounts.list(count=True)
    assert isinstance(page, TypedPage)
    assert [account.name for account in page] == ["Acme"]
    assert page.count == 1 and len(page) == 1 and page.next_url is None


async def test_create_sends_set_fields_with_wire_names(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.post(
        f"{BASE}/prospects",
        status=201,
        payload=_one("prospect", 9, firstName="Sally", createdAt="2024-01-01T00:00:00Z"),
        content_type=JSONAPI,
    )
    created = await client.prospects.create(
        Prospect(first_name="Sally", last_name=None, account=Account.ref(1), extra={"custom1": "x"})
    )
    assert _bodies(mocked) == [
        {
            "data": {
                "type": "prospect",
                "attributes": {"firstName": "Sally", "lastName": None, "custom1": "x"},
                "relationships": {"account": {"data": {"type": "account", "id": 1}}},
            }
        }
    ]
    assert created.id == 9
    assert created.created_at == datetime(2024, 1, 1, tzinfo=timezone.utc)


async def test_read_only_fields_are_refused_before_anything_is_sent(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    with pytest.raises(ValueError, match="created_at is read-only"):
        await client.prospects.create(
            Prospect(first_name="A", created_at=datetime.now(timezone.utc))
        )
    with pytest.raises(ValueError, match="state is read-only"):
        await client.sequence_states.create(SequenceState(state="active"))
    with pytest.raises(TypeError, match="expected a Prospect, got Account"):
        await client.prospects.create(Account(name="x"))  # type: ignore[arg-type]
    assert mocked.sent == []


async def test_update_sends_only_the_changes(mocked: RecordingMock, client: OutreachClient) -> None:
    mocked.patch(f"{BASE}/tasks/5", payload=_one("task", 5, note="call back"), content_type=JSONAPI)
    task = await client.tasks.update(5, Task(note="call back", task_priority=None))
    assert _bodies(mocked) == [
        {
            "data": {
                "type": "task",
                "id": 5,
                "attributes": {"note": "call back"},
                "relationships": {"taskPriority": {"data": None}},
            }
        }
    ]
    assert task.note == "call back"
    with pytest.raises(ValueError, match=r"changes\.id 6 is not 5"):
        await client.tasks.update(5, Task(id=6, note="x"))


async def test_delete(mocked: RecordingMock, client: OutreachClient) -> None:
    mocked.delete(f"{BASE}/sequenceStates/3", status=204)
    assert await client.sequence_states.delete(3) is None
    assert mocked.sent == [("DELETE", f"{BASE}/sequenceStates/3")]


async def test_member_actions_send_their_parameters(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    complete = (
        f"{BASE}/tasks/1/actions/markComplete?actionParams[completionAction]=finish_no_reply"
        "&actionParams[completionNote]=Done+and+dusted"
    )
    mocked.post(complete, payload=_one("task", 1, state="complete"), content_type=JSONAPI)
    snooze = f"{BASE}/tasks/1/actions/snooze?actionParams[dueAt]=2024-01-02T03:04:05Z"
    mocked.post(snooze, payload=_one("task", 1, state="incomplete"), content_type=JSONAPI)
    pause = f"{BASE}/sequenceStates/4/actions/pause"
    mocked.post(pause, payload=_one("sequenceState", 4, state="paused"), content_type=JSONAPI)
    activate = f"{BASE}/sequences/2/actions/activate"
    mocked.post(activate, payload=_one("sequence", 2, enabled=True), content_type=JSONAPI)

    task = await client.tasks.mark_complete(
        1, completion_note="Done and dusted", completion_action="finish_no_reply"
    )
    await client.tasks.snooze(1, due_at=datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc))
    state = await client.sequence_states.pause(4)
    sequence = await client.sequences.activate(2)
    assert isinstance(task, Task) and task.state == "complete"
    assert isinstance(state, SequenceState) and state.state == "paused"
    assert isinstance(sequence, Sequence) and sequence.enabled is True
    assert mocked.sent == [
        ("POST", complete),
        ("POST", snooze),
        ("POST", pause),
        ("POST", activate),
    ]
    assert _bodies(mocked) == []


async def test_bulk_actions_send_body_and_parameters(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    url = (
        f"{BASE}/batches/actions/prospectsAddToSequence?actionParams[filter][stage][id]=3"
        "&actionParams[skipConfirmation]=true"
    )
    mocked.post(url, payload=_one("batch", 11, state="pending"), content_type=JSONAPI)
    batch = await client.batches.prospects_add_to_sequence(
        ids=(1, 2),
        sequence_id=7,
        mailbox_id=4,
        filter={"stage][id": 3},
        skip_confirmation=True,
    )
    assert isinstance(batch, Batch) and batch.id == 11 and batch.state == "pending"
    assert mocked.sent == [("POST", url)]
    assert _bodies(mocked) == [
        {"data": {"type": "batch", "attributes": {"ids": [1, 2], "mailboxId": 4, "sequenceId": 7}}}
    ]
    with pytest.raises(ValueError, match="given twice"):
        await client.batches.prospects_add_tags(ids=[1], tags=["a"], attributes={"tags": ["b"]})


async def test_a_value_that_breaks_its_type_is_a_transport_error(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(
        f"{BASE}/prospects/1",
        payload=_one("prospect", 1, updatedAt="not a time"),
        content_type=JSONAPI,
    )
    with pytest.raises(TransportError, match="prospect 1: updatedAt"):
        await client.prospects.get(1)
