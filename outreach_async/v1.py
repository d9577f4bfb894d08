"""The legacy API v1 sequence endpoints, for integrations not yet moved to v2.

- `GET /1.0/sequences?page[number]=N&page[size]=S` (S at most 50) lists the sequences the
  token's user can see, ordered by name, with `meta.page{current, entries, maximum}` and
  `meta.results.total`.
- `PATCH /1.0/sequences/{id}` with `data.relationships.prospects: [{data: {id}}, ...]` adds
  prospects to a sequence and returns a `batch`; at most 50 prospects per request.

    v1 = V1Sequences(client)
    sequences = await v1.all()                       # every page, by name
    batches = await v1.add_prospects(7, range(1, 121))  # three requests: 50, 50, 20

v1 lives on the API's origin under `/1.0` (not below the v2 base URL); requests go through
the client's session, with its auth, retries and rate limiting.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs

from .errors import TransportError
from .http.session import Session

if TYPE_CHECKING:
    from .client import OutreachClient

__all__ = ["V1_MAX_PAGE_SIZE", "V1_MAX_PROSPECTS", "V1Batch", "V1Page", "V1Sequence", "V1Sequences"]

V1_MAX_PAGE_SIZE = 50
#: Prospects added by one `PATCH /1.0/sequences/{id}`.
V1_MAX_PROSPECTS = 50


@attrs.frozen
class V1Sequence:
    """A v1 sequence: its id (a string in v1), name and every attribute sent."""

    id: str
    name: str | None
    attributes: Mapping[str, Any] = attrs.field(factory=dict)


@attrs.frozen
class V1Page:
    """One v1 page: `current` page number, `entries` per page, `maximum` page number."""

    sequences: list[V1Sequence]
    current: int
    entries: int
    maximum: int
    total: int | None


@attrs.frozen
class V1Batch:
    """The batch a v1 PATCH returned, and the prospects that request carried."""

    id: str
    prospect_ids: tuple[str, ...]
    created: str | None = None
    updated: str | None = None
    link: str | None = None


class V1Sequences:
    """`/1.0/sequences`: list by name, add prospects in chunks."""

    def __init__(self, client: OutreachClient | Session, *, base_url: str | None = None) -> None:
        self._session = client if isinstance(client, Session) else client.session
        origin = str(self._session.base_url.origin()).rstrip("/")
        self.base_url = (base_url or f"{origin}/1.0").rstrip("/")

    def __repr__(self) -> str:
        return f"V1Sequences(base_url={self.base_url!r})"

    async def page(self, number: int = 1, *, page_size: int = V1_MAX_PAGE_SIZE) -> V1Page:
        """One page of sequences, by name."""
        _check_page_size(page_size)
        if number < 1:
            raise ValueError("number: pages count from 1")
        response = await self._session.request(
            "GET",
            f"{self.base_url}/sequences",
            query=f"page[number]={number}&page[size]={page_size}",
        )
        return _page(response.json(), number, page_size, f"GET {response.url}")

    async def pages(self, *, page_size: int = V1_MAX_PAGE_SIZE) -> AsyncIterator[V1Page]:
        """Every page, in order, until `meta.page.maximum` (or an empty page)."""
        number = 1
        while True:
            page = await self.page(number, page_size=page_size)
            yield page
            number += 1
            if not page.sequences or number > page.maximum:
                return

    async def all(self, *, page_size: int = V1_MAX_PAGE_SIZE) -> list[V1Sequence]:
        """Every sequence, ordered by name."""
        return [
            sequence
            async for page in self.pages(page_size=page_size)
            for sequence in page.sequences
        ]

    async def add_prospects(
        self,
        sequence_id: int | str,
        prospect_ids: Iterable[int | str],
        *,
        chunk_size: int = V1_MAX_PROSPECTS,
    ) -> list[V1Batch]:
        """Add prospects to a sequence, at most `chunk_size` (<= 50) per request.

        Returns one batch per request, in order. Adding is additive on the server, so the
        session may repeat a PATCH that failed in transit.
        """
        if not 1 <= chunk_size <= V1_MAX_PROSPECTS:
            raise ValueError(f"chunk_size: expected 1 to {V1_MAX_PROSPECTS}, got {chunk_size}")
        text = str(sequence_id)
        if not text or not text.isalnum():
            raise ValueError(f"sequence_id: {sequence_id!r} is not a valid id")
        ids = list(dict.fromkeys(str(prospect_id) for prospect_id in prospect_ids))
        if not ids:
            raise ValueError("prospect_ids: give at least one prospect")
        batches = []
        for start in range(0, len(ids), chunk_size):
            chunk = tuple(ids[start : start + chunk_size])
            body = {
                "data": {"relationships": {"prospects": [{"data": {"id": item}} for item in chunk]}}
            }
            response = await self._session.request(
                "PATCH", f"{self.base_url}/sequences/{text}", body=body
            )
            batches.append(_batch(response.json(), chunk, f"PATCH {response.url}"))
        return batches


def _check_page_size(page_size: int) -> None:
    if not 1 <= page_size <= V1_MAX_PAGE_SIZE:
        raise ValueError(f"page_size: expected 1 to {V1_MAX_PAGE_SIZE}, got {page_size}")


def _int(value: Any, default: int) -> int:
    """A count from the server's meta; `default` for anything that is not one (`inf`, "x")."""
    try:
        return int(value)
    except (TypeError, ValueError, OverflowError):
        return default


def _object(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _page(payload: Any, number: int, page_size: int, where: str) -> V1Page:
    if not isinstance(payload, Mapping) or not isinstance(payload.get("data"), list):
        raise TransportError(f"{where}: expected a v1 collection with a `data` array")
    sequences = []
    for item in payload["data"]:
        item = _object(item)
        if item.get("id") is None:
            raise TransportError(f"{where}: a sequence without an id")
        attributes = dict(_object(item.get("attributes")))
        name = attributes.get("name")
        sequences.append(
            V1Sequence(str(item["id"]), name if isinstance(name, str) else None, attributes)
        )
    meta = _object(payload.get("meta"))
    page = _object(meta.get("page"))
    total = _object(meta.get("results")).get("total")
    current = _int(page.get("current"), number)
    return V1Page(
        sequences=sequences,
        current=current,
        entries=_int(page.get("entries"), page_size),
        maximum=_int(page.get("maximum"), current if len(sequences) < page_size else current + 1),
        total=_int(total, 0) if total is not None else None,
    )


def _batch(payload: Any, chunk: tuple[str, ...], where: str) -> V1Batch:
    data = _object(_object(payload).get("data"))
    if data.get("id") is None:
        raise TransportError(f"{where}: expected a batch in the response")
    attributes = _object(data.get("attributes"))
    link = _object(_object(payload).get("links")).get("self")
    return V1Batch(
        id=str(data["id"]),
        prospect_ids=chunk,
        created=attributes.get("created"),
        updated=attributes.get("updated"),
        link=link if isinstance(link, str) else None,
    )
