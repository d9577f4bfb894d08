"""Microseconds per resource to turn a 1,000-prospect page into raw dicts, `Resource`s and
typed `Prospect` models.

Run: .venv/bin/python benchmarks/models.py [--resources 1000] [--repeat 7]

Each row includes the steps before it: raw = `json.loads`; generic = raw +
`parse_document`; typed = generic + the generated structure function of `Prospect` (what
`client.prospects` does per page). "typed via __init__" structures through the attrs
`__init__` with keyword arguments instead, the obvious alternative, for comparison;
"structure step only" is the typed step alone, on resources parsed beforehand. Runs are
interleaved and garbage collection is off while timing (timeit's default).
Prospects carry every documented attribute (custom1..150 mostly null, as the API sends
them) and the relationships a list response has.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import timeit
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from outreach_async import parse_document
from outreach_async._absent import ABSENT
from outreach_async._converter import parse_date, parse_datetime
from outreach_async._spec import RESOURCES
from outreach_async.models import Prospect, Ref
from outreach_async.models._base import from_resource

SPEC = RESOURCES["prospect"]


def value_for(name: str, json_type: str, fmt: str | None, n: int) -> Any:
    if name.startswith("custom"):
        return None if int(name[6:]) > 5 else f"value {n}"
    if fmt == "date-time":
        return f"2024-03-{1 + n % 28:02d}T12:34:56.000Z"
    if fmt == "date":
        return "2024-03-01"
    return {
        "string": f"{name} {n}",
        "integer": n,
        "number": n / 7,
        "boolean": n % 2 == 0,
        "array": [f"{name}-{n}@example.com"],
        "object": {"k": n},
    }[json_type]


def page(count: int) -> bytes:
    data = []
    for n in range(1, count + 1):
        attributes = {a.name: value_for(a.name, a.type, a.format, n) for a in SPEC.attributes}
        relationships: dict[str, Any] = {}
        for rel in SPEC.relationships:
            if rel.links_only:
                relationships[rel.name] = {"links": {"related": f"https://x/{rel.name}?p={n}"}}
            elif rel.to_many:
                relationships[rel.name] = {"data": []}
            else:
                target = rel.targets[0] if rel.targets else "user"
                relationships[rel.name] = {"data": {"type": target, "id": n % 97 + 1}}
        data.append(
            {"type": "prospect", "id": n, "attributes": attributes, "relationships": relationships}
        )
    return json.dumps({"data": data, "links": {"next": "https://x/next"}}).encode()


def raw(body: bytes) -> Any:
    return json.loads(body)


def generic(body: bytes) -> Any:
    return parse_document(json.loads(body)).resources


def typed(body: bytes) -> list[Prospect]:
    return [from_resource(r, Prospect) for r in parse_document(json.loads(body)).resources]


_NAMES = {f.wire: f for f in Prospect.SCHEMA.attributes}
_LINKS = {link.wire: link for link in Prospect.SCHEMA.relationships}


def typed_via_init(body: bytes) -> list[Prospect]:
    models = []
    for resource in parse_document(json.loads(body)).resources:
        kwargs: dict[str, Any] = {}
        extra = {}
        for wire, value in resource.attributes.items():
            field = _NAMES.get(wire)
            if field is None:
                extra[wire] = value
            elif field.kind == "datetime" and value is not None:
                kwargs[field.name] = parse_datetime(value)
            elif field.kind == "date" and value is not None:
                kwargs[field.name] = parse_date(value)
            else:
                kwargs[field.name] = value
        for wire, rel in resource.relationships.items():
            link = _LINKS.get(wire)
            data = rel.data
            if link is not None and data is not ABSENT:
                if isinstance(data, list):
                    kwargs[link.name] = [Ref(i.type, i.id) for i in data]
                else:
                    kwargs[link.name] = None if data is None else Ref(data.type, data.id)
        models.append(Prospect(id=resource.id, extra=extra, **kwargs))
    return models


def structure_only(resources: list[Any]) -> list[Prospect]:
    return [from_resource(r, Prospect) for r in resources]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=9)
    args = parser.parse_args()
    body = page(args.resources)
    resources = generic(body)
    assert typed(body) == typed_via_init(body)
    cases = {
        "raw dicts": lambda: raw(body),
        "generic Resource": lambda: generic(body),
        "typed Prospect": lambda: typed(body),
        "typed via __init__": lambda: typed_via_init(body),
        "structure step only": lambda: structure_only(resources),
    }
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(args.repeat):  # interleaved, so load from other processes hits all alike
        for name, case in cases.items():
            times[name] += timeit.repeat(case, number=1, repeat=1)
    print(
        f"{args.resources} prospects, {len(body) / 1e6:.1f} MB of JSON, "
        f"best and median of {args.repeat} runs, Python {sys.version.split()[0]}"
    )
    print(f"{'':<22}{'best us/resource':>18}{'median':>10}")
    for name, measured in times.items():
        best, median = (
            t * 1e6 / args.resources for t in (min(measured), statistics.median(measured))
        )
        print(f"{name:<22}{best:>18.1f}{median:>10.1f}")


if __name__ == "__main__":
    main()
