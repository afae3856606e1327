"""Posting metadata given by the configuration: ``default-*`` keys and ``[[metadata]]`` tables.

Plain text, HTML fragments and JSON-LD without ``inLanguage`` have no place
of their own to declare a language or country, so the configuration may give
them one:

* ``[[metadata]]`` tables (``[[tool.adlint.metadata]]`` in pyproject.toml),
  each with ``path`` (one glob or a list, matched like ``per-file-ignores``,
  relative to the configuration file's folder) and any of ``language``,
  ``country`` and ``region``. The first table whose ``path`` matches a file is
  the one used for it.
* ``default-language``, ``default-country`` and ``default-region``, for keys
  that neither the file nor its table sets.

The file's own metadata always wins. The value checks here
(:func:`check_language`, :func:`check_country`, :func:`check_region`) run
when the configuration is loaded, so a bad value is one configuration error
(exit 2), not a finding on every posting. :func:`apply` puts the resolved
values into a posting as :class:`~adlint.posting.MetaField` objects with
origin ``"config"`` (a ``default-*`` key) or ``"config-metadata"`` (a table),
exactly where a value from the file would be, so every rule (the pay rules'
jurisdiction included) reads them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, ValidationInfo, field_validator

if TYPE_CHECKING:
    from adlint.posting import Posting

#: The keys a ``[[metadata]]`` table may set besides ``path``, in the order they are applied.
KEYS = ("language", "country", "region")
#: ``MetaField.origin`` of a value from a ``default-*`` key and from a ``[[metadata]]`` table.
ORIGIN_DEFAULT = "config"
ORIGIN_TABLE = "config-metadata"


def check_language(value: str) -> str:
    """Return ``value`` when it is a valid BCP 47 tag in canonical form.

    Raises ``ValueError`` saying what is wrong and, when there is one, the tag
    to write instead (``"english"``, ``"fr_FR"`` → ``fr-FR``, ``"EN-us"`` → ``en-US``).
    """
    from adlint.checks.locale import language_analysis

    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a BCP 47 language tag such as 'en' or 'fr-CA'")
    verdict, suggestion, reason = language_analysis(value)
    if verdict == "ok":
        return value
    what = {"invalid": "not a valid BCP 47 language tag", "deprecated": "a deprecated language tag",
            "case": "not in canonical case"}[verdict]
    hint = f"; use '{suggestion}'" if suggestion else "; use a BCP 47 tag such as 'en' or 'fr-CA'"
    raise ValueError(f"{value!r} is {what} ({reason}){hint}")


def check_country(value: str) -> str:
    """Return ``value`` when it is an ISO 3166-1 alpha-2 code in upper case (``"GB"``).

    Raises ``ValueError`` with the reason and the code to use when there is one
    (``"UK"`` → ``GB``, ``"Germany"`` → ``DE``).
    """
    from adlint.checks.locale import country_analysis

    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be an ISO 3166-1 alpha-2 country code such as 'GB' or 'DE'")
    verdict, suggestion, reason = country_analysis(value)
    if verdict == "ok":
        return value
    hint = f"; use '{suggestion}'" if suggestion else "; use an ISO 3166-1 alpha-2 code such as 'GB' or 'DE'"
    raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code ({reason}){hint}")


def check_region(value: str) -> str:
    """Return ``value`` when it is an ISO 3166-2 subdivision code (``"US-CA"``, ``"CA-ON"``).

    Raises ``ValueError`` otherwise, naming the code to use when the letter case
    is the only problem, or the country's subdivisions when the value names a
    country but no known subdivision of it.
    """
    import pycountry

    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be an ISO 3166-2 subdivision code such as 'US-CA' or 'CA-ON'")
    up = value.strip().upper()
    sub = pycountry.subdivisions.get(code=up)
    if sub is not None:
        if value == up:
            return value
        raise ValueError(f"{value!r} is not in canonical case; use '{up}'")
    head = up.split("-", 1)[0]
    if "-" in up and pycountry.countries.get(alpha_2=head) is not None:
        raise ValueError(f"{value!r} is not an ISO 3166-2 subdivision of {head} "
                         f"(codes look like '{head}-' plus the subdivision, e.g. 'US-CA', 'CA-ON')")
    raise ValueError(f"{value!r} is not an ISO 3166-2 subdivision code (the country code, '-', the "
                     "subdivision: 'US-CA' for California, 'CA-ON' for Ontario)")


def check_region_in_country(region: str | None, country: str | None, country_key: str = "country") -> str | None:
    """Return ``region`` (``None`` stays ``None``) when it is a valid subdivision of ``country``.

    Raises ``ValueError`` as :func:`check_region` does, or when both are given
    and ``region`` is not a subdivision of ``country``; ``country_key`` names
    the key ``country`` was given by, for the message.
    """
    if region is None:
        return None
    check_region(region)
    if country and region.upper().split("-", 1)[0] != country.upper():
        raise ValueError(f"{region!r} is not a subdivision of {country_key} {country!r}")
    return region


#: A config value that must be a BCP 47 tag in canonical form (validated when the config loads).
LanguageTag = Annotated[str, AfterValidator(lambda v: check_language(v))]
#: A config value that must be an ISO 3166-1 alpha-2 code in upper case.
CountryCode = Annotated[str, AfterValidator(lambda v: check_country(v))]


class MetadataTable(BaseModel):
    """One ``[[metadata]]`` table: ``path`` (a glob or a list of globs) and the values it sets.

    ``language`` is a BCP 47 tag, ``country`` an ISO 3166-1 alpha-2 code and
    ``region`` an ISO 3166-2 code; each is optional, and each is checked on
    load (``ValueError``, turned into a configuration error naming the file and
    the key). Unknown keys are errors.
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)

    path: str | list[str]
    language: LanguageTag | None = None
    country: CountryCode | None = None
    region: str | None = None

    @field_validator("path")
    @classmethod
    def _paths(cls, value: str | list[str]) -> str | list[str]:
        globs = [value] if isinstance(value, str) else value
        if not globs or any(not g.strip() for g in globs):
            raise ValueError("must be a glob or a non-empty list of globs, e.g. 'jobs/fr/*.txt'")
        return value

    @field_validator("region")
    @classmethod
    def _region(cls, value: str | None, info: ValidationInfo) -> str | None:
        return check_region_in_country(value, info.data.get("country"))

    @property
    def globs(self) -> list[str]:
        """``path`` as a list of globs."""
        return [self.path] if isinstance(self.path, str) else list(self.path)

    def values(self) -> dict[str, str]:
        """The keys this table sets, with their values."""
        return {k: v for k in KEYS if (v := getattr(self, k)) is not None}


