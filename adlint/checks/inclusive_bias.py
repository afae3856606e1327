"""AD306–AD311, AD313, AD314: age, disability, origin, culture fit, appearance and family status.

Each rule reports the entries of its packs (``rules/inclusive/age.*``,
``ableist.*``, ``physical.*``, ``native_speaker.*``, ``citizenship.*``,
``culture_fit.*``, ``appearance.*``, ``family_status.*``); matching is one
shared pass per posting (:mod:`adlint.checks.inclusive_base`), and words in
equal-opportunity statements are never reported.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from adlint.checks.inclusive_base import Run, Scan, TermOptions, TermRule
from adlint.diagnostics import Severity
from adlint.terms import Match


class AgeBiasedLanguage(TermRule):
    """AD306: age-coded wording; an explicit age limit is an error."""

    code = "AD306"
    name = "age-biased-language"
    severity = Severity.WARNING
    summary = ("Wording that prefers younger applicants (young, digital native, recent graduate, junges Team, "
               "jeune et dynamique); an explicit age range or upper limit is an error.")
    why = ("US 29 CFR 1625.4 names 'young', 'college student', 'recent college graduate', 'boy', 'girl' and "
           "'age 25 to 35' as terms that deter older applicants. France bans upper age limits in offers "
           "(L5331-2); the German Federal Labour Court read 'junges, dynamisches Team' as an indication of age "
           "discrimination (8 AZR 406/14); Spain fines age limits under LISOS 16.2. UK research found young-coded "
           "words lowered older applicants' expected fit.")
    source = ("29 CFR 1625.4; Code du travail L5331-2; BAG 8 AZR 406/14; LISOS art. 16.2; "
              "Centre for Ageing Better & BIT (2021), Ads for all ages")
    example_fires = "---\nlanguage: en\n---\n\n## About you\n\n- You are a digital native, aged 25 to 35.\n"
    example_passes = ("---\nlanguage: en\n---\n\n## About you\n\n- You are confident with Figma and Notion.\n"
                      "- Our product helps young people find apprenticeships.\n")
    leads = {
        "age-limit": "'{t}' is an explicit age limit",
        "age-coded": "'{t}' signals a preference for younger applicants",
    }


class AbleistLanguage(TermRule):
    """AD307: idioms that use disability or mental illness as a metaphor."""

    code = "AD307"
    name = "ableist-language"
    severity = Severity.WARNING
    fixable = "unsafe"
    summary = "An idiom uses disability or mental illness as a figure of speech (crazy, insane, lame, blind to)."
    why = ("Such idioms stigmatise disabled people and people with mental illness, and a posting that uses them "
           "tells those applicants something about the workplace. Several retext-equality entries cite the "
           "National Center on Disability and Journalism style guide.")
    source = "retext-equality data/en/ablist.yml; NCDJ Disability Language Style Guide"
    example_fires = "---\nlanguage: en\n---\n\n## The team\n\nWe ship crazy fast and love a good sanity check.\n"
    example_passes = "---\nlanguage: en\n---\n\n## The team\n\nWe ship quickly and review every change.\n"
    leads = {
        "mental-health": "'{t}' uses mental illness as a figure of speech",
        "disability": "'{t}' uses disability as a figure of speech or an outdated term",
    }


class PhysicalRequirementPhrasing(TermRule):
    """AD308: a physical requirement phrased as a body method or a state of health."""

    code = "AD308"
    name = "physical-requirement-phrasing"
    severity = Severity.INFO
    summary = ("A physical requirement names one bodily method or a state of health ('must be able to lift', "
               "'physically fit', 'körperlich belastbar') instead of the task.")
    why = ("Describing the essential function and its outcome ('move boxes of up to 20 kg, with or without "
           "assistance') leaves room for reasonable accommodation and does not screen out disabled people who "
           "could do the job another way.")
    source = "ADA Title I, 42 U.S.C. 12111(8) and EEOC guidance on essential functions (paraphrased)"
    example_fires = "---\nlanguage: en\n---\n\n## Requirements\n\n- Must be able to lift 25 kg and stand all day.\n"
    example_passes = "---\nlanguage: en\n---\n\n## Requirements\n\n- Move parcels of up to 25 kg (lifting aids available).\n"
    leads = {
        "body-method": "'{t}' names a body method rather than the task",
        "health": "'{t}' asks about health rather than the physical tasks of the job",
    }


class NativeSpeakerRequirement(TermRule):
    """AD309: a native-speaker requirement; suggest a CEFR level."""

    code = "AD309"
    name = "native-speaker-requirement"
    severity = Severity.WARNING
    summary = ("The posting asks for a native speaker or a mother tongue (native English speaker, Muttersprache, "
               "langue maternelle, lengua materna) instead of a level such as CEFR C1.")
    why = ("A fluency requirement must be job-related, and 'native' ties it to national origin rather than to how "
           "well someone speaks (EEOC Notice 915.005). The German Federal Labour Court held that 'Deutsch als "
           "Muttersprache' can indirectly discriminate by ethnic origin (8 AZR 402/15). A CEFR level says what "
           "the job needs.")
    source = "EEOC Enforcement Guidance on National Origin, Notice 915.005 (2016); BAG 8 AZR 402/15; CEFR"
    example_fires = "---\nlanguage: en\n---\n\n## Requirements\n\n- Native English speaker.\n"
    example_passes = "---\nlanguage: en\n---\n\n## Requirements\n\n- Fluent English (CEFR C1).\n"
    leads = {
        "native-speaker": "'{t}' asks for a native language rather than a level of command",
        "native-level": "'{t}' describes the level by origin; a CEFR level says the same",
    }


class CitizenshipOptions(TermOptions):
    """Options of AD310."""

    allow_with_legal_basis: bool = Field(
        True, description="accept the requirement when the posting names a legal basis (security clearance, civil service)")


class CitizenshipRequirement(TermRule):
    """AD310: a citizenship or nationality requirement without a stated legal basis."""

    code = "AD310"
    name = "citizenship-or-nationality-requirement"
    severity = Severity.INFO
    summary = "The posting requires a citizenship or nationality (US citizens only, nationalité française exigée)."
    why = ("A citizenship requirement is lawful only with a legal basis such as a security clearance, export "
           "control or a civil-service post; otherwise it discriminates by national origin (Title VII § 704(b)). "
           "State the legal basis, or ask for the right to work. In a posting that names a legal basis "
           "(a security clearance, ITAR, a civil-service post) the requirement is not reported, unless "
           "`allow-with-legal-basis` is false.")
    source = "Title VII § 704(b), 42 U.S.C. 2000e-3(b); schema.org applicantLocationRequirements note"
    example_fires = "---\nlanguage: en\n---\n\n## Requirements\n\n- US citizens only.\n"
    example_passes = ("---\nlanguage: en\n---\n\n## Requirements\n\n- US citizenship required to obtain the "
                      "security clearance for this role.\n")
    Options = CitizenshipOptions
    default_lead = "'{t}' requires a citizenship without a stated legal basis"

    def accept(self, sc: Scan, run: Run, m: Match, options: BaseModel) -> bool:
        assert isinstance(options, CitizenshipOptions)
        return not (options.allow_with_legal_basis and sc.has_legal_basis())


class CultureFit(TermRule):
    """AD311: 'culture fit' and family metaphors."""

    code = "AD311"
    name = "culture-fit"
    severity = Severity.WARNING
    summary = "The posting asks for 'culture fit' or calls the team a family (culture fit, work hard play hard, Kulturfit, encaje cultural)."
    why = ("Rivera (2012) found that evaluators read 'fit' as similarity to themselves in background and "
           "leisure. Name the values or behaviours you mean. Calling the company a family asks for loyalty beyond "
           "the job (reported as info).")
    source = "Rivera (2012), American Sociological Review 77(6):999-1022; joblint culture rules"
    example_fires = "---\nlanguage: en\n---\n\n## About you\n\n- You are a great culture fit.\n"
    example_passes = "---\nlanguage: en\n---\n\n## About you\n\n- You give direct, kind feedback.\n"
    leads = {
        "culture-fit": "'{t}' invites hiring people like the current team",
        "family-metaphor": "'{t}' describes the company as a family",
    }


class BroOrAppearanceLanguage(TermRule):
    """AD313: bro-culture, sexualised or appearance wording."""

    code = "AD313"
    name = "bro-or-appearance-language"
    severity = Severity.WARNING
    summary = ("Bro-culture or sexualised words (bro, dude, sexy), or a requirement about looks (good-looking, "
               "bonne présentation, buena presencia; an error in French and Spanish postings).")
    why = ("Such words signal who the team is for, and requirements about looks screen people by appearance, "
           "often as a proxy for sex, age or origin. French law lists physical appearance as a prohibited ground "
           "(Code du travail L1132-1); Spanish inspectors treat 'buena presencia' as discriminatory.")
    source = "joblint (bro terminology, facial hair, sexualised terms); Code du travail L1132-1; LISOS art. 16.2"
    example_fires = "---\nlanguage: en\n---\n\n## About you\n\n- A good-looking dude who writes sexy code.\n"
    example_passes = "---\nlanguage: en\n---\n\n## About you\n\n- You write clear, well-tested code.\n"
    leads = {
        "bro": "'{t}' is bro-culture wording",
        "sexualised": "'{t}' is sexualised wording",
        "appearance": "'{t}' makes appearance a requirement",
    }


class FamilyStatus(TermRule):
    """AD314: the candidate's marital or family status."""

    code = "AD314"
    name = "family-status"
    severity = Severity.ERROR
    summary = "The posting mentions the marital or family status wanted (single, no children, célibataire, ledig, sin cargas familiares)."
    why = ("French law expressly bans mentioning the family situation of the candidate sought (Code du travail "
           "L1142-1); family and marital status are protected grounds in Spain (LISOS 16.2) and many other "
           "places, and such conditions fall mostly on women. Describe the schedule or travel the job needs.")
    source = "Code du travail L1142-1; LISOS art. 16.2; AGG §§ 1, 3(2)"
    example_fires = "---\nlanguage: en\n---\n\n## Requirements\n\n- Preferably single, with no family commitments.\n"
    example_passes = "---\nlanguage: en\n---\n\n## Requirements\n\n- Travel two weeks a month across Europe.\n"
    default_lead = "'{t}' refers to the candidate's family situation"
