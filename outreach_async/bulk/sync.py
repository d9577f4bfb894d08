"""Incremental sync: export what changed since the last run, and what was deleted.

    async with OutreachClient(token) as client:
        result = await sync_collections(
            client, ["prospect", "account"], state="sync-state", output="out"
        )

The first run of a type exports every record to `<output>/<type>.jsonl`. Each later run
exports the records updated at or after the previous run's start minus `overlap` (clock
skew; records changed while that run read), each record once, in the version read. A
reconciliation (`reconcile=True`, or every `reconcile_every` runs) also reads every id, with
the smallest fieldset, and writes the ids that disappeared since the last one to
`<output>/<type>.deleted.jsonl`. Each run replaces the files of the previous run.

A type's state advances only after its output is on disk, in an order that makes every step
repeatable: a run stopped at any moment (kill -9 included) is resumed by the next start,
which skips the types already done, continues exports from their checkpoints, and ends
with the same files as a run that never stopped. State and checkpoints live in a
`StateStore`: a directory, or Redis for jobs that may resume on another worker (the
output directory must then be shared too). Types run concurrently on the client's budget.
"""

from __future__ import annotations

import asyncio
import logging
import math
import os
import time
from array import array
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Literal

import attrs

from ..client import OutreachClient
from ..jsonapi.document import Resource
from ._checkpoint import Checkpoint
from ._formats import OutputFormat
from ._idset import decode_ids, encode_ids, ids_in_output
from ._sync_state import Pending, RunState, TypeState, decode_run, decode_type, encode
from .export import ExportOptions, default_format, export_collection
from .reconcile import read_ids, write_deleted
from .state import FileStateStore, StateStore, check_name

__all__ = [
    "DEFAULT_OVERLAP",
    "SyncOptions",
    "SyncResult",
    "TypeSyncResult",
    "run_sync",
    "sync_collections",
]

logger = logging.getLogger("outreach_async.bulk.sync")

#: Records updated this long before the previous run started are read again.
DEFAULT_OVERLAP = timedelta(minutes=5)

Mode = Literal["full", "incremental", "done"]


@attrs.frozen
class SyncOptions:
    """What to sync and how; checked before anything is sent."""

    types: tuple[str, ...]
    overlap: timedelta = DEFAULT_OVERLAP
    reconcile: bool = False
    #: Reconcile on every N-th run of a type (None: only when `reconcile` is set).
    reconcile_every: int | None = None
    concurrency: int = 8
    page_size: int = 1000
    format: Literal["jsonl", "csv"] = "jsonl"

    def __attrs_post_init__(self) -> None:
        from .._spec import RESOURCES

        if not self.types:
            raise ValueError("types: name at least one resource type, e.g. prospect")
        for name in self.types:
            if name not in RESOURCES:
                raise ValueError(f"types: {name!r} is not an Outreach resource type")
            check_name(name)
        if len(set(self.types)) != len(self.types):
            raise ValueError(f"types: each type once, got {list(self.types)}")
        if self.overlap < timedelta(0):
            raise ValueError(f"overlap: expected zero or more, got {self.overlap}")
        if self.reconcile_every is not None and self.reconcile_every < 1:
            raise ValueError(f"reconcile_every: expected at least 1, got {self.reconcile_every}")
        for name in self.types:  # the export's own checks: page size, concurrency, format
            self.export_options(name, None)

    def export_options(self, resource_type: str, since: datetime | None) -> ExportOptions:
        return ExportOptions(
            resource_type=resource_type,
            since=since,
            concurrency=self.concurrency,
            page_size=self.page_size,
            format=self.format,
        )


@attrs.frozen
class TypeSyncResult:
    """What a run did for one type."""

    resource_type: str
    #: "done": completed earlier in this run, before it was stopped and resumed.
    mode: Mode
    records: int
    #: Ids found deleted, or None when this run did not reconcile the type.
    deleted: int | None
    requests: int
    output: Path
    deleted_output: Path | None
    resumed: bool
    state: TypeState


@attrs.frozen
class SyncResult:
    """What a run did."""

    run: int
    resumed: bool
    types: tuple[TypeSyncResult, ...]
    seconds: float

    @property
    def requests(self) -> int:
        return sum(t.requests for t in self.types)

    @property
    def records(self) -> int:
        return sum(t.records for t in self.types if t.mode != "done")


async def sync_collections(
    client: OutreachClient,
    types: Sequence[str],
    *,
    state: StateStore | str | os.PathLike[str],
    output: str | os.PathLike[str],
    overlap: timedelta = DEFAULT_OVERLAP,
    reconcile: bool = False,
    reconcile_every: int | None = None,
    concurrency: int = 8,
    page_size: int = 1000,
    format: Literal["jsonl", "csv"] = "jsonl",
    clock: Callable[[], float] = time.time,
) -> SyncResult:
    """Run (or resume) one sync of `types` into the directory `output`.

    `state` is a `StateStore` or a directory for a `FileStateStore`. `clock` gives the
    high-water marks (Unix seconds); keep `overlap` above its skew from Outreach's clock.
    """
    options = SyncOptions(
        types=tuple(types),
        overlap=overlap,
        reconcile=reconcile,
        reconcile_every=reconcile_every,
        concurrency=concurrency,
        page_size=page_size,
        format=format,
    )
    return await run_sync(client, options, state=state, output=output, clock=clock)


