"""The fake server's store: seeded data, ids layouts, writes."""

from __future__ import annotations

from outreach_async._spec import RESOURCES
from outreach_async.testing._records import Record, iso_z, normalize_datetime
from outreach_async.testing._seed import SEEDED_TYPES
from outreach_async.testing._settings import DEFAULT_COUNTS, FakeSettings
from outreach_async.testing._store import Store


def make_store(**kwargs: object) -> Store:
    settings = FakeSettings(**kwargs)  # type: ignore[arg-type]
    return Store(settings, clock=lambda: 1_800_000_000.0)


def test_seeded_counts_follow_settings() -> None:
    store = make_store()
    for type_name, count in DEFAULT_COUNTS.items():
        assert store.count(type_name) == count
        assert store.ids(type_name) == list(range(1, count + 1))
    assert store.count("call") == 0
    assert store.ids("webhook") == []


def test_seeded_records_are_deterministic_and_depend_on_the_seed() -> None:
    first, again, other = make_store(seed=7), make_store(seed=7), make_store(seed=8)
    for type_name in SEEDED_TYPES:
        a, b = first.get(type_name, 1), again.get(type_name, 1)
        assert a is not None and b is not None
        assert (a.attributes, a.relationships) == (b.attributes, b.relationships)
    names = [first.get("prospect", i).attributes["firstName"] for i in range(1, 30)]  # type: ignore[union-attr]
    other_names = [other.get("prospect", i).attributes["firstName"] for i in range(1, 30)]  # type: ignore[union-attr]
    assert names != other_names


def test_seeded_records_only_use_documented_fields() -> None:
    store = make_store()
    for type_name in SEEDED_TYPES:
        spec = RESOURCES[type_name]
        for record in store.records(type_name, store.ids(type_name)):
            assert set(record.attributes) <= {a.name for a in spec.attributes}
            assert set(record.relationships) <= {r.name for r in spec.relationships}


def test_seeded_relationships_point_at_existing_records() -> None:
    store = make_store()
    for type_name in SEEDED_TYPES:
        for record in store.records(type_name, store.ids(type_name)):
            for name, linkage in record.relationships.items():
                refs = linkage if isinstance(linkage, list) else [linkage] if linkage else []
                for ref in refs:
                    assert store.exists(*ref), (type_name, record.id, name, ref)


def test_seeded_relationships_are_consistent() -> None:
    store = make_store()
    pairs = set()
    for state in store.records("sequenceState", store.ids("sequenceState")):
        prospect, sequence = state.to_one("prospect"), state.to_one("sequence")
        assert prospect is not None and sequence is not None
        pairs.add((prospect, sequence))
        prospect_record = store.get(*prospect)
        assert prospect_record is not None
        assert state.to_one("account") == prospect_record.to_one("account")
        mailbox = store.get(*state.to_one("mailbox"))  # type: ignore[misc]
        assert mailbox is not None and state.to_one("user") == mailbox.to_one("user")
        step = state.to_one("sequenceStep")
        assert step is not None
        step_record = store.get(*step)
        assert step_record is not None and step_record.to_one("sequence") == sequence
    assert len(pairs) == store.count("sequenceState"), "a prospect is in a sequence only once"
    for task in store.records("task", store.ids("task")):
        state_ref = task.to_one("sequenceState")
        if state_ref is not None:
            state = store.get(*state_ref)
            assert state is not None
            assert task.to_one("prospect") == state.to_one("prospect")


def test_prospect_attributes_look_real() -> None:
    store = make_store()
    prospect = store.get("prospect", 3)
    assert prospect is not None
    attrs = prospect.attributes
    assert attrs["firstName"] and attrs["lastName"]
    assert attrs["emails"][0].startswith(attrs["firstName"].lower() + ".")
    assert attrs["createdAt"] <= attrs["updatedAt"]
    assert attrs["updatedAt"].endswith("Z")
    account = store.get(*prospect.to_one("account"))  # type: ignore[misc]
    assert account is not None and attrs["company"] == account.attributes["name"]


