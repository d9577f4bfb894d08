"""Typed managers, bulk actions and sequence workflows end to end against `FakeOutreach`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timezone

import pytest
import pytest_asyncio
from aiohttp import web

from outreach_async import (
    ABSENT,
    APIError,
    BadRequest,
    OutreachClient,
    Ref,
    Unauthorized,
    V1Sequences,
    ValidationError,
)
from outreach_async.models import (
    Account,
    Mailbox,
    Prospect,
    Sequence,
    SequenceState,
    SequenceStep,
    SequenceTemplate,
    Template,
)
from outreach_async.testing import FakeOutreach, RateLimitSettings


@pytest_asyncio.fixture
async def client(fake_outreach: FakeOutreach) -> AsyncIterator[OutreachClient]:
    async with fake_outreach.client() as client:
        yield client


async def _ids(client: OutreachClient, manager_name: str, count: int) -> list[int]:
    page = await getattr(client, manager_name).list(page_size=count)
    return [int(item.id) for item in page.items]


async def _not_in(client: OutreachClient, sequence_id: int, count: int) -> list[int]:
    """Prospects not yet in the sequence."""
    candidates = await _ids(client, "prospects", 100)
    return [p for p in candidates if await client.sequence_states.find(p, sequence_id) is None][
        :count
    ]


async def test_reading_typed_models_with_sparse_fieldsets_and_includes(
    client: OutreachClient, fake_outreach: FakeOutreach
) -> None:
    prospects = await client.prospects.iterate(page_size=30).all()
    assert len(prospects) == fake_outreach.store.count("prospect")
    assert all(isinstance(p, Prospect) for p in prospects)
    assert all(isinstance(p.created_at, datetime) and p.created_at.tzinfo for p in prospects)

    page = await client.prospects.list(fields=["first_name", "account"], include="account")
    for prospect in page:
        assert prospect.first_name is not ABSENT
        assert prospect.last_name is ABSENT and prospect.emails is ABSENT
        if isinstance(prospect.account, Ref):
            account = prospect.resolve(prospect.account)
            assert isinstance(account, Account) and isinstance(account.name, str)


async def test_create_update_delete_round_trip(client: OutreachClient) -> None:
    [account_id] = await _ids(client, "accounts", 1)
    created = await client.prospects.create(
        Prospect(
            first_name="Ada",
            last_name="Lovelace",
            emails=["ada.e2e@example.com"],
            account=Account.ref(account_id),
            extra={"custom3": "gold"},
        )
    )
    assert created.id is not None and created.first_name == "Ada"
    assert created.custom(3) == "gold"
    assert created.account == Account.ref(account_id)

    updated = await client.prospects.update(created.id, Prospect(title="Countess", account=None))
    assert updated.title == "Countess" and updated.account is None
    assert updated.first_name == "Ada"

    fetched = await client.prospects.get(created.id)
    assert fetched.title == "Countess"
    await client.prospects.delete(created.id)
    with pytest.raises(ValueError, match="read-only"):
        await client.prospects.update(created.id, Prospect(created_at=datetime.now(timezone.utc)))


async def test_the_server_agrees_with_the_missing_methods(client: OutreachClient) -> None:
    assert not hasattr(client.calls, "update")
    with pytest.raises(APIError) as raised:
        await client.resource("call").update(1, {"note": "x"})
    assert raised.value.status == 405


async def test_member_actions(client: OutreachClient, fake_outreach: FakeOutreach) -> None:
    [sequence_id] = await _ids(client, "sequences", 1)
    [prospect_id] = await _ids(client, "prospects", 1)
    [mailbox_id] = await _ids(client, "mailboxes", 1)
    existing = await client.sequence_states.find(prospect_id, sequence_id)
    state = existing or await client.sequence_states.create(
        SequenceState(
            prospect=Prospect.ref(prospect_id),
            sequence=Sequence.ref(sequence_id),
            mailbox=Mailbox.ref(mailbox_id),
        )
    )
    assert state.id is not None
    if state.state != "active":
        state = await client.sequence_states.resume(state.id)
    paused = await client.sequence_states.pause(state.id)
    assert paused.state == "paused"
    resumed = await client.sequence_states.resume(state.id)
    assert resumed.state == "active"
    finished = await client.sequence_states.finish(state.id)
    assert finished.state == "finished"
    with pytest.raises(ValidationError):
        await client.sequence_states.pause(state.id)

    sequence = await client.sequences.get(sequence_id)
    toggled = await (
        client.sequences.deactivate(sequence_id)
        if sequence.enabled
        else client.sequences.activate(sequence_id)
    )
    assert toggled.enabled is (not sequence.enabled)

    [task] = (await client.tasks.list(filter={"state": "incomplete"}, page_size=1)).items
    assert task.id is not None
    done = await client.tasks.mark_complete(task.id, completion_note="Done")
    assert done.state == "complete" and isinstance(done.completed_at, datetime)


async def test_bulk_add_to_sequence_and_wait(client: OutreachClient) -> None:
    sequence = (await client.sequences.list(page_size=1)).items[0]
    mailbox_id = (await _ids(client, "mailboxes", 1))[0]
    prospect_ids = await _ids(client, "prospects", 5)
    assert sequence.id is not None
    for prospect_id in prospect_ids[:2]:  # make two of them fail as duplicates
        if await client.sequence_states.find(prospect_id, sequence.id) is None:
            await client.sequence_states.add_prospects(
                sequence.id, [prospect_id], mailbox=mailbox_id
            )
    batch = await client.batches.prospects_add_to_sequence(
        ids=[*prospect_ids, 999_999],
        sequence_id=int(sequence.id),
        mailbox_id=mailbox_id,
        skip_confirmation=True,
    )
    result = await client.batches.wait(batch, first_delay=0.01)
    assert result.batch.state == "finished"
    failed = {failure.record_id: failure.info for failure in result.failures}
    assert set(failed) == {prospect_ids[0], prospect_ids[1], 999_999}
    assert "already in sequence" in str(failed[prospect_ids[0]])
    for prospect_id in prospect_ids:
        assert await client.sequence_states.find(prospect_id, sequence.id) is not None


async def test_a_batch_waiting_for_confirmation_finishes_once_confirmed(
    client: OutreachClient,
) -> None:
    prospect_ids = await _ids(client, "prospects", 2)
    batch = await client.batches.prospects_add_tags(ids=prospect_ids, tags=["e2e"])
    assert batch.state == "pending" and batch.id is not None
    await client.batches.confirm(batch.id, confirmed_count=2)
    result = await client.batches.wait(batch.id, first_delay=0.01)
    assert result.ok
    tagged = await client.prospects.get(prospect_ids[0])
    assert isinstance(tagged.tags, list) and "e2e" in tagged.tags


async def test_sequences_by_name_over_several_pages(client: OutreachClient) -> None:
    sequences = await client.sequences.all_by_name(page_size=3)
    names = [s.name or "" for s in sequences]
    assert len(sequences) >= 4 and names == sorted(names)


#: A budget large enough that pacing does not stretch these many-request tests.
ROOMY = RateLimitSettings(limit=1_000_000)


@pytest.mark.fake_outreach(rate_limit=ROOMY)
async def test_add_prospects_concurrently_then_again(client: OutreachClient) -> None:
    sequence_id = (await _ids(client, "sequences", 8))[-1]
    mailbox_id = (await _ids(client, "mailboxes", 1))[0]
    fresh = await _not_in(client, sequence_id, 20)
    result = await client.sequence_states.add_prospects(
        Sequence(id=sequence_id), [*fresh, 999_999], mailbox=mailbox_id, concurrency=4
    )
    assert list(result.added) == fresh
    assert list(result.failed) == [999_999]
    for prospect_id, state in result.added.items():
        assert state.prospect == Prospect.ref(prospect_id)

    again = await client.sequence_states.add_prospects(sequence_id, fresh[:3], mailbox=mailbox_id)
    assert not again.added and set(again.rejected) == set(fresh[:3])
    assert "already in sequence" in again.failed[fresh[0]].reason


async def test_a_lost_answer_does_not_add_a_prospect_twice() -> None:
    """The server creates the state but the connection drops before the answer."""
    server = FakeOutreach(rate_limit=ROOMY)
    dropped: list[str] = []

    @web.middleware
    async def drop_first_create(request: web.Request, handler: web.Handler) -> web.StreamResponse:
        response = await handler(request)
        if request.method == "POST" and request.path.endswith("/sequenceStates") and not dropped:
            dropped.append(request.path)
            assert request.transport is not None
            request.transport.close()
        return response

    server.app.middlewares.append(drop_first_create)
    async with server, server.client() as client:
        sequence_id = (await _ids(client, "sequences", 8))[-2]
        mailbox_id = (await _ids(client, "mailboxes", 1))[0]
        [prospect_id] = await _not_in(client, sequence_id, 1)
        before = server.store.count("sequenceState")
        result = await client.sequence_states.add_prospects(
            sequence_id, [prospect_id], mailbox=mailbox_id
        )
        assert dropped and result.ok and prospect_id in result.added
        assert server.store.count("sequenceState") == before + 1
        methods = [e.method for e in server.requests.entries]
        assert methods[-2:] == ["POST", "GET"]  # the lost answer, then the lookup
        assert methods.count("POST") == 1


async def test_copy_steps_with_their_templates(client: OutreachClient) -> None:
    steps = await client.sequence_steps.iterate(page_size=100).all()
    by_sequence: dict[int, list[SequenceStep]] = {}
    for step in steps:
        if isinstance(step.sequence, Ref):
            by_sequence.setdefault(int(step.sequence.id), []).append(step)
    source_id, source_steps = max(by_sequence.items(), key=lambda item: len(item[1]))
    target_id = next(s for s in await _ids(client, "sequences", 8) if s != source_id)
    first = min(source_steps, key=lambda s: (s.order or 0, s.id or 0))
    template = await client.templates.create(Template(name="E2E intro", subject="Hello"))
    await client.sequence_templates.create(
        SequenceTemplate(sequence_step=first.identifier, template=template.identifier)
    )
    before = len(by_sequence.get(target_id, []))

    copy = await client.sequences.copy_steps(source_id, target_id, duplicate_templates=True)

    assert len(copy.steps) == len(source_steps)
    target_steps = await client.sequence_steps.iterate(
        filter={"sequence": {"id": target_id}}, page_size=100
    ).all()
    assert len(target_steps) == before + len(source_steps)
    offset = max((s.order or 0 for s in by_sequence.get(target_id, [])), default=0)
    assert [s.order for _, s in copy.steps] == list(
        range(offset + 1, offset + len(source_steps) + 1)
    )
    assert all(s.sequence == Sequence.ref(target_id) for _, s in copy.steps)
    [(original, duplicate)] = copy.templates
    assert original.id == template.id and duplicate.id != template.id
    assert duplicate.name == "E2E intro"
    [(_, link)] = copy.sequence_templates
    assert link.template == duplicate.identifier


async def test_v1_sequences_on_the_fake_server(
    client: OutreachClient, fake_outreach: FakeOutreach
) -> None:
    v1 = V1Sequences(client)
    sequences = await v1.all(page_size=3)
    v2 = await client.sequences.all_by_name()
    assert [s.name for s in sequences] == [s.name for s in v2]
    assert [s.id for s in sequences] == [str(s.id) for s in v2]

    sequence_id = int(sequences[0].id)
    prospect_ids = await _ids(client, "prospects", 60)
    batches = await v1.add_prospects(sequence_id, prospect_ids)
    assert [len(b.prospect_ids) for b in batches] == [50, 10]
    for prospect_id in prospect_ids[::7]:
        assert await client.sequence_states.find(prospect_id, sequence_id) is not None
    batch = await client.batches.get(batches[0].id)
    assert batch.state == "finished" and batch.total == 50

    with pytest.raises(BadRequest, match="at most 50"):
        await client.session.request(
            "GET", f"{fake_outreach.url}/1.0/sequences", query="page[size]=51"
        )
    async with fake_outreach.client(auth="wrong-token") as stranger:
        with pytest.raises(Unauthorized):
            await V1Sequences(stranger).page(1)