@dataclass(frozen=True, slots=True)
class ConfigValues:
    """What the configuration gives one file: ``values`` by key, with each value's ``origins``.

    ``table`` is the 1-based number of the ``[[metadata]]`` table that matched
    (``None`` when none did); ``config_name`` the configuration file's name
    (``None`` without one) and ``rel_path`` the file's path relative to the
    configuration's folder, for messages that tell where to declare a value.
    """

    values: dict[str, str]
    origins: dict[str, str]
    table: int | None
    config_name: str | None
    rel_path: str


#: ``Posting.cache`` key holding the :class:`ConfigValues` the linter used for the posting.
CACHE_KEY = "adlint.metadata.config"


def _country_of(value: object) -> str | None:
    """The ISO 3166-1 code a file's own ``country`` value names, or ``None``."""
    from adlint.paydata import country_code

    return country_code(value) if isinstance(value, str) else None


def _region_of(value: object, country: str | None) -> str | None:
    """The ISO 3166-2 code a file's own ``region`` value names, or ``None``."""
    from adlint.paydata import region_code

    return region_code(value, country) if isinstance(value, str) else None


def apply(posting: "Posting", given: ConfigValues) -> None:
    """Put the configuration's values into ``posting`` for the keys the file leaves empty.

    A value from the configuration that contradicts the file's own country or
    region is not applied: a configured region outside the country the file
    names, or a configured country other than the one of the file's region.
    Records ``given`` in ``posting.cache[CACHE_KEY]``. Never raises.
    """
    from adlint.posting import MetaField

    posting.cache[CACHE_KEY] = given
    own = {k: posting.meta(k) for k in KEYS}
    own_country = _country_of(own["country"]) if own["country"] not in (None, "") else None
    own_region = _region_of(own["region"], own_country) if own["region"] not in (None, "") else None
    for key in KEYS:
        value = given.values.get(key)
        if not value or own[key] not in (None, ""):
            continue
        if key == "country" and own_region and own_region[:2] != value:
            continue
        if key == "region":
            country = own_country or _country_of(posting.meta("country"))
            if country and value[:2] != country:
                continue
        posting.metadata[key] = MetaField(key, value, None, None, given.origins[key])


def describe_origin(origin: str, key: str) -> str:
    """Where a configured value came from, for messages: ``"default-language"`` or ``"a [[metadata]] table"``."""
    if origin == ORIGIN_TABLE:
        return "a [[metadata]] table in the configuration"
    return f"default-{key} in the configuration"
