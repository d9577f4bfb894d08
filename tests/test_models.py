"""Typed models: structure from resources, absent vs null, extra fields, writing, round trips."""

from __future__ import annotations

import copy
import json
import pickle
from datetime import date, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from outreach_async import ABSENT, Resource, ResourceIdentifier, parse_document, present
from outreach_async._converter import converter
from outreach_async._spec import RESOURCES
from outreach_async.models import (
    MODELS,
    Account,
    Call,
    Mailbox,
    Model,
    Prospect,
    Ref,
    SequenceState,
    SequenceStep,
    Task,
    User,
)

SEED = {
    "data": {
        "type": "prospect",
        "id": 1,
        "attributes": {
            "firstName": "Sally",
            "lastName": None,
            "createdAt": "2017-01-01T00:00:00.000Z",
            "emails": ["sally@example.com"],
            "custom7": "gold",
            "brandNewAttribute": {"x": 1},
        },
        "relationships": {
            "account": {"data": {"type": "account", "id": 1}},
            "stage": {"data": None},
            "opportunities": {"data": []},
            "mailings": {"links": {"related": "https://api.outreach.io/api/v2/mailings?x=1"}},
            "brandNewRelationship": {"data": {"type": "gadget", "id": 3}},
        },
    },
    "included": [
        {
            "type": "account",
            "id": 1,
            "attributes": {"name": "Acme"},
            "relationships": {"owner": {"data": {"type": "user", "id": 4}}},
        },
        {"type": "user", "id": 4, "attributes": {"email": "owner@example.com"}},
    ],
}


def _prospect(payload: dict[str, Any] = SEED) -> Prospect:
    resource = parse_document(payload).data
    assert isinstance(resource, Resource)
    return converter.structure(resource, Prospect)


def test_attributes_get_python_names_and_python_types() -> None:
    prospect = _prospect()
    assert prospect.id == 1
    assert prospect.first_name == "Sally"
    assert prospect.emails == ["sally@example.com"]
    assert prospect.created_at == datetime(2017, 1, 1, tzinfo=timezone.utc)
    assert isinstance(prospect.created_at, datetime) and prospect.created_at.tzinfo is not None


def test_null_absent_and_present_stay_distinct() -> None:
    prospect = _prospect()
    assert prospect.last_name is None
    assert prospect.title is ABSENT
    assert present(prospect.title) is None
    assert present(prospect.title, "n/a") == "n/a"
    assert present(prospect.last_name, "n/a") is None
    assert not ABSENT


def test_absent_is_one_object_across_copies_and_pickles() -> None:
    assert copy.deepcopy(ABSENT) is ABSENT
    assert pickle.loads(pickle.dumps(ABSENT)) is ABSENT
    assert repr(ABSENT) == "ABSENT"


def test_custom_and_unknown_attributes_go_to_extra() -> None:
    prospect = _prospect()
    assert prospect.extra == {"custom7": "gold", "brandNewAttribute": {"x": 1}}
    assert prospect.custom(7) == "gold"
    assert prospect.custom(8) is ABSENT
    assert not hasattr(prospect, "custom7")


def test_relationships_are_typed_references() -> None:
    prospect = _prospect()
    assert prospect.account == Ref("account", 1)
    assert prospect.stage is None
    assert prospect.opportunities == []
    assert prospect.mailings is ABSENT  # links only: no linkage in the response
    assert prospect.owner is ABSENT  # not in the response at all
    unknown = prospect.extra_relationships["brandNewRelationship"]
    assert unknown.data == ResourceIdentifier("gadget", 3)


def test_resolve_returns_included_resources_as_models() -> None:
    prospect = _prospect()
    assert isinstance(prospect.account, Ref)
    account = prospect.resolve(prospect.account)
    assert isinstance(account, Account)
    assert account.name == "Acme"
    assert isinstance(account.owner, Ref)
    owner = account.resolve(account.owner)
    assert isinstance(owner, User) and owner.email == "owner@example.com"
    assert prospect.resolve(Ref("account", 999)) is None


def test_related_delegates_to_the_generic_resource() -> None:
    prospect = _prospect()
    account = prospect.related("account")
    assert isinstance(account, Resource) and account["name"] == "Acme"
    assert prospect.resource is not None and prospect.resource["firstName"] == "Sally"
    with pytest.raises(KeyError, match="built locally"):
        Prospect(first_name="x").related("account")


def test_resolve_of_a_type_without_model_gives_the_generic_resource() -> None:
    payload = {
        "data": {
            "type": "sequenceStep",
            "id": 2,
            "relationships": {"schedule": {"data": {"type": "schedule", "id": 9}}},
        },
        "included": [{"type": "schedule", "id": 9, "attributes": {"name": "Weekdays"}}],
    }
    step = converter.structure(parse_document(payload).data, SequenceStep)
    assert isinstance(step.schedule, Ref)
    schedule = step.resolve(step.schedule)
    assert isinstance(schedule, Resource) and schedule["name"] == "Weekdays"


