"""ANSI colours for terminal output, written by hand (no dependency on the hot path)."""

from __future__ import annotations

_CODES = {"bold": "1", "red": "31", "yellow": "33", "cyan": "36", "blue": "34", "dim": "2", "green": "32"}


def paint(text: str, style: str, color: bool) -> str:
    """``text`` wrapped in the ANSI code for ``style`` when ``color`` is true."""
    return f"\033[{_CODES[style]}m{text}\033[0m" if color else text
