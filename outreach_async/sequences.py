"""Sequence workflows: list sequences by name, enroll prospects safely, copy steps.

- `client.sequences.all_by_name()`: every sequence, ordered by name, all pages.
- `client.sequence_states.add_prospects(sequence, prospects, mailbox=...)`: one
  `POST /sequenceStates` per prospect (relationships prospect, sequence, mailbox), a few at a
  time, reporting which were added and which failed and why. The session never repeats a POST
  the server may have acted on; after such a failure (a dropped connection, a 5xx from a
  gateway) the workflow asks whether the sequence state exists (`filter[prospect][id]` and
  `filter[sequence][id]`) before trying again, through `create(..., lookup=...)`, so no
  prospect is added twice and one that ends up in the sequence is reported added.
- `client.sequence_states.pause(id)`, `resume(id)`, `finish(id)`: the typed actions.
- `client.sequences.copy_steps(source, target)`: the steps of one sequence and their
  templates, appended to another.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any

import attrs

from .errors import APIError, OutreachError, SequenceCopyError, TransportError, ValidationError
from .managers._base import IdLike, resource_id
from .managers._generated import (
    SequencesBase,
    SequenceStatesBase,
    SequenceSteps,
    SequenceTemplates,
    Templates,
)
from .models import (
    Mailbox,
    Prospect,
    Ref,
    Sequence,
    SequenceState,
    SequenceStep,
    SequenceTemplate,
    Template,
)

__all__ = [
    "SequenceAddFailure",
    "SequenceAddResult",
    "SequenceCopy",
    "SequenceStates",
    "Sequences",
]

_PAGE = 1000


class Sequences(SequencesBase):
    """`sequences` as `Sequence` models, with `all_by_name()` and `copy_steps()`."""

    async def all_by_name(
        self, *, filter: Mapping[str, Any] | None = None, page_size: int = _PAGE
    ) -> list[Sequence]:
        """Every sequence (matching `filter`), ordered by name, reading all pages.

        The server sorts (`sort=name`); the list is sorted again here, stably, since the API
        has been seen to return pages out of order.
        """
        sequences = await self.iterate(filter=filter, sort="name", page_size=page_size).all()
        sequences.sort(key=lambda sequence: sequence.name if isinstance(sequence.name, str) else "")
        return sequences

    async def copy_steps(
        self, source: IdLike, target: IdLike, *, duplicate_templates: bool = False
    ) -> SequenceCopy:
        """Append the steps of `source` to `target`, with the templates of each step.

        Steps keep their order, after any steps `target` already has; each copied step gets
        the same templates (`sequenceTemplates`), or copies of them with
        `duplicate_templates=True`. Stopping part way raises `SequenceCopyError`, whose
        `partial` lists what was created.
        """
        source_id = resource_id(source, "source")
        target_id = resource_id(target, "target")
        steps = SequenceSteps(self.session)
        originals = await steps.iterate(
            filter={"sequence": {"id": source_id}}, sort="order", page_size=_PAGE
        ).all()
        originals.sort(key=lambda step: (_number(step.order), _number(step.id)))
        existing = await steps.iterate(
            filter={"sequence": {"id": target_id}}, fields=["order"], page_size=_PAGE
        ).all()
        offset = max((_number(step.order) for step in existing), default=0)
        copy = SequenceCopy()
        try:
            for position, original in enumerate(originals, start=1):
                changes = original.writable()
                changes.sequence = Sequence.ref(target_id)
                changes.order = offset + position
                created = await steps.create(changes)
                copy.steps.append((original, created))
                await self._copy_templates(original, created, copy, duplicate_templates)
        except OutreachError as error:
            raise SequenceCopyError(
                f"copying the steps of sequence {source_id} to {target_id} stopped after "
                f"{len(copy.steps)} of {len(originals)} steps: {error}",
                copy,
            ) from error
        return copy

    async def _copy_templates(
        self,
        original: SequenceStep,
        created: SequenceStep,
        copy: SequenceCopy,
        duplicate: bool,
    ) -> None:
        links = SequenceTemplates(self.session)
        templates = Templates(self.session)
        found = await links.iterate(
            filter={"sequence_step": {"id": resource_id(original, "step")}},
            include=["template"] if duplicate else None,
            page_size=_PAGE,
        ).all()
        for link in found:
            template = link.template
            if duplicate and isinstance(template, Ref):
                source = link.resolve(template) or await templates.get(template.id)
                duplicated = await templates.create(source.writable())
                copy.templates.append((source, duplicated))
                template = duplicated.identifier
            changes = link.writable()
            changes.sequence_step = created.identifier
            changes.template = template
            copy.sequence_templates.append((link, await links.create(changes)))


def _same_id(value: int | str) -> int | str:
    """`"12"` and `12` name one prospect."""
    return int(value) if isinstance(value, str) and value.isdigit() else value


def _number(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


@attrs.define
class SequenceCopy:
    """What `copy_steps` created: pairs of (original, copy)."""

    steps: list[tuple[SequenceStep, SequenceStep]] = attrs.field(factory=list)
    sequence_templates: list[tuple[SequenceTemplate, SequenceTemplate]] = attrs.field(factory=list)
    #: Templates duplicated with `duplicate_templates=True`.
    templates: list[tuple[Template, Template]] = attrs.field(factory=list)


@attrs.frozen
class SequenceAddFailure:
    """A prospect that could not be added, and why.

    `uncertain` is True when the prospect may have been added nevertheless (the request may
    have reached the server, and looking the sequence state up failed too): look before
    adding this prospect again. It is `error.maybe_applied`.
    """

    prospect_id: int | str
    error: OutreachError

    @property
    def uncertain(self) -> bool:
        return self.error.maybe_applied

    @property
    def reason(self) -> str:
        """The server's details (one per error of a 422), or the error's text."""
        if isinstance(self.error, APIError) and self.error.errors:
            details = [e.detail or e.title or e.id or "" for e in self.error.errors]
            return "; ".join(detail for detail in details if detail) or str(self.error)
        return str(self.error)


@attrs.frozen
class SequenceAddResult:
    """Which prospects were added (with their sequence states) and which failed."""

    added: dict[int | str, SequenceState]
    failed: dict[int | str, SequenceAddFailure]

    @property
    def ok(self) -> bool:
        """True when every prospect was added."""
        return not self.failed

    @property
    def rejected(self) -> dict[int | str, SequenceAddFailure]:
        """Failures the server refused with a 422 (already in the sequence, inactive, ...)."""
        return {
            key: failure
            for key, failure in self.failed.items()
            if isinstance(failure.error, ValidationError)
        }


class SequenceStates(SequenceStatesBase):
    """`sequenceStates` as models: `pause`, `resume`, `finish`, `add_prospects`, `find`."""

    async def find(self, prospect: IdLike, sequence: IdLike) -> SequenceState | None:
        """The sequence state of a prospect in a sequence, None when it is not there."""
        page = await self.list(
            filter={
                "prospect": {"id": resource_id(prospect, "prospect")},
                "sequence": {"id": resource_id(sequence, "sequence")},
            },
            page_size=1,
        )
        return page.items[0] if page.items else None

    async def add_prospects(
        self,
        sequence: IdLike,
        prospects: Iterable[IdLike],
        *,
        mailbox: IdLike,
        concurrency: int = 4,
        max_attempts: int = 3,
    ) -> SequenceAddResult:
        """Add prospects to a sequence, sending from `mailbox`; never one twice.

        Runs up to `concurrency` requests at once (the client's limiter and retry policy
        still pace them against the rate limit). A prospect listed twice is added once.
        After an ambiguous failure the workflow looks the sequence state up and tries again
        only when it is not there, at most `max_attempts` times in all.
        """
        if concurrency < 1:
            raise ValueError("concurrency: expected at least 1")
        if max_attempts < 1:
            raise ValueError("max_attempts: expected at least 1")
        sequence_id = resource_id(sequence, "sequence")
        mailbox_id = resource_id(mailbox, "mailbox")
        ids = list(dict.fromkeys(_same_id(resource_id(p, "prospects")) for p in prospects))
        added: dict[int | str, SequenceState] = {}
        failed: dict[int | str, SequenceAddFailure] = {}

        async def add(prospect_id: int | str) -> None:
            state = SequenceState(
                prospect=Prospect.ref(prospect_id),
                sequence=Sequence.ref(sequence_id),
                mailbox=Mailbox.ref(mailbox_id),
            )
            lookup = {"prospect": {"id": prospect_id}, "sequence": {"id": sequence_id}}
            try:
                added[prospect_id] = await self.create(
                    state, lookup=lookup, max_attempts=max_attempts
                )
            except (APIError, TransportError) as error:
                failed[prospect_id] = SequenceAddFailure(prospect_id, error)

        await run_bounded(add, ids, concurrency)
        return SequenceAddResult(
            {key: added[key] for key in ids if key in added},
            {key: failed[key] for key in ids if key in failed},
        )


async def run_bounded(
    work: Callable[[Any], Awaitable[None]], items: Iterable[Any], limit: int
) -> None:
    """Run `work(item)` for every item, at most `limit` at a time.

    An exception from `work` cancels the rest and is raised; so is cancelling the caller.
    Either way no task is left running.
    """
    pending = iter(items)

    async def worker() -> None:
        for item in pending:
            await work(item)

    tasks = [asyncio.ensure_future(worker()) for _ in range(limit)]
    try:
        await asyncio.gather(*tasks)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