def test_polymorphic_relationship_resolves_to_the_sent_type() -> None:
    payload = {
        "data": {
            "type": "task",
            "id": 1,
            "relationships": {"subject": {"data": {"type": "opportunity", "id": 3}}},
        },
        "included": [{"type": "opportunity", "id": 3, "attributes": {"name": "Big deal"}}],
    }
    task = converter.structure(parse_document(payload).data, Task)
    assert isinstance(task.subject, Ref)
    subject = task.resolve(task.subject)
    assert type(subject).__name__ == "Opportunity"


def test_linkage_of_the_wrong_cardinality_is_kept_not_lost() -> None:
    payload = {
        "data": {
            "type": "prospect",
            "id": 1,
            "relationships": {"account": {"data": [{"type": "account", "id": 1}]}},
        }
    }
    prospect = _prospect(payload)
    assert prospect.account is ABSENT
    assert prospect.extra_relationships["account"].is_to_many


def test_a_bad_datetime_names_the_resource_and_attribute() -> None:
    payload = {"data": {"type": "prospect", "id": 5, "attributes": {"createdAt": "yesterday"}}}
    with pytest.raises(ValueError, match=r"prospect 5: createdAt: not an ISO-8601 date-time"):
        _prospect(payload)


def test_structuring_into_the_wrong_model_is_refused() -> None:
    resource = Resource(type="account", id=1)
    with pytest.raises(ValueError, match="expected a prospect, got a account"):
        converter.structure(resource, Prospect)


def test_dates_and_times_with_offsets_or_no_zone() -> None:
    payload = {
        "data": {
            "type": "sequenceStep",
            "id": 1,
            "attributes": {"date": "2024-02-29", "createdAt": "2024-01-02T03:04:05.5+02:00"},
        }
    }
    step = converter.structure(parse_document(payload).data, SequenceStep)
    assert step.date == date(2024, 2, 29)
    assert step.created_at == datetime(2024, 1, 2, 1, 4, 5, 500000, tzinfo=timezone.utc)
    naive = {"data": {"type": "prospect", "id": 1, "attributes": {"createdAt": "2024-01-02T03:04"}}}
    created = _prospect(naive).created_at
    assert isinstance(created, datetime) and created.tzinfo == timezone.utc


def test_unstructure_writes_the_resource_object_with_wire_names() -> None:
    prospect = _prospect()
    assert converter.unstructure(prospect) == {
        "type": "prospect",
        "id": 1,
        "attributes": {
            "createdAt": "2017-01-01T00:00:00Z",
            "emails": ["sally@example.com"],
            "firstName": "Sally",
            "lastName": None,
            "custom7": "gold",
            "brandNewAttribute": {"x": 1},
        },
        "relationships": {
            "account": {"data": {"type": "account", "id": 1}},
            "stage": {"data": None},
            "opportunities": {"data": []},
            "brandNewRelationship": {"data": {"type": "gadget", "id": 3}},
        },
    }


def test_write_payload_refuses_read_only_fields_before_sending() -> None:
    changes = Prospect(first_name="A", created_at=datetime.now(timezone.utc), updated_at=None)
    with pytest.raises(ValueError, match="created_at, updated_at are read-only"):
        changes.write_payload("create")
    state = SequenceState(prospect=Prospect.ref(1), account=Account.ref(2))
    with pytest.raises(ValueError, match="update: account is read-only"):
        state.write_payload("update")


def test_write_payload_sends_set_fields_custom_fields_and_relationships() -> None:
    due = datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone(timedelta(hours=2)))
    changes = Task(action="email", due_at=due, note=None, owner=User.ref(3))
    attributes, relationships = changes.write_payload("update")
    assert attributes == {"action": "email", "dueAt": "2024-05-06T05:08:09Z", "note": None}
    assert relationships == {"owner": Ref("user", 3)}
    custom = Prospect(first_name="B", extra={"custom3": "x"}, tags=[], opportunities=[])
    assert custom.write_payload("create") == (
        {"firstName": "B", "tags": [], "custom3": "x"},
        {"opportunities": []},
    )


def test_write_payload_refuses_an_id_on_create_and_clashes_in_extra() -> None:
    with pytest.raises(ValueError, match="assigns the id"):
        Prospect(id=3, first_name="x").write_payload("create")
    with pytest.raises(ValueError, match="extra holds firstName"):
        Prospect(extra={"firstName": "x"}).write_payload("create")
    with pytest.raises(ValueError, match="aware datetime"):
        Task(due_at=datetime(2024, 1, 1)).write_payload("create")