async def run_sync(
    client: OutreachClient,
    options: SyncOptions,
    *,
    state: StateStore | str | os.PathLike[str],
    output: str | os.PathLike[str],
    clock: Callable[[], float] = time.time,
) -> SyncResult:
    """`sync_collections` with its options checked already (`SyncOptions`)."""
    store = state if isinstance(state, StateStore) else FileStateStore(state)
    directory = Path(output)
    await asyncio.to_thread(directory.mkdir, parents=True, exist_ok=True)
    started = time.monotonic()
    run = decode_run(await store.load("run"), f"{store!r} run")
    resumed = not run.finished
    number = run.number if resumed else run.number + 1
    if not resumed:
        await store.save("run", encode(RunState(number, finished=False)))
    job = _Run(client, store, options, directory, number, clock)
    outcomes = await asyncio.gather(*(job.sync(t) for t in options.types), return_exceptions=True)
    failures = [o for o in outcomes if isinstance(o, BaseException)]
    for failure in failures[1:]:
        logger.error("sync run %d: another type failed too: %s", number, failure)
    if failures:
        raise failures[0]
    await store.save("run", encode(RunState(number, finished=True)))
    done = tuple(o for o in outcomes if isinstance(o, TypeSyncResult))
    return SyncResult(number, resumed, done, time.monotonic() - started)


@attrs.define
class _Run:
    client: OutreachClient
    store: StateStore
    options: SyncOptions
    directory: Path
    number: int
    clock: Callable[[], float]

    def now(self) -> datetime:
        """Whole seconds, rounded down: the API's times have no fractions."""
        return datetime.fromtimestamp(math.floor(self.clock()), timezone.utc)

    async def sync(self, resource_type: str) -> TypeSyncResult:
        state = await _load_state(self.store, resource_type)
        output = self.directory / f"{resource_type}.{self.options.format}"
        if state.pending is None and state.last_run >= self.number:
            return TypeSyncResult(
                resource_type, "done", state.exported_last_run, None, 0, output, None, True, state
            )
        resumed = state.pending is not None
        if state.pending is None:
            state = attrs.evolve(state, pending=self._plan(resource_type, state))
            await self.store.save(resource_type, encode(state))
        assert state.pending is not None
        pending = state.pending
        records, requests = state.exported_last_run, 0
        if pending.phase == "export":
            keeper = _StateCheckpoints(self.store, resource_type, state, output, self.options)
            result = await export_collection(
                self.client,
                self.options.export_options(resource_type, pending.since),
                output,
                resume=True,
                output_format=keeper.output_format(),
                checkpoints=keeper,
            )
            state, records, requests = keeper.state, result.records, result.requests
        deleted: int | None = None
        deleted_output: Path | None = None
        if state.pending is not None and state.pending.phase == "reconcile":
            deleted_output = self.directory / f"{resource_type}.deleted.jsonl"
            state, deleted, spent = await self._reconcile(resource_type, state, deleted_output)
            requests += spent
        mode: Mode = "full" if pending.since is None else "incremental"
        return TypeSyncResult(
            resource_type, mode, records, deleted, requests, output, deleted_output, resumed, state
        )

    def _plan(self, resource_type: str, state: TypeState) -> Pending:
        """This run's part for a type: what to read, and whether to reconcile."""
        since = None
        if state.high_water is not None and _incremental(resource_type):
            since = state.high_water - self.options.overlap
        every = self.options.reconcile_every
        due = every is not None and state.runs_since_reconcile + 1 >= every
        reconcile = state.ids_generation > 0 and (self.options.reconcile or due)
        return Pending(self.number, self.now(), since, reconcile)

    async def _reconcile(
        self, resource_type: str, state: TypeState, path: Path
    ) -> tuple[TypeState, int, int]:
        """Read every id, write the ids gone since the known set, then keep the new set."""
        started = self.now()
        current = await read_ids(self.client, resource_type, concurrency=self.options.concurrency)
        known = await _load_ids(self.store, resource_type, state.ids_generation)
        deleted = known - current.ids
        await asyncio.to_thread(write_deleted, path, resource_type, deleted)
        state = await _replace_ids(
            self.store,
            resource_type,
            state,
            current.ids,
            last_reconciled=started,
            runs_since_reconcile=0,
            deleted_last_run=len(deleted),
            deleted_total=state.deleted_total + len(deleted),
            pending=None,
        )
        logger.info("%s: %d deleted since the last reconciliation", resource_type, len(deleted))
        return state, len(deleted), current.requests


