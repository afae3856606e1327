"""Configuration: discovery, validation (pydantic) and rule selection.

Files, nearest first, as in ruff: ``.adlint.toml``, ``adlint.toml``, then
``pyproject.toml`` with a ``[tool.adlint]`` table. The nearest file to each
linted path wins, without merging; ``--config`` names one file for all paths
and ``--isolated`` ignores them all. Every problem raises :class:`ConfigError`
with the file, the key and what is allowed; the CLI exits 2 on it.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator

from adlint.diagnostics import Severity
from adlint.metadata import (ORIGIN_DEFAULT, ORIGIN_TABLE, ConfigValues, CountryCode, LanguageTag, MetadataTable,
                             check_region_in_country)

CONFIG_FILES = (".adlint.toml", "adlint.toml", "pyproject.toml")
OUTPUT_FORMATS = ("full", "concise", "json", "json-lines", "github", "gitlab", "sarif", "junit", "auto")
SUPPORTED_LANGUAGES = ("en", "fr", "de", "es")
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__",
    "build", "dist", "site-packages", ".mypy_cache", ".pytest_cache", ".ruff_cache",
)


class ConfigError(Exception):
    """A configuration file or option that cannot be used; ``str()`` is the full user-facing message."""


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class RuleSettings(BaseModel):
    """A ``[rules.<code-or-name>]`` table: ``severity`` plus the rule's own options."""

    model_config = ConfigDict(extra="allow", defer_build=True)
    severity: Literal["off", "info", "warning", "error"] | None = None

    def options(self) -> dict[str, Any]:
        """The rule's own option values (every key but ``severity``), with kebab-case keys made snake_case."""
        return {k.replace("-", "_"): v for k, v in (self.model_extra or {}).items()}


