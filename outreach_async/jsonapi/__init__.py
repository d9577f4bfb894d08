"""Generic JSON:API 1.0: documents and their resolver, queries, paginators, a resource manager.

Works against any JSON:API server over the HTTP core; nothing here is Outreach's own.
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from .document import (
        Document,
        Links,
        Relationship,
        Resource,
        ResourceIdentifier,
        parse_document,
    )
    from .pagination import Page, Paginator
    from .query import NOT_NULL, Query, Range, at_least, at_most, between
    from .resources import ResourceManager

_EXPORTS = {
    "Document": ".document",
    "Links": ".document",
    "Relationship": ".document",
    "Resource": ".document",
    "ResourceIdentifier": ".document",
    "parse_document": ".document",
    "Page": ".pagination",
    "Paginator": ".pagination",
    "NOT_NULL": ".query",
    "Query": ".query",
    "Range": ".query",
    "at_least": ".query",
    "at_most": ".query",
    "between": ".query",
    "ResourceManager": ".resources",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "NOT_NULL",
    "Document",
    "Links",
    "Page",
    "Paginator",
    "Query",
    "Range",
    "Relationship",
    "Resource",
    "ResourceIdentifier",
    "ResourceManager",
    "at_least",
    "at_most",
    "between",
    "parse_document",
]
