"""The `outreach-async` command line: `demo`, `fake-server` and `export`."""

from __future__ import annotations

import argparse
import asyncio
import sys
from collections.abc import Sequence

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Run a subcommand; returns the process exit code."""
    parser = argparse.ArgumentParser(
        prog="outreach-async", description="Tools around the Outreach API client."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("demo", help="a short tour of the client on the embedded fake server")
    args = parser.parse_args(argv)
    if args.command == "demo":
        from ._demo import run_demo

        return asyncio.run(run_demo(sys.stdout))
    parser.error(f"unknown command {args.command!r}")
    return 2
