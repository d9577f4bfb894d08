"""Bulk actions: wait for a batch to finish, then say which of its items failed.

A bulk action (`client.batches.prospects_add_to_sequence(...)`) returns a batch at once and
works through its items on the server. `client.batches.wait(batch)` polls `batches/{id}`
with exponential backoff until the batch is finished or canceled, then reads the failed
`batchItems` (only when the batch reports failures):

    batch = await client.batches.prospects_add_to_sequence(
        ids=[1, 2, 3], sequence_id=7, mailbox_id=2, skip_confirmation=True
    )
    result = await client.batches.wait(batch)
    for failure in result.failures:
        print(failure.record_id, failure.info)
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator, Mapping
from typing import Any

import attrs

from ._absent import ABSENT
from .errors import BatchTimeout
from .managers._generated import BatchesBase, BatchItems
from .models import Batch, BatchItem

__all__ = ["TERMINAL_STATES", "BatchFailure", "BatchResult", "Batches", "is_finished"]

#: Batch states after which nothing more happens (the API does not document the list).
TERMINAL_STATES = frozenset(
    {"finished", "complete", "completed", "done", "canceled", "cancelled", "failed", "error"}
)


def is_finished(batch: Batch) -> bool:
    """True once the batch has finished or was canceled."""
    if batch.finished_at not in (None, ABSENT) or batch.canceled_at not in (None, ABSENT):
        return True
    return isinstance(batch.state, str) and batch.state.lower() in TERMINAL_STATES


@attrs.frozen
class BatchFailure:
    """One failed item of a batch: the record it was about and what went wrong.

    `data` is the item's `data` decoded (the API sends it as JSON text; text that is not
    JSON stays as it is), and `record_id` the record it names: its `id`, or a key such as
    `prospectId`.
    """

    item: BatchItem
    record_id: int | str | None
    info: str | None
    data: Any = None

    @classmethod
    def of(cls, item: BatchItem) -> BatchFailure:
        data = decoded_data(item.data)
        info = item.info if isinstance(item.info, str) else None
        return cls(item, record_id_in(data), info, data)


@attrs.frozen
class BatchResult:
    """A finished batch and its failed items."""

    batch: Batch
    failures: list[BatchFailure]

    @property
    def canceled(self) -> bool:
        """True when the batch was canceled rather than completed."""
        return self.batch.canceled_at not in (None, ABSENT) or (
            isinstance(self.batch.state, str) and self.batch.state.lower().startswith("cancel")
        )

    @property
    def ok(self) -> bool:
        """True when the batch finished without any failed item and was not canceled."""
        return not self.failures and not self.canceled


#: Keys naming the record a batch item was about, in the order they are looked for.
_RECORD_KEYS = ("id", "recordId", "prospectId", "accountId", "opportunityId", "taskId")
#: Keys ending in `Id` that name where the record goes, not the record.
_CONTEXT_KEYS = frozenset({"batchId", "sequenceId", "mailboxId", "userId", "ownerId"})


def decoded_data(data: object) -> Any:
    """A batch item's `data`: JSON text decoded, anything else as it is."""
    if not isinstance(data, str):
        return None if data is ABSENT else data
    try:
        return json.loads(data)
    except ValueError:
        return data.strip() or None


def record_id_in(data: Any) -> int | str | None:
    """The id of the record that decoded batch item `data` is about."""
    if isinstance(data, Mapping):
        keys = [key for key in _RECORD_KEYS if key in data]
        keys += [
            key
            for key in data
            if isinstance(key, str) and key.endswith("Id") and key not in _CONTEXT_KEYS
        ]
        for key in keys:
            value = record_id_in(data[key])
            if value is not None:
                return value
        return None
    if isinstance(data, str) and data.isdigit():
        return int(data)
    if isinstance(data, int | str) and not isinstance(data, bool):
        return data
    return None


def _delays(first: float, cap: float) -> Iterator[float]:
    """first, 2*first, 4*first, ... capped at `cap`."""
    return (min(cap, first * 2**n) for n in itertools.count())


class Batches(BatchesBase):
    """`batches` as `Batch` models, with the bulk actions and `wait()`."""

    async def wait(
        self,
        batch: Batch | int | str,
        *,
        timeout: float = 600.0,
        first_delay: float = 1.0,
        max_delay: float = 30.0,
    ) -> BatchResult:
        """Poll the batch until it is finished or canceled; then read its failed items.

        Waits `first_delay` seconds, doubling up to `max_delay`, and raises `BatchTimeout`
        (carrying the last state seen) once `timeout` seconds have passed. A batch waiting
        for confirmation never finishes: confirm it, or pass `skip_confirmation=True`.
        """
        batch_id = batch.id if isinstance(batch, Batch) else batch
        if batch_id is None:
            raise ValueError("wait: the batch has no id")
        clock = self.session.clock
        deadline = clock() + timeout
        delays = _delays(first_delay, max_delay)
        while True:
            current = await self.get(batch_id)
            if is_finished(current):
                break
            remaining = deadline - clock()
            if remaining <= 0:
                raise BatchTimeout(
                    f"batch {batch_id} is still {current.state!r} after {timeout:g}s",
                    current,
                )
            await self.session.sleep(min(next(delays), remaining))
        failures = [] if current.failures == 0 else await self.failures(batch_id)
        return BatchResult(current, failures)

    async def failures(self, batch_id: int | str) -> list[BatchFailure]:
        """The failed items of a batch (`batchItems?filter[batchId]=..&filter[failed]=true`)."""
        items = BatchItems(self.session).iterate(
            filter={"batch_id": batch_id, "failed": True}, page_size=1000
        )
        return [BatchFailure.of(item) async for item in items]
