"""AD1xx: required sections and structure.

Sections and their canonical ids come from the Posting (``adlint.sections``,
data in ``rules/sections.yaml``); these rules only judge them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Iterable

from pydantic import ConfigDict, Field, field_validator

from adlint.diagnostics import Diagnostic, Severity
from adlint.posting import Posting, Section
from adlint.rule import NoOptions, Rule, RuleOptions

if TYPE_CHECKING:
    from adlint.ruledata import SectionDef

_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _known_sections(ids: list[str]) -> list[str]:
    """Validate option values that name canonical section ids (``rules/sections.yaml``).

    Returns ``ids`` unchanged; raises ``ValueError`` naming the unknown ids and the allowed ones.
    """
    from adlint import ruledata

    known = ruledata.sections().ids
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise ValueError(f"unknown section id {', '.join(repr(u) for u in unknown)}; "
                         f"known section ids: {', '.join(known)}")
    return ids


def _is_parent(sections: list[Section], i: int) -> bool:
    """True when section ``i`` is followed by its sub-sections (deeper, or inheriting its id)."""
    if i + 1 >= len(sections):
        return False
    nxt = sections[i + 1]
    return nxt.level > sections[i].level or (nxt.inherited and nxt.id == sections[i].id)


class MissingSectionOptions(RuleOptions):
    """Options of AD101."""

    model_config = ConfigDict(extra="forbid")
    required: list[str] = Field(
        default=["responsibilities", "requirements", "benefits", "location_and_work_model", "how_to_apply"],
        description="canonical section ids that every posting must have",
    )
    error_sections: list[str] = Field(
        default=["responsibilities", "requirements"],
        description="required sections whose absence is an error rather than a warning",
    )

    @field_validator("required", "error_sections")
    @classmethod
    def _ids(cls, value: list[str]) -> list[str]:
        return _known_sections(value)


class MissingRequiredSection(Rule):
    """AD101: a required canonical section is missing."""

    code = "AD101"
    name = "missing-required-section"
    severity = Severity.WARNING
    summary = "A required section (responsibilities, requirements, benefits, location, how to apply) is missing."
    why = ("Applicants decide from what the job involves, what it requires, what it offers, where it is and how "
           "to apply. Google asks for a description that covers responsibilities, qualifications and skills, and "
           "several pay-transparency laws require a description of benefits. Location is also satisfied by "
           "`location` or `remote` metadata, and how-to-apply by an e-mail address or an apply phrase in the text.")
    source = "Google Search Central, job posting structured data (description); schema.org JobPosting"
    example_fires = "# Data engineer\n\n## Requirements\n\n- SQL\n"
    example_passes = ("---\nlocation: Lyon\n---\n\n## Missions\n\n- Build the data platform\n\n## Profil recherché\n\n"
                      "- SQL\n\n## Avantages\n\n- Remote days\n\n## Candidater\n\nWrite to jobs@example.org\n")
    Options = MissingSectionOptions

    def check(self, posting: Posting, options: MissingSectionOptions) -> Iterable[Diagnostic]:
        from adlint import ruledata

        present = {s.id for s in posting.sections if s.id}
        missing = [sid for sid in options.required if sid not in present and not self._satisfied(posting, sid)]
        if not missing:
            return
        tax = {s.id: s for s in ruledata.sections().sections}
        if not any(s.heading for s in posting.sections):
            sev = Severity.ERROR if set(missing) & set(options.error_sections) else self.severity
            yield self.at(posting, None, "no section headings found; expected sections: " + ", ".join(missing),
                          severity=sev)
            return
        for sid in missing:
            d = tax.get(sid)
            examples = ", ".join(f"'{h}'" for h in self._example_headings(posting, d)) if d else ""
            sev = Severity.ERROR if sid in options.error_sections else self.severity
            msg = f"missing required section '{sid}'"
            if examples:
                msg += f" (a heading such as {examples})"
            yield self.at(posting, None, msg, severity=sev)

    @staticmethod
    def _example_headings(posting: Posting, d: "SectionDef") -> list[str]:
        """Headings to suggest: two in the posting's declared language, else one per language."""
        lang = str(posting.meta("language") or "").split("-")[0].lower()
        if lang in ("en", "fr", "de", "es") and getattr(d.headings, lang):
            return getattr(d.headings, lang)[:2]
        return [h for lg in ("en", "fr", "de", "es") for h in getattr(d.headings, lg)[:1]]

    @staticmethod
    def _satisfied(posting: Posting, sid: str) -> bool:
        """Content that stands in for a heading: metadata or body markers."""
        if sid == "location_and_work_model":
            return any(posting.meta(k) not in (None, "") for k in ("location", "remote", "region")) or bool(
                posting.jsonld and posting.jsonld.get("jobLocation"))
        if sid == "how_to_apply":
            from adlint import ruledata

            markers = next((s.markers.all() for s in ruledata.sections().sections if s.id == sid), [])
            for _, block in posting.blocks():
                low = block.text.lower()
                if _EMAIL.search(block.text) or any(m in low for m in markers):
                    return True
        return False


