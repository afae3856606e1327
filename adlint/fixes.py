"""Automatic fixes: ``adlint check --fix``, ``--unsafe-fixes``, ``--diff``, ``--show-fixes``.

The engine works in three layers, each usable on its own:

* :func:`plan` and :func:`apply_edits` — pure text: which of a set of
  :class:`~adlint.diagnostics.Fix` objects can be applied together (no two
  overlapping or touching), and the text with their edits made. Offsets are
  0-based character offsets into the decoded text (``Posting.source``).
* :class:`SourceCodec` — bytes to editable text and back. It keeps the
  byte-order mark, the encoding (UTF-8, UTF-16/32 LE/BE) and every lone CR
  that :mod:`adlint.source` reads as LF, so every byte outside an edit stays
  as it was; a newline inside an edit's text is written in the file's own
  line-ending style.
* :func:`fix_bytes` — lint, apply every applicable fix that does not overlap
  another, re-lint, and repeat until nothing more applies (at most
  ``max_passes`` passes). A pass that makes the posting parse worse (a new
  parse problem, lost metadata) is undone.

:func:`write_atomic` writes a file through a temporary file in the same folder
and :func:`os.replace`, keeping the file's permission bits, so a run that is
interrupted leaves either the old or the new posting, never half of one.

:class:`FixSession` is the command line's side: it is built from the parsed
arguments (:func:`add_arguments`), lints each file through the engine, writes
or diffs, and prints what was fixed. Exit codes follow ruff: after ``--fix``
the status reflects the findings that remain (a fixed file still fails a
pre-commit hook, because pre-commit fails every hook that modifies files);
``--exit-non-zero-on-fix`` also exits 1 when anything was fixed; ``--diff``
exits 1 when there is a diff, 0 when not; 2 means an error (a file that could
not be written).
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Sequence, TextIO

from adlint.diagnostics import Diagnostic, Edit, Fix

if TYPE_CHECKING:
    import argparse

    from adlint.config import Config
    from adlint.linter import Result

#: Upper bound on lint → fix passes over one file.
MAX_PASSES = 10

_BOMS = (  # the same order as adlint.source: UTF-32 LE before UTF-16 LE
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_NEWLINE = re.compile(r"\r\n|\r|\n")


# --------------------------------------------------------------------------
# Pure text: planning and applying edits
# --------------------------------------------------------------------------

def applicable(fix: Fix | None, unsafe: bool = False) -> bool:
    """Whether ``fix`` may be applied: safe fixes always, unsafe ones only when ``unsafe``."""
    return fix is not None and bool(fix.edits) and (fix.applicability == "safe" or unsafe)


def _valid(fix: Fix, text: str) -> bool:
    """Edits inside ``[0, len(text)]``, ``start <= end``, pairwise apart, not splitting a CRLF, and changing something."""
    n = len(text)
    edits = sorted(fix.edits, key=lambda e: (e.start, e.end))
    for i, e in enumerate(edits):
        if not (0 <= e.start <= e.end <= n):
            return False
        for at in (e.start, e.end):
            if 0 < at < n and text[at - 1] == "\r" and text[at] == "\n":
                return False
        if i and edits[i - 1].end > e.start:
            return False
        if i and edits[i - 1].start == edits[i - 1].end == e.start == e.end:
            return False  # two insertions at one point: their order would be a guess
    return any(text[e.start:e.end] != e.text for e in edits)


def _extent(fix: Fix) -> tuple[int, int]:
    return min(e.start for e in fix.edits), max(e.end for e in fix.edits)


def plan(fixes: Sequence[Fix | None], text: str) -> list[int]:
    """Indices of the fixes in ``fixes`` to apply together to ``text``, in source order.

    A fix is taken whole or not at all. Fixes are considered by position (first
    edit's start, then end, then list order); a fix whose edits overlap or touch
    an edit already taken is left for the next pass, as ruff does. Fixes that are
    invalid for ``text`` (out of range, overlapping themselves, splitting a CRLF,
    or changing nothing) are never taken. A fix with exactly the same edits as
    one already taken is taken too (it is the same change, proposed twice).
    """
    order = sorted(
        (i for i, f in enumerate(fixes) if f is not None and f.edits and _valid(f, text)),
        key=lambda i: (*_extent(fixes[i]), i),  # type: ignore[arg-type]
    )
    taken: list[int] = []
    spans: list[tuple[int, int]] = []
    seen: set[frozenset[Edit]] = set()
    for i in order:
        fix = fixes[i]
        assert fix is not None
        key = frozenset(fix.edits)
        if key in seen:
            taken.append(i)
            continue
        if any(e.start <= hi and lo <= e.end for e in fix.edits for lo, hi in spans):
            continue
        taken.append(i)
        seen.add(key)
        spans.extend((e.start, e.end) for e in fix.edits)
    return sorted(taken, key=lambda i: (*_extent(fixes[i]), i))  # type: ignore[arg-type]


def apply_edits(text: str, edits: Iterable[Edit], newline: str = "\n") -> str:
    """``text`` with non-overlapping ``edits`` made; each newline in an edit's text becomes ``newline``.

    Raises ``ValueError`` when two edits overlap or one is out of range.
    """
    out: list[str] = []
    pos = 0
    for e in sorted(set(edits), key=lambda e: (e.start, e.end)):
        if e.start < pos or e.end > len(text) or e.start > e.end:
            raise ValueError(f"edit {e} overlaps another or lies outside the text")
        out.append(text[pos:e.start])
        out.append(_NEWLINE.sub(newline, e.text) if newline != "\n" else e.text.replace("\r\n", "\n"))
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def fix_text(text: str, fixes: Sequence[Fix | None], newline: str = "\n") -> tuple[str, list[int]]:
    """Apply the fixes :func:`plan` takes; returns the new text and the indices of the fixes applied."""
    taken = plan(fixes, text)
    edits = {e for i in taken for e in fixes[i].edits}  # type: ignore[union-attr]
    return apply_edits(text, edits, newline), taken


# --------------------------------------------------------------------------
# Bytes: encoding, BOM, line endings
# --------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class SourceCodec:
    """How a posting file's bytes map to editable text: ``bom`` + ``text.encode(codec)``.

    ``newline`` is the file's dominant line ending (``"\\n"``, ``"\\r\\n"`` or
    ``"\\r"``), used for newlines inside inserted text.
    """

    bom: bytes
    codec: str
    newline: str = "\n"

    @classmethod
    def of(cls, data: bytes) -> "SourceCodec":
        """The codec of ``data`` (BOM sniffed as :mod:`adlint.source` does; UTF-8 without one)."""
        for bom, codec in _BOMS:
            if data.startswith(bom):
                return cls(bom, codec, _newline_of(data[len(bom):], codec))
        return cls(b"", "utf-8", _newline_of(data, "utf-8"))

    def decode(self, data: bytes) -> str | None:
        """The text of ``data`` exactly as stored (lone CRs kept), or ``None`` when it does not decode."""
        try:
            return data[len(self.bom):].decode(self.codec)
        except UnicodeDecodeError:
            return None

    def encode(self, text: str) -> bytes:
        """``text`` back to bytes with this codec and BOM. Raises ``UnicodeEncodeError`` (not for UTF codecs)."""
        return self.bom + text.encode(self.codec)


def _newline_of(body: bytes, codec: str) -> str:
    try:
        text = body.decode(codec)
    except UnicodeDecodeError:
        return "\n"
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    best = max((crlf, "\r\n"), (lf, "\n"), (cr, "\r"), key=lambda t: t[0])
    return best[1] if best[0] else "\n"


# --------------------------------------------------------------------------
# The fix loop over the real linter
# --------------------------------------------------------------------------

@dataclass(slots=True)
class AppliedFix:
    """One finding fixed: its rule, where it was (in the text of the pass that fixed it), and what changed."""

    code: str
    name: str
    message: str
    applicability: str
    line: int
    col: int
    pass_no: int


@dataclass(slots=True)
class FixOutcome:
    """The result of :func:`fix_bytes` on one file.

    ``original``/``fixed``: the file's bytes before and after; ``applied``: the
    findings fixed, in order; ``result``: the lint result of ``fixed`` (its
    remaining findings); ``passes``: lint passes run; ``converged``: False when
    applicable fixes were still left after the last pass; ``notes``: warnings
    for the user (a pass undone, no convergence).
    """

    path: str
    original: bytes
    fixed: bytes
    applied: list[AppliedFix]
    result: "Result"
    passes: int = 0
    converged: bool = True
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the fixed bytes differ from the original."""
        return self.fixed != self.original


