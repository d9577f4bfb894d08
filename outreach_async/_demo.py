"""`make demo`: a tour of the client and a full export, on the embedded fake server.

No credentials and no network: the fake Outreach server runs in this process with a rate
limit and injected faults (latency, random 5xx, dropped connections), and everything goes
through the public client exactly as it would against the real API. A last step runs the
course-mailer client on the same session layer against its own fake server.
"""

from __future__ import annotations

import asyncio
import json
import tempfile
import time
from datetime import datetime
from pathlib import Path
from typing import TextIO

from . import (
    MemoryTokenStore,
    OAuth2Auth,
    OutreachClient,
    Resource,
    ValidationError,
    at_least,
)
from .bulk._progress import Progress
from .bulk.export import ExportOptions, export_collection, summary
from .coursemailer import CourseMailerClient, DateConversion
from .testing import FakeCourseMailer, FakeOutreach, FaultSettings, RateLimitSettings

PROSPECTS = 10_000


async def run_demo(out: TextIO, prospects: int = PROSPECTS) -> int:
    """Run the tour and the export; returns the exit code."""
    started = time.monotonic()
    faults = FaultSettings(latency=0.01, jitter=0.01)
    limits = RateLimitSettings(limit=10_000, window=3600)
    async with FakeOutreach(seed=42, prospects=prospects, rate_limit=limits, faults=faults) as fake:
        _say(out, f"Fake Outreach API at {fake.api_url} with {prospects:,} seeded prospects")
        async with fake.client() as client:
            await _tour(client, out)
            await _rate_limit_moment(fake, client, out)
        await _token_expiry_moment(fake, out)
        async with fake.client() as client:
            fake.settings.faults = FaultSettings(
                latency=0.02, jitter=0.02, error_rate=0.08, drop_rate=0.04
            )
            exact = await _export(fake, client, out)
    mailer_faults = FaultSettings(latency=0.01, jitter=0.01)
    mailer_server = FakeCourseMailer(seed=42, rate_limit=RateLimitSettings(), faults=mailer_faults)
    async with mailer_server, mailer_server.client() as mailer:
        offsets_kept = await _course_mailer_moment(mailer, out)
    _say(out, f"Done in {time.monotonic() - started:.1f}s.")
    return 0 if exact and offsets_kept else 1


async def _tour(client: OutreachClient, out: TextIO) -> None:
    prospects = client.resource("prospect")
    _heading(out, "1. Create a prospect on an account")
    created = await prospects.create(
        {"firstName": "Sally", "lastName": "Ride", "title": "Astronaut"},
        {"account": ("account", 1)},
    )
    _say(out, f"created prospect {created.id}: {created['firstName']} {created['lastName']}")

    _heading(out, "2. Get it back with its account, the account's owner and the stage")
    assert created.id is not None
    prospect = await prospects.get(created.id, include=["account.owner", "stage"])
    account = prospect.related("account")
    owner = account.related("owner") if isinstance(account, Resource) else None
    stage = _name(prospect.related("stage"))
    _say(out, f"account: {_name(account)}, owned by {_name(owner)}; stage: {stage}")

    _heading(out, "3. Iterate over a filtered collection, following cursor links")
    shown = 0
    async for found in prospects.iterate(
        filter={"addressCountry": "Australia", "updatedAt": at_least("2021-06-01")},
        sort="-updatedAt",
        page_size=50,
    ):
        if shown < 3:
            _say(
                out,
                f"{found.id:>6}  {found['firstName']} {found['lastName']}  {found['updatedAt']}",
            )
        shown += 1
    _say(out, f"... {shown:,} Australian prospects updated since June 2021")

    _heading(out, "4. Run an action: mark an open task complete")
    tasks = await client.resource("task").list(filter={"state": "incomplete"}, page_size=1)
    open_task = tasks.items[0].id if tasks.items else None
    if open_task is not None:
        task = await client.resource("task").action(
            open_task, "markComplete", completionNote="Called back, all good"
        )
        _say(out, f"task {task.id} is now {task['state']!r}")

    _heading(out, "5. A validation error, as your code would see it")
    try:
        await client.resource("sequence").create({"description": "a sequence without a name"})
    except ValidationError as error:
        for line in str(error).splitlines():
            _say(out, line)


