"""Generate the typed models and managers from `outreach_async._spec`.

Usage: python tools/generate_models.py [--out-dir DIR]
(`make generate` runs it after `generate_schema.py`, then `ruff format` on the output.)

Writes three modules:
- `outreach_async/models/_generated.py`: one attrs class per resource type, with a
  structure function per class (plain attribute stores: no per-field dispatch at run time);
- `outreach_async/managers/_generated.py`: one manager class per type, with only the methods
  the type allows and a typed method per action;
- `outreach_async/_accessors.py`: the client's `client.prospects`, ... properties.

Names: attributes and relationships become snake_case (`firstName` -> `first_name`, a Python
keyword gets a trailing underscore: `from_`); models are the type capitalised (`SequenceState`),
managers the plural (`SequenceStates`). Custom fields (`customN`) are left to `extra`.
Action parameters are untyped in the OpenAPI file; their Python types follow their names
(`...At` a datetime, `...Id`/`...Count` an int, `mark...`/`skip...`/`is...` a bool).
"""

from __future__ import annotations

import argparse
import keyword
import re
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from outreach_async._spec import RESOURCES  # noqa: E402
from outreach_async._spec_types import (  # noqa: E402
    ActionSpec,
    AttributeSpec,
    RelationshipSpec,
    ResourceSpec,
)

MODELS_OUT = Path("outreach_async/models/_generated.py")
MANAGERS_OUT = Path("outreach_async/managers/_generated.py")
ACCESSORS_OUT = Path("outreach_async/_accessors.py")

#: Types whose manager is extended by hand: type -> module of the subclass.
EXTENDED = {
    "batch": ".batches",
    "sequence": ".sequences",
    "sequenceState": ".sequences",
}
#: Names a model field cannot take (the base class uses them).
MODEL_RESERVED = {
    "id",
    "extra",
    "extra_relationships",
    "ref",
    "identifier",
    "resource",
    "related",
    "resolve",
    "custom",
    "writable",
    "to_json",
    "write_payload",
}
#: Names an action method cannot take.
MANAGER_RESERVED = {"get", "list", "iterate", "create", "update", "delete", "fetch_page"}
#: Attributes of the client an accessor cannot take.
CLIENT_RESERVED = {"session", "resource", "close", "closed", "rate_limit"}
_CUSTOM_FIELD = re.compile(r"custom\d+")
_PLACEHOLDER_BODY = re.compile(r"attribute(\d+|N)")

HEADER = """\
# Generated from outreach_async/_spec.py by tools/generate_models.py (`make generate`).
# Do not edit by hand.
"""


def snake(name: str, reserved: set[str] | frozenset[str] = frozenset()) -> str:
    """`firstName` -> `first_name`; keywords and reserved names get a trailing underscore."""
    text = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name)
    text = re.sub(r"(?<=[A-Z])([A-Z][a-z])", r"_\1", text).lower()
    if keyword.iskeyword(text) or text in reserved:
        text += "_"
    return text


def class_name(name: str) -> str:
    return name[0].upper() + name[1:]


def manager_name(spec: ResourceSpec) -> str:
    return class_name(spec.plural) + ("Base" if spec.type in EXTENDED else "")


def docstring(text: str, indent: str) -> list[str]:
    lines = textwrap.wrap(text, width=92 - len(indent), break_on_hyphens=False)
    if len(lines) == 1 and len(lines[0]) + len(indent) + 6 <= 100:
        return [f'{indent}"""{lines[0]}"""']
    return [f'{indent}"""{lines[0]}', *(f"{indent}{line}" for line in lines[1:]), f'{indent}"""']


def attribute_type(attribute: AttributeSpec) -> str:
    if attribute.type == "string":
        return {"date-time": "datetime", "date": "date"}.get(attribute.format or "", "str")
    if attribute.type == "array":
        items = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
        item = items.get(attribute.items or "", "dict[str, Any]" if attribute.items else "Any")
        return f"list[{item}]"
    return {"integer": "int", "number": "float", "boolean": "bool", "object": "dict[str, Any]"}[
        attribute.type
    ]


def attribute_flags(attribute: AttributeSpec) -> str:
    flags = ("r" if attribute.read_only else "") + ("w" if attribute.write_only else "")
    if attribute.type == "string" and attribute.format == "date-time":
        flags += "t"
    elif attribute.type == "string" and attribute.format == "date":
        flags += "d"
    return flags


def target_type(relationship: RelationshipSpec) -> str:
    known = [class_name(t) for t in relationship.targets if t in RESOURCES]
    if len(known) < len(relationship.targets) or not known:
        known.append("Resource")
    return f"Ref[{' | '.join(known)}]"


