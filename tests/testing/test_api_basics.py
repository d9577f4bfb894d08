"""The fake API's wire format: content negotiation, routing, documents, include, fields."""

from __future__ import annotations

import aiohttp
import pytest
from fake_api_client import JSONAPI, ApiClient, error_of

from outreach_async._spec import RESOURCES


async def test_missing_content_type_is_415_with_the_documented_body(api: ApiClient) -> None:
    async with aiohttp.ClientSession() as session:
        for method in ("GET", "POST", "PATCH", "DELETE"):
            async with session.request(
                method,
                api.server.api_url + "/prospects/1",
                headers={"Authorization": f"Bearer {api.server.token}"},
            ) as response:
                assert response.status == 415
                assert response.content_type == JSONAPI
                assert await response.json(content_type=None) == {
                    "errors": [
                        {
                            "id": "unsupportedMediaType",
                            "title": "Unsupported Media Type",
                            "details": (
                                "Expected Content-Type header to be 'application/vnd.api+json'."
                            ),
                        }
                    ]
                }


async def test_wrong_content_type_is_415(api: ApiClient) -> None:
    answer = await api.post(
        "/prospects",
        json={"data": {"type": "prospect", "attributes": {}}},
        headers={"Content-Type": "application/json"},
    )
    assert answer.status == 415
    assert error_of(answer)["id"] == "unsupportedMediaType"
    assert api.server.store.count("prospect") == 100


async def test_collection_document(api: ApiClient) -> None:
    answer = await api.get("/prospects")
    assert answer.status == 200
    assert answer.headers["Content-Type"] == JSONAPI
    data = answer.body["data"]
    assert len(data) == 50, "default page size"
    first = data[0]
    assert first["type"] == "prospect"
    assert first["id"] == 1 and isinstance(first["id"], int)
    stored = api.server.store.get("prospect", 1)
    assert stored is not None
    assert first["attributes"]["firstName"] == stored.attributes["firstName"]
    documented = {a.name for a in RESOURCES["prospect"].attributes}
    assert set(first["attributes"]) == documented, "every attribute, null when unset"
    assert first["attributes"]["middleName"] is None
    relationships = first["relationships"]
    assert relationships["account"] == {
        "data": {"type": "account", "id": stored.to_one("account")[1]}
    }  # type: ignore[index]
    assert relationships["persona"] == {"data": None}
    assert relationships["mailings"] == {
        "links": {"related": f"{api.server.api_url}/mailings?filter[prospect][id]=1"}
    }


async def test_single_resource_and_404(api: ApiClient) -> None:
    answer = await api.get("/accounts/3")
    assert answer.status == 200
    assert answer.body["data"]["id"] == 3
    assert answer.body["data"]["type"] == "account"
    missing = await api.get("/prospects/100000")
    assert missing.status == 404
    assert missing.body == {
        "errors": [
            {
                "id": "resourceNotFound",
                "title": "Resource Not Found",
                "detail": "Could not find 'prospect' with ID '100000'.",
            }
        ]
    }
    api.server.store.delete("prospect", 1)
    gone = await api.get("/prospects/1")
    assert gone.status == 404
    assert error_of(gone)["detail"] == "Could not find 'prospect' with ID '1'."


async def test_unknown_routes_are_404_and_undocumented_methods_405(api: ApiClient) -> None:
    unknown = await api.get("/prospectz")
    assert unknown.status == 404 and error_of(unknown)["id"] == "notFound"
    deep = await api.get("/prospects/1/mailings/extra/more")
    assert deep.status == 404
    patch_call = await api.patch("/calls/1", json={"data": {"type": "call", "id": 1}})
    assert patch_call.status == 405
    assert error_of(patch_call)["id"] == "methodNotAllowed"
    assert set(patch_call.headers["Allow"].split(", ")) == {"GET", "DELETE"}
    delete_user = await api.delete("/users/1")
    assert delete_user.status == 405
    assert api.server.store.exists("user", 1)
    get_action = await api.get("/tasks/1/actions/markComplete")
    assert get_action.status == 405
    unknown_action = await api.post("/tasks/1/actions/explode")
    assert unknown_action.status == 404