class Settings(BaseModel):
    """The ``[tool.adlint]`` / ``.adlint.toml`` keys (kebab-case in files)."""

    # defer_build: a run with no configuration file and no overrides never builds the validator.
    model_config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=True, defer_build=True)

    select: list[str] | None = Field(None, description="rules to enable: codes, prefixes (AD3), names or ALL")
    extend_select: list[str] = Field(default_factory=list, description="rules to enable on top of select")
    ignore: list[str] = Field(default_factory=list, description="rules to disable")
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict, description="glob → rules to disable there")
    include: list[str] | None = Field(None, description="globs of files to lint when walking directories")
    exclude: list[str] = Field(default_factory=list, description="globs of files and folders never linted")
    extend_exclude: list[str] = Field(default_factory=list, description="globs added to exclude")
    fail_level: Literal["info", "warning", "error"] = Field("warning", description="lowest severity that fails")
    output_format: Literal[OUTPUT_FORMATS] | None = None  # type: ignore[valid-type]
    languages: list[Literal["en", "fr", "de", "es"]] | None = Field(None, description="languages whose rule packs run")
    default_language: LanguageTag | None = Field(None, description="BCP 47 tag for postings that declare none")
    default_country: CountryCode | None = Field(None, description="ISO 3166-1 alpha-2 code for postings that declare none")
    default_region: str | None = Field(None, description="ISO 3166-2 code (US-CA) for postings that declare none")
    metadata: list[MetadataTable] = Field(default_factory=list,
                                          description="per-path language, country and region; first match wins")
    rule_packs: list[str] = Field(default_factory=list, description="extra rule data packs (paths)")
    max_file_size: int = Field(2_000_000, ge=1, description="bytes; larger files are reported (AD001), not read")
    short_posting_words: int = Field(250, ge=0, description="a posting with fewer words and no responsibilities, "
                                     "requirements or benefits section is a short announcement "
                                     "(no AD101; AD504 notes it at info); 0 turns this off")
    board_apply_button: bool = Field(False, description="the job board shows its own apply button: "
                                     "a missing how-to-apply section is not reported")
    as_of: date | None = Field(None, description="judge laws and expiry dates as on this day (default: today)")
    cache_dir: str | None = Field(None, description="folder of the result cache (default: .adlint_cache in the project "
                                                    "root, or ADLINT_CACHE_DIR)")
    rules: dict[str, RuleSettings] = Field(default_factory=dict, description="per-rule severity and options")

    @field_validator("select", "extend_select", "ignore")
    @classmethod
    def _selectors(cls, value: list[str] | None) -> list[str] | None:
        from adlint import registry

        for sel in value or ():
            if not registry.is_selector(sel):
                raise ValueError(f"unknown rule selector {sel!r} (use a code such as AD101, a prefix such as AD1, a rule name, or ALL)")
        return value

    @field_validator("default_region")
    @classmethod
    def _default_region(cls, value: str | None, info: ValidationInfo) -> str | None:
        return check_region_in_country(value, info.data.get("default_country"), "default-country")

    @field_validator("per_file_ignores")
    @classmethod
    def _pfi(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        from adlint import registry

        for glob, sels in value.items():
            for sel in sels:
                if not registry.is_selector(sel):
                    raise ValueError(f"unknown rule selector {sel!r} for {glob!r}")
        return value

    @field_validator("rules")
    @classmethod
    def _rule_keys(cls, value: dict[str, RuleSettings]) -> dict[str, RuleSettings]:
        from adlint import registry

        for key in value:
            if registry.code_of(key) is None:
                raise ValueError(f"unknown rule {key!r} in [rules] (use a code such as AD101 or a rule name)")
        return value


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """Compile a gitignore-like glob: ``**`` crosses folders, a pattern without ``/`` matches any basename."""
    pat = pattern.strip().replace(os.sep, "/")
    anchored = "/" in pat.rstrip("/")
    pat = pat.strip("/")
    out = []
    i = 0
    while i < len(pat):
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif pat.startswith("**", i):
            out.append(".*")
            i += 2
        elif pat[i] == "*":
            out.append("[^/]*")
            i += 1
        elif pat[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(pat[i]))
            i += 1
    body = "".join(out)
    prefix = "" if anchored else "(?:.*/)?"
    return re.compile(f"^{prefix}{body}(?:/.*)?$")


@dataclass
class Config:
    """Settings resolved for use: enabled rules, severities, options and path filters.

    ``path`` is the file the settings came from (``None`` for defaults) and
    ``root`` the folder that relative globs are read against.
    """

    settings: Settings
    path: Path | None
    root: Path
    enabled: frozenset[str] = frozenset()
    severities: dict[str, Severity] = field(default_factory=dict)
    rule_options: "_RuleOptions" = field(default_factory=lambda: _RuleOptions())
    _pfi: list[tuple[re.Pattern[str], frozenset[str]]] = field(default_factory=list)
    _include: list[re.Pattern[str]] | None = None
    _exclude: list[re.Pattern[str]] = field(default_factory=list)
    _metadata: list[tuple[list[re.Pattern[str]], MetadataTable]] = field(default_factory=list)

    @property
    def fail_level(self) -> Severity:
        """The lowest severity that makes ``adlint check`` exit 1."""
        return Severity.parse(self.settings.fail_level)

    def relative(self, path: Path) -> str:
        """``path`` relative to :attr:`root`, with ``/`` separators (the absolute path if outside)."""
        p = real_path(path) if path.is_absolute() or path.exists() else (Path.cwd() / path)
        try:
            return p.relative_to(self.root).as_posix()
        except ValueError:
            return p.as_posix()

    def codes_for(self, path: Path) -> frozenset[str]:
        """Rule codes enabled for ``path``, after ``per-file-ignores``."""
        if not self._pfi:
            return self.enabled
        rel = self.relative(path)
        codes = set(self.enabled)
        for regex, ignored in self._pfi:
            if regex.match(rel):
                codes -= ignored
        return frozenset(codes)

    def is_excluded(self, path: Path) -> bool:
        """True when ``path`` matches ``exclude`` or ``extend-exclude`` (or a default excluded folder)."""
        rel = self.relative(path)
        return any(r.match(rel) for r in self._exclude)

    def is_included(self, path: Path) -> bool:
        """True when a file found by walking a directory should be linted."""
        if self._include is None:
            from adlint.readers import DEFAULT_EXTENSIONS

            return path.suffix.lower() in DEFAULT_EXTENSIONS
        rel = self.relative(path)
        return any(r.match(rel) for r in self._include)

    def metadata_for(self, path: Path) -> ConfigValues:
        """The language, country and region the configuration gives file ``path``.

        The first ``[[metadata]]`` table whose ``path`` globs match (relative
        to :attr:`root`, as ``per-file-ignores``) sets its keys; ``default-*``
        keys fill the keys it leaves out. The file's own metadata beats both
        (:func:`adlint.metadata.apply`).
        """
        rel = self.relative(path)
        values: dict[str, str] = {}
        origins: dict[str, str] = {}
        number = next((i for i, (regexes, _) in enumerate(self._metadata, 1) if any(r.match(rel) for r in regexes)), None)
        if number is not None:
            for key, value in self._metadata[number - 1][1].values().items():
                values[key], origins[key] = value, ORIGIN_TABLE
        s = self.settings
        for key, value in (("language", s.default_language), ("country", s.default_country),
                           ("region", s.default_region)):
            if value and key not in values:
                values[key], origins[key] = value, ORIGIN_DEFAULT
        return ConfigValues(values, origins, number, self.path.name if self.path else None, rel)

    def options(self, code: str) -> Any:
        """The validated options model of rule ``code``."""
        return self.rule_options.get_or_default(code)


class _RuleOptions(dict):
    """Rule code → its options model: validated values the configuration sets, defaults built on first use.

    Building an options model imports its rule's module; a rule that never
    runs (a run answered from the cache, a rule not enabled) costs nothing.
    """

    def get_or_default(self, code: str) -> Any:
        """The options of rule ``code``: the configured ones, else its defaults (``KeyError`` for an unknown code)."""
        got = self.get(code)
        if got is None:
            from adlint import registry

            rule = registry.rule_class(code)
            if rule is None:
                raise KeyError(code)
            got = self[code] = rule.Options.model_construct()
        return got


def _read_toml(path: Path) -> dict[str, Any]:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None


def _table(path: Path) -> dict[str, Any] | None:
    """The adlint table of a config file, or ``None`` for a pyproject.toml without one."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        return tool.get("adlint") if isinstance(tool, dict) and isinstance(tool.get("adlint"), dict) else None
    return data


def _format_errors(path: Path | None, exc: ValidationError, prefix: str = "",
                   options: type[BaseModel] | None = None) -> str:
    """The user-facing message for a validation error: file, then one line per bad key.

    ``prefix`` (``"rules.AD101."``) and ``options`` (that rule's options model)
    are given for errors in a rule's options; keys are shown kebab-case, as
    written in files, with the allowed keys for an unknown one.
    """
    where = str(path) if path else "command line"
    lines = [f"{where}: invalid configuration:"]
    allowed = ", ".join(sorted(_kebab(n) for n in Settings.model_fields))
    if options is not None:
        names = ", ".join(["severity", *(_kebab(n) for n in options.model_fields)])
        allowed_options = f"unknown option for this rule; allowed keys: {names}"
    for err in exc.errors():
        parts = [str(p) for p in err["loc"]]
        in_table = options is None and len(err["loc"]) >= 2 and parts[0] == "metadata" and isinstance(err["loc"][1], int)
        if in_table:  # [[metadata]] tables are numbered from 1, as a reader counts them in the file
            parts[:2] = [f"metadata[{int(err['loc'][1]) + 1}]"]
        loc = ".".join(_kebab(p) if prefix else p for p in parts)
        key = f"{prefix}{loc}" if loc else prefix.rstrip(".") or "(top level)"
        msg = err["msg"]
        if err["type"] == "extra_forbidden" and in_table:
            msg = f"unknown key in a [[metadata]] table; allowed keys: {', '.join(MetadataTable.model_fields)}"
        elif err["type"] == "extra_forbidden":
            msg = f"unknown key; allowed keys: {allowed}" if options is None else allowed_options
        elif msg.startswith("Value error, "):
            msg = msg[len("Value error, "):]
        lines.append(f"  {key}: {msg} (got {err.get('input')!r})" if err["type"] != "extra_forbidden" else f"  {key}: {msg}")
    return "\n".join(lines)


def resolve(raw: dict[str, Any], path: Path | None, root: Path, overrides: dict[str, Any] | None = None) -> Config:
    """Validate a config table (plus command-line ``overrides``) and resolve rule selection.

    Raises :class:`ConfigError`.
    """
    from adlint import registry

    given = {k: v for k, v in (overrides or {}).items() if v is not None}
    # Each source on its own first, so an error names where the bad value was written and a
    # broken file is reported even when the command line overrides the bad key.
    for source, where in ((raw, path), (given, None)):
        if source:
            try:
                Settings.model_validate(source)
            except ValidationError as exc:
                raise ConfigError(_format_errors(where, exc)) from None
    data = dict(raw)
    for key, value in given.items():
        if key in ("extend-select", "ignore", "extend-exclude"):
            data[key] = list(data.get(key, [])) + list(value)
        else:
            data[key] = value
    try:
        # Defaults need no validation (no validator runs on a default), so an empty table is constructed.
        settings = Settings.model_validate(data) if data else Settings.model_construct()
    except ValidationError as exc:
        raise ConfigError(_format_errors(path, exc)) from None

    rules = registry.index()  # no rule module is imported to resolve a configuration
    if settings.select is None:
        enabled = {c for c, r in rules.items() if r.default_enabled}
    else:
        enabled = set().union(*(registry.resolve(s) for s in settings.select)) if settings.select else set()
    for sel in settings.extend_select:
        enabled |= registry.resolve(sel)
    for sel in settings.ignore:
        enabled -= registry.resolve(sel)

    severities: dict[str, Severity] = {}
    option_values: dict[str, dict[str, Any]] = {}
    table_keys: dict[str, str] = {}  # rule code -> the [rules.<key>] as written, for messages
    for key, rs in settings.rules.items():
        code = registry.code_of(key)
        assert code is not None  # validated above
        if rs.severity == "off":
            enabled.discard(code)
        elif rs.severity is not None:
            severities[code] = Severity.parse(rs.severity)
        option_values[code] = rs.options()
        table_keys[code] = key
    rule_options = _RuleOptions()
    for code, rule in rules.items():
        if settings.as_of is not None and "as_of" in rule.options:
            option_values.setdefault(code, {}).setdefault("as_of", settings.as_of)
        if settings.rule_packs and "packs" in rule.options:
            # Paths in a config file are relative to that file's folder.
            extra = [str(config_path(p, root)) for p in settings.rule_packs]
            opts = option_values.setdefault(code, {})
            opts["packs"] = extra + [q for q in opts.get("packs", []) if q not in extra]
        values = option_values.get(code)
        if not values:
            continue  # defaults need no validation: built when the rule first runs (_RuleOptions)
        options_model = registry.rule_class(code).Options  # type: ignore[union-attr]
        try:
            rule_options[code] = options_model.model_validate(values)
        except ValidationError as exc:
            raise ConfigError(_format_errors(path, exc, prefix=f"rules.{table_keys.get(code, code)}.",
                                             options=options_model)) from None

    pfi = [(_glob_regex(g), frozenset().union(*(registry.resolve(s) for s in sels)))
           for g, sels in settings.per_file_ignores.items()]
    include = [_glob_regex(g) for g in settings.include] if settings.include is not None else None
    exclude = [_glob_regex(g) for g in (*DEFAULT_EXCLUDE, *settings.exclude, *settings.extend_exclude)]
    metadata = [([_glob_regex(g) for g in table.globs], table) for table in settings.metadata]
    return Config(settings, path, root, frozenset(enabled), severities, rule_options, pfi, include, exclude, metadata)


def config_path(raw: str, root: Path) -> Path:
    """A path written in a configuration file: ``~`` expanded, relative to ``root`` (the file's folder) unless absolute."""
    p = Path(raw).expanduser()
    return p if p.is_absolute() else root / p


def real_path(path: Path) -> Path:
    """``path`` with its folder's symbolic links resolved (``Path.resolve`` of the folder, cached), plus its name.

    Resolving costs a system call per path component; a run over thousands of
    files in a few folders resolves each folder once.
    """
    if not path.name or path.name in (".", ".."):
        return _real_folder(os.path.abspath(path))
    return _real_folder(os.path.abspath(path.parent)) / path.name


@lru_cache(maxsize=4096)
def _real_folder(folder: str) -> Path:
    """An absolute folder with its symbolic links resolved (relative paths are made absolute first: the key
    must not depend on the working directory)."""
    return Path(folder).resolve()


def find_config_file(start: Path, cache: dict[Path, Path | None] | None = None) -> Path | None:
    """The nearest config file at or above folder ``start``, or ``None``.

    ``cache`` (folder -> answer) may be shared by the calls of one run; there is
    no process-wide cache, so a long-running process (the language server, a
    test session) sees config files created or deleted since.
    """
    memo = {} if cache is None else cache
    folder = _real_folder(os.path.abspath(start))
    walked: list[Path] = []
    found: Path | None = None
    while True:
        if folder in memo:
            found = memo[folder]
            break
        walked.append(folder)
        hit = next((folder / n for n in CONFIG_FILES if (folder / n).is_file()
                    and (n != "pyproject.toml" or _table(folder / n) is not None)), None)
        if hit is not None or folder.parent == folder:
            found = hit
            break
        folder = folder.parent
    for f in walked:
        memo[f] = found
    return found


class ConfigResolver:
    """Gives the :class:`Config` for each path: nearest file, ``--config``, or ``--isolated``.

    ``overrides`` are command-line settings (kebab-case keys) applied on top of
    every file. Resolved configs are cached per config file.
    """

    def __init__(self, config_file: Path | None = None, isolated: bool = False,
                 overrides: dict[str, Any] | None = None) -> None:
        self.config_file = config_file
        self.isolated = isolated
        self.overrides = overrides or {}
        self._cache: dict[Path | None, Config] = {}
        self._found: dict[Path, Path | None] = {}  # folder -> its nearest config file, for this run
        if config_file is not None:
            if not config_file.is_file():
                raise ConfigError(f"{config_file}: configuration file not found")
            self.for_path(config_file)  # validate now: a bad --config is an error even with no files

    def _load(self, path: Path | None) -> Config:
        if path in self._cache:
            return self._cache[path]
        if path is None:
            cfg = resolve({}, None, Path.cwd().resolve(), self.overrides)
        else:
            table = _table(path)
            if table is None:
                raise ConfigError(f"{path}: no [tool.adlint] table")
            cfg = resolve(table, path, path.parent.resolve(), self.overrides)
        self._cache[path] = cfg
        return cfg

    def for_path(self, path: Path) -> Config:
        """The config that applies to file or folder ``path``."""
        if self.isolated:
            return self._load(None)
        if self.config_file is not None:
            return self._load(self.config_file.resolve())
        folder = path if path.is_dir() else path.parent
        return self._load(find_config_file(folder if str(folder) else Path("."), self._found))
