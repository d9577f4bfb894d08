"""Create, update, delete and their validation errors."""

from __future__ import annotations

from typing import Any

import pytest
from fake_api_client import ApiClient, error_of

from outreach_async._spec import RESOURCES
from outreach_async.testing._validation import REQUIRED_ATTRIBUTES, REQUIRED_RELATIONSHIPS


def resource(type_name: str, attributes: dict[str, Any] | None = None, **extra: Any) -> Any:
    data: dict[str, Any] = {"type": type_name}
    if attributes is not None:
        data["attributes"] = attributes
    data.update(extra)
    return {"data": data}


async def test_create_as_documented(api: ApiClient) -> None:
    answer = await api.post(
        "/prospects",
        json=resource(
            "prospect",
            {"firstName": "John"},
            relationships={"account": {"data": {"type": "account", "id": 1}}},
        ),
    )
    assert answer.status == 201
    data = answer.body["data"]
    assert data["id"] == 101 and data["type"] == "prospect"
    assert data["attributes"]["firstName"] == "John"
    assert data["attributes"]["lastName"] is None
    assert data["attributes"]["createdAt"].endswith("Z")
    assert data["relationships"]["account"] == {"data": {"type": "account", "id": 1}}
    assert data["relationships"]["creator"] == {"data": {"type": "user", "id": 1}}
    assert answer.headers["Location"] == f"{api.server.api_url}/prospects/101"
    fetched = await api.get("/prospects/101")
    assert fetched.body["data"] == data
    stored = api.server.store.get("prospect", 101)
    assert stored is not None and stored.attributes["firstName"] == "John"


async def test_create_honours_sparse_fieldsets(api: ApiClient) -> None:
    answer = await api.post(
        "/accounts?fields[account]=name", json=resource("account", {"name": "Acme"})
    )
    assert answer.status == 201
    assert answer.body["data"]["attributes"] == {"name": "Acme"}
    include = await api.post("/accounts?include=owner", json=resource("account", {"name": "X"}))
    assert include.status == 400, "include on create was removed"


async def test_create_missing_required_attribute(api: ApiClient) -> None:
    answer = await api.post("/accounts", json=resource("account", {"domain": "acme.example"}))
    assert answer.status == 422
    assert answer.body == {
        "errors": [
            {
                "id": "validationError",
                "title": "Validation Error",
                "detail": "Name can't be blank.",
                "source": {"pointer": "/data/attributes/name"},
            }
        ]
    }
    assert api.server.store.count("account") == 20


@pytest.mark.parametrize(
    ("body", "pointer"),
    [
        (resource("prospect", {"createdAt": "2020-01-01T00:00:00Z"}), "/data/attributes/createdAt"),
        (resource("prospect", {"shoeSize": 44}), "/data/attributes/shoeSize"),
        (resource("prospect", {"firstName": 12}), "/data/attributes/firstName"),
        (resource("prospect", {"emails": "a@b.example"}), "/data/attributes/emails"),
        (resource("prospect", {"emails": [1]}), "/data/attributes/emails/0"),
        (resource("prospect", {"optedOut": "yes"}), "/data/attributes/optedOut"),
        (resource("prospect", {"firstName": "x" * 256}), "/data/attributes/firstName"),
        (resource("prospect", {"availableAt": "soon"}), "/data/attributes/availableAt"),
        (resource("account", {"name": "A"}), "/data/type"),
        ({"data": {"attributes": {}}}, "/data/type"),
        (resource("prospect", {}, id=5), "/data/id"),
        (
            resource(
                "prospect", {}, relationships={"creator": {"data": {"type": "user", "id": 1}}}
            ),
            "/data/relationships/creator",
        ),
        (
            resource(
                "prospect", {}, relationships={"account": {"data": {"type": "user", "id": 1}}}
            ),
            "/data/relationships/account/data/type",
        ),
        (
            resource(
                "prospect", {}, relationships={"account": {"data": {"type": "account", "id": 999}}}
            ),
            "/data/relationships/account/data",
        ),
        (
            resource("prospect", {}, relationships={"mailings": {"data": []}}),
            "/data/relationships/mailings",
        ),
        (
            resource("prospect", {}, relationships={"nope": {"data": None}}),
            "/data/relationships/nope",
        ),
    ],
)
async def test_create_validation_errors(api: ApiClient, body: Any, pointer: str) -> None:
    answer = await api.post("/prospects", json=body)
    assert answer.status == 422, answer.text
    error = error_of(answer)
    assert error["id"] == "validationError"
    assert error["source"] == {"pointer": pointer}
    assert api.server.store.count("prospect") == 100


