"""Export a whole collection to JSON Lines or CSV, concurrently and resumably.

Output goes to `<file>.partial` and is renamed to `<file>` only when the export is complete,
so a reader of `<file>` never sees half an export. Next to it, `<file>.checkpoint` records
which id ranges are done and how many bytes of the partial file hold them; it is written
after those bytes are on disk. `resume=True` truncates the partial file to that length and
reads only what is missing, so an export stopped at any moment (Ctrl-C, kill -9, a crash)
ends with the same records as one that never stopped, none twice.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import sys
import threading
import time
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Literal, Protocol

import attrs

from .._dialect import MAX_PAGE_SIZE, OUTREACH
from ..client import OutreachClient
from ..jsonapi.pagination import Paginator
from ..jsonapi.query import Query, at_least
from ._checkpoint import Checkpoint, CheckpointStore, FileCheckpoints
from ._formats import CsvFormat, JsonLinesFormat, OutputFormat
from ._progress import Progress
from .partition import PartitionedReader, PartitionPage, PartitionStats

__all__ = ["ExportOptions", "ExportResult", "export_collection"]

logger = logging.getLogger("outreach_async.bulk.export")

#: Seconds between checkpoints (and fsyncs of the output).
CHECKPOINT_INTERVAL = 1.0


@attrs.frozen
class ExportOptions:
    """What to export and how."""

    resource_type: str
    filter: Mapping[str, Any] = attrs.field(factory=dict)
    sort: tuple[str, ...] = ()
    fields: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    since: datetime | None = None
    concurrency: int = 8
    page_size: int = 1000
    format: Literal["jsonl", "csv"] = "jsonl"
    ordered: bool = False

    def __attrs_post_init__(self) -> None:
        if self.concurrency < 1:
            raise ValueError(f"concurrency: expected at least 1, got {self.concurrency}")
        if not 1 <= self.page_size <= MAX_PAGE_SIZE:
            raise ValueError(
                f"page_size: must be between 1 and {MAX_PAGE_SIZE}, got {self.page_size}"
            )
        if self.format not in ("jsonl", "csv"):
            raise ValueError(f"format: expected 'jsonl' or 'csv', got {self.format!r}")

    def query(self) -> Query:
        """The collection query these options describe (`since` becomes an `updatedAt` filter)."""
        filters = dict(self.filter)
        if self.since is not None:
            filters["updatedAt"] = at_least(self.since)
        return Query(
            filter=filters, sort=self.sort or None, include=self.include, fields=self._fieldsets()
        )

    def _fieldsets(self) -> dict[str, list[str]]:
        """Sparse fieldsets: own fields (with the included relationships, whose linkage
        finds the included records), and `account.name` as `fields[account]=name`."""
        own = [name for name in self.fields if "." not in name]
        fieldsets: dict[str, list[str]] = {}
        if own:
            heads = [path.split(".", 1)[0] for path in self.include]
            fieldsets[self.resource_type] = [*own, *(h for h in heads if h not in own)]
        for path, names in _related_fields(self.fields).items():
            for target in _targets(self.resource_type, path):
                fieldsets.setdefault(target, [])
                fieldsets[target] += [n for n in names if n not in fieldsets[target]]
        return fieldsets

    def fingerprint(self, base_url: str) -> str:
        """Identifies an export, so a checkpoint is only resumed by the same one."""
        described = {
            "base_url": base_url,
            "type": self.resource_type,
            "query": self.query().encode(dialect=OUTREACH),
            "format": self.format,
            "ordered": self.ordered,
        }
        return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()


@attrs.frozen
class ExportResult:
    """What an export did."""

    records: int
    requests: int
    dropped: int
    seconds: float
    resumed: bool
    output: Path | None


async def export_collection(
    client: OutreachClient,
    options: ExportOptions,
    output: Path | BinaryIO,
    *,
    resume: bool = False,
    progress: Progress | None = None,
    output_format: OutputFormat | None = None,
    checkpoints: CheckpointStore | None = None,
) -> ExportResult:
    """Write every matching record to `output` (a path, or a binary stream such as stdout).

    Checkpoints of a file export go to `<file>.checkpoint` unless `checkpoints` keeps them
    elsewhere (a sync keeps them in its state store).
    """
    started = time.monotonic()
    encoder = output_format or default_format(options)
    progress = progress or Progress(sys.stderr, enabled=False)
    if options.sort and resume:
        raise ValueError("--resume needs id order; it cannot be combined with --sort")
    if isinstance(output, Path):
        sink: _Sink = await asyncio.to_thread(_FileSink, output)
        keeper: CheckpointStore | None = checkpoints or FileCheckpoints(
            output.with_name(output.name + ".checkpoint")
        )
    elif resume:
        raise ValueError("resuming needs an output file: a stream cannot be resumed")
    else:
        sink, keeper = _StreamSink(output), None
    fingerprint = options.fingerprint(str(client.session.base_url))
    previous = await _previous(sink, keeper, fingerprint) if resume and keeper else None
    if previous is not None and previous.complete and not await asyncio.to_thread(sink.partial):
        # Stopped after the output was renamed into place: the export is done.
        assert keeper is not None
        await keeper.complete()
        return _result(previous.records, None, started, True, output)
    reader = _reader(client, options, previous)
    records = previous.records if previous else 0
    progress.records = records
    header = encoder.header()
    if previous is None and keeper is not None:
        await keeper.clear()
    await asyncio.to_thread(sink.start, previous, header)
    #: Bytes of the output that hold acknowledged records only. A write cancelled midway
    #: may still land in the file; the checkpoint leaves it out and resuming cuts it off.
    valid_bytes = previous.output_bytes if previous else len(header)
    last_checkpoint = time.monotonic()

    def checkpoint() -> Checkpoint | None:
        if not isinstance(reader, PartitionedReader) or not reader.planned:
            return None  # stopped before planning: resuming starts over, which loses nothing
        return Checkpoint(fingerprint, tuple(reader.checkpoint()), valid_bytes, records)

    async def save() -> None:
        """Make the output durable, then record how much of it is valid."""
        await asyncio.to_thread(sink.flush)
        state = checkpoint()
        if keeper is not None and state is not None:
            await keeper.save(state)

    try:
        async for page in reader.pages():
            data = encoder.encode(page.items)
            await asyncio.to_thread(sink.write, data)
            if isinstance(reader, PartitionedReader) and isinstance(page, PartitionPage):
                reader.acknowledge(page)
            valid_bytes += len(data)
            records += len(page.items)
            if isinstance(reader, PartitionedReader):
                _update_total(progress, reader, records)
            progress.advance(len(page.items), client.rate_limit.remaining)
            del page, data  # not held while the next page is awaited
            if time.monotonic() - last_checkpoint >= CHECKPOINT_INTERVAL:
                await save()
                last_checkpoint = time.monotonic()
        await save()  # the complete checkpoint: a stop from here on needs no more reading
    except BaseException:
        await asyncio.shield(_abort(sink, save))
        raise
    await asyncio.to_thread(sink.finish)
    if keeper is not None:
        await keeper.complete()
    return _result(
        records,
        reader.stats if isinstance(reader, PartitionedReader) else None,
        started,
        previous is not None,
        output,
    )


async def _previous(sink: _Sink, keeper: CheckpointStore, fingerprint: str) -> Checkpoint | None:
    """The checkpoint to resume from, if it belongs to this export and its output exists."""
    found = await keeper.load()
    if found is None:
        return None
    if found.fingerprint != fingerprint:
        raise ValueError(
            f"{sink.name}: the checkpoint belongs to a different export (type, filters or "
            "format differ); remove it or export to another file"
        )
    if await asyncio.to_thread(sink.partial) or (
        found.complete and await asyncio.to_thread(sink.complete)
    ):
        return found
    return None


async def _abort(sink: _Sink, save: Any) -> None:
    """Stopped early: keep what is durable for resuming, and close the output."""
    try:
        await save()
    except Exception as exc:  # the error that stopped the export is the one to raise
        logger.warning("export stopped; its last checkpoint could not be saved (%s)", exc)
    finally:
        await asyncio.to_thread(sink.close)


def _result(
    records: int,
    stats: PartitionStats | None,
    started: float,
    resumed: bool,
    output: Path | BinaryIO,
) -> ExportResult:
    return ExportResult(
        records=records,
        requests=stats.requests if stats else 0,
        dropped=stats.dropped if stats else 0,
        seconds=time.monotonic() - started,
        resumed=resumed,
        output=output if isinstance(output, Path) else None,
    )


def _update_total(progress: Progress, reader: PartitionedReader, records: int) -> None:
    """The server's count when it gave one, else what has been read plus an estimate."""
    if reader.total is not None:
        progress.total, progress.estimated = reader.total, False
        return
    remaining = reader.estimated_remaining()
    if remaining is not None:
        progress.total, progress.estimated = records + remaining, True


