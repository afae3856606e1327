"""The rule interface: one rule = one class with its code, documentation and ``check``.

A rule subclasses :class:`Rule`, sets the class attributes that document it,
and implements :meth:`Rule.check`. Putting the class in a module under
``adlint/checks/`` is all it takes to register it (:mod:`adlint.registry`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Iterable

from pydantic import BaseModel, ConfigDict

from adlint.diagnostics import Diagnostic, Fix, Severity

if TYPE_CHECKING:
    from adlint.posting import Posting


class RuleOptions(BaseModel):
    """Base of every rule's options model: unknown keys are errors.

    ``defer_build`` keeps start-up cheap: a model's validator is built only
    when a user actually sets one of its options (``adlint.config`` uses
    ``model_construct`` for defaults).
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)


class NoOptions(RuleOptions):
    """Options model of a rule that takes none."""


class Rule:
    """Base class of every rule.

    Class attributes (all required unless a default is shown):
        code: ``AD`` + three digits; the hundreds digit is the family.
        name: kebab-case name, accepted wherever codes are.
        severity: default :class:`Severity`.
        summary: one line: what the rule reports.
        why: the rationale, a short paragraph.
        source: the paper, law, specification or data set the rule rests on.
        example_fires: a posting (in ``example_format``) on which the rule fires.
        example_passes: a near miss on which it must not fire.
        example_format: ``"markdown"`` (default), ``"text"``, ``"html"``, ``"jsonld"``.
        default_enabled: whether the rule runs without being selected (default True).
        needs_content: False for rules that also run on unreadable files (AD0xx).
        fixable: ``None``, ``"safe"`` or ``"unsafe"``: the kind of fix the rule offers.
        Options: a pydantic model of the rule's options (``[rules.<code>]`` keys).
    """

    code: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity] = Severity.WARNING
    summary: ClassVar[str]
    why: ClassVar[str]
    source: ClassVar[str]
    example_fires: ClassVar[str]
    example_passes: ClassVar[str]
    example_format: ClassVar[str] = "markdown"
    default_enabled: ClassVar[bool] = True
    needs_content: ClassVar[bool] = True
    fixable: ClassVar[str | None] = None
    Options: ClassVar[type[BaseModel]] = NoOptions

    def check(self, posting: "Posting", options: BaseModel) -> Iterable[Diagnostic]:
        """Yield the rule's findings on ``posting``. Must not raise on any posting."""
        raise NotImplementedError

    # -- helpers for subclasses ------------------------------------------
    def at(
        self,
        posting: "Posting",
        span: tuple[int, int] | None,
        message: str,
        *,
        severity: Severity | None = None,
        fix: Fix | None = None,
        suggestion: str | None = None,
        related: "Iterable[tuple[tuple[int, int], str]]" = (),
    ) -> Diagnostic:
        """A diagnostic of this rule at source ``span`` (``None``: the start of the file).

        ``related`` gives ``(span, message)`` pairs of the places that support it.
        """
        from adlint.diagnostics import Related

        start, end = span if span is not None else (0, 0)
        line, col = posting.position(start)
        end_line, end_col = posting.position(max(end, start))
        rel = []
        for (a, b), msg in related:
            la, ca = posting.position(a)
            lb, cb = posting.position(max(a, b))
            rel.append(Related(msg, la, ca, lb, cb, a, b))
        return Diagnostic(
            code=self.code, name=self.name, severity=severity or self.severity, message=message,
            line=line, col=col, end_line=end_line, end_col=end_col, start=start, end=end,
            path=posting.path, fix=fix, suggestion=suggestion, related=tuple(rel),
        )

    def at_line(self, posting: "Posting", line: int, col: int, message: str,
                end_line: int | None = None, end_col: int | None = None) -> Diagnostic:
        """A diagnostic at an explicit 1-based position (for problems found before decoding)."""
        return Diagnostic(
            code=self.code, name=self.name, severity=self.severity, message=message,
            line=line, col=col, end_line=end_line or line, end_col=end_col or col, path=posting.path,
        )
