"""Every Python block in README.md and docs/ either runs against the fake server or says why not.

A block is one of:

- a *fragment*: the line before it is `<!-- fragment: REASON -->` (it needs a real OAuth
  app, a secret, a running web server, ...). It is not run, but it must compile;
- an *example*: its only line is `--8<-- "examples/NAME.py"`, which the site replaces with
  the file; `tests/test_examples.py` runs every example. Its fence reads
  ```{.python title="examples/NAME.py"}, which ruff's formatter leaves alone;
- a *program*: it calls `asyncio.run(`; it runs as written, with `OutreachClient` sent to a
  fake server (its token is the placeholder the docs use);
- a *snippet*: anything else. A page's snippets run in order in one namespace, as the body
  of an async function (top-level `await` works) in which `client` is an open
  `OutreachClient` of a fresh `FakeOutreach` (`server`), as `docs/getting-started.md` says.
"""

from __future__ import annotations

import ast
import asyncio
import importlib
import inspect
import re
from pathlib import Path
from typing import Any

import attrs
import pytest

import outreach_async
import outreach_async.coursemailer
from outreach_async import Auth, OutreachClient
from outreach_async.coursemailer import CourseMailerClient
from outreach_async.testing import FakeCourseMailer, FakeOutreach

ROOT = Path(__file__).resolve().parents[1]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
#: An opening fence, ```python or ```{.python title="..."}.
FENCE = re.compile(
    r"^(?P<indent>\s*)```\s*(?:\{\s*\.(?P<braced>[\w+-]+)[^}]*\}|(?P<plain>[\w+-]*)[^`]*)$"
)
MARKER = re.compile(r"^\s*<!-- fragment: (?P<reason>.*?) -->\s*$")
ANY_MARKER = re.compile(r"^\s*<!--\s*fragment")
INCLUDE = re.compile(r'^--8<-- "(?P<path>examples/[\w-]+\.py)"$')
PYTHON = {"python", "py", "python3", "pycon"}


@attrs.frozen
class Block:
    page: Path
    line: int
    code: str
    fragment: str | None

    @property
    def where(self) -> str:
        return f"{self.page.relative_to(ROOT)}:{self.line}"

    @property
    def kind(self) -> str:
        if self.fragment is not None:
            return "fragment"
        if INCLUDE.match(self.code.strip()):
            return "example"
        return "program" if "asyncio.run(" in self.code else "snippet"


def language(fence: re.Match[str]) -> str:
    return fence["braced"] or fence["plain"] or ""


def blocks_of(page: Path, problems: list[str] | None = None) -> list[Block]:
    """The page's Python blocks; a misplaced fragment marker goes to `problems`."""
    lines = page.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    index = 0
    while index < len(lines):
        fence = FENCE.match(lines[index])
        if fence is None:
            if ANY_MARKER.search(lines[index]):
                following = lines[index + 1] if index + 1 < len(lines) else ""
                opened = FENCE.match(following)
                placed = opened is not None and language(opened) in PYTHON
                if problems is not None and not (MARKER.match(lines[index]) and placed):
                    problems.append(
                        f"{page.relative_to(ROOT)}:{index + 1}: a fragment marker must read "
                        "`<!-- fragment: REASON -->` just before a ```python block"
                    )
            index += 1
            continue
        indent = len(fence["indent"])
        end = index + 1
        while end < len(lines) and lines[end].strip() != "```":
            end += 1
        body = "\n".join(line[indent:] for line in lines[index + 1 : end]) + "\n"
        if language(fence) in PYTHON:
            marker = MARKER.match(lines[index - 1]) if index > 0 else None
            found.append(Block(page, index + 1, body, marker["reason"] if marker else None))
        index = end + 1
    return found


ALL_BLOCKS = [block for page in PAGES for block in blocks_of(page)]
RUN_PAGES = sorted({b.page for b in ALL_BLOCKS if b.kind in ("program", "snippet")})


def compiled(block: Block) -> Any:
    """The block's code; tracebacks show the page and its line numbers."""
    source = "\n" * block.line + block.code
    return compile(source, str(block.page), "exec", flags=ast.PyCF_ALLOW_TOP_LEVEL_AWAIT)


def test_fragment_markers_stand_before_python_blocks() -> None:
    problems: list[str] = []
    for page in PAGES:
        blocks_of(page, problems)
    assert not problems, "\n".join(problems)


