"""Generic JSON:API 1.0: documents and their resolver, queries, paginators, a resource manager.

Works against any JSON:API server over the HTTP core; nothing here is Outreach's own.
"""

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
