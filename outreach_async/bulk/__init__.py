"""Bulk reading: a concurrent reader over id ranges, and exports that resume where they stopped."""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from .export import ExportOptions, ExportResult, export_collection
    from .partition import PartitionedReader, PartitionPage, PartitionStats

_EXPORTS = {
    "ExportOptions": ".export",
    "ExportResult": ".export",
    "export_collection": ".export",
    "PartitionPage": ".partition",
    "PartitionStats": ".partition",
    "PartitionedReader": ".partition",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

__all__ = [
    "ExportOptions",
    "ExportResult",
    "PartitionPage",
    "PartitionStats",
    "PartitionedReader",
    "export_collection",
]
