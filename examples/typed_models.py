"""Typed models: sparse fieldsets and ABSENT, included resources, custom fields, writes.

Run `python examples/typed_models.py`. It creates, changes and deletes a prospect, so on
Outreach it runs only when `OUTREACH_EXAMPLES_MAY_WRITE=1` is set too.
"""

import asyncio

from connect import outreach_client

from outreach_async import ABSENT, present
from outreach_async.models import Account, Prospect


async def main() -> None:
    async with outreach_client(writes=True) as client:
        account = await client.accounts.create(Account(name="Initech"))
        assert account.id is not None
        created = await client.prospects.create(
            Prospect(first_name="Ada", last_name="Lovelace", account=Account.ref(account.id))
        )
        assert created.id is not None
        print(f"created prospect {created.id} on account {account.id}")

        sparse = await client.prospects.get(
            created.id, include=["account"], fields=["first_name", "account"]
        )
        print(f"first name: {sparse.first_name}")
        print(f"last name left out by the fieldset: {sparse.last_name is ABSENT}")
        print(f"title, or a default: {present(sparse.title, 'no title')!r}")
        company = sparse.resolve(sparse.account)
        print(f"account from `included`: {company.name if company is not None else None}")

        changed = await client.prospects.update(
            created, Prospect(title="Analyst", extra={"custom1": "gold"})
        )
        print(f"title now {changed.title!r}, custom1 {changed.custom(1)!r}")

        try:
            await client.prospects.update(created, Prospect(created_at=changed.created_at))
        except ValueError as error:
            print(f"refused before sending: {error}")

        await client.prospects.delete(created)
        await client.accounts.delete(account)
        print("deleted both")


asyncio.run(main())
