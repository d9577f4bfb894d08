"""Bulk reading: a concurrent reader over id ranges, exports that resume where they stopped,
and incremental syncs that remember how far they got and find deleted records."""

from typing import TYPE_CHECKING

from .._lazy import lazy_exports

if TYPE_CHECKING:
    from ._sync_state import TypeState
    from .export import ExportOptions, ExportResult, export_collection
    from .partition import PartitionedReader, PartitionPage, PartitionStats
    from .state import FileStateStore, RedisStateStore, StateStore
    from .sync import DEFAULT_OVERLAP, SyncOptions, SyncResult, TypeSyncResult, sync_collections

_EXPORTS = {
    "TypeState": "._sync_state",
    "ExportOptions": ".export",
    "ExportResult": ".export",
    "export_collection": ".export",
    "PartitionPage": ".partition",
    "PartitionStats": ".partition",
    "PartitionedReader": ".partition",
    "FileStateStore": ".state",
    "RedisStateStore": ".state",
    "StateStore": ".state",
    "DEFAULT_OVERLAP": ".sync",
    "SyncOptions": ".sync",
    "SyncResult": ".sync",
    "TypeSyncResult": ".sync",
    "sync_collections": ".sync",
}

__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

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
