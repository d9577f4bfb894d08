"""The OAuth2 authorization-code flow, then a client that refreshes and saves its tokens.

Runs against the OAuth endpoints of the embedded fake Outreach (`/oauth/authorize`,
`/oauth/token`); for a real app, build `OAuthApp(CLIENT_ID, CLIENT_SECRET, REDIRECT_URI)`
and receive the code in your redirect's handler instead.

    python examples/oauth_flow.py
"""

import asyncio
import secrets
import tempfile
from pathlib import Path

import aiohttp
from yarl import URL

from outreach_async import FileTokenStore, OAuth2Auth
from outreach_async.testing import FakeOutreach


async def main() -> None:
    async with FakeOutreach(seed=42) as server:
        # Like Outreach, the fake gives a user one new token a minute and answers
        # `429 Retry later` to more (the client waits it out); no waiting in this example.
        server.settings.oauth.min_refresh_interval = 0
        app = server.oauth_app()

        # 1. Send the user to the authorize page; keep `state` to check it on the way back.
        state = secrets.token_urlsafe(16)
        url = app.authorization_url(["prospects.all", "sequences.all"], state=state)

        # 2. The user consents and Outreach redirects to your redirect URI with a code.
        #    (The fake consents at once; a real redirect arrives in your web app.)
        async with aiohttp.ClientSession() as http, http.get(url, allow_redirects=False) as r:
            redirect = URL(r.headers["Location"])
        if redirect.query.get("state") != state:
            raise SystemExit("the state does not match: ignore this redirect")
        pair = await app.exchange_code(redirect.query["code"])
        hours = (pair.expires_at - pair.created_at) / 3600
        print(f"authorized; the access token lives {hours:.0f} hours")

        with tempfile.TemporaryDirectory() as folder:
            store = FileTokenStore(Path(folder) / "outreach-tokens.json")
            await store.save(pair)  # keep the pair before using it

            # 3. From then on (also in later runs) the store holds the newest pair.
            async with server.client(auth=OAuth2Auth(app, store=store)) as client:
                prospect = await client.prospects.get(1)
                print(f"read prospect {prospect.id} with the first access token")

                server.oauth.expire_access_tokens()  # as two hours passing would
                accounts = await asyncio.gather(*(client.accounts.get(n) for n in (1, 2, 3)))
                print(f"read {len(accounts)} accounts after the token expired")

            saved = await store.load()
            assert saved is not None
            print(f"refreshes: {server.oauth.counts.refreshes}")
            rotated = saved.refresh_token != pair.refresh_token
            print(f"the store holds the new refresh token: {rotated}")


asyncio.run(main())
