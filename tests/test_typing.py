"""What mypy sees: absent values narrow, managers lack the methods their type lacks."""

from __future__ import annotations

from pathlib import Path

from mypy import api

ROOT = Path(__file__).resolve().parent.parent

SNIPPET = """
from outreach_async import ABSENT, OutreachClient, present
from outreach_async.models import Account, Prospect


async def use(client: OutreachClient) -> None:
    prospect = await client.prospects.get(1)
    reveal_type(prospect.first_name)
    name = prospect.first_name
    if name is not ABSENT:
        reveal_type(name)
    reveal_type(present(prospect.title, ""))
    reveal_type(prospect.resolve(prospect.account))
    reveal_type(prospect.account)
    reveal_type(prospect.opportunities)
    state = await client.sequence_states.pause(1)
    reveal_type(state)
    await client.sequence_states.resume(state)
    await client.tasks.mark_complete(1, completion_note="done")
    await client.calls.update(1, ...)
    await client.users.delete(1)
    await client.prospects.create(Account(name="x"))
"""


def test_mypy_sees_typed_models_and_managers(tmp_path: Path) -> None:
    source = tmp_path / "use_client.py"
    source.write_text(SNIPPET, encoding="utf-8")
    out, _, _ = api.run(
        ["--strict", "--no-error-summary", "--cache-dir", str(ROOT / ".mypy_cache"), str(source)]
    )
    lines = [
        line.split(": ", 1)[1].replace("builtins.", "")  # mypy versions differ there
        for line in out.splitlines()
        if ": " in line
    ]
    assert lines == [
        'note: Revealed type is "str | outreach_async._absent.Absent | None"',
        'note: Revealed type is "str | None"',
        'note: Revealed type is "str | None"',
        'note: Revealed type is "outreach_async.models._generated.Account | None"',
        'note: Revealed type is "outreach_async.models._base.Ref[outreach_async.models.'
        '_generated.Account] | outreach_async._absent.Absent | None"',
        'note: Revealed type is "list[outreach_async.models._base.Ref[outreach_async.'
        'models._generated.Opportunity]] | outreach_async._absent.Absent"',
        'note: Revealed type is "outreach_async.models._generated.SequenceState"',
        'error: "Calls" has no attribute "update"  [attr-defined]',
        'error: "Users" has no attribute "delete"  [attr-defined]',
        'error: Argument 1 to "create" of "Creatable" has incompatible type "Account"; '
        'expected "Prospect"  [arg-type]',
    ], out
