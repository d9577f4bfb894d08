"""Export checkpoints: which id ranges are done and how many output bytes hold them.

A checkpoint is written only after the output it describes is on disk, and replaces the
previous one atomically, so after any crash the newest checkpoint never claims more than the
output holds. Resuming truncates the output to the checkpoint's byte count and reads the
unfinished ranges again: no gaps, no duplicates.

Where a checkpoint lives is a `CheckpointStore`: a file next to the output by default, or a
sync's state store (so that another worker can resume the export).
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any, Protocol

import attrs

from .._atomic import replace_file
from .partition import RangeProgress

__all__ = [
    "Checkpoint",
    "CheckpointStore",
    "FileCheckpoints",
    "decode_checkpoint",
    "encode_checkpoint",
    "read_checkpoint",
    "write_checkpoint",
]

_VERSION = 1


@attrs.frozen
class Checkpoint:
    """Progress of one export: its identity, ranges, and the valid length of its output."""

    fingerprint: str
    ranges: tuple[RangeProgress, ...]
    output_bytes: int
    records: int

    @property
    def complete(self) -> bool:
        """Every range is done: the export finished writing (it may not be renamed yet)."""
        return all(r.finished for r in self.ranges)


class CheckpointStore(Protocol):
    """Keeps one export's newest checkpoint; `save` is durable when it returns."""

    async def load(self) -> Checkpoint | None: ...

    async def save(self, checkpoint: Checkpoint) -> None: ...

    async def clear(self) -> None:
        """Forget the checkpoint: the export starts over."""

    async def complete(self) -> None:
        """The export is complete and its output in place: the checkpoint is no longer needed."""


class FileCheckpoints:
    """A checkpoint in a file (`<output>.checkpoint`), replaced atomically."""

    def __init__(self, path: Path) -> None:
        self.path = path

    async def load(self) -> Checkpoint | None:
        return await asyncio.to_thread(read_checkpoint, self.path)

    async def save(self, checkpoint: Checkpoint) -> None:
        await asyncio.to_thread(write_checkpoint, self.path, checkpoint)

    async def clear(self) -> None:
        await asyncio.to_thread(self.path.unlink, missing_ok=True)

    async def complete(self) -> None:
        await self.clear()


def write_checkpoint(path: Path, checkpoint: Checkpoint) -> None:
    """Replace the checkpoint at `path` atomically (temporary file, fsync, rename)."""
    replace_file(path, encode_checkpoint(checkpoint))


def encode_checkpoint(checkpoint: Checkpoint) -> bytes:
    payload: dict[str, Any] = {
        "version": _VERSION,
        "fingerprint": checkpoint.fingerprint,
        "output_bytes": checkpoint.output_bytes,
        "records": checkpoint.records,
        "ranges": [[r.low, r.high, r.acknowledged] for r in checkpoint.ranges],
    }
    return json.dumps(payload, separators=(",", ":")).encode()


def read_checkpoint(path: Path) -> Checkpoint | None:
    """The checkpoint at `path`, or None when there is none; a damaged one is an error."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    return decode_checkpoint(data, str(path))


def decode_checkpoint(data: bytes, where: str) -> Checkpoint:
    """A checkpoint from `encode_checkpoint`'s bytes; `where` names it in errors."""
    try:
        payload = json.loads(data)
        if payload.get("version") != _VERSION:
            raise ValueError(f"unknown checkpoint version {payload.get('version')!r}")
        return Checkpoint(
            fingerprint=str(payload["fingerprint"]),
            ranges=tuple(RangeProgress(int(a), int(b), int(c)) for a, b, c in payload["ranges"]),
            output_bytes=int(payload["output_bytes"]),
            records=int(payload["records"]),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{where}: not a readable export checkpoint ({exc})") from None
