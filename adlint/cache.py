"""The result cache: a file's findings, kept until its content, settings or adlint change.

Like ruff's cache, one entry per linted file, keyed on everything the
findings depend on:

- the file's bytes (SHA-256) and the path it is reported under (the format and
  the per-file settings follow from it);
- the effective settings for the file: enabled rules after per-file ignores,
  severities and options, the ``[[metadata]]`` values and ``default-*`` keys
  that apply to it, the other settings that change findings;
- adlint's version, and a stamp of the built-in rule data, of adlint's own
  code and of the user's rule packs (path, size, modification time);
- the day the date-dependent rules judge by (``--as-of`` or today).

Entries are JSON (never pickle: a cache folder that came with a repository
must not run code), written atomically (temporary file, then
``os.replace``), so several adlint processes may share a folder (pre-commit
runs several). An entry that cannot be read, is of another format or version,
or does not decode is ignored and rewritten, never an error. A result with an
internal rule error is not stored.

Where: ``cache-dir`` in the configuration, else the ``ADLINT_CACHE_DIR``
environment variable (which also holds the validated rule data, in a folder
per version: :func:`adlint.ruledata.cache_dir`), else ``.adlint_cache`` in the
project root (the folder of the configuration file, or the working
directory). ``ADLINT_NO_CACHE=1`` turns both caches off, as ``--no-cache`` does
this one. The folder holds a
``.gitignore`` of ``*`` and a ``CACHEDIR.TAG``. ``--no-cache`` bypasses it;
``adlint clean`` removes it.
"""

from __future__ import annotations

import hashlib
import json
import os
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from adlint import __version__
from adlint.atomic import replace_file
from adlint.config import config_path
from adlint.diagnostics import Diagnostic, Edit, Fix, Related, Severity

if TYPE_CHECKING:  # pragma: no cover
    from adlint.config import Config

#: Entry format; a change makes every older entry a miss.
FORMAT = 1
FOLDER_NAME = ".adlint_cache"
#: Settings that change how findings are shown or whether a run fails, not the findings themselves.
_PRESENTATION = frozenset(["output_format", "fail_level", "include", "exclude", "extend_exclude",
                           "per_file_ignores", "metadata", "cache_dir"])