def _reader(
    client: OutreachClient, options: ExportOptions, previous: Checkpoint | None
) -> PartitionedReader | Paginator:
    """Id-partitioned and concurrent, unless a sort asks for the server's order."""
    query = options.query()
    manager = client.resource(options.resource_type)
    if options.sort:
        return Paginator(
            client.session,
            manager.path,
            query.replace(page_size=options.page_size),
            dialect=OUTREACH,
        )
    return PartitionedReader(
        client.session,
        manager.path,
        query,
        concurrency=options.concurrency,
        page_size=options.page_size,
        ordered=options.ordered,
        resume_from=previous.ranges if previous else None,
    )


class _Sink(Protocol):
    """Where exported bytes go; every method blocks and runs in a worker thread."""

    name: str

    def partial(self) -> bool:
        """An unfinished output is there to resume."""

    def complete(self) -> bool:
        """The finished output is in place."""

    def start(self, previous: Checkpoint | None, header: bytes) -> None: ...

    def write(self, data: bytes) -> None: ...

    def flush(self) -> None:
        """Everything written so far is durable."""

    def close(self) -> None: ...

    def finish(self) -> None: ...


class _StreamSink:
    """A stream such as stdout: written through, nothing to resume."""

    name = "<stream>"

    def __init__(self, stream: BinaryIO) -> None:
        self._stream = stream

    def partial(self) -> bool:
        return False

    def complete(self) -> bool:
        return False

    def start(self, previous: Checkpoint | None, header: bytes) -> None:
        self._stream.write(header)

    def write(self, data: bytes) -> None:
        self._stream.write(data)

    def flush(self) -> None:
        self._stream.flush()

    def close(self) -> None:
        self._stream.flush()

    def finish(self) -> None:
        self._stream.flush()


