"""What a sync remembers between runs, as JSON values in a `StateStore`.

- `run`: the number of the current run and whether it finished. A run that did not finish is
  resumed by the next start, which skips the types it already completed.
- `<type>`: a `TypeState`: the high-water mark, the last reconciliation, counts, and while a
  run is working on the type, what it is doing (`Pending`, with the export's checkpoint).
- `<type>.ids.<n>`: the ids the consumer knows of (generation `n`, named in the type's state),
  the base a reconciliation compares with. A new generation is written before the state
  that names it, so a crash never leaves the state naming a set that is not there.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any, Literal

import attrs

from ._checkpoint import Checkpoint, decode_checkpoint, encode_checkpoint

__all__ = ["Pending", "RunState", "TypeState", "decode_run", "decode_type", "encode"]

_VERSION = 1

Phase = Literal["export", "reconcile"]


@attrs.frozen
class Pending:
    """A type's part of an unfinished run: resumed as it was planned."""

    run: int
    #: When the run's reading began; the next high-water mark.
    started_at: datetime
    #: Records updated at or after this are exported; None exports everything.
    since: datetime | None
    reconcile: bool
    phase: Phase = "export"
    checkpoint: Checkpoint | None = None


@attrs.frozen
class TypeState:
    """One resource type's sync state."""

    #: Start of the last completed run; the next run reads from here minus the overlap.
    high_water: datetime | None = None
    #: When the ids last compared with Outreach's were read (a full run counts).
    last_reconciled: datetime | None = None
    #: Number of the run that last completed this type, and how many runs completed it.
    last_run: int = 0
    runs: int = 0
    runs_since_reconcile: int = 0
    exported_last_run: int = 0
    exported_total: int = 0
    deleted_last_run: int = 0
    deleted_total: int = 0
    #: Generation of the stored id set (0: none yet) and how many ids it holds.
    ids_generation: int = 0
    known_ids: int = 0
    pending: Pending | None = None


@attrs.frozen
class RunState:
    number: int = 0
    finished: bool = True


def encode(state: TypeState | RunState) -> bytes:
    payload: dict[str, Any] = {"version": _VERSION}
    for field in attrs.fields(type(state)):
        payload[field.name] = _plain(getattr(state, field.name))
    return json.dumps(payload, separators=(",", ":")).encode()


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Checkpoint):
        return encode_checkpoint(value).decode()
    if isinstance(value, Pending):
        return {f.name: _plain(getattr(value, f.name)) for f in attrs.fields(Pending)}
    return value


def decode_type(data: bytes | None, where: str) -> TypeState:
    if data is None:
        return TypeState()
    payload = _payload(data, where)
    try:
        pending = payload.get("pending")
        return TypeState(
            high_water=_time(payload.get("high_water")),
            last_reconciled=_time(payload.get("last_reconciled")),
            last_run=int(payload["last_run"]),
            runs=int(payload["runs"]),
            runs_since_reconcile=int(payload["runs_since_reconcile"]),
            exported_last_run=int(payload["exported_last_run"]),
            exported_total=int(payload["exported_total"]),
            deleted_last_run=int(payload["deleted_last_run"]),
            deleted_total=int(payload["deleted_total"]),
            ids_generation=int(payload["ids_generation"]),
            known_ids=int(payload["known_ids"]),
            pending=None if pending is None else _pending(pending, where),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{where}: not a readable sync state ({exc})") from None


def _pending(payload: dict[str, Any], where: str) -> Pending:
    checkpoint = payload.get("checkpoint")
    phase = payload["phase"]
    if phase not in ("export", "reconcile"):
        raise ValueError(f"unknown phase {phase!r}")
    started_at = _time(payload["started_at"])
    assert started_at is not None
    return Pending(
        run=int(payload["run"]),
        started_at=started_at,
        since=_time(payload.get("since")),
        reconcile=bool(payload["reconcile"]),
        phase=phase,
        checkpoint=None if checkpoint is None else decode_checkpoint(checkpoint.encode(), where),
    )


def decode_run(data: bytes | None, where: str) -> RunState:
    if data is None:
        return RunState()
    payload = _payload(data, where)
    try:
        return RunState(number=int(payload["number"]), finished=bool(payload["finished"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"{where}: not a readable sync run ({exc})") from None


def _payload(data: bytes, where: str) -> dict[str, Any]:
    try:
        payload = json.loads(data)
    except ValueError:
        raise ValueError(f"{where}: not a readable sync state (not JSON)") from None
    if not isinstance(payload, dict) or payload.get("version") != _VERSION:
        raise ValueError(f"{where}: not a sync state this version can read")
    return payload


def _time(value: Any) -> datetime | None:
    return None if value is None else datetime.fromisoformat(str(value))
