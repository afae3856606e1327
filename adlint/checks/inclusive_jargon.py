"""AD312, AD315–AD317: jargon titles, hollow perks, loaded technical terms, condescending filler.

Data: ``rules/inclusive/jargon_titles.*``, ``hollow_perks.*``,
``tech_terms.*``, ``condescending.*``.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from adlint.checks.inclusive_base import Run, Scan, TermOptions, TermRule
from adlint.diagnostics import Severity
from adlint.terms import Match


class JargonJobTitle(TermRule):
    """AD312: rockstar, ninja, guru and similar titles."""

    code = "AD312"
    name = "jargon-job-title"
    severity = Severity.WARNING
    fixable = "unsafe"
    summary = "A jargon job title (rockstar, ninja, guru, wizard, unicorn, superstar, hero) stands in for the role."
    why = ("Such titles say nothing about the work or the level, read as a cliché, and appeal to a narrow, mostly "
           "young and male, self-image. Name the role and the level instead. Product and company names "
           "(Rockstar Games, setup wizard, hero image) are not reported.")
    source = "joblint lib/rules.js, 'Use of dumb job titles'"
    example_fires = "---\nlanguage: en\n---\n\n## The role\n\nWe are looking for a JavaScript ninja.\n"
    example_passes = "---\nlanguage: en\n---\n\n## The role\n\nWe are looking for a senior JavaScript developer.\n"
    default_lead = "'{t}' is a jargon job title"


class HollowPerksOptions(TermOptions):
    """Options of AD315."""

    benefits_only: bool = Field(
        True, description="report perks in the benefits section only (without one: in list items only)")


class HollowPerks(TermRule):
    """AD315: beer, ping-pong, pizza and the like offered as benefits."""

    code = "AD315"
    name = "hollow-perks"
    severity = Severity.INFO
    summary = "The posting offers hollow perks (beer, ping-pong, foosball, pizza) as benefits."
    why = ("joblint's 'hollow benefits' rule: such perks suit some people, often mask thin benefits, and say "
           "nothing about pay, leave or flexibility, which are what applicants weigh. Only perks offered as "
           "benefits are reported: in the benefits section, or in list items when there is none (a pizza "
           "company may talk about pizza).")
    source = "joblint lib/rules.js, 'Mention of hollow benefits'"
    example_fires = "---\nlanguage: en\n---\n\n## Benefits\n\n- Free beer on Fridays and a foosball table.\n"
    example_passes = "---\nlanguage: en\n---\n\n## Benefits\n\n- 30 days of leave and a learning budget.\n"
    Options = HollowPerksOptions
    default_lead = "'{t}' is a hollow perk"

    def accept(self, sc: Scan, run: Run, m: Match, options: BaseModel) -> bool:
        assert isinstance(options, HollowPerksOptions)
        if not options.benefits_only:
            return True
        if sc.has_section("benefits"):
            return run.section is not None and run.section.id == "benefits"
        return run.block is not None and run.block.is_item  # a perk list without a benefits heading


class LoadedTechTerms(TermRule):
    """AD316: master/slave and blacklist/whitelist."""

    code = "AD316"
    name = "tech-terms-with-connotations"
    severity = Severity.INFO
    fixable = "unsafe"
    summary = "A technical term with racial connotations (master/slave, blacklist, whitelist) has a plain alternative."
    why = ("These metaphors are common in engineering postings and have plain replacements that many projects "
           "and standards bodies now use (primary/replica, denylist/allowlist).")
    source = "retext-equality data/en/race.yml; IETF draft-knodel-terminology"
    example_fires = "---\nlanguage: en\n---\n\n## Requirements\n\n- Set up master/slave replication and IP whitelists.\n"
    example_passes = "---\nlanguage: en\n---\n\n## Requirements\n\n- Set up primary/replica replication and IP allowlists.\n"
    default_lead = "'{t}' has racial connotations"


class CondescendingOptions(TermOptions):
    """Options of AD317."""

    sections: list[str] = Field(default=["requirements", "nice_to_have", "responsibilities"],
                                description="section ids whose list items are checked")


class CondescendingFiller(TermRule):
    """AD317: just, simply, obviously inside requirement items (off by default)."""

    code = "AD317"
    name = "condescending-filler"
    severity = Severity.INFO
    default_enabled = False
    summary = "A requirement item uses condescending filler (just, simply, obviously, easy, of course)."
    why = ("Telling readers a skill is simple or obvious makes those who find it hard feel unwelcome and adds "
           "nothing to the requirement. Off by default: it is a matter of style.")
    source = "retext-equality data/en/condescending.yml"
    example_fires = "---\nlanguage: en\n---\n\n## Requirements\n\n- You simply know Kubernetes inside out.\n"
    example_passes = "---\nlanguage: en\n---\n\n## Requirements\n\n- You know Kubernetes well.\n"
    Options = CondescendingOptions
    kinds = ("block",)
    default_lead = "'{t}' talks down to the reader"

    def accept(self, sc: Scan, run: Run, m: Match, options: BaseModel) -> bool:
        assert isinstance(options, CondescendingOptions)
        return (run.block is not None and run.block.is_item and run.section is not None
                and run.section.id in options.sections)
