"""The `outreach-async` command line: `export`, `sync`, `demo` and `fake-server`.

Exit codes: 0 done, 1 the export or sync failed, 2 bad usage or missing credentials,
130 interrupted.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import os
import sys
from collections.abc import Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from .errors import OutreachError
from .jsonapi.query import NOT_NULL, Range

__all__ = ["main", "parse_filter"]

EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; returns the process exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "demo":
            from ._demo import run_demo

            return asyncio.run(run_demo(sys.stdout))
        if args.command == "fake-server":
            from .testing.cli import main as fake_server_main

            return fake_server_main(args.rest)
        if args.command == "sync":
            return _sync(args, sys.stderr)
        return _export(args, sys.stderr)
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        return EXIT_INTERRUPTED


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="outreach-async", description="Tools around the Outreach API client."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="export from the embedded fake server, with faults on")
    fake = commands.add_parser("fake-server", help="run the fake Outreach server", add_help=False)
    fake.add_argument("rest", nargs=argparse.REMAINDER)
    export = commands.add_parser(
        "export",
        help="export a collection to JSON Lines or CSV",
        description="Export every record of one resource type. Credentials come from "
        "OUTREACH_ACCESS_TOKEN; the API from --base-url or OUTREACH_BASE_URL.",
    )
    export.add_argument("type", help="resource type, e.g. prospect or mailing")
    export.add_argument("-o", "--output", default="-", help="file to write, or - for stdout")
    export.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    export.add_argument(
        "--filter",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="e.g. firstName=Sally, id=5..10, updatedAt=2024-01-01..inf, account.id=1,2, "
        "title=__null__; repeat for more",
    )
    export.add_argument("--sort", help="e.g. lastName,-firstName (reads sequentially)")
    export.add_argument("--fields", help="attributes to export, comma-separated")
    export.add_argument("--include", help="related resources to embed, e.g. account,owner")
    export.add_argument("--since", help="only records updated at or after this ISO time")
    export.add_argument("--concurrency", type=int, default=8)
    export.add_argument("--page-size", type=int, default=1000)
    export.add_argument("--ordered", action="store_true", help="write records in id order")
    export.add_argument("--resume", action="store_true", help="continue an interrupted export")
    export.add_argument("--base-url", default=None)
    _add_sync_parser(commands)
    return parser


def _add_sync_parser(commands: Any) -> None:
    sync = commands.add_parser(
        "sync",
        help="export what changed since the last run, and what was deleted",
        description="The first run exports every record of each type; later runs export the "
        "records updated since the previous run (minus --overlap), and on --reconcile the ids "
        "deleted since the last reconciliation. A stopped run is resumed by the next start. "
        "Credentials and API as for export.",
    )
    sync.add_argument("types", nargs="+", metavar="TYPE", help="resource types, e.g. prospect")
    sync.add_argument(
        "--state", required=True, help="state directory, or redis://host:port/db for Redis"
    )
    sync.add_argument(
        "--state-prefix",
        default="outreach:sync:",
        help="Redis key prefix of this job's state (one per Outreach user)",
    )
    sync.add_argument("-o", "--output", default=".", help="directory for <type>.jsonl files")
    sync.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    sync.add_argument(
        "--overlap", type=float, default=300.0, help="seconds read again before the last run"
    )
    sync.add_argument("--reconcile", action="store_true", help="also find deleted records")
    sync.add_argument("--reconcile-every", type=int, metavar="N", help="reconcile every N runs")
    sync.add_argument("--concurrency", type=int, default=8)
    sync.add_argument("--page-size", type=int, default=1000)
    sync.add_argument("--base-url", default=None)


def parse_filter(text: str) -> tuple[str, Any]:
    """`name=value` from the command line as a filter entry (`account.id=1,2` nests)."""
    name, separator, value = text.partition("=")
    if not separator or not name or not value:
        raise ValueError(f"--filter {text!r}: expected NAME=VALUE")
    parsed: Any
    if value == "__null__":
        parsed = None
    elif value == "__notnull__":
        parsed = NOT_NULL
    elif ".." in value:
        low, _, high = value.partition("..")
        parsed = Range(
            None if low in ("", "neginf") else low, None if high in ("", "inf") else high
        )
    elif "," in value:
        parsed = value.split(",")
    else:
        parsed = value
    head, dot, attribute = name.partition(".")
    return (head, {attribute: parsed}) if dot else (name, parsed)


def _export(args: argparse.Namespace, err: TextIO) -> int:
    from .bulk._progress import Progress
    from .bulk.export import ExportOptions

    token = os.environ.get("OUTREACH_ACCESS_TOKEN", "").strip()
    if not token:
        err.write(
            "outreach-async export: no credentials; set OUTREACH_ACCESS_TOKEN to an access "
            "token (or run `make demo` to try the fake server)\n"
        )
        return EXIT_USAGE
    base_url = args.base_url or os.environ.get("OUTREACH_BASE_URL") or None
    try:
        filters: dict[str, Any] = {}
        for item in args.filter:
            key, value = parse_filter(item)
            if isinstance(value, dict) and isinstance(filters.get(key), dict):
                filters[key].update(value)
            else:
                filters[key] = value
        options = ExportOptions(
            resource_type=args.type,
            filter=filters,
            sort=tuple(_split(args.sort)),
            fields=tuple(_split(args.fields)),
            include=tuple(_split(args.include)),
            since=_parse_since(args.since),
            concurrency=args.concurrency,
            page_size=args.page_size,
            format=args.format,
            ordered=args.ordered,
        )
        options.query()  # validate before connecting
        if args.resume and args.output == "-":
            raise ValueError("--resume needs --output FILE: stdout cannot be resumed")
    except (ValueError, TypeError) as exc:
        err.write(f"outreach-async export: {exc}\n")
        return EXIT_USAGE
    progress = Progress(err, enabled=err.isatty())
    output: Path | None = None if args.output == "-" else Path(args.output)
    _tune_garbage_collector()
    return asyncio.run(_run_export(token, base_url, options, output, args.resume, progress, err))


async def _run_export(
    token: str,
    base_url: str | None,
    options: Any,
    output: Path | None,
    resume: bool,
    progress: Any,
    err: TextIO,
) -> int:
    from .bulk.export import export_collection, summary
    from .client import OutreachClient
    from .http.session import DEFAULT_BASE_URL

    try:
        async with OutreachClient(token, base_url=base_url or DEFAULT_BASE_URL) as client:
            result = await export_collection(
                client,
                options,
                output if output is not None else sys.stdout.buffer,
                resume=resume,
                progress=progress,
            )
    except (OutreachError, ValueError) as exc:
        progress.finish()
        err.write(f"outreach-async export failed: {exc}\n")
        return EXIT_FAILED
    progress.finish()
    err.write(summary(result) + "\n")
    return 0


def _tune_garbage_collector() -> None:
    """An export decodes millions of short-lived objects, freed by reference counting; the
    cycle collector walking them costs a third of the CPU. This application (not the
    library) collects less often, and never walks what start-up loaded (`gc.freeze`)."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def _sync(args: argparse.Namespace, err: TextIO) -> int:
    from datetime import timedelta

    from .bulk.state import FileStateStore, RedisStateStore, StateStore
    from .bulk.sync import SyncOptions, run_sync, summary
    from .client import OutreachClient
    from .http.session import DEFAULT_BASE_URL

    token = os.environ.get("OUTREACH_ACCESS_TOKEN", "").strip()
    if not token:
        err.write("outreach-async sync: no credentials; set OUTREACH_ACCESS_TOKEN\n")
        return EXIT_USAGE
    try:
        options = SyncOptions(
            types=tuple(args.types),
            overlap=timedelta(seconds=args.overlap),
            reconcile=args.reconcile,
            reconcile_every=args.reconcile_every,
            concurrency=args.concurrency,
            page_size=args.page_size,
            format=args.format,
        )
    except (ValueError, TypeError) as exc:
        err.write(f"outreach-async sync: {exc}\n")
        return EXIT_USAGE
    base_url = args.base_url or os.environ.get("OUTREACH_BASE_URL") or DEFAULT_BASE_URL
    _tune_garbage_collector()

    async def run() -> int:
        store: StateStore
        if args.state.startswith(("redis://", "rediss://", "unix://")):
            store = RedisStateStore.from_url(args.state, args.state_prefix)
        else:
            store = FileStateStore(args.state)
        try:
            async with store, OutreachClient(token, base_url=base_url) as client:
                result = await run_sync(client, options, state=store, output=args.output)
        except (OutreachError, ValueError) as exc:
            err.write(f"outreach-async sync failed: {exc}\n")
            return EXIT_FAILED
        err.write(summary(result) + "\n")
        return 0

    return asyncio.run(run())


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()] if value else []


def _parse_since(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise ValueError(f"--since {value!r}: expected an ISO-8601 date or time") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