def test_the_pages_have_python_blocks_of_every_kind() -> None:
    kinds = {block.kind for block in ALL_BLOCKS}
    assert kinds == {"fragment", "example", "program", "snippet"}, kinds


@pytest.mark.parametrize("block", ALL_BLOCKS, ids=lambda block: block.where)
def test_every_block_compiles_and_says_what_it_is(block: Block) -> None:
    if block.kind == "example":
        match = INCLUDE.match(block.code.strip())
        assert match is not None
        assert (ROOT / match["path"]).is_file(), f"{block.where}: no {match['path']}"
        return
    if block.kind == "fragment":
        assert block.fragment, f"{block.where}: a fragment marker must give its reason"
    assert "--8<--" not in block.code, f"{block.where}: include an example on its own"
    compiled(block)


def redirected_client(server: FakeOutreach) -> type[OutreachClient]:
    """`OutreachClient` as the docs use it, sent to the fake server (same token rules)."""

    class Redirected(OutreachClient):
        def __init__(self, auth: str | Auth, **options: Any) -> None:
            options["base_url"] = server.api_url
            super().__init__(server.token if isinstance(auth, str) else auth, **options)

    return Redirected


def redirected_mailer(server: FakeCourseMailer) -> type[CourseMailerClient]:
    """`CourseMailerClient` as the docs use it, sent to the fake course mailer."""

    class Redirected(CourseMailerClient):
        def __init__(self, base_url: str, *args: Any, **options: Any) -> None:
            super().__init__(server.url, *args, **options)

    return Redirected


@pytest.mark.parametrize("page", RUN_PAGES, ids=lambda page: str(page.relative_to(ROOT)))
async def test_the_pages_blocks_run_against_the_fake_server(
    page: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with (
        FakeOutreach(seed=42) as server,
        FakeCourseMailer() as mailer,
        server.client() as client,
    ):
        monkeypatch.setattr(outreach_async, "OutreachClient", redirected_client(server))
        monkeypatch.setattr(
            outreach_async.coursemailer, "CourseMailerClient", redirected_mailer(mailer)
        )
        namespace: dict[str, Any] = {"__name__": "__docs__", "client": client, "server": server}
        for block in blocks_of(page):
            if block.kind == "program":
                # A program starts its own event loop, so it runs in a thread of its own.
                code = compiled(block)
                await asyncio.to_thread(exec, code, {"__name__": "__docs__"})
            elif block.kind == "snippet":
                code = compiled(block)
                result = eval(code, namespace)
                if code.co_flags & inspect.CO_COROUTINE:
                    await result


#: Modules whose `__all__` is public and documented, besides `outreach_async` itself.
PUBLIC_MODULES = [
    "outreach_async.models",
    "outreach_async.testing",
    "outreach_async.webhooks",
    "outreach_async.v1",
    "outreach_async.bulk",
    "outreach_async.coursemailer",
    "outreach_async.fastapi",
]
DIRECTIVE = re.compile(r"^::: (?P<target>[\w.]+)\s*$", re.MULTILINE)


def documented_objects() -> tuple[set[int], set[str]]:
    """Identities of the objects the reference renders, and the modules it renders whole."""
    objects: set[int] = set()
    modules: set[str] = set()
    for page in sorted((ROOT / "docs" / "reference").glob("*.md")):
        for target in DIRECTIVE.findall(page.read_text(encoding="utf-8")):
            if target in PUBLIC_MODULES:
                module = importlib.import_module(target)
                modules.add(target)
                objects.update(id(getattr(module, name)) for name in module.__all__)
            else:
                parent, _, name = target.rpartition(".")
                assert parent == "outreach_async", f"{page.name}: {target}: use its public name"
                objects.add(id(getattr(outreach_async, name)))
    return objects, modules


def test_every_public_name_is_in_the_api_reference() -> None:
    objects, modules = documented_objects()
    missing = [
        name
        for name in outreach_async.__all__
        if name != "__version__" and id(getattr(outreach_async, name)) not in objects
    ]
    assert not missing, f"add `::: outreach_async.NAME` to a page of docs/reference/: {missing}"
    assert modules == set(PUBLIC_MODULES), "render each public module whole in docs/reference/"
