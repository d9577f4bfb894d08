"""Replace a file so that a crash at any moment leaves either the old content or the new.

The data goes to a temporary file beside the target (created exclusively, never through a
symlink), is fsynced, renamed over the target, and the directory is fsynced so the rename
itself survives a power cut. Token stores and export checkpoints both depend on it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

__all__ = ["replace_file"]

_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)


def replace_file(path: Path, data: bytes, *, mode: int | None = None) -> None:
    """Atomically make `data` the content of `path`; raise OSError if it cannot.

    `mode` fixes the permissions whatever the umask (0o600 for secrets); None leaves them
    to the umask. On failure the temporary file is removed and `path` is untouched.
    """
    directory = path.parent
    temporary = directory / f".{path.name}.{secrets.token_hex(6)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _CLOEXEC
    descriptor = os.open(temporary, flags, 0o666 if mode is None else mode)
    try:
        try:
            if mode is not None:
                os.fchmod(descriptor, mode)
            view = memoryview(data)
            while view:
                view = view[os.write(descriptor, view) :]
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    _fsync_directory(directory)


def _fsync_directory(directory: Path) -> None:
    """Make a rename durable; where a directory cannot be opened, the rename is as durable
    as that platform makes it."""
    try:
        descriptor = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)
