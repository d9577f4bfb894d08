"""Export checkpoints: which id ranges are done and how many output bytes hold them.

A checkpoint is written only after the output it describes is on disk, and replaces the
previous one atomically, so after any crash the newest checkpoint never claims more than the
output holds. Resuming truncates the output to the checkpoint's byte count and reads the
unfinished ranges again: no gaps, no duplicates.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs

from .._atomic import replace_file
from .partition import RangeProgress

__all__ = ["Checkpoint", "read_checkpoint", "write_checkpoint"]

_VERSION = 1


@attrs.frozen
class Checkpoint:
    """Progress of one export: its identity, ranges, and the valid length of its output."""

    fingerprint: str
    ranges: tuple[RangeProgress, ...]
    output_bytes: int
    records: int


def write_checkpoint(path: Path, checkpoint: Checkpoint) -> None:
    """Replace the checkpoint at `path` atomically (temporary file, fsync, rename)."""
    payload: dict[str, Any] = {
        "version": _VERSION,
        "fingerprint": checkpoint.fingerprint,
        "output_bytes": checkpoint.output_bytes,
        "records": checkpoint.records,
        "ranges": [[r.low, r.high, r.acknowledged] for r in checkpoint.ranges],
    }
    replace_file(path, json.dumps(payload, separators=(",", ":")).encode())


def read_checkpoint(path: Path) -> Checkpoint | None:
    """The checkpoint at `path`, or None when there is none; a damaged one is an error."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    try:
        payload = json.loads(text)
        if payload.get("version") != _VERSION:
            raise ValueError(f"unknown checkpoint version {payload.get('version')!r}")
        return Checkpoint(
            fingerprint=str(payload["fingerprint"]),
            ranges=tuple(RangeProgress(int(a), int(b), int(c)) for a, b, c in payload["ranges"]),
            output_bytes=int(payload["output_bytes"]),
            records=int(payload["records"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: not a readable export checkpoint ({exc})") from None