def _damage(before: "Result", after: "Result") -> str | None:
    """Why ``after`` reads worse than ``before`` (a new reading problem, lost metadata), or ``None``."""
    b, a = before.posting, after.posting
    if a.readable < b.readable or len(a.problems) > len(b.problems):
        new = [p.message for p in a.problems if p.message not in {q.message for q in b.problems}]
        return new[0] if new else "a new reading problem"
    lost = set(b.metadata) - set(a.metadata)
    if lost:
        return f"metadata key(s) {', '.join(sorted(lost))} no longer read"
    if (b.jsonld is not None) and (a.jsonld is None):
        return "the JSON-LD JobPosting is no longer read"
    return None


def fix_bytes(display_path: str, data: bytes, config: "Config", real_path: Path | None = None, *,
              unsafe: bool = False, max_passes: int = MAX_PASSES, file_size: int | None = None) -> FixOutcome:
    """Lint ``data`` and apply its applicable fixes until none is left (at most ``max_passes`` fix passes).

    Each pass applies the fixes :func:`plan` takes and lints the result again
    (so up to ``max_passes + 1`` lint runs); ``outcome.result`` is the lint of
    the final bytes, with its ``crashes``.

    ``unsafe`` also applies fixes marked ``"unsafe"``. Suppressed and
    deselected findings are never fixed (the linter has removed them). A file
    whose bytes are not all here (``file_size`` larger than ``len(data)``), that
    does not decode, or that cannot be encoded back is returned unchanged.
    Never raises for bad input.
    """
    from adlint.linter import lint_bytes

    real = real_path or Path(display_path)
    result = lint_bytes(display_path, data, config, real, file_size=file_size)
    outcome = FixOutcome(display_path, data, data, [], result, passes=1)
    if file_size is not None and file_size > len(data):
        return outcome
    sc = SourceCodec.of(data)
    text = sc.decode(data)
    if text is None or not result.posting.readable:
        return outcome
    seen = {data}
    current = data
    for pass_no in range(1, max_passes + 1):
        diags = [d for d in result.diagnostics if applicable(d.fix, unsafe)]
        if not diags:
            break
        if len(text) != len(result.posting.source):  # offsets would not match: never guess
            outcome.notes.append("the decoded text and the file differ in length; not fixed")
            break
        new_text, taken = fix_text(text, [d.fix for d in diags], sc.newline)
        if not taken:
            break
        try:
            new_bytes = sc.encode(new_text)
        except UnicodeEncodeError:
            outcome.notes.append("a fix's text cannot be written in the file's encoding; not fixed")
            break
        if new_bytes == current:  # the edits change nothing once written (e.g. LF for CRLF)
            break
        if new_bytes in seen:  # fixes that undo each other (A → B → A): stop
            outcome.notes.append("fixes undo each other; stopped")
            break
        new_result = lint_bytes(display_path, new_bytes, config, real)
        outcome.passes += 1
        harm = _damage(result, new_result)
        if harm is not None:
            outcome.notes.append(f"fixes not applied ({', '.join(sorted({diags[i].code for i in taken}))}): "
                                 f"the result would not read cleanly: {harm}")
            break
        outcome.applied.extend(
            AppliedFix(d.code, d.name, d.fix.message, d.fix.applicability, d.line, d.col, pass_no)  # type: ignore[union-attr]
            for d in (diags[i] for i in taken)
        )
        seen.add(new_bytes)
        current, text, result = new_bytes, new_text, new_result
    else:
        if any(applicable(d.fix, unsafe) for d in result.diagnostics):
            outcome.converged = False
            outcome.notes.append(f"fixes did not settle after {max_passes} passes; some fixable findings remain")
    outcome.fixed = current
    outcome.result = result
    return outcome