async def _rate_limit_moment(fake: FakeOutreach, client: OutreachClient, out: TextIO) -> None:
    _heading(out, "6. The rate limit is reached: the client waits on its own")
    fake.settings.rate_limit = RateLimitSettings(limit=40, window=3)
    before = fake.requests.by_status.get(429, 0)
    started = time.monotonic()
    accounts = client.resource("account")
    results = await asyncio.gather(*(accounts.get(1 + n % 20) for n in range(60)))
    rejected = fake.requests.by_status.get(429, 0) - before
    _say(
        out,
        f"{len(results)} reads on a budget of 40 per 3s: all succeeded in "
        f"{time.monotonic() - started:.1f}s; the server answered 429 {rejected} time(s), "
        f"budget now {client.rate_limit.remaining} of {client.rate_limit.limit}",
    )
    fake.settings.rate_limit = RateLimitSettings(limit=10_000, window=3600)


async def _token_expiry_moment(fake: FakeOutreach, out: TextIO) -> None:
    _heading(out, "7. OAuth: the access token expires under 50 concurrent requests")
    signed_in = fake.signed_in()
    store = MemoryTokenStore(signed_in)
    async with fake.client(auth=OAuth2Auth(fake.oauth_app(), store=store)) as client:
        accounts = client.resource("account")
        await accounts.get(1)
        fake.oauth.expire_access_tokens()
        results = await asyncio.gather(*(accounts.get(1 + n % 20) for n in range(50)))
    counts = fake.oauth.counts
    newest_saved = store.pair is not None and fake.oauth.live_refresh_tokens() == {
        store.pair.refresh_token
    }
    _say(
        out,
        f"{len(results)} reads all succeeded; the server refused the old token "
        f"{counts.unauthorized} time(s) and the client refreshed it {counts.refreshes} time(s)",
    )
    _say(out, f"the one live refresh token was saved before use: {'yes' if newest_saved else 'NO'}")


async def _export(fake: FakeOutreach, client: OutreachClient, out: TextIO) -> bool:
    _heading(out, "8. Export every prospect concurrently, with faults injected")
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "prospects.jsonl"
        progress = Progress(out)
        options = ExportOptions("prospect", concurrency=8, page_size=250)
        result = await export_collection(client, options, target, progress=progress)
        progress.finish()
        exported = await asyncio.to_thread(_ids_in, target)
    expected = sorted(fake.store.ids("prospect"))
    exact = exported == expected
    _say(out, summary(result))
    faults = dict(sorted(fake.requests.by_fault.items()))
    _say(out, f"server-side faults survived: {faults or 'none'}")
    _say(out, f"exported ids equal the server's ids: {'yes' if exact else 'NO'}")
    return exact


async def _course_mailer_moment(mailer: CourseMailerClient, out: TextIO) -> bool:
    _heading(out, "9. The course-mailer API on the same session: duplicate to a new start date")
    source = await mailer.emails.list(1)
    copy = await mailer.sequences.create()
    start = datetime(2013, 9, 2, 9, 0)
    await mailer.duplicate_emails(
        1, to=copy, date_conversion=DateConversion.NEW_START_DATE, new_start_date=start
    )
    copies = await mailer.emails.list(copy)
    _say(out, f"sequence 1's {len(source)} emails duplicated to new sequence {copy}:")
    for before, after in zip(source, copies, strict=False):
        _say(out, f"  {after.subject!s:<26} {_minute(before.date)} -> {_minute(after.date)}")
    first_before, first_after = source[0].date, copies[0].date
    kept = (
        len(copies) == len(source)
        and isinstance(first_before, datetime)
        and first_after == start
        and all(
            isinstance(b.date, datetime)
            and isinstance(a.date, datetime)
            and a.date - start == b.date - first_before
            for b, a in zip(source, copies, strict=True)
        )
    )
    _say(out, f"every copy kept its offset from the first email: {'yes' if kept else 'NO'}")
    return kept


def _minute(moment: object) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if isinstance(moment, datetime) else "(no date)"


def _ids_in(path: Path) -> list[int]:
    with path.open(encoding="utf-8") as handle:
        return sorted(json.loads(line)["id"] for line in handle)


def _name(resource: object) -> str:
    get = getattr(resource, "get", None)
    if get is None:
        return repr(resource)
    return str(get("name") or get("email") or get("firstName") or resource)


def _heading(out: TextIO, text: str) -> None:
    out.write(f"\n\x1b[1m{text}\x1b[0m\n" if out.isatty() else f"\n{text}\n")


def _say(out: TextIO, text: str) -> None:
    out.write(f"  {text}\n")
    out.flush()
