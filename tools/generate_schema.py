"""Generate `outreach_async/_spec.py` from the Outreach OpenAPI file.

Usage: python tools/generate_schema.py [--spec spec/outreach-openapi.json] [--out PATH]
(`make generate` runs it and then `ruff format` on the output.)

Resource types are discovered from the paths `/{plural}` and `/{plural}/{id}` and the schemas
`{type}`, `{type}Relationships` and `{type}Response`. Read-only, write-only, filterable and
sortable are badges (`<img src=.../badges/readonly.svg>`) in the descriptions.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SPEC = ROOT / "spec" / "outreach-openapi.json"
DEFAULT_OUT = ROOT / "outreach_async" / "_spec.py"

HEADER = '''\
# Generated from spec/outreach-openapi.json by tools/generate_schema.py (`make generate`).
# Do not edit by hand.
"""Resource types of the Outreach API v2: attributes, relationships, methods and actions.

Flags of `A(...)` (attributes): r read-only, w write-only, f filterable, s sortable,
! not nullable. Flags of `R(...)` (relationships): m to-many, r read-only, l links only.
"""

from __future__ import annotations

from ._spec_types import ActionSpec as Act
from ._spec_types import ResourceSpec
from ._spec_types import attribute as A
from ._spec_types import relationship as R

'''

FOOTER = """
#: Resource types keyed by their plural path segment (`sequenceStates`).
BY_PLURAL: dict[str, ResourceSpec] = {spec.plural: spec for spec in RESOURCES.values()}
"""

_BADGE = re.compile(r"badges/(\w+)\.svg")
_IMG = re.compile(r"<img[^>]*>")
_METHODS = {
    ("collection", "get"): "list",
    ("collection", "post"): "create",
    ("member", "get"): "get",
    ("member", "patch"): "update",
    ("member", "delete"): "delete",
}
_METHOD_ORDER = ["list", "create", "get", "update", "delete"]
_RESPONSE_REF = re.compile(r"#/components/schemas/(\w+)Response")
_USER_ROLES = {"owner", "creator", "updater", "completer", "user"}


def badges(description: str) -> set[str]:
    return set(_BADGE.findall(description or ""))


def plain_text(description: str) -> str:
    return " ".join(_IMG.sub("", description or "").split())


def first_sentence(description: str) -> str:
    text = plain_text(description)
    match = re.match(r"(.+?\.)(\s|$)", text)
    return match.group(1) if match else text


def response_types(operation: dict[str, Any]) -> list[str]:
    """Schema names (without `Response`) referenced by an operation's success responses."""
    found: list[str] = []
    for status, response in operation.get("responses", {}).items():
        if status.startswith("2"):
            found += _RESPONSE_REF.findall(json.dumps(response))
    return found


def discover_types(spec: dict[str, Any]) -> dict[str, str]:
    """Map plural path segment -> resource type."""
    schemas = spec["components"]["schemas"]
    plurals: dict[str, str] = {}
    for path, operations in spec["paths"].items():
        parts = path.strip("/").split("/")
        if len(parts) > 2 or (len(parts) == 2 and parts[1] != "{id}"):
            continue
        for operation in operations.values():
            for name in response_types(operation):
                if name in schemas or f"{name}Relationships" in schemas:
                    plurals.setdefault(parts[0], name)
    return plurals


def attribute_line(name: str, prop: dict[str, Any]) -> str:
    marks = badges(prop.get("description", ""))
    flags = "".join(
        letter
        for letter, badge in (("r", "readonly"), ("w", "writeonly"), ("f", "filterable"))
        if badge in marks
    )
    if "sortable" in marks:
        flags += "s"
    if not prop.get("nullable", False):
        flags += "!"
    args = [repr(name), repr(prop.get("type", "string"))]
    if flags:
        args.append(repr(flags))
    if prop.get("format"):
        args.append(f"format={prop['format']!r}")
    if "maxLength" in prop:
        args.append(f"max_length={prop['maxLength']!r}")
    if prop.get("enum"):
        args.append(f"enum={tuple(str(v) for v in prop['enum'])!r}")
    items = prop.get("items") or {}
    if items.get("type"):
        args.append(f"items={items['type']!r}")
    if items.get("format"):
        args.append(f"items_format={items['format']!r}")
    return f"A({', '.join(args)})"


def filter_by(description: str) -> tuple[str, ...] | None:
    text = plain_text(description)
    if "cannot be used as a filter" in text:
        return ()
    if "You can use only the attribute id to filter" in text:
        return ("id",)
    if "You can use any filterable attribute" in text:
        return ("*",)
    match = re.search(r"You can use attributes (.+?) to filter", text)
    if match:
        return tuple(n for n in re.split(r",\s*|\s+and\s+", match.group(1)) if n)
    return None


def infer_targets(name: str, plurals: dict[str, str]) -> tuple[tuple[str, ...], bool]:
    """Targets and to-many-ness of a relationship documented without `data`."""
    types = set(plurals.values())
    if name in plurals:
        return (plurals[name],), True
    if name in types:
        return (name,), False
    if name in _USER_ROLES:
        return ("user",), False
    return (), True


