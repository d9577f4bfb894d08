"""The `outreach-async` command line: `export`, `sync`, `demo` and `fake-server`.

Each subcommand is two functions: `_add_<name>(commands)` declares its arguments and
`_run_<name>(args)` runs it. Mistakes that can be seen locally (a misspelt type or field, a
bad filter, an unusable output path) are one line on stderr and exit code 2 before any
request; failures of the server or the network are one line and exit code 1.

Exit codes: 0 done, 1 the export or sync failed, 2 bad usage or missing credentials,
130 interrupted.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from . import _environment
from ._process_tuning import tune_process
from .errors import OutreachError
from .jsonapi.query import NOT_NULL, Range

__all__ = ["main", "parse_filter"]

PROG = "outreach-async"
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """A mistake in the command line, told as one line before anything is sent."""


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors on one line like every other usage error."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see {self.prog} --help)\n")


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; returns the process exit code."""
    args = build_parser().parse_args(argv)
    run: Callable[[argparse.Namespace], int] = args.run
    try:
        return run(args)
    except UsageError as exc:
        sys.stderr.write(f"{PROG} {args.command}: {exc}\n")
        return EXIT_USAGE
    except KeyboardInterrupt:
        sys.stderr.write("\ninterrupted\n")
        return EXIT_INTERRUPTED


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog=PROG, description="Tools around the Outreach API client.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for add in (_add_export, _add_sync, _add_demo, _add_fake_server):
        add(commands)
    return parser


if TYPE_CHECKING:
    from typing import TypeAlias

    Commands: TypeAlias = "argparse._SubParsersAction[_Parser]"


# demo ---------------------------------------------------------------------------------------


def _add_demo(commands: Commands) -> None:
    demo = commands.add_parser(
        "demo",
        help="a tour and an export on the embedded fake server, with faults on",
        description="No credentials and no network: the fake Outreach server runs in this process.",
    )
    demo.set_defaults(run=_run_demo)


def _run_demo(args: argparse.Namespace) -> int:
    from ._demo import run_demo

    tune_process()
    return asyncio.run(run_demo(sys.stdout))


# fake-server --------------------------------------------------------------------------------


def _add_fake_server(commands: Commands) -> None:
    from .testing.cli import add_arguments

    fake = commands.add_parser(
        "fake-server",
        help="run the fake Outreach server",
        description="Run the fake Outreach API v2 until Ctrl-C.",
    )
    add_arguments(fake)
    fake.set_defaults(run=_run_fake_server)


def _run_fake_server(args: argparse.Namespace) -> int:
    from .testing.cli import run

    try:
        return run(args)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:  # the port is taken, say
        sys.stderr.write(f"{PROG} fake-server failed: {one_line(exc)}\n")
        return EXIT_FAILED


# export -------------------------------------------------------------------------------------


def _add_export(commands: Commands) -> None:
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
    export.add_argument(
        "--fields", help="fields to export, comma-separated; account.name for included ones"
    )
    export.add_argument("--include", help="related resources to embed, e.g. account,owner")
    export.add_argument("--since", help="only records updated at or after this ISO time")
    export.add_argument("--concurrency", type=int, default=8)
    export.add_argument("--page-size", type=int, default=1000)
    export.add_argument("--ordered", action="store_true", help="write records in id order")
    export.add_argument("--resume", action="store_true", help="continue an interrupted export")
    export.add_argument("--base-url", default=None)
    export.add_argument(
        "-q", "--quiet", action="store_true", help="no progress and no summary; errors only"
    )
    export.set_defaults(run=_run_export)


def _run_export(args: argparse.Namespace) -> int:
    from .bulk._progress import Progress

    token = _token()
    base_url = _checked_base_url(args.base_url or _environment.base_url())
    options = _export_options(args)
    output = _checked_output(args.output, args.resume)
    progress = Progress(sys.stderr, enabled=not args.quiet)
    tune_process()
    return asyncio.run(
        _export(token, base_url, options, output, args.resume, progress, sys.stderr, args.quiet)
    )


def _export_options(args: argparse.Namespace) -> Any:
    """ExportOptions from the arguments, every name checked against the OpenAPI file."""
    from . import _spec_names as names
    from .bulk.export import ExportOptions

    try:
        spec = names.resource_spec(args.type)
        filters: dict[str, Any] = {}
        for item in args.filter:
            key, value = parse_filter(item)
            if isinstance(value, dict) and isinstance(filters.get(key), dict):
                filters[key].update(value)
            else:
                filters[key] = value
        names.check_filter(spec, filters)
        sort, fields, include = _split(args.sort), _split(args.fields), _split(args.include)
        names.check_sort(spec, sort)
        names.check_include(spec, include)
        names.check_fields(spec, fields, include)
        options = ExportOptions(
            resource_type=spec.type,
            filter=filters,
            sort=tuple(sort),
            fields=tuple(fields),
            include=tuple(include),
            since=_parse_since(args.since),
            concurrency=args.concurrency,
            page_size=args.page_size,
            format=args.format,
            ordered=args.ordered,
        )
        options.query()
    except (ValueError, TypeError) as exc:
        raise UsageError(str(exc)) from None
    return options