async def test_malformed_bodies_are_400(api: ApiClient) -> None:
    not_json = await api.call("POST", "/prospects", raw=b"{nope")
    assert not_json.status == 400
    no_data = await api.post("/prospects", json={"type": "prospect"})
    assert no_data.status == 400
    empty = await api.call("POST", "/prospects", raw=b"")
    assert empty.status == 400


async def test_duplicate_prospect_email_is_422(api: ApiClient) -> None:
    taken = api.server.store.get("prospect", 7).attributes["emails"][0]  # type: ignore[union-attr]
    answer = await api.post("/prospects", json=resource("prospect", {"emails": [taken]}))
    assert answer.status == 422
    error = error_of(answer)
    assert error["id"] == "validationDuplicateValueError"
    assert error["source"] == {"pointer": "/data/attributes/emails"}
    fresh = await api.post("/prospects", json=resource("prospect", {"emails": ["new@x.example"]}))
    assert fresh.status == 201
    again = await api.post("/prospects", json=resource("prospect", {"emails": ["NEW@x.example"]}))
    assert again.status == 422
    same = await api.patch(
        "/prospects/7", json=resource("prospect", {"emails": [taken, "other@x.example"]}, id=7)
    )
    assert same.status == 200, "a prospect may keep its own address"


async def test_update_as_documented(api: ApiClient) -> None:
    before = api.server.store.get("prospect", 1)
    assert before is not None
    answer = await api.patch(
        "/prospects/1",
        json=resource(
            "prospect",
            {"firstName": "Sal"},
            id=1,
            relationships={"account": {"data": None}},
        ),
    )
    assert answer.status == 200
    data = answer.body["data"]
    assert data["attributes"]["firstName"] == "Sal"
    assert data["attributes"]["lastName"] == before.attributes["lastName"], "absent fields stay"
    assert data["relationships"]["account"] == {"data": None}
    assert data["attributes"]["updatedAt"] > before.attributes["updatedAt"]
    assert (await api.get("/prospects/1")).body["data"] == data


async def test_update_accepts_a_string_id(api: ApiClient) -> None:
    answer = await api.patch("/prospects/2", json=resource("prospect", {"title": "CEO"}, id="2"))
    assert answer.status == 200
    assert answer.body["data"]["attributes"]["title"] == "CEO"


@pytest.mark.parametrize(
    ("body", "pointer"),
    [
        (resource("prospect", {"firstName": "A"}), "/data/id"),
        (resource("prospect", {"firstName": "A"}, id=2), "/data/id"),
        ({"data": {"id": 1, "attributes": {}}}, "/data/type"),
        (resource("prospect", {"updatedAt": "2020-01-01"}, id=1), "/data/attributes/updatedAt"),
    ],
)
async def test_update_validation_errors(api: ApiClient, body: Any, pointer: str) -> None:
    before = api.server.store.get("prospect", 1)
    answer = await api.patch("/prospects/1", json=body)
    assert answer.status == 422
    assert error_of(answer)["source"] == {"pointer": pointer}
    after = api.server.store.get("prospect", 1)
    assert before is not None and after is not None
    assert after.attributes == before.attributes


async def test_update_of_missing_record_is_404(api: ApiClient) -> None:
    answer = await api.patch("/prospects/5000", json=resource("prospect", {}, id=5000))
    assert answer.status == 404


async def test_delete(api: ApiClient) -> None:
    answer = await api.delete("/prospects/3")
    assert answer.status == 204
    assert answer.text == ""
    assert not api.server.store.exists("prospect", 3)
    assert (await api.get("/prospects/3")).status == 404
    again = await api.delete("/prospects/3")
    assert again.status == 404
    listing = await api.get("/prospects?filter[id]=1..5")
    assert [r["id"] for r in listing.body["data"]] == [1, 2, 4, 5]


async def test_add_prospect_to_sequence_via_sequence_states(api: ApiClient) -> None:
    store = api.server.store
    prospect = store.insert("prospect", {"firstName": "New"}, {"account": ("account", 4)})
    body = resource(
        "sequenceState",
        relationships={
            "prospect": {"data": {"type": "prospect", "id": prospect.id}},
            "sequence": {"data": {"type": "sequence", "id": 2}},
            "mailbox": {"data": {"type": "mailbox", "id": 1}},
        },
    )
    answer = await api.post("/sequenceStates", json=body)
    assert answer.status == 201, answer.text
    data = answer.body["data"]
    assert data["attributes"]["state"] == "active"
    assert data["relationships"]["prospect"]["data"] == {"type": "prospect", "id": prospect.id}
    assert data["relationships"]["account"]["data"] == {"type": "account", "id": 4}
    duplicate = await api.post("/sequenceStates", json=body)
    assert duplicate.status == 422
    assert error_of(duplicate)["id"] == "validationDuplicateValueError"
    other = await api.post(
        "/sequenceStates",
        json=resource(
            "sequenceState",
            relationships={
                "prospect": {"data": {"type": "prospect", "id": prospect.id}},
                "sequence": {"data": {"type": "sequence", "id": 3}},
                "mailbox": {"data": {"type": "mailbox", "id": 1}},
            },
        ),
    )
    assert other.status == 201
    active = await api.get(f"/prospects/{prospect.id}")
    states = active.body["data"]["relationships"]["activeSequenceStates"]["data"]
    assert {s["id"] for s in states} == {data["id"], other.body["data"]["id"]}


