"""AD7xx: schema.org ``JobPosting`` structured data as Google's job search reads it.

The rules run on JSON-LD files and on JSON-LD embedded in HTML
(``posting.jsonld``). Property lists and allowed values come from
``rules/jobposting.yaml``; expiry and future dates are judged on the rule
option ``as_of`` (else ``$ADLINT_AS_OF``, else today).

Positions: string values point at the value itself; other values at their
key, found by scanning the source for ``"key":`` in order (:func:`locate`);
a missing property points at the ``"JobPosting"`` type.
"""

import re
from datetime import date, datetime
from typing import Any, Iterable

from pydantic import ConfigDict, Field

from adlint.diagnostics import Diagnostic, Edit, Fix, Severity
from adlint.pay import AsOfOption, LazyRegex, as_of
from adlint.posting import Posting
from adlint.rule import NoOptions, Rule, RuleOptions


def _pd() -> Any:
    """:mod:`adlint.paydata`, imported on first use so that loading the rules stays cheap."""
    from adlint import paydata

    return paydata

_KEY = '"{}"\\s*:\\s*'
_ISO_DATE = LazyRegex(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$")


def _job(posting: Posting) -> dict[str, Any] | None:
    return posting.jsonld if isinstance(posting.jsonld, dict) else None


def _json_start(posting: Posting) -> int:
    """Offset where the JSON-LD text starts (0 for a JSON-LD file; the ld+json script in HTML)."""
    if posting.format == "html":
        i = posting.source.lower().find("application/ld+json")
        return max(i, 0)
    return 0


def locate(posting: Posting, *path: str) -> tuple[int, int] | None:
    """Source span of the value at ``path`` (keys of nested objects), or of its last found key.

    A string value gives the span inside its quotes; a number, ``true``/``false``/``null`` its token; an
    object or array the span of its key. ``None`` when not even the first key is found.
    """
    src = posting.source
    pos = _json_start(posting)
    found: tuple[int, int] | None = None
    for key in path:
        m = re.compile(_KEY.format(re.escape(key))).search(src, pos)
        if m is None:
            return found
        found = (m.start() + 1, m.start() + 1 + len(key))
        pos = m.end()
    if found is None:
        return None
    ch = src[pos:pos + 1]
    if ch == '"':
        j = pos + 1
        while j < len(src) and src[j] != '"':
            j += 2 if src[j] == "\\" else 1
        return pos + 1, j
    m = re.compile(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null").match(src, pos)
    return (m.start(), m.end()) if m else found


def _type_span(posting: Posting) -> tuple[int, int] | None:
    i = posting.source.find('"JobPosting"', _json_start(posting))
    return (i + 1, i + 11) if i >= 0 else None


def _empty(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, dict)):
        return not value
    return False


def _is_remote(job: dict[str, Any]) -> bool:
    kind = job.get("jobLocationType")
    kinds = kind if isinstance(kind, list) else [kind]
    return any(isinstance(k, str) and k.strip().upper() == "TELECOMMUTE" for k in kinds)


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [] if value is None else [value]


def _names(value: Any) -> list[str]:
    """Place names in an ``applicantLocationRequirements`` value (strings or ``{"name": ...}`` objects)."""
    out = []
    for item in _as_list(value):
        if isinstance(item, str):
            out.append(item)
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            out.append(item["name"])
    return out


def parse_date(value: Any) -> date | None:
    """The date of an ISO 8601 date or date-time string (``2026-01-15``, ``2026-01-15T09:00:00Z``), else ``None``."""
    if not isinstance(value, str) or not _ISO_DATE.match(value.strip()):
        return None
    text = value.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        return datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T")).date()
    except ValueError:
        return None


class JsonLdOptions(RuleOptions):
    """Options of AD701."""

    model_config = ConfigDict(extra="forbid")
    only_for_pages: bool = Field(True, description="report only full HTML pages (with <html>, <head> or <body>), "
                                 "not fragments")


class JsonLdMissing(Rule):
    """AD701: an HTML page without JobPosting structured data."""

    code = "AD701"
    name = "jsonld-missing"
    severity = Severity.INFO
    example_format = "html"
    summary = "An HTML job page has no schema.org `JobPosting` JSON-LD."
    why = ("Google's job search and other aggregators read the `JobPosting` markup; without it the page cannot "
           "appear in the job experience. Fragments (an ATS description without <html>, <head> or <body>) are "
           "skipped unless `only_for_pages` is false.")
    source = "Google Search Central, job posting structured data"
    example_fires = "<html><body><h1>Data engineer</h1><p>Join us.</p></body></html>\n"
    example_passes = ('<html><head><script type="application/ld+json">{"@context": "https://schema.org", '
                      '"@type": "JobPosting", "title": "Data engineer"}</script></head>'
                      "<body><h1>Data engineer</h1><p>Join us.</p></body></html>\n")
    Options = JsonLdOptions

    def check(self, posting: Posting, options: JsonLdOptions) -> Iterable[Diagnostic]:
        if posting.format != "html" or _job(posting) is not None:
            return
        if options.only_for_pages and not re.search(r"<(?:html|head|body)\b", posting.source, re.I):
            return
        yield self.at(posting, None, "no schema.org JobPosting JSON-LD; add a <script type=\"application/ld+json\"> "
                                     "with the posting's title, description, datePosted, hiringOrganization and jobLocation")


class RequiredProperty(Rule):
    """AD702: a property Google requires is missing or empty."""

    code = "AD702"
    name = "required-property-missing"
    severity = Severity.ERROR
    example_format = "jsonld"
    summary = "A `JobPosting` property Google requires (title, description, datePosted, hiringOrganization, jobLocation) is missing or empty."
    why = ("Google shows a job only when its markup has the required properties. A fully remote job may replace "
           "`jobLocation` by `jobLocationType: TELECOMMUTE` and `applicantLocationRequirements`.")
    source = "Google Search Central, job posting structured data (required properties)"
    example_fires = '{"@context": "https://schema.org", "@type": "JobPosting", "title": "Data engineer"}\n'
    example_passes = ('{"@context": "https://schema.org", "@type": "JobPosting", "title": "Data engineer", '
                      '"description": "<p>Build pipelines.</p>", "datePosted": "2026-01-05", '
                      '"hiringOrganization": {"@type": "Organization", "name": "Example"}, '
                      '"jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress", "addressCountry": "DE"}}}\n')

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        job = _job(posting)
        if job is None:
            return
        data = _pd().jobposting()
        for prop in data.required:
            if prop == "hiringOrganization" and isinstance(job.get(prop), dict) and not _empty(job[prop]):
                if _empty(job[prop].get("name")):
                    yield self.at(posting, locate(posting, prop) or _type_span(posting),
                                  "hiringOrganization has no name; Google requires the employer's name")
                continue
            if not _empty(job.get(prop)):
                continue
            instead = data.remote_replaces.get(prop)
            if instead and _is_remote(job) and all(not _empty(job.get(p)) for p in instead):
                continue
            msg = f"required property '{prop}' is {'empty' if prop in job else 'missing'}"
            if instead:
                msg += f" (a fully remote job may give {' and '.join(instead)} instead)"
            span = locate(posting, prop) if prop in job else _type_span(posting)
            yield self.at(posting, span, msg)


class RecommendedOptions(AsOfOption):
    """Options of AD703."""


class RecommendedProperty(Rule):
    """AD703: a property Google recommends is missing."""

    code = "AD703"
    name = "recommended-property-missing"
    severity = Severity.WARNING
    example_format = "jsonld"
    summary = "A `JobPosting` property Google recommends (baseSalary, employmentType, validThrough...) is missing."
    why = ("Salary, employment type and expiry are search filters in job search; without them the posting is "
           "shown less often. Missing baseSalary is an error where a pay-transparency law covers the posting and "
           "the text gives pay that the markup leaves out; where the text gives no pay either, AD601 reports "
           "that as the error and this stays a warning, and a freelance or independent-contractor role (not "
           "covered by employee pay laws, see AD601) is never escalated; "
           "jobLocationType and applicantLocationRequirements are only expected for remote jobs.")
    source = "Google Search Central, job posting structured data (recommended properties)"
    example_fires = ('{"@context": "https://schema.org", "@type": "JobPosting", "title": "Data engineer", '
                     '"employmentType": "FULL_TIME", "validThrough": "2026-12-31"}\n')
    example_passes = ('{"@context": "https://schema.org", "@type": "JobPosting", "title": "Data engineer", '
                      '"employmentType": "FULL_TIME", "validThrough": "2026-12-31", "directApply": true, '
                      '"identifier": {"@type": "PropertyValue", "name": "Example", "value": "123"}, '
                      '"baseSalary": {"@type": "MonetaryAmount", "currency": "EUR", "value": {"@type": '
                      '"QuantitativeValue", "minValue": 60000, "maxValue": 70000, "unitText": "YEAR"}}}\n')
    Options = RecommendedOptions

    def check(self, posting: Posting, options: RecommendedOptions) -> Iterable[Diagnostic]:
        job = _job(posting)
        if job is None:
            return
        data = _pd().jobposting()
        remote = _is_remote(job)
        for prop, sev_name in data.recommended.items():
            if prop in data.remote_only and not remote:
                continue
            if not _empty(job.get(prop)):
                continue
            sev = Severity.parse(sev_name)
            msg = f"recommended property '{prop}' is missing"
            if prop == "baseSalary":
                from adlint.checks.pay import employee_laws, pay_missing

                # Employee pay laws only: a freelance or independent-contractor role is not covered.
                day = as_of(options)
                found = employee_laws(posting, day, "pay")
                if found and pay_missing(posting):
                    # AD601 already reports the missing pay as an error; this stays a markup warning.
                    msg += "; the text gives no pay either (AD601)"
                elif found:
                    sev = max(sev, found[0].jurisdiction.severity(day))
                    msg += f"; the posting is covered by {found[0].describe()}"
            yield self.at(posting, _type_span(posting), msg, severity=sev)


def _enum_fix(posting: Posting, path: tuple[str, ...], value: str, good: str) -> Fix | None:
    span = locate(posting, *path)
    if span is None or posting.source[span[0]:span[1]] != value:
        return None
    return Fix((Edit(span[0], span[1], good),), f"'{value}' → '{good}'", "safe")


class InvalidEnum(Rule):
    """AD704: a value outside the allowed list (employmentType, jobLocationType, unitText)."""

    code = "AD704"
    name = "invalid-enum-value"
    severity = Severity.ERROR
    example_format = "jsonld"
    fixable = "safe"
    summary = "`employmentType`, `jobLocationType` or `baseSalary` `unitText` has a value Google does not accept."
    why = ("Google accepts FULL_TIME, PART_TIME, CONTRACTOR, TEMPORARY, INTERN, VOLUNTEER, PER_DIEM and OTHER for "
           "employmentType, TELECOMMUTE for jobLocationType and HOUR, DAY, WEEK, MONTH, YEAR for unitText, "
           "case-sensitive. `full-time` or `Full Time` is not understood.")
    source = "Google Search Central, job posting structured data; schema.org JobPosting"
    example_fires = '{"@context": "https://schema.org", "@type": "JobPosting", "employmentType": "full-time"}\n'
    example_passes = '{"@context": "https://schema.org", "@type": "JobPosting", "employmentType": "FULL_TIME"}\n'

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        job = _job(posting)
        if job is None:
            return
        enums = _pd().jobposting().enums
        checks: list[tuple[tuple[str, ...], Any, str]] = [
            (("employmentType",), job.get("employmentType"), "employmentType"),
            (("jobLocationType",), job.get("jobLocationType"), "jobLocationType"),
        ]
        salary = job.get("baseSalary")
        if isinstance(salary, dict):
            inner = salary.get("value")
            if isinstance(inner, dict):
                checks.append((("baseSalary", "unitText"), inner.get("unitText"), "unitText"))
        for path, value, enum in checks:
            allowed = enums.get(enum, [])
            for item in _as_list(value):
                if not isinstance(item, str) or item in allowed:
                    continue
                norm = re.sub(r"[\s-]+", "_", item.strip()).upper()
                good = norm if norm in allowed else None
                msg = f"{'.'.join(path)} '{item}' is not one of {', '.join(allowed)}"
                if good:
                    msg += f"; write '{good}'"
                yield self.at(posting, locate(posting, *path) if isinstance(value, str) else locate(posting, path[0]),
                              msg, suggestion=good,
                              fix=_enum_fix(posting, path, item, good) if good and isinstance(value, str) else None)


class DatesOptions(AsOfOption):
    """Options of AD705 and AD706."""


class InvalidDates(Rule):
    """AD705: dates that are not ISO 8601, or that contradict each other."""

    code = "AD705"
    name = "invalid-or-inconsistent-dates"
    severity = Severity.ERROR
    example_format = "jsonld"
    summary = "`datePosted` or `validThrough` is not an ISO 8601 date, `validThrough` is before `datePosted`, or `datePosted` is in the future."
    why = ("Google reads dates as ISO 8601 (`2026-01-15` or `2026-01-15T09:00:00+01:00`); other spellings are "
           "ignored or misread. A posting cannot expire before it is posted, nor be posted in the future.")
    source = "Google Search Central, job posting structured data (datePosted, validThrough); ISO 8601"
    example_fires = ('{"@context": "https://schema.org", "@type": "JobPosting", "datePosted": "15/01/2026", '
                     '"validThrough": "2026-03-31"}\n')
    example_passes = ('{"@context": "https://schema.org", "@type": "JobPosting", "datePosted": "2026-01-15", '
                      '"validThrough": "2026-03-31"}\n')
    Options = DatesOptions

    def check(self, posting: Posting, options: DatesOptions) -> Iterable[Diagnostic]:
        job = _job(posting)
        if job is None:
            return
        day = as_of(options)
        parsed: dict[str, date | None] = {}
        for prop in ("datePosted", "validThrough"):
            value = job.get(prop)
            if value is None:
                continue
            parsed[prop] = parse_date(value)
            if parsed[prop] is None:
                yield self.at(posting, locate(posting, prop),
                              f"{prop} '{value}' is not an ISO 8601 date (write e.g. 2026-01-15 or 2026-01-15T09:00:00Z)")
        posted, until = parsed.get("datePosted"), parsed.get("validThrough")
        if posted and until and until < posted:
            yield self.at(posting, locate(posting, "validThrough"),
                          f"validThrough {until.isoformat()} is before datePosted {posted.isoformat()}")
        if posted and posted > day:
            yield self.at(posting, locate(posting, "datePosted"),
                          f"datePosted {posted.isoformat()} is in the future (judged on {day.isoformat()})")


class ExpiredPosting(Rule):
    """AD706: validThrough has passed."""

    code = "AD706"
    name = "expired-posting"
    severity = Severity.ERROR
    example_format = "jsonld"
    summary = "`validThrough` is in the past: the job has expired."
    why = ("Google asks for the markup (or the page) to be removed, or the page to be noindexed, once a job has "
           "expired; expired jobs that stay marked up can lead to a manual action. Dates are judged on `as_of` "
           "(default: today); a posting is expired from the day after its validThrough date.")
    source = "Google Search Central, job posting structured data (removing expired postings)"
    example_fires = '{"@context": "https://schema.org", "@type": "JobPosting", "validThrough": "2020-01-31"}\n'
    example_passes = '{"@context": "https://schema.org", "@type": "JobPosting", "validThrough": "2099-01-31"}\n'
    Options = DatesOptions

    def check(self, posting: Posting, options: DatesOptions) -> Iterable[Diagnostic]:
        value = posting.meta("valid_through")
        until = parse_date(value)
        if until is None and isinstance(value, date):
            until = value if not isinstance(value, datetime) else value.date()
        day = as_of(options)
        if until is None or until >= day:
            return
        f = posting.metadata.get("valid_through")
        span = locate(posting, "validThrough") if f is not None and f.origin == "json-ld" else (f.span if f else None)
        yield self.at(posting, span, f"the posting expired on {until.isoformat()} (validThrough; judged on "
                                     f"{day.isoformat()}); remove the markup or update the date")


class AddressCountry(Rule):
    """AD707: jobLocation's address has no valid ISO 3166-1 country."""

    code = "AD707"
    name = "address-country-invalid"
    severity = Severity.ERROR
    example_format = "jsonld"
    fixable = "safe"
    summary = "A `jobLocation` address has no `addressCountry` or one that is not an ISO 3166-1 alpha-2 code; other address fields missing are info."
    why = ("Google requires `addressCountry` in each job location and recommends the two-letter ISO 3166-1 code; "
           "it asks for as many of streetAddress, addressLocality, addressRegion and postalCode as possible.")
    source = "Google Search Central, job posting structured data (jobLocation); ISO 3166-1"
    example_fires = ('{"@context": "https://schema.org", "@type": "JobPosting", "jobLocation": {"@type": "Place", '
                     '"address": {"@type": "PostalAddress", "addressLocality": "Berlin", "addressCountry": "Germany"}}}\n')
    example_passes = ('{"@context": "https://schema.org", "@type": "JobPosting", "jobLocation": {"@type": "Place", '
                      '"address": {"@type": "PostalAddress", "streetAddress": "Hauptstr. 1", "addressLocality": "Berlin", '
                      '"addressRegion": "BE", "postalCode": "10115", "addressCountry": "DE"}}}\n')

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        job = _job(posting)
        if job is None:
            return
        for loc in _as_list(job.get("jobLocation")):
            addr = loc.get("address") if isinstance(loc, dict) else None
            if not isinstance(addr, dict):
                yield self.at(posting, locate(posting, "jobLocation"), "jobLocation has no PostalAddress 'address'")
                continue
            country = addr.get("addressCountry")
            if isinstance(country, dict):
                country = country.get("name")
            if _empty(country):
                yield self.at(posting, locate(posting, "jobLocation", "address"), "address has no addressCountry")
            elif isinstance(country, str) and not (len(country) == 2 and country.isupper() and _pd().country_code(country) == country):
                good = _pd().country_code(country)
                msg = f"addressCountry '{country}' is not an ISO 3166-1 alpha-2 code"
                span = locate(posting, "jobLocation", "address", "addressCountry")
                fix = None
                if good:
                    msg += f"; write '{good}'"
                    if span and posting.source[span[0]:span[1]] == country:
                        fix = Fix((Edit(span[0], span[1], good),), f"addressCountry '{country}' → '{good}'", "safe")
                yield self.at(posting, span, msg, suggestion=good, fix=fix)
            missing = [k for k in ("streetAddress", "addressLocality", "addressRegion", "postalCode") if _empty(addr.get(k))]
            if missing:
                yield self.at(posting, locate(posting, "jobLocation", "address"),
                              f"address lacks {', '.join(missing)}; Google asks for as many address fields as possible",
                              severity=Severity.INFO)


class RemoteLocation(Rule):
    """AD708: a remote job without a usable applicant location."""

    code = "AD708"
    name = "remote-without-applicant-location"
    severity = Severity.ERROR
    example_format = "jsonld"
    summary = "A `TELECOMMUTE` job has no `applicantLocationRequirements`, or names no country or region in it (\"Worldwide\", \"CET +/- 3h\")."
    why = ("For fully remote jobs Google requires at least one country (or state) applicants may live in. Values "
           "such as \"Anywhere\", \"Worldwide\" or a time zone are not places; a name that is no country is "
           "reported as a warning.")
    source = "Google Search Central, job posting structured data (remote jobs: applicantLocationRequirements)"
    example_fires = '{"@context": "https://schema.org", "@type": "JobPosting", "jobLocationType": "TELECOMMUTE"}\n'
    example_passes = ('{"@context": "https://schema.org", "@type": "JobPosting", "jobLocationType": "TELECOMMUTE", '
                      '"applicantLocationRequirements": {"@type": "Country", "name": "USA"}}\n')

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        job = _job(posting)
        if job is None or not _is_remote(job):
            return
        value = job.get("applicantLocationRequirements")
        if _empty(value):
            yield self.at(posting, locate(posting, "jobLocationType"),
                          "remote job (TELECOMMUTE) without applicantLocationRequirements; name at least one country")
            return
        from adlint.paydata import _SPLIT

        for name in _names(value):
            parts = [p for p in _SPLIT.split(name) if p.strip()]
            if parts and not any(_pd().country_code(p) for p in parts):
                yield self.at(posting, locate(posting, "applicantLocationRequirements", "name"),
                              f"applicantLocationRequirements '{name}' names no country; use countries (e.g. "
                              "{\"@type\": \"Country\", \"name\": \"DE\"}), one object per country",
                              severity=Severity.WARNING)


class SalaryStructure(Rule):
    """AD709: baseSalary is not a usable MonetaryAmount."""

    code = "AD709"
    name = "salary-structure-invalid"
    severity = Severity.ERROR
    example_format = "jsonld"
    summary = "`baseSalary` lacks an ISO 4217 `currency`, a numeric value or `unitText`, has minValue > maxValue, or holds a placeholder (\"Competitive\")."
    why = ("Google reads baseSalary as a MonetaryAmount: `currency` (ISO 4217) and a QuantitativeValue with "
           "`value` or `minValue`/`maxValue` as numbers and `unitText`. Text such as \"Competitive\" or \"100k\" "
           "is not a salary, and the employer's actual pay must be given, not an estimate.")
    source = "Google Search Central, job posting structured data (baseSalary); schema.org MonetaryAmount, QuantitativeValue; ISO 4217"
    example_fires = ('{"@context": "https://schema.org", "@type": "JobPosting", "baseSalary": {"@type": "MonetaryAmount", '
                     '"currency": "EUR", "value": {"@type": "QuantitativeValue", "minValue": 70000, "maxValue": 60000, '
                     '"unitText": "YEAR"}}}\n')
    example_passes = ('{"@context": "https://schema.org", "@type": "JobPosting", "baseSalary": {"@type": "MonetaryAmount", '
                      '"currency": "EUR", "value": {"@type": "QuantitativeValue", "minValue": 60000, "maxValue": 70000, '
                      '"unitText": "YEAR"}}}\n')

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        job = _job(posting)
        if job is None or "baseSalary" not in job:
            return
        salary = job["baseSalary"]
        where = locate(posting, "baseSalary")
        if isinstance(salary, (str, int, float)) and not isinstance(salary, bool):
            text = str(salary).strip().lower()
            if any(p in text for p in _pd().jobposting().salary_placeholders):
                yield self.at(posting, where, f"baseSalary '{salary}' is a placeholder, not a salary")
            else:
                yield self.at(posting, where, "baseSalary must be a MonetaryAmount with currency and value, "
                                              f"not {type(salary).__name__}")
            return
        if not isinstance(salary, dict):
            yield self.at(posting, where, "baseSalary must be a MonetaryAmount object")
            return
        currency = salary.get("currency")
        if _empty(currency):
            yield self.at(posting, where, "baseSalary has no currency (an ISO 4217 code such as EUR)")
        elif not (isinstance(currency, str) and _iso4217(currency)):
            yield self.at(posting, locate(posting, "baseSalary", "currency"),
                          f"baseSalary currency '{currency}' is not an ISO 4217 code")
        value = salary.get("value")
        if isinstance(value, dict):
            nums = {k: value.get(k) for k in ("value", "minValue", "maxValue") if k in value}
            if not nums:
                yield self.at(posting, locate(posting, "baseSalary", "value"),
                              "baseSalary value has no value, minValue or maxValue")
            for k, v in nums.items():
                if not _number(v):
                    yield self.at(posting, locate(posting, "baseSalary", k), _not_number(k, v))
            lo, hi = value.get("minValue"), value.get("maxValue")
            if _number(lo) and _number(hi) and float(lo) > float(hi):
                yield self.at(posting, locate(posting, "baseSalary", "minValue"),
                              f"baseSalary minValue {lo} is greater than maxValue {hi}")
            if _empty(value.get("unitText")):
                yield self.at(posting, locate(posting, "baseSalary", "value"),
                              "baseSalary value has no unitText (HOUR, DAY, WEEK, MONTH or YEAR)")
        elif value is None:
            yield self.at(posting, where, "baseSalary has no value")
        elif not _number(value):
            yield self.at(posting, locate(posting, "baseSalary", "value"), _not_number("value", value))


def _number(v: Any) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _not_number(key: str, v: Any) -> str:
    text = str(v).strip().lower() if isinstance(v, str) else ""
    if text and any(p in text for p in _pd().jobposting().salary_placeholders):
        return f"baseSalary {key} '{v}' is a placeholder, not a salary"
    return f"baseSalary {key} {v!r} is not a number"


def _iso4217(code: str) -> bool:
    import pycountry

    return len(code) == 3 and code.isupper() and pycountry.currencies.get(alpha_3=code) is not None


class DescriptionQuality(Rule):
    """AD710: the description is the title, too short, or one unbroken block."""

    code = "AD710"
    name = "description-quality"
    severity = Severity.WARNING
    example_format = "jsonld"
    summary = "The JSON-LD `description` repeats the title, is very short, or is one block without paragraph breaks."
    why = ("Google shows the description as the job's full text and asks for a complete description with "
           "paragraphs (`<p>`, `<br>`, lists). One long unbroken block is hard to read; a description that is just "
           "the title is not a description.")
    source = "Google Search Central, job posting structured data (description)"
    example_fires = ('{"@context": "https://schema.org", "@type": "JobPosting", "title": "Data engineer", '
                     '"description": "Data engineer"}\n')
    example_passes = ('{"@context": "https://schema.org", "@type": "JobPosting", "title": "Data engineer", '
                      '"description": "<p>You build and run the data pipelines that feed our reporting and our '
                      'machine-learning teams.</p><ul><li>Python</li><li>SQL</li></ul>"}\n')

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        job = _job(posting)
        if job is None:
            return
        desc, title = job.get("description"), job.get("title")
        if not isinstance(desc, str) or not desc.strip():
            return
        span = locate(posting, "description")
        plain = re.sub(r"<[^>]+>", " ", desc)
        plain = re.sub(r"\s+", " ", plain).strip()
        if isinstance(title, str) and plain.lower() == title.strip().lower():
            yield self.at(posting, span, "description repeats the title; give the full job description")
            return
        if len(plain) < 100:
            yield self.at(posting, span, f"description has only {len(plain)} characters; give the full job description")
            return
        if len(plain) > 600 and not re.search(r"<(?:p|br|li|div|h[1-6])\b|\n", desc, re.I):
            yield self.at(posting, span, f"description is one block of {len(plain):,} characters without paragraphs; "
                                         "use <p>, <br> or lists")


class MismatchOptions(RuleOptions):
    """Options of AD711."""

    model_config = ConfigDict(extra="forbid")
    tolerance: float = Field(0.01, ge=0.0, le=0.5, description="relative difference allowed between salary figures")


_PT = r"(?:part[- ]time|teilzeit|temps\s+partiel|media\s+jornada|jornada\s+parcial)"
_FT = r"(?:full[- ]time|vollzeit|temps\s+plein|jornada\s+completa|tiempo\s+completo)"


def _stated(words: str) -> re.Pattern[str]:
    """A sentence that states the job's type: "This is a part-time role", "Employment type: Teilzeit"."""
    return LazyRegex(
        rf"\b(?:this\s+is\s+an?|it\s+is\s+an?|we\s+(?:are\s+)?(?:offer|hiring)\w*\s+(?:an?\s+)?)\s*{words}\s+"
        rf"(?:role|position|job|contract|opportunity|employment)\b"
        rf"|\b(?:employment|job|contract|position|work)\s*(?:type|model)?\s*:\s*{words}\b"
        rf"|\b(?:Anstellungsart|Beschäftigungsart|Arbeitszeit|Type\s+de\s+contrat|Jornada)\s*:\s*{words}\b"
        rf"|\bin\s+{words}\b(?=\s*(?:\(|,|\.|$))", re.I)


_PART_TIME = _stated(_PT)
_FULL_TIME = _stated(_FT)
_PART_TIME_TITLE = LazyRegex(rf"\b{_PT}\b", re.I)
_FULL_TIME_TITLE = LazyRegex(rf"\b{_FT}\b", re.I)


class MarkupMismatch(Rule):
    """AD711: the markup says something the visible text contradicts."""

    code = "AD711"
    name = "markup-content-mismatch"
    severity = Severity.WARNING
    example_format = "jsonld"
    summary = "JSON-LD title, salary or employment type disagrees with the visible text."
    why = ("Google's structured-data policy: markup must describe the content shown to readers. A salary in the "
           "markup that the text does not show, a full-time job whose text says part-time, or (in HTML) a title "
           "that is not on the page can lead to the markup being ignored or a manual action.")
    source = "Google Search Central, general structured data guidelines (markup must match visible content)"
    example_fires = ('{"@context": "https://schema.org", "@type": "JobPosting", "title": "Data engineer", '
                     '"description": "<p>Salary: 50.000–60.000 € per year.</p>", "baseSalary": {"@type": "MonetaryAmount", '
                     '"currency": "EUR", "value": {"@type": "QuantitativeValue", "minValue": 70000, "maxValue": 80000, '
                     '"unitText": "YEAR"}}}\n')
    example_passes = ('{"@context": "https://schema.org", "@type": "JobPosting", "title": "Data engineer", '
                      '"description": "<p>Salary: 70.000–80.000 € per year.</p>", "baseSalary": {"@type": "MonetaryAmount", '
                      '"currency": "EUR", "value": {"@type": "QuantitativeValue", "minValue": 70000, "maxValue": 80000, '
                      '"unitText": "YEAR"}}}\n')
    Options = MismatchOptions

    def check(self, posting: Posting, options: MismatchOptions) -> Iterable[Diagnostic]:
        from adlint.pay import from_metadata, posting_pay

        job = _job(posting)
        if job is None:
            return
        visible = "\n".join(b.text for _, b in posting.blocks())
        # Salary: the markup's figures should appear among the text's figures.
        marked = from_metadata(job.get("baseSalary"))
        text_pay = [p for p in posting_pay(posting) if p.origin == "text" and p.is_pay]
        if marked is not None and text_pay:
            want = {v for v in (marked.min, marked.max) if v}
            have = {v for p in text_pay for v in (p.min, p.max) if v}
            if want and not all(any(abs(w - h) <= options.tolerance * max(w, h) for h in have) for w in want):
                shown = ", ".join(p.text.strip() for p in text_pay[:2])
                yield self.at(posting, locate(posting, "baseSalary"),
                              f"baseSalary ({_fmt(marked.min)}–{_fmt(marked.max)}) does not match the pay in the "
                              f"text ({shown})")
        # Employment type.
        types = {t for t in _as_list(job.get("employmentType")) if isinstance(t, str)}
        title_text = job.get("title") if isinstance(job.get("title"), str) else ""
        says_pt = bool(_PART_TIME_TITLE.search(title_text) or _PART_TIME.search(visible))
        says_ft = bool(_FULL_TIME_TITLE.search(title_text) or _FULL_TIME.search(visible))
        if types == {"FULL_TIME"} and says_pt and not says_ft:
            yield self.at(posting, locate(posting, "employmentType"),
                          "employmentType is FULL_TIME but the title or text says part-time")
        elif types == {"PART_TIME"} and says_ft and not says_pt:
            yield self.at(posting, locate(posting, "employmentType"),
                          "employmentType is PART_TIME but the title or text says full-time")
        # Title, for HTML pages whose visible text is the page itself.
        title = job.get("title")
        if posting.format == "html" and isinstance(title, str) and title.strip() and visible:
            page = _norm(visible + " " + " ".join(s.title for s in posting.sections))
            if _norm(title) not in page:
                yield self.at(posting, locate(posting, "title"), f"JSON-LD title '{title}' does not appear on the page")


def _fmt(v: float | None) -> str:
    return "?" if v is None else f"{v:,.0f}"


def _norm(text: str) -> str:
    return re.sub(r"\W+", " ", text.lower()).strip()


class ApplicantLocationMisuse(Rule):
    """AD712: applicantLocationRequirements used for citizenship or work permits."""

    code = "AD712"
    name = "applicant-location-misuse"
    severity = Severity.INFO
    example_format = "jsonld"
    summary = "`applicantLocationRequirements` names citizenship or a work permit instead of where applicants may live."
    why = ("schema.org defines applicantLocationRequirements as the places where applicants may be located for "
           "remote work, and says not to use it for citizenship or work-visa conditions; put those in "
           "`eligibilityToWorkRequirement` or the description.")
    source = "schema.org JobPosting applicantLocationRequirements, eligibilityToWorkRequirement"
    example_fires = ('{"@context": "https://schema.org", "@type": "JobPosting", "jobLocationType": "TELECOMMUTE", '
                     '"applicantLocationRequirements": {"@type": "Country", "name": "US citizens only"}}\n')
    example_passes = ('{"@context": "https://schema.org", "@type": "JobPosting", "jobLocationType": "TELECOMMUTE", '
                      '"applicantLocationRequirements": {"@type": "Country", "name": "US"}}\n')

    def check(self, posting: Posting, options: NoOptions) -> Iterable[Diagnostic]:
        job = _job(posting)
        if job is None:
            return
        words = _pd().jobposting().citizenship_words
        for name in _names(job.get("applicantLocationRequirements")):
            low = name.lower()
            hit = next((w for w in words if re.search(rf"(?<!\w){re.escape(w)}", low)), None)
            if hit:
                yield self.at(posting, locate(posting, "applicantLocationRequirements", "name"),
                              f"applicantLocationRequirements '{name}' states a {hit} condition; use "
                              "eligibilityToWorkRequirement for that")