class DuplicateSection(Rule):
    """AD103: the same canonical section appears twice."""

    code = "AD103"
    name = "duplicate-section"
    severity = Severity.WARNING
    summary = "The same section (for example two requirements blocks) appears twice."
    why = ("Two blocks of the same kind make the posting ambiguous: which list of requirements is the real one? "
           "They also break counting rules such as the must-have count. Sub-headings directly under a heading of "
           "the same kind are not duplicates.")
    source = "adlint design"
    example_fires = "## Requirements\n\n- SQL\n\n## Benefits\n\n- Remote\n\n## Requirements\n\n- Python\n"
    example_passes = "## Requirements\n\n- SQL\n\n## Benefits\n\n- Remote\n"

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        seen: dict[tuple[str, int], Section] = {}  # first heading of each (id, level)
        prev: Section | None = None
        for s in posting.sections:
            if s.heading is None or s.id is None or s.inherited:
                prev = s if s.heading else prev
                continue
            first = seen.get((s.id, s.level))
            if first is None:
                seen[(s.id, s.level)] = s
            elif prev is not None and prev.id != s.id:
                line, _ = posting.position(first.heading.span()[0])  # type: ignore[union-attr]
                yield self.at(posting, s.heading.span(),
                              f"section '{s.id}' already appears at line {line} ('{first.title}'); merge them")
            prev = s


class EmptySectionOptions(RuleOptions):
    """Options of AD104."""

    model_config = ConfigDict(extra="forbid")
    min_words: int = Field(1, ge=0, description="a section with fewer words (and no list item) is reported; "
                           "raise it to also report near-empty sections")


class EmptySection(Rule):
    """AD104: a heading with nothing (or almost nothing) under it."""

    code = "AD104"
    name = "empty-section"
    severity = Severity.WARNING
    summary = "A section heading has nothing under it: no list item and fewer than `min_words` words (default 1)."
    why = "An empty block is usually a template left unfilled, and it promises content the posting does not give."
    source = "adlint design"
    example_fires = "## Benefits\n\n## How to apply\n\nSend your CV to jobs@example.org.\n"
    example_passes = "## Benefits\n\n- Four-day week\n\n## How to apply\n\nSend your CV to jobs@example.org.\n"
    Options = EmptySectionOptions

    def check(self, posting: Posting, options: EmptySectionOptions) -> Iterable[Diagnostic]:
        secs = posting.sections
        for i, s in enumerate(secs):
            if s.heading is None or s.items or _is_parent(secs, i):
                continue
            words = s.word_count()
            if words < options.min_words:
                what = "is empty" if words == 0 else f"has only {words} word{'s' if words != 1 else ''} under it"
                yield self.at(posting, s.heading.span(), f"section '{s.title}' {what}")


class UnstructuredOptions(RuleOptions):
    """Options of AD105."""

    model_config = ConfigDict(extra="forbid")
    max_words: int = Field(80, ge=1, description="paragraph words allowed before a list is expected")
    sections: list[str] = Field(default=["responsibilities", "requirements"], description="section ids checked")

    @field_validator("sections")
    @classmethod
    def _ids(cls, value: list[str]) -> list[str]:
        return _known_sections(value)


class UnstructuredSection(Rule):
    """AD105: responsibilities or requirements written as a long paragraph instead of a list."""

    code = "AD105"
    name = "unstructured-list-section"
    severity = Severity.INFO
    summary = "Responsibilities or requirements are a long paragraph rather than a list."
    why = ("Readers scan a posting; a list lets them check each duty or requirement against themselves. Google's "
           "job renderer keeps list markup, and a list is what the requirement rules can count.")
    source = "Google Search Central, job posting structured data (description formatting)"
    example_fires = "## Requirements\n\n" + ("You have solid experience with SQL and Python and you enjoy working "
                                             "with analysts. " * 6) + "\n"
    example_passes = "## Requirements\n\n- Solid experience with SQL\n- Python for data pipelines\n"
    Options = UnstructuredOptions

    def check(self, posting: Posting, options: UnstructuredOptions) -> Iterable[Diagnostic]:
        for s in posting.sections:
            if s.heading is None or s.id not in options.sections or s.items:
                continue
            words = s.word_count()
            if words > options.max_words:
                yield self.at(posting, s.heading.span(),
                              f"section '{s.title}' is a {words}-word paragraph; write it as a list")
