"""Generic JSON:API 1.0: documents and their resolver, queries, paginators, a resource manager.

Works against any JSON:API server over the HTTP core; nothing here is Outreach's own. What
one server decides where JSON:API leaves the choice open is its `Dialect`.
"""

from .dialect import JSONAPI, Dialect, JsonApiDialect
from .document import (
    Document,
    Links,
    Relationship,
    Resource,
    ResourceIdentifier,
    parse_document,
)
from .filters import NOT_NULL, Range, at_least, at_most, between
from .pagination import Page, Paginator
from .query import Query
from .resources import ResourceManager

__all__ = [
    "JSONAPI",
    "NOT_NULL",
    "Dialect",
    "Document",
    "JsonApiDialect",
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
