"""The generic manager speaks JSON:API exactly as the seed shows it."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any

import pytest

from outreach_async import OutreachClient, Resource, ResourceIdentifier, TransportError

from .conftest import BASE, RecordingMock

JSONAPI = "application/vnd.api+json"


def _body(mocked: RecordingMock) -> Any:
    [call] = mocked.calls()
    data = call.kwargs["data"]
    return json.loads(data) if data is not None else None


def _one(
    resource_type: str = "prospect", resource_id: int = 2, **attributes: Any
) -> dict[str, Any]:
    return {"data": {"type": resource_type, "id": resource_id, "attributes": attributes}}


async def test_create_sends_the_seed_body(mocked: RecordingMock, client: OutreachClient) -> None:
    mocked.post(
        f"{BASE}/prospects", status=201, payload=_one(firstName="John"), content_type=JSONAPI
    )
    created = await client.resource("prospect").create(
        {"firstName": "John"}, {"account": ResourceIdentifier("account", 1)}
    )
    assert created.id == 2 and created["firstName"] == "John"
    assert _body(mocked) == {
        "data": {
            "type": "prospect",
            "attributes": {"firstName": "John"},
            "relationships": {"account": {"data": {"type": "account", "id": 1}}},
        }
    }


async def test_update_sends_only_given_fields_with_type_and_id(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.patch(
        f"{BASE}/prospects/1", payload=_one(resource_id=1, firstName="Sal"), content_type=JSONAPI
    )
    await client.resource("prospect").update(1, {"firstName": "Sal"}, {"account": None})
    assert _body(mocked) == {
        "data": {
            "type": "prospect",
            "id": 1,
            "attributes": {"firstName": "Sal"},
            "relationships": {"account": {"data": None}},
        }
    }


async def test_update_encodes_datetimes_and_to_many_relationships(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.patch(f"{BASE}/tasks/5", payload=_one("task", 5), content_type=JSONAPI)
    owner = Resource(type="user", id=3)
    await client.resource("task").update(
        "5",
        {"dueAt": datetime(2024, 1, 2, 3, 4, 5, tzinfo=timezone.utc)},
        {"owner": owner, "tags": [("tag", 1), ("tag", 2)]},
    )
    assert _body(mocked)["data"] == {
        "type": "task",
        "id": 5,
        "attributes": {"dueAt": "2024-01-02T03:04:05Z"},
        "relationships": {
            "owner": {"data": {"type": "user", "id": 3}},
            "tags": {"data": [{"type": "tag", "id": 1}, {"type": "tag", "id": 2}]},
        },
    }


async def test_update_without_changes_is_refused(client: OutreachClient) -> None:
    with pytest.raises(ValueError, match="update"):
        await client.resource("prospect").update(1)


async def test_bad_relationship_value_names_the_relationship(client: OutreachClient) -> None:
    with pytest.raises(TypeError, match="relationships\\['account'\\]"):
        await client.resource("prospect").create({"firstName": "A"}, {"account": 1})  # type: ignore[dict-item]


@pytest.mark.parametrize("bad", ["", "1/2", "../x", True, 1.5])
async def test_bad_ids_are_refused(client: OutreachClient, bad: Any) -> None:
    with pytest.raises((TypeError, ValueError), match="id"):
        await client.resource("prospect").get(bad)


async def test_get_with_include_and_fields(mocked: RecordingMock, client: OutreachClient) -> None:
    url = (
        f"{BASE}/prospects/1?include=account,stage&fields[account]=name"
        "&fields[prospect]=firstName,lastName&fields[stage]=name"
    )
    mocked.get(
        url,
        payload={
            "data": {
                "type": "prospect",
                "id": 1,
                "attributes": {"firstName": "Sally", "lastName": None},
                "relationships": {"account": {"data": {"type": "account", "id": 1}}},
            },
            "included": [{"type": "account", "id": 1, "attributes": {"name": "Acme"}}],
        },
        content_type=JSONAPI,
    )
    prospect = await client.resource("prospect").get(
        1,
        include=["account", "stage"],
        fields={"account": "name", "prospect": ["firstName", "lastName"], "stage": "name"},
    )
    assert mocked.sent == [("GET", url)]
    account = prospect.related("account")
    assert isinstance(account, Resource) and account["name"] == "Acme"


async def test_delete_expects_204(mocked: RecordingMock, client: OutreachClient) -> None:
    mocked.delete(f"{BASE}/prospects/1", status=204)
    assert await client.resource("prospect").delete(1) is None
    assert mocked.sent == [("DELETE", f"{BASE}/prospects/1")]


async def test_member_action_with_params(mocked: RecordingMock, client: OutreachClient) -> None:
    url = f"{BASE}/tasks/1/actions/markComplete?actionParams[completionNote]=I+completed+this"
    mocked.post(url, payload=_one("task", 1, state="complete"), content_type=JSONAPI)
    task = await client.resource("task").action(
        1, "markComplete", completionNote="I completed this"
    )
    assert task["state"] == "complete"
    assert mocked.sent == [("POST", url)]
    assert _body(mocked) is None


async def test_collection_action_posts_attributes(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    url = f"{BASE}/batches/actions/prospectsAddToSequence?actionParams[skipConfirmation]=true"
    mocked.post(url, payload=_one("batch", 9, state="pending"), content_type=JSONAPI)
    document = await client.resource("batch").collection_action(
        "prospectsAddToSequence",
        {"ids": [1, 2], "sequenceId": 3, "mailboxId": 4},
        params={"skipConfirmation": True},
    )
    assert document.resources[0].id == 9
    assert _body(mocked) == {
        "data": {"type": "batch", "attributes": {"ids": [1, 2], "sequenceId": 3, "mailboxId": 4}}
    }


@pytest.mark.parametrize("name", ["", "../x", "a b"])
async def test_bad_action_names_are_refused(client: OutreachClient, name: str) -> None:
    with pytest.raises(ValueError, match="action"):
        await client.resource("task").action(1, name)


async def test_a_collection_where_one_resource_was_expected_is_an_error(
    mocked: RecordingMock, client: OutreachClient
) -> None:
    mocked.get(f"{BASE}/prospects/1", payload={"data": []}, content_type=JSONAPI)
    with pytest.raises(TransportError, match="expected one prospect"):
        await client.resource("prospect").get(1)


@pytest.mark.parametrize(
    ("resource_type", "path"),
    [
        ("prospect", "prospects"),
        ("sequenceState", "sequenceStates"),
        ("opportunity", "opportunities"),
        ("mailbox", "mailboxes"),
        ("batch", "batches"),
        ("day", "day"),
        ("people", "people"),
    ],
)
def test_paths_come_from_the_spec_or_are_the_type_itself(
    client: OutreachClient, resource_type: str, path: str
) -> None:
    assert client.resource(resource_type).path == path