def relationship_type(relationship: RelationshipSpec) -> str:
    if relationship.to_many:
        return f"list[{target_type(relationship)}] | Absent"
    return f"{target_type(relationship)} | Absent | None"


def relationship_flags(relationship: RelationshipSpec) -> str:
    return (
        ("m" if relationship.to_many else "")
        + ("r" if relationship.read_only else "")
        + ("l" if relationship.links_only else "")
    )


def typed_attributes(spec: ResourceSpec) -> list[AttributeSpec]:
    return [a for a in spec.attributes if not _CUSTOM_FIELD.fullmatch(a.name)]


def field_names(spec: ResourceSpec) -> dict[str, str]:
    """Wire name -> Python name for the typed attributes and the relationships."""
    names: dict[str, str] = {}
    for wire in [a.name for a in typed_attributes(spec)] + [r.name for r in spec.relationships]:
        name = snake(wire, MODEL_RESERVED)
        if name in names.values():
            raise SystemExit(f"{spec.type}: two fields are named {name!r}")
        names[wire] = name
    return names


# Models --------------------------------------------------------------------------------


def model_block(spec: ResourceSpec) -> list[str]:
    name = class_name(spec.type)
    names = field_names(spec)
    attributes = typed_attributes(spec)
    read_only = [names[a.name] for a in attributes if a.read_only] + [
        names[r.name] for r in spec.relationships if r.read_only
    ]
    text = spec.description or f"A {spec.type}."
    if read_only:
        text += f" Read-only (set by the server): {', '.join(read_only)}."
    lines = [
        "",
        "",
        "@attrs.define(kw_only=True, repr=False)",
        f"class {name}(Model):",
        *docstring(text, "    "),
        "",
        f"    TYPE: ClassVar[str] = {spec.type!r}",
        f"    PLURAL: ClassVar[str] = {spec.plural!r}",
        "",
    ]
    for attribute in attributes:
        lines.append(
            f"    {names[attribute.name]}: {attribute_type(attribute)} | Absent | None = ABSENT"
        )
    for relationship in spec.relationships:
        lines.append(f"    {names[relationship.name]}: {relationship_type(relationship)} = ABSENT")
    if attributes or spec.relationships:
        lines.append("")
    lines.append("    SCHEMA: ClassVar[Schema] = Schema(")
    if attributes:
        lines.append("        attributes=(")
        for attribute in attributes:
            entry = (names[attribute.name], attribute.name, attribute_flags(attribute))
            lines.append(f"            {entry!r},")
        lines.append("        ),")
    if spec.relationships:
        lines.append("        relationships=(")
        for relationship in spec.relationships:
            entry = (
                names[relationship.name],
                relationship.name,
                tuple(relationship.targets),
                relationship_flags(relationship),
            )
            lines.append(f"            {entry!r},")
        lines.append("        ),")
    lines.append("    )")
    return lines


def structure_block(spec: ResourceSpec) -> list[str]:
    name = class_name(spec.type)
    names = field_names(spec)
    attributes = typed_attributes(spec)
    lines = [
        "",
        "",
        f"def _{names_key(spec)}(r: Resource) -> {name}:",
        f"    m = new({name})",
        "    a = dict(r.attributes)",
    ]
    if attributes:
        lines.append("    p = a.pop")
    for attribute in attributes:
        field = names[attribute.name]
        flags = attribute_flags(attribute)
        read = f"p({attribute.name!r}, ABSENT)"
        if "t" in flags:
            read = f"to_datetime({read}, {attribute.name!r})"
        elif "d" in flags:
            read = f"to_date({read}, {attribute.name!r})"
        lines.append(f"    m.{field} = {read}")
    lines.append("    rels = relationship_entries(r)")
    for relationship in spec.relationships:
        function = "to_many" if relationship.to_many else "to_one"
        lines.append(f"    m.{names[relationship.name]} = {function}(rels, {relationship.name!r})")
    lines += ["    finish(m, r, a, rels)", "    return m"]
    return lines


def names_key(spec: ResourceSpec) -> str:
    return snake(spec.type)


def models_module() -> str:
    specs = sorted(RESOURCES.values(), key=lambda spec: spec.type)
    exported = sorted(class_name(spec.type) for spec in specs)
    lines = [
        HEADER + '"""Typed models of every Outreach resource type, one attrs class each."""',
        "",
        "from __future__ import annotations",
        "",
        "from datetime import date, datetime",
        "from typing import Any, ClassVar",
        "",
        "import attrs",
        "",
        "from .._absent import ABSENT, Absent",
        "from ..jsonapi.document import Resource, relationship_entries",
        "from ._base import (",
        "    Model,",
        "    Ref,",
        "    Schema,",
        "    finish,",
        "    new,",
        "    register,",
        "    to_date,",
        "    to_datetime,",
        "    to_many,",
        "    to_one,",
        ")",
        "",
        "__all__ = [",
        *(f"    {name!r}," for name in exported),
        "]",
    ]
    for spec in specs:
        lines += model_block(spec)
    for spec in specs:
        lines += structure_block(spec)
    lines.append("")
    lines.append("")
    for spec in specs:
        lines.append(f"register({class_name(spec.type)}, _{names_key(spec)})")
    return "\n".join(lines) + "\n"


