"""Sets of record ids kept between syncs, compactly, and the ids found in an export's output.

A reconciliation compares the ids Outreach has now with the ids a consumer was told about;
those sets are stored as sorted deltas in zlib-compressed text (100,000 dense ids take a few
hundred bytes), which any store holds as one value.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import zlib
from collections.abc import Iterable
from pathlib import Path

__all__ = ["decode_ids", "encode_ids", "ids_in_output"]


def encode_ids(ids: Iterable[int]) -> bytes:
    ordered = sorted(set(ids))
    deltas = [ordered[0]] if ordered else []
    deltas.extend(b - a for a, b in itertools.pairwise(ordered))
    return zlib.compress(",".join(map(str, deltas)).encode(), 6)


def decode_ids(data: bytes, where: str) -> set[int]:
    try:
        text = zlib.decompress(data).decode()
        total = 0
        ids = set()
        for part in text.split(",") if text else ():
            total += int(part)
            ids.add(total)
        return ids
    except (zlib.error, ValueError, UnicodeDecodeError) as exc:
        raise ValueError(f"{where}: not a readable set of ids ({exc})") from None


def ids_in_output(path: Path, output_format: str) -> list[int]:
    """The ids of every record in a finished JSON Lines or CSV export."""
    ids: list[int] = []
    with open(path, "rb") as handle:
        if output_format == "csv":
            rows = csv.reader(io.TextIOWrapper(handle, encoding="utf-8", newline=""))
            next(rows, None)  # the header
            ids.extend(int(row[0]) for row in rows if row)
        else:
            ids.extend(int(json.loads(line)["id"]) for line in handle if line.strip())
    return ids