async def test_seeded_pairs_are_duplicates_too(api: ApiClient) -> None:
    state = api.server.store.get("sequenceState", 1)
    assert state is not None
    answer = await api.post(
        "/sequenceStates",
        json=resource(
            "sequenceState",
            relationships={
                "prospect": {"data": {"type": "prospect", "id": state.to_one("prospect")[1]}},  # type: ignore[index]
                "sequence": {"data": {"type": "sequence", "id": state.to_one("sequence")[1]}},  # type: ignore[index]
                "mailbox": {"data": {"type": "mailbox", "id": 2}},
            },
        ),
    )
    assert answer.status == 422


async def test_sequence_state_requires_its_relationships(api: ApiClient) -> None:
    answer = await api.post(
        "/sequenceStates",
        json=resource(
            "sequenceState",
            relationships={"prospect": {"data": {"type": "prospect", "id": 1}}},
        ),
    )
    assert answer.status == 422
    assert error_of(answer)["source"]["pointer"] == "/data/relationships/sequence"


async def test_task_create_derives_prospect_and_account(api: ApiClient) -> None:
    prospect = api.server.store.get("prospect", 8)
    assert prospect is not None
    answer = await api.post(
        "/tasks",
        json=resource(
            "task",
            {"action": "call", "dueAt": "2030-01-01T09:00:00Z"},
            relationships={
                "owner": {"data": {"type": "user", "id": 1}},
                "subject": {"data": {"type": "prospect", "id": 8}},
            },
        ),
    )
    assert answer.status == 201, answer.text
    relationships = answer.body["data"]["relationships"]
    assert relationships["prospect"]["data"] == {"type": "prospect", "id": 8}
    assert relationships["account"]["data"] == {
        "type": "account",
        "id": prospect.to_one("account")[1],  # type: ignore[index]
    }
    assert answer.body["data"]["attributes"]["dueAt"] == "2030-01-01T09:00:00.000Z"


@pytest.mark.parametrize("plural", ["webhooks", "personas", "callPurposes", "favorites"])
async def test_types_without_seed_data_work(api: ApiClient, plural: str) -> None:
    type_name = {"webhooks": "webhook", "personas": "persona", "callPurposes": "callPurpose"}.get(
        plural, "favorite"
    )
    attributes = {"webhook": {"url": "https://hooks.example/x"}, "favorite": {}}.get(
        type_name, {"name": "Thing"}
    )
    created = await api.post(f"/{plural}", json=resource(type_name, attributes))
    assert created.status == 201, created.text
    record_id = created.body["data"]["id"]
    listing = await api.get(f"/{plural}")
    assert [r["id"] for r in listing.body["data"]] == [record_id]
    assert (await api.get(f"/{plural}/{record_id}")).status == 200


def minimal_body(api: ApiClient, type_name: str) -> Any:
    """A valid create body built from the required-field tables."""
    spec = RESOURCES[type_name]
    samples = {"string": "x@example.com", "integer": 1, "number": 1.5, "boolean": True}
    attributes = {
        name: samples[spec.attribute(name).type]  # type: ignore[union-attr]
        for name in REQUIRED_ATTRIBUTES.get(type_name, ())
    }
    relationships = {}
    for name in REQUIRED_RELATIONSHIPS.get(type_name, ()):
        target = spec.relationship(name).targets[-1]  # type: ignore[union-attr]
        if target == "prospect":
            target_id = api.server.store.insert("prospect", {}).id
        else:
            target_id = api.server.store.ids(target)[0]
        relationships[name] = {"data": {"type": target, "id": target_id}}
    return resource(type_name, attributes, relationships=relationships)


@pytest.mark.parametrize(
    "type_name",
    sorted(t for t, s in RESOURCES.items() if "create" in s.methods),
)
async def test_every_creatable_type_creates(api: ApiClient, type_name: str) -> None:
    spec = RESOURCES[type_name]
    before = api.server.store.count(type_name)
    answer = await api.post(f"/{spec.plural}", json=minimal_body(api, type_name))
    assert answer.status == 201, answer.text
    assert answer.body["data"]["type"] == type_name
    assert api.server.store.count(type_name) == before + 1
    if "get" in spec.methods:
        fetched = await api.get(f"/{spec.plural}/{answer.body['data']['id']}")
        assert fetched.body["data"] == answer.body["data"]
