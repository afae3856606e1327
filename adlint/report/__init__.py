"""Reporters: diagnostics to text. One module per output format; none knows any rule.

Every reporter is a function ``write(diagnostics, sources, out, color)`` where
``sources`` maps a path to its decoded text (for source excerpts) and ``out``
is a text stream.
"""

from __future__ import annotations

from typing import Callable, TextIO

from adlint.diagnostics import Diagnostic

Reporter = Callable[[list[Diagnostic], dict[str, str], TextIO, bool], None]


def get(name: str) -> Reporter:
    """The reporter for an output format name. Raises ``KeyError`` for unknown names."""
    if name == "full":
        from adlint.report.full import write
    elif name == "concise":
        from adlint.report.concise import write
    elif name == "json":
        from adlint.report.json import write
    elif name == "json-lines":
        from adlint.report.json import write_lines as write
    elif name == "github":
        from adlint.report.github import write
    elif name == "gitlab":
        from adlint.report.gitlab import write
    elif name == "sarif":
        from adlint.report.sarif import write
    elif name == "junit":
        from adlint.report.junit import write
    else:
        raise KeyError(name)
    return write