@pytest.mark.parametrize("type_name", sorted(RESOURCES))
async def test_every_type_lists(api: ApiClient, type_name: str) -> None:
    spec = RESOURCES[type_name]
    if "list" not in spec.methods:
        answer = await api.get(f"/{spec.plural}")
        assert answer.status in (404, 405)
        return
    answer = await api.get(f"/{spec.plural}")
    assert answer.status == 200
    assert len(answer.body["data"]) == min(api.server.store.count(type_name), 50)


async def test_include_nested_with_dedup(api: ApiClient) -> None:
    answer = await api.get("/prospects/1?include=account.owner,stage")
    assert answer.status == 200
    prospect = api.server.store.get("prospect", 1)
    assert prospect is not None
    account = api.server.store.get(*prospect.to_one("account"))  # type: ignore[misc]
    assert account is not None
    expected = {prospect.to_one("account"), prospect.to_one("stage"), account.to_one("owner")}
    included = answer.body["included"]
    assert {(r["type"], r["id"]) for r in included} == expected
    assert len(included) == len(expected)
    listing = await api.get("/prospects?page[size]=40&include=account")
    refs = [(r["type"], r["id"]) for r in listing.body["included"]]
    assert len(refs) == len(set(refs)), "each included resource once"
    linked = {
        (p["relationships"]["account"]["data"]["type"], p["relationships"]["account"]["data"]["id"])
        for p in listing.body["data"]
    }
    assert set(refs) == linked


async def test_include_of_unknown_or_link_only_relationship_is_400(api: ApiClient) -> None:
    unknown = await api.get("/prospects/1?include=acount")
    assert unknown.status == 400
    assert error_of(unknown)["source"] == {"parameter": "include"}
    links_only = await api.get("/prospects/1?include=mailings")
    assert links_only.status == 400


async def test_sparse_fieldsets_as_documented(api: ApiClient) -> None:
    answer = await api.get(
        "/prospects/1?include=account,stage&fields[account]=name"
        "&fields[prospect]=firstName,lastName&fields[stage]=name"
    )
    data = answer.body["data"]
    assert set(data) == {"type", "id", "attributes"}
    assert set(data["attributes"]) == {"firstName", "lastName"}
    for included in answer.body["included"]:
        assert set(included["attributes"]) == {"name"}
        assert "relationships" not in included
    owner = await api.get(
        "/prospects/1?include=owner&fields[user]=firstName,lastName"
        "&fields[prospect]=firstName,lastName"
    )
    (user,) = owner.body["included"]
    assert user["type"] == "user"
    assert set(user["attributes"]) == {"firstName", "lastName"}


async def test_sparse_fieldsets_select_relationships_too(api: ApiClient) -> None:
    answer = await api.get("/prospects/2?fields[prospect]=firstName,account")
    data = answer.body["data"]
    assert set(data["attributes"]) == {"firstName"}
    assert set(data["relationships"]) == {"account"}


async def test_unknown_field_is_400(api: ApiClient) -> None:
    answer = await api.get("/prospects/1?fields[prospect]=shoeSize")
    assert answer.status == 400
    assert error_of(answer)["source"] == {"parameter": "fields[prospect]"}


async def test_write_only_attributes_are_never_returned(api: ApiClient) -> None:
    created = await api.post(
        "/mailboxes",
        json={
            "data": {"type": "mailbox", "attributes": {"email": "a@b.example", "password": "pw"}}
        },
    )
    assert created.status == 201
    assert "password" not in created.body["data"]["attributes"]
    assert "pw" not in created.text


async def test_derived_to_many_relationships_have_data(api: ApiClient) -> None:
    answer = await api.get("/sequences/1?include=sequenceSteps")
    steps = answer.body["data"]["relationships"]["sequenceSteps"]["data"]
    assert steps, "seeded sequences have steps"
    for step in answer.body["included"]:
        assert step["relationships"]["sequence"]["data"] == {"type": "sequence", "id": 1}
    assert {s["id"] for s in steps} == {s["id"] for s in answer.body["included"]}
