"""Quickstart: a page of prospects with their accounts, a filtered iteration, a 404.

Run `python examples/quickstart.py`: it uses the embedded fake server unless
`OUTREACH_ACCESS_TOKEN` is set, and then only reads.
"""

import asyncio

from connect import outreach_client

from outreach_async import NotFound, at_least


async def main() -> None:
    async with outreach_client() as client:
        page = await client.prospects.list(page_size=3, include=["account"], sort="id")
        for prospect in page:
            account = prospect.resolve(prospect.account)
            company = account.name if account is not None else "no account"
            print(f"prospect {prospect.id}: {prospect.first_name} {prospect.last_name} ({company})")

        recent = 0
        async for _prospect in client.prospects.iterate(
            filter={"updated_at": at_least("2024-01-01")}, page_size=50
        ):
            recent += 1
        print(f"{recent} prospects updated since 2024-01-01")

        try:
            await client.prospects.get(999_999_999)
        except NotFound as error:
            print(f"not found: {error.status} {error.errors[0].title}")


asyncio.run(main())
