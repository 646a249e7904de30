"""Atomic file writes: a failed export never leaves a half-written or truncated file behind.

The data goes to a temporary file in the destination's own directory (so the final rename
stays on one filesystem), is flushed to disk, and then replaces the destination with
``os.replace`` — atomic on POSIX and Windows. If anything fails before the rename, the
temporary file is removed and whatever was at ``path`` before is left untouched.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def _default_mode() -> int:
    """The permission bits a plain ``open(path, "w")`` would give a new file (0o666 - umask)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def atomic_write_bytes(path: str | os.PathLike, data: bytes) -> Path:
    """Write ``data`` to ``path`` atomically and return the path.

    An existing file keeps its permission bits; a new one gets the usual ``0o666 - umask``
    (``mkstemp`` would otherwise leave it readable by its owner only).
    """
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"atomic_write_bytes needs bytes, not {type(data).__name__}")
    target = Path(path)
    directory = target.parent
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = _default_mode()
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, mode)
        os.replace(tmp_name, target)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except FileNotFoundError:
            pass
        raise
    return target


def atomic_write_text(path: str | os.PathLike, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` to ``path`` atomically, encoded as UTF-8 (no newline translation)."""
    if not isinstance(text, str):
        raise TypeError(f"atomic_write_text needs str, not {type(text).__name__}")
    return atomic_write_bytes(path, text.encode(encoding))
