"""The fake server's legacy v1 sequence routes."""

from __future__ import annotations

from typing import Any

from fake_api_client import ApiClient


def _prospects(ids: range) -> dict[str, Any]:
    return {"data": {"relationships": {"prospects": [{"data": {"id": str(n)}} for n in ids]}}}


async def test_pages_are_numbered_and_ordered_by_name(api: ApiClient) -> None:
    base = api.server.url + "/1.0/sequences"
    first = await api.get(f"{base}?page[number]=1&page[size]=3")
    assert first.status == 200
    total = first.body["meta"]["results"]["total"]
    assert total == api.server.store.count("sequence")
    assert first.body["meta"]["page"] == {"current": 1, "entries": 3, "maximum": -(-total // 3)}
    assert "prev" not in first.body["links"]
    assert first.body["links"]["next"].endswith("page[number]=2&page[size]=3")
    names = []
    for number in range(1, first.body["meta"]["page"]["maximum"] + 1):
        page = await api.get(f"{base}?page[number]={number}&page[size]=3")
        names += [item["attributes"]["name"] for item in page.body["data"]]
        assert all(isinstance(item["id"], str) for item in page.body["data"])
    assert names == sorted(names) and len(names) == total
    beyond = await api.get(f"{base}?page[number]=99&page[size]=3")
    assert beyond.body["data"] == []


async def test_page_size_is_capped_at_fifty(api: ApiClient) -> None:
    answer = await api.get(api.server.url + "/1.0/sequences?page[size]=51")
    assert answer.status == 400
    default = await api.get(api.server.url + "/1.0/sequences")
    assert default.body["meta"]["page"]["entries"] == 50


async def test_patch_adds_prospects_and_returns_a_finished_batch(api: ApiClient) -> None:
    store = api.server.store
    sequence_id = store.ids("sequence")[0]
    prospect_ids = store.ids("prospect")[:3]
    answer = await api.patch(
        f"{api.server.url}/1.0/sequences/{sequence_id}",
        _prospects(range(prospect_ids[0], prospect_ids[0] + 1)),
    )
    assert answer.status == 200 and answer.body["data"]["type"] == "batch"
    batch = store.get("batch", int(answer.body["data"]["id"]))
    assert batch is not None and batch.attributes["state"] == "finished"
    assert store.sequence_state_for(prospect_ids[0], sequence_id) is not None
    again = await api.patch(
        f"{api.server.url}/1.0/sequences/{sequence_id}",
        _prospects(range(prospect_ids[0], prospect_ids[0] + 1)),
    )
    assert again.status == 200  # additive: no second state, no error
    states = [
        i
        for i in store.ids("sequenceState")
        if (record := store.get("sequenceState", i)) is not None
        and record.to_one("prospect") == ("prospect", prospect_ids[0])
        and record.to_one("sequence") == ("sequence", sequence_id)
    ]
    assert len(states) == 1


async def test_patch_refuses_more_than_fifty_and_unknown_sequences(api: ApiClient) -> None:
    sequence_id = api.server.store.ids("sequence")[0]
    too_many = await api.patch(
        f"{api.server.url}/1.0/sequences/{sequence_id}", _prospects(range(1, 52))
    )
    assert too_many.status == 422
    missing = await api.patch(f"{api.server.url}/1.0/sequences/999999", _prospects(range(1, 2)))
    assert missing.status == 404
    bad = await api.patch(f"{api.server.url}/1.0/sequences/{sequence_id}", {"data": {}})
    assert bad.status == 422


async def test_v1_needs_a_valid_token(api: ApiClient) -> None:
    answer = await api.get(
        api.server.url + "/1.0/sequences", headers={"Authorization": "Bearer nope"}
    )
    assert answer.status == 401
