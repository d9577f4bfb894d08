"""Settings for the programs this package ships, never made by the library itself.

An export decodes millions of short-lived objects that reference counting frees; the cycle
collector walking them, and walking everything loaded before, costs a third of the CPU. And
glibc's allocator raises its mmap threshold to the largest block freed so far, so after the
first multi-megabyte response body every later one is carved from the heap, which then
cannot shrink: peak memory grows by a third. A program (the `outreach-async` commands, the
fake server's own process) may collect less often, leave what start-up loaded alone, and
keep the threshold fixed; a library imported into someone's program may not, so only entry
points call this.
"""

from __future__ import annotations

import ctypes
import gc
import platform
import sys

__all__ = ["tune_process"]

#: glibc's `mallopt` parameter for the size from which blocks get their own mapping.
_M_MMAP_THRESHOLD = -3
#: Response bodies and joined chunks are larger: they are mapped, and unmapped when freed.
_MMAP_THRESHOLD = 256 * 1024


def tune_process() -> None:
    """Freeze what is loaded out of the collector, collect young objects less often, and
    (on glibc) give large blocks back to the system when they are freed."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)
    _fix_mmap_threshold()


def _fix_mmap_threshold() -> None:
    if not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc":
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):  # pragma: no cover - a glibc without it
        return
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD)