def cache_folder(config: "Config") -> Path:
    """The cache folder for a run whose base configuration is ``config`` (see the module docstring)."""
    if config.settings.cache_dir:
        return config_path(config.settings.cache_dir, config.root)
    env = os.environ.get("ADLINT_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    return config.root / FOLDER_NAME


@lru_cache(maxsize=1)
def _rules_stamp() -> str:
    """A stamp of the built-in rule data and of adlint's own code: every file under ``rules/`` and every ``.py``
    file of the package, with its size and modification time (an edited rule in a development install is a
    miss, not a stale answer)."""
    from adlint.datadir import rules_dir  # not adlint.ruledata: a cached run needs no pydantic model of rule data

    h = hashlib.sha256()
    for root, pattern in ((rules_dir(), "*"), (Path(__file__).parent, "*.py")):
        for p in sorted(root.rglob(pattern)):
            if p.is_file():
                st = p.stat()
                h.update(f"{p.relative_to(root).as_posix()}|{st.st_size}|{st.st_mtime_ns}\n".encode())
    return h.hexdigest()


def _files_stamp(paths: list[str]) -> list[str]:
    """Path, size and modification time of user rule packs, as the rules open them (a missing file gives its path)."""
    out = []
    for raw in paths:
        p = Path(raw).expanduser()
        try:
            st = p.stat()
            out.append(f"{p}|{st.st_size}|{st.st_mtime_ns}")
        except OSError:
            out.append(str(p))
    return out


def _plain(value: object) -> object:
    """``value`` as JSON-ready data: a settings model as its fields and extra keys (rule options), recursively.

    Not ``model_dump``: its serializer would be built on every cached run just to make a key.
    """
    if hasattr(value, "__pydantic_fields_set__"):
        fields = dict(vars(value))
        fields.update(getattr(value, "__pydantic_extra__", None) or {})
        return {k: _plain(v) for k, v in sorted(fields.items())}
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


class ResultCache:
    """Findings of files already linted, in ``folder`` (created on first write)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._ready = False
        self._settings: dict[int, str] = {}

    # -- keys -------------------------------------------------------------------------------------------
    def _settings_part(self, config: "Config") -> str:
        got = self._settings.get(id(config))
        if got is None:
            # `as_of` is the "day" below: `--as-of` of today (pinned by `--scheduler`) shares entries with no `--as-of`.
            dumped = {k: _plain(v) for k, v in vars(config.settings).items() if k not in _PRESENTATION and k != "as_of"}
            # The pack paths the rules open: `rule-packs` made absolute by the configuration, plus each rule's own.
            packs = sorted({p for opts in config.rule_options.values() for p in getattr(opts, "packs", ())})
            day = config.settings.as_of or date.today()
            got = json.dumps({"settings": dumped, "packs": _files_stamp(packs), "day": day.isoformat(),
                              "severities": {k: int(v) for k, v in sorted(config.severities.items())}},
                             sort_keys=True, default=str)
            self._settings[id(config)] = got
        return got

    def key(self, display: str, data: bytes, config: "Config", real: Path) -> str:
        """The entry key (hex SHA-256) of ``data`` reported as ``display`` under ``config``."""
        h = hashlib.sha256()
        h.update(f"adlint {__version__}|format {FORMAT}|rules {_rules_stamp()}\n".encode())
        h.update(display.encode("utf-8", "surrogateescape") + b"\n")
        h.update(hashlib.sha256(data).digest())
        h.update(self._settings_part(config).encode())
        h.update(",".join(sorted(config.codes_for(real))).encode())
        h.update(json.dumps(config.metadata_for(real), sort_keys=True, default=str).encode())
        return h.hexdigest()

    # -- entries ----------------------------------------------------------------------------------------
    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[list[Diagnostic], str | None] | None:
        """``(diagnostics, source)`` stored under ``key``, or ``None`` (missing, foreign or corrupt)."""
        try:
            raw = json.loads(self._path(key).read_text(encoding="utf-8"))
            if raw.get("format") != FORMAT or raw.get("adlint") != __version__ or raw.get("key") != key:
                return None
            return [_decode(d) for d in raw["diagnostics"]], raw.get("source")
        except Exception:  # missing, unreadable, foreign or corrupt: a miss, rewritten after linting
            return None

    def put(self, key: str, diagnostics: list[Diagnostic], source: str | None) -> None:
        """Store an entry atomically; a cache that cannot be written only costs speed."""
        try:
            self._prepare()
            target = self._path(key)
            target.parent.mkdir(parents=True, exist_ok=True)
            doc = {"format": FORMAT, "adlint": __version__, "key": key,
                   "diagnostics": [_encode(d) for d in diagnostics], "source": source if diagnostics else None}
            replace_file(target, json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8"),
                         prefix=".tmp-", suffix=".json")
        except Exception:  # a cache that cannot be written only costs speed
            pass

    def _prepare(self) -> None:
        if self._ready:
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        ignore = self.folder / ".gitignore"
        if not ignore.exists():
            ignore.write_text("# Created by adlint: the result cache, never committed.\n*\n", encoding="utf-8")
        tag = self.folder / "CACHEDIR.TAG"
        if not tag.exists():
            tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# adlint result cache\n", encoding="ascii")
        self._ready = True


def clear(folder: Path) -> int:
    """Remove the cache ``folder``; returns the number of entries removed. Raises ``OSError`` when it cannot."""
    import shutil

    if not folder.exists():
        return 0
    if not (folder / "CACHEDIR.TAG").exists() and not (folder / ".gitignore").exists():
        raise OSError(f"{folder} does not look like an adlint cache (no CACHEDIR.TAG); not removed")
    n = sum(1 for _ in folder.rglob("*.json"))
    shutil.rmtree(folder)
    return n


# -- JSON form of a diagnostic -----------------------------------------------------------------------------

def _encode(d: Diagnostic) -> dict[str, Any]:
    out: dict[str, Any] = {"c": d.code, "n": d.name, "s": int(d.severity), "m": d.message,
                           "r": [d.line, d.col, d.end_line, d.end_col, d.start, d.end], "p": d.path}
    if d.fix is not None:
        out["f"] = {"m": d.fix.message, "a": d.fix.applicability, "e": [[e.start, e.end, e.text] for e in d.fix.edits]}
    if d.suggestion is not None:
        out["g"] = d.suggestion
    if d.extra:
        out["x"] = d.extra
    if d.related:
        out["l"] = [[r.message, r.line, r.col, r.end_line, r.end_col, r.start, r.end] for r in d.related]
    return out


def _decode(o: dict[str, Any]) -> Diagnostic:
    line, col, end_line, end_col, start, end = o["r"]
    fix = None
    if "f" in o:
        fix = Fix(tuple(Edit(int(a), int(b), str(t)) for a, b, t in o["f"]["e"]), o["f"]["m"], o["f"]["a"])
    return Diagnostic(o["c"], o["n"], Severity(o["s"]), o["m"], line, col, end_line, end_col, start, end, o["p"],
                      fix, o.get("g"), dict(o.get("x", {})),
                      tuple(Related(*r) for r in o.get("l", ())))
