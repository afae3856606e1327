"""Finding fingerprints and baselines.

A *fingerprint* names one finding so that it can be found again after the
file is edited elsewhere: it hashes the rule code, the file's path, the flagged
text and a little of the text around it on the same line, never a line number.
A finding without flagged text (a point, such as "missing section" at the
start of the file or a readability score at a paragraph) is named by its
message instead, with every number in it replaced by ``#`` so that a changed
score does not make it a new finding. When several findings share all of that
(the same word twice in identical lines), each gets its occurrence number in
the file, in position order, so that fingerprints are unique within a run.

The GitLab and SARIF reporters use fingerprints (GitLab needs unique, stable
ones), and ``adlint check --baseline FILE`` drops every finding whose
fingerprint is in FILE, written by ``--write-baseline FILE``.

The baseline file is JSON::

    {"adlint-baseline": 1,
     "findings": [{"path": "jobs/a.md", "code": "AD301", "line": 4, "message": "...",
                   "fingerprint": "<32 hex digits>"}, ...]}

Paths in it are relative to the baseline file's folder, so the same baseline
works whatever the current directory. ``line`` and ``message`` are there for
people reading the file; only ``fingerprint`` is matched.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import Callable, Iterable

from adlint.diagnostics import Diagnostic

#: Format version written in and required of baseline files.
BASELINE_VERSION = 1
#: Characters of context taken on each side of the flagged text (clipped to its line).
CONTEXT = 40

_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class BaselineError(Exception):
    """A baseline file that cannot be read or written; ``str()`` is the user-facing message."""


def _norm(text: str) -> str:
    """Whitespace runs collapsed to one space, ends stripped."""
    return _SPACE.sub(" ", text).strip()


def finding_key(d: Diagnostic, text: str | None) -> str:
    """What identifies ``d`` in its file apart from code and path (a string, not yet hashed).

    ``text`` is the decoded source the diagnostic's 0-based ``start``/``end``
    offsets point into (``None`` when unknown, e.g. an unreadable file). With
    flagged text: that text plus up to :data:`CONTEXT` characters either side,
    within its own lines, whitespace-normalised. Without (a point): the message
    with numbers replaced by ``#``.
    """
    if text and 0 <= d.start < d.end <= len(text):
        line_start = text.rfind("\n", 0, d.start) + 1
        line_end = text.find("\n", d.end)
        if line_end == -1:
            line_end = len(text)
        before = text[max(line_start, d.start - CONTEXT):d.start]
        after = text[d.end:min(line_end, d.end + CONTEXT)]
        return "\x1f".join(("span", _norm(text[d.start:d.end]), _norm(before), _norm(after)))
    return "\x1f".join(("point", _NUMBER.sub("#", _norm(d.message))))


def fingerprints(diagnostics: Iterable[Diagnostic], sources: dict[str, str],
                 path_key: Callable[[str], str]) -> list[str]:
    """One fingerprint (32 lower-case hex digits) per diagnostic, in the order given.

    ``sources`` maps a diagnostic's ``path`` to its decoded text; ``path_key``
    turns that path into the form hashed (e.g. relative to the repository
    root), so fingerprints do not depend on how the path was spelled on the
    command line. Diagnostics should come in position order within each file
    (as the linter sorts them): occurrence numbers follow that order.
    """
    seen: Counter[tuple[str, str, str]] = Counter()
    out = []
    keys: dict[str, str] = {}
    for d in diagnostics:
        pkey = keys.get(d.path)
        if pkey is None:
            pkey = keys[d.path] = path_key(d.path)
        key = (pkey, d.code, finding_key(d, sources.get(d.path)))
        n = seen[key]
        seen[key] += 1
        raw = "\x00".join((*key, str(n))).encode("utf-8", "surrogateescape")
        out.append(hashlib.sha256(raw).hexdigest()[:32])
    return out


def _absolute(path: str) -> str:
    return os.path.normpath(os.path.abspath(path))


def relative_to(path: str, folder: Path | str) -> str:
    """``path`` (a diagnostic's path, as given on the command line) relative to ``folder``, with ``/``.

    Uses ``..`` for paths outside ``folder``; on another drive (Windows) the
    absolute path. ``-`` (standard input without a file name) stays ``-``.
    """
    if path == "-":
        return path
    try:
        rel = os.path.relpath(_absolute(path), _absolute(str(folder)))
    except ValueError:
        rel = _absolute(path)
    return rel.replace(os.sep, "/")


def report_root() -> Path:
    """The folder that report paths are made relative to: the CI checkout, else the current folder.

    Under GitHub Actions (``GITHUB_WORKSPACE``) or GitLab CI (``CI_PROJECT_DIR``)
    that folder when the current folder is inside it; otherwise the current folder.
    """
    cwd = Path(_absolute(os.getcwd()))
    for var in ("GITHUB_WORKSPACE", "CI_PROJECT_DIR"):
        value = os.environ.get(var)
        if value:
            root = Path(_absolute(value))
            if cwd == root or root in cwd.parents:
                return root
    return cwd


def repo_path(path: str, root: Path | None = None) -> tuple[str, bool]:
    """``(path relative to root with '/', True)`` for a path inside ``root`` (default :func:`report_root`).

    For a path outside it: ``(absolute path with '/', False)``. ``-`` gives ``("-", True)``.
    """
    if path == "-":
        return path, True
    base = root or report_root()
    absolute = Path(_absolute(path))
    try:
        return absolute.relative_to(base).as_posix(), True
    except ValueError:
        return absolute.as_posix(), False


# -- baseline files ------------------------------------------------------------


def write_baseline(file: Path, diagnostics: list[Diagnostic], sources: dict[str, str]) -> int:
    """Write every diagnostic to baseline ``file``; returns how many. Raises :class:`BaselineError`."""
    folder = Path(_absolute(str(file))).parent
    fps = fingerprints(diagnostics, sources, lambda p: relative_to(p, folder))
    rows = [
        {"path": relative_to(d.path, folder), "code": d.code, "line": d.line, "message": d.message, "fingerprint": fp}
        for d, fp in zip(diagnostics, fps)
    ]
    rows.sort(key=lambda r: (r["path"], r["line"], r["code"], r["fingerprint"]))
    doc = {"adlint-baseline": BASELINE_VERSION, "findings": rows}
    try:
        with open(file, "w", encoding="utf-8", newline="\n") as fh:
            json.dump(doc, fh, ensure_ascii=True, indent=1)
            fh.write("\n")
    except OSError as exc:
        raise BaselineError(f"cannot write baseline {file}: {exc.strerror}") from None
    return len(rows)


def read_baseline(file: Path) -> set[str]:
    """The fingerprints recorded in baseline ``file``. Raises :class:`BaselineError` naming the problem."""
    try:
        with open(file, encoding="utf-8") as fh:
            doc = json.load(fh)
    except FileNotFoundError:
        raise BaselineError(f"baseline file not found: {file} (write one with --write-baseline)") from None
    except OSError as exc:
        raise BaselineError(f"cannot read baseline {file}: {exc.strerror}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BaselineError(f"{file}: not a baseline file (invalid JSON: {exc})") from None
    if not isinstance(doc, dict) or doc.get("adlint-baseline") != BASELINE_VERSION or not isinstance(doc.get("findings"), list):
        raise BaselineError(f"{file}: not an adlint baseline (version {BASELINE_VERSION}); "
                            "write it again with --write-baseline")
    out = set()
    for i, row in enumerate(doc["findings"]):
        fp = row.get("fingerprint") if isinstance(row, dict) else None
        if not isinstance(fp, str):
            raise BaselineError(f"{file}: finding {i} has no fingerprint")
        out.add(fp)
    return out


def filter_new(file: Path, diagnostics: list[Diagnostic], sources: dict[str, str],
               known: set[str]) -> list[Diagnostic]:
    """The diagnostics whose fingerprints (paths relative to baseline ``file``'s folder) are not in ``known``."""
    folder = Path(_absolute(str(file))).parent
    fps = fingerprints(diagnostics, sources, lambda p: relative_to(p, folder))
    return [d for d, fp in zip(diagnostics, fps) if fp not in known]
