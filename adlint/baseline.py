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

A finding in a record of a JSON Lines file is named by the file's path and
the record's id (a later record with an id already seen, by its id and line).

The baseline file is JSON::

    {"adlint-baseline": 1,
     "findings": [{"path": "jobs/a.md", "code": "AD301", "line": 4, "message": "...",
                   "fingerprint": "<32 hex digits>"}, ...]}

(a record's row also has ``id`` and ``record_line``).

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
from typing import Callable, Iterable, Iterator

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


def fingerprints(diagnostics: Iterable[Diagnostic], sources: dict, path_key: Callable[[str], str]) -> list[str]:
    """One fingerprint (32 lower-case hex digits) per diagnostic, in the order given.

    ``sources`` maps a diagnostic's :attr:`~adlint.diagnostics.Diagnostic.source_key`
    (its ``path``, or ``(path, record_line)`` for a JSON Lines record) to the
    decoded text its offsets point into; ``path_key`` turns a path into the
    form hashed (e.g. relative to the repository root), so fingerprints do not
    depend on how the path was spelled on the command line. Diagnostics should
    come in position order within each file (as the linter sorts them):
    occurrence numbers follow that order. See :class:`Fingerprinter`.
    """
    fp = Fingerprinter(path_key)
    out: list[str] = []
    for group in groups(diagnostics):
        out.extend(fp(group, sources.get(group[0].source_key)))
    return out


def groups(diagnostics: Iterable[Diagnostic]) -> Iterator[list[Diagnostic]]:
    """Runs of consecutive diagnostics of one file, or of one record of a JSON Lines file."""
    group: list[Diagnostic] = []
    for d in diagnostics:
        if group and d.source_key != group[0].source_key:
            yield group
            group = []
        group.append(d)
    if group:
        yield group


class Fingerprinter:
    """Fingerprints for findings that arrive one file (or one record) at a time.

    Call it with each file's diagnostics and the text they point into; the
    answer is the same as :func:`fingerprints` over the whole run. A record's
    findings are named by the file's path and the record's id (not its line:
    reordering the records of an export keeps them); a record whose id was
    already seen in the file is named by its id and its line, so fingerprints
    stay unique. Memory: one entry per record id seen.
    """

    def __init__(self, path_key: Callable[[str], str]) -> None:
        self.path_key = path_key
        self._paths: dict[str, str] = {}
        self._ids: dict[str, set[str]] = {}

    def __call__(self, diagnostics: list[Diagnostic], text: str | None) -> list[str]:
        """The fingerprints of one file's (or one record's) diagnostics, in order; ``text``: their source."""
        if not diagnostics:
            return []
        first = diagnostics[0]
        pkey = self._paths.get(first.path)
        if pkey is None:
            pkey = self._paths[first.path] = self.path_key(first.path)
        if first.record_line is not None:
            rid = first.record_id or str(first.record_line)
            seen_ids = self._ids.setdefault(first.path, set())
            if rid in seen_ids:
                rid = f"{rid}\x1e{first.record_line}"
            seen_ids.add(rid)
            pkey = f"{pkey}\x1e{rid}"
        seen: Counter[tuple[str, str, str]] = Counter()
        out = []
        for d in diagnostics:
            key = (pkey, d.code, finding_key(d, text))
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


def _row(d: Diagnostic, fp: str, folder: Path) -> dict[str, object]:
    row: dict[str, object] = {"path": relative_to(d.path, folder), "code": d.code, "line": d.line,
                              "message": d.message, "fingerprint": fp}
    if d.record_line is not None:
        row["id"] = d.record_id
        row["record_line"] = d.record_line
    return row


class BaselineWriter:
    """``--write-baseline FILE`` for findings that arrive one file (or record) at a time: :meth:`add`, then :meth:`write`.

    Holds one small row per finding (no source text).
    """

    def __init__(self, file: Path) -> None:
        self.file = file
        self.folder = Path(_absolute(str(file))).parent
        self._fp = Fingerprinter(lambda p: relative_to(p, self.folder))
        self.rows: list[dict[str, object]] = []

    def add(self, diagnostics: list[Diagnostic], text: str | None) -> None:
        """Record one file's (or record's) diagnostics; ``text``: the source they point into."""
        self.rows.extend(_row(d, fp, self.folder) for d, fp in zip(diagnostics, self._fp(diagnostics, text)))

    def write(self) -> int:
        """Write the baseline file; returns the number of findings. Raises :class:`BaselineError`."""
        rows = sorted(self.rows, key=lambda r: (r["path"], r.get("record_line") or 0, r["line"], r["code"],
                                                r["fingerprint"]))
        doc = {"adlint-baseline": BASELINE_VERSION, "findings": rows}
        try:
            with open(self.file, "w", encoding="utf-8", newline="\n") as fh:
                json.dump(doc, fh, ensure_ascii=True, indent=1)
                fh.write("\n")
        except OSError as exc:
            raise BaselineError(f"cannot write baseline {self.file}: {exc.strerror}") from None
        return len(rows)


def write_baseline(file: Path, diagnostics: list[Diagnostic], sources: dict) -> int:
    """Write every diagnostic to baseline ``file``; returns how many. Raises :class:`BaselineError`.

    ``sources`` as in :func:`fingerprints`. A record's row also has ``id`` and ``record_line``.
    """
    writer = BaselineWriter(file)
    for group in groups(diagnostics):
        writer.add(group, sources.get(group[0].source_key))
    return writer.write()


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


class BaselineFilter:
    """``--baseline FILE`` for findings that arrive one file (or record) at a time: :meth:`new` drops the known ones."""

    def __init__(self, file: Path, known: set[str]) -> None:
        folder = Path(_absolute(str(file))).parent
        self._fp = Fingerprinter(lambda p: relative_to(p, folder))
        self.known = known

    def new(self, diagnostics: list[Diagnostic], text: str | None) -> list[Diagnostic]:
        """The diagnostics of one file (or record) whose fingerprints are not in the baseline."""
        return [d for d, fp in zip(diagnostics, self._fp(diagnostics, text)) if fp not in self.known]


def filter_new(file: Path, diagnostics: list[Diagnostic], sources: dict, known: set[str]) -> list[Diagnostic]:
    """The diagnostics whose fingerprints (paths relative to baseline ``file``'s folder) are not in ``known``."""
    f = BaselineFilter(file, known)
    return [d for group in groups(diagnostics) for d in f.new(group, sources.get(group[0].source_key))]
