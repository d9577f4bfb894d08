"""`make demo` keeps working: the tour runs and the export is exact."""

from __future__ import annotations

import io

from outreach_async._demo import run_demo


async def test_demo_runs_and_exports_exactly() -> None:
    out = io.StringIO()
    assert await run_demo(out, prospects=600) == 0
    text = out.getvalue()
    assert "Name can't be blank. (at /data/attributes/name)" in text
    assert "60 reads on a budget of 40 per 3s: all succeeded" in text
    assert "client refreshed it 1 time(s)" in text
    assert "the one live refresh token was saved before use: yes" in text
    assert "exported ids equal the server's ids: yes" in text
    assert "\r" not in text and "\x1b" not in text, "control characters off a terminal"