def test_writable_keeps_only_what_create_accepts() -> None:
    prospect = _prospect()
    writable = prospect.writable()
    assert writable.id is None
    assert writable.first_name == "Sally" and writable.last_name is None
    assert writable.created_at is ABSENT
    assert writable.extra == {"custom7": "gold"}
    assert writable.account == Ref("account", 1)
    attributes, _ = writable.write_payload("create")
    assert "createdAt" not in attributes


def test_repr_shows_present_fields_and_hides_secrets() -> None:
    mailbox = Mailbox(email="rep@example.com", password="hunter2-secret", smtp_password=None)
    text = repr(mailbox)
    assert "hunter2-secret" not in text
    assert "password=<hidden>" in text
    assert "smtp_password" not in text  # null fields are left out, like absent ones
    assert "user_id" not in text
    assert repr(Prospect(id=3)) == "Prospect(id=3)"


def test_models_exist_for_every_type_with_their_reference_helpers() -> None:
    assert set(MODELS) == set(RESOURCES)
    assert Account.ref(5) == Ref("account", 5)
    assert Account(id=5).identifier == Ref("account", 5)
    with pytest.raises(ValueError, match="no id"):
        _ = Account().identifier
    assert Call.SCHEMA.wire("from_") == "from"


# Round trips -------------------------------------------------------------------------------

_TEXT = st.text(max_size=8)
_SCALARS: dict[str, st.SearchStrategy[Any]] = {
    "string": _TEXT,
    "integer": st.integers(-(2**40), 2**40),
    "number": st.floats(allow_nan=False, allow_infinity=False),
    "boolean": st.booleans(),
    "object": st.dictionaries(_TEXT, st.integers() | _TEXT, max_size=2),
}
_MOMENTS = st.datetimes(
    min_value=datetime(1970, 1, 2),
    max_value=datetime(2100, 1, 1),
    timezones=st.sampled_from(
        [timezone.utc, timezone(timedelta(hours=5, minutes=30)), timezone(-timedelta(hours=7))]
    ),
)


def _attribute_values(resource_type: str, wire: str) -> st.SearchStrategy[Any]:
    spec = RESOURCES[resource_type].attribute(wire)
    assert spec is not None
    if spec.type == "string" and spec.format == "date-time":
        values: st.SearchStrategy[Any] = _MOMENTS
    elif spec.type == "string" and spec.format == "date":
        values = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 1, 1))
    elif spec.type == "array":
        item = _SCALARS.get(spec.items or "string", _TEXT)
        values = st.lists(item, max_size=3)
    else:
        values = _SCALARS[spec.type]
    return st.none() | values


_REFS = st.builds(Ref, st.sampled_from(["account", "user", "thing"]), st.integers(1, 10**9))


@st.composite
def models(draw: st.DrawFn, model: type[Model] | None = None) -> Model:
    model = model or draw(st.sampled_from(sorted(MODELS.values(), key=lambda m: m.TYPE)))
    schema = model.SCHEMA
    values: dict[str, Any] = {}
    for field in schema.attributes:
        if draw(st.booleans()):
            values[field.name] = draw(_attribute_values(model.TYPE, field.wire))
    for link in schema.relationships:
        if draw(st.booleans()):
            values[link.name] = draw(
                st.lists(_REFS, max_size=3) if link.to_many else st.none() | _REFS
            )
    known = set(schema.wire_names.values())
    extra = draw(
        st.dictionaries(
            st.from_regex(r"custom[1-9][0-9]?|zz[a-zA-Z]{1,6}", fullmatch=True).filter(
                lambda key: key not in known
            ),
            st.none() | _TEXT | st.integers(),
            max_size=3,
        )
    )
    return model(id=draw(st.none() | st.integers(1, 10**9)), extra=extra, **values)


@settings(max_examples=150, deadline=None)
@given(models())
def test_any_model_round_trips_through_the_converter_and_json(model: Model) -> None:
    wire = json.loads(json.dumps(converter.unstructure(model)))
    again = converter.structure(wire, type(model))
    assert again == model
    assert converter.unstructure(again) == wire


@settings(max_examples=60, deadline=None)
@given(models(Prospect))
def test_prospects_with_absent_values_and_custom_fields_round_trip(model: Model) -> None:
    assert isinstance(model, Prospect)
    again = converter.structure(converter.unstructure(model), Prospect)
    assert again == model
    for field in Prospect.SCHEMA.fields:
        assert (getattr(again, field.name) is ABSENT) == (getattr(model, field.name) is ABSENT)
