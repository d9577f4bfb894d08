"""Reprs a person can read: short, only what is set, never a secret."""

from __future__ import annotations

from outreach_async import Resource
from outreach_async.bulk.partition import PartitionedReader
from outreach_async.models import Prospect, Webhook
from outreach_async.testing import FakeOutreach

LIMIT = 210


async def test_a_typed_prospect_shows_its_set_fields_in_a_line(fake_outreach: FakeOutreach) -> None:
    async with fake_outreach.client() as client:
        prospect = await client.prospects.get(1)
    text = repr(prospect)
    assert text.startswith("Prospect(id=1, ") and text.endswith(", ...)")
    assert len(text) <= LIMIT
    assert "ABSENT" not in text and "=None" not in text
    assert f"first_name={prospect.first_name!r}" in text or prospect.first_name is None


async def test_a_generic_resource_a_page_and_a_paginator_are_short(
    fake_outreach: FakeOutreach,
) -> None:
    async with fake_outreach.client() as client:
        resource = await client.resource("prospect").get(1, include=["account"])
        paginator = client.resource("prospect").iterate(filter={"firstName": "Sally"})
        page = await client.resource("prospect").list(page_size=50)
        typed_page = await client.prospects.list(page_size=50)
        reader = PartitionedReader(client.session, "prospects")
    assert isinstance(resource, Resource)
    text = repr(resource)
    assert text.startswith("Resource(type='prospect', id=1, ") and len(text) <= LIMIT
    assert repr(page) == "Page(items=<50 prospect>, next=True)"
    assert repr(typed_page) == "TypedPage(items=<50 prospect>, next=True)"
    assert repr(paginator) == (
        "Paginator(path='prospects', mode='cursor', query='filter[firstName]=Sally')"
    )
    assert repr(client.prospects.iterate()) == "TypedPaginator(path='prospects', mode='cursor')"
    assert repr(page.document).startswith("Document(data=<50 prospect>, next=True")
    assert repr(reader) == "PartitionedReader(path='prospects', concurrency=8, records=0)"
    for thing in (resource, page, page.document, typed_page, typed_page.items[0]):
        assert len(repr(thing)) <= LIMIT


def test_secrets_are_hidden_in_models_and_resources() -> None:
    webhook = Webhook(url="https://example.com/hook", secret="s3cr3t-value")
    resource = Resource("webhook", 1, {"url": "https://example.com/hook", "secret": "s3cr3t"})
    assert "s3cr3t" not in repr(webhook) and "secret=<hidden>" in repr(webhook)
    assert "s3cr3t" not in repr(resource) and "secret=<hidden>" in repr(resource)


def test_a_long_value_is_cut_short() -> None:
    prospect = Prospect(id=2, first_name="x" * 500)
    assert len(repr(prospect)) < 100