# Managers ------------------------------------------------------------------------------


def param_type(name: str) -> str:
    if name == "filter":
        return "Mapping[str, Any]"
    if name.endswith("At"):
        return "datetime"
    if name.endswith(("Id", "Count")):
        return "int"
    if name.startswith(("mark", "skip", "is")):
        return "bool"
    return "str"


def body_type(attribute: AttributeSpec) -> str:
    if attribute.type == "array":
        items = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}
        item = items.get(attribute.items or "", "Mapping[str, Any]" if attribute.items else "Any")
        return f"abc.Sequence[{item}]"
    return {
        "string": "str",
        "integer": "int",
        "number": "float",
        "boolean": "bool",
        "object": "Mapping[str, Any]",
    }[attribute.type]


def returned(action: ActionSpec) -> str | None:
    return class_name(action.returns) if action.returns in RESOURCES else None


#: The per-call options every generated method takes, and how it passes them on.
OPTION_PARAMS = [
    "        timeout: Timeout | None = None,",
    "        extra_headers: Headers | None = None,",
    "        retry: RetryPolicy | None = None,",
]
OPTION_NAMES = frozenset({"timeout", "extra_headers", "retry"})
PASS_OPTIONS = "timeout=timeout, extra_headers=extra_headers, retry=retry"


def member_action_block(spec: ResourceSpec, action: ActionSpec) -> list[str]:
    method = snake(action.name, MANAGER_RESERVED)
    result = returned(action)
    signature = ["        self,", "        resource: IdLike,", "        *,"]
    for param in action.params:
        annotation = param_type(param)
        if param in action.required:
            signature.append(f"        {snake(param)}: {annotation},")
        else:
            signature.append(f"        {snake(param)}: {annotation} | None = None,")
    signature += OPTION_PARAMS
    params = ", ".join(f"{p!r}: {snake(p)}" for p in action.params)
    lines = [
        "",
        f"    async def {method}(",
        *signature,
        f"    ) -> {result or 'Resource'}:",
        *docstring(f"Run the `{action.name}` action on one {spec.type}.", "        "),
        "        answer = await self._member_action(",
        f"            resource, {action.name!r}, {{{params}}}, {PASS_OPTIONS}",
        "        )",
    ]
    lines.append(
        f"        return self._typed(answer, {result})" if result else "        return answer"
    )
    return lines


def collection_action_block(spec: ResourceSpec, action: ActionSpec) -> list[str]:
    method = snake(action.name, MANAGER_RESERVED)
    result = returned(action)
    body = [b for b in action.body if not _PLACEHOLDER_BODY.fullmatch(b.name)]
    signature = ["        self,", "        *,"]
    for attribute in body:
        signature.append(f"        {snake(attribute.name)}: {body_type(attribute)} | None = None,")
    signature.append("        attributes: Mapping[str, Any] | None = None,")
    for param in action.params:
        annotation = param_type(param)
        if param in action.required:
            signature.append(f"        {snake(param)}: {annotation},")
        else:
            signature.append(f"        {snake(param)}: {annotation} | None = None,")
    signature += OPTION_PARAMS
    attributes = ", ".join(f"{b.name!r}: {snake(b.name)}" for b in body)
    params = ", ".join(f"{p!r}: {snake(p)}" for p in action.params)
    text = (
        f"Run the `{action.name}` collection action; `attributes` adds body attributes "
        "the OpenAPI file does not name."
    )
    lines = [
        "",
        f"    async def {method}(",
        *signature,
        f"    ) -> {result or 'Document'}:",
        *docstring(text, "        "),
        "        document = await self._collection_action(",
        f"            {action.name!r},",
        f"            {{{attributes}}},",
        "            attributes,",
        f"            {{{params}}},",
        f"            {PASS_OPTIONS},",
        "        )",
    ]
    if result:
        lines.append(f"        return self._typed_document(document, {result})")
    else:
        lines.append("        return document")
    return lines


MIXINS = {
    "list": "Listable",
    "get": "Gettable",
    "create": "Creatable",
    "update": "Updatable",
    "delete": "Deletable",
}


