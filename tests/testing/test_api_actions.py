"""Member actions, bulk actions and batches."""

from __future__ import annotations

from typing import Any

from fake_api_client import ApiClient, error_of

from outreach_async.testing._records import Record


def first_where(api: ApiClient, type_name: str, **attributes: Any) -> Record:
    store = api.server.store
    for record in store.records(type_name, store.ids(type_name)):
        if all(record.attributes.get(k) == v for k, v in attributes.items()):
            return record
    raise AssertionError(f"no seeded {type_name} with {attributes}")


async def test_mark_complete_as_documented(api: ApiClient) -> None:
    task = first_where(api, "task", state="incomplete")
    answer = await api.post(
        f"/tasks/{task.id}/actions/markComplete?actionParams[completionNote]=I+completed+this"
    )
    assert answer.status == 200, answer.text
    attributes = answer.body["data"]["attributes"]
    assert attributes["state"] == "complete"
    assert attributes["completed"] is True
    assert attributes["completedAt"] is not None
    assert attributes["note"] == "I completed this"
    stored = api.server.store.get("task", task.id)
    assert stored is not None and stored.attributes["state"] == "complete"
    again = await api.post(f"/tasks/{task.id}/actions/markComplete")
    assert again.status == 422
    assert error_of(again)["id"] == "validationError"


async def test_mark_complete_can_finish_the_sequence_state(api: ApiClient) -> None:
    store = api.server.store
    task = next(
        t
        for t in store.records("task", store.ids("task"))
        if t.attributes["state"] == "incomplete"
        and t.to_one("sequenceState")
        and store.get(*t.to_one("sequenceState")).attributes["state"] != "finished"  # type: ignore[misc, union-attr]
    )
    answer = await api.post(
        f"/tasks/{task.id}/actions/markComplete?actionParams[completionAction]=finish_no_reply"
    )
    assert answer.status == 200
    state = store.get(*task.to_one("sequenceState"))  # type: ignore[misc]
    assert state is not None and state.attributes["state"] == "finished"


async def test_unknown_and_missing_action_params_are_400(api: ApiClient) -> None:
    task = first_where(api, "task", state="incomplete")
    unknown = await api.post(f"/tasks/{task.id}/actions/markComplete?actionParams[color]=red")
    assert unknown.status == 400
    assert error_of(unknown)["source"] == {"parameter": "actionParams[color]"}
    missing = await api.post(f"/tasks/{task.id}/actions/reschedule")
    assert missing.status == 400
    assert error_of(missing)["source"] == {"parameter": "actionParams[dueAt]"}
    other = await api.post(f"/tasks/{task.id}/actions/snooze?filter[id]=1")
    assert other.status == 400
    stored = api.server.store.get("task", task.id)
    assert stored is not None and stored.attributes == task.attributes


async def test_snooze_and_reschedule_move_due_at(api: ApiClient) -> None:
    task = first_where(api, "task", state="incomplete")
    snoozed = await api.post(f"/tasks/{task.id}/actions/snooze")
    assert snoozed.status == 200
    assert snoozed.body["data"]["attributes"]["dueAt"] != task.attributes["dueAt"]
    moved = await api.post(
        f"/tasks/{task.id}/actions/reschedule?actionParams[dueAt]=2031-05-01T10:00:00Z"
    )
    assert moved.body["data"]["attributes"]["dueAt"] == "2031-05-01T10:00:00.000Z"
    bad = await api.post(f"/tasks/{task.id}/actions/reschedule?actionParams[dueAt]=later")
    assert bad.status == 400


async def test_reassign_owner_and_update_note(api: ApiClient) -> None:
    task = first_where(api, "task")
    owner = await api.post(f"/tasks/{task.id}/actions/reassignOwner?actionParams[ownerId]=2")
    assert owner.body["data"]["relationships"]["owner"]["data"] == {"type": "user", "id": 2}
    missing_user = await api.post(
        f"/tasks/{task.id}/actions/reassignOwner?actionParams[ownerId]=999"
    )
    assert missing_user.status == 422
    note = await api.post(f"/tasks/{task.id}/actions/updateNote?actionParams[note]=Call+later")
    assert note.body["data"]["attributes"]["note"] == "Call later"


async def test_sequence_state_transitions(api: ApiClient) -> None:
    state = first_where(api, "sequenceState", state="active")
    paused = await api.post(f"/sequenceStates/{state.id}/actions/pause")
    assert paused.status == 200
    assert paused.body["data"]["attributes"]["state"] == "paused"
    twice = await api.post(f"/sequenceStates/{state.id}/actions/pause")
    assert twice.status == 422
    resumed = await api.post(f"/sequenceStates/{state.id}/actions/resume")
    assert resumed.body["data"]["attributes"]["state"] == "active"
    finished = await api.post(f"/sequenceStates/{state.id}/actions/finish")
    assert finished.body["data"]["attributes"]["state"] == "finished"
    resume_finished = await api.post(f"/sequenceStates/{state.id}/actions/resume")
    assert resume_finished.status == 422
    stored = api.server.store.get("sequenceState", state.id)
    assert stored is not None and stored.attributes["state"] == "finished"


async def test_sequence_activate_and_deactivate(api: ApiClient) -> None:
    sequence = first_where(api, "sequence", enabled=True)
    off = await api.post(f"/sequences/{sequence.id}/actions/deactivate")
    assert off.body["data"]["attributes"]["enabled"] is False
    assert off.body["data"]["attributes"]["enabledAt"] is None
    assert (await api.post(f"/sequences/{sequence.id}/actions/deactivate")).status == 422
    on = await api.post(f"/sequences/{sequence.id}/actions/activate")
    assert on.body["data"]["attributes"]["enabled"] is True
    assert on.body["data"]["attributes"]["enabledAt"] is not None


