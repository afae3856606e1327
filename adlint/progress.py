"""A progress bar on standard error for long runs on a terminal (tqdm), and the rule for when to show one.

Shown only when standard error is a terminal, the run lints at least
:data:`MIN_FILES` files, the output format is for people (``full`` or
``concise``), no ``CI`` variable is set and ``--no-progress`` is not given:
never in pipes, CI logs or machine formats. The bar is erased when the run
ends (``leave=False``), so the report below it is what stays.
"""

from __future__ import annotations

import os
import sys
from typing import Any

#: Fewer files finish before a bar would help.
MIN_FILES = 50
_HUMAN_FORMATS = frozenset([None, "full", "concise", "auto"])


class _Bar:
    """The part of tqdm adlint uses: one step per file, then close."""

    def __init__(self, total: int) -> None:
        from tqdm import tqdm

        self._bar = tqdm(total=total, unit="posting", file=sys.stderr, leave=False, dynamic_ncols=True,
                         desc="adlint")

    def update(self, _result: Any = None) -> None:
        """One more file done."""
        self._bar.update(1)

    def close(self) -> None:
        """Erase the bar."""
        self._bar.close()


def bar_for(total: int, *, disabled: bool, fmt: str | None) -> _Bar | None:
    """A bar for ``total`` files, or ``None`` when one should not be shown (see the module docstring)."""
    if disabled or total < MIN_FILES or fmt not in _HUMAN_FORMATS or os.environ.get("CI"):
        return None
    try:
        if not sys.stderr.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return _Bar(total)