# --------------------------------------------------------------------------
# Output: diffs, atomic writes
# --------------------------------------------------------------------------

def unified_diff(path: str, before: bytes, after: bytes, context: int = 3) -> str:
    """A unified diff (``--- path`` / ``+++ path``) of two versions of a posting file; ``""`` if equal.

    Lines keep their own endings (a CRLF file shows CRLF lines, as ``git diff``
    does); a last line without a newline is marked ``\\ No newline at end of file``.
    """
    import difflib

    if before == after:
        return ""
    sc = SourceCodec.of(before)
    old = sc.decode(before)
    new = SourceCodec.of(after).decode(after)
    if old is None or new is None:
        return f"Binary files {path} and {path} differ\n"
    out: list[str] = []
    for line in difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                     path, path, n=context):
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


def write_atomic(path: Path, data: bytes, expect: bytes | None = None) -> None:
    """Replace the file at ``path`` with ``data`` atomically, keeping its permission bits.

    Writes a temporary file in the same folder (same file system), flushes it
    to disk, then :func:`os.replace` s it over the target; a symlink is
    followed, so the link stays a link. When ``expect`` is given and the file
    no longer holds exactly those bytes (someone changed it meanwhile), nothing
    is written. Raises ``OSError`` (the file is untouched then, and the
    temporary file removed).
    """
    from adlint.atomic import replace_file

    target = Path(os.path.realpath(path))
    if expect is not None and target.read_bytes() != expect:
        raise OSError(f"{path} changed on disk while adlint was fixing it; not written")
    replace_file(target, data, prefix=f".{target.name}.", suffix=".adlint-tmp", fsync=True,
                 mode=stat.S_IMODE(target.stat().st_mode))


