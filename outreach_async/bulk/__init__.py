"""Bulk reading: a concurrent reader over id ranges, and exports that resume where they stopped."""

from .export import ExportOptions, ExportResult, export_collection
from .partition import PartitionedReader, PartitionPage, PartitionStats

__all__ = [
    "ExportOptions",
    "ExportResult",
    "PartitionPage",
    "PartitionStats",
    "PartitionedReader",
    "export_collection",
]