def test_created_at_grows_with_id_and_updated_at_spreads() -> None:
    store = make_store(counts={"prospect": 500})
    records = list(store.records("prospect", store.ids("prospect")))
    created = [r.attributes["createdAt"] for r in records]
    assert created == sorted(created)
    updated = sorted(r.attributes["updatedAt"] for r in records)
    assert updated[0][:4] != updated[-1][:4], "updatedAt spans several years"


def test_skewed_layout_puts_most_ids_in_the_lowest_twentieth() -> None:
    store = make_store(counts={"prospect": 10_000}, id_layout="skewed")
    ids = store.ids("prospect")
    assert len(ids) == len(set(ids)) == 10_000
    assert ids == sorted(ids)
    low_part = ids[-1] * 0.05
    assert sum(1 for i in ids if i <= low_part) >= 8_900
    assert store.get("prospect", ids[-1]) is not None


def test_insert_update_delete() -> None:
    store = make_store()
    version = store.version
    created = store.insert("prospect", {"firstName": "Ada"}, {"account": ("account", 1)})
    assert created.id == 101
    assert created.attributes["createdAt"] == iso_z(1_800_000_000.0)
    assert store.count("prospect") == 101 and store.version > version
    fetched = store.get("prospect", 101)
    assert fetched is not None and fetched.attributes["firstName"] == "Ada"
    fetched.attributes["firstName"] = "Grace"
    assert store.get("prospect", 101).attributes["firstName"] == "Ada"  # type: ignore[union-attr]
    store.save(fetched)
    assert store.get("prospect", 101).attributes["firstName"] == "Grace"  # type: ignore[union-attr]
    seeded = store.get("prospect", 5)
    assert seeded is not None
    seeded.attributes["title"] = "Boss"
    store.save(seeded)
    assert store.get("prospect", 5).attributes["title"] == "Boss"  # type: ignore[union-attr]
    assert store.delete("prospect", 5)
    assert not store.delete("prospect", 5)
    assert store.get("prospect", 5) is None
    assert 5 not in store.ids("prospect")
    assert store.insert("prospect").id == 102, "ids are never reused"


def test_every_type_accepts_inserts() -> None:
    store = make_store()
    for type_name in RESOURCES:
        record = store.insert(type_name, {})
        assert isinstance(record, Record)
        assert store.get(type_name, record.id) is not None


def test_generic_types_can_be_seeded() -> None:
    store = make_store(counts={"callPurpose": 3})
    record = store.get("callPurpose", 2)
    assert record is not None
    assert record.attributes["name"] == "CallPurpose 2"


def test_uniqueness_lookups() -> None:
    store = make_store()
    email = store.get("prospect", 9).attributes["emails"][0]  # type: ignore[union-attr]
    assert store.prospect_with_email(email.upper()) == 9
    assert store.prospect_with_email("nobody@example.com") is None
    store.delete("prospect", 9)
    assert store.prospect_with_email(email) is None
    state = store.get("sequenceState", 4)
    assert state is not None
    prospect, sequence = state.to_one("prospect"), state.to_one("sequence")
    assert prospect is not None and sequence is not None
    assert store.sequence_state_for(prospect[1], sequence[1]) == 4


def test_large_stores_keep_only_ids() -> None:
    store = make_store(counts={"prospect": 200_000, "account": 50})
    assert store.count("prospect") == 200_000
    assert store.get("prospect", 199_999) is not None
    assert store.id_array("prospect").itemsize == 8


def test_normalize_datetime() -> None:
    assert normalize_datetime("2017-01-01") == "2017-01-01T00:00:00.000Z"
    assert normalize_datetime("2017-01-01T10:00:00+02:00") == "2017-01-01T08:00:00.000Z"
    assert normalize_datetime("2017-01-01T08:00:00.123Z") == "2017-01-01T08:00:00.123Z"
    assert normalize_datetime("yesterday") is None


def test_new_timestamps_follow_the_live_settings_clock() -> None:
    settings = FakeSettings()
    store = Store(settings)
    settings.clock = lambda: 1_900_000_000.0
    record = store.insert("account", {"name": "Later"})
    assert record.attributes["createdAt"] == iso_z(1_900_000_000.0)
