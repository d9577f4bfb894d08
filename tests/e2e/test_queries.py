"""Reading collections: filters in both syntaxes, sort, cursor and offset pages, count,
include and sparse fieldsets, checked against the fake server's own records."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import Any

import pytest

from outreach_async import (
    ABSENT,
    NOT_NULL,
    OutreachClient,
    PaginationLimitError,
    Paginator,
    Query,
    Resource,
    at_least,
    at_most,
    between,
)
from outreach_async.models import Account
from outreach_async.testing import FakeOutreach
from outreach_async.testing._records import Record
from outreach_async.testing._store import Store


def records(store: Store, type_name: str) -> list[Record]:
    return list(store.records(type_name, store.ids(type_name)))


def ids_where(store: Store, type_name: str, keep: Callable[[Record], bool]) -> list[int]:
    return [record.id for record in records(store, type_name) if keep(record)]


def attribute(record_id: int, name: str, type_name: str = "prospect") -> Callable[[Store], Any]:
    def read(store: Store) -> Any:
        record = store.get(type_name, record_id)
        assert record is not None
        return record.attributes[name]

    return read


def account_of(prospect_id: int, store: Store) -> int:
    prospect = store.get("prospect", prospect_id)
    assert prospect is not None
    linked = prospect.to_one("account")
    assert linked is not None
    return int(linked[1])


def median_update(store: Store) -> str:
    return sorted(r.attributes["updatedAt"] for r in records(store, "prospect"))[50]


FilterCase = tuple[
    str,  # resource type
    Callable[[Store], dict[str, Any]],  # the filter, from the server's records
    Callable[[Store], Callable[[Record], bool]],  # which records it selects
    bool,  # sent in the new syntax
]

FILTERS: dict[str, FilterCase] = {
    "exact": (
        "prospect",
        lambda s: {"firstName": attribute(4, "firstName")(s)},
        lambda s: lambda r: r.attributes["firstName"] == attribute(4, "firstName")(s),
        False,
    ),
    "list of ids": (
        "prospect",
        lambda s: {"id": [1, 2, 3, 5, 8, 13]},
        lambda s: lambda r: r.id in {1, 2, 3, 5, 8, 13},
        False,
    ),
    "list of names": (
        "prospect",
        lambda s: {"firstName": [attribute(1, "firstName")(s), attribute(2, "firstName")(s)]},
        lambda s: (
            lambda r: (
                r.attributes["firstName"]
                in {attribute(1, "firstName")(s), attribute(2, "firstName")(s)}
            )
        ),
        False,
    ),
    "range": (
        "prospect",
        lambda s: {"id": between(5, 10)},
        lambda s: lambda r: 5 <= r.id <= 10,
        False,
    ),
    "range, new syntax": (
        "prospect",
        lambda s: {"id": between(5, 10)},
        lambda s: lambda r: 5 <= r.id <= 10,
        True,
    ),
    "open low end": (
        "prospect",
        lambda s: {"id": at_most(3)},
        lambda s: lambda r: r.id <= 3,
        False,
    ),
    "open high end": (
        "prospect",
        lambda s: {"id": at_least(98)},
        lambda s: lambda r: r.id >= 98,
        False,
    ),
    "dates from": (
        "prospect",
        lambda s: {"updatedAt": at_least(median_update(s))},
        lambda s: lambda r: r.attributes["updatedAt"] >= median_update(s),
        False,
    ),
    "dates until, new syntax": (
        "prospect",
        lambda s: {"updatedAt": at_most(median_update(s))},
        lambda s: lambda r: r.attributes["updatedAt"] <= median_update(s),
        True,
    ),
    "null": (
        "account",
        lambda s: {"buyerIntentScore": None},
        lambda s: lambda r: r.attributes["buyerIntentScore"] is None,
        False,
    ),
    "not null": (
        "account",
        lambda s: {"buyerIntentScore": NOT_NULL},
        lambda s: lambda r: r.attributes["buyerIntentScore"] is not None,
        False,
    ),
    "relationship ids": (
        "prospect",
        lambda s: {"account": {"id": [1, 2, 3, 5]}},
        lambda s: lambda r: r.to_one("account") in {("account", i) for i in (1, 2, 3, 5)},
        False,
    ),
    "attribute and relationship": (
        "prospect",
        lambda s: {"firstName": attribute(7, "firstName")(s), "account": {"id": account_of(7, s)}},
        lambda s: (
            lambda r: (
                r.attributes["firstName"] == attribute(7, "firstName")(s)
                and r.to_one("account") == ("account", account_of(7, s))
            )
        ),
        False,
    ),
}


@pytest.mark.parametrize("name", list(FILTERS))
@pytest.mark.parametrize("typed", [False, True], ids=["generic", "typed"])
async def test_filters_select_what_the_server_holds(
    client: OutreachClient, server: FakeOutreach, name: str, typed: bool
) -> None:
    type_name, make_filter, make_predicate, new_syntax = FILTERS[name]
    store = server.store
    expected = ids_where(store, type_name, make_predicate(store))
    assert expected, "a filter that selects nothing proves little"
    options: dict[str, Any] = {"filter": make_filter(store), "page_size": 7}
    if new_syntax:
        options["new_filter_syntax"] = True
    if typed:
        manager: Any = client.prospects if type_name == "prospect" else client.accounts
    else:
        manager = client.resource(type_name)
    found = [int(item.id) async for item in manager.iterate(**options)]
    assert found == expected
    sent = server.requests.paths()
    assert all(("newFilterSyntax=true" in path) == new_syntax for path in sent)


async def test_values_with_commas_switch_to_the_new_syntax(
    client: OutreachClient, server: FakeOutreach
) -> None:
    accounts = client.resource("account")
    literal = await accounts.create({"name": "Company, Inc"})
    await accounts.create({"name": "Company"})
    page = await accounts.list(filter={"name": "Company, Inc"})
    assert [item.id for item in page.items] == [literal.id]
    both = await accounts.list(filter={"name": ["Company, Inc", "Company"]})
    assert sorted(item["name"] for item in both.items) == ["Company", "Company, Inc"]
    assert all("newFilterSyntax=true" in path for path in server.requests.paths("GET"))


async def test_sort_by_several_keys_over_many_pages(
    client: OutreachClient, server: FakeOutreach
) -> None:
    prospects = (
        await client.resource("prospect")
        .iterate(sort=["lastName", "-firstName"], page_size=13)
        .all()
    )
    assert sorted(int(p.id) for p in prospects) == server.store.ids("prospect")  # type: ignore[arg-type]
    pairs = [(p["lastName"], p["firstName"]) for p in prospects]
    assert [last for last, _ in pairs] == sorted(last for last, _ in pairs)
    for (last_a, first_a), (last_b, first_b) in itertools.pairwise(pairs):
        if last_a == last_b:
            assert first_a >= first_b
    typed = await client.prospects.iterate(sort=("last_name", "-first_name"), page_size=13).all()
    assert [p.id for p in typed] == [p.id for p in prospects]


@pytest.mark.parametrize("sort", [None, "lastName"], ids=["by id", "by last name"])
async def test_cursor_pages_stay_stable_while_records_come_and_go(
    client: OutreachClient, server: FakeOutreach, sort: str | None
) -> None:
    prospects = client.resource("prospect")
    initial = set(server.store.ids("prospect"))
    deleted: set[int] = set()
    seen: list[int] = []
    async for page in prospects.iterate(sort=sort, page_size=9).pages():
        seen += [int(item.id) for item in page.items]  # type: ignore[arg-type]
        for number in range(2):
            await prospects.create({"firstName": "Late", "lastName": f"Arrival{len(seen)}{number}"})
        unseen = sorted(initial - set(seen) - deleted)
        already = sorted(set(seen) & initial - deleted)
        for victim in (unseen[-1:] + already[:1]) if unseen else already[:1]:
            await prospects.delete(victim)
            deleted.add(victim)
    assert len(seen) == len(set(seen)), "no record comes twice"
    assert initial - deleted <= set(seen), "every record that existed throughout comes"
    unseen_when_deleted = deleted - set(seen)
    assert unseen_when_deleted, "records were deleted ahead of the cursor"


async def test_an_empty_result_has_no_items_links_or_next_page(
    client: OutreachClient, server: FakeOutreach
) -> None:
    nobody = {"firstName": "Nobody-by-that-name"}
    page = await client.resource("prospect").list(filter=nobody, count=True)
    assert page.items == [] and page.next_url is None
    assert page.count == 0 and page.count_truncated is False
    assert await client.resource("prospect").iterate(filter=nobody).all() == []
    assert [p async for p in client.prospects.iterate(filter={"first_name": "Nobody"})] == []
    assert server.requests.total == 3, "no page is asked for after an empty one"


async def test_offset_pages_read_the_same_records_as_cursor_pages(
    client: OutreachClient, server: FakeOutreach
) -> None:
    pages = [
        page
        async for page in client.resource("prospect").iterate(mode="offset", page_size=30).pages()
    ]
    assert [len(page) for page in pages] == [30, 30, 30, 10]
    ids = [int(item.id) for page in pages for item in page.items]  # type: ignore[arg-type]
    assert ids == server.store.ids("prospect")
    offsets = [path for path in server.requests.paths() if "page[offset]" in path]
    assert [p.rsplit("page[offset]=", 1)[1] for p in offsets] == ["0", "30", "60", "90"]
    assert all("page[limit]=30" in path for path in offsets)


async def test_offset_paging_stops_at_the_servers_cap(
    client: OutreachClient, server: FakeOutreach
) -> None:
    server.settings.max_offset = 40
    paginator = Paginator(
        client.session, "prospects", Query(page_size=20), mode="offset", max_offset=40
    )
    read: list[Resource] = []
    with pytest.raises(PaginationLimitError, match="stops at offset 40"):
        async for item in paginator:
            read.append(item)
    assert len(read) == 60, "offsets 0, 20 and 40 were read, no further"
    assert server.requests.by_status == {200: 3}


@pytest.mark.fake_outreach(prospects=11_001)
async def test_offset_paging_stops_at_ten_thousand(client: OutreachClient) -> None:
    pages = client.resource("prospect").iterate(
        mode="offset", page_size=1000, fields={"prospect": ["firstName"]}
    )
    read = 0
    with pytest.raises(PaginationLimitError, match="use cursor paging"):
        async for page in pages.pages():
            read += len(page)
    assert read == 11_000, "offsets 0 to 10,000 were read; record 11,001 is out of reach"


@pytest.mark.fake_outreach(prospects=11_000)
async def test_offset_paging_reads_exactly_eleven_thousand_to_the_end(
    client: OutreachClient, server: FakeOutreach
) -> None:
    pages = client.resource("prospect").iterate(
        mode="offset", page_size=1000, fields={"prospect": ["firstName"]}
    )
    read = [len(page) async for page in pages.pages()]
    assert read == [1000] * 11, "the page at offset 10,000 is allowed and holds the last record"
    last = server.requests.paths()[-1]
    assert "page[offset]=10000" in last and "count=true" in last


async def test_count_is_exact_until_the_cap_then_truncated(
    client: OutreachClient, server: FakeOutreach
) -> None:
    name = attribute(4, "firstName")(server.store)
    expected = len(ids_where(server.store, "prospect", lambda r: r.attributes["firstName"] == name))
    page = await client.resource("prospect").list(filter={"firstName": name}, count=True)
    assert (page.count, page.count_truncated) == (expected, False)
    server.settings.count_cap = 10
    capped = await client.prospects.list(count=True, page_size=5)
    assert (capped.count, capped.count_truncated) == (10, True)
    assert len(capped) == 5


async def test_nested_include_is_resolved_onto_relationships(
    client: OutreachClient, server: FakeOutreach
) -> None:
    store = server.store
    prospect = await client.resource("prospect").get(1, include=["account.owner", "stage"])
    stored = store.get("prospect", 1)
    assert stored is not None
    account = prospect.related("account")
    assert isinstance(account, Resource)
    assert (account.type, account.id) == stored.to_one("account")
    owner = account.related("owner")
    assert isinstance(owner, Resource) and owner.type == "user"
    assert isinstance(owner["email"], str)
    stage = prospect.related("stage")
    assert isinstance(stage, Resource) and isinstance(stage["name"], str)

    page = await client.resource("prospect").list(include="account", page_size=20)
    for item in page.items:
        related = item.related("account")
        assert related is None or isinstance(related, Resource), "every account was included"

    typed = await client.prospects.get(1, include=["account"])
    resolved = typed.resolve(typed.account)
    assert isinstance(resolved, Account) and resolved.name == account["name"]


async def test_sparse_fieldsets_tell_absent_from_null(client: OutreachClient) -> None:
    prospect = await client.resource("prospect").get(
        1,
        include=["account"],
        fields={"prospect": ["firstName", "addressStreet", "account"], "account": ["name"]},
    )
    assert set(prospect.attributes) == {"firstName", "addressStreet"}
    assert prospect["addressStreet"] is None
    assert prospect.get("lastName", "absent") == "absent"
    account = prospect.related("account")
    assert isinstance(account, Resource) and set(account.attributes) == {"name"}

    typed = await client.prospects.get(1, fields=["first_name", "address_street"])
    assert isinstance(typed.first_name, str)
    assert typed.address_street is None
    assert typed.last_name is ABSENT and typed.account is ABSENT
