"""AD0xx: adlint itself: unreadable files, parse errors, directives, empty files.

These rules report what readers and the suppression pass recorded; they do
no parsing of their own.
"""

from __future__ import annotations

from typing import Iterable

from adlint.diagnostics import Diagnostic, Severity
from adlint.posting import Posting
from adlint.rule import NoOptions, Rule


class _ProblemRule(Rule):
    """Reports the reader problems of one kind."""

    kinds: tuple[str, ...] = ()

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        for p in posting.problems:
            if p.kind in self.kinds:
                yield self.at_line(posting, p.line, p.col, p.message, p.end_line, p.end_col)


class UnreadableFile(_ProblemRule):
    """AD001: the file cannot be read as text (undecodable, binary, too large, I/O error)."""

    code = "AD001"
    name = "unreadable-file"
    severity = Severity.ERROR
    needs_content = False
    kinds = ("unreadable", "too-large")
    summary = "The file cannot be read as text, so nothing else in it was checked."
    why = ("A posting that is not valid UTF-8 (or UTF-16 with a byte-order mark) shows as mojibake on a job "
           "board, and no other rule can check it. The message gives the line and column of the first bad byte.")
    source = "Unicode Standard, UTF-8 (RFC 3629); adlint design"
    example_format = "text"
    example_fires = "Caf\udce9 manager"  # replaced by bytes in tests: a lone Latin-1 byte
    example_passes = "Café manager\n"


class UnusedSuppression(Rule):
    """AD002: an inline suppression that suppressed nothing (reported by the linter's suppression pass)."""

    code = "AD002"
    name = "unused-suppression"
    severity = Severity.INFO
    fixable = "safe"
    default_enabled = False
    needs_content = False
    summary = "An adlint-disable comment suppresses nothing."
    why = ("Suppressions outlive the findings they were written for; a stale one hides the next real finding "
           "of that rule. Off by default; add it with `extend-select = [\"AD002\"]` to clean them up. A "
           "suppression is judged only when a rule it names ran (or it names no rule, meaning all rules): one "
           "for a rule that is not enabled may be needed under another configuration and is left alone.")
    source = "ruff RUF100 (unused noqa) convention; adlint design"
    example_fires = "<!-- adlint-disable-next-line -->\n## Responsibilities\n\n- Build APIs for hiring teams\n"
    example_passes = "<!-- adlint-disable-next-line AD104 -->\n## Responsibilities\n\n"

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        return ()  # produced by adlint.suppressions


class ParseError(_ProblemRule):
    """AD003: front matter, JSON or YAML that does not parse, or has the wrong shape."""

    code = "AD003"
    name = "parse-error"
    severity = Severity.ERROR
    needs_content = False
    kinds = ("parse",)
    summary = "Front matter, JSON-LD or YAML does not parse, or is not the shape a posting needs."
    why = ("Broken metadata is silently dropped by job boards and search engines, and adlint cannot check what "
           "it cannot read. The message gives the parser's own reason and position.")
    source = "YAML 1.2; ECMA-404 JSON; schema.org JobPosting; adlint design"
    example_fires = "---\ntitle: [unclosed\n---\n\n## Responsibilities\n"
    example_passes = "---\ntitle: Data engineer\n---\n\n## Responsibilities\n"


class InvalidDirective(Rule):
    """AD004: an adlint comment directive that names no known rule or has an unknown verb."""

    code = "AD004"
    name = "invalid-directive"
    severity = Severity.WARNING
    needs_content = False
    summary = "An adlint-disable comment is malformed or names an unknown rule."
    why = ("A misspelt code in a suppression suppresses nothing and fails silently; reporting it keeps "
           "suppressions honest.")
    source = "adlint design (ruff reports invalid noqa codes the same way)"
    example_fires = "<!-- adlint-disable-next-line AD999 -->\n# Data engineer\n"
    example_passes = "<!-- adlint-disable-next-line AD101 -->\n# Data engineer\n"

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        return ()  # produced by adlint.suppressions


class EmptyPosting(_ProblemRule):
    """AD005: the file holds no text at all."""

    code = "AD005"
    name = "empty-posting"
    severity = Severity.WARNING
    needs_content = False  # the linter runs no content rule on an empty file; this one must still run
    kinds = ("empty",)
    summary = "The file is empty or holds only white space."
    why = "An empty posting file is usually a template or a failed export; no other rule is run on it."
    source = "adlint design"
    example_format = "text"
    example_fires = "\n  \n"
    example_passes = "Data engineer\n"
