"""Sequences: add prospects (never one twice), pause a sequence state, copy steps.

Run `python examples/sequences.py`. It adds prospects to a sequence, so on Outreach (with
`OUTREACH_ACCESS_TOKEN`) it runs only when `OUTREACH_EXAMPLES_MAY_WRITE=1` is set too.
"""

import asyncio

from connect import outreach_client


async def main() -> None:
    async with outreach_client(writes=True) as client:
        sequences = await client.sequences.all_by_name()
        print(f"{len(sequences)} sequences, first by name: {sequences[0].name!r}")
        target = sequences[0]
        assert target.id is not None
        mailboxes = await client.mailboxes.list(page_size=1)
        mailbox = mailboxes.items[0]

        # Prospect 11 is listed twice: it is added once. Adding the same prospects a
        # second time shows the server's refusals.
        result = await client.sequence_states.add_prospects(
            target, [11, 12, 13, 11], mailbox=mailbox, concurrency=4
        )
        print(f"added {sorted(result.added)}, failed {sorted(result.failed)}")
        again = await client.sequence_states.add_prospects(target, [11, 12], mailbox=mailbox)
        for prospect_id, failure in sorted(again.failed.items()):
            print(f"prospect {prospect_id} not added again: {failure.reason}")

        state = result.added[11]
        assert state.id is not None
        paused = await client.sequence_states.pause(state.id)
        print(f"sequence state {paused.id} is {paused.state!r}")

        source = next(s for s in sequences if s.id != target.id)
        assert source.id is not None
        copy = await client.sequences.copy_steps(source=source, target=target)
        print(f"copied {len(copy.steps)} steps from sequence {source.id} to {target.id}")


asyncio.run(main())
