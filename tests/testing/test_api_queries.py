"""Filters (both syntaxes), sort, cursor and offset pages, count: the seed's query strings."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

import pytest
from fake_api_client import ApiClient, error_of

from outreach_async.testing._records import Record
from outreach_async.testing._store import Store


def records(store: Store, type_name: str) -> list[Record]:
    return list(store.records(type_name, store.ids(type_name)))


def ids_where(store: Store, type_name: str, keep: Callable[[Record], bool]) -> list[int]:
    return [r.id for r in records(store, type_name) if keep(r)]


async def all_pages(api: ApiClient, path: str) -> tuple[list[dict[str, Any]], int]:
    """Follow `links.next` from `path`; returns the resources and the number of pages."""
    answer = await api.get(path)
    assert answer.status == 200, answer.text
    data = list(answer.body["data"])
    pages = 1
    while "links" in answer.body and "next" in answer.body["links"]:
        answer = await api.get(answer.body["links"]["next"])
        assert answer.status == 200, answer.text
        data += answer.body["data"]
        pages += 1
    return data, pages


def query_of(url: str) -> list[tuple[str, str]]:
    return parse_qsl(urlsplit(url).query)


async def test_filter_by_exact_attribute(api: ApiClient) -> None:
    store = api.server.store
    name = store.get("prospect", 4).attributes["firstName"]  # type: ignore[union-attr]
    answer = await api.get(f"/prospects?filter[firstName]={name}")
    expected = ids_where(store, "prospect", lambda r: r.attributes["firstName"] == name)
    assert [r["id"] for r in answer.body["data"]] == expected
    assert all(r["attributes"]["firstName"] == name for r in answer.body["data"])


async def test_filter_by_list_and_range_of_ids(api: ApiClient) -> None:
    answer = await api.get("/prospects?filter[id]=1,2,3,5,8,13")
    assert [r["id"] for r in answer.body["data"]] == [1, 2, 3, 5, 8, 13]
    ranged = await api.get("/prospects?filter[id]=5..10")
    assert [r["id"] for r in ranged.body["data"]] == [5, 6, 7, 8, 9, 10]
    new = await api.get("/prospects?newFilterSyntax=true&filter[id][gte]=5&filter[id][lte]=10")
    assert new.body["data"] == ranged.body["data"]
    open_low = await api.get("/prospects?filter[id]=neginf..3")
    assert [r["id"] for r in open_low.body["data"]] == [1, 2, 3]
    open_high = await api.get("/prospects?filter[id]=98..inf")
    assert [r["id"] for r in open_high.body["data"]] == [98, 99, 100]


async def test_filter_by_relationship_id(api: ApiClient) -> None:
    store = api.server.store
    answer = await api.get("/prospects?filter[account][id]=1,2,3,5,8,13&page[size]=1000")
    expected = ids_where(
        store,
        "prospect",
        lambda r: r.to_one("account") in {("account", i) for i in (1, 2, 3, 5, 8, 13)},
    )
    assert expected and [r["id"] for r in answer.body["data"]] == expected


async def test_filter_by_relationship_attribute(api: ApiClient) -> None:
    store = api.server.store
    account = store.get("account", 2)
    assert account is not None
    name = account.attributes["name"]
    answer = await api.get(f"/prospects?filter[account][name]={name}&page[size]=1000")
    expected = ids_where(store, "prospect", lambda r: r.to_one("account") == ("account", 2))
    assert [r["id"] for r in answer.body["data"]] == expected
    first = store.get("prospect", expected[0]).attributes["firstName"]  # type: ignore[union-attr]
    both = await api.get(f"/prospects?filter[firstName]={first}&filter[account][name]={name}")
    assert [r["id"] for r in both.body["data"]] == [
        i
        for i in expected
        if store.get("prospect", i).attributes["firstName"] == first  # type: ignore[union-attr]
    ]


async def test_filter_relationship_not_usable_as_filter_is_400(api: ApiClient) -> None:
    answer = await api.get("/prospects?filter[creator][id]=1")
    assert answer.status == 400
    assert error_of(answer)["source"] == {"parameter": "filter[creator][id]"}
    owner_name = await api.get("/prospects?filter[owner][email]=x@example.com")
    assert owner_name.status == 400


async def test_filter_through_a_link_only_relationship(api: ApiClient) -> None:
    store = api.server.store
    answer = await api.get("/prospects?filter[sequenceStates][state]=paused&page[size]=1000")
    expected = sorted(
        {
            s.to_one("prospect")[1]  # type: ignore[index]
            for s in records(store, "sequenceState")
            if s.attributes["state"] == "paused"
        }
    )
    assert [r["id"] for r in answer.body["data"]] == expected


async def test_filter_date_ranges(api: ApiClient) -> None:
    before = await api.get("/prospects?filter[updatedAt]=neginf..2017-01-01")
    assert before.status == 200
    assert before.body == {"data": []}, "empty result: no links at all"
    after = await api.get("/prospects?filter[updatedAt]=2017-01-01..inf&count=true")
    assert after.body["meta"] == {"count": 100, "count_truncated": False}
    store = api.server.store
    middle = sorted(r.attributes["updatedAt"] for r in records(store, "prospect"))[50]
    since = await api.get(f"/prospects?filter[updatedAt]={middle}..inf&page[size]=1000")
    expected = ids_where(store, "prospect", lambda r: r.attributes["updatedAt"] >= middle)
    assert [r["id"] for r in since.body["data"]] == expected
    new = await api.get(
        f"/prospects?newFilterSyntax=true&filter[updatedAt][lte]={middle}&page[size]=1000"
    )
    expected_before = ids_where(store, "prospect", lambda r: r.attributes["updatedAt"] <= middle)
    assert [r["id"] for r in new.body["data"]] == expected_before


async def test_filter_null_values(api: ApiClient) -> None:
    store = api.server.store
    null = await api.get("/accounts?filter[buyerIntentScore]=__null__")
    not_null = await api.get("/accounts?filter[buyerIntentScore]=__notnull__")
    null_ids = ids_where(store, "account", lambda r: r.attributes["buyerIntentScore"] is None)
    assert [r["id"] for r in null.body["data"]] == null_ids
    assert null_ids and len(null_ids) < store.count("account")
    assert sorted(r["id"] for r in null.body["data"] + not_null.body["data"]) == store.ids(
        "account"
    )


async def test_new_filter_syntax_lists_and_literal_commas(api: ApiClient) -> None:
    store = api.server.store
    names = [store.get("prospect", i).attributes["firstName"] for i in (1, 2)]  # type: ignore[union-attr]
    old = await api.get(f"/prospects?filter[firstName]={names[0]},{names[1]}&page[size]=1000")
    new = await api.get(
        f"/prospects?newFilterSyntax=true&filter[firstName][]={names[0]}"
        f"&filter[firstName][]={names[1]}&page[size]=1000"
    )
    expected = ids_where(store, "prospect", lambda r: r.attributes["firstName"] in names)
    assert [r["id"] for r in old.body["data"]] == expected
    assert [r["id"] for r in new.body["data"]] == expected
    store.insert("account", {"name": "Company, Inc"})
    store.insert("account", {"name": "Company"})
    split = await api.get("/accounts?filter[name]=Company,%20Inc")
    assert [r["attributes"]["name"] for r in split.body["data"]] == ["Company"]
    literal = await api.get("/accounts?newFilterSyntax=true&filter[name][]=Company,%20Inc")
    assert [r["attributes"]["name"] for r in literal.body["data"]] == ["Company, Inc"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("filter[shoeSize]=9", "filter[shoeSize]"),
        ("filter[id]=abc", "filter[id]"),
        ("filter[updatedAt]=yesterday..inf", "filter[updatedAt]"),
        ("filter[firstName][]=Sally", "filter[firstName][]"),
        ("foo=bar", "foo"),
        ("page[number]=2", "page[number]"),
        ("sort=account.name", "sort"),
        ("sort=shoeSize", "sort"),
        ("count=maybe", "count"),
        ("page[size]=1001", "page[size]"),
        ("page[size]=0", "page[size]"),
        ("page[limit]=1001", "page[limit]"),
        ("page[after]=bm90LWEtY3Vyc29y", "page[after]"),
        ("actionParams[x]=1", "actionParams[x]"),
    ],
)
async def test_bad_query_parameters_are_400(api: ApiClient, query: str, parameter: str) -> None:
    answer = await api.get(f"/prospects?{query}")
    assert answer.status == 400, answer.text
    error = error_of(answer)
    assert error["source"] == {"parameter": parameter}
    assert error["title"] == "Bad Request"


async def test_offset_above_maximum_is_400_with_a_clear_detail(api: ApiClient) -> None:
    answer = await api.get("/prospects?page[offset]=10001")
    assert answer.status == 400
    assert "10000" in error_of(answer)["detail"]
    api.server.settings.max_offset = 20
    lowered = await api.get("/prospects?page[offset]=21")
    assert lowered.status == 400
    assert (await api.get("/prospects?page[offset]=20")).status == 200


async def test_mixing_cursor_and_offset_pages_is_400(api: ApiClient) -> None:
    answer = await api.get("/prospects?page[size]=10&page[offset]=10")
    assert answer.status == 400


async def test_sort_by_attribute_both_directions_and_multiple_keys(api: ApiClient) -> None:
    store = api.server.store
    everything = records(store, "prospect")

    def order(key: Callable[[Record], Any]) -> list[int]:
        return [r.id for r in sorted(everything, key=key)]

    ascending = await api.get("/prospects?sort=firstName&page[size]=1000")
    assert [r["id"] for r in ascending.body["data"]] == order(
        lambda r: (r.attributes["firstName"], r.id)
    )
    descending, _ = await all_pages(api, "/prospects?sort=-firstName&page[size]=30")
    names = [r["attributes"]["firstName"] for r in descending]
    assert names == sorted(names, reverse=True)
    assert [r["id"] for r in descending] == [
        r.id
        for r in sorted(
            sorted(everything, key=lambda r: r.id),
            key=lambda r: r.attributes["firstName"],
            reverse=True,
        )
    ]
    multi, _ = await all_pages(api, "/prospects?sort=lastName,-firstName&page[size]=30")
    pairs = [(r["attributes"]["lastName"], r["attributes"]["firstName"]) for r in multi]
    assert [p[0] for p in pairs] == sorted(p[0] for p in pairs)
    for (last_a, first_a), (last_b, first_b) in itertools.pairwise(pairs):
        if last_a == last_b:
            assert first_a >= first_b
    assert sorted(r["id"] for r in multi) == store.ids("prospect")
    by_id_desc = await api.get("/prospects?sort=-id&page[size]=5")
    assert [r["id"] for r in by_id_desc.body["data"]] == [100, 99, 98, 97, 96]


async def test_sort_puts_nulls_last_and_breaks_ties_by_id(api: ApiClient) -> None:
    data, _ = await all_pages(api, "/accounts?sort=buyerIntentScore&page[size]=7")
    scores = [r["attributes"]["buyerIntentScore"] for r in data]
    first_null = scores.index(None)
    assert all(s is None for s in scores[first_null:])
    assert scores[:first_null] == sorted(scores[:first_null])
    nulls = [r["id"] for r in data[first_null:]]
    assert nulls == sorted(nulls)


async def test_cursor_pages_follow_links_next_to_the_end(api: ApiClient) -> None:
    data, pages = await all_pages(api, "/prospects?page[size]=7")
    assert [r["id"] for r in data] == list(range(1, 101))
    assert pages == 15
    last = await api.get("/prospects?page[size]=100")
    assert "next" not in last.body["links"]


async def test_links_carry_all_original_parameters(api: ApiClient) -> None:
    path = (
        "/prospects?filter[id]=1..80&sort=-id&page[size]=10&count=true&fields[prospect]=firstName"
    )
    answer = await api.get(path)
    links = answer.body["links"]
    assert set(links) == {"first", "next"}, "no prev on the first page"
    original = query_of(api.server.api_url + path)
    next_query = query_of(links["next"])
    assert next_query[: len(original)] == original
    assert next_query[-1][0] == "page[after]"
    assert links["next"].startswith(api.server.api_url + "/prospects?")
    assert "filter[id]=1..80" in unquote(links["next"])
    assert query_of(links["first"]) == original
    second = await api.get(links["next"])
    assert [r["id"] for r in second.body["data"]] == list(range(70, 60, -1))
    assert second.body["meta"] == {"count": 80, "count_truncated": False}
    assert "prev" in second.body["links"]
    back = await api.get(second.body["links"]["prev"])
    assert back.body["data"] == answer.body["data"]
    assert "prev" not in back.body["links"]


async def test_cursor_is_stable_under_inserts_and_deletes(api: ApiClient) -> None:
    store = api.server.store
    first = await api.get("/prospects?page[size]=10")
    store.delete("prospect", 5)  # already read
    store.delete("prospect", 15)  # not read yet
    store.insert("prospect", {"firstName": "Late"})
    rest, _ = await all_pages(api, first.body["links"]["next"])
    seen = [r["id"] for r in first.body["data"]] + [r["id"] for r in rest]
    assert len(seen) == len(set(seen))
    assert 15 not in seen and 101 in seen
    assert seen == sorted(seen)


async def test_cursor_on_attribute_sort_is_stable_under_writes(api: ApiClient) -> None:
    store = api.server.store
    first = await api.get("/prospects?sort=lastName&page[size]=10")
    seen_first = [r["id"] for r in first.body["data"]]
    store.delete("prospect", seen_first[0])
    store.insert("prospect", {"lastName": "Zzz"})
    rest, _ = await all_pages(api, first.body["links"]["next"])
    seen = seen_first + [r["id"] for r in rest]
    assert len(seen) == len(set(seen)) == 101, "100 seeded, one read then deleted, one new"
    assert rest[-1]["attributes"]["lastName"] == "Zzz"


async def test_cursor_of_another_sort_is_refused(api: ApiClient) -> None:
    first = await api.get("/prospects?sort=lastName&page[size]=10")
    cursor = dict(query_of(first.body["links"]["next"]))["page[after]"]
    answer = await api.get(f"/prospects?sort=firstName&page[after]={cursor}")
    assert answer.status == 400
    assert error_of(answer)["source"] == {"parameter": "page[after]"}


async def test_page_size_limits(api: ApiClient) -> None:
    api.server.settings.default_page_size = 20
    assert len((await api.get("/prospects")).body["data"]) == 20
    assert len((await api.get("/prospects?page[size]=1000")).body["data"]) == 100


@pytest.mark.fake_outreach(prospects=900)
async def test_offset_pages_as_documented(api: ApiClient) -> None:
    answer = await api.get("/prospects?page[offset]=150")
    assert [r["id"] for r in answer.body["data"]] == list(range(151, 201))
    base = api.server.api_url + "/prospects"
    assert answer.body["links"] == {
        "first": f"{base}?page[limit]=50&page[offset]=0",
        "prev": f"{base}?page[limit]=50&page[offset]=100",
        "next": f"{base}?page[limit]=50&page[offset]=200",
        "last": f"{base}?page[limit]=50&page[offset]=850",
    }
    limited = await api.get("/prospects?page[limit]=3")
    assert [r["id"] for r in limited.body["data"]] == [1, 2, 3]
    assert "prev" not in limited.body["links"]
    offset = await api.get("/prospects?page[offset]=50")
    assert offset.body["data"][0]["id"] == 51


async def test_offset_pages_with_filters_and_sort(api: ApiClient) -> None:
    store = api.server.store
    answer = await api.get(
        "/prospects?filter[id]=10..60&sort=-firstName&page[offset]=5&page[limit]=5"
    )
    chosen = sorted(
        (r for r in records(store, "prospect") if 10 <= r.id <= 60),
        key=lambda r: r.id,
    )
    chosen.sort(key=lambda r: r.attributes["firstName"], reverse=True)
    assert [r["id"] for r in answer.body["data"]] == [r.id for r in chosen][5:10]
    names = [r["attributes"]["firstName"] for r in answer.body["data"]]
    assert names == sorted(names, reverse=True)
    assert "last" in answer.body["links"]


async def test_count_and_its_cap(api: ApiClient) -> None:
    store = api.server.store
    name = store.get("prospect", 1).attributes["firstName"]  # type: ignore[union-attr]
    answer = await api.get(f"/prospects?filter[firstName]={name}&count=true")
    expected = len(ids_where(store, "prospect", lambda r: r.attributes["firstName"] == name))
    assert answer.body["meta"] == {"count": expected, "count_truncated": False}
    assert "meta" not in (await api.get("/prospects?page[size]=50&count=false")).body
    api.server.settings.count_cap = 10
    capped = await api.get("/prospects?count=true")
    assert capped.body["meta"] == {"count": 10, "count_truncated": True}
    none = await api.get("/prospects?filter[firstName]=Nobody&count=true")
    assert none.body == {"data": [], "meta": {"count": 0, "count_truncated": False}}


@pytest.mark.fake_outreach(prospects=3000, id_layout="skewed")
async def test_skewed_ids_page_through_completely(api: ApiClient) -> None:
    data, _ = await all_pages(api, "/prospects?page[size]=1000")
    assert [r["id"] for r in data] == api.server.store.ids("prospect")
    high = api.server.store.ids("prospect")[-10]
    ranged = await api.get(f"/prospects?filter[id]={high}..inf")
    assert len(ranged.body["data"]) == 10


@pytest.mark.parametrize("sort", ["", "&sort=lastName", "&sort=-updatedAt"])
async def test_prev_links_lead_back(api: ApiClient, sort: str) -> None:
    first = await api.get(f"/prospects?page[size]=10{sort}")
    second = await api.get(first.body["links"]["next"])
    third = await api.get(second.body["links"]["next"])
    back = await api.get(third.body["links"]["prev"])
    assert back.body["data"] == second.body["data"]
    assert back.body["links"]["next"] == second.body["links"]["next"]
    to_start = await api.get(second.body["links"]["prev"])
    assert to_start.body["data"] == first.body["data"]
    assert "prev" not in to_start.body["links"]