# --------------------------------------------------------------------------
# Language server: fixes as LSP text edits
# --------------------------------------------------------------------------

def lsp_position(text: str, offset: int) -> dict[str, int]:
    """LSP ``Position`` of a character offset: 0-based line, character in UTF-16 code units."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return {"line": line, "character": len(text[start:offset].encode("utf-16-le")) // 2}


def lsp_text_edits(text: str, fix: Fix) -> list[dict[str, object]]:
    """The LSP ``TextEdit`` list of ``fix`` over ``text`` (``Posting.source``), for a code action."""
    return [{"range": {"start": lsp_position(text, e.start), "end": lsp_position(text, e.end)}, "newText": e.text}
            for e in sorted(fix.edits, key=lambda e: e.start)]


# --------------------------------------------------------------------------
# The command line
# --------------------------------------------------------------------------

def add_arguments(parser: "argparse.ArgumentParser") -> None:
    """Add ``--fix``, ``--unsafe-fixes``, ``--diff``, ``--show-fixes`` and ``--exit-non-zero-on-fix`` to ``check``."""
    parser.add_argument("--fix", action="store_true", help="apply safe fixes to the files (stdin: print the fixed posting)")
    parser.add_argument("--unsafe-fixes", action="store_true",
                        help="with --fix or --diff, also apply unsafe fixes (wording a person should review)")
    parser.add_argument("--diff", action="store_true",
                        help="print a unified diff of the fixes and write nothing (exit 1 when there is a diff)")
    parser.add_argument("--show-fixes", action="store_true", help="list the fixes applied, per file and rule")
    parser.add_argument("--exit-non-zero-on-fix", action="store_true",
                        help="exit 1 when any file was fixed, even if no finding remains")


@dataclass
class FixSession:
    """One ``adlint check --fix``/``--diff`` run: lints through the engine, writes or diffs, reports.

    Use :meth:`from_args`; then :meth:`lint` for each file (instead of
    ``lint_bytes``) and :meth:`finish` once at the end.
    """

    write: bool = True
    unsafe: bool = False
    show_fixes: bool = False
    exit_non_zero_on_fix: bool = False
    exit_zero: bool = False
    outcomes: list[FixOutcome] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    stdin_output: bytes | None = None

    @classmethod
    def from_args(cls, args: "argparse.Namespace") -> "FixSession | None":
        """A session when ``--fix`` or ``--diff`` was given, else ``None`` (plain linting)."""
        if not (getattr(args, "fix", False) or getattr(args, "diff", False)):
            return None
        return cls(write=not args.diff, unsafe=args.unsafe_fixes, show_fixes=args.show_fixes,
                   exit_non_zero_on_fix=args.exit_non_zero_on_fix, exit_zero=getattr(args, "exit_zero", False))

    @property
    def diff(self) -> bool:
        """True in ``--diff`` mode: print diffs, write nothing, report no findings."""
        return not self.write

    @property
    def takes_stdout(self) -> bool:
        """True when standard output carries the fixed posting (``--fix`` on stdin): the report goes to stderr."""
        return self.stdin_output is not None

    def lint(self, display: str, real: Path, data: bytes, config: "Config", file_size: int | None,
             from_stdin: bool) -> "Result":
        """Fix one file (or stdin) and return the lint result of the fixed content.

        Files are written atomically in ``--fix`` mode; stdin's fixed bytes are
        kept for :meth:`finish`. A failed write is recorded in :attr:`errors` and
        the result of the unfixed content is returned.
        """
        outcome = fix_bytes(display, data, config, real, unsafe=self.unsafe, file_size=file_size)
        for note in outcome.notes:
            sys.stderr.write(f"adlint: warning: {display}: {note}\n")
        if from_stdin:
            if self.write:
                self.stdin_output = outcome.fixed
        elif outcome.changed and self.write:
            try:
                write_atomic(real, outcome.fixed, expect=outcome.original)
            except OSError as exc:
                self.errors.append(f"cannot write fixes to {display}: {exc.strerror or exc}")
                from adlint.linter import lint_bytes

                return lint_bytes(display, data, config, real, file_size=file_size)
        self.outcomes.append(outcome)
        return outcome.result

    def finish(self, out: TextIO, err: TextIO) -> int | None:
        """Print diffs (``--diff``), the fixed stdin posting (``--fix``), and what was fixed.

        Returns the exit code the run must end with (2 after a write error; in
        ``--diff`` mode 1 when there is a diff, else 0; 1 with
        ``--exit-non-zero-on-fix`` when something was fixed), or ``None`` to let
        the remaining findings decide as usual.
        """
        changed = [o for o in self.outcomes if o.changed]
        n = sum(len(o.applied) for o in changed)
        if self.diff:
            for o in changed:
                out.write(unified_diff(o.path, o.original, o.fixed))
        elif self.stdin_output is not None:
            out.flush()
            buffer = getattr(out, "buffer", None)
            if buffer is not None:
                buffer.write(self.stdin_output)
                buffer.flush()
            else:  # a text stream without bytes (tests): best effort
                out.write(SourceCodec.of(self.stdin_output).decode(self.stdin_output) or "")
        if n:
            verb = "Would fix" if self.diff else "Fixed"
            files = len(changed)
            err.write(f"{verb} {n} finding{'s' if n != 1 else ''} in {files} file{'s' if files != 1 else ''}"
                      f" ({summary(o.applied for o in changed)}).\n")
            if self.show_fixes:
                err.write(show_fixes(changed))
        elif self.show_fixes:
            err.write("No fixes available.\n" if self.diff else "No fixes applied.\n")
        for msg in self.errors:
            err.write(f"adlint: error: {msg}\n")
        if self.errors:
            return 2
        if self.diff:
            return 1 if changed else 0
        if self.exit_non_zero_on_fix and changed and not self.exit_zero:
            return 1
        return None


def summary(applied: Iterable[Iterable[AppliedFix]]) -> str:
    """``"AD402 × 2, AD407 × 1"``: fixes counted per rule code."""
    counts = Counter(a.code for group in applied for a in group)
    return ", ".join(f"{code} × {k}" for code, k in sorted(counts.items()))


def show_fixes(outcomes: Sequence[FixOutcome]) -> str:
    """The ``--show-fixes`` listing: per file, each rule with its count, then each fix's message."""
    lines: list[str] = []
    for o in outcomes:
        if not o.applied:
            continue
        lines.append(f"{o.path}:")
        counts = Counter((a.code, a.name) for a in o.applied)
        for (code, name), k in sorted(counts.items()):
            lines.append(f"  {k:3d} × {code} ({name})")
            for a in o.applied:
                if a.code == code:
                    lines.append(f"        {a.line}:{a.col}: {a.message}" + (" [unsafe]" if a.applicability != "safe" else ""))
    return "\n".join(lines) + "\n" if lines else ""


def fix_hint(diagnostics: Sequence[Diagnostic]) -> str:
    """A ruff-style hint line for the ``full`` format: how many findings ``--fix`` would fix; ``""`` if none."""
    safe = sum(1 for d in diagnostics if applicable(d.fix, False))
    unsafe = sum(1 for d in diagnostics if d.fix is not None and d.fix.edits and d.fix.applicability != "safe")
    if not safe and not unsafe:
        return ""
    parts = [f"[*] {safe} fixable with --fix"] if safe else []
    if unsafe:
        parts.append(f"{unsafe} more with --fix --unsafe-fixes" if safe else f"{unsafe} fixable with --fix --unsafe-fixes")
    return "; ".join(parts) + ".\n"
