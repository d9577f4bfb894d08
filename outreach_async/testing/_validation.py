"""Validation of POST and PATCH bodies against the documented attributes and relationships.

Every problem is a 422 `validationError` whose `source.pointer` names the member at fault
(`/data/attributes/createdAt`, `/data/relationships/prospect`, `/data/id`, ...). A malformed
document (not JSON, no `data` object) is a 400.
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from .._spec_types import AttributeSpec, RelationshipSpec, ResourceSpec
from ._errors import ApiError, invalid_body, not_found, validation_error
from ._records import Linkage, Ref, normalize_datetime
from ._store import Store

#: Attributes a create must set, per type (a small table; Outreach documents no such list).
REQUIRED_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "account": ("name",),
    "callDisposition": ("name",),
    "callPurpose": ("name",),
    "contentCategory": ("name",),
    "mailbox": ("email",),
    "opportunity": ("name",),
    "opportunityStage": ("name",),
    "persona": ("name",),
    "product": ("name",),
    "role": ("name",),
    "ruleset": ("name",),
    "sequence": ("name",),
    "sequenceStep": ("stepType",),
    "snippet": ("name",),
    "stage": ("name",),
    "task": ("action",),
    "taskDisposition": ("name",),
    "taskPurpose": ("name",),
    "team": ("name",),
    "template": ("name",),
    "user": ("email",),
    "webhook": ("url",),
}
#: Relationships a create must set, per type.
REQUIRED_RELATIONSHIPS: dict[str, tuple[str, ...]] = {
    "sequenceState": ("prospect", "sequence", "mailbox"),
    "sequenceStep": ("sequence",),
    "task": ("owner", "subject"),
}

_PYTHON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@attrs.frozen
class ResourceInput:
    """The validated content of a request body."""

    attributes: dict[str, Any]
    relationships: dict[str, Linkage]


def humanize(name: str) -> str:
    """`stepType` -> `Step type`, as in Outreach's "Name can't be blank."."""
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()
    return words[:1].upper() + words[1:]


def parse_resource(
    body: Any, spec: ResourceSpec, store: Store, *, url_id: int | None
) -> ResourceInput:
    """Validate a create (`url_id` None) or update body for `spec`'s type."""
    if not isinstance(body, dict) or not isinstance(body.get("data"), dict):
        raise invalid_body("The request body must be a JSON object with a 'data' object.")
    data = body["data"]
    creating = url_id is None
    type_name = data.get("type")
    if type_name is None:
        raise validation_error("Type can't be blank.", "/data/type")
    if type_name != spec.type:
        raise validation_error(
            f"Type '{type_name}' does not match the endpoint's type '{spec.type}'.", "/data/type"
        )
    if creating and "id" in data:
        raise validation_error("A new resource must not have an id.", "/data/id")
    if not creating:
        if data.get("id") is None:
            raise validation_error("Id can't be blank.", "/data/id")
        if str(data["id"]) != str(url_id):
            raise validation_error(
                f"Id '{data['id']}' does not match the URL's id '{url_id}'.", "/data/id"
            )
    for member in data:
        if member not in ("type", "id", "attributes", "relationships", "meta", "links"):
            raise validation_error(f"Unknown member '{member}'.", f"/data/{member}")
    attributes = _attributes(data.get("attributes", {}), spec)
    relationships = _relationships(data.get("relationships", {}), spec, store)
    if creating:
        for name in REQUIRED_ATTRIBUTES.get(spec.type, ()):
            if attributes.get(name) in (None, ""):
                raise validation_error(
                    f"{humanize(name)} can't be blank.", f"/data/attributes/{name}"
                )
        for name in REQUIRED_RELATIONSHIPS.get(spec.type, ()):
            if relationships.get(name) is None:
                raise validation_error(
                    f"{humanize(name)} can't be blank.", f"/data/relationships/{name}"
                )
    return ResourceInput(attributes, relationships)


