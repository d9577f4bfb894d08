"""The committed `outreach_async/_spec.py` must match what the generator makes of `spec/`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "outreach_async" / "_spec.py"


def test_generated_spec_is_fresh(tmp_path: Path) -> None:
    out = tmp_path / "_spec.py"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "generate_schema.py"), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    formatted = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--stdin-filename", str(GENERATED), "-"],
        input=out.read_text(encoding="utf-8"),
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    assert formatted == GENERATED.read_text(encoding="utf-8"), (
        "outreach_async/_spec.py is stale: run `make generate`"
    )


def test_spec_covers_every_resource_type() -> None:
    from outreach_async._spec import BY_PLURAL, RESOURCES

    assert len(RESOURCES) == 51
    assert BY_PLURAL["sequenceStates"].type == "sequenceState"
    prospect = RESOURCES["prospect"]
    assert prospect.methods == ("list", "create", "get", "update", "delete")
    first_name = prospect.attribute("firstName")
    assert first_name is not None and first_name.filterable and not first_name.read_only
    created = prospect.attribute("createdAt")
    assert created is not None and created.read_only and created.format == "date-time"
    account = prospect.relationship("account")
    assert account is not None and account.targets == ("account",) and not account.to_many
    mailings = prospect.relationship("mailings")
    assert mailings is not None and mailings.links_only and mailings.to_many
    assert RESOURCES["call"].methods == ("list", "create", "get", "delete")
    mark_complete = RESOURCES["task"].member_action("markComplete")
    assert mark_complete is not None
    assert mark_complete.params == ("completionAction", "completionNote")
    reschedule = RESOURCES["task"].member_action("reschedule")
    assert reschedule is not None and reschedule.required == ("dueAt",)
    add = RESOURCES["batch"].collection_action("prospectsAddToSequence")
    assert add is not None and add.params == ("filter", "skipConfirmation")
    assert [a.name for a in add.body] == ["ids", "mailboxId", "sequenceId", "stepOverrides"]
    password = RESOURCES["mailbox"].attribute("password")
    assert password is not None and password.write_only
