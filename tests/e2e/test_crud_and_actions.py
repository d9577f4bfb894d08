"""Create, read, update and delete several types; member actions; bulk actions to the end."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

import pytest

from outreach_async import (
    BatchTimeout,
    NotFound,
    OutreachClient,
    RequestStarted,
    Resource,
    ResourceIdentifier,
    ValidationError,
)
from outreach_async.models import Prospect, Task, User
from outreach_async.testing import FakeOutreach

from .conftest import Recorder

Relations = Mapping[str, Any]

TYPES: list[tuple[str, dict[str, Any], Relations, dict[str, Any], Relations]] = [
    ("account", {"name": "E2E Co", "domain": "e2e.example.com"}, {}, {"name": "E2E Ltd"}, {}),
    (
        "prospect",
        {"firstName": "Ada", "emails": ["ada.crud@example.com"]},
        {"account": ("account", 1)},
        {"title": "Countess"},
        {"account": None},
    ),
    (
        "task",
        {"action": "call", "note": "Ring Ada"},
        {"owner": ("user", 1), "subject": ("prospect", 2)},
        {"note": "Ring Ada tomorrow"},
        {"owner": ("user", 2)},
    ),
    ("template", {"name": "Intro", "subject": "Hello"}, {}, {"subject": "Hi there"}, {}),
    ("sequence", {"name": "E2E cadence"}, {}, {"description": "Five touches"}, {}),
]


def _linked(resource: Resource, name: str) -> tuple[str, int | str] | None:
    data = resource.relationships[name].data
    assert data is None or isinstance(data, ResourceIdentifier)
    return None if data is None else (data.type, data.id)


@pytest.mark.parametrize(
    ("type_name", "attributes", "relationships", "changes", "relinks"),
    TYPES,
    ids=[t[0] for t in TYPES],
)
async def test_create_read_update_delete(
    client: OutreachClient,
    server: FakeOutreach,
    type_name: str,
    attributes: dict[str, Any],
    relationships: Relations,
    changes: dict[str, Any],
    relinks: Relations,
) -> None:
    manager = client.resource(type_name)
    before = server.store.count(type_name)
    created = await manager.create(attributes, dict(relationships))
    assert created.type == type_name and isinstance(created.id, int)
    assert {k: created[k] for k in attributes} == attributes
    for name, target in relationships.items():
        assert _linked(created, name) == target
    assert server.store.count(type_name) == before + 1

    fetched = await manager.get(created.id)
    assert fetched.attributes == created.attributes

    updated = await manager.update(created.id, changes, dict(relinks) or None)
    assert {k: updated[k] for k in changes} == changes
    untouched = {k: v for k, v in attributes.items() if k not in changes}
    assert {k: updated[k] for k in untouched} == untouched
    for name, target in relinks.items():
        assert _linked(updated, name) == target

    listed = await manager.list(filter={"id": created.id})
    assert [r.id for r in listed.items] == [created.id]

    await manager.delete(created.id)
    with pytest.raises(NotFound):
        await manager.get(created.id)
    with pytest.raises(NotFound):
        await manager.delete(created.id)
    assert server.store.count(type_name) == before


async def test_typed_task_round_trip_and_its_actions(client: OutreachClient) -> None:
    task = await client.tasks.create(
        Task(action="email", owner=User.ref(1), subject=Prospect.ref(3))
    )
    assert task.id is not None and task.state != "complete"
    snoozed = await client.resource("task").action(task.id, "snooze", dueAt="2030-01-02T03:04:05Z")
    assert snoozed["dueAt"] == "2030-01-02T03:04:05.000Z"
    done = await client.tasks.mark_complete(task.id, completion_note="I completed this")
    assert done.state == "complete" and done.note == "I completed this"
    assert done.completer == User.ref(1)
    with pytest.raises(ValidationError, match="cannot be completed again"):
        await client.tasks.mark_complete(task.id)
    await client.tasks.delete(done)


async def test_sequence_state_and_sequence_actions(client: OutreachClient) -> None:
    sequence = await client.resource("sequence").create({"name": "Actions"})
    assert isinstance(sequence.id, int)
    state = await client.resource("sequenceState").create(
        relationships={
            "prospect": ("prospect", 4),
            "sequence": sequence,
            "mailbox": ("mailbox", 1),
        }
    )
    assert isinstance(state.id, int) and state["state"] == "active"
    states = client.resource("sequenceState")
    assert (await states.action(state.id, "pause"))["state"] == "paused"
    assert (await states.action(state.id, "resume"))["state"] == "active"
    assert (await states.action(state.id, "finish"))["state"] == "finished"
    with pytest.raises(ValidationError) as raised:
        await states.action(state.id, "pause")
    assert raised.value.errors[0].pointer == "/data/attributes/state"

    enabled = bool(sequence["enabled"])
    toggled = await client.resource("sequence").action(
        sequence.id, "deactivate" if enabled else "activate"
    )
    assert toggled["enabled"] is not enabled
    again = client.sequences.activate if not enabled else client.sequences.deactivate
    with pytest.raises(ValidationError, match="already"):
        await again(sequence.id)


async def test_prospects_add_to_sequence_is_waited_to_completion(
    client: OutreachClient, recorder: Recorder
) -> None:
    sequence = await client.resource("sequence").create({"name": "Bulk"})
    document = await client.resource("batch").collection_action(
        "prospectsAddToSequence",
        {"ids": [5, 6, 7, 999_999], "sequenceId": sequence.id, "mailboxId": 1},
    )
    batch = document.data
    assert isinstance(batch, Resource) and batch["state"] == "pending"
    assert batch.id is not None

    def polls() -> int:
        started = recorder.of(RequestStarted)
        return sum(event.url.endswith(f"/batches/{batch.id}") for event in started)

    waiting = asyncio.create_task(client.batches.wait(batch.id, first_delay=1, timeout=3600))
    while polls() < 3:
        assert not waiting.done(), "an unconfirmed batch does not finish"
        await asyncio.sleep(0)
    await client.batches.confirm(batch.id, confirmed_count=4)
    result = await waiting
    assert result.batch.state == "finished" and result.batch.total == 4
    assert [(f.record_id, f.info) for f in result.failures] == [
        (999_999, "Could not find 'prospect' with ID '999999'.")
    ]
    for prospect_id in (5, 6, 7):
        assert await client.sequence_states.find(prospect_id, sequence.id) is not None  # type: ignore[arg-type]


async def test_waiting_for_a_batch_nobody_confirms_times_out(client: OutreachClient) -> None:
    batch = await client.batches.prospects_add_tags(ids=[1, 2], tags=["never"])
    assert batch.id is not None
    with pytest.raises(BatchTimeout) as raised:
        await client.batches.wait(batch, first_delay=1, timeout=60)
    assert raised.value.batch.state == "pending"
    canceled = await client.batches.cancel(batch.id)
    result = await client.batches.wait(canceled)
    assert result.canceled and not result.ok