def _attributes(raw: Any, spec: ResourceSpec) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise validation_error("Attributes must be an object.", "/data/attributes")
    out: dict[str, Any] = {}
    for name, value in raw.items():
        pointer = f"/data/attributes/{name}"
        attribute = spec.attribute(name)
        if attribute is None:
            raise validation_error(f"'{name}' is not an attribute of '{spec.type}'.", pointer)
        if attribute.read_only:
            raise validation_error(f"{humanize(name)} is read-only.", pointer)
        out[name] = check_value(attribute, value, pointer)
    return out


def check_value(attribute: AttributeSpec, value: Any, pointer: str) -> Any:
    """The value to store, or a 422 when it does not fit the attribute."""
    label = humanize(attribute.name)
    if value is None:
        if not attribute.nullable:
            raise validation_error(f"{label} can't be null.", pointer)
        return None
    expected = _PYTHON_TYPES[attribute.type]
    checked: Any = value
    if not isinstance(value, expected) or (attribute.type != "boolean" and isinstance(value, bool)):
        raise validation_error(f"{label} must be of type {attribute.type}.", pointer)
    if attribute.type == "string":
        if attribute.max_length is not None and len(checked) > attribute.max_length:
            raise validation_error(
                f"{label} is too long (maximum is {attribute.max_length} characters).", pointer
            )
        if attribute.enum is not None and checked not in attribute.enum:
            raise validation_error(f"{label} must be one of {', '.join(attribute.enum)}.", pointer)
        if attribute.format == "date-time":
            normalized = normalize_datetime(checked)
            if normalized is None:
                raise validation_error(f"{label} must be an ISO-8601 date-time.", pointer)
            return normalized
        if attribute.format == "date" and not _DATE.match(checked):
            raise validation_error(f"{label} must be a date (YYYY-MM-DD).", pointer)
    if attribute.type == "array" and attribute.items in _PYTHON_TYPES:
        item_types = _PYTHON_TYPES[attribute.items]
        for position, item in enumerate(checked):
            if not isinstance(item, item_types) or isinstance(item, bool):
                raise validation_error(
                    f"{label} must hold items of type {attribute.items}.", f"{pointer}/{position}"
                )
    return value


def _relationships(raw: Any, spec: ResourceSpec, store: Store) -> dict[str, Linkage]:
    if not isinstance(raw, dict):
        raise validation_error("Relationships must be an object.", "/data/relationships")
    out: dict[str, Linkage] = {}
    for name, value in raw.items():
        pointer = f"/data/relationships/{name}"
        relation = spec.relationship(name)
        if relation is None:
            raise validation_error(f"'{name}' is not a relationship of '{spec.type}'.", pointer)
        if relation.read_only or relation.links_only:
            raise validation_error(f"{humanize(name)} is read-only.", pointer)
        if not isinstance(value, dict) or "data" not in value:
            raise validation_error("A relationship must be an object with 'data'.", pointer)
        data = value["data"]
        if relation.to_many:
            if not isinstance(data, list):
                raise validation_error(f"{humanize(name)} must be a list.", f"{pointer}/data")
            out[name] = [
                _identifier(item, relation, store, f"{pointer}/data/{i}")
                for i, item in enumerate(data)
            ]
        elif data is None:
            out[name] = None
        else:
            out[name] = _identifier(data, relation, store, f"{pointer}/data")
    return out


def _identifier(item: Any, relation: RelationshipSpec, store: Store, pointer: str) -> Ref:
    if not isinstance(item, dict):
        raise validation_error("A resource identifier must be an object.", pointer)
    type_name, raw_id = item.get("type"), item.get("id")
    if type_name not in relation.targets:
        allowed = ", ".join(relation.targets)
        raise validation_error(
            f"Type '{type_name}' is not allowed for {relation.name} (expected {allowed}).",
            f"{pointer}/type",
        )
    try:
        record_id = int(raw_id)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise validation_error(f"Id '{raw_id}' is not valid.", f"{pointer}/id") from None
    if isinstance(raw_id, bool):
        raise validation_error(f"Id '{raw_id}' is not valid.", f"{pointer}/id")
    if store.has_type(type_name) and not store.exists(type_name, record_id):
        error = not_found(type_name, record_id)
        raise ApiError(422, "validationError", "Validation Error", error.detail, pointer=pointer)
    return (type_name, record_id)
