"""Rule data packs: the YAML files under the top-level ``rules/`` folder.

Each file is validated by a pydantic model when first used, and cached for the
life of the process. In a wheel the folder ships as ``adlint/_rules``; in a
source checkout it is ``rules/`` beside the package.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from adlint.datadir import rules_dir

T = TypeVar("T", bound=BaseModel)

LANGUAGES = ("en", "fr", "de", "es")


class RuleDataError(Exception):
    """A rule data file is missing, not YAML, or does not fit its model.

    The message names the file and, for validation errors, each bad key.
    """


def cache_dir() -> Path | None:
    """Where validated rule data is cached between runs, or ``None`` when caching is off.

    ``$ADLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/adlint``, else
    ``~/.cache/adlint``; one sub-folder per adlint version. ``ADLINT_NO_CACHE=1``
    turns the cache off. Only adlint's own rule data is cached there, never
    anything from the postings.
    """
    if os.environ.get("ADLINT_NO_CACHE"):
        return None
    from adlint import __version__

    base = os.environ.get("ADLINT_CACHE_DIR")
    if base:
        return Path(base) / __version__
    xdg = os.environ.get("XDG_CACHE_HOME")
    root = Path(xdg) if xdg else Path.home() / ".cache"
    return root / "adlint" / __version__


def _cache_file(path: Path, model: type[BaseModel]) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    try:
        st = path.stat()
        code = _module_stamp(model.__module__)
    except (OSError, KeyError):
        return None
    key = (f"{path.resolve()}|{st.st_mtime_ns}|{st.st_size}|{model.__module__}.{model.__qualname__}"
           f"|{code}|{_schema_stamp(model)}")
    return folder / (hashlib.sha1(key.encode("utf-8")).hexdigest() + ".pickle")


@lru_cache(maxsize=None)
def _module_stamp(module: str) -> str:
    """The model module's source stamp, taken once per process (the code this process runs, not a newer file)."""
    code = Path(sys.modules[module].__file__ or "").stat()
    return f"{code.st_mtime_ns}|{code.st_size}"


@lru_cache(maxsize=None)
def _schema_stamp(model: type[BaseModel]) -> str:
    """The field names of ``model`` and of the models nested in it: a changed model must not get an old pickle."""
    import typing

    seen: dict[str, tuple[str, ...]] = {}

    def walk(tp: object) -> None:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            name = f"{tp.__module__}.{tp.__qualname__}"
            if name in seen:
                return
            seen[name] = tuple(tp.model_fields)
            for f in tp.model_fields.values():
                walk(f.annotation)
        for arg in typing.get_args(tp):
            walk(arg)

    walk(model)
    return ";".join(f"{k}:{','.join(v)}" for k, v in sorted(seen.items()))


def load_model(path: Path, model: type[T]) -> T:
    """Load a YAML file and validate it with ``model``, through the on-disk cache.

    Parsing and validating all packs costs more than a whole lint of one
    posting, so the validated object is pickled in :func:`cache_dir`, keyed on
    the file's path, modification time and size and the model and its module's
    source file; any cache
    problem falls back to reading the YAML. Raises :class:`RuleDataError`
    naming the file and the offending keys.
    """
    cached = _cache_file(path, model)
    if cached is not None:
        try:
            with cached.open("rb") as fh:
                obj = pickle.load(fh)
            if isinstance(obj, model):
                return obj
        except Exception:  # missing, stale or unreadable: rebuild below
            pass
    obj = _load_model(path, model)
    if cached is not None:
        try:
            from adlint.atomic import replace_file

            cached.parent.mkdir(parents=True, exist_ok=True)
            replace_file(cached, pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
        except Exception:  # a read-only home or full disk only costs speed
            pass
    return obj


def _load_model(path: Path, model: type[T]) -> T:
    """Read and validate without the cache."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except OSError as exc:
        raise RuleDataError(f"{path}: cannot read rule data: {exc.strerror}") from None
    except yaml.YAMLError as exc:
        raise RuleDataError(f"{path}: not valid YAML: {exc}") from None
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        lines = [f"{path}: invalid rule data:"]
        for err in exc.errors():
            loc = ".".join(str(p) for p in err["loc"]) or "(top level)"
            lines.append(f"  {loc}: {err['msg']}")
        raise RuleDataError("\n".join(lines)) from None


class Source(BaseModel):
    """A citation: a paper, law, specification or data set a pack rests on."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    id: str
    title: str
    url: str | None = None


class PerLanguage(BaseModel):
    """Lists of strings per supported language (``en``, ``fr``, ``de``, ``es``)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    en: list[str] = Field(default_factory=list)
    fr: list[str] = Field(default_factory=list)
    de: list[str] = Field(default_factory=list)
    es: list[str] = Field(default_factory=list)

    def all(self) -> list[str]:
        """Every entry, all languages together."""
        return self.en + self.fr + self.de + self.es


class SectionDef(BaseModel):
    """One canonical section: its id, whether it is required, and the headings that name it."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    id: str = Field(pattern=r"^[a-z_]+$")
    summary: str
    required: bool = False
    source: list[str]
    headings: PerLanguage
    keywords: PerLanguage = Field(default_factory=PerLanguage)
    #: Phrases whose presence anywhere in the body shows the section's content exists without a heading.
    markers: PerLanguage = Field(default_factory=PerLanguage)


class SectionTaxonomy(BaseModel):
    """``rules/sections.yaml``: the section taxonomy, in match-priority order."""

    model_config = ConfigDict(extra="forbid", defer_build=True)
    sources: list[Source]
    max_keyword_words: int = Field(8, ge=1)
    sections: list[SectionDef]

    @field_validator("sections")
    @classmethod
    def _unique_and_cited(cls, sections: list[SectionDef]) -> list[SectionDef]:
        ids = [s.id for s in sections]
        if len(set(ids)) != len(ids):
            raise ValueError("section ids must be unique")
        return sections

    @model_validator(mode="after")
    def _sources_known(self) -> "SectionTaxonomy":
        known = {s.id for s in self.sources}
        for sec in self.sections:
            for ref in sec.source:
                if ref not in known:
                    raise ValueError(f"section {sec.id!r} cites unknown source {ref!r}")
        return self

    @property
    def ids(self) -> list[str]:
        """Canonical section ids, in file order."""
        return [s.id for s in self.sections]


class LocaleData(BaseModel):
    """``rules/locale.yaml``: common mistakes in language tags and country codes.

    ``language_fixes`` maps a wrong primary language subtag (lower case) to the
    right one (``jp`` → ``ja``); ``country_fixes`` maps a wrong country code
    (upper case) to the right one (``UK`` → ``GB``), ``None`` when there is no
    single right answer.
    """

    model_config = ConfigDict(extra="forbid", defer_build=True)
    sources: list[Source]
    language_fixes: dict[str, str]
    country_fixes: dict[str, str | None]
    notes: dict[str, str] = Field(default_factory=dict)


@lru_cache(maxsize=None)
def sections() -> SectionTaxonomy:
    """The built-in section taxonomy (``rules/sections.yaml``)."""
    return load_model(rules_dir() / "sections.yaml", SectionTaxonomy)


@lru_cache(maxsize=None)
def locale() -> LocaleData:
    """The built-in locale mistakes table (``rules/locale.yaml``)."""
    return load_model(rules_dir() / "locale.yaml", LocaleData)