def manager_block(spec: ResourceSpec) -> list[str]:
    model = class_name(spec.type)
    bases = [f"{MIXINS[method]}[{model}]" for method in spec.methods] or [f"TypedManager[{model}]"]
    methods = ", ".join(spec.methods)
    lines = [
        "",
        "",
        f"class {manager_name(spec)}({', '.join(bases)}):",
        *docstring(f"`{spec.plural}` as `{model}` models: {methods}.", "    "),
        "",
        f"    model = {model}",
    ]
    for action in sorted(spec.member_actions, key=lambda a: a.name):
        lines += member_action_block(spec, action)
    for action in sorted(spec.collection_actions, key=lambda a: a.name):
        lines += collection_action_block(spec, action)
    return lines


def managers_module() -> str:
    specs = sorted(RESOURCES.values(), key=lambda spec: spec.type)
    for spec in specs:
        for action in (*spec.member_actions, *spec.collection_actions):
            if snake(action.name) in MANAGER_RESERVED:
                raise SystemExit(f"{spec.type}: action {action.name} clashes with a method")
            names = {snake(name) for name in (*action.params, *(b.name for b in action.body))}
            if names & OPTION_NAMES:
                raise SystemExit(f"{spec.type}: action {action.name} has a per-call option's name")
    exported = sorted(manager_name(spec) for spec in specs)
    models = sorted(class_name(spec.type) for spec in specs)
    lines = [
        HEADER + '"""Typed managers of every Outreach resource type, with their actions."""',
        "",
        "from __future__ import annotations",
        "",
        "from collections import abc",
        "from collections.abc import Mapping",
        "from datetime import datetime",
        "from typing import Any",
        "",
        "from ..http.options import Headers, Timeout",
        "from ..http.retry import RetryPolicy",
        "from ..jsonapi.document import Document, Resource",
        "from ..models import (",
        *(f"    {name}," for name in models),
        ")",
        "from ._base import (",
        "    Creatable,",
        "    Deletable,",
        "    Gettable,",
        "    IdLike,",
        "    Listable,",
        "    TypedManager,",
        "    Updatable,",
        ")",
        "",
        "__all__ = [",
        *(f"    {name!r}," for name in exported),
        "]",
    ]
    for spec in specs:
        lines += manager_block(spec)
    text = "\n".join(lines) + "\n"
    if "TypedManager[" not in text.split("__all__", 1)[1]:
        text = text.replace("    TypedManager,\n", "")
    return text


def accessors_module() -> str:
    specs = sorted(RESOURCES.values(), key=lambda spec: spec.plural)
    module_of = {
        class_name(spec.plural): EXTENDED.get(spec.type, ".managers._generated") for spec in specs
    }
    by_module: dict[str, list[str]] = {}
    for manager, module in module_of.items():
        by_module.setdefault(module, []).append(manager)
    imports = sorted(
        [
            "from .http.session import Session",
            *(
                f"from {module} import {', '.join(sorted(names, key=str.lower))}"
                if len(names) < 3
                else f"from {module} import (\n"
                + "".join(f"        {name},\n" for name in sorted(names))
                + "    )"
                for module, names in by_module.items()
            ),
        ]
    )
    lines = [
        HEADER
        + '"""`client.prospects`, `client.sequence_states`, ...: one typed manager per type.',
        "",
        "Each manager's module is imported when the accessor is first read, so creating a client",
        "does not load the generated models and managers of every type.",
        '"""',
        "",
        "from __future__ import annotations",
        "",
        "from functools import cached_property",
        "from typing import TYPE_CHECKING",
        "",
        "if TYPE_CHECKING:",
        *(f"    {line}" for line in imports),
        "",
        '__all__ = ["TypedManagers"]',
        "",
        "",
        "class TypedManagers:",
        '    """The typed managers of a client, made on first use."""',
        "",
        "    session: Session",
    ]
    for spec in specs:
        attribute = snake(spec.plural)
        if attribute in CLIENT_RESERVED:
            raise SystemExit(f"{spec.plural}: clashes with an attribute of the client")
        manager = class_name(spec.plural)
        lines += [
            "",
            "    @cached_property",
            f"    def {attribute}(self) -> {manager}:",
            *docstring(f"`{spec.plural}` as `{class_name(spec.type)}` models.", "        "),
            f"        from {module_of[manager]} import {manager}",
            "",
            f"        return {manager}(self.session)",
        ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out-dir", type=Path, default=ROOT, help="root to write under")
    args = parser.parse_args(argv)
    for relative, text in (
        (MODELS_OUT, models_module()),
        (MANAGERS_OUT, managers_module()),
        (ACCESSORS_OUT, accessors_module()),
    ):
        target = args.out_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        print(f"wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
