"""`fake-server`: run the fake Outreach API until Ctrl-C or SIGTERM.

    outreach-async fake-server --port 8089 --seed 42 --prospects 100000
    python -m outreach_async.testing.cli --port 8089      # the same

Prints the API URL and the access token, then serves until interrupted. The arguments are
declared by `add_arguments`, which the main command line shares; the server itself is
imported only when it runs.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import signal
import sys
from typing import TYPE_CHECKING, TextIO

from .._process_tuning import tune_process

if TYPE_CHECKING:
    from ._settings import FakeSettings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The fake server's options, on `parser`."""
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8089, help="port, 0 for any free one (8089)")
    parser.add_argument("--seed", type=int, default=42, help="seed of the generated data (42)")
    parser.add_argument("--prospects", type=int, help="number of seeded prospects (100)")
    parser.add_argument(
        "--count",
        action="append",
        default=[],
        metavar="TYPE=N",
        help="seeded records of a type, e.g. --count account=500 (repeatable)",
    )
    parser.add_argument("--id-layout", choices=("dense", "skewed"), default="dense")
    parser.add_argument("--token", help="the static access token to accept")
    parser.add_argument("--rate-limit", type=int, default=10_000, help="requests per window")
    parser.add_argument("--window", type=float, default=3600.0, help="rate-limit window (s)")
    parser.add_argument("--no-rate-limit", action="store_true", help="turn rate limiting off")
    parser.add_argument("--page-size", type=int, default=50, help="default page size (50)")
    parser.add_argument("--latency", type=float, default=0.0, help="added latency per request (s)")
    parser.add_argument(
        "--error-rate", type=float, default=0.0, help="share of requests answered with a 5xx"
    )


def build_parser(prog: str = "fake-server") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=prog, description="Run the fake Outreach API v2.")
    add_arguments(parser)
    return parser


def settings_from(args: argparse.Namespace) -> FakeSettings:
    """The server's settings; ValueError names a bad `--count`."""
    from ._settings import FakeSettings, FaultSettings, RateLimitSettings

    settings = FakeSettings(
        seed=args.seed,
        id_layout=args.id_layout,
        default_page_size=args.page_size,
        rate_limit=RateLimitSettings(
            enabled=not args.no_rate_limit, limit=args.rate_limit, window=args.window
        ),
        faults=FaultSettings(latency=args.latency, error_rate=args.error_rate),
    )
    for item in args.count:
        type_name, _, number = item.partition("=")
        if not type_name or not number.isdigit():
            raise ValueError(f"--count expects TYPE=N, got {item!r}")
        settings.counts[type_name] = int(number)
    if args.prospects is not None:
        settings.counts["prospect"] = args.prospects
    if args.token:
        settings.token = args.token
    return settings


async def serve(
    args: argparse.Namespace, out: TextIO = sys.stdout, settings: FakeSettings | None = None
) -> None:
    """Serve until SIGINT or SIGTERM."""
    from .server import FakeOutreach

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(sig, stop.set)
    settings = settings if settings is not None else settings_from(args)
    async with FakeOutreach(settings=settings, host=args.host, port=args.port) as server:
        print(f"Fake Outreach API: {server.api_url}", file=out)
        print(f"Access token:      {server.token}", file=out)
        print("Press Ctrl-C to stop.", file=out, flush=True)
        await stop.wait()
    print("Stopped.", file=out, flush=True)


def run(args: argparse.Namespace) -> int:
    """Serve with parsed arguments; bad settings raise ValueError before binding."""
    settings = settings_from(args)
    tune_process()  # this process only serves: it may tune itself
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serve(args, settings=settings))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return run(args)
    except ValueError as exc:
        parser.error(str(exc))


if __name__ == "__main__":
    raise SystemExit(main())
