"""Bulk reading: a concurrent reader over id ranges, exports that resume where they stopped,
and incremental syncs that remember how far they got and find deleted records."""

from ._sync_state import TypeState
from .export import ExportOptions, ExportResult, export_collection
from .partition import PartitionedReader, PartitionPage, PartitionStats
from .state import FileStateStore, RedisStateStore, StateStore
from .sync import DEFAULT_OVERLAP, SyncOptions, SyncResult, TypeSyncResult, sync_collections

__all__ = [
    "DEFAULT_OVERLAP",
    "ExportOptions",
    "ExportResult",
    "FileStateStore",
    "PartitionPage",
    "PartitionStats",
    "PartitionedReader",
    "RedisStateStore",
    "StateStore",
    "SyncOptions",
    "SyncResult",
    "TypeState",
    "TypeSyncResult",
    "export_collection",
    "sync_collections",
]