def _token() -> str:
    """The access token from the environment; a usage error naming the demo without one."""
    token = _environment.access_token()
    if token is None:
        raise UsageError(
            f"no credentials; set {_environment.ACCESS_TOKEN_VARIABLE} to an access token "
            f"(or run `{PROG} demo` to try the fake server)"
        )
    return token


def _checked_base_url(base_url: str | None) -> str:
    from .http._urls import api_base_url
    from .http.session import DEFAULT_BASE_URL

    try:
        return str(api_base_url(base_url or DEFAULT_BASE_URL))
    except ValueError as exc:
        raise UsageError(f"--base-url: {exc}") from None


def _checked_output(output: str, resume: bool) -> Path | None:
    """The output file, refusing before any request a path that cannot be written."""
    if output == "-":
        if resume:
            raise UsageError("--resume needs --output FILE: stdout cannot be resumed")
        return None
    path = Path(output)
    if path.is_dir():
        raise UsageError(f"--output {output}: is a folder; name a file in it")
    folder = path.parent
    if not folder.is_dir():
        raise UsageError(f"--output {output}: the folder {folder} does not exist")
    return path


async def _export(
    token: str,
    base_url: str,
    options: Any,
    output: Path | None,
    resume: bool,
    progress: Any,
    err: TextIO,
    quiet: bool,
) -> int:
    from .bulk.export import export_collection, summary
    from .client import OutreachClient

    try:
        async with OutreachClient(token, base_url=base_url) as client:
            result = await export_collection(
                client,
                options,
                output if output is not None else sys.stdout.buffer,
                resume=resume,
                progress=progress,
            )
    except (OutreachError, ValueError, OSError) as exc:
        progress.finish()
        err.write(f"{PROG} export failed: {one_line(exc)}\n")
        return EXIT_FAILED
    progress.finish()
    if not quiet:
        err.write(summary(result) + "\n")
    return 0


# sync ---------------------------------------------------------------------------------------


def _add_sync(commands: Commands) -> None:
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
    sync.set_defaults(run=_run_sync)


def _run_sync(args: argparse.Namespace) -> int:
    from datetime import timedelta

    from . import _spec_names as names
    from .bulk.sync import SyncOptions

    token = _token()
    base_url = _checked_base_url(args.base_url or _environment.base_url())
    try:
        types = tuple(names.resource_spec(name).type for name in args.types)
        options = SyncOptions(
            types=types,
            overlap=timedelta(seconds=args.overlap),
            reconcile=args.reconcile,
            reconcile_every=args.reconcile_every,
            concurrency=args.concurrency,
            page_size=args.page_size,
            format=args.format,
        )
    except (ValueError, TypeError) as exc:
        raise UsageError(str(exc)) from None
    output = Path(args.output)
    if output.exists() and not output.is_dir():
        raise UsageError(f"--output {args.output}: is a file; name a folder")
    tune_process()
    return asyncio.run(_sync(token, base_url, options, args, sys.stderr))


async def _sync(
    token: str, base_url: str, options: Any, args: argparse.Namespace, err: TextIO
) -> int:
    from .bulk.state import FileStateStore, RedisStateStore, StateStore
    from .bulk.sync import run_sync, summary
    from .client import OutreachClient

    store: StateStore
    if args.state.startswith(("redis://", "rediss://", "unix://")):
        store = RedisStateStore.from_url(args.state, args.state_prefix)
    else:
        store = FileStateStore(args.state)
    try:
        async with store, OutreachClient(token, base_url=base_url) as client:
            result = await run_sync(client, options, state=store, output=args.output)
    except (OutreachError, ValueError, OSError) as exc:
        err.write(f"{PROG} sync failed: {one_line(exc)}\n")
        return EXIT_FAILED
    err.write(summary(result) + "\n")
    return 0


def one_line(error: BaseException) -> str:
    """An error's message on one line: a server error's several lines joined."""
    text = "; ".join(line.strip(" -") for line in str(error).splitlines() if line.strip())
    return text or type(error).__name__


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
    if dot and (not head or not attribute or "." in attribute):
        raise ValueError(f"--filter {text!r}: expected RELATIONSHIP.ATTRIBUTE=VALUE")
    return (head, {attribute: parsed}) if dot else (name, parsed)


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
