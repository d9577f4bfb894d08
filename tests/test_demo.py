"""`make demo` keeps working: the tour runs, the export is exact, the duplicate is dated right."""

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
    assert "sequence 1's 5 emails duplicated to new sequence 4:" in text
    assert "Lesson 1: Welcome          2013-03-19 09:00 -> 2013-09-02 09:00" in text
    assert "Lesson 5: Quiz             2013-04-04 10:30 -> 2013-09-18 10:30" in text
    assert "every copy kept its offset from the first email: yes" in text