class _FileSink:
    """`<file>.partial`, renamed to `<file>` when complete.

    A cancelled `await asyncio.to_thread(...)` leaves its thread running, so the methods
    take one lock: a write still in flight finishes before a flush or the next write.
    """

    def __init__(self, output: Path) -> None:
        self._output = output
        self._partial = output.with_name(output.name + ".partial")
        self._handle: BinaryIO | None = None
        self._lock = threading.Lock()
        self.name = str(output)

    def partial(self) -> bool:
        return self._partial.exists()

    def complete(self) -> bool:
        return self._output.exists()

    def start(self, previous: Checkpoint | None, header: bytes) -> None:
        if previous is not None:
            self._handle = open(self._partial, "r+b")  # noqa: SIM115 - closed in finish()
            self._handle.truncate(previous.output_bytes)
            self._handle.seek(previous.output_bytes)
            return
        self._handle = open(self._partial, "wb")  # noqa: SIM115 - closed in finish()
        self._handle.write(header)

    def write(self, data: bytes) -> None:
        with self._lock:
            assert self._handle is not None
            self._handle.write(data)

    def flush(self) -> None:
        with self._lock:
            if self._handle is None or self._handle.closed:
                return
            self._handle.flush()
            os.fsync(self._handle.fileno())

    def close(self) -> None:
        with self._lock:
            if self._handle is not None:
                self._handle.close()

    def finish(self) -> None:
        with self._lock:
            assert self._handle is not None
            self._handle.flush()
            os.fsync(self._handle.fileno())
            self._handle.close()
            os.replace(self._partial, self._output)


def default_format(options: ExportOptions) -> OutputFormat:
    """The format `options` asks for, with CSV columns from the documented fields."""
    if options.format == "jsonl":
        return JsonLinesFormat(options.include)
    own = [name for name in options.fields if "." not in name]
    attributes, relationships = _columns(options.resource_type, own)
    chosen = _related_fields(options.fields)
    related = [
        (path, chosen.get(path) or _attribute_names(_targets(options.resource_type, path)))
        for path in options.include
    ]
    return CsvFormat(attributes, relationships, related)


def _related_fields(fields: Sequence[str]) -> dict[str, list[str]]:
    """`account.name`, `account.owner.email` as {"account": ["name"], "account.owner": [...]}."""
    chosen: dict[str, list[str]] = {}
    for name in fields:
        path, dot, field = name.rpartition(".")
        if dot:
            chosen.setdefault(path, []).append(field)
    return chosen


def _targets(resource_type: str, path: str) -> list[str]:
    """The documented types at the end of a relationship path; [] for undocumented ones."""
    from .._spec import RESOURCES
    from .._spec_names import path_targets

    spec = RESOURCES.get(resource_type)
    if spec is None:
        return []
    try:
        return [target.type for target in path_targets(spec, path, "include")]
    except ValueError:
        return []


def _attribute_names(types: Sequence[str]) -> list[str]:
    from .._spec import RESOURCES

    names: list[str] = []
    for type_name in types:
        for attribute in RESOURCES[type_name].attributes:
            if not attribute.write_only and attribute.name not in names:
                names.append(attribute.name)
    return names


def _columns(resource_type: str, fields: Sequence[str]) -> tuple[list[str], list[str]]:
    """CSV columns: the chosen fields, else every documented attribute and relationship."""
    from .._spec import RESOURCES

    spec = RESOURCES.get(resource_type)
    documented_relationships = (
        [r.name for r in spec.relationships if not r.links_only] if spec else []
    )
    if fields:
        chosen = set(fields)
        return [f for f in fields if f not in documented_relationships], [
            r for r in documented_relationships if r in chosen
        ]
    attributes = [a.name for a in spec.attributes if not a.write_only] if spec else []
    return attributes, documented_relationships


def summary(result: ExportResult) -> str:
    """One line for the end of an export."""
    rate = result.records / result.seconds if result.seconds > 0 else 0.0
    parts = [
        f"exported {result.records:,} records in {result.seconds:.1f}s ({rate:,.0f}/s)",
        f"{result.requests:,} requests",
    ]
    if result.dropped:
        parts.append(f"{result.dropped:,} out-of-range records from the server ignored")
    if result.resumed:
        parts.append("resumed from checkpoint")
    if result.output is not None:
        parts.append(f"written to {result.output}")
    return ", ".join(parts)