class _StateCheckpoints:
    """An export's checkpoint kept inside the type's sync state.

    Completing the export advances the state: the ids it wrote join the known set (a new
    generation), then the state names that set, records the new high-water mark and moves
    on to reconciling or is done, in one write.
    """

    def __init__(
        self,
        store: StateStore,
        resource_type: str,
        state: TypeState,
        output: Path,
        options: SyncOptions,
    ) -> None:
        assert state.pending is not None
        self.state = state
        self._store = store
        self._type = resource_type
        self._output = output
        self._options = options
        #: Resuming: ids written before the stop are only in the output file.
        self._resumed = state.pending.checkpoint is not None
        self._ids = array("q")

    def output_format(self) -> OutputFormat:
        return _CollectingFormat(
            default_format(self._options.export_options(self._type, None)), self._ids
        )

    @property
    def _pending(self) -> Pending:
        assert self.state.pending is not None
        return self.state.pending

    async def load(self) -> Checkpoint | None:
        return self._pending.checkpoint

    async def save(self, checkpoint: Checkpoint) -> None:
        await self._put(attrs.evolve(self._pending, checkpoint=checkpoint))

    async def clear(self) -> None:
        self._resumed = False
        del self._ids[:]
        if self._pending.checkpoint is not None:
            await self._put(attrs.evolve(self._pending, checkpoint=None))

    async def complete(self) -> None:
        pending, state = self._pending, self.state
        records = pending.checkpoint.records if pending.checkpoint else 0
        if self._resumed:
            written: Sequence[int] = await asyncio.to_thread(
                ids_in_output, self._output, self._options.format
            )
        else:
            written = self._ids
        known = await _load_ids(self._store, self._type, state.ids_generation)
        known.update(written)
        full = pending.since is None
        self.state = await _replace_ids(
            self._store,
            self._type,
            state,
            known,
            high_water=pending.started_at,
            last_reconciled=pending.started_at if full else state.last_reconciled,
            last_run=pending.run,
            runs=state.runs + 1,
            runs_since_reconcile=0 if full else state.runs_since_reconcile + 1,
            exported_last_run=records,
            exported_total=state.exported_total + records,
            deleted_last_run=0,
            pending=attrs.evolve(pending, phase="reconcile", checkpoint=None)
            if pending.reconcile
            else None,
        )

    async def _put(self, pending: Pending) -> None:
        state = attrs.evolve(self.state, pending=pending)
        await self._store.save(self._type, encode(state))
        self.state = state


class _CollectingFormat:
    """The export's format, noting the id of every record it encodes."""

    def __init__(self, inner: OutputFormat, ids: array[int]) -> None:
        self._inner = inner
        self._ids = ids

    def header(self) -> bytes:
        return self._inner.header()

    def encode(self, records: Sequence[Resource]) -> bytes:
        self._ids.extend(int(record.id) for record in records)  # type: ignore[arg-type]
        return self._inner.encode(records)


def _incremental(resource_type: str) -> bool:
    """Types whose `updatedAt` can be filtered on; the others are read whole every run."""
    from .._spec import RESOURCES

    updated = RESOURCES[resource_type].attribute("updatedAt")
    return updated is not None and updated.filterable


async def _load_state(store: StateStore, resource_type: str) -> TypeState:
    return decode_type(await store.load(resource_type), f"{store!r} {resource_type}")


async def _load_ids(store: StateStore, resource_type: str, generation: int) -> set[int]:
    if generation == 0:
        return set()
    name = f"{resource_type}.ids.{generation}"
    data = await store.load(name)
    if data is None:
        raise ValueError(f"{store!r}: the id set {name} named by the sync state is missing")
    return decode_ids(data, f"{store!r} {name}")


async def _replace_ids(
    store: StateStore,
    resource_type: str,
    state: TypeState,
    ids: set[int],
    **changes: object,
) -> TypeState:
    """Write `ids` as a new generation, then the state naming it, then drop the old one."""
    generation = state.ids_generation + 1
    await store.save(f"{resource_type}.ids.{generation}", encode_ids(ids))
    new = attrs.evolve(state, ids_generation=generation, known_ids=len(ids), **changes)  # type: ignore[arg-type]
    await store.save(resource_type, encode(new))
    if state.ids_generation:
        await store.delete(f"{resource_type}.ids.{state.ids_generation}")
    return new


def summary(result: SyncResult) -> str:
    """A few lines for the end of a run."""
    lines = [
        f"sync run {result.run}{' (resumed)' if result.resumed else ''}: "
        f"{result.records:,} records, {result.requests:,} requests in {result.seconds:.1f}s"
    ]
    for item in result.types:
        parts = [f"  {item.resource_type}: {item.mode}"]
        if item.mode != "done":
            parts.append(f"{item.records:,} records to {item.output}")
        if item.deleted is not None:
            parts.append(f"{item.deleted:,} deleted to {item.deleted_output}")
        lines.append(", ".join(parts))
    return "\n".join(lines)
