"""Replacing a file atomically: a temporary file in the same folder, then :func:`os.replace`.

Readers never see a half-written file, and several processes may write the
same path at once (the last one wins). Used for fixed postings
(:func:`adlint.fixes.write_atomic`), result-cache entries and the rule-data
cache.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def replace_file(target: Path, data: bytes, *, prefix: str = "tmp", suffix: str = ".tmp", fsync: bool = False,
                 mode: int | None = None) -> None:
    """Write ``data`` to a temporary file beside ``target`` (named ``prefix…suffix``), then rename it over ``target``.

    ``fsync`` flushes the data to disk before the rename (for the user's own
    files; a cache need not pay for it); ``mode`` sets the permission bits.
    Raises ``OSError``; the temporary file is removed then, and ``target`` is
    untouched.
    """
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=suffix)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            if fsync:
                fh.flush()
                os.fsync(fh.fileno())
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
