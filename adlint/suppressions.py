"""Inline suppressions: ``adlint-disable…`` comments, and the findings they remove.

One grammar in every format's comment syntax (``<!-- … -->`` in Markdown and
HTML, ``# …`` in YAML front matter)::

    adlint-disable-next-line AD301 AD302 -- reason
    adlint-disable-line AD301
    adlint-disable AD3            …  adlint-enable AD3
    adlint-disable-file AD201

Rules are named by code, prefix or name, separated by spaces or commas; no
rule means all rules. Unknown rules are reported as AD004; directives that
suppress nothing although a rule they name ran, as AD002 (when selected).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from adlint.diagnostics import Diagnostic, Edit, Fix
from adlint.posting import Posting

_DIRECTIVE = re.compile(r"^adlint-(?P<verb>[a-z-]+)(?P<rest>.*)$", re.S)
VERBS = ("disable-next-line", "disable-line", "disable", "enable", "disable-file")


@dataclass
class Directive:
    """A parsed suppression comment.

    ``codes`` is ``None`` for "all rules". ``line`` is the 1-based line of the
    comment; ``target`` the line range ``[first, last]`` it covers.
    """

    verb: str
    codes: frozenset[str] | None
    start: int
    end: int
    line: int
    first: int = 0
    last: int = 0
    used: set[str] = field(default_factory=set)
    selectors: tuple[str, ...] = ()


@dataclass
class DirectiveError:
    """A malformed directive: message and source span."""

    message: str
    start: int
    end: int


def parse(posting: Posting) -> tuple[list[Directive], list[DirectiveError]]:
    """Parse the posting's comments into directives, with line ranges resolved."""
    from adlint import registry

    directives: list[Directive] = []
    errors: list[DirectiveError] = []
    lines = posting.lines
    for c in posting.comments:
        m = _DIRECTIVE.match(c.text.strip())
        if not m:
            continue
        verb = m.group("verb")
        if verb not in VERBS:
            errors.append(DirectiveError(f"unknown directive 'adlint-{verb}' (use one of: "
                                         + ", ".join("adlint-" + v for v in VERBS) + ")", c.start, c.end))
            continue
        rest = m.group("rest").split("--", 1)[0]
        selectors = tuple(s for s in re.split(r"[\s,]+", rest.strip()) if s)
        codes: set[str] = set()
        bad = False
        for sel in selectors:
            try:
                codes |= registry.resolve(sel)
            except ValueError:
                errors.append(DirectiveError(f"unknown rule '{sel}' in adlint-{verb}", c.start, c.end))
                bad = True
        if bad and not codes:
            continue
        line, _ = posting.position(c.start)
        end_line, _ = posting.position(max(c.end - 1, c.start))
        d = Directive(verb, frozenset(codes) if selectors else None, c.start, c.end, line, selectors=selectors)
        if verb == "disable-next-line":
            nxt = end_line + 1
            while nxt <= lines.line_count and not lines.line_text(nxt).strip():
                nxt += 1
            d.first = d.last = nxt
        elif verb == "disable-line":
            d.first, d.last = line, end_line
        elif verb == "disable-file":
            d.first, d.last = 1, lines.line_count
        directives.append(d)
    # Pair disable … enable ranges.
    open_ranges: list[Directive] = []
    for d in directives:
        if d.verb == "disable":
            d.first, d.last = d.line, lines.line_count
            open_ranges.append(d)
        elif d.verb == "enable":
            for o in reversed(open_ranges):
                if d.codes is None or o.codes is None or (o.codes & d.codes):
                    o.last = d.line
                    open_ranges.remove(o)
                    break
    return [d for d in directives if d.verb != "enable"], errors


def removal_fix(source: str, start: int, end: int) -> Fix | None:
    """A safe fix deleting the directive comment at source ``[start, end)``, or ``None``.

    ``None`` when the span is empty or does not hold the comment as written
    (``<!-- … -->`` or ``# …``), such as a comment decoded from an escaped string.

    A comment alone on its line (only spaces or tabs around it) goes with its
    whole line, line ending included (``\\n``, ``\\r\\n`` or ``\\r``). A comment
    after other text on its line goes with the spaces before it, and the line
    ending stays. Otherwise only the comment is deleted.
    """
    if not 0 <= start < end <= len(source):
        return None
    text = source[start:end]
    if not ((text.startswith("<!--") and text.endswith("-->")) or (text.startswith("#") and "\n" not in text
                                                                   and "\r" not in text)):
        return None  # not the comment as written (inside an escaped string): leave it to a person
    line_start = max(source.rfind("\n", 0, start), source.rfind("\r", 0, start)) + 1
    line_end = end
    while line_end < len(source) and source[line_end] in " \t":
        line_end += 1
    before = source[line_start:start]
    at_eol = line_end == len(source) or source[line_end] in "\r\n"
    if at_eol and not before.strip(" \t"):
        if source.startswith("\r\n", line_end):
            line_end += 2
        elif line_end < len(source):
            line_end += 1
        a, b = line_start, line_end
    elif at_eol:
        a, b = line_start + len(before.rstrip(" \t")), line_end
    else:
        a, b = start, end
    return Fix((Edit(a, b, ""),), "remove the unused suppression comment", "safe")


def apply(posting: Posting, diagnostics: list[Diagnostic], enabled: frozenset[str],
          make: "callable") -> list[Diagnostic]:
    """Remove suppressed diagnostics; add AD004 (bad directive) and AD002 (unused) when enabled.

    ``enabled`` is the set of rule codes that ran. A directive counts as unused
    (AD002) when it suppressed nothing although it names all rules or at least
    one rule in ``enabled``.

    ``make(code, span, message)`` builds a diagnostic of a meta rule at a source span.
    Each AD002 carries a safe fix that deletes the directive (:func:`removal_fix`).
    """
    if not posting.comments:
        return diagnostics
    directives, errors = parse(posting)
    kept: list[Diagnostic] = []
    for diag in diagnostics:
        hit = None
        for d in directives:
            if d.first <= diag.line <= d.last and (d.codes is None or diag.code in d.codes):
                hit = d
                break
        if hit is None:
            kept.append(diag)
        else:
            hit.used.add(diag.code)
    if "AD004" in enabled:
        kept.extend(make("AD004", (e.start, e.end), e.message) for e in errors)
    if "AD002" in enabled:
        for d in directives:
            # A directive naming only rules that did not run cannot be judged: it may be needed
            # when they are enabled (another config, a per-file ignore lifted), so it is not reported.
            if not d.used and (d.codes is None or d.codes & enabled):
                what = " ".join(d.selectors) if d.selectors else "all rules"
                diag = make("AD002", (d.start, d.end), f"unused suppression: adlint-{d.verb} {what} suppresses nothing")
                diag.fix = removal_fix(posting.source, d.start, d.end)
                kept.append(diag)
    return kept
