"""Export a collection to JSON Lines, stop it part way, and resume it from its checkpoint.

    python examples/export_resume.py [OUTPUT]    # default prospects.jsonl in this folder

The resumed file holds every record exactly once, as an uninterrupted run would.
"""

import asyncio
import json
import sys
from pathlib import Path

from connect import outreach_client

from outreach_async import ExportOptions, export_collection
from outreach_async.testing import FaultSettings, RateLimitSettings

# The fake answers slowly enough here for the export to be stopped part way.
FAKE = {
    "prospects": 2_000,
    "faults": FaultSettings(latency=0.25),
    "rate_limit": RateLimitSettings(enabled=False),
}


async def main(output: Path) -> None:
    options = ExportOptions("prospect", fields=("firstName", "updatedAt"), page_size=50)
    async with outreach_client(fake=FAKE) as client:
        first = asyncio.create_task(export_collection(client, options, output))
        checkpoint = output.with_name(output.name + ".checkpoint")
        while not checkpoint.exists() and not first.done():
            await asyncio.sleep(0.05)
        first.cancel()  # as Ctrl-C, a crash or `kill -9` would
        try:
            await first
            print("the export finished before it could be stopped")
        except asyncio.CancelledError:
            print(f"stopped part way; checkpoint saved: {checkpoint.exists()}")

        result = await export_collection(client, options, output, resume=True)
        print(f"resumed: {result.resumed}, {result.records} records in {result.output}")

    text = await asyncio.to_thread(output.read_text)
    ids = [json.loads(line)["id"] for line in text.splitlines()]
    print(f"lines {len(ids)}, distinct ids {len(set(ids))}, checkpoint left: {checkpoint.exists()}")


asyncio.run(main(Path(sys.argv[1] if len(sys.argv) > 1 else "prospects.jsonl")))