def relationship_line(name: str, prop: dict[str, Any], plurals: dict[str, str]) -> str:
    description = prop.get("description", "")
    data = prop.get("properties", {}).get("data")
    flags = ""
    if data is None:
        targets, to_many = infer_targets(name, plurals)
        links_only = True
    else:
        to_many = data.get("type") == "array"
        identifier = data.get("items", {}) if to_many else data
        targets = tuple(identifier.get("properties", {}).get("type", {}).get("enum", ()))
        links_only = False
    if to_many:
        flags += "m"
    if "readonly" in badges(description):
        flags += "r"
    if links_only:
        flags += "l"
    args = [repr(name), repr(targets)]
    if flags:
        args.append(repr(flags))
    filters = filter_by(description)
    if filters is not None:
        args.append(f"filter_by={filters!r}")
    return f"R({', '.join(args)})"


def action_line(name: str, operation: dict[str, Any]) -> str:
    params: list[str] = []
    required: list[str] = []
    for parameter in operation.get("parameters", []):
        if parameter.get("name") == "actionParams":
            schema = parameter.get("schema", {})
            params += list(schema.get("properties", {}))
            required += list(schema.get("required", []))
    body_schema = (
        operation.get("requestBody", {})
        .get("content", {})
        .get("application/vnd.api+json", {})
        .get("schema", {})
    )
    body = (
        body_schema.get("properties", {})
        .get("data", {})
        .get("properties", {})
        .get("attributes", {})
        .get("properties", {})
    )
    returns = response_types(operation)
    args = [repr(name)]
    if params:
        args.append(f"params={tuple(params)!r}")
    if required:
        args.append(f"required={tuple(required)!r}")
    if body:
        lines = [f"{attribute_line(n, {'nullable': True, **p})}," for n, p in body.items()]
        args.append("body=(" + " ".join(lines) + ")")
    if returns:
        args.append(f"returns={returns[0]!r}")
    return f"Act({', '.join(args)})"


def string_literal(text: str, width: int = 72) -> str:
    """A string literal, split into implicitly concatenated parts to respect line length."""
    if len(text) <= width:
        return repr(text)
    words = text.split(" ")
    parts: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if len(candidate) > width and current:
            parts.append(current + " ")
            current = word
        else:
            current = candidate
    parts.append(current)
    return "(" + " ".join(repr(p) for p in parts) + ")"


def resource_block(
    type_name: str, plural: str, spec: dict[str, Any], plurals: dict[str, str]
) -> str:
    schemas = spec["components"]["schemas"]
    methods: set[str] = set()
    member_actions: list[str] = []
    collection_actions: list[str] = []
    for path, operations in spec["paths"].items():
        parts = path.strip("/").split("/")
        if parts[0] != plural:
            continue
        if len(parts) == 1:
            methods |= {
                _METHODS[("collection", m)] for m in operations if ("collection", m) in _METHODS
            }
        elif len(parts) == 2 and parts[1] == "{id}":
            methods |= {_METHODS[("member", m)] for m in operations if ("member", m) in _METHODS}
        elif len(parts) == 4 and parts[1:3] == ["{id}", "actions"]:
            member_actions.append(action_line(parts[3], operations["post"]))
        elif len(parts) == 3 and parts[1] == "actions":
            collection_actions.append(action_line(parts[2], operations["post"]))
    attributes = schemas.get(type_name, {}).get("properties", {})
    relationships = schemas.get(f"{type_name}Relationships", {}).get("properties", {})
    ordered = tuple(m for m in _METHOD_ORDER if m in methods)
    lines = [
        f"    {type_name!r}: ResourceSpec(",
        f"        {type_name!r},",
        f"        {plural!r},",
        f"        methods={ordered!r},",
    ]
    description = first_sentence(schemas.get(type_name, {}).get("description", ""))
    if description:
        lines.append(f"        description={string_literal(description)},")

    def tuple_block(field: str, items: list[str]) -> None:
        if items:
            lines.append(f"        {field}=(")
            lines.extend(f"            {item}," for item in items)
            lines.append("        ),")

    tuple_block("attributes", [attribute_line(n, p) for n, p in attributes.items()])
    tuple_block(
        "relationships", [relationship_line(n, p, plurals) for n, p in relationships.items()]
    )
    tuple_block("member_actions", sorted(member_actions))
    tuple_block("collection_actions", sorted(collection_actions))
    lines.append("    ),")
    return "\n".join(lines)


def generate(spec: dict[str, Any]) -> str:
    plurals = discover_types(spec)
    blocks = [
        resource_block(type_name, plural, spec, plurals)
        for plural, type_name in sorted(plurals.items(), key=lambda item: item[1])
    ]
    return (
        HEADER
        + "#: Resource types keyed by their JSON:API type name (`sequenceState`).\n"
        + "RESOURCES: dict[str, ResourceSpec] = {\n"
        + "\n".join(blocks)
        + "\n}\n"
        + FOOTER
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--spec", type=Path, default=DEFAULT_SPEC)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    spec = json.loads(args.spec.read_text(encoding="utf-8"))
    args.out.write_text(generate(spec), encoding="utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
