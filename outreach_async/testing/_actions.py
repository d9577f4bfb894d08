"""Member and collection actions: the state changes behind `/actions/{name}`.

Member actions change one record and answer with it; an action the spec documents but the fake
gives no behaviour (e.g. `mailboxes/{id}/actions/testSync`) answers with the record unchanged.
Invalid transitions (pausing a finished sequence state) are 422s. Bulk actions
(`/batches/actions/{name}`) create a batch with one batch item per id; without
`actionParams[skipConfirmation]=true` the batch waits for `batches/{id}/actions/confirm`.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from datetime import timedelta
from typing import Any

from ._errors import ApiError, bad_request, validation_error
from ._records import Record, normalize_datetime, parse_datetime
from ._store import Store

Params = Mapping[str, str]
MemberAction = Callable[[Store, Record, Params], Record]
#: Applies a bulk action to one id; returns an error message for a failed item.
ItemAction = Callable[[Store, int, dict[str, Any], Record], str | None]


def _later(store: Store, days: float) -> str:
    parsed = parse_datetime(store.now())
    assert parsed is not None
    return normalize_datetime((parsed + timedelta(days=days)).isoformat()) or store.now()


def _date_param(params: Params, name: str) -> str:
    value = normalize_datetime(params[name])
    if value is None:
        raise bad_request(
            f"actionParams[{name}] must be an ISO-8601 date-time.",
            parameter=f"actionParams[{name}]",
        )
    return value


def _int_param(params: Params, name: str) -> int:
    try:
        return int(params[name])
    except ValueError:
        raise bad_request(
            f"actionParams[{name}] must be an integer.", parameter=f"actionParams[{name}]"
        ) from None


def _require_user(store: Store, user_id: int, parameter: str) -> None:
    if not store.exists("user", user_id):
        raise validation_error(f"Could not find 'user' with ID '{user_id}'.", parameter)


# Tasks ------------------------------------------------------------------------------------


def _open_task(record: Record, verb: str) -> None:
    if record.attributes.get("state") == "complete":
        raise validation_error(f"A completed task cannot be {verb}.")


def _complete(store: Store, task: Record, note: str | None) -> None:
    now = store.now()
    task.attributes.update(state="complete", completed=True, completedAt=now, stateChangedAt=now)
    if note is not None:
        task.attributes["note"] = note
    task.relationships["completer"] = task.to_one("owner")


def task_mark_complete(store: Store, task: Record, params: Params) -> Record:
    _open_task(task, "completed again")
    _complete(store, task, params.get("completionNote"))
    state_ref = task.to_one("sequenceState")
    if state_ref is not None and params.get("completionAction") in (
        "finish_no_reply",
        "finish_replied",
    ):
        state = store.get(*state_ref)
        if state is not None and state.attributes.get("state") != "finished":
            state.attributes.update(state="finished", stateChangedAt=store.now())
            store.save(state)
    return task


def task_snooze(store: Store, task: Record, params: Params) -> Record:
    _open_task(task, "snoozed")
    due = _date_param(params, "dueAt") if "dueAt" in params else _later(store, 1)
    task.attributes["dueAt"] = due
    return task


def task_reschedule(store: Store, task: Record, params: Params) -> Record:
    _open_task(task, "rescheduled")
    task.attributes["dueAt"] = _date_param(params, "dueAt")
    return task


def task_reassign_owner(store: Store, task: Record, params: Params) -> Record:
    owner = _int_param(params, "ownerId")
    _require_user(store, owner, "actionParams[ownerId]")
    task.relationships["owner"] = ("user", owner)
    return task


def task_update_note(store: Store, task: Record, params: Params) -> Record:
    task.attributes["note"] = params["note"]
    return task


def task_log_meet_in_person(store: Store, task: Record, params: Params) -> Record:
    _open_task(task, "logged")
    disposition = _int_param(params, "taskDispositionId")
    task.relationships["taskDisposition"] = ("taskDisposition", disposition)
    if "taskPurposeId" in params:
        task.relationships["taskPurpose"] = ("taskPurpose", _int_param(params, "taskPurposeId"))
    _complete(store, task, params.get("completionNote"))
    return task


def task_update_opportunity_association(store: Store, task: Record, params: Params) -> Record:
    task.attributes["opportunityAssociation"] = params["opportunityAssociation"]
    return task


# Sequence states, sequences, batches -----------------------------------------------------


def _transition(record: Record, allowed_from: tuple[str, ...], to: str, store: Store) -> Record:
    state = record.attributes.get("state")
    if state not in allowed_from:
        raise validation_error(
            f"Cannot change a {record.type} from state '{state}' to '{to}'.",
            "/data/attributes/state",
        )
    record.attributes.update(state=to, stateChangedAt=store.now())
    return record


def state_pause(store: Store, record: Record, params: Params) -> Record:
    _transition(record, ("active",), "paused", store)
    record.attributes["pauseReason"] = "manual"
    return record


def state_resume(store: Store, record: Record, params: Params) -> Record:
    _transition(record, ("paused",), "active", store)
    record.attributes["pauseReason"] = None
    return record


def state_finish(store: Store, record: Record, params: Params) -> Record:
    return _transition(
        record, ("active", "paused", "pending", "failed", "bounced", "opted_out"), "finished", store
    )


def _enable(enabled: bool) -> MemberAction:
    def action(store: Store, record: Record, params: Params) -> Record:
        if bool(record.attributes.get("enabled")) == enabled:
            word = "active" if enabled else "inactive"
            raise validation_error(f"The {record.type} is already {word}.")
        record.attributes.update(enabled=enabled, enabledAt=store.now() if enabled else None)
        return record

    return action


def batch_confirm(store: Store, batch: Record, params: Params) -> Record:
    if batch.attributes.get("state") != "pending":
        raise validation_error(
            f"Only a pending batch can be confirmed (state is '{batch.attributes.get('state')}')."
        )
    batch.attributes["confirmedAt"] = store.now()
    return run_batch(store, batch)


def batch_cancel(store: Store, batch: Record, params: Params) -> Record:
    if batch.attributes.get("state") != "pending":
        raise validation_error(
            f"Only a pending batch can be canceled (state is '{batch.attributes.get('state')}')."
        )
    now = store.now()
    batch.attributes.update(state="canceled", canceledAt=now, finishedAt=now)
    return batch


def _touch(*names: str) -> MemberAction:
    def action(store: Store, record: Record, params: Params) -> Record:
        for name in names:
            record.attributes[name] = store.now()
        return record

    return action


def _unchanged(store: Store, record: Record, params: Params) -> Record:
    return record


MEMBER_ACTIONS: dict[tuple[str, str], MemberAction] = {
    ("task", "markComplete"): task_mark_complete,
    ("task", "snooze"): task_snooze,
    ("task", "reschedule"): task_reschedule,
    ("task", "reassignOwner"): task_reassign_owner,
    ("task", "updateNote"): task_update_note,
    ("task", "logMeetInPerson"): task_log_meet_in_person,
    ("task", "updateOpportunityAssociation"): task_update_opportunity_association,
    ("sequenceState", "pause"): state_pause,
    ("sequenceState", "resume"): state_resume,
    ("sequenceState", "finish"): state_finish,
    ("sequence", "activate"): _enable(True),
    ("sequence", "deactivate"): _enable(False),
    ("sequenceTemplate", "activate"): _enable(True),
    ("sequenceTemplate", "deactivate"): _enable(False),
    ("batch", "confirm"): batch_confirm,
    ("batch", "cancel"): batch_cancel,
    ("mailbox", "testSend"): _touch("sendSuccessAt"),
    ("mailbox", "testSync"): _touch("syncSuccessAt"),
}


def member_action(type_name: str, name: str) -> MemberAction:
    return MEMBER_ACTIONS.get((type_name, name), _unchanged)


# Bulk actions ------------------------------------------------------------------------------


def _add_to_sequence(
    store: Store, prospect_id: int, payload: dict[str, Any], item: Record
) -> str | None:
    if not store.exists("prospect", prospect_id):
        return f"Could not find 'prospect' with ID '{prospect_id}'."
    sequence_id, mailbox_id = payload["sequenceId"], payload["mailboxId"]
    if store.sequence_state_for(prospect_id, sequence_id) is not None:
        return f"Prospect {prospect_id} is already in sequence {sequence_id}."
    create_sequence_state(
        store, prospect_id, sequence_id, mailbox_id, batch_item=("batchItem", item.id)
    )
    return None


def create_sequence_state(
    store: Store,
    prospect_id: int,
    sequence_id: int,
    mailbox_id: int,
    *,
    batch_item: tuple[str, int] | None = None,
    relationships: Mapping[str, Any] | None = None,
) -> Record:
    """A new active sequence state, with the relationships derived from its prospect."""
    prospect = store.peek("prospect", prospect_id)
    mailbox = store.peek("mailbox", mailbox_id)
    links: dict[str, Any] = dict(relationships or {})
    links.update(
        prospect=("prospect", prospect_id),
        sequence=("sequence", sequence_id),
        mailbox=("mailbox", mailbox_id),
        account=prospect.to_one("account") if prospect else None,
        user=mailbox.to_one("user") if mailbox else None,
    )
    if batch_item is not None:
        links["batchItemCreator"] = batch_item
    now = store.now()
    return store.insert(
        "sequenceState",
        {"state": "active", "activeAt": now, "stateChangedAt": now},
        links,
    )


def _tags(add: bool, type_name: str) -> ItemAction:
    def apply(store: Store, record_id: int, payload: dict[str, Any], item: Record) -> str | None:
        record = store.get(type_name, record_id)
        if record is None:
            return f"Could not find '{type_name}' with ID '{record_id}'."
        tags = list(record.attributes.get("tags") or [])
        for tag in payload.get("tags") or []:
            if add and tag not in tags:
                tags.append(tag)
            elif not add and tag in tags:
                tags.remove(tag)
        record.attributes["tags"] = tags
        store.save(record)
        return None

    return apply


def _assign(type_name: str, relationship: str, target: str, key: str) -> ItemAction:
    def apply(store: Store, record_id: int, payload: dict[str, Any], item: Record) -> str | None:
        record = store.get(type_name, record_id)
        if record is None:
            return f"Could not find '{type_name}' with ID '{record_id}'."
        record.relationships[relationship] = (target, int(payload[key]))
        store.save(record)
        return None

    return apply


def _destroy(type_name: str) -> ItemAction:
    def apply(store: Store, record_id: int, payload: dict[str, Any], item: Record) -> str | None:
        if not store.delete(type_name, record_id):
            return f"Could not find '{type_name}' with ID '{record_id}'."
        return None

    return apply


#: Bulk actions with behaviour: (item action, body attributes that must be present and refer
#: to existing records as (attribute, type), other required attributes).
BULK_ACTIONS: dict[str, tuple[ItemAction, tuple[tuple[str, str], ...], tuple[str, ...]]] = {
    "prospectsAddToSequence": (
        _add_to_sequence,
        (("sequenceId", "sequence"), ("mailboxId", "mailbox")),
        (),
    ),
    "prospectsAddTags": (_tags(True, "prospect"), (), ("tags",)),
    "prospectsRemoveTags": (_tags(False, "prospect"), (), ("tags",)),
    "accountAddTags": (_tags(True, "account"), (), ("tags",)),
    "accountsRemoveTags": (_tags(False, "account"), (), ("tags",)),
    "prospectsAssignOwner": (
        _assign("prospect", "owner", "user", "ownerId"),
        (("ownerId", "user"),),
        (),
    ),
    "accountsAssignOwner": (
        _assign("account", "owner", "user", "ownerId"),
        (("ownerId", "user"),),
        (),
    ),
    "prospectsAssignAccount": (
        _assign("prospect", "account", "account", "accountId"),
        (("accountId", "account"),),
        (),
    ),
    "prospectsDestroyAll": (_destroy("prospect"), (), ()),
    "accountsDestroyAll": (_destroy("account"), (), ()),
}


def start_bulk_action(store: Store, name: str, body: Any, params: Params) -> Record:
    """Validate a bulk action's body, create its batch and items, and run it unless it waits."""
    behaviour = BULK_ACTIONS.get(name)
    if behaviour is None:
        raise ApiError(
            501, "notImplemented", "Not Implemented", f"The fake server does not run '{name}'."
        )
    _, references, required = behaviour
    data = body.get("data") if isinstance(body, dict) else None
    attributes = data.get("attributes") if isinstance(data, dict) else None
    if not isinstance(attributes, dict):
        raise validation_error("The body needs data.attributes.", "/data/attributes")
    ids = attributes.get("ids")
    if (
        not isinstance(ids, list)
        or not ids
        or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids)
    ):
        raise validation_error("Ids must be a non-empty list of integers.", "/data/attributes/ids")
    for key, type_name in references:
        value = attributes.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise validation_error(f"{key} must be an integer.", f"/data/attributes/{key}")
        if not store.exists(type_name, value):
            raise validation_error(
                f"Could not find '{type_name}' with ID '{value}'.", f"/data/attributes/{key}"
            )
    for key in required:
        if attributes.get(key) is None:
            raise validation_error(f"{key} can't be blank.", f"/data/attributes/{key}")
    skip = params.get("skipConfirmation", "false")
    if skip not in ("true", "false"):
        raise bad_request(
            "actionParams[skipConfirmation] must be 'true' or 'false'.",
            parameter="actionParams[skipConfirmation]",
        )
    batch = store.insert(
        "batch",
        {
            "action": name,
            "state": "pending",
            "payload": attributes,
            "total": len(ids),
            "pending": len(ids),
            "failures": 0,
            "confirmCount": len(ids),
            "confirmedCountRequired": False,
        },
        {"creator": ("user", store.ids("user")[0]) if store.count("user") else None},
    )
    for record_id in ids:
        store.insert(
            "batchItem",
            {
                "batchId": batch.id,
                "state": "pending",
                "failed": False,
                "data": json.dumps(record_id),
            },
            {"batch": ("batch", batch.id)},
        )
    if skip == "true":
        batch = run_batch(store, batch)
        store.save(batch, touch=False)
    return batch


def run_batch(store: Store, batch: Record) -> Record:
    """Apply a pending batch's action to each of its items and mark it finished."""
    action, _, _ = BULK_ACTIONS[batch.attributes["action"]]
    payload = batch.attributes.get("payload") or {}
    batch.attributes.update(state="running", startedAt=store.now())
    failures: list[dict[str, Any]] = []
    index = store.inverse_index("batchItem", "batch")
    for item_id in index.get(batch.id, []):
        item = store.get("batchItem", item_id)
        if item is None:
            continue
        record_id = int(json.loads(item.attributes["data"]))
        error = action(store, record_id, payload, item)
        item.attributes.update(
            state="failed" if error else "succeeded", failed=error is not None, info=error
        )
        store.save(item)
        if error:
            failures.append({"id": record_id, "info": error})
    total = batch.attributes.get("total") or 0
    batch.attributes.update(
        state="finished",
        finishedAt=store.now(),
        pending=0,
        failures=len(failures),
        summary={"succeeded": total - len(failures), "failed": len(failures), "errors": failures},
    )
    return batch