async def test_actions_without_behaviour_return_the_resource(api: ApiClient) -> None:
    answer = await api.post("/mailboxes/1/actions/testSync")
    assert answer.status == 200
    assert answer.body["data"]["type"] == "mailbox" and answer.body["data"]["id"] == 1
    missing = await api.post("/mailboxes/99/actions/testSync")
    assert missing.status == 404


def add_to_sequence_body(ids: list[int], sequence: int = 1, mailbox: int = 1) -> dict[str, Any]:
    return {
        "data": {
            "type": "batch",
            "attributes": {"ids": ids, "sequenceId": sequence, "mailboxId": mailbox},
        }
    }


async def test_prospects_add_to_sequence_with_skipped_confirmation(api: ApiClient) -> None:
    store = api.server.store
    in_sequence = next(s for s in store.records("sequenceState", store.ids("sequenceState")))
    sequence = in_sequence.to_one("sequence")[1]  # type: ignore[index]
    already = in_sequence.to_one("prospect")[1]  # type: ignore[index]
    fresh = store.insert("prospect", {"firstName": "Fresh"}).id
    answer = await api.post(
        "/batches/actions/prospectsAddToSequence?actionParams[skipConfirmation]=true",
        json=add_to_sequence_body([fresh, already, 4242], sequence=sequence),
    )
    assert answer.status == 200, answer.text
    batch = answer.body["data"]
    assert batch["type"] == "batch"
    assert batch["attributes"]["state"] == "finished"
    assert batch["attributes"]["action"] == "prospectsAddToSequence"
    assert batch["attributes"]["total"] == 3
    assert batch["attributes"]["failures"] == 2
    items = await api.get(f"/batchItems?filter[batch][id]={batch['id']}")
    by_data = {int(i["attributes"]["data"]): i["attributes"] for i in items.body["data"]}
    assert by_data[fresh]["state"] == "succeeded" and by_data[fresh]["failed"] is False
    assert by_data[already]["failed"] is True and "already" in by_data[already]["info"]
    assert by_data[4242]["failed"] is True
    assert store.sequence_state_for(fresh, sequence) is not None
    related = batch["relationships"]["batchItems"]["links"]["related"]
    assert related == f"{api.server.api_url}/batchItems?filter[batch][id]={batch['id']}"


async def test_batches_wait_for_confirmation_or_cancel(api: ApiClient) -> None:
    store = api.server.store
    prospect = store.insert("prospect", {"firstName": "Waiting"}).id
    pending = await api.post(
        "/batches/actions/prospectsAddToSequence", json=add_to_sequence_body([prospect])
    )
    batch_id = pending.body["data"]["id"]
    assert pending.body["data"]["attributes"]["state"] == "pending"
    assert store.sequence_state_for(prospect, 1) is None
    confirmed = await api.post(f"/batches/{batch_id}/actions/confirm")
    assert confirmed.status == 200
    assert confirmed.body["data"]["attributes"]["state"] == "finished"
    assert store.sequence_state_for(prospect, 1) is not None
    assert (await api.post(f"/batches/{batch_id}/actions/cancel")).status == 422
    other = store.insert("prospect", {"firstName": "Canceled"}).id
    second = await api.post(
        "/batches/actions/prospectsAddToSequence", json=add_to_sequence_body([other])
    )
    canceled = await api.post(f"/batches/{second.body['data']['id']}/actions/cancel")
    assert canceled.body["data"]["attributes"]["state"] == "canceled"
    assert store.sequence_state_for(other, 1) is None


async def test_bulk_action_validation(api: ApiClient) -> None:
    no_ids = await api.post(
        "/batches/actions/prospectsAddToSequence", json=add_to_sequence_body([])
    )
    assert no_ids.status == 422
    assert error_of(no_ids)["source"] == {"pointer": "/data/attributes/ids"}
    bad_sequence = await api.post(
        "/batches/actions/prospectsAddToSequence", json=add_to_sequence_body([1], sequence=999)
    )
    assert bad_sequence.status == 422
    assert error_of(bad_sequence)["source"] == {"pointer": "/data/attributes/sequenceId"}
    bad_param = await api.post(
        "/batches/actions/prospectsAddToSequence?actionParams[fast]=true",
        json=add_to_sequence_body([1]),
    )
    assert bad_param.status == 400
    assert api.server.store.count("batch") == 0


async def test_bulk_tags_and_owner(api: ApiClient) -> None:
    tags = await api.post(
        "/batches/actions/prospectsAddTags?actionParams[skipConfirmation]=true",
        json={"data": {"type": "batch", "attributes": {"ids": [1, 2], "tags": ["VIP"]}}},
    )
    assert tags.body["data"]["attributes"]["state"] == "finished"
    for prospect_id in (1, 2):
        record = api.server.store.get("prospect", prospect_id)
        assert record is not None and "VIP" in record.attributes["tags"]
    owner = await api.post(
        "/batches/actions/prospectsAssignOwner?actionParams[skipConfirmation]=true",
        json={"data": {"type": "batch", "attributes": {"ids": [3], "ownerId": 4}}},
    )
    assert owner.status == 200
    record = api.server.store.get("prospect", 3)
    assert record is not None and record.to_one("owner") == ("user", 4)


async def test_unsupported_bulk_actions_say_so(api: ApiClient) -> None:
    answer = await api.post(
        "/batches/actions/customObjectBulkDelete?actionParams[objectName]=x",
        json={"data": {"type": "batch", "attributes": {"ids": [1]}}},
    )
    assert answer.status == 501
