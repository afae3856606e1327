"""Which files to lint: explicit paths and directory walks, filtered by each path's config."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Iterator

from adlint.config import ConfigResolver, real_path


class PathNotFound(Exception):
    """A path given on the command line does not exist."""


def discover(paths: list[Path], resolver: ConfigResolver, force_exclude: bool = False) -> Iterator[Path]:
    """Yield the files to lint, in a stable order.

    A file named explicitly is always linted, unless ``force_exclude`` is set
    and its config excludes it (pre-commit names files one by one). Folders are
    walked; excluded folders are not entered and files must match ``include``
    (by default the posting extensions). Raises :class:`PathNotFound`.
    """
    seen: set[Path] = set()
    for path in paths:
        if not path.exists():
            raise PathNotFound(str(path))
        if path.is_file():
            if force_exclude and resolver.for_path(path).is_excluded(path):
                continue
            key = real_path(path)
            if key not in seen:
                seen.add(key)
                yield path
            continue
        for root, dirs, files in os.walk(path):
            base = Path(root)
            cfg = resolver.for_path(base)
            dirs[:] = sorted(d for d in dirs if not cfg.is_excluded(base / d))
            for name in sorted(files):
                f = base / name
                fcfg = resolver.for_path(f)
                if fcfg.is_included(f) and not fcfg.is_excluded(f):
                    key = real_path(f)
                    if key not in seen:
                        seen.add(key)
                        yield f
